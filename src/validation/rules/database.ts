import { ROLE_ANNOTATION } from '../../core/conventions';
import { asArray, isObject } from '../../core/values';
import { RuleFamily, Severity } from '../finding';
import { isEmptySelector, workloadsSelectedBy } from '../pod-spec';
import { ManifestObject, Rule, RuleContext } from '../rule';

/** StatefulSets marked `golden-paths.dev/role: database` (StatefulDatabase marks its own; mark yours to get these checks). */
function databases(ctx: RuleContext): ManifestObject[] {
  return ctx.ofKind('StatefulSet').filter((o) => isObject(o.obj.metadata) && isObject(o.obj.metadata.annotations)
    && o.obj.metadata.annotations[ROLE_ANNOTATION] === 'database');
}

const budgeted = new WeakMap<RuleContext, Set<ManifestObject>>();

/** Whether a PodDisruptionBudget in the same namespace selects the pods (one indexed pass over the budgets). */
function hasBudget(ctx: RuleContext, o: ManifestObject): boolean {
  let set = budgeted.get(ctx);
  if (!set) {
    set = new Set();
    for (const pdb of ctx.ofKind('PodDisruptionBudget')) {
      if (!isObject(pdb.obj.spec) || isEmptySelector(pdb.obj.spec.selector)) continue;
      for (const w of workloadsSelectedBy(ctx, ctx.namespaceOf(pdb) ?? 'default', pdb.obj.spec.selector)) set.add(w.owner);
    }
    budgeted.set(ctx, set);
  }
  return set.has(o);
}

/** Rules specific to databases run as StatefulSets. */
export const DATABASE_RULES: Rule[] = [
  {
    id: 'DBS-001',
    severity: Severity.WARNING,
    family: RuleFamily.WORKLOAD,
    what: 'A database StatefulSet should run more than one replica under a PodDisruptionBudget.',
    why: 'A single replica cannot be protected: minAvailable 1 on one pod blocks every node drain, and without a budget each drain or upgrade stops the database.',
    fix: 'Run replicas: 2 or more (StatefulDatabase then adds maxUnavailable 1), or accept the downtime of each node drain.',
    check(ctx) {
      for (const o of databases(ctx)) {
        const replicas = isObject(o.obj.spec) ? (o.obj.spec.replicas ?? 1) : 1;
        if (typeof replicas !== 'number') continue;
        if (replicas <= 1) {
          ctx.report(o, `${replicas} replica: no PodDisruptionBudget can protect it, so every node drain stops the database`);
        } else if (!hasBudget(ctx, o)) {
          ctx.report(o, `${replicas} replicas and no PodDisruptionBudget selects them: a drain may evict them all at once`,
            { fix: 'Add a PodDisruptionBudget with maxUnavailable: 1 selecting the pod labels.' });
        }
      }
    },
  },
  {
    id: 'DBS-002',
    severity: Severity.WARNING,
    family: RuleFamily.STORAGE,
    what: 'A database StatefulSet should retain its volumes when deleted or scaled down.',
    why: 'persistentVolumeClaimRetentionPolicy Delete removes the claims, and with the usual Delete reclaim policy the data, on a kubectl delete or a scale-down.',
    fix: 'Set persistentVolumeClaimRetentionPolicy whenDeleted: Retain and whenScaled: Retain (StatefulDatabase does unless dangerouslyDeleteVolumesOnScaleDownAndDelete is set).',
    check(ctx) {
      for (const o of databases(ctx)) {
        const policy = isObject(o.obj.spec) && isObject(o.obj.spec.persistentVolumeClaimRetentionPolicy) ? o.obj.spec.persistentVolumeClaimRetentionPolicy : {};
        const deleting = (['whenDeleted', 'whenScaled'] as const).filter((k) => policy[k] === 'Delete');
        if (deleting.length) {
          ctx.report(o, `persistentVolumeClaimRetentionPolicy deletes the database volumes (${deleting.map((k) => `${k}: Delete`).join(', ')})`);
        }
      }
    },
  },
  {
    id: 'DBS-003',
    severity: Severity.ERROR,
    family: RuleFamily.STORAGE,
    what: 'The claim templates of a database StatefulSet must not request ReadWriteMany or ReadOnlyMany.',
    why: 'A database needs one writer per data directory: a shared volume lets two servers write the same files (corruption), and a read-only one cannot hold a database.',
    fix: 'Use ReadWriteOnce or ReadWriteOncePod on block storage, and replicate at the database level.',
    check(ctx) {
      for (const o of databases(ctx)) {
        const templates = isObject(o.obj.spec) ? asArray(o.obj.spec.volumeClaimTemplates) : [];
        for (const t of templates) {
          const modes = isObject(t) && isObject(t.spec) ? asArray(t.spec.accessModes) : [];
          const bad = modes.filter((m) => m === 'ReadWriteMany' || m === 'ReadOnlyMany');
          if (bad.length) {
            const name = isObject(t.metadata) ? t.metadata.name : '?';
            ctx.report(o, `claim template ${name} requests ${bad.join(', ')}`);
          }
        }
      }
    },
  },
];
