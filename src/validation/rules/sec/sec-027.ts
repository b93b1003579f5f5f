import { isObject } from '../../../core/values';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const SEC_027: Rule = {
  id: 'SEC-027',
  severity: Severity.WARNING,
  family: RuleFamily.SECURITY,
  basis: RuleBasis.PRACTICE,
  what: 'Services should not be of type NodePort or LoadBalancer unless they are meant to be reached from outside the cluster.',
  why: 'Such a Service opens a port on every node (and a cloud load balancer) to whoever reaches the network, bypassing the TLS and authentication of the ingress controller.',
  fix: 'Use ClusterIP and route HTTP through an Ingress (IngressRoute); keep LoadBalancer for the ingress controller itself, and suppress with the reason where it is intended.',
  check(ctx) {
    for (const o of ctx.ofKind('Service')) {
      const type = isObject(o.obj.spec) ? o.obj.spec.type : undefined;
      if (type === 'NodePort' || type === 'LoadBalancer') ctx.report(o, `type ${type} exposes the Service outside the cluster`);
    }
  },
};
