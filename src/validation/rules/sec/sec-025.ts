import { grants, rbacRules } from './rbac';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

/** Resources whose creation runs a pod with any spec the creator writes. */
const POD_CREATORS = ['pods', 'deployments', 'statefulsets', 'daemonsets', 'replicasets', 'replicationcontrollers', 'jobs', 'cronjobs'];

export const SEC_025: Rule = {
  id: 'SEC-025',
  severity: Severity.WARNING,
  family: RuleFamily.SECURITY,
  basis: RuleBasis.PRACTICE,
  what: 'Roles and ClusterRoles should not grant creating pods or workloads (CIS 5.1.4).',
  why: 'Whoever creates a pod chooses its service account, volumes and privileges: it mounts every Secret and runs as every ServiceAccount of the namespace.',
  fix: 'Keep create on workloads for deployment tooling (CI, GitOps controllers); give applications the narrower permissions they use.',
  check(ctx) {
    for (const r of rbacRules(ctx)) {
      const found = grants(r, POD_CREATORS, ['create']);
      if (found.length) ctx.report(r.owner, `${r.where} grants create on ${found.join(', ')}`);
    }
  },
};
