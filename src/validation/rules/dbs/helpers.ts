import { isObject } from '../../../core/values';
import { hasDatabaseRole } from '../../metadata';
import { isEmptySelector, workloadsSelectedBy } from '../../pod-spec';
import { ManifestObject, RuleContext } from '../../rule';

/** StatefulSets marked `golden-paths.dev/role: database` (StatefulDatabase marks its own; mark yours to get these checks). */
export function databases(ctx: RuleContext): ManifestObject[] {
  return ctx.ofKind('StatefulSet').filter((o) => hasDatabaseRole(o.obj));
}

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
