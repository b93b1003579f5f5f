import { grants, rbacRules } from './rbac';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const SEC_024: Rule = {
  id: 'SEC-024',
  severity: Severity.WARNING,
  family: RuleFamily.SECURITY,
  basis: RuleBasis.PRACTICE,
  what: 'Roles and ClusterRoles should not grant reading Secrets (get, list or watch on secrets; CIS 5.1.2).',
  why: 'Reading Secrets reads every credential of the namespace (or cluster): list and watch return their values too.',
  fix: 'Grant get on the named Secrets only (resourceNames), or mount the Secret into the pod that needs it instead.',
  check(ctx) {
    for (const r of rbacRules(ctx)) {
      if (grants(r, ['secrets'], ['get', 'list', 'watch']).length) {
        ctx.report(r.owner, `${r.where} grants ${r.verbs.join(', ')} on secrets`);
      }
    }
  },
};
