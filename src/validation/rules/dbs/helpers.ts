import { DATABASE_ROLE, ROLE_ANNOTATION } from '../../../core/conventions';
import { isObject } from '../../../core/values';
import { isEmptySelector, workloadsSelectedBy } from '../../pod-spec';
import { ManifestObject, RuleContext } from '../../rule';

/** StatefulSets marked `golden-paths.dev/role: database` (StatefulDatabase marks its own; mark yours to get these checks). */
export function databases(ctx: RuleContext): ManifestObject[] {
  let list = databaseCache.get(ctx);
  if (!list) databaseCache.set(ctx, (list = ctx.ofKind('StatefulSet').filter((o) => o.annotations[ROLE_ANNOTATION] === DATABASE_ROLE)));
  return list;
}

const databaseCache = new WeakMap<RuleContext, ManifestObject[]>();

const budgeted = new WeakMap<RuleContext, Set<ManifestObject>>();

/** Whether a PodDisruptionBudget in the same namespace selects the pods (one indexed pass over the budgets). */
export function hasBudget(ctx: RuleContext, o: ManifestObject): boolean {
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
