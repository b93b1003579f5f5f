import { show } from './helpers';
import { isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { workloadIndex, workloadsSelectedBy } from '../../pod-spec';
import { Rule } from '../../rule';

export const WKL_011: Rule = {
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
};
