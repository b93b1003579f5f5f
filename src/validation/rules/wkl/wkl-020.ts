import { asArray, isObject, str } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { podSpecs } from '../../pod-spec';
import { Rule } from '../../rule';

export const WKL_020: Rule = {
  id: 'WKL-020',
  severity: Severity.WARNING,
  family: RuleFamily.WORKLOAD,
  what: 'A container should not define the same environment variable twice.',
  why: 'Only the last definition takes effect, so the value a reviewer reads first is not the one the process sees.',
  fix: 'Remove the duplicate env entry.',
  check(ctx) {
    for (const info of podSpecs(ctx)) {
      for (const c of info.containers) {
        const seen = new Set<string>();
        for (const e of asArray(c.container.env)) {
          const n = isObject(e) ? str(e.name) : undefined;
          if (n === undefined) continue;
          if (seen.has(n)) ctx.report(info.owner, `container ${c.name}: env ${n} is defined twice`);
          seen.add(n);
        }
      }
    }
  },
};
