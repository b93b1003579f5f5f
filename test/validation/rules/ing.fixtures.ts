import { RuleFixture } from './fixture';

type Path = { path?: string; pathType?: string; backend?: any; host?: string };

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
    ruleId: 'ING-003',
    trips: [web, ing('a', [{ path: '/favicon.ico', pathType: 'Exact' }])],
    message: 'holds ".", which ingress-nginx refuses in Exact paths',
    passes: [web, ing('a', [{ path: '/favicon-ico', pathType: 'Exact' }])],
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
    // Prefix /api and Exact /api are two routes, not one twice (issue 20: a check that ignored pathType passed every fixture)
    ruleId: 'ING-009',
    trips: [web, ing('storefront', [{ path: '/api', pathType: 'Exact' }]), ing('orders', [{ path: '/api', pathType: 'Exact' }])],
    message: 'host shop.example.com path /api (Exact) in class nginx is also routed by Ingress shop/orders',
    passes: [web, ing('storefront', [{ path: '/api', pathType: 'Prefix' }]), ing('orders', [{ path: '/api', pathType: 'Exact' }])],
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
];
