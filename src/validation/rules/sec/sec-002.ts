import { forEachContainer } from './helpers';
import { isObject } from '../../../core/values';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const SEC_002: Rule = {
  id: 'SEC-002',
  severity: Severity.ERROR,
  family: RuleFamily.SECURITY,
  basis: RuleBasis.PRACTICE,
  what: 'Containers must not run privileged.',
  why: 'A privileged container has every capability and all host devices: escaping to the node is trivial.',
  fix: 'Remove securityContext.privileged; add only the capability the process needs, if any.',
  check(ctx) {
    forEachContainer(ctx, (info, c) => {
      if (isObject(c.container.securityContext) && c.container.securityContext.privileged === true) {
        ctx.report(info.owner, `container ${c.name}: securityContext.privileged is true`);
      }
    });
  },
};
