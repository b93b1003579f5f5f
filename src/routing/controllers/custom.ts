import { ControllerBinding, ControllerInput, optionsObject } from './binding';
import { isDnsSubdomain } from '../../core/names';
import { Problems } from '../../core/problems';
import { CustomIngressControllerOptions } from '../ingress-controller-options';

/**
 * A controller the library has no facts about: its class only. No annotations, no path rules of its own, and no way
 * to redirect to HTTPS (so a route with TLS must say `sslRedirect: false`: the library cannot promise the redirect).
 */
export function bindCustom(problems: Problems, input: ControllerInput, options: CustomIngressControllerOptions | undefined): ControllerBinding {
  const opts = optionsObject(problems, input.prop, options, 'a CustomIngressControllerOptions object', '{ className: "contour" }');
  if (!isDnsSubdomain(opts.className)) {
    problems.add(`${input.prop} className`, opts.className, 'is not a valid IngressClass name', 'Use the name of an IngressClass in the cluster, e.g. "contour".');
  }
  const cls = isDnsSubdomain(opts.className) ? opts.className : 'custom';
  if (input.tls.https && input.sslRedirect) {
    problems.add('sslRedirect', true, `cannot be rendered for IngressController.custom (class ${cls}): the library does not know how that controller redirects to HTTPS`,
      'Configure the redirect in the controller and set sslRedirect: false, or choose a controller the library knows (IngressController.traefik(), .haproxy(), ...).');
  }
  return {
    description: `custom Ingress controller (class ${cls})`,
    className: cls,
    classByAnnotation: false,
    annotations: {},
    ownedBy: {},
  };
}
