import { IngressControllerId } from './controllers';

/**
 * What the ingress-nginx annotations people use most become after ingress-nginx: a Gateway API field or filter, another
 * controller's annotation or resource, or nothing (with the reason). Rule ING-015 reads it to tell which annotations of
 * an Ingress have no equivalent on the controller its class names; the README table is generated from it
 * (scripts/gen-nginx-migration.ts, checked by test/knowledge/nginx-migration.test.ts).
 *
 * Sources: the annotation references listed in controllers.ts, the Gateway API v1.6.1 standard-channel CRDs
 * (HTTPRoute filters RequestRedirect, URLRewrite, RequestHeaderModifier, RequestMirror, CORS; rule timeouts;
 * backendRefs weights; Gateway spec.tls.frontend; BackendTLSPolicy; GRPCRoute), and Traefik's middleware reference.
 * A cell names an equivalent only where that documentation shows one; "none" says why.
 */

/** One cell: the equivalent, or why there is none. */
export interface MigrationTarget {
  /** The equivalent (annotation, field, filter or resource), when there is one. */
  readonly by?: string;
  /** Why there is no equivalent, when there is none. */
  readonly none?: string;
}

/** The controllers a migration row has a cell for (every maintained one). */
export type MigrationController = Exclude<IngressControllerId, IngressControllerId.INGRESS_NGINX>;

/** One ingress-nginx annotation (or family of annotations) and what it becomes. */
export interface NginxAnnotationMigration {
  /** Annotation names after `nginx.ingress.kubernetes.io/`; the first is shown, all are recognised. */
  readonly annotations: readonly string[];
  /** What it does, in a few words. */
  readonly what: string;
  /** The Gateway API equivalent. */
  readonly gatewayApi: MigrationTarget;
  /** Per maintained controller. */
  readonly controllers: Readonly<Record<MigrationController, MigrationTarget>>;
}

const by = (x: string): MigrationTarget => ({ by: x });
const none = (why: string): MigrationTarget => ({ none: why });

const T = IngressControllerId.TRAEFIK;
const H = IngressControllerId.HAPROXY;
const F = IngressControllerId.F5_NGINX;
const A = IngressControllerId.AWS_LOAD_BALANCER;
const G = IngressControllerId.GKE;

const NO_SNIPPETS = 'raw proxy configuration has no equivalent there';

/** The table, most used first. */
export const NGINX_ANNOTATION_MIGRATIONS: readonly NginxAnnotationMigration[] = [
  {
    annotations: ['ssl-redirect', 'force-ssl-redirect'],
    what: 'redirect HTTP to HTTPS',
    gatewayApi: by('RequestRedirect filter (scheme https) in a route on the HTTP listener (WebRoute `sslRedirect`)'),
    controllers: {
      [T]: by('RedirectScheme Middleware on a router of the `web` entry point (WebRoute `sslRedirect`)'),
      [H]: by('`haproxy.org/ssl-redirect`'),
      [F]: by('`nginx.org/ssl-redirect` (`nginx.org/redirect-to-https` when TLS ends in front of NGINX)'),
      [A]: by('`alb.ingress.kubernetes.io/ssl-redirect` with `listen-ports` HTTP and HTTPS'),
      [G]: by('FrontendConfig `redirectToHttps` (WebRoute `sslRedirect`)'),
    },
  },
  {
    annotations: ['proxy-body-size'],
    what: 'largest request body',
    gatewayApi: none('the Gateway API has no request size limit: set it in the implementation\'s own policy resource'),
    controllers: {
      [T]: by('Buffering Middleware `maxRequestBodyBytes` (`IngressController.traefik({ maxRequestBodySize })`)'),
      [H]: none('no annotation limits the request body'),
      [F]: by('`nginx.org/client-max-body-size`'),
      [A]: none('an ALB has no request body limit'),
      [G]: none('the Google Cloud load balancer has no request body limit setting'),
    },
  },
  {
    annotations: ['proxy-connect-timeout'],
    what: 'timeout to connect to the backend',
    gatewayApi: none('HTTPRoute timeouts bound whole requests, not the connection'),
    controllers: {
      [T]: by('ServersTransport `forwardingTimeouts.dialTimeout`, referenced from the Service'),
      [H]: none('`timeout-connect` is read from the controller ConfigMap only, not per Ingress'),
      [F]: by('`nginx.org/proxy-connect-timeout`'),
      [A]: none('an ALB has no connect timeout setting'),
      [G]: none('no connect timeout setting'),
    },
  },
  {
    annotations: ['proxy-read-timeout', 'proxy-send-timeout'],
    what: 'timeout between two reads or writes',
    gatewayApi: by('HTTPRoute rule `timeouts.backendRequest` (a bound on the whole backend request; WebRoute `timeouts`)'),
    controllers: {
      [T]: by('ServersTransport `forwardingTimeouts`, referenced from the Service'),
      [H]: by('`haproxy.org/timeout-server`'),
      [F]: by('`nginx.org/proxy-read-timeout`, `nginx.org/proxy-send-timeout`'),
      [A]: by('`alb.ingress.kubernetes.io/load-balancer-attributes: idle_timeout.timeout_seconds=N` (the whole ALB)'),
      [G]: by('BackendConfig `timeoutSec`, referenced from the Service'),
    },
  },
  {
    annotations: ['backend-protocol'],
    what: 'protocol spoken to the backend',
    gatewayApi: by('HTTPS: BackendTLSPolicy; gRPC: GRPCRoute; h2c: Service port `appProtocol: kubernetes.io/h2c`'),
    controllers: {
      [T]: by('Service annotation `traefik.ingress.kubernetes.io/service.serversscheme` (https, h2c)'),
      [H]: by('`haproxy.org/server-ssl`, `haproxy.org/server-proto: h2`'),
      [F]: by('`nginx.org/ssl-services`, `nginx.org/grpc-services`'),
      [A]: by('`alb.ingress.kubernetes.io/backend-protocol`, `backend-protocol-version`'),
      [G]: by('Service annotation `cloud.google.com/app-protocols`'),
    },
  },
  {
    annotations: ['rewrite-target'],
    what: 'rewrite the path',
    gatewayApi: by('URLRewrite filter, ReplacePrefixMatch or ReplaceFullPath (no capture groups; WebRoute rule `rewrite`)'),
    controllers: {
      [T]: by('StripPrefix or ReplacePathRegex Middleware'),
      [H]: by('`haproxy.org/path-rewrite`'),
      [F]: by('`nginx.org/rewrite-target` (with `nginx.org/path-regex` for capture groups)'),
      [A]: none('the controller has no path rewrite annotation'),
      [G]: none('GKE Ingress does not rewrite paths'),
    },
  },
  {
    annotations: ['use-regex'],
    what: 'paths as regular expressions',
    gatewayApi: by('path match type RegularExpression (implementation-specific support)'),
    controllers: {
      [T]: by('`traefik.ingress.kubernetes.io/router.pathmatcher: PathRegexp`'),
      [H]: none('no annotation makes paths regular expressions'),
      [F]: by('`nginx.org/path-regex`'),
      [A]: none('ImplementationSpecific paths take the ALB wildcards `*` and `?`, not regular expressions'),
      [G]: none('ImplementationSpecific paths take a trailing `/*` wildcard, not regular expressions'),
    },
  },
  {
    annotations: ['permanent-redirect', 'temporal-redirect', 'app-root', 'from-to-www-redirect'],
    what: 'redirect to another URL',
    gatewayApi: by('RequestRedirect filter (hostname, path, statusCode)'),
    controllers: {
      [T]: by('RedirectRegex Middleware'),
      [H]: by('`haproxy.org/request-redirect` (host and port only)'),
      [F]: by('`nginx.org/app-root` for app-root; others need snippets'),
      [A]: by('`alb.ingress.kubernetes.io/actions.<name>` redirect action'),
      [G]: none('GKE Ingress has no redirect other than HTTP to HTTPS'),
    },
  },
  {
    annotations: ['enable-cors', 'cors-allow-origin', 'cors-allow-methods', 'cors-allow-headers', 'cors-allow-credentials', 'cors-max-age'],
    what: 'CORS headers',
    gatewayApi: by('CORS filter'),
    controllers: {
      [T]: by('Headers Middleware `accessControl*`'),
      [H]: by('`haproxy.org/cors-enable`, `cors-allow-origin`, ...'),
      [F]: none('no CORS annotation; a VirtualServer or snippets'),
      [A]: none('an ALB does not answer CORS requests'),
      [G]: none('no CORS setting (BackendConfig only adds fixed response headers)'),
    },
  },
  {
    annotations: ['whitelist-source-range', 'allowlist-source-range', 'denylist-source-range'],
    what: 'allow or deny client IP ranges',
    gatewayApi: none('no client IP filter in the API: the implementation\'s policy resource'),
    controllers: {
      [T]: by('IPAllowList Middleware'),
      [H]: by('`haproxy.org/allow-list`, `haproxy.org/deny-list`'),
      [F]: by('Policy resource `accessControl`, applied with `nginx.org/policies`'),
      [A]: by('`alb.ingress.kubernetes.io/inbound-cidrs` (the whole ALB)'),
      [G]: by('Cloud Armor security policy in a BackendConfig'),
    },
  },
  {
    annotations: ['auth-type', 'auth-secret', 'auth-realm'],
    what: 'HTTP basic authentication',
    gatewayApi: none('the standard channel has no authentication filter'),
    controllers: {
      [T]: by('BasicAuth Middleware'),
      [H]: by('`haproxy.org/auth-type: basic-auth`, `haproxy.org/auth-secret`'),
      [F]: by('`nginx.org/basic-auth-secret`'),
      [A]: none('an ALB authenticates with OIDC or Cognito (`auth-type`), not basic auth'),
      [G]: none('no basic authentication (Identity-Aware Proxy in a BackendConfig instead)'),
    },
  },
  {
    annotations: ['auth-url', 'auth-signin', 'auth-response-headers'],
    what: 'external authentication',
    gatewayApi: none('external authentication is not in the standard channel'),
    controllers: {
      [T]: by('ForwardAuth Middleware'),
      [H]: none('no external authentication annotation'),
      [F]: none('no external authentication annotation (OIDC Policy with NGINX Plus)'),
      [A]: none('only OIDC or Cognito (`auth-type`), not an external auth URL'),
      [G]: none('Identity-Aware Proxy in a BackendConfig, not an external auth URL'),
    },
  },
  {
    annotations: ['limit-rps', 'limit-rpm', 'limit-connections'],
    what: 'rate limiting',
    gatewayApi: none('rate limits are the implementation\'s policy resource'),
    controllers: {
      [T]: by('RateLimit Middleware'),
      [H]: by('`haproxy.org/rate-limit-requests`, `rate-limit-period`'),
      [F]: by('`nginx.org/limit-req-rate`'),
      [A]: none('an ALB has no rate limit (AWS WAF rate-based rules through `wafv2-acl-arn`)'),
      [G]: none('rate limits are Cloud Armor rules in a BackendConfig'),
    },
  },
  {
    annotations: ['affinity', 'session-cookie-name', 'session-cookie-path', 'session-cookie-max-age'],
    what: 'sticky sessions by cookie',
    gatewayApi: none('session persistence is not in the standard channel'),
    controllers: {
      [T]: by('Service annotation `traefik.ingress.kubernetes.io/service.sticky.cookie`'),
      [H]: none('`cookie-persistence` is read from the Service or ConfigMap, not the Ingress'),
      [F]: by('`nginx.org/sticky-cookie-services`'),
      [A]: by('`alb.ingress.kubernetes.io/target-group-attributes: stickiness.enabled=true,...`'),
      [G]: by('BackendConfig `sessionAffinity`'),
    },
  },
  {
    annotations: ['configuration-snippet', 'server-snippet', 'stream-snippet'],
    what: 'raw nginx configuration',
    gatewayApi: none('no raw proxy configuration, by design: snippets could read any Secret of the controller (CVE-2021-25742)'),
    controllers: {
      [T]: none(NO_SNIPPETS),
      [H]: by('`haproxy.org/backend-config-snippet` (raw HAProxy configuration: review it like code)'),
      [F]: by('`nginx.org/location-snippets`, `nginx.org/server-snippets` (off unless the controller runs with -enable-snippets)'),
      [A]: none(NO_SNIPPETS),
      [G]: none(NO_SNIPPETS),
    },
  },
  {
    annotations: ['canary', 'canary-weight', 'canary-weight-total'],
    what: 'weighted canary',
    gatewayApi: by('backendRefs `weight`'),
    controllers: {
      [T]: none('weights need a TraefikService (CRD), not an Ingress annotation'),
      [H]: none('no weight annotation on the Ingress'),
      [F]: none('traffic splits need a VirtualServer (CRD)'),
      [A]: by('`alb.ingress.kubernetes.io/actions.<name>` forward with weighted target groups'),
      [G]: none('no weighted backends in GKE Ingress'),
    },
  },
  {
    annotations: ['canary-by-header', 'canary-by-header-value'],
    what: 'route by request header',
    gatewayApi: by('header match (WebRoute rule `headers`)'),
    controllers: {
      [T]: none('header matches need a Traefik IngressRoute (CRD), not an Ingress annotation'),
      [H]: by('`haproxy.org/route-acl` on the Service'),
      [F]: none('header matches need a VirtualServer (CRD)'),
      [A]: by('`alb.ingress.kubernetes.io/conditions.<name>` http-header condition'),
      [G]: none('GKE Ingress matches host and path only'),
    },
  },
  {
    annotations: ['x-forwarded-prefix', 'upstream-vhost'],
    what: 'set a request header (prefix, Host)',
    gatewayApi: by('RequestHeaderModifier filter (`upstream-vhost`: URLRewrite `hostname`)'),
    controllers: {
      [T]: by('Headers Middleware `customRequestHeaders`'),
      [H]: by('`haproxy.org/request-set-header`, `haproxy.org/set-host`'),
      [F]: by('`nginx.org/proxy-set-headers`'),
      [A]: none('an ALB does not change request headers'),
      [G]: by('BackendConfig `customRequestHeaders`'),
    },
  },
  {
    annotations: ['mirror-target', 'mirror-uri'],
    what: 'mirror requests',
    gatewayApi: by('RequestMirror filter'),
    controllers: {
      [T]: none('mirroring needs a TraefikService (CRD)'),
      [H]: none('no mirroring annotation'),
      [F]: none('no mirroring annotation'),
      [A]: none('an ALB does not mirror requests'),
      [G]: none('GKE Ingress does not mirror requests'),
    },
  },
  {
    annotations: ['ssl-passthrough'],
    what: 'pass TLS through to the backend',
    gatewayApi: by('a TLS listener with `tls.mode: Passthrough` and a TLSRoute'),
    controllers: {
      [T]: none('passthrough needs a Traefik IngressRouteTCP (CRD)'),
      [H]: by('`haproxy.org/ssl-passthrough`'),
      [F]: none('passthrough needs a TransportServer (CRD)'),
      [A]: none('an ALB always terminates TLS (use an NLB)'),
      [G]: none('the Google Cloud load balancer always terminates TLS'),
    },
  },
  {
    annotations: ['auth-tls-secret', 'auth-tls-verify-client', 'auth-tls-verify-depth'],
    what: 'client certificates (mutual TLS)',
    gatewayApi: by('Gateway `spec.tls.frontend` validation `caCertificateRefs`'),
    controllers: {
      [T]: by('TLSOption `clientAuth`, with `traefik.ingress.kubernetes.io/router.tls.options`'),
      [H]: none('`client-ca` is read from the controller ConfigMap only'),
      [F]: none('client certificates need a Policy on a VirtualServer (CRD)'),
      [A]: none('no Ingress annotation for mutual TLS'),
      [G]: none('no client certificate validation in GKE Ingress'),
    },
  },
  {
    annotations: ['ssl-ciphers', 'ssl-prefer-server-ciphers'],
    what: 'TLS ciphers',
    gatewayApi: none('TLS settings of a listener are implementation-specific `tls.options`'),
    controllers: {
      [T]: by('TLSOption, with `traefik.ingress.kubernetes.io/router.tls.options`'),
      [H]: none('ciphers are global (ConfigMap)'),
      [F]: by('`nginx.org/ssl-ciphers`'),
      [A]: by('`alb.ingress.kubernetes.io/ssl-policy`'),
      [G]: by('FrontendConfig `sslPolicy`'),
    },
  },
  {
    annotations: ['proxy-buffering', 'client-body-buffer-size', 'proxy-buffer-size'],
    what: 'buffering',
    gatewayApi: none('buffering is the implementation\'s concern'),
    controllers: {
      [T]: by('Buffering Middleware'),
      [H]: none('no buffering annotation'),
      [F]: by('`nginx.org/proxy-buffering`, `nginx.org/client-body-buffer-size`, `nginx.org/proxy-buffer-size`'),
      [A]: none('an ALB has no buffering settings'),
      [G]: none('no buffering settings'),
    },
  },
  {
    annotations: ['proxy-next-upstream', 'proxy-next-upstream-tries', 'proxy-next-upstream-timeout'],
    what: 'retry another endpoint',
    gatewayApi: none('retries are not in the standard channel'),
    controllers: {
      [T]: by('Retry Middleware'),
      [H]: none('no retry annotation'),
      [F]: by('`nginx.org/proxy-next-upstream`, `-tries`, `-timeout`'),
      [A]: none('an ALB does not retry'),
      [G]: none('no retry settings'),
    },
  },
  {
    annotations: ['custom-http-errors', 'default-backend'],
    what: 'custom error pages',
    gatewayApi: none('no error page filter in the API'),
    controllers: {
      [T]: by('Errors Middleware'),
      [H]: none('no error page annotation'),
      [F]: none('no error page annotation (VirtualServer `errorPages`)'),
      [A]: by('`alb.ingress.kubernetes.io/actions.<name>` fixed-response action'),
      [G]: none('no custom error pages'),
    },
  },
  {
    annotations: ['service-upstream'],
    what: 'send to the Service IP, not the endpoints',
    gatewayApi: none('implementation-specific'),
    controllers: {
      [T]: by('Service annotation `traefik.ingress.kubernetes.io/service.nativelb`'),
      [H]: none('no annotation'),
      [F]: by('`nginx.org/use-cluster-ip`'),
      [A]: none('an ALB targets pods (`target-type: ip`) or nodes (`instance`)'),
      [G]: none('GKE targets pods (NEGs) or nodes'),
    },
  },
];

/** The row of an ingress-nginx annotation (name with or without the prefix), else undefined. */
export function nginxMigrationOf(annotation: string): NginxAnnotationMigration | undefined {
  const name = annotation.startsWith('nginx.ingress.kubernetes.io/') ? annotation.slice('nginx.ingress.kubernetes.io/'.length) : annotation;
  return NGINX_ANNOTATION_MIGRATIONS.find((m) => m.annotations.includes(name));
}
