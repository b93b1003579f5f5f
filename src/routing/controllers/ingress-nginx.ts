import { ControllerBinding, ControllerInput, className, optionsObject } from './binding';
import { Problems } from '../../core/problems';
import { asText } from '../../core/values';
import { INGRESS_CONTROLLERS, INGRESS_NGINX_END_OF_LIFE, IngressControllerId } from '../../knowledge/routing/controllers';
import { NGINX_ANNOTATION_PREFIX } from '../../knowledge/routing/ingress-nginx';
import { IngressNginxControllerOptions } from '../ingress-controller-options';
import { nginxOptionOf, renderNginxOptions } from '../nginx';

/** The community ingress-nginx controller: kept for clusters that still run it, with a warning naming its end of life. */
export function bindIngressNginx(problems: Problems, input: ControllerInput, options: IngressNginxControllerOptions | undefined): ControllerBinding {
  const facts = INGRESS_CONTROLLERS[IngressControllerId.INGRESS_NGINX];
  const opts = optionsObject(problems, input.prop, options, 'an IngressNginxControllerOptions object', '{ proxyBodySize: Size.mebibytes(8) }');
  const cls = className(problems, opts.className, input, facts.defaultClass);
  const annotations = renderNginxOptions(opts, problems, input.prop);
  const ownedBy: Record<string, string> = {};
  for (const k of Object.keys(annotations)) ownedBy[k] = `${input.prop} ${nginxOptionOf(k)}`;
  // written without TLS too ("false"): every Ingress the library makes for ingress-nginx carries one of its
  // annotations, so rule ING-016 recognises the retired controller in the synthesized YAML
  annotations[NGINX_ANNOTATION_PREFIX + 'ssl-redirect'] = asText(input.tls.https && input.sslRedirect);
  ownedBy[NGINX_ANNOTATION_PREFIX + 'ssl-redirect'] = 'sslRedirect';
  const regex = annotations[NGINX_ANNOTATION_PREFIX + 'use-regex'] === 'true';
  return {
    description: `ingress-nginx (class ${cls})`,
    facts,
    className: cls,
    classByAnnotation: false,
    annotations,
    ownedBy,
    implementationSpecific: regex ? undefined : 'is accepted only for regex paths, and the route does not use regex',
    regex,
    rewriteTarget: annotations[NGINX_ANNOTATION_PREFIX + 'rewrite-target'],
    warning: `the community ingress-nginx controller (class ${cls}), which reached its end of life in ${INGRESS_NGINX_END_OF_LIFE}: `
      + 'no releases, no bug fixes, no security patches. Move the route to a maintained controller (IngressController.traefik(), '
      + '.haproxy(), .f5Nginx(), .awsLoadBalancer(), .gke()) or to the Gateway API (RouteOutput.gatewayApi(...)); the README\'s '
      + 'migration table says what each ingress-nginx annotation becomes.',
  };
}
