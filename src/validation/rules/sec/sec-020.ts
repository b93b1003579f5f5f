import { forEachContainer } from './helpers';
import { isObject } from '../../../core/values';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const SEC_020: Rule = {
  id: 'SEC-020',
  severity: Severity.ERROR,
  family: RuleFamily.SECURITY,
  basis: RuleBasis.PRACTICE,
  what: 'Containers must not unmask /proc (securityContext.procMount: Unmasked), which Pod Security "baseline" forbids.',
  why: 'The runtime masks parts of /proc (kcore, sysrq-trigger, ...) that let a process read kernel memory or act on the host; Unmasked removes that protection.',
  fix: 'Remove procMount, or set it to Default.',
  check(ctx) {
    forEachContainer(ctx, (info, c) => {
      const sc = isObject(c.container.securityContext) ? c.container.securityContext : undefined;
      const mount = sc?.procMount;
      if (mount !== undefined && mount !== null && mount !== 'Default') ctx.report(info.owner, `container ${c.name}: securityContext.procMount is ${JSON.stringify(mount)}`);
    });
  },
};
