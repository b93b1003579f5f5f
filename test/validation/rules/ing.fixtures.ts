import { RuleFixture } from './fixture';

type Path = { path?: string; pathType?: string; backend?: any; host?: string };

/** An IngressClass naming its controller. */
function ingressClass(name: string, controller: string): any {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name }, spec: { controller } };
}

function svc(name: string, ports: any[] = [{ name: 'http', port: 80, targetPort: 8080 }], annotations?: Record<string, string>): any {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'shop', annotations }, spec: { selector: { app: name }, ports } };
}

function be(name = 'web', port: any = { number: 80 }): any {
  return { service: { name, port } };
}

/** An Ingress in namespace shop with TLS for its hosts and one path per entry (host shop.example.com unless given). */
function ing(name: string, paths: Path[], extra: { annotations?: Record<string, string>; className?: string | null; tlsHosts?: string[] | null; spec?: any } = {}): any {
  const hosts = [...new Set(paths.map((p) => p.host ?? 'shop.example.com'))];
  const rules = hosts.map((host) => ({
    host,
    http: {
      paths: paths.filter((p) => (p.host ?? 'shop.example.com') === host).map((p) => ({
        path: p.path ?? '/', ...('pathType' in p ? (p.pathType === undefined ? {} : { pathType: p.pathType }) : { pathType: 'Prefix' }), backend: p.backend ?? be(),
      })),
    },
  }));
  const spec: any = {
    ...(extra.className === null ? {} : { ingressClassName: extra.className ?? 'nginx' }),
    ...(extra.tlsHosts === null ? {} : { tls: [{ hosts: extra.tlsHosts ?? hosts, secretName: `${name}-tls` }] }),
    rules,
    ...(extra.spec ?? {}),
  };
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace: 'shop', annotations: extra.annotations }, spec };
}

const web = svc('web');

/** An Ingress in namespace shop with the spec as given (for shapes the ing() builder does not write). */
function raw(name: string, spec: any, annotations?: Record<string, string>): any {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace: 'shop', annotations }, spec: { ingressClassName: 'nginx', ...spec } };
}

/** The redirect annotations ING-014 knows, with the controller each one's message names. */
const REDIRECT_ANNOTATIONS: Array<[string, string]> = [
  ['nginx.ingress.kubernetes.io/ssl-redirect', 'ingress-nginx'],
  ['nginx.org/ssl-redirect', 'F5 NGINX Ingress Controller'],
  ['ingress.kubernetes.io/ssl-redirect', 'F5 NGINX Ingress Controller / HAProxy'],
  ['haproxy.org/ssl-redirect', 'HAProxy'],
  ['haproxy.com/ssl-redirect', 'HAProxy'],
];

/**
 * Fixtures for the branches mutation testing found untested (issue 20, docs/mutation.md): each kills the mutants of
 * one condition or message part.
 */
const MORE: RuleFixture[] = [
  {
    // TLS hosts are checked too (an IP passes there, as in the API server); a rule without host (every host) or with
    // an empty one is not a host problem
    ruleId: 'ING-001',
    trips: [web, ing('a', [{}], { tlsHosts: ['Shop.example.com'] })],
    message: 'spec.tls[0].hosts[0] "Shop.example.com" has upper-case letters',
    passes: [web, raw('a', { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: be() }] } }, { host: '' }, null, { host: 'shop.example.com' }], defaultBackend: be() }),
      ing('b', [{ host: 'b.example.com' }], { tlsHosts: ['b.example.com', '10.0.0.1'] })],
  },
  {
    // a path without path: refused for Prefix, allowed for ImplementationSpecific; a path without pathType is read as Prefix
    ruleId: 'ING-002',
    trips: [web, raw('a', { rules: [{ host: 'shop.example.com', http: { paths: [{ pathType: 'Prefix', backend: be() }] } }] })],
    message: 'spec.rules[0].http.paths[0].path is missing (required for pathType Prefix)',
    fix: 'Set path, e.g. "/".',
    passes: [web, raw('a', { rules: [{ host: 'shop.example.com', http: { paths: [{ pathType: 'ImplementationSpecific', backend: be() }] } }] })],
  },
  {
    ruleId: 'ING-002',
    trips: [web, ing('a', [{ path: '/api/../admin', pathType: undefined }])],
    message: 'spec.rules[0].http.paths[0].path "/api/../admin" holds "/../", which the API server refuses in Prefix paths',
    passes: [web, ing('a', [{ path: '/admin', pathType: undefined }])],
  },
  {
    ruleId: 'ING-004',
    trips: [web, ing('a', [{ path: '/', pathType: 'Regex' }])],
    message: 'spec.rules[0].http.paths[0].pathType "Regex" is not Exact, Prefix or ImplementationSpecific',
    passes: [web, ing('a', [{ path: '/', pathType: 'Exact' }])],
  },
  {
    // the default backend is a backend too
    ruleId: 'ING-005',
    trips: [web, raw('a', { defaultBackend: { service: { name: 'web', port: { name: '', number: 0 } } } })],
    message: 'spec.defaultBackend.service.port has neither name nor number',
    passes: [web, raw('a', { defaultBackend: { service: { name: 'web', port: { number: 80 } } } })],
  },
  {
    ruleId: 'ING-005',
    trips: [web, raw('a', { rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix' }] } }] })],
    message: 'spec.rules[0].http.paths[0].backend is missing',
    passes: [web, ing('a', [{}])],
  },
  {
    ruleId: 'ING-005',
    trips: [web, raw('a', { defaultBackend: { service: { name: 'web', port: { number: 80 } }, resource: { kind: 'Bucket', name: 'b' } } })],
    message: 'spec.defaultBackend has both service and resource',
    passes: [web, raw('a', { defaultBackend: { resource: { apiGroup: 'k8s.example.com', kind: 'Bucket', name: 'b' } } })],
  },
  {
    ruleId: 'ING-005',
    trips: [web, raw('a', { defaultBackend: {} })],
    message: 'spec.defaultBackend has neither service nor resource',
    passes: [web, raw('a', { defaultBackend: be() })],
  },
  {
    ruleId: 'ING-005',
    trips: [web, raw('a', { defaultBackend: { service: { port: { number: 80 } } } })],
    message: 'spec.defaultBackend.service.name is missing',
    passes: [web, raw('a', { defaultBackend: { service: { name: 'web', port: { name: 'http' } } } })],
  },
  {
    // a port name the Service does not have; every exposed port listed; an ExternalName Service has no ports to check
    ruleId: 'ING-006',
    trips: [svc('web', [{ name: 'http', port: 80 }, { name: 'metrics', port: 9090 }]), ing('a', [{ backend: be('web', { name: 'https' }) }])],
    message: 'spec.rules[0].http.paths[0].backend port name "https" is not a port name of Service web (exposed: 80 (http), 9090 (metrics))',
    passes: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { type: 'ExternalName', externalName: 'web.example.com' } },
      ing('a', [{ backend: be('web', { name: 'https' }) }]), svc('api', [null, { port: 80 }] as any[]), ing('b', [{ host: 'b.example.com', backend: be('api', { number: 80 }) }])],
  },
  {
    ruleId: 'ING-006',
    trips: [svc('web', [{ port: 80 }]), ing('a', [{ backend: be('web', { number: 8080 }) }])],
    message: 'backend port 8080 is not a port Service web exposes (exposed: 80)',
    passes: [svc('web', [{ port: 80 }]), ing('a', [{ backend: be('web', { number: 80 }) }])],
  },
  {
    // every TLS host listed; the fix names the host; an entry without hosts covers every host
    ruleId: 'ING-008',
    trips: [web, ing('a', [{ host: 'c.example.com' }], { tlsHosts: ['a.example.com', 'b.example.com', 7 as any] })],
    message: 'spec.rules[0].host c.example.com is not covered by the TLS hosts a.example.com, b.example.com',
    fix: 'Add c.example.com to spec.tls[].hosts.',
    passes: [web, raw('a', { rules: [{ host: 'c.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: be() }] } }], tls: [null, { hosts: ['a.example.com'] }, { secretName: 'all-hosts' }] })],
  },
  {
    // Ingresses without class compete in the cluster's default class; the same path twice in one Ingress
    ruleId: 'ING-009',
    trips: [web, ing('a', [{ path: '/api' }, { path: '/api' }], { className: null })],
    message: 'host shop.example.com path /api (Prefix) in class (cluster default) is also routed by spec.rules[0].http.paths[1] of the same Ingress',
    passes: [web, ing('a', [{ path: '/api' }, { path: '/api', pathType: 'Exact' }], { className: null })],
  },
  {
    // entry points compare as a set: "websecure, web" is "web,websecure"
    ruleId: 'ING-009',
    trips: [web, ing('a', [{}], { className: 'traefik', annotations: { 'traefik.ingress.kubernetes.io/router.entrypoints': 'websecure, web' } }),
      ing('b', [{}], { className: 'traefik', annotations: { 'traefik.ingress.kubernetes.io/router.entrypoints': 'web,websecure' } })],
    message: 'in class traefik is also routed by Ingress shop/b',
    passes: [web, ing('a', [{}], { className: 'traefik', annotations: { 'traefik.ingress.kubernetes.io/router.entrypoints': 'websecure, web' } }),
      ing('b', [{}], { className: 'traefik', annotations: { 'traefik.ingress.kubernetes.io/router.entrypoints': 'websecure' } })],
  },
  {
    // the annotation agrees with the class: nothing to say
    ruleId: 'ING-010',
    trips: [web, ing('a', [{}], { annotations: { 'kubernetes.io/ingress.class': 'nginx-internal' } })],
    message: 'annotation kubernetes.io/ingress.class "nginx-internal" disagrees with spec.ingressClassName "nginx"',
    passes: [web, ing('a', [{}], { annotations: { 'kubernetes.io/ingress.class': 'nginx' } })],
  },
  {
    ruleId: 'ING-013',
    trips: [web, ing('a', [{ path: '/api(/|$)', pathType: 'ImplementationSpecific' }],
      { annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/$2', 'nginx.ingress.kubernetes.io/use-regex': 'true' } })],
    message: 'spec.rules[0].http.paths[0].path /api(/|$) has 1 capture group(s), but rewrite-target /$2 uses $2',
    passes: [web, ing('a', [{ path: '/api(/|$)(.*)', pathType: 'ImplementationSpecific' }],
      { annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/$2', 'nginx.ingress.kubernetes.io/use-regex': 'true' } })],
  },
  ...REDIRECT_ANNOTATIONS.map(([key, controller]): RuleFixture => ({
    ruleId: 'ING-014',
    trips: [web, ing('a', [{}], { tlsHosts: null, annotations: { [key]: 'true' } })],
    message: `annotation ${key} "true" asks ${controller} to redirect to HTTPS, but the Ingress has no spec.tls`,
    passes: [web, ing('a', [{}], { tlsHosts: null, annotations: { [key]: 'false' } })],
  })),
  {
    ruleId: 'ING-014',
    trips: [web, ing('b', [{ host: 'b.example.com' }], { className: 'alb', tlsHosts: null, annotations: { 'alb.ingress.kubernetes.io/ssl-redirect': '443' } })],
    message: 'redirects to an HTTPS listener',
    fix: 'Add alb.ingress.kubernetes.io/certificate-arn (or spec.tls hosts with certificates in ACM), or remove ssl-redirect.',
    passes: [web, ing('b', [{ host: 'b.example.com' }], { className: 'alb', tlsHosts: null })],
  },
  {
    // a FrontendConfig that does not redirect asks for nothing; the message names both certificate annotations
    ruleId: 'ING-014',
    trips: [web, { apiVersion: 'networking.gke.io/v1beta1', kind: 'FrontendConfig', metadata: { name: 'redirect', namespace: 'shop' }, spec: { redirectToHttps: { enabled: true } } },
      ing('g', [{}], { className: null, tlsHosts: null, annotations: { 'kubernetes.io/ingress.class': 'gce', 'networking.gke.io/v1beta1.FrontendConfig': 'redirect' } })],
    message: 'FrontendConfig redirect redirects to HTTPS, but the Ingress has no certificate (spec.tls, ingress.gcp.kubernetes.io/pre-shared-cert or networking.gke.io/managed-certificates)',
    passes: [web, { apiVersion: 'networking.gke.io/v1beta1', kind: 'FrontendConfig', metadata: { name: 'redirect', namespace: 'shop' }, spec: { redirectToHttps: { enabled: 'true' } } },
      ing('g', [{}], { className: null, tlsHosts: null, annotations: { 'kubernetes.io/ingress.class': 'gce', 'networking.gke.io/v1beta1.FrontendConfig': 'redirect' } })],
  },
  {
    ruleId: 'ING-014',
    trips: [web, { apiVersion: 'networking.gke.io/v1beta1', kind: 'FrontendConfig', metadata: { name: 'redirect', namespace: 'shop' }, spec: { redirectToHttps: { enabled: true } } },
      ing('g', [{}], { className: null, tlsHosts: null, annotations: { 'kubernetes.io/ingress.class': 'gce', 'networking.gke.io/v1beta1.FrontendConfig': 'redirect' } })],
    message: 'FrontendConfig redirect redirects to HTTPS',
    passes: [web, { apiVersion: 'networking.gke.io/v1beta1', kind: 'FrontendConfig', metadata: { name: 'redirect', namespace: 'shop' }, spec: { redirectToHttps: { enabled: true } } },
      ing('g', [{}], { className: null, tlsHosts: null, annotations: { 'kubernetes.io/ingress.class': 'gce', 'networking.gke.io/v1beta1.FrontendConfig': 'redirect', 'ingress.gcp.kubernetes.io/pre-shared-cert': 'shop' } })],
  },
  {
    // an annotation the migration table does not know; the fixes of the other two cases
    ruleId: 'ING-015',
    trips: [web, ing('a', [{}], { className: 'haproxy', annotations: { 'nginx.ingress.kubernetes.io/made-up-option': 'x' } })],
    message: 'annotation nginx.ingress.kubernetes.io/made-up-option is ignored by HAProxy Kubernetes Ingress Controller, and the migration table has no entry for it',
    fix: 'Look up what nginx.ingress.kubernetes.io/made-up-option does and its equivalent in',
    passes: [web, ing('a', [{}], { className: 'haproxy', annotations: { 'haproxy.org/made-up-option': 'x' } })],
  },
  {
    ruleId: 'ING-015',
    trips: [web, ing('a', [{}], { className: 'haproxy', annotations: { 'nginx.ingress.kubernetes.io/proxy-body-size': '16m' } })],
    message: 'which has no equivalent: no annotation limits the request body',
    fix: 'Decide what replaces it (another controller, the Gateway API, the application), then remove the annotation.',
    passes: [web, ing('a', [{}], { className: 'haproxy' })],
  },
  {
    ruleId: 'ING-015',
    trips: [web, ingressClass('public', 'traefik.io/ingress-controller'), ing('a', [{}], { className: 'public', annotations: { 'nginx.ingress.kubernetes.io/whitelist-source-range': '10.0.0.0/8' } })],
    message: 'its equivalent there is IPAllowList Middleware',
    fix: 'Replace it with IPAllowList Middleware.',
    passes: [web, ingressClass('public', 'traefik.io/ingress-controller'), ing('a', [{}], { className: 'public' })],
  },
  {
    ruleId: 'ING-016',
    trips: [web, ing('a', [{}], { className: null, annotations: { 'nginx.ingress.kubernetes.io/ssl-redirect': 'true' } })],
    message: 'is served by the community ingress-nginx controller (class (cluster default))',
    passes: [web, ing('a', [{}], { className: null })],
  },
];

export const FIXTURES: RuleFixture[] = [
  {
    ruleId: 'ING-001',
    trips: [web, ing('a', [{ host: '10.0.0.1' }], { tlsHosts: ['shop.example.com'] })],
    message: 'spec.rules[0].host "10.0.0.1" is an IP address; Ingress hosts must be DNS names',
    passes: [web, ing('a', [{ host: '*.example.com' }])],
  },
  {
    ruleId: 'ING-002',
    trips: [web, ing('a', [{ path: '/api/../admin' }])],
    message: 'spec.rules[0].http.paths[0].path "/api/../admin" holds "/../", which the API server refuses in Prefix paths',
    passes: [web, ing('a', [{ path: '/admin' }])],
  },
  {
    // the class nginx alone is ambiguous (ingress-nginx and F5 NGINX both default to it): its IngressClass tells
    ruleId: 'ING-003',
    trips: [web, ingressClass('nginx', 'k8s.io/ingress-nginx'), ing('a', [{ path: '/favicon.ico', pathType: 'Exact' }]),
      ing('b', [{ host: 'b.example.com', path: '/a*b' }], { className: 'alb', tlsHosts: null })],
    message: 'holds ".", which ingress-nginx refuses in Exact paths (strict-validate-path-type allows only letters, digits, "-", "_" and "/") (ingress-nginx (community, retired))',
    passes: [web, ingressClass('nginx', 'nginx.org/ingress-controller'), ing('a', [{ path: '/favicon.ico', pathType: 'Exact' }]),
      ing('b', [{ host: 'b.example.com', path: '/a*b' }], { className: 'traefik', tlsHosts: null })],
  },
  {
    ruleId: 'ING-003',
    trips: [web, ing('b', [{ host: 'b.example.com', path: '/a*b' }], { className: 'alb', tlsHosts: null })],
    message: 'spec.rules[0].http.paths[0].path "/a*b" holds "*", which an ALB path condition does not accept ("*" and "?" are ALB wildcards, accepted in ImplementationSpecific paths only) (AWS Load Balancer Controller)',
    passes: [web, ing('b', [{ host: 'b.example.com', path: '/a*b', pathType: 'ImplementationSpecific' }], { className: 'alb', tlsHosts: null })],
  },
  {
    ruleId: 'ING-004',
    trips: [web, ing('a', [{ path: '/', pathType: undefined }])],
    message: 'spec.rules[0].http.paths[0].pathType is missing',
    passes: [web, ing('a', [{ path: '/', pathType: 'Prefix' }])],
  },
  {
    ruleId: 'ING-005',
    trips: [web, ing('a', [{ backend: be('web', { number: 80, name: 'http' }) }])],
    message: 'spec.rules[0].http.paths[0].backend.service.port sets both name "http" and number 80',
    passes: [web, ing('a', [{ backend: be('web', { name: 'http' }) }])],
  },
  {
    ruleId: 'ING-006',
    trips: [web, ing('a', [{ backend: be('web', { number: 8080 }) }])],
    message: 'spec.rules[0].http.paths[0].backend port 8080 is not a port Service web exposes (exposed: 80 (http))',
    passes: [web, ing('a', [{ backend: be('web', { number: 80 }) }])],
  },
  {
    ruleId: 'ING-007',
    trips: [web, ing('a', [{ backend: be('frontend') }])],
    message: 'routes to Service frontend, which is not among the objects in namespace shop',
    passes: [web, ing('a', [{ backend: be('web') }])],
  },
  {
    ruleId: 'ING-008',
    trips: [web, ing('a', [{ host: 'a.b.example.com' }, { host: 'example.com' }], { tlsHosts: ['*.example.com'] })],
    message: 'spec.rules[0].host a.b.example.com is not covered by the TLS hosts *.example.com',
    passes: [web, ing('a', [{ host: 'a.example.com' }, { host: 'example.com' }], { tlsHosts: ['*.example.com', 'example.com'] })],
  },
  {
    ruleId: 'ING-009',
    trips: [web, ing('storefront', [{ path: '/api' }]), ing('orders', [{ path: '/api' }])],
    message: 'host shop.example.com path /api (Prefix) in class nginx is also routed by Ingress shop/orders',
    passes: [web, ing('storefront', [{ path: '/api' }]), ing('orders', [{ path: '/api' }], { className: 'nginx-internal' })],
  },
  {
    // across path types: Prefix /api and /api/ match the same requests; Exact /api does not compete (an exact match wins)
    ruleId: 'ING-009',
    trips: [web, ing('storefront', [{ path: '/api' }]), ing('orders', [{ path: '/api/' }])],
    message: 'host shop.example.com path /api/ (Prefix) in class nginx is also routed by Ingress shop/storefront as /api (Prefix)',
    passes: [web, ing('storefront', [{ path: '/api' }]), ing('orders', [{ path: '/api', pathType: 'Exact' }])],
  },
  {
    // use-regex on one Ingress makes every path of the host a regex location in ingress-nginx, the other Ingress's
    // too: the same ImplementationSpecific path in both is one location, routed twice
    ruleId: 'ING-009',
    trips: [web, ing('storefront', [{ path: '/api', pathType: 'ImplementationSpecific' }], { annotations: { 'nginx.ingress.kubernetes.io/use-regex': 'true' } }),
      ing('orders', [{ path: '/api', pathType: 'ImplementationSpecific' }])],
    message: 'host shop.example.com path /api (ImplementationSpecific) in class nginx is also routed by Ingress shop/orders',
    passes: [web, ing('storefront', [{ path: '/api', pathType: 'ImplementationSpecific' }], { annotations: { 'nginx.ingress.kubernetes.io/use-regex': 'true' } }),
      ing('orders', [{ path: '/orders', pathType: 'ImplementationSpecific' }])],
  },
  {
    // Traefik routers of different entry points (the redirect Ingress on web) do not compete
    ruleId: 'ING-009',
    trips: [web, ing('a', [{}], { className: 'traefik', annotations: { 'traefik.ingress.kubernetes.io/router.entrypoints': 'websecure' } }),
      ing('b', [{}], { className: 'traefik', annotations: { 'traefik.ingress.kubernetes.io/router.entrypoints': 'websecure' } })],
    message: 'in class traefik is also routed by Ingress shop/b',
    passes: [web, ing('a', [{}], { className: 'traefik', annotations: { 'traefik.ingress.kubernetes.io/router.entrypoints': 'websecure' } }),
      ing('b', [{}], { className: 'traefik', annotations: { 'traefik.ingress.kubernetes.io/router.entrypoints': 'web' } })],
  },
  {
    ruleId: 'ING-010',
    trips: [web, ing('a', [{}], { annotations: { 'kubernetes.io/ingress.class': 'traefik' } })],
    message: 'annotation kubernetes.io/ingress.class "traefik" disagrees with spec.ingressClassName "nginx"',
    passes: [web, ing('a', [{}])],
  },
  {
    ruleId: 'ING-011',
    trips: [svc('orders-db', [{ name: 'postgres', port: 5432 }], { 'golden-paths.dev/role': 'database' }), ing('a', [{ backend: be('orders-db', { number: 5432 }) }])],
    message: 'routes to Service orders-db, which fronts a database (golden-paths.dev/role: database)',
    passes: [svc('orders-db', [{ name: 'postgres', port: 5432 }]), ing('a', [{ backend: be('orders-db', { number: 5432 }) }])],
  },
  {
    ruleId: 'ING-012',
    trips: [{ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'a', namespace: 'shop' }, spec: { ingressClassName: 'nginx' } }],
    message: 'spec has neither rules nor defaultBackend',
    passes: [web, { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'a', namespace: 'shop' }, spec: { ingressClassName: 'nginx', defaultBackend: be() } }],
  },
  {
    ruleId: 'ING-013',
    trips: [web, ing('a', [{ path: '/api' }], { annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/$2' } })],
    message: 'spec.rules[0].http.paths[0].path /api is Prefix, which cannot hold the capture group $2 rewrite-target /$2 uses',
    passes: [web, ing('a', [{ path: '/api(/|$)(.*)', pathType: 'ImplementationSpecific' }],
      { annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/$2', 'nginx.ingress.kubernetes.io/use-regex': 'true' } })],
  },
  {
    ruleId: 'ING-014',
    trips: [web, ing('a', [{}], { tlsHosts: null, annotations: { 'nginx.ingress.kubernetes.io/ssl-redirect': 'true' } }),
      ing('b', [{ host: 'b.example.com' }], { className: 'alb', tlsHosts: null, annotations: { 'alb.ingress.kubernetes.io/ssl-redirect': '443' } })],
    message: 'annotation nginx.ingress.kubernetes.io/ssl-redirect "true" asks ingress-nginx to redirect to HTTPS, but the Ingress has no spec.tls',
    passes: [web, ing('a', [{}], { annotations: { 'nginx.ingress.kubernetes.io/ssl-redirect': 'true' } }),
      ing('b', [{ host: 'b.example.com' }], { className: 'alb', tlsHosts: null, annotations: { 'alb.ingress.kubernetes.io/ssl-redirect': '443', 'alb.ingress.kubernetes.io/certificate-arn': 'arn:aws:acm:eu-central-1:123456789012:certificate/abc' } })],
  },
  {
    ruleId: 'ING-014',
    trips: [web, ing('b', [{ host: 'b.example.com' }], { className: 'alb', tlsHosts: null, annotations: { 'alb.ingress.kubernetes.io/ssl-redirect': '443' } })],
    message: 'annotation alb.ingress.kubernetes.io/ssl-redirect "443" redirects to an HTTPS listener, but the Ingress has neither alb.ingress.kubernetes.io/certificate-arn nor spec.tls hosts',
    passes: [web, ing('b', [{ host: 'b.example.com' }], { className: 'alb', annotations: { 'alb.ingress.kubernetes.io/ssl-redirect': '443' } })],
  },
  {
    ruleId: 'ING-014',
    trips: [web, { apiVersion: 'networking.gke.io/v1beta1', kind: 'FrontendConfig', metadata: { name: 'redirect', namespace: 'shop' }, spec: { redirectToHttps: { enabled: true } } },
      ing('g', [{}], { className: null, tlsHosts: null, annotations: { 'kubernetes.io/ingress.class': 'gce', 'networking.gke.io/v1beta1.FrontendConfig': 'redirect' } })],
    message: 'FrontendConfig redirect redirects to HTTPS, but the Ingress has no certificate',
    passes: [web, { apiVersion: 'networking.gke.io/v1beta1', kind: 'FrontendConfig', metadata: { name: 'redirect', namespace: 'shop' }, spec: { redirectToHttps: { enabled: true } } },
      ing('g', [{}], { className: null, tlsHosts: null, annotations: { 'kubernetes.io/ingress.class': 'gce', 'networking.gke.io/v1beta1.FrontendConfig': 'redirect', 'networking.gke.io/managed-certificates': 'shop' } })],
  },
  {
    // a manifest written for ingress-nginx, now of class haproxy: each annotation with its equivalent, or why there is none
    ruleId: 'ING-015',
    trips: [web, ing('a', [{}], { className: 'haproxy', annotations: { 'nginx.ingress.kubernetes.io/proxy-body-size': '16m', 'nginx.ingress.kubernetes.io/ssl-redirect': 'true' } })],
    message: 'annotation nginx.ingress.kubernetes.io/proxy-body-size (largest request body) is ignored by HAProxy Kubernetes Ingress Controller, which has no equivalent: no annotation limits the request body',
    passes: [web, ing('a', [{}], { className: 'haproxy', annotations: { 'haproxy.org/ssl-redirect': 'true' } })],
  },
  {
    ruleId: 'ING-015',
    trips: [web, ingressClass('public', 'traefik.io/ingress-controller'), ing('a', [{}], { className: 'public', annotations: { 'nginx.ingress.kubernetes.io/whitelist-source-range': '10.0.0.0/8' } })],
    message: 'annotation nginx.ingress.kubernetes.io/whitelist-source-range (allow or deny client IP ranges) is ignored by Traefik; its equivalent there is IPAllowList Middleware',
    // the same annotation on a class whose IngressClass is ingress-nginx's: read as written (and ING-016 warns)
    passes: [web, ingressClass('public', 'k8s.io/ingress-nginx'), ing('a', [{}], { className: 'public', annotations: { 'nginx.ingress.kubernetes.io/whitelist-source-range': '10.0.0.0/8' } })],
  },
  {
    ruleId: 'ING-016',
    trips: [web, ing('a', [{}], { annotations: { 'nginx.ingress.kubernetes.io/ssl-redirect': 'true' } })],
    message: 'is served by the community ingress-nginx controller (class nginx), which reached its end of life in March 2026',
    passes: [web, ingressClass('nginx', 'nginx.org/ingress-controller'), ing('a', [{}], { annotations: { 'nginx.org/ssl-redirect': 'true' } })],
  },
  ...MORE,
];
