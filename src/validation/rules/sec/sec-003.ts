import { forEachContainer } from './helpers';
import { isObject } from '../../../core/values';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const SEC_003: Rule = {
  id: 'SEC-003',
  severity: Severity.ERROR,
  family: RuleFamily.SECURITY,
  basis: RuleBasis.PRACTICE,
  what: 'Containers must not set allowPrivilegeEscalation: true.',
  why: 'setuid binaries and file capabilities can then give the process more privileges than it started with.',
  fix: 'Set securityContext.allowPrivilegeEscalation: false.',
  check(ctx) {
    forEachContainer(ctx, (info, c) => {
      const sc = isObject(c.container.securityContext) ? c.container.securityContext : {};
      if (sc.allowPrivilegeEscalation === true && sc.privileged !== true) {
        ctx.report(info.owner, `container ${c.name}: securityContext.allowPrivilegeEscalation is true`);
      }
    });
  },
};
