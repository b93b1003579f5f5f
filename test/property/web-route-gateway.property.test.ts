import { Chart, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import * as fc from 'fast-check';
import { RUNS, assertProperty, check, constructId, junk, namespace, restrictedDeployment } from './harness';
import { GatewayRef, PathRewrite, RouteBackend, RouteOutput, RoutePathType, TlsSource, WebGateway, WebRoute } from '../../src';

/**
 * Property (issue 18): for any route with Gateway API output, either the library's error naming the prop, or HTTPRoutes
 * that pass the validator and carry exactly what was asked: every host, path and backend given appears in the
 * HTTPRoute of its host; TLS is on unless the route opts out (the routes attach to HTTPS listeners and a redirect
 * route sits on the plain HTTP listener); faults put in on purpose are refused by the prop they are in. At least half
 * of the generated routes must synthesize, so the output side is really exercised.
 */

/** Hosts: valid names, wildcards, and some the API refuses. */
const host = fc.oneof(
  { arbitrary: fc.constantFrom('shop.example.com', 'api.example.com', 'www.example.com', '*.example.com', 'a.b'), weight: 40 },
  { arbitrary: fc.constantFrom('10.0.0.1', 'Shop.example.com', 'a_b.example.com', ''), weight: 1 },
);
/** Paths: valid ones, and some the HTTPRoute schema refuses. */
const path = fc.oneof(
  { arbitrary: fc.constantFrom('/', '/api', '/api/v1', '/static/', '/a-b_c.d~e', '/files/%20x'), weight: 40 },
  { arbitrary: fc.constantFrom('api', '/a//b', '/a b', '/a#b', '/a/../b'), weight: 1 },
);

interface BackendSpec { readonly kind: 'web' | 'api' | 'workload' | 'byName' | 'otherNamespace' | 'resource'; readonly port?: number; readonly portName?: string }

const backend: fc.Arbitrary<BackendSpec> = fc.oneof(
  fc.record({ kind: fc.constant('web' as const), portName: fc.constantFrom('http', 'https') }),
  fc.record({ kind: fc.constant('web' as const), port: fc.constantFrom(80, 8443) }),
  fc.record({ kind: fc.constant('api' as const) }),
  fc.record({ kind: fc.constant('workload' as const), port: fc.constantFrom(80, 8080) }),
  fc.record({ kind: fc.constantFrom('byName' as const, 'otherNamespace' as const), port: fc.integer({ min: 1, max: 65535 }) }),
  fc.record({ kind: fc.constant('resource' as const), port: fc.constantFrom(443, 9000) }),
);

interface RuleSpec {
  readonly host: string;
  readonly path: string;
  readonly pathType?: RoutePathType;
  readonly backend: BackendSpec;
  readonly header?: boolean;
  readonly rewrite?: 'prefix' | 'full';
}

const rule: fc.Arbitrary<RuleSpec> = fc.record({
  host,
  path,
  pathType: fc.oneof(
    { arbitrary: fc.constantFrom(undefined, RoutePathType.PREFIX, RoutePathType.EXACT), weight: 60 },
    { arbitrary: fc.constant(RoutePathType.IMPLEMENTATION_SPECIFIC), weight: 1 },
  ),
  backend,
  header: fc.boolean(),
  rewrite: fc.constantFrom(undefined, undefined, undefined, 'prefix' as const, 'full' as const),
}, { requiredKeys: ['host', 'path', 'backend'] })
  // a prefix rewrite on an Exact path is refused (the HTTPRoute schema's rule): rarely, so valid routes stay common
  .filter((r) => r.rewrite !== 'prefix' || r.pathType !== RoutePathType.EXACT || r.path === '/a-b_c.d~e');

/** The gateway: the platform's (by name), or a WebGateway of the app with cert-manager, a Secret, or plain HTTP. */
const gateway = fc.oneof(
  fc.record({ kind: fc.constant('platform' as const), namespace: fc.constantFrom(undefined, 'gateway-system'), sectionName: fc.constantFrom(undefined, 'https', 'websecure') }),
  fc.record({ kind: fc.constant('own' as const), tls: fc.constantFrom('cert-manager', 'cert-manager', 'secret', 'plain') }),
);

const spec = fc.record({
  // construct ids cdk8s can make names of, mostly (odd ids are the ingress property's and the harness's subject)
  id: fc.oneof({ arbitrary: fc.constantFrom('shop', 'storefront', 'route', 'r'), weight: 9 }, { arbitrary: constructId, weight: 1 }),
  ns: namespace,
  gateway,
  /** The route's tls: left out (the gateway's HTTPS listeners), the plain-HTTP opt-out, or a certificate (refused). */
  tls: fc.oneof({ arbitrary: fc.constant('default' as const), weight: 16 }, { arbitrary: fc.constant('plain' as const), weight: 3 }, { arbitrary: fc.constant('certificate' as const), weight: 1 }),
  sslRedirect: fc.constantFrom(undefined, undefined, true, false),
  timeouts: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 4 },
    { arbitrary: fc.record({ request: fc.integer({ min: 1, max: 600 }), backendRequest: fc.integer({ min: 1, max: 600 }) }), weight: 1 },
  ),
  rules: fc.array(rule, { minLength: 1, maxLength: 4 }),
  junkProps: fc.oneof({ arbitrary: fc.constant(null), weight: 60 }, { arbitrary: junk, weight: 1 }),
});

type Spec = typeof spec extends fc.Arbitrary<infer T> ? T : never;

/** The service name and port each backend must appear with in its HTTPRoute (filled while building). */
interface Expected { host: string; path: string; type: string; backend: any }

/** Builds the app of a spec; returns what must appear in the output. */
function build(chart: Chart, s: Spec, expected: Expected[]): void {
  const d = restrictedDeployment(chart, 'web');
  const web = new kplus.Service(chart, 'web-svc', { selector: d, ports: [{ port: 80, name: 'http', targetPort: 8080 }, { port: 8443, name: 'https', targetPort: 8080 }] });
  const api = new kplus.Service(chart, 'api-svc', { selector: d, ports: [{ port: 8080, targetPort: 8080 }] });
  const gw = s.gateway.kind === 'platform'
    ? GatewayRef.platform({ name: 'public', namespace: s.gateway.namespace, sectionName: s.gateway.sectionName })
    : GatewayRef.of(new WebGateway(chart, 'gw', {
      gatewayClassName: 'cilium',
      tls: s.gateway.tls === 'cert-manager' ? TlsSource.certManagerClusterIssuer('letsencrypt-prod') : s.gateway.tls === 'secret' ? TlsSource.secret('wildcard-tls') : TlsSource.noneInsecurePlainHttp(),
    }));
  const route = new WebRoute(chart, s.id, s.junkProps !== null ? s.junkProps : {
    output: RouteOutput.gatewayApi({ gateway: gw }),
    tls: s.tls === 'default' ? undefined : s.tls === 'plain' ? TlsSource.noneInsecurePlainHttp() : TlsSource.secret('shop-tls'),
    sslRedirect: s.sslRedirect,
    timeouts: s.timeouts && { request: Duration.seconds(s.timeouts.request), backendRequest: Duration.seconds(s.timeouts.backendRequest) },
  });
  const ns = chart.namespace ?? 'default';
  for (const r of s.rules) {
    const b = r.backend;
    let be: RouteBackend;
    let ref: any;
    switch (b.kind) {
      case 'web':
        be = RouteBackend.service(web, b.portName ? { portName: b.portName } : { port: b.port });
        ref = { name: web.name, port: b.portName ? { http: 80, https: 8443 }[b.portName] : b.port };
        break;
      case 'api':
        be = RouteBackend.service(api);
        ref = { name: api.name, port: 8080 };
        break;
      case 'workload':
        be = RouteBackend.workload(d, { port: b.port!, targetPort: 8080 });
        ref = { port: b.port }; // the Service the route creates: its name is checked to be a Service of the output
        break;
      case 'byName':
        be = RouteBackend.serviceName('checkout', { port: b.port! });
        ref = { name: 'checkout', port: b.port };
        break;
      case 'otherNamespace':
        be = RouteBackend.serviceName('checkout', { port: b.port!, namespace: ns === 'payments' ? 'billing' : 'payments' });
        ref = { name: 'checkout', namespace: ns === 'payments' ? 'billing' : 'payments', port: b.port };
        break;
      default:
        be = RouteBackend.resource({ apiGroup: 'gateway.envoyproxy.io', kind: 'Backend', name: 'bucket', port: b.port });
        ref = { group: 'gateway.envoyproxy.io', kind: 'Backend', name: 'bucket', port: b.port };
    }
    route.addRule(r.host, r.path, be, {
      pathType: r.pathType,
      headers: r.header ? [{ name: 'x-canary', value: 'true' }] : undefined,
      rewrite: r.rewrite === 'prefix' ? PathRewrite.replacePrefix('/') : r.rewrite === 'full' ? PathRewrite.replaceFullPath('/index.html') : undefined,
    });
    expected.push({ host: r.host, path: r.path, type: r.pathType === RoutePathType.EXACT ? 'Exact' : 'PathPrefix', backend: ref });
  }
}

/**
 * The faults put in on purpose, each with the prop its refusal names. The constructor reports every fault of the
 * route's props at once; then rules are added one by one, so a rule's fault is named when it is the first rule.
 */
function faults(s: Spec): { props: string[]; firstRule?: string } {
  if (s.junkProps !== null) return { props: [] };
  const https = s.gateway.kind === 'platform' || s.gateway.tls !== 'plain';
  const props = [
    s.tls === 'certificate' ? 'tls' : undefined,
    s.timeouts !== undefined && s.timeouts.backendRequest > s.timeouts.request ? 'timeouts.backendRequest' : undefined,
    s.sslRedirect === true && (s.tls === 'plain' || !https) && s.tls !== 'certificate' ? 'sslRedirect' : undefined,
  ].filter((p): p is string => p !== undefined);
  return { props, firstRule: s.rules[0].pathType === RoutePathType.IMPLEMENTATION_SPECIFIC ? 'addRule pathType' : undefined };
}

const counts = { ok: 0, refused: 0 };

describe('WebRoute with Gateway API output: properties', () => {
  test(`hosts, paths and backends given appear in the HTTPRoutes; TLS on by default; refusals name their prop (${RUNS} runs)`, () => {
    assertProperty(spec, (s) => {
      let expected: Expected[] = [];
      const outcome = check((chart) => {
        expected = [];
        build(chart, s, expected);
      }, s.ns);
      const f = faults(s);
      if (!outcome.ok) {
        counts.refused++;
        for (const prop of f.props) expect(outcome.message).toContain(`: ${prop} `);
        if (f.props.length === 0 && f.firstRule) expect(outcome.message).toContain(`: ${f.firstRule} `);
        return;
      }
      counts.ok++;
      expect({ ...f, through: 'faults let through' }).toEqual({ props: [], firstRule: undefined, through: 'faults let through' });
      const routes = outcome.objects.filter((o) => o.kind === 'HTTPRoute');
      const main = routes.filter((r) => r.spec.rules.some((x: any) => x.backendRefs));
      const services = new Set(outcome.objects.filter((o) => o.kind === 'Service').map((o) => o.metadata.name));
      expect(expected.length).toBeGreaterThan(0);
      for (const e of expected) {
        const r = main.find((x) => x.spec.hostnames.length === 1 && x.spec.hostnames[0] === e.host);
        expect(r).toBeDefined();
        const rules = r.spec.rules.filter((x: any) => x.matches[0].path.value === e.path && x.matches[0].path.type === e.type);
        expect(rules.length).toBeGreaterThan(0);
        const refs = rules.map((x: any) => x.backendRefs[0]);
        if (e.backend.name === undefined) expect(refs.some((x: any) => services.has(x.name) && x.port === e.backend.port)).toBe(true);
        else expect(refs).toContainEqual(e.backend);
      }
      // TLS on by default: attached to HTTPS listeners, and plain HTTP redirected unless the route says otherwise
      const https = s.tls === 'default' && (s.gateway.kind === 'platform' || s.gateway.tls !== 'plain');
      const http = (ref: any) => ref.sectionName === 'http';
      for (const r of main) {
        expect(r.spec.parentRefs.length).toBeGreaterThan(0);
        expect(r.spec.parentRefs.filter((p: any) => http(p) !== !https)).toEqual([]);
      }
      const redirects = routes.filter((r) => r.spec.rules.some((x: any) => x.filters?.some((filter: any) => filter.type === 'RequestRedirect')));
      expect(redirects.length).toBe(https && s.sslRedirect !== false ? 1 : 0);
      if (redirects.length) expect(redirects[0].spec.hostnames).toEqual([...new Set(expected.map((e) => e.host))]);
      // a backend in another namespace comes with its ReferenceGrant
      const grants = outcome.objects.filter((o) => o.kind === 'ReferenceGrant');
      expect(grants.length).toBe(expected.some((e) => e.backend.namespace) ? 1 : 0);
    });
    // eslint-disable-next-line no-console -- the rate is part of what the test shows
    if (process.env.GOLDEN_PATHS_PROPERTY_STATS) console.log(`Gateway API routes: synthesized ${counts.ok}, refused ${counts.refused}`);
    expect(counts.ok + counts.refused).toBe(RUNS);
    expect(counts.ok / RUNS).toBeGreaterThanOrEqual(0.5);
  });
});
