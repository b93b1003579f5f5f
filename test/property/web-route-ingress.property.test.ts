import { Chart, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import * as fc from 'fast-check';
import { RUNS, sizeOf, sizeSpec, assertProperty, check, cleanOrJunk, constructId, dnsName, junk, maybe, namespace, optional, pick, rarely, restrictedDeployment } from './harness';
import { BackendProtocol, IngressController, PlatformDefaults, RouteBackend, RouteOutput, RoutePathType, TlsSource, WebRoute } from '../../src';

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
    assertProperty(fc.record({ id: constructId, ns: namespace, props: cleanOrJunk(propsOf), junkProps: rarely(junk) }), (s) => {
      check((chart) => build(chart, s), s.ns);
    });
  });
});
