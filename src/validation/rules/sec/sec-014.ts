import { asArray, isObject } from '../../../core/values';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { podSpecs, SAFE_SYSCTLS } from '../../pod-spec';
import { Rule } from '../../rule';

export const SEC_014: Rule = {
  id: 'SEC-014',
  severity: Severity.WARNING,
  family: RuleFamily.SECURITY,
  basis: RuleBasis.PRACTICE,
  what: 'Pods should set only safe sysctls (the Pod Security baseline list).',
  why: 'Unsafe sysctls affect the whole node; the kubelet rejects the pod (SysctlForbidden) unless the node explicitly allows them.',
  fix: `Remove the sysctl, or use only ${[...SAFE_SYSCTLS].join(', ')}.`,
  check(ctx) {
    for (const info of podSpecs(ctx)) {
      const sc = isObject(info.spec.securityContext) ? info.spec.securityContext : {};
      for (const s of asArray(sc.sysctls)) {
        const name = isObject(s) ? s.name : undefined;
        if (typeof name === 'string' && !SAFE_SYSCTLS.has(name)) ctx.report(info.owner, `sysctl ${name} is not a safe sysctl`);
      }
    }
  },
};
