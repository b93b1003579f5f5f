import { rbacRules } from './rbac';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const SEC_022: Rule = {
  id: 'SEC-022',
  severity: Severity.WARNING,
  family: RuleFamily.SECURITY,
  basis: RuleBasis.PRACTICE,
  what: 'Roles and ClusterRoles should not grant wildcards (* in verbs, resources or apiGroups).',
  why: 'A wildcard grants what exists today and whatever a later version or CRD adds (escalate, impersonate, secrets): least privilege cannot be reviewed.',
  fix: 'List the apiGroups, resources and verbs the subject needs.',
  check(ctx) {
    for (const r of rbacRules(ctx)) {
      const wild = (['apiGroups', 'resources', 'verbs'] as const).filter((f) => r[f].includes('*'));
      if (wild.length) ctx.report(r.owner, `${r.where} grants * in ${wild.join(', ')}`);
    }
  },
};
