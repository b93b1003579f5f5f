import { RuleFixture } from './fixture';

/**
 * Fixtures of the Gateway API rules. The objects are valid against the Gateway API v1.6.1 standard CRDs (staged in
 * reference/crds), so once the validator checks CRD schemas the passing sets stay clean.
 */

const GROUP = 'gateway.networking.k8s.io';

function svc(name: string, namespace = 'shop', ports: any[] = [{ name: 'http', port: 80, targetPort: 8080 }], annotations?: Record<string, string>): any {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace, annotations }, spec: { selector: { app: name }, ports } };
}

type Listener = { name: string; protocol?: string; port?: number; hostname?: string; tls?: any; allowedRoutes?: any };

/** A Gateway in gateway-system: by default an HTTP listener and an HTTPS listener for *.example.com, open to all namespaces. */
function gateway(listeners?: Listener[], annotations?: Record<string, string>): any {
  const all = { namespaces: { from: 'All' } };
  return {
    apiVersion: `${GROUP}/v1`,
    kind: 'Gateway',
    metadata: { name: 'public', namespace: 'gateway-system', annotations },
    spec: {
      gatewayClassName: 'cilium',
      listeners: (listeners ?? [
        { name: 'http', protocol: 'HTTP', port: 80 },
        { name: 'https', protocol: 'HTTPS', port: 443, hostname: '*.example.com', tls: { mode: 'Terminate', certificateRefs: [{ name: 'wildcard-tls' }] } },
      ]).map((l) => ({ port: l.protocol === 'HTTPS' ? 443 : 80, protocol: 'HTTP', allowedRoutes: all, ...l })),
    },
  };
}

const wildcardSecret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'wildcard-tls', namespace: 'gateway-system' }, type: 'kubernetes.io/tls' };

type Rule = { path?: string; type?: string; backend?: any; headers?: any[]; filters?: any[] };

/** An HTTPRoute in namespace shop on the listener `section` of the Gateway gateway-system/public. */
function route(name: string, hostnames: string[], rules: Rule[], extra: { section?: string | null; namespace?: string; parent?: any } = {}): any {
  const parentRef = extra.parent ?? { group: GROUP, kind: 'Gateway', name: 'public', namespace: 'gateway-system', ...(extra.section === null ? {} : { sectionName: extra.section ?? 'https' }) };
  return {
    apiVersion: `${GROUP}/v1`,
    kind: 'HTTPRoute',
    metadata: { name, namespace: extra.namespace ?? 'shop' },
    spec: {
      parentRefs: [parentRef],
      hostnames,
      rules: rules.map((r) => ({
        matches: [{ path: { type: r.type ?? 'PathPrefix', value: r.path ?? '/' }, ...(r.headers ? { headers: r.headers } : {}) }],
        ...(r.filters ? { filters: r.filters } : {}),
        ...(r.backend === null ? {} : { backendRefs: [r.backend ?? { name: 'web', port: 80 }] }),
      })),
    },
  };
}

function grant(namespace: string, fromKind: string, fromNamespace: string, toKind: string, toName?: string): any {
  return {
    apiVersion: `${GROUP}/v1beta1`,
    kind: 'ReferenceGrant',
    metadata: { name: `from-${fromNamespace}`, namespace },
    spec: { from: [{ group: GROUP, kind: fromKind, namespace: fromNamespace }], to: [{ group: '', kind: toKind, ...(toName ? { name: toName } : {}) }] },
  };
}

const web = svc('web');
const redirect = [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }];

export const FIXTURES: RuleFixture[] = [
  {
    ruleId: 'GWY-001',
    trips: [web, gateway(), wildcardSecret, route('shop', ['shop.example.org'], [{}])],
    message: 'hostname shop.example.org is not covered by a listener of Gateway gateway-system/public that spec.parentRefs[0] selects (https (HTTPS *.example.com))',
    passes: [web, gateway(), wildcardSecret, route('shop', ['shop.example.com'], [{}])],
  },
  {
    ruleId: 'GWY-001',
    trips: [web, gateway(), wildcardSecret, route('shop', ['shop.example.com'], [{}], { section: 'websecure' })],
    message: 'spec.parentRefs[0] sectionName websecure names no HTTP or HTTPS listener of Gateway gateway-system/public (listeners: http (HTTP), https (HTTPS *.example.com))',
    passes: [web, gateway(), wildcardSecret, route('shop', ['shop.example.com'], [{}], { section: 'https' })],
  },
  {
    // a wildcard listener covers a.b.example.com for routing, but the certificate cert-manager issues for it does not
    ruleId: 'GWY-001',
    trips: [web, gateway(undefined, { 'cert-manager.io/cluster-issuer': 'letsencrypt-prod' }), route('shop', ['www.shop.example.com'], [{}])],
    message: 'hostname www.shop.example.com attaches to https (HTTPS *.example.com) of Gateway gateway-system/public, but the certificate cert-manager issues for a wildcard covers exactly one label',
    passes: [web, gateway(undefined, { 'cert-manager.io/cluster-issuer': 'letsencrypt-prod' }), route('shop', ['shop.example.com'], [{}])],
  },
  {
    ruleId: 'GWY-002',
    trips: [gateway([{ name: 'https', protocol: 'HTTPS', hostname: 'shop.example.com', tls: { mode: 'Terminate', certificateRefs: [] } }])],
    message: 'spec.listeners[0] (https) is HTTPS but has no tls.certificateRefs',
    passes: [gateway([{ name: 'https', protocol: 'HTTPS', hostname: 'shop.example.com', tls: { mode: 'Terminate', certificateRefs: [{ name: 'wildcard-tls' }] } }]), wildcardSecret],
  },
  {
    ruleId: 'GWY-003',
    trips: [gateway()],
    message: 'spec.listeners[1].tls.certificateRefs[0] names Secret gateway-system/wildcard-tls, which is not among the objects and no cert-manager issuer annotation asks for it',
    passes: [gateway(undefined, { 'cert-manager.io/cluster-issuer': 'letsencrypt-prod' })],
  },
  {
    ruleId: 'GWY-004',
    trips: [web, gateway(), wildcardSecret, route('shop', ['shop.example.com'], [{ backend: { name: 'web', port: 8080 } }])],
    message: 'spec.rules[0].backendRefs[0] port 8080 is not a port Service shop/web exposes (exposed: 80 (http))',
    passes: [web, gateway(), wildcardSecret, route('shop', ['shop.example.com'], [{ backend: { name: 'web', port: 80 } }])],
  },
  {
    ruleId: 'GWY-005',
    trips: [web, gateway(), wildcardSecret, route('shop', ['shop.example.com'], [{ backend: { name: 'frontend', port: 80 } }])],
    message: 'spec.rules[0].backendRefs[0] routes to Service shop/frontend, which is not among the objects',
    passes: [web, gateway(), wildcardSecret, route('shop', ['shop.example.com'], [{ backend: { name: 'web', port: 80 } }])],
  },
  {
    // PathPrefix /api and /api/ match the same requests with the same precedence; other headers make another match
    ruleId: 'GWY-006',
    trips: [web, gateway(), wildcardSecret, route('storefront', ['shop.example.com'], [{ path: '/api' }]), route('orders', ['shop.example.com'], [{ path: '/api/' }], { section: null })],
    message: 'spec.rules[0].matches[0] (prefix /api) for hostname shop.example.com on listener https of Gateway gateway-system/public is also matched by HTTPRoute shop/orders',
    passes: [web, gateway(), wildcardSecret, route('storefront', ['shop.example.com'], [{ path: '/api' }]),
      route('orders', ['shop.example.com'], [{ path: '/api/', headers: [{ type: 'Exact', name: 'x-canary', value: 'true' }] }], { section: null })],
  },
  {
    ruleId: 'GWY-007',
    trips: [web, route('shop', ['shop.example.com'], [{ path: '/' }]),
      { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'shop', namespace: 'shop' }, spec: { ingressClassName: 'haproxy', rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] } }],
    message: 'spec.rules[0].matches[0] routes host shop.example.com path / (PathPrefix), which Ingress shop/shop also routes',
    passes: [web, route('shop', ['shop.example.com'], [{ path: '/' }]),
      { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'shop', namespace: 'shop' }, spec: { ingressClassName: 'haproxy', rules: [{ host: 'old.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] } }],
  },
  {
    // a Selector admits namespaces by their labels: the Namespace object among the objects tells
    ruleId: 'GWY-008',
    trips: [web, wildcardSecret, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
      gateway([{ name: 'https', protocol: 'HTTPS', hostname: '*.example.com', tls: { certificateRefs: [{ name: 'wildcard-tls' }] }, allowedRoutes: { namespaces: { from: 'Selector', selector: { matchLabels: { public: 'true' } } } } }]),
      route('shop', ['shop.example.com'], [{}])],
    message: 'spec.parentRefs[0]: no listener of Gateway gateway-system/public it selects (https) admits HTTPRoutes of namespace shop',
    passes: [web, wildcardSecret, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { public: 'true' } } },
      gateway([{ name: 'https', protocol: 'HTTPS', hostname: '*.example.com', tls: { certificateRefs: [{ name: 'wildcard-tls' }] }, allowedRoutes: { namespaces: { from: 'Selector', selector: { matchLabels: { public: 'true' } } } } }]),
      route('shop', ['shop.example.com'], [{}])],
  },
  {
    ruleId: 'GWY-008',
    trips: [web, wildcardSecret, gateway([{ name: 'https', protocol: 'HTTPS', hostname: '*.example.com', tls: { certificateRefs: [{ name: 'wildcard-tls' }] }, allowedRoutes: { namespaces: { from: 'Same' } } }]),
      route('shop', ['shop.example.com'], [{}])],
    message: 'spec.parentRefs[0]: no listener of Gateway gateway-system/public it selects (https) admits HTTPRoutes of namespace shop',
    passes: [svc('web', 'gateway-system'), wildcardSecret, gateway([{ name: 'https', protocol: 'HTTPS', hostname: '*.example.com', tls: { certificateRefs: [{ name: 'wildcard-tls' }] }, allowedRoutes: { namespaces: { from: 'Same' } } }]),
      route('shop', ['shop.example.com'], [{}], { namespace: 'gateway-system' })],
  },
  {
    ruleId: 'GWY-009',
    trips: [svc('checkout', 'payments'), gateway(), wildcardSecret, route('shop', ['shop.example.com'], [{ backend: { name: 'checkout', namespace: 'payments', port: 80 } }])],
    message: 'spec.rules[0].backendRefs[0] refers to Service payments/checkout, and no ReferenceGrant in namespace payments allows HTTPRoutes of shop to',
    passes: [svc('checkout', 'payments'), gateway(), wildcardSecret, grant('payments', 'HTTPRoute', 'shop', 'Service', 'checkout'),
      route('shop', ['shop.example.com'], [{ backend: { name: 'checkout', namespace: 'payments', port: 80 } }])],
  },
  {
    ruleId: 'GWY-009',
    trips: [gateway([{ name: 'https', protocol: 'HTTPS', hostname: 'shop.example.com', tls: { certificateRefs: [{ name: 'shop-tls', namespace: 'shop' }] } }])],
    message: 'spec.listeners[0].tls.certificateRefs[0] refers to Secret shop/shop-tls, and no ReferenceGrant in namespace shop allows Gateways of gateway-system to',
    passes: [gateway([{ name: 'https', protocol: 'HTTPS', hostname: 'shop.example.com', tls: { certificateRefs: [{ name: 'shop-tls', namespace: 'shop' }] } }]),
      grant('shop', 'Gateway', 'gateway-system', 'Secret')],
  },
  {
    ruleId: 'GWY-010',
    trips: [gateway([{ name: 'http', protocol: 'HTTP', port: 80 }]), route('shop-redirect', ['shop.example.com'], [{ backend: null, filters: redirect }], { section: 'http' })],
    message: 'redirects to HTTPS, but Gateway gateway-system/public has no HTTPS listener for shop.example.com',
    passes: [gateway(), wildcardSecret, route('shop-redirect', ['shop.example.com'], [{ backend: null, filters: redirect }], { section: 'http' })],
  },
  {
    ruleId: 'GWY-011',
    trips: [svc('orders-db', 'shop', [{ name: 'postgres', port: 5432 }], { 'golden-paths.dev/role': 'database' }),
      route('db', ['db.example.com'], [{ backend: { name: 'orders-db', port: 5432 } }], { section: null, parent: { name: 'edge' } })],
    message: 'spec.rules[0].backendRefs[0] routes to Service shop/orders-db, which fronts a database (golden-paths.dev/role: database)',
    passes: [svc('orders-db', 'shop', [{ name: 'postgres', port: 5432 }]), route('db', ['db.example.com'], [{ backend: { name: 'orders-db', port: 5432 } }], { parent: { name: 'edge' } })],
  },
  {
    ruleId: 'GWY-012',
    trips: [web, route('shop', ['10.0.0.1'], [{ path: '/a//b' }], { parent: { name: 'edge' } })],
    message: 'spec.hostnames[0] "10.0.0.1" is an IP address; HTTPRoute hostnames must be DNS names',
    passes: [web, route('shop', ['shop.example.com'], [{ path: '/a/b' }], { parent: { name: 'edge' } })],
  },
  {
    ruleId: 'GWY-012',
    trips: [web, route('shop', ['shop.example.com'], [{ path: '/files/a b' }], { parent: { name: 'edge' } })],
    message: 'spec.rules[0].matches[0].path.value "/files/a b" holds " ", which the HTTPRoute schema refuses in a path',
    passes: [web, route('shop', ['shop.example.com'], [{ path: '/files/a%20b' }], { parent: { name: 'edge' } })],
  },
];
