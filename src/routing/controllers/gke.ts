import { ApiObject } from 'cdk8s';
import { ControllerBinding, ControllerInput, controllerResourceAnnotations, optionsObject } from './binding';
import { INGRESS_CLASS_ANNOTATION } from '../../core/conventions';
import { isDnsLabel } from '../../core/names';
import { Problems } from '../../core/problems';
import { inEnum, sortKeys } from '../../core/values';
import { INGRESS_CONTROLLERS, IngressControllerId } from '../../knowledge/routing/controllers';
import { GkeIngressClass, GkeOptions } from '../ingress-controller-options';

const FRONTEND_CONFIG = 'networking.gke.io/v1beta1.FrontendConfig';

/**
 * GKE Ingress: the class in the `kubernetes.io/ingress.class` annotation (GKE ignores spec.ingressClassName), a static
 * IP by name, and the redirect to HTTPS as a FrontendConfig (networking.gke.io/v1beta1) the route creates.
 */
export function bindGke(problems: Problems, input: ControllerInput, options: GkeOptions | undefined): ControllerBinding {
  const facts = INGRESS_CONTROLLERS[IngressControllerId.GKE];
  const opts = optionsObject(problems, input.prop, options, 'a GkeOptions object', '{ ingressClass: GkeIngressClass.EXTERNAL }');
  const cls = opts.ingressClass ?? GkeIngressClass.EXTERNAL;
  if (!inEnum(cls, GkeIngressClass)) problems.add(`${input.prop} ingressClass`, cls, 'is not a GKE Ingress class (gce, gce-internal)', 'Use GkeIngressClass.EXTERNAL or GkeIngressClass.INTERNAL.');
  const annotations: Record<string, string> = { [INGRESS_CLASS_ANNOTATION]: String(cls) };
  const ipAnnotation = cls === GkeIngressClass.INTERNAL ? 'kubernetes.io/ingress.regional-static-ip-name' : 'kubernetes.io/ingress.global-static-ip-name';
  if (opts.staticIpName !== undefined) {
    if (!isDnsLabel(opts.staticIpName)) {
      problems.add(`${input.prop} staticIpName`, opts.staticIpName, 'is not the name of a Google Cloud address (lower-case letters, digits and "-")', 'Use the name given to `gcloud compute addresses create`.');
    } else {
      annotations[ipAnnotation] = opts.staticIpName;
    }
  }
  const redirect = input.tls.https && input.sslRedirect;
  return {
    description: `GKE Ingress (class ${cls})`,
    facts,
    className: String(cls),
    classByAnnotation: true,
    annotations,
    ownedBy: { [INGRESS_CLASS_ANNOTATION]: `${input.prop} ingressClass`, [ipAnnotation]: `${input.prop} staticIpName`, [FRONTEND_CONFIG]: 'sslRedirect' },
    render: (ctx) => {
      if (!redirect) return;
      const fc = new ApiObject(ctx.scope, 'FrontendConfig', {
        apiVersion: 'networking.gke.io/v1beta1',
        kind: 'FrontendConfig',
        metadata: {
          name: `${ctx.ingress.name}-frontend`,
          labels: sortKeys(ctx.labels),
          annotations: controllerResourceAnnotations(ctx, 'GKE Ingress'),
        },
        spec: { redirectToHttps: { enabled: true } }, // 301, GKE's default response code
      });
      ctx.ingress.metadata.addAnnotation(FRONTEND_CONFIG, fc.name);
    },
  };
}
