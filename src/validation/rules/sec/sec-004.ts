import { forEachContainer } from './helpers';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { effectiveSecurity } from '../../pod-spec';
import { Rule } from '../../rule';

export const SEC_004: Rule = {
  id: 'SEC-004',
  severity: Severity.ERROR,
  family: RuleFamily.SECURITY,
  basis: RuleBasis.PRACTICE,
  what: 'Containers must not run as root: no runAsUser 0 and no runAsNonRoot false (pod or container level).',
  why: 'Root in a container is root on the node after any container escape, and owns every file of the volumes it mounts.',
  fix: 'Set runAsNonRoot: true and a non-zero runAsUser (and fsGroup for volumes) in the securityContext.',
  check(ctx) {
    forEachContainer(ctx, (info, c) => {
      const user = effectiveSecurity(info.spec, c.container, 'runAsUser');
      const nonRoot = effectiveSecurity(info.spec, c.container, 'runAsNonRoot');
      if (user === 0) ctx.report(info.owner, `container ${c.name}: runs as runAsUser 0 (root)`);
      else if (nonRoot === false) ctx.report(info.owner, `container ${c.name}: runAsNonRoot is false`);
    });
  },
};
