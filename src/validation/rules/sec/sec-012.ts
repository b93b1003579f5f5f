import { forEachContainer, show } from './helpers';
import { asArray, isObject } from '../../../core/values';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

/** Capabilities Pod Security "baseline" lets a container add. */
const BASELINE_CAPABILITIES = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP',
  'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

export const SEC_012: Rule = {
  id: 'SEC-012',
  severity: Severity.ERROR,
  family: RuleFamily.SECURITY,
  basis: RuleBasis.PRACTICE,
  what: 'Containers must not add capabilities beyond the Pod Security baseline set (SYS_ADMIN, NET_ADMIN, NET_RAW, ALL, ...).',
  why: 'These capabilities break container isolation (SYS_ADMIN is close to root on the node; NET_RAW allows spoofing).',
  fix: 'Remove the capability from securityContext.capabilities.add; only NET_BIND_SERVICE is needed for ports below 1024.',
  check(ctx) {
    forEachContainer(ctx, (info, c) => {
      const caps = isObject(c.container.securityContext) && isObject(c.container.securityContext.capabilities)
        ? c.container.securityContext.capabilities : {};
      for (const cap of asArray(caps.add)) {
        if (typeof cap !== 'string' || !BASELINE_CAPABILITIES.has(cap)) {
          ctx.report(info.owner, `container ${c.name}: capabilities.add ${show(cap)} is not allowed by Pod Security baseline`);
        }
      }
    });
  },
};
