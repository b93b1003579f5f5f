import { Chart, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import * as fc from 'fast-check';
import { PAST_ROUTES, PAST_ROUTE_JUNK, RouteSpec } from './counterexamples';
import {
  RUNS, sizeOf, sizeSpec, assertOracle, assertProperty, bad, badProps, check, cleanOrJunk, constructId, dnsName, field, junk, maybe, namespace, optional, pick, rarely,
  restrictedDeployment, withPast,
} from './harness';
import { BackendProtocol, IngressController, PlatformDefaults, RouteBackend, RouteOutput, RoutePathType, TlsSource, WebRoute } from '../../src';

// ---------------------------------------------------------------------------------------------------------------
// Oracle property (issue 20): TLS on unless plain HTTP is asked for (refused when neither a TlsSource nor a
// platform issuer is there), ssl-redirect on with TLS, Prefix paths, the controller's class; what is given appears as
// given. The output is ingress-nginx, whose annotations the test knows (the Gateway API output: web-route-gateway).
// ---------------------------------------------------------------------------------------------------------------

const HOSTS = ['shop.example.com', 'api.example.com'];
const N = 'nginx.ingress.kubernetes.io/';

const routeRule = (i: number) => fc.record({
  host: fc.constantFrom(...HOSTS),
  path: field(fc.constantFrom('/', '/api', '/static'), fc.constant(bad('api', `rules[${i}] path`))),
  pathType: field(fc.constantFrom(RoutePathType.PREFIX, RoutePathType.EXACT), fc.constant(bad('Regex', `rules[${i}] pathType`))),
  // web-svc exposes 80 (http) and 8443 (https); api exposes 80
  backend: fc.oneof(
    fc.record({ service: fc.constant('web'), port: field(fc.constantFrom(80, 8443), fc.constant(bad(81, `rules[${i}] backend port`)), false) }),
    fc.record({ service: fc.constant('api'), port: field(fc.constant(80), fc.constant(bad(8443, `rules[${i}] backend port`)), false) }),
  ),
});

const tlsSpec = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('clusterIssuer' as const), secretName: fc.option(fc.constant('shop-cert'), { nil: undefined }), hosts: fc.option(fc.constantFrom(HOSTS, ['*.example.com']), { nil: undefined }) }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('issuer' as const), secretName: fc.option(fc.constant('shop-cert'), { nil: undefined }), hosts: fc.constant(undefined) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('secret' as const), secretName: fc.constant('shop-tls'), hosts: fc.option(fc.constant(['*.example.com']), { nil: undefined }) }), weight: 3 },
  { arbitrary: fc.constant({ kind: 'none' as const }), weight: 2 },
  // the platform's ClusterIssuer and class
  { arbitrary: fc.constant({ kind: 'platform' as const }), weight: 3 },
  // no TLS at all: the route must refuse to serve plain HTTP without an explicit opt-out
  { arbitrary: fc.constant({ kind: 'absent' as const }), weight: 1 },
);

const routeSpec: fc.Arbitrary<RouteSpec> = withPast<RouteSpec>(fc.integer({ min: 1, max: 3 }).chain((n) => fc.record({
  id: fc.constantFrom('shop', 'Web Route'),
  ns: namespace,
  name: field(fc.constantFrom('shop', 'web.route'), fc.constant(bad('Shop_Route', 'name'))),
  className: field(fc.constantFrom('nginx', 'internal'), fc.constant(bad('Nginx', 'output className'))),
  tls: tlsSpec,
  sslRedirect: field(fc.boolean()),
  rules: fc.tuple(...Array.from({ length: n }, (_, i) => routeRule(i))),
  extra: fc.option(fc.record({ host: fc.constantFrom(...HOSTS), pathType: fc.constantFrom(RoutePathType.PREFIX, RoutePathType.EXACT) }), { nil: undefined }),
  defaultBackend: fc.boolean(),
  proxyBodySizeMib: field(fc.integer({ min: 1, max: 1024 })),
  proxyReadTimeout: field(fc.integer({ min: 1, max: 3600 })),
  annotations: field(fc.constantFrom<Record<string, string>>({ 'example.com/team': 'shop' }, {}), fc.constant(bad({ 'cert-manager.io/cluster-issuer': 'other' }, 'annotations["cert-manager.io/cluster-issuer"]'))),
  labels: field(fc.constantFrom<Record<string, string>>({ tier: 'web' }, {})),
})), PAST_ROUTES);

/** What the route is refused for, by prop; the test decides (duplicates, TLS, redirect without TLS). */
function wrongRoute(s: RouteSpec): string[] {
  const wrong = badProps({ ...s, rules: [] });
  if (s.tls.kind === 'absent') wrong.push('tls');
  if (s.tls.kind === 'none' && s.sslRedirect.value === true) wrong.push('sslRedirect');
  const seen = new Set<string>();
  s.rules.forEach((r, i) => {
    const before = wrong.length;
    wrong.push(...badProps(r));
    const key = `${r.host} ${r.path.value ?? '/'} ${r.pathType.value ?? 'Prefix'}`;
    // the same host, path and path type twice in one route (Prefix /api and Exact /api are two routes)
    if (wrong.length === before && seen.has(key)) wrong.push(`rules[${i}] path`);
    if (wrong.length === before) seen.add(key);
  });
  return wrong;
}

function buildRoute(s: RouteSpec): (chart: Chart) => void {
  return (chart) => {
    const web = restrictedDeployment(chart, 'web');
    const services: Record<string, kplus.Service> = {
      web: new kplus.Service(chart, 'web-svc', { metadata: { name: 'web' }, selector: web, ports: [{ port: 80, name: 'http', targetPort: 8080 }, { port: 8443, name: 'https', targetPort: 8080 }] }),
      api: new kplus.Service(chart, 'api-svc', { metadata: { name: 'api' }, selector: web, ports: [{ port: 80, targetPort: 8080 }] }),
    };
    if (s.tls.kind === 'platform') PlatformDefaults.set(chart, { certManagerClusterIssuer: 'letsencrypt-prod', ingressClassName: 'internal' });
    const t = s.tls;
    const tls = t.kind === 'clusterIssuer' ? TlsSource.certManagerClusterIssuer('letsencrypt-prod', { secretName: t.secretName, hosts: t.hosts })
      : t.kind === 'issuer' ? TlsSource.certManagerIssuer('shop-ca', { secretName: t.secretName })
        : t.kind === 'secret' ? TlsSource.secret(t.secretName!, { hosts: t.hosts })
          : t.kind === 'none' ? TlsSource.noneInsecurePlainHttp() : undefined;
    const props: any = {
      output: RouteOutput.ingress(IngressController.ingressNginx({
        className: s.className.value,
        proxyBodySize: s.proxyBodySizeMib.value === undefined ? undefined : Size.mebibytes(s.proxyBodySizeMib.value),
        proxyReadTimeout: s.proxyReadTimeout.value === undefined ? undefined : Duration.seconds(s.proxyReadTimeout.value),
      })),
      tls,
      rules: s.rules.map((r) => ({
        host: r.host, path: r.path.value, pathType: r.pathType.value, backend: RouteBackend.service(services[r.backend.service], { port: r.backend.port.value }),
      })),
      defaultBackend: s.defaultBackend ? RouteBackend.service(services.web, { portName: 'http' }) : undefined,
    };
    for (const k of ['name', 'sslRedirect', 'annotations', 'labels'] as const) if (s[k].value !== undefined) props[k] = s[k].value;
    const route = new WebRoute(chart, s.id, props);
    if (s.extra) route.addRule(s.extra.host, '/extra', RouteBackend.service(services.api, { port: 80 }), { pathType: s.extra.pathType });
  };
}

/** The Ingress of a valid spec ties to its input. */
function assertRouteTies(s: RouteSpec, objects: any[]): void {
  const ingresses = objects.filter((o) => o.kind === 'Ingress');
  expect(ingresses).toHaveLength(1);
  const ing = ingresses[0];
  const name = s.name.value ?? ing.metadata.name;
  if (s.name.value === undefined) expect(name).toMatch(/^test-[a-z0-9-]+$/);
  expect(ing.metadata.name).toBe(name);
  expect(ing.metadata.namespace).toBe(s.ns);
  expect(ing.metadata.labels).toEqual({ ...(s.labels.value ?? {}), 'app.kubernetes.io/managed-by': 'cdk8s-golden-paths' });
  const https = s.tls.kind !== 'none';
  const annotations: Record<string, string> = { ...(s.annotations.value ?? {}) };
  // ingress-nginx redirects whenever the Ingress has TLS: the annotation is always written, "false" on plain HTTP
  annotations[`${N}ssl-redirect`] = String(https && (s.sslRedirect.value ?? true));
  if (s.tls.kind === 'clusterIssuer' || s.tls.kind === 'platform') annotations['cert-manager.io/cluster-issuer'] = 'letsencrypt-prod';
  if (s.tls.kind === 'issuer') annotations['cert-manager.io/issuer'] = 'shop-ca';
  if (s.proxyBodySizeMib.value !== undefined) annotations[`${N}proxy-body-size`] = `${s.proxyBodySizeMib.value}m`;
  if (s.proxyReadTimeout.value !== undefined) annotations[`${N}proxy-read-timeout`] = `${s.proxyReadTimeout.value}`;
  expect(ing.metadata.annotations ?? {}).toEqual(annotations);
  expect(ing.spec.ingressClassName).toBe(s.className.value ?? (s.tls.kind === 'platform' ? 'internal' : 'nginx'));
  const entries = [
    ...s.rules.map((r) => ({ host: r.host, path: r.path.value ?? '/', pathType: r.pathType.value ?? 'Prefix', service: r.backend.service, port: r.backend.port.value })),
    ...(s.extra ? [{ host: s.extra.host, path: '/extra', pathType: s.extra.pathType, service: 'api', port: 80 }] : []),
  ];
  const hosts = [...new Set(entries.map((e) => e.host))];
  expect(ing.spec.rules).toEqual(hosts.map((host) => ({
    host,
    http: {
      paths: entries.filter((e) => e.host === host)
        .map((e) => ({ path: e.path, pathType: e.pathType, backend: { service: { name: e.service, port: { number: e.port } } } })),
    },
  })));
  if (!https) {
    expect(ing.spec.tls).toBeUndefined();
  } else {
    const t = s.tls as { kind: string; secretName?: string; hosts?: string[] };
    const secretName = t.kind === 'secret' ? t.secretName : (t.secretName ?? `${name}-tls`);
    expect(ing.spec.tls).toEqual([{ hosts: t.hosts ?? hosts, secretName }]);
  }
  expect(ing.spec.defaultBackend).toEqual(s.defaultBackend ? { service: { name: 'web', port: { name: 'http' } } } : undefined);
}

describe('WebRoute with ingress-nginx output: oracle', () => {
  test(`props in, the Ingress says them; TLS on by default, plain HTTP refused unless asked for (${Math.ceil(RUNS / 2)} runs)`, () => {
    assertOracle({
      arb: routeSpec,
      build: buildRoute,
      namespace: (s) => s.ns,
      wrong: wrongRoute,
      messages: (s) => (s.tls.kind === 'absent' ? [`test/${s.id}: tls (not set) leaves the route without a certificate and no PlatformDefaults certManagerClusterIssuer is set`] : []),
      path: (s) => `test/${s.id}`,
      ties: assertRouteTies,
      examples: PAST_ROUTES,
      // each app synthesizes about ten objects (~40 ms): half the runs keep `npm test` short; test:properties runs thousands
      runs: Math.ceil(RUNS / 2),
    });
  });
});

const hostOf = (j: number) => pick(['shop.example.com', 'api.example.com', '*.example.com', 'a.b'], ['Shop.Example.com', '10.0.0.1', '*.*.x', '', 'ünï.example.com', 'x'.repeat(300), 'a_b.com'], j);
const pathOf = (j: number) => pick(['/', '/api', '/api/v1', '/static/'], ['api', '/a/../b', '//x', '/a b', '/(.*)', '/api(/|$)(.*)', '/{x}', '/a;b'], j);

interface BackendSpec { readonly kind: string; readonly options?: any }

const backendOf = (j: number): fc.Arbitrary<BackendSpec> => {
  const all: fc.Arbitrary<BackendSpec>[] = [
    fc.record({ kind: fc.constantFrom('web', 'api'), options: fc.record({ port: optional(pick([80, 8443], [0, 81, 70000, 1.5], j), j), portName: optional(pick(['http', 'https'], ['HTTP', 'nope'], j), j) }, { requiredKeys: [] }) }),
    fc.record({ kind: fc.constant('workload'), options: fc.record({ port: maybe(pick([80, 8080], [0, -1, 65536], j), j), targetPort: optional(pick([8080], [9090, 0], j), j), serviceName: optional(dnsName, j) }, { requiredKeys: [] }) }),
  ];
  return j ? fc.oneof(...all, junk.map((x) => ({ kind: 'junk', options: x }))) : fc.oneof(...all);
};

const ruleOf = (j: number) => fc.record({
  host: maybe(hostOf(j), j),
  path: optional(pathOf(j), j),
  backend: backendOf(j),
  pathType: optional(pick([RoutePathType.PREFIX, RoutePathType.EXACT], [RoutePathType.IMPLEMENTATION_SPECIFIC, 'Regex'], j), j),
}, { requiredKeys: ['backend'] });

const tlsOf = (j: number) => fc.oneof(
  fc.record({ kind: fc.constantFrom('secret', 'clusterIssuer', 'issuer'), name: maybe(dnsName, j), hosts: optional(fc.array(hostOf(j), { minLength: j ? 0 : 1, maxLength: 3 }), j), secretName: optional(dnsName, j) }, { requiredKeys: ['kind'] }),
  j ? fc.constantFrom({ kind: 'none' }, { kind: 'default' }, { kind: 'platform' }) : fc.constantFrom({ kind: 'none' }, { kind: 'platform' }),
  ...(j ? [junk.map((x) => ({ kind: 'junk', name: x }))] : []),
);

const nginxOf = (j: number) => fc.record({
  proxyBodySize: optional(j
    ? fc.oneof(fc.integer({ min: -1, max: 2048 }).map((n) => ({ mib: n })), sizeSpec)
    : fc.integer({ min: 1, max: 2048 }).map((n) => ({ mib: n })), j),
  proxyConnectTimeout: optional(fc.integer({ min: j ? -5 : 1, max: 3600 }).map((n) => ({ seconds: n })), j),
  proxyReadTimeout: optional(fc.integer({ min: 1, max: 3600 }).map((n) => ({ seconds: n })), j),
  backendProtocol: optional(fc.constantFrom(...Object.values(BackendProtocol)), j),
  rewriteTarget: optional(pick(['/', '/$2'], ['$9', ''], j), j),
  useRegex: optional(fc.boolean(), j),
}, { requiredKeys: [] });

/** The controller: ingress-nginx with its typed options (the generators of the old `nginx` prop), or another one. */
const outputOf = (j: number) => fc.oneof(
  fc.record({ kind: fc.constant('ingressNginx'), className: optional(pick(['nginx', 'internal'], ['Nginx', ''], j), j), nginx: optional(nginxOf(j), j) }, { requiredKeys: ['kind'] }),
  fc.record({ kind: fc.constantFrom('traefik', 'haproxy', 'f5Nginx'), className: optional(pick(['public', 'internal'], ['Public', ''], j), j) }, { requiredKeys: ['kind'] }),
  ...(j ? [fc.constantFrom({ kind: 'none' }, { kind: 'junk' })] : []),
);

const propsOf = (j: number) => fc.record({
  name: optional(dnsName, j),
  output: outputOf(j),
  tls: tlsOf(j),
  sslRedirect: optional(fc.boolean(), j),
  rules: optional(fc.array(maybe(ruleOf(j), j), { minLength: j ? 0 : 1, maxLength: 3 }), j),
  defaultBackend: optional(backendOf(j), j),
  annotations: optional(fc.dictionary(pick(['team', 'example.com/owner'], ['kubernetes.io/ingress.class', 'nginx.ingress.kubernetes.io/ssl-redirect', 'cert-manager.io/issuer', 'Bad Key', ''], j), maybe(fc.constantFrom('shop', 'x'), j), { maxKeys: 2 }), j),
  labels: optional(fc.dictionary(pick(['team', 'tier'], ['Bad Key', '', 'x/'], j), maybe(pick(['shop', 'web'], ['Bad Value', 'x'.repeat(64)], j), j), { maxKeys: 2 }), j),
  addRules: fc.array(ruleOf(j).chain((r) => pathOf(j).map((path) => ({ ...r, path: r.path ?? path }))), { maxLength: 2 }),
}, { requiredKeys: ['tls', 'addRules', 'output'] });

function build(chart: Chart, s: any): void {
  const web = restrictedDeployment(chart, 'web');
  const services: Record<string, kplus.Service> = {
    web: new kplus.Service(chart, 'web-svc', { selector: web, ports: [{ port: 80, name: 'http', targetPort: 8080 }, { port: 8443, name: 'https', targetPort: 8080 }] }),
    api: new kplus.Service(chart, 'api', { selector: web, ports: [{ port: 80, targetPort: 8080 }] }),
  };
  const backend = (b: any): any => {
    if (!b || typeof b !== 'object' || !('kind' in b)) return b;
    if (b.kind === 'workload') return RouteBackend.workload(web, b.options);
    if (b.kind === 'junk') return b.options;
    return RouteBackend.service(services[b.kind], b.options);
  };
  const tls = (t: any): any => {
    switch (t.kind) {
      case 'secret': return TlsSource.secret(t.name, { hosts: t.hosts });
      case 'clusterIssuer': return TlsSource.certManagerClusterIssuer(t.name, { hosts: t.hosts, secretName: t.secretName });
      case 'issuer': return TlsSource.certManagerIssuer(t.name, { hosts: t.hosts, secretName: t.secretName });
      case 'none': return TlsSource.noneInsecurePlainHttp();
      case 'platform':
        PlatformDefaults.set(chart, { certManagerClusterIssuer: 'letsencrypt-prod', ingressClassName: 'internal', routeOutput: RouteOutput.ingress(IngressController.haproxy()) });
        return undefined;
      case 'default': return undefined;
      default: return t.name;
    }
  };
  const nginx = (n: any): any => {
    if (!n || typeof n !== 'object') return n;
    const d = (x: any) => (x && typeof x === 'object' && 'seconds' in x ? Duration.seconds(Math.max(0, x.seconds)) : x);
    return { ...n, proxyBodySize: n.proxyBodySize && typeof n.proxyBodySize === 'object' && 'mib' in n.proxyBodySize ? Size.mebibytes(Math.max(0, n.proxyBodySize.mib)) : sizeOf(n.proxyBodySize), proxyConnectTimeout: d(n.proxyConnectTimeout), proxyReadTimeout: d(n.proxyReadTimeout) };
  };
  const rule = (r: any) => (r && typeof r === 'object' && 'backend' in r ? { ...r, backend: backend(r.backend) } : r);
  const output = (o: any): any => {
    switch (o.kind) {
      case 'ingressNginx': return RouteOutput.ingress(IngressController.ingressNginx({ ...nginx(o.nginx), className: o.className }));
      case 'traefik': case 'haproxy': case 'f5Nginx': return RouteOutput.ingress((IngressController as any)[o.kind]({ className: o.className }));
      case 'none': return undefined;
      default: return 'nginx';
    }
  };
  const props = s.junkProps !== null ? s.junkProps : {
    ...s.props,
    tls: tls(s.props.tls),
    rules: Array.isArray(s.props.rules) ? s.props.rules.map(rule) : s.props.rules,
    defaultBackend: backend(s.props.defaultBackend),
    output: output(s.props.output),
    addRules: undefined,
  };
  const route = new WebRoute(chart, s.id, props);
  for (const r of s.props.addRules) route.addRule(r.host, r.path, backend(r.backend), { pathType: r.pathType });
}

describe('WebRoute with Ingress output: properties', () => {
  test(`any props and rules: valid objects or the library's error naming the prop (${RUNS} runs)`, () => {
    assertProperty(withPast<any>(fc.record({ id: constructId, ns: namespace, props: cleanOrJunk(propsOf), junkProps: rarely(junk) }), PAST_ROUTE_JUNK), (s) => {
      check((chart) => build(chart, s), s.ns);
    }, RUNS, PAST_ROUTE_JUNK);
  });
});
