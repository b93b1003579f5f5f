import { show } from './helpers';
import { isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { workloadIndex, workloadsSelectedBy } from '../../pod-spec';
import { Rule } from '../../rule';

export const WKL_011: Rule = {
  id: 'WKL-011',
  severity: Severity.WARNING,
  family: RuleFamily.WORKLOAD,
  what: 'A PodDisruptionBudget should have a selector, and select the pods of some workload among the objects (checked only when the objects hold workloads).',
  why: 'A budget that selects nothing protects nothing (in policy/v1 a missing selector selects no pod, an empty one every pod of the namespace): usually a selector typo, and the workload it was meant for can be drained all at once.',
  fix: 'Make the selector match the pod template labels of the workload, in the same namespace.',
  check(ctx) {
    const withWorkloads = workloadIndex(ctx).byNamespace.size > 0;
    for (const o of ctx.ofKind('PodDisruptionBudget')) {
      const spec = isObject(o.obj.spec) ? o.obj.spec : undefined;
      if (!spec) continue;
      // policy/v1: an empty selector ({}) selects every pod of the namespace, a missing one selects none
      if (!isObject(spec.selector)) {
        ctx.report(o, 'spec.selector is not set: a budget without a selector selects no pods', { fix: 'Set spec.selector.matchLabels to the pod template labels of the workload the budget protects.' });
        continue;
      }
      if (!withWorkloads) continue; // a file of PDBs alone: the workloads are elsewhere
      const ns = ctx.namespaceOf(o) ?? 'default';
      if (workloadsSelectedBy(ctx, ns, spec.selector).length === 0) {
        ctx.report(o, `selector ${show(spec.selector)} selects no workload in namespace ${ns}`);
      }
    }
  },
};
