import { str } from '../../../core/values';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { podSpecs } from '../../pod-spec';
import { Rule } from '../../rule';

export const SEC_026: Rule = {
  id: 'SEC-026',
  severity: Severity.WARNING,
  family: RuleFamily.SECURITY,
  basis: RuleBasis.PRACTICE,
  what: 'Pods should not run as the namespace\'s default ServiceAccount with its token mounted.',
  why: 'Every pod of the namespace shares the default account: a permission granted to it for one pod is granted to all, and the mounted token is what an attacker in the pod uses.',
  fix: 'Give the workload its own ServiceAccount (serviceAccountName), or set automountServiceAccountToken: false when it does not call the API.',
  check(ctx) {
    for (const info of podSpecs(ctx)) {
      if (info.owner.kind === 'PodTemplate') continue;
      const name = str(info.spec.serviceAccountName) ?? str(info.spec.serviceAccount) ?? 'default';
      if (name !== 'default' || info.spec.automountServiceAccountToken === false) continue;
      const sa = ctx.get('ServiceAccount', ctx.namespaceOf(info.owner), 'default');
      if (sa?.obj.automountServiceAccountToken === false && info.spec.automountServiceAccountToken !== true) continue;
      ctx.report(info.owner, 'runs as the default ServiceAccount with its token mounted');
    }
  },
};
