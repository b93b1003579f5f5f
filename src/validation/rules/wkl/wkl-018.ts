import { RuleFamily, Severity } from '../../finding';
import { podSpecs } from '../../pod-spec';
import { Rule } from '../../rule';

export const WKL_018: Rule = {
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
};
