import { forEachContainer } from './helpers';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { effectiveSecurity } from '../../pod-spec';
import { Rule } from '../../rule';

export const SEC_005: Rule = {
  id: 'SEC-005',
  severity: Severity.WARNING,
  family: RuleFamily.SECURITY,
  basis: RuleBasis.PRACTICE,
  what: 'Containers should set runAsNonRoot: true (or a non-zero runAsUser).',
  why: 'Without it the image decides the user, and many images run as root.',
  fix: 'Set runAsNonRoot: true and runAsUser to the image\'s unprivileged uid in the pod securityContext.',
  check(ctx) {
    forEachContainer(ctx, (info, c) => {
      const user = effectiveSecurity(info.spec, c.container, 'runAsUser');
      const nonRoot = effectiveSecurity(info.spec, c.container, 'runAsNonRoot');
      if (nonRoot === undefined && !(typeof user === 'number' && user > 0)) {
        ctx.report(info.owner, `container ${c.name}: runAsNonRoot is not set; the image decides whether it runs as root`);
      }
    });
  },
};
