import { isObject } from '../../../core/values';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const WKL_032: Rule = {
  id: 'WKL-032',
  severity: Severity.WARNING,
  family: RuleFamily.WORKLOAD,
  basis: RuleBasis.PRACTICE,
  what: 'A PodDisruptionBudget should set unhealthyPodEvictionPolicy (AlwaysAllow, or IfHealthyBudget on purpose).',
  why: 'With the default (IfHealthyBudget) a pod that never becomes ready, a crash loop, counts against the budget and blocks every node drain until someone deletes it by hand.',
  fix: 'Set spec.unhealthyPodEvictionPolicy: AlwaysAllow; keep IfHealthyBudget only where an unready pod must not be evicted (say so by setting it).',
  check(ctx) {
    for (const o of ctx.ofKind('PodDisruptionBudget')) {
      if (isObject(o.obj.spec) && o.obj.spec.unhealthyPodEvictionPolicy === undefined) {
        ctx.report(o, 'unhealthyPodEvictionPolicy is not set: a crash-looping pod blocks node drains');
      }
    }
  },
};
