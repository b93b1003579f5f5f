import { asArray, isObject, str } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { annotationsOf } from '../../metadata';
import { Rule } from '../../rule';

/** Annotations that ask a controller to redirect HTTP to HTTPS, with the controller that reads each. */
const REDIRECTS: ReadonlyArray<[string, string]> = [
  ['nginx.ingress.kubernetes.io/ssl-redirect', 'ingress-nginx'],
  ['nginx.org/ssl-redirect', 'F5 NGINX Ingress Controller'],
  ['ingress.kubernetes.io/ssl-redirect', 'F5 NGINX Ingress Controller / HAProxy'],
  ['haproxy.org/ssl-redirect', 'HAProxy'],
  ['haproxy.com/ssl-redirect', 'HAProxy'],
];
const ALB_REDIRECT = 'alb.ingress.kubernetes.io/ssl-redirect';
const ALB_CERTIFICATES = 'alb.ingress.kubernetes.io/certificate-arn';
const GKE_FRONTEND_CONFIG = 'networking.gke.io/v1beta1.FrontendConfig';
const GKE_CERTIFICATES = ['ingress.gcp.kubernetes.io/pre-shared-cert', 'networking.gke.io/managed-certificates'];

export const ING_014: Rule = {
  id: 'ING-014',
  severity: Severity.ERROR,
  family: RuleFamily.INGRESS,
  what: 'An Ingress that asks its controller to redirect HTTP to HTTPS must have TLS (spec.tls, or for an ALB a certificate ARN, for GKE a pre-shared or managed certificate).',
  why: 'Without TLS there is nothing to redirect to: ingress-nginx and F5 NGINX silently skip the redirect (the page stays on plain HTTP), HAProxy redirects to its default certificate, the AWS Load Balancer Controller fails to build an HTTPS listener, GKE redirects to a port that does not answer.',
  fix: 'Add TLS for the Ingress hosts (spec.tls with a Secret, or a cert-manager annotation), or remove the redirect.',
  check(ctx) {
    for (const o of ctx.ofKind('Ingress')) {
      const spec = isObject(o.obj.spec) ? o.obj.spec : {};
      const ann = annotationsOf(o.obj);
      const tls = asArray(spec.tls).length > 0;
      for (const [key, controller] of REDIRECTS) {
        if (str(ann[key]) === 'true' && !tls) ctx.report(o, `annotation ${key} "true" asks ${controller} to redirect to HTTPS, but the Ingress has no spec.tls`);
      }
      if (ann[ALB_REDIRECT] !== undefined && !tls && ann[ALB_CERTIFICATES] === undefined) {
        ctx.report(o, `annotation ${ALB_REDIRECT} ${JSON.stringify(ann[ALB_REDIRECT])} redirects to an HTTPS listener, but the Ingress has neither ${ALB_CERTIFICATES} nor spec.tls hosts to discover a certificate for`,
          { fix: 'Add alb.ingress.kubernetes.io/certificate-arn (or spec.tls hosts with certificates in ACM), or remove ssl-redirect.' });
      }
      const fcName = str(ann[GKE_FRONTEND_CONFIG]);
      const fc = fcName ? ctx.get('FrontendConfig', ctx.namespaceOf(o), fcName) : undefined;
      const redirects = fc && isObject(fc.obj.spec) && isObject(fc.obj.spec.redirectToHttps) && fc.obj.spec.redirectToHttps.enabled === true;
      if (redirects && !tls && !GKE_CERTIFICATES.some((k) => ann[k] !== undefined)) {
        ctx.report(o, `FrontendConfig ${fcName} redirects to HTTPS, but the Ingress has no certificate (spec.tls, ${GKE_CERTIFICATES.join(' or ')})`);
      }
    }
  },
};
