import { boundClusterRole } from './rbac';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const SEC_023: Rule = {
  id: 'SEC-023',
  severity: Severity.WARNING,
  family: RuleFamily.SECURITY,
  basis: RuleBasis.PRACTICE,
  what: 'Bindings should not grant the cluster-admin ClusterRole (CIS Kubernetes Benchmark 5.1.1).',
  why: 'cluster-admin is every permission on every object of the cluster: a compromised subject of the binding owns the cluster.',
  fix: 'Bind a Role or ClusterRole that lists what the subject needs; keep cluster-admin for break-glass humans.',
  check(ctx) {
    for (const o of ctx.ofKind('ClusterRoleBinding', 'RoleBinding')) {
      if (o.apiVersion.startsWith('rbac.authorization.k8s.io/') && boundClusterRole(o) === 'cluster-admin') {
        ctx.report(o, `binds the cluster-admin ClusterRole${o.kind === 'RoleBinding' ? ' (in its namespace)' : ''}`);
      }
    }
  },
};
