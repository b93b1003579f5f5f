import { asArray, isObject, str } from '../../core/values';
import { StorageKind } from '../../knowledge/storage/types';
import { RuleFamily, Severity } from '../finding';
import {
  PodSpecInfo, isEmptySelector, mapSelectorMatches, podSpecs, push, selectorMatches, volumeNames, workloadIndex, workloadsSelectedBy,
} from '../pod-spec';
import { ManifestObject, Rule, RuleContext } from '../rule';

const APPS_CONTROLLERS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);
const ALWAYS_RESTART = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController']);
const JOB_KINDS = new Set(['Job', 'CronJob']);

function show(x: unknown): string {
  const s = JSON.stringify(x);
  return s === undefined ? String(x) : s.length > 120 ? s.slice(0, 117) + '...' : s;
}

/** The job spec (Job.spec or CronJob.spec.jobTemplate.spec) of a pod spec's owner. */
function jobSpecOf(info: PodSpecInfo): Record<string, any> | undefined {
  const o = info.owner.obj;
  if (info.owner.kind === 'Job') return isObject(o.spec) ? o.spec : undefined;
  if (info.owner.kind === 'CronJob') {
    const jt = isObject(o.spec) && isObject(o.spec.jobTemplate) ? o.spec.jobTemplate : undefined;
    return jt && isObject(jt.spec) ? jt.spec : undefined;
  }
  return undefined;
}

function ownerSpec(info: PodSpecInfo): Record<string, any> {
  return isObject(info.owner.obj.spec) ? info.owner.obj.spec : {};
}

/** Whether an int-or-string is zero (0, "0", "0%"). */
function isZero(x: unknown): boolean {
  return x === 0 || x === '0' || x === '0%';
}

function percent(x: unknown): number | undefined {
  if (typeof x !== 'string') return undefined;
  const m = /^(\d+)%$/.exec(x);
  return m ? Number(m[1]) : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Indexes shared by the PDB and claim rules, built once per context

interface ClaimUse {
  readonly info: PodSpecInfo;
  readonly readOnly: boolean;
}

const claimCache = new WeakMap<RuleContext, Map<string, ClaimUse[]>>();

/** Pod specs that mount each claim, keyed by `namespace/claimName`. */
function claimUses(ctx: RuleContext): Map<string, ClaimUse[]> {
  let m = claimCache.get(ctx);
  if (m) return m;
  m = new Map();
  for (const info of podSpecs(ctx)) {
    if (info.owner.kind === 'PodTemplate') continue;
    const ns = ctx.namespaceOf(info.owner) ?? 'default';
    const seen = new Set<string>();
    for (const vol of asArray(info.spec.volumes)) {
      const pvc = isObject(vol) && isObject(vol.persistentVolumeClaim) ? vol.persistentVolumeClaim : undefined;
      const claim = pvc ? str(pvc.claimName) : undefined;
      if (!claim || seen.has(claim)) continue;
      seen.add(claim);
      push(m, `${ns}/${claim}`, { info, readOnly: pvc!.readOnly === true });
    }
  }
  claimCache.set(ctx, m);
  return m;
}

function podCount(uses: ClaimUse[]): number {
  let n = 0;
  for (const u of uses) n += u.info.perNode ? Number.POSITIVE_INFINITY : (u.info.replicas ?? 0);
  return n;
}

function describeUses(uses: ClaimUse[]): string {
  return uses.map((u) => `${u.info.owner.kind}/${u.info.owner.name}${u.info.perNode ? ' (one pod per node)' : ` (${u.info.replicas} replica${u.info.replicas === 1 ? '' : 's'})`}`).join(', ');
}

/** Whether the pods of a claim are all forced onto one node anyway (node-local storage), so RWO sharing is safe. */
function nodeLocal(ctx: RuleContext, claim: ManifestObject): boolean {
  const spec = isObject(claim.obj.spec) ? claim.obj.spec : {};
  const pvName = str(spec.volumeName);
  if (pvName) {
    const pv = ctx.get('PersistentVolume', undefined, pvName);
    if (pv && isObject(pv.obj.spec) && (isObject(pv.obj.spec.local) || isObject(pv.obj.spec.hostPath))) return true;
  }
  const cls = ctx.classOfClaim(spec);
  return cls?.capabilities?.kind === StorageKind.LOCAL;
}

function accessModesOf(claim: ManifestObject): string[] {
  const spec = isObject(claim.obj.spec) ? claim.obj.spec : {};
  return asArray(spec.accessModes).filter((m): m is string => typeof m === 'string');
}

/** Whether the uses of a claim can share it across nodes: RWX, or ROX mounted read-only everywhere. */
function multiNodeOk(modes: string[], uses: ClaimUse[]): boolean {
  if (modes.includes('ReadWriteMany')) return true;
  return modes.includes('ReadOnlyMany') && uses.every((u) => u.readOnly);
}

// ---------------------------------------------------------------------------------------------------------------

/** Rules over pods and their controllers. */
export const WORKLOAD_RULES: Rule[] = [
  {
    id: 'WKL-001',
    severity: Severity.ERROR,
    family: RuleFamily.WORKLOAD,
    what: 'The selector of a Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController or manual-selector Job must match its pod template labels.',
    why: 'The API server rejects a controller whose selector does not select its own pods ("selector does not match template labels").',
    fix: 'Put every selector label on spec.template.metadata.labels with the same value (or correct the selector).',
    check(ctx) {
      for (const info of podSpecs(ctx)) {
        const kind = info.owner.kind;
        if (kind === 'ReplicationController') {
          if (isObject(info.selector) && Object.keys(info.selector).length > 0 && !mapSelectorMatches(info.selector, info.labels)) {
            ctx.report(info.owner, `selector ${show(info.selector)} does not match template labels ${show(info.labels)}`);
          }
          continue;
        }
        const manualJob = JOB_KINDS.has(kind) && jobSpecOf(info)?.manualSelector === true;
        if (!APPS_CONTROLLERS.has(kind) && !manualJob) continue;
        if (isEmptySelector(info.selector)) continue; // WKL-002 / SCH-003
        if (!selectorMatches(info.selector, info.labels)) {
          ctx.report(info.owner, `selector ${show(info.selector)} does not match template labels ${show(info.labels)}`);
        }
      }
    },
  },
  {
    id: 'WKL-002',
    severity: Severity.ERROR,
    family: RuleFamily.WORKLOAD,
    what: 'A Deployment, StatefulSet, DaemonSet or ReplicaSet selector must not be empty; a Job sets a selector only with manualSelector: true.',
    why: 'The API server rejects an empty selector (it would adopt every pod of the namespace), and a Job selector without manualSelector.',
    fix: 'Select on a label unique to the workload, e.g. app.kubernetes.io/name; on a Job remove the selector and let Kubernetes generate it.',
    check(ctx) {
      for (const info of podSpecs(ctx)) {
        const kind = info.owner.kind;
        if (APPS_CONTROLLERS.has(kind) && info.selector !== undefined && info.selector !== null && isEmptySelector(info.selector)) {
          ctx.report(info.owner, 'spec.selector is empty');
        }
        if (JOB_KINDS.has(kind)) {
          const job = jobSpecOf(info);
          if (job && isObject(job.selector) && job.manualSelector !== true) {
            ctx.report(info.owner, 'selector is set but manualSelector is not true (Kubernetes generates the Job selector)');
          }
        }
      }
    },
  },
  {
    id: 'WKL-003',
    severity: Severity.ERROR,
    family: RuleFamily.WORKLOAD,
    what: 'Every volumeMount and volumeDevice must name a pod volume (or, in a StatefulSet, a volumeClaimTemplate).',
    why: 'The API server accepts the controller, but every pod it creates is rejected: the workload never starts, with the error only in its events.',
    fix: 'Add the volume to spec.template.spec.volumes (or a volumeClaimTemplate of that name), or correct the mount name.',
    check(ctx) {
      for (const info of podSpecs(ctx)) {
        const names = volumeNames(info.spec);
        for (const t of info.claimTemplates) names.add(t.name);
        for (const c of info.containers) {
          for (const field of ['volumeMounts', 'volumeDevices'] as const) {
            for (const m of asArray(c.container[field])) {
              const name = isObject(m) ? str(m.name) : undefined;
              if (name === undefined || names.has(name)) continue;
              const known = [...names];
              ctx.report(info.owner, `container ${c.name}: ${field === 'volumeMounts' ? 'volumeMount' : 'volumeDevice'} ${name} has no volume`
                + `${info.owner.kind === 'StatefulSet' ? ' or volumeClaimTemplate' : ''} of that name (${known.length ? `known: ${known.join(', ')}` : 'the pod has no volumes'})`);
            }
          }
        }
      }
    },
  },
  {
    id: 'WKL-004',
    severity: Severity.ERROR,
    family: RuleFamily.WORKLOAD,
    what: 'A StatefulSet serviceName must name a headless Service (clusterIP: None) in its namespace that selects its pods, when that Service is among the objects.',
    why: 'The pods of a StatefulSet get their stable DNS names (db-0.db) only from a headless Service that selects them; with a normal Service, peers cannot find each other.',
    fix: 'Set clusterIP: None on the governing Service and make its selector match the pod template labels (a separate ClusterIP Service can serve clients).',
    check(ctx) {
      for (const o of ctx.ofKind('StatefulSet')) {
        const spec = isObject(o.obj.spec) ? o.obj.spec : undefined;
        if (!spec || spec.serviceName === undefined || spec.serviceName === null) continue; // required: SCH-003
        const name = spec.serviceName;
        if (typeof name !== 'string') continue; // SCH-002
        if (name.trim() === '') {
          ctx.report(o, 'serviceName is empty');
          continue;
        }
        const svc = ctx.get('Service', ctx.namespaceOf(o), name);
        if (!svc) continue; // WKL-005
        const svcSpec = isObject(svc.obj.spec) ? svc.obj.spec : {};
        if (svcSpec.clusterIP !== 'None') {
          ctx.report(o, `serviceName ${name} is not a headless Service (clusterIP is ${show(svcSpec.clusterIP ?? '(allocated)')}, not None)`);
        }
        const template = isObject(spec.template) && isObject(spec.template.metadata) ? spec.template.metadata.labels : undefined;
        const labels: Record<string, string> = {};
        if (isObject(template)) for (const [key, v] of Object.entries(template)) if (typeof v === 'string') labels[key] = v;
        if (isObject(svcSpec.selector) && Object.keys(svcSpec.selector).length > 0 && !mapSelectorMatches(svcSpec.selector, labels)) {
          ctx.report(o, `Service ${name} selector ${show(svcSpec.selector)} does not select the pods (labels ${show(labels)})`);
        }
      }
    },
  },
  {
    id: 'WKL-005',
    severity: Severity.WARNING,
    family: RuleFamily.WORKLOAD,
    what: 'The headless Service a StatefulSet names in serviceName should be among the validated objects.',
    why: 'Without that Service the pods have no stable DNS names; it may exist in the cluster already, which the validator cannot see, hence a warning.',
    fix: 'Add a headless Service (clusterIP: None) of that name selecting the pods, or suppress with the reason if it is managed elsewhere.',
    check(ctx) {
      for (const o of ctx.ofKind('StatefulSet')) {
        const name = isObject(o.obj.spec) ? str(o.obj.spec.serviceName) : undefined;
        if (!name || name.trim() === '') continue;
        if (!ctx.get('Service', ctx.namespaceOf(o), name)) {
          ctx.report(o, `serviceName ${name}: no Service ${name} in namespace ${ctx.namespaceOf(o)} among the objects`);
        }
      }
    },
  },
  {
    id: 'WKL-006',
    severity: Severity.ERROR,
    family: RuleFamily.WORKLOAD,
    what: 'Update strategies must be valid: Deployment Recreate or RollingUpdate (maxSurge and maxUnavailable not both 0); StatefulSet and DaemonSet RollingUpdate or OnDelete; rollingUpdate only with RollingUpdate; partition >= 0.',
    why: 'The API server rejects any other strategy type, rollingUpdate settings with another type, and a rollout that may neither add nor remove a pod.',
    fix: 'Use one of the listed types; remove rollingUpdate when the type is not RollingUpdate; let maxSurge or maxUnavailable be at least 1.',
    check(ctx) {
      for (const o of ctx.ofKind('Deployment', 'StatefulSet', 'DaemonSet')) {
        if (!isObject(o.obj.spec)) continue;
        const field = o.kind === 'Deployment' ? 'strategy' : 'updateStrategy';
        const strategy = o.obj.spec[field];
        if (!isObject(strategy)) continue;
        const types = o.kind === 'Deployment' ? ['RollingUpdate', 'Recreate'] : ['RollingUpdate', 'OnDelete'];
        const type = strategy.type ?? 'RollingUpdate';
        if (!types.includes(type)) {
          ctx.report(o, `${field}.type ${show(type)} is not ${types.join(' or ')}`);
          continue;
        }
        const ru = strategy.rollingUpdate;
        if (type !== 'RollingUpdate' && isObject(ru) && o.kind !== 'DaemonSet') {
          ctx.report(o, `${field}.rollingUpdate is set but ${field}.type is ${type}`);
        }
        if (!isObject(ru)) continue;
        if (o.kind === 'Deployment' && isZero(ru.maxSurge) && isZero(ru.maxUnavailable)) {
          ctx.report(o, 'strategy.rollingUpdate.maxSurge and maxUnavailable are both 0: the rollout can never progress');
        }
        if (o.kind === 'StatefulSet' && typeof ru.partition === 'number' && ru.partition < 0) {
          ctx.report(o, `updateStrategy.rollingUpdate.partition ${ru.partition} is negative`);
        }
      }
    },
  },
  {
    id: 'WKL-007',
    severity: Severity.WARNING,
    family: RuleFamily.WORKLOAD,
    what: 'A StatefulSet rollingUpdate partition should not exceed its replicas.',
    why: 'Only pods with an ordinal >= partition are updated: with partition above replicas, template changes reach no pod and the update silently does nothing.',
    fix: 'Lower the partition to stage a canary (replicas - 1) or to 0 to roll out to all pods.',
    check(ctx) {
      for (const info of podSpecs(ctx)) {
        if (info.owner.kind !== 'StatefulSet') continue;
        const s = ownerSpec(info).updateStrategy;
        const p = isObject(s) && isObject(s.rollingUpdate) ? s.rollingUpdate.partition : undefined;
        if (typeof p === 'number' && info.replicas !== undefined && p > info.replicas) {
          ctx.report(info.owner, `updateStrategy.rollingUpdate.partition ${p} is greater than replicas ${info.replicas}: no pod will be updated`);
        }
      }
    },
  },
  {
    id: 'WKL-008',
    severity: Severity.ERROR,
    family: RuleFamily.WORKLOAD,
    what: 'A StatefulSet podManagementPolicy must be OrderedReady or Parallel.',
    why: 'The API server rejects any other value.',
    fix: 'Use OrderedReady (one pod at a time, the safe default for databases) or Parallel.',
    check(ctx) {
      for (const o of ctx.ofKind('StatefulSet')) {
        const v = isObject(o.obj.spec) ? o.obj.spec.podManagementPolicy : undefined;
        if (v === undefined || v === null || v === 'OrderedReady' || v === 'Parallel') continue;
        ctx.report(o, `podManagementPolicy ${show(v)} is not OrderedReady or Parallel`);
      }
    },
  },
  {
    id: 'WKL-009',
    severity: Severity.ERROR,
    family: RuleFamily.WORKLOAD,
    what: 'restartPolicy must fit the controller: Always for Deployments, StatefulSets, DaemonSets and ReplicaSets; OnFailure or Never (set explicitly) for Jobs and CronJobs.',
    why: 'The API server rejects other values; a Job template without restartPolicy gets the default Always, which Jobs reject.',
    fix: 'Remove restartPolicy from long-running controllers (Always is the default); set OnFailure or Never on Job templates.',
    check(ctx) {
      for (const info of podSpecs(ctx)) {
        const kind = info.owner.kind;
        const v = info.spec.restartPolicy;
        if (ALWAYS_RESTART.has(kind)) {
          if (v !== undefined && v !== null && v !== 'Always') ctx.report(info.owner, `${info.path}.restartPolicy ${show(v)} is not Always`);
        } else if (JOB_KINDS.has(kind)) {
          if (v !== 'OnFailure' && v !== 'Never') {
            ctx.report(info.owner, v === undefined || v === null
              ? `${info.path}.restartPolicy is not set: the default Always is not allowed for a ${kind}`
              : `${info.path}.restartPolicy ${show(v)} is not OnFailure or Never`);
          }
        } else if (v !== undefined && v !== null && v !== 'Always' && v !== 'OnFailure' && v !== 'Never') {
          ctx.report(info.owner, `${info.path}.restartPolicy ${show(v)} is not Always, OnFailure or Never`);
        }
      }
    },
  },
  {
    id: 'WKL-010',
    severity: Severity.ERROR,
    family: RuleFamily.WORKLOAD,
    what: 'A PodDisruptionBudget must allow at least one disruption: not maxUnavailable 0, not minAvailable 100%, not minAvailable >= the replicas it selects.',
    why: 'Such a budget blocks every voluntary eviction: kubectl drain, node upgrades and cluster autoscaling hang on its pods forever.',
    fix: 'Use maxUnavailable: 1 (or minAvailable below the replica count); for a single replica, run more replicas or drop the PDB.',
    check(ctx) {
      for (const o of ctx.ofKind('PodDisruptionBudget')) {
        const spec = isObject(o.obj.spec) ? o.obj.spec : undefined;
        if (!spec) continue;
        if (spec.maxUnavailable !== undefined && isZero(spec.maxUnavailable)) {
          ctx.report(o, `maxUnavailable ${show(spec.maxUnavailable)} allows no disruption`);
          continue;
        }
        const min = spec.minAvailable;
        if (min === undefined || min === null) continue;
        if (percent(min) !== undefined && percent(min)! >= 100) {
          ctx.report(o, `minAvailable ${show(min)} allows no disruption`);
          continue;
        }
        const ns = ctx.namespaceOf(o) ?? 'default';
        const selected = workloadsSelectedBy(ctx, ns, spec.selector);
        if (selected.length === 0 || selected.some((w) => w.perNode)) continue;
        const total = selected.reduce((n, w) => n + (w.replicas ?? 0), 0);
        if (total === 0) continue;
        const p = percent(min);
        const needed = p !== undefined ? Math.ceil((p * total) / 100) : (typeof min === 'number' ? min : undefined);
        if (needed !== undefined && needed >= total) {
          const names = selected.map((w) => `${w.owner.kind}/${w.owner.name}`).join(', ');
          ctx.report(o, `minAvailable ${show(min)} with ${total} selected pod${total === 1 ? '' : 's'} (${names}) allows no disruption`);
        }
      }
    },
  },
  {
    id: 'WKL-011',
    severity: Severity.WARNING,
    family: RuleFamily.WORKLOAD,
    what: 'A PodDisruptionBudget should select the pods of some workload among the objects (checked only when the objects hold workloads).',
    why: 'A budget that selects nothing protects nothing: usually a selector typo, and the workload it was meant for can be drained all at once.',
    fix: 'Make the selector match the pod template labels of the workload, in the same namespace.',
    check(ctx) {
      if (workloadIndex(ctx).byNamespace.size === 0) return; // a file of PDBs alone: the workloads are elsewhere
      for (const o of ctx.ofKind('PodDisruptionBudget')) {
        const spec = isObject(o.obj.spec) ? o.obj.spec : undefined;
        if (!spec) continue;
        const ns = ctx.namespaceOf(o) ?? 'default';
        if (workloadsSelectedBy(ctx, ns, spec.selector).length === 0) {
          ctx.report(o, `selector ${show(spec.selector ?? {})} selects no workload in namespace ${ns}`);
        }
      }
    },
  },
  {
    id: 'WKL-012',
    severity: Severity.ERROR,
    family: RuleFamily.WORKLOAD,
    what: 'A ReadWriteOncePod claim must be mounted by one pod only (one workload with one replica).',
    why: 'Only one pod can ever use a ReadWriteOncePod volume: every other pod stays Pending or ContainerCreating.',
    fix: 'Use a claim per pod (StatefulSet volumeClaimTemplates), one replica, or ReadWriteMany storage for shared data.',
    check(ctx) {
      for (const [key, uses] of claimUses(ctx)) {
        const [ns, name] = splitKey(key);
        const claim = ctx.get('PersistentVolumeClaim', ns, name);
        if (!claim) continue;
        const modes = accessModesOf(claim);
        if (!modes.includes('ReadWriteOncePod') || podCount(uses) <= 1) continue;
        for (const u of uses) {
          ctx.report(u.info.owner, `claim ${name} is ReadWriteOncePod but ${describeUses(uses)} mount it: only one pod can run`);
        }
      }
    },
  },
  {
    id: 'WKL-013',
    severity: Severity.WARNING,
    family: RuleFamily.WORKLOAD,
    what: 'A ReadWriteOnce claim should not be mounted by several pods (replicas > 1, a DaemonSet or several workloads) unless its storage is node-local.',
    why: 'ReadWriteOnce attaches the volume to one node: pods scheduled on other nodes hang in ContainerCreating with Multi-Attach errors.',
    fix: 'Give each replica its own claim (StatefulSet volumeClaimTemplates), or use a ReadWriteMany storage system (SharedRwxVolume) for shared data.',
    check(ctx) {
      for (const [key, uses] of claimUses(ctx)) {
        const [ns, name] = splitKey(key);
        const claim = ctx.get('PersistentVolumeClaim', ns, name);
        if (!claim) continue;
        const modes = accessModesOf(claim);
        if (!modes.includes('ReadWriteOnce') || modes.includes('ReadWriteOncePod') || multiNodeOk(modes, uses)) continue;
        if (podCount(uses) <= 1 || nodeLocal(ctx, claim)) continue;
        for (const u of uses) {
          ctx.report(u.info.owner, `claim ${name} is ReadWriteOnce but ${describeUses(uses)} mount it: pods on other nodes cannot attach it (Multi-Attach error)`);
        }
      }
    },
  },
  {
    id: 'WKL-014',
    severity: Severity.WARNING,
    family: RuleFamily.WORKLOAD,
    what: 'A single-replica Deployment that mounts a ReadWriteOnce or ReadWriteOncePod claim should use the Recreate strategy.',
    why: 'A rolling update starts the new pod before stopping the old one: it cannot attach the volume (on another node, or ever with ReadWriteOncePod), so the rollout hangs.',
    fix: 'Set spec.strategy.type: Recreate, or move the data to a StatefulSet.',
    check(ctx) {
      for (const [key, uses] of claimUses(ctx)) {
        const [ns, name] = splitKey(key);
        const claim = ctx.get('PersistentVolumeClaim', ns, name);
        if (!claim || podCount(uses) > 1) continue;
        const modes = accessModesOf(claim);
        const rwop = modes.includes('ReadWriteOncePod');
        if (!rwop && (!modes.includes('ReadWriteOnce') || multiNodeOk(modes, uses) || nodeLocal(ctx, claim))) continue;
        for (const u of uses) {
          if (u.info.owner.kind !== 'Deployment') continue;
          const s = ownerSpec(u.info).strategy;
          const type = isObject(s) ? (s.type ?? 'RollingUpdate') : 'RollingUpdate';
          if (type !== 'RollingUpdate') continue;
          if (isObject(s) && isObject(s.rollingUpdate) && isZero(s.rollingUpdate.maxSurge) && !rwop) continue;
          ctx.report(u.info.owner, `strategy is RollingUpdate and claim ${name} is ${rwop ? 'ReadWriteOncePod' : 'ReadWriteOnce'}: the new pod cannot attach it while the old one runs`);
        }
      }
    },
  },
  {
    id: 'WKL-015',
    severity: Severity.WARNING,
    family: RuleFamily.WORKLOAD,
    what: 'A claim a pod mounts should be among the validated objects (same namespace).',
    why: 'A pod whose claim does not exist stays Pending; the claim may exist in the cluster already, which the validator cannot see, hence a warning.',
    fix: 'Add the PersistentVolumeClaim, correct claimName or the namespace, or suppress with the reason if the claim is managed elsewhere.',
    check(ctx) {
      for (const [key, uses] of claimUses(ctx)) {
        const [ns, name] = splitKey(key);
        if (ctx.get('PersistentVolumeClaim', ns, name)) continue;
        for (const u of uses) ctx.report(u.info.owner, `claim ${name} is not among the objects in namespace ${ns}`);
      }
    },
  },
  {
    id: 'WKL-016',
    severity: Severity.WARNING,
    family: RuleFamily.WORKLOAD,
    what: 'A StatefulSet persistentVolumeClaimRetentionPolicy with whenDeleted or whenScaled Delete deletes its claims.',
    why: 'With Delete, kubectl delete or a scale-down removes the claims, and with a Delete reclaim policy the data is gone for good.',
    fix: 'Keep the default Retain for both, and delete claims by hand when the data is no longer needed.',
    check(ctx) {
      for (const o of ctx.ofKind('StatefulSet')) {
        const p = isObject(o.obj.spec) ? o.obj.spec.persistentVolumeClaimRetentionPolicy : undefined;
        if (!isObject(p)) continue;
        for (const f of ['whenDeleted', 'whenScaled']) {
          if (p[f] === 'Delete') {
            ctx.report(o, `persistentVolumeClaimRetentionPolicy.${f} is Delete: claims are deleted when the StatefulSet is ${f === 'whenDeleted' ? 'deleted' : 'scaled down'}`);
          }
        }
      }
    },
  },
  {
    id: 'WKL-017',
    severity: Severity.ERROR,
    family: RuleFamily.WORKLOAD,
    what: 'persistentVolumeClaimRetentionPolicy whenDeleted and whenScaled must be Retain or Delete.',
    why: 'The API server rejects any other value.',
    fix: 'Use Retain (keeps the data, the safe default) or Delete.',
    check(ctx) {
      for (const o of ctx.ofKind('StatefulSet')) {
        const p = isObject(o.obj.spec) ? o.obj.spec.persistentVolumeClaimRetentionPolicy : undefined;
        if (!isObject(p)) continue;
        for (const f of ['whenDeleted', 'whenScaled']) {
          const v = p[f];
          if (v !== undefined && v !== null && v !== 'Retain' && v !== 'Delete') {
            ctx.report(o, `persistentVolumeClaimRetentionPolicy.${f} ${show(v)} is not Retain or Delete`);
          }
        }
      }
    },
  },
  {
    id: 'WKL-018',
    severity: Severity.WARNING,
    family: RuleFamily.WORKLOAD,
    what: 'A StatefulSet should not set terminationGracePeriodSeconds to 0.',
    why: 'Pods are killed without a chance to flush data, and Kubernetes documents a zero grace period for StatefulSet pods as unsafe: it can break at-most-one-pod-per-identity.',
    fix: 'Remove it (default 30 s) or give the process the time it needs to shut down cleanly.',
    check(ctx) {
      for (const info of podSpecs(ctx)) {
        if (info.owner.kind === 'StatefulSet' && info.spec.terminationGracePeriodSeconds === 0) {
          ctx.report(info.owner, 'terminationGracePeriodSeconds is 0');
        }
      }
    },
  },
  {
    id: 'WKL-019',
    severity: Severity.ERROR,
    family: RuleFamily.WORKLOAD,
    what: 'Names must be unique where the API server requires it: volumes of a pod, containers (with init and ephemeral containers) of a pod, mountPaths of a container.',
    why: 'The API server rejects the pod, or for controllers every pod they create, with a Duplicate value error.',
    fix: 'Rename or remove the duplicate (see the message).',
    check(ctx) {
      for (const info of podSpecs(ctx)) {
        const vols = new Set<string>();
        for (const v of asArray(info.spec.volumes)) {
          const n = isObject(v) ? str(v.name) : undefined;
          if (n === undefined) continue;
          if (vols.has(n)) ctx.report(info.owner, `volume ${n} is defined twice`);
          vols.add(n);
        }
        const names = new Set<string>();
        for (const c of info.containers) {
          const n = str(c.container.name);
          if (n !== undefined) {
            if (names.has(n)) ctx.report(info.owner, `container name ${n} is used twice`);
            names.add(n);
          }
          const paths = new Set<string>();
          for (const m of asArray(c.container.volumeMounts)) {
            const p = isObject(m) ? str(m.mountPath) : undefined;
            if (p === undefined) continue;
            if (paths.has(p)) ctx.report(info.owner, `container ${c.name}: mountPath ${p} is used twice`);
            paths.add(p);
          }
        }
      }
    },
  },
  {
    id: 'WKL-020',
    severity: Severity.WARNING,
    family: RuleFamily.WORKLOAD,
    what: 'A container should not define the same environment variable twice.',
    why: 'Only the last definition takes effect, so the value a reviewer reads first is not the one the process sees.',
    fix: 'Remove the duplicate env entry.',
    check(ctx) {
      for (const info of podSpecs(ctx)) {
        for (const c of info.containers) {
          const env = asArray(c.container.env);
          if (env.length < 2) continue;
          const seen = new Set<string>();
          for (const e of env) {
            const n = isObject(e) ? str(e.name) : undefined;
            if (n === undefined) continue;
            if (seen.has(n)) ctx.report(info.owner, `container ${c.name}: env ${n} is defined twice`);
            seen.add(n);
          }
        }
      }
    },
  },
];

function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return [key.slice(0, i), key.slice(i + 1)];
}
