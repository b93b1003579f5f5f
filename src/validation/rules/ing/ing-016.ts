import { classOf, controllerOf } from './helpers';
import { IngressControllerId, INGRESS_NGINX_END_OF_LIFE } from '../../../knowledge/routing/controllers';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const ING_016: Rule = {
  id: 'ING-016',
  severity: Severity.WARNING,
  family: RuleFamily.INGRESS,
  what: `An Ingress served by the community ingress-nginx controller (IngressClass controller k8s.io/ingress-nginx, or nginx.ingress.kubernetes.io annotations) runs on software past its end of life (${INGRESS_NGINX_END_OF_LIFE}).`,
  why: `The community ingress-nginx controller reached its end of life in ${INGRESS_NGINX_END_OF_LIFE}: no releases, no bug fixes, no security patches for an internet-facing proxy. Kubernetes SIG Network points users to the Gateway API.`,
  fix: 'Move the route to the Gateway API or to a maintained controller (Traefik, HAProxy, F5 NGINX, AWS Load Balancer Controller, GKE); rule ING-015 and the README\'s migration table say what each annotation becomes.',
  check(ctx) {
    for (const o of ctx.ofKind('Ingress')) {
      if (controllerOf(ctx, o)?.id !== IngressControllerId.INGRESS_NGINX) continue;
      ctx.report(o, `is served by the community ingress-nginx controller (class ${classOf(o) ?? '(cluster default)'}), which reached its end of life in ${INGRESS_NGINX_END_OF_LIFE}`);
    }
  },
};
