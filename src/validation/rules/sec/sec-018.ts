import { isRestrictedPod } from './helpers';
import { isObject } from '../../../core/values';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { podSpecs } from '../../pod-spec';
import { Rule } from '../../rule';

/** Whether a securityContext names a seccomp profile the runtime enforces (not Unconfined). */
function confined(sc: unknown): boolean | undefined {
  if (!isObject(sc) || !isObject(sc.seccompProfile) || sc.seccompProfile.type === undefined || sc.seccompProfile.type === null) return undefined;
  return sc.seccompProfile.type !== 'Unconfined';
}

export const SEC_018: Rule = {
  id: 'SEC-018',
  severity: Severity.WARNING,
  family: RuleFamily.SECURITY,
  basis: RuleBasis.PRACTICE,
  what: 'Containers should run with a seccomp profile (RuntimeDefault or Localhost), as Pod Security "restricted" requires.',
  why: 'Without a profile the container may call every system call of the kernel (Kubernetes runs pods Unconfined unless the kubelet\'s SeccompDefault is on): kernel exploits need only one of them.',
  fix: 'Set securityContext.seccompProfile.type: RuntimeDefault in the pod (or each container).',
  check(ctx) {
    for (const info of podSpecs(ctx)) {
      if (isRestrictedPod(info)) continue; // SEC-010 holds these to the whole restricted profile
      if (isObject(info.spec.os) && info.spec.os.name === 'windows') continue;
      const pod = confined(info.spec.securityContext);
      for (const c of info.containers) {
        const own = confined(c.container.securityContext);
        if (own === false || (own === undefined && pod === false)) {
          ctx.report(info.owner, `container ${c.name}: seccomp profile Unconfined`);
        } else if (own === undefined && pod === undefined) {
          ctx.report(info.owner, `container ${c.name}: no seccomp profile (it runs Unconfined unless the node's kubelet sets SeccompDefault)`);
        }
      }
    }
  },
};
