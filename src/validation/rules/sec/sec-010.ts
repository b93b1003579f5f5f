import { isRestrictedPod } from './helpers';
import { POD_SECURITY_LABEL } from '../../../core/conventions';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { checkRestricted, podSpecs } from '../../pod-spec';
import { Rule } from '../../rule';

export const SEC_010: Rule = {
  id: 'SEC-010',
  severity: Severity.ERROR,
  family: RuleFamily.SECURITY,
  basis: RuleBasis.PRACTICE,
  what: `Pods labelled ${POD_SECURITY_LABEL}: restricted must meet Pod Security Standards "restricted" (Kubernetes 1.27).`,
  why: 'The library promises restricted pods: a namespace enforcing restricted rejects any other, and each control closes a known privilege escalation.',
  fix: 'Fix each listed violation (runAsNonRoot, allowPrivilegeEscalation false, capabilities drop ALL, seccompProfile RuntimeDefault, allowed volume types).',
  check(ctx) {
    for (const info of podSpecs(ctx)) {
      if (!isRestrictedPod(info)) continue;
      const violations = checkRestricted(info.spec, info.metadata);
      if (violations.length) {
        ctx.report(info.owner, `not Pod Security restricted: ${violations.join('; ')}`);
      }
    }
  },
};
