import { forEachContainer } from './helpers';
import { asArray, isObject } from '../../../core/values';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const SEC_013: Rule = {
  id: 'SEC-013',
  severity: Severity.WARNING,
  family: RuleFamily.SECURITY,
  basis: RuleBasis.PRACTICE,
  what: 'Containers should drop NET_RAW (best: drop ALL).',
  why: 'NET_RAW is granted by default by most runtimes and lets a compromised container craft packets to spoof or sniff its neighbours.',
  fix: 'Set securityContext.capabilities.drop: [ALL] and add back only what the process needs.',
  check(ctx) {
    forEachContainer(ctx, (info, c) => {
      const caps = isObject(c.container.securityContext) && isObject(c.container.securityContext.capabilities)
        ? c.container.securityContext.capabilities : {};
      const drop = asArray(caps.drop);
      if (!drop.includes('ALL') && !drop.includes('NET_RAW')) {
        ctx.report(info.owner, `container ${c.name}: capabilities.drop includes neither ALL nor NET_RAW`);
      }
    });
  },
};
