import { DATABASE_ROLE, ROLE_ANNOTATION } from '../../../core/conventions';
import { isObject } from '../../../core/values';
import { isEmptySelector, workloadsSelectedBy } from '../../pod-spec';
import { ManifestObject, RuleContext } from '../../rule';

/** StatefulSets marked `golden-paths.dev/role: database` (StatefulDatabase marks its own; mark yours to get these checks). */
export function databases(ctx: RuleContext): ManifestObject[] {
  return ctx.memo(findDatabases);
}

function findDatabases(ctx: RuleContext): ManifestObject[] {
  return ctx.ofKind('StatefulSet').filter((o) => o.annotations[ROLE_ANNOTATION] === DATABASE_ROLE);
}

/** Whether a PodDisruptionBudget in the same namespace selects the pods (one indexed pass over the budgets). */
export function hasBudget(ctx: RuleContext, o: ManifestObject): boolean {
  return ctx.memo(budgetedWorkloads).has(o);
}

function budgetedWorkloads(ctx: RuleContext): Set<ManifestObject> {
  const set = new Set<ManifestObject>();
  for (const pdb of ctx.ofKind('PodDisruptionBudget')) {
    if (!isObject(pdb.obj.spec) || isEmptySelector(pdb.obj.spec.selector)) continue;
    for (const w of workloadsSelectedBy(ctx, ctx.namespaceOf(pdb) ?? 'default', pdb.obj.spec.selector)) set.add(w.owner);
  }
  return set;
}
