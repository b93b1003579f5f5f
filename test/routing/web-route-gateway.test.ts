import { ApiObject, App, Chart, Duration } from 'cdk8s';
import { Deployment, Service } from 'cdk8s-plus-27';
import {
  GatewayRef, IngressController, PathRewrite, PlatformDefaults, RouteBackend, RouteNamespaces, RouteOutput, RoutePathType, Severity, TlsSource, Validator,
  Warnings, WebGateway, WebRoute,
} from '../../src';
import { errorOf, ofKind, only, synth } from '../util';

/**
 * WebRoute with Gateway API output (issue 18): HTTPRoutes attached to a platform Gateway or to a WebGateway of the app,
 * the redirect route on the plain HTTP listener, URLRewrite, timeouts, header matches, ReferenceGrants, and what is
 * refused. Objects are written to be valid against the Gateway API v1.6.1 standard CRDs; the tests validate them with
 * Validator.validate (which checks the CRD schemas once that validator change is merged).
 */

// Value objects are built inside each test (functions, not module constants): code that runs while a test file loads is
// "static" to the mutation tester (docs/mutation.md).
const PLATFORM = () => GatewayRef.platform({ name: 'public', namespace: 'gateway-system' });
const GATEWAY = () => RouteOutput.gatewayApi({ gateway: PLATFORM() });

/** A web Deployment (port 8080) and its Service (80, named http), and an API Service (8080). */
function services(chart: Chart) {
  const d = new Deployment(chart, 'web', { containers: [{ image: 'nginx', ports: [{ number: 8080 }] }] });
  const svc = new Service(chart, 'web-svc', { selector: d, ports: [{ port: 80, name: 'http', targetPort: 8080 }] });
  const api = new Service(chart, 'api', { ports: [{ port: 8080, name: 'http' }] });
  return { d, svc, api };
}

/** The platform's Gateway as the platform team declares it: an open HTTP listener, an HTTPS listener for *.example.com. */
function platformGateway(app: App, admit: any = { namespaces: { from: 'All' } }): void {
  const chart = new Chart(app, 'gateway-system', { namespace: 'gateway-system' });
  new ApiObject(chart, 'public', {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: 'public', annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt-prod' } },
    spec: {
      gatewayClassName: 'cilium',
      listeners: [
        { name: 'http', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'All' } } },
        { name: 'https', hostname: '*.example.com', port: 443, protocol: 'HTTPS', tls: { mode: 'Terminate', certificateRefs: [{ name: 'wildcard-tls' }] }, allowedRoutes: admit },
      ],
    },
  });
}

/** What the routing rules (and the schema) say about objects: the bare test Deployments' pod warnings left out. */
function routingFindings(objects: any[]): string[] {
  return Validator.validate(objects).filter((f) => f.severity === Severity.ERROR || /^(GWY|ING|SCH)-/.test(f.ruleId)).map((f) => `${f.ruleId} ${f.message}`);
}

/** The HTTPRoute named `name`. */
function route(objects: any[], name: string): any {
  const found = ofKind(objects, 'HTTPRoute').find((o) => o.metadata.name === name);
  if (!found) throw new Error(`no HTTPRoute ${name} among ${ofKind(objects, 'HTTPRoute').map((o) => o.metadata.name).join(', ')}`);
  return found;
}

describe('WebRoute with Gateway API output, on the platform\'s Gateway', () => {
  test('one HTTPRoute per host on the HTTPS listener, a RequestRedirect route on the HTTP listener (snapshot); the output passes the validator', () => {
    const objects = synth((chart) => {
      const { svc, api } = services(chart);
      const r = new WebRoute(chart, 'shop', { name: 'shop', output: GATEWAY() });
      r.addRule('shop.example.com', '/', RouteBackend.service(svc, { portName: 'http' }));
      r.addRule('shop.example.com', '/api', RouteBackend.service(api));
      r.addRule('www.example.com', '/', RouteBackend.workload(services(new Chart(chart.node.root as App, 'x', { namespace: 'shop' })).d, { port: 80, targetPort: 8080 }));
      platformGateway(chart.node.root as App);
    }, { namespace: 'shop' });
    const shop = route(objects, 'shop');
    expect(shop.apiVersion).toBe('gateway.networking.k8s.io/v1');
    expect(shop.spec.parentRefs).toEqual([{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'public', namespace: 'gateway-system', sectionName: 'https' }]);
    expect(shop.spec.hostnames).toEqual(['shop.example.com']);
    expect(shop.spec.rules).toEqual([
      { matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: ofKind(objects, 'Service')[0].metadata.name, port: 80 }] },
      { matches: [{ path: { type: 'PathPrefix', value: '/api' } }], backendRefs: [{ name: ofKind(objects, 'Service')[1].metadata.name, port: 8080 }] },
    ]);
    expect(route(objects, 'shop-www.example.com').spec.hostnames).toEqual(['www.example.com']);
    const redirect = route(objects, 'shop-redirect');
    expect(redirect.spec).toEqual({
      parentRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'public', namespace: 'gateway-system', sectionName: 'http' }],
      hostnames: ['shop.example.com', 'www.example.com'],
      rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] }],
    });
    expect(ofKind(objects, 'Ingress')).toEqual([]);
    expect(routingFindings(objects)).toEqual([]);
    expect(objects).toMatchSnapshot();
  });

  test('switching from Ingress is the output prop: the same hosts, paths and backends, TLS on both', () => {
    const build = (output: RouteOutput, gateway = false) => synth((chart) => {
      const { svc, api } = services(chart);
      new WebRoute(chart, 'shop', {
        output,
        tls: gateway ? undefined : TlsSource.certManagerClusterIssuer('letsencrypt-prod'),
        rules: [
          { host: 'shop.example.com', backend: RouteBackend.service(svc, { port: 80 }) },
          { host: 'shop.example.com', path: '/api', pathType: RoutePathType.EXACT, backend: RouteBackend.service(api) },
          { host: 'api.example.com', backend: RouteBackend.service(api) },
        ],
      });
    }, { namespace: 'shop' });
    const ingress = only(build(RouteOutput.ingress(IngressController.haproxy())), 'Ingress');
    const fromIngress = ingress.spec.rules.flatMap((r: any) => r.http.paths.map((p: any) =>
      [r.host, p.path, p.pathType, p.backend.service.name, p.backend.service.port.number]));
    const routes = ofKind(build(GATEWAY(), true), 'HTTPRoute').filter((r) => r.spec.rules[0].backendRefs);
    const fromGateway = routes.flatMap((r: any) => r.spec.rules.map((rule: any) => [r.spec.hostnames[0], rule.matches[0].path.value,
      { PathPrefix: 'Prefix', Exact: 'Exact' }[rule.matches[0].path.type as string], rule.backendRefs[0].name, rule.backendRefs[0].port]));
    expect(fromGateway).toEqual(fromIngress);
    expect(ingress.spec.tls[0].hosts).toEqual(['shop.example.com', 'api.example.com']);
    expect(routes.map((r) => r.spec.parentRefs[0].sectionName)).toEqual(['https', 'https']);
  });

  test('rewrite, header matches and timeouts on the rules; a plain-HTTP route attaches to the HTTP listener without redirect', () => {
    const objects = synth((chart) => {
      const { api } = services(chart);
      const r = new WebRoute(chart, 'api-route', {
        name: 'api',
        output: RouteOutput.gatewayApi({ gateway: GatewayRef.platform({ name: 'edge', sectionName: 'web-tls', httpSectionName: 'web' }) }),
        tls: TlsSource.noneInsecurePlainHttp(),
        timeouts: { request: Duration.minutes(2), backendRequest: Duration.seconds(30) },
      });
      r.addRule('api.example.com', '/v2', RouteBackend.service(api), { rewrite: PathRewrite.replacePrefix('/') });
      r.addRule('api.example.com', '/v2', RouteBackend.service(api), { headers: [{ name: 'x-canary', value: 'true' }] });
      r.addRule('api.example.com', '/health', RouteBackend.service(api), { pathType: RoutePathType.EXACT, rewrite: PathRewrite.replaceFullPath('/healthz') });
    }, { namespace: 'shop' });
    const api = route(objects, 'api');
    expect(api.spec.parentRefs).toEqual([{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'edge', sectionName: 'web' }]);
    expect(api.spec.rules.map((r: any) => ({ matches: r.matches, filters: r.filters, timeouts: r.timeouts }))).toEqual([
      { matches: [{ path: { type: 'PathPrefix', value: '/v2' } }], filters: [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } }], timeouts: { request: '2m', backendRequest: '30s' } },
      { matches: [{ path: { type: 'PathPrefix', value: '/v2' }, headers: [{ type: 'Exact', name: 'x-canary', value: 'true' }] }], filters: undefined, timeouts: { request: '2m', backendRequest: '30s' } },
      { matches: [{ path: { type: 'Exact', value: '/health' } }], filters: [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplaceFullPath', replaceFullPath: '/healthz' } } }], timeouts: { request: '2m', backendRequest: '30s' } },
    ]);
    expect(ofKind(objects, 'HTTPRoute')).toHaveLength(1);
    expect(Validator.validate(objects).filter((f) => f.severity === Severity.ERROR)).toEqual([]);
  });

  test('a Service in another namespace: the backendRef names it, and a ReferenceGrant in that namespace allows it', () => {
    const objects = synth((chart) => {
      const payments = new Chart(chart.node.root as App, 'payments', { namespace: 'payments' });
      const pay = new Service(payments, 'pay', { ports: [{ port: 8080, name: 'http' }] });
      new WebRoute(chart, 'shop', {
        name: 'shop',
        output: GATEWAY(),
        rules: [
          { host: 'shop.example.com', path: '/pay', backend: RouteBackend.service(pay, { portName: 'http' }) },
          { host: 'shop.example.com', path: '/checkout', backend: RouteBackend.serviceName('checkout', { port: 8443, namespace: 'payments' }) },
          { host: 'shop.example.com', path: '/fraud', backend: RouteBackend.serviceName('fraud', { port: 80, namespace: 'risk', referenceGrant: false }) },
        ],
      });
    }, { namespace: 'shop' });
    const rules = route(objects, 'shop').spec.rules;
    const pay = only(objects, 'Service').metadata.name;
    expect(rules.map((r: any) => r.backendRefs[0])).toEqual([
      { name: pay, namespace: 'payments', port: 8080 },
      { name: 'checkout', namespace: 'payments', port: 8443 },
      { name: 'fraud', namespace: 'risk', port: 80 },
    ]);
    const grant = only(objects, 'ReferenceGrant');
    expect(grant.apiVersion).toBe('gateway.networking.k8s.io/v1beta1');
    expect(grant.metadata.namespace).toBe('payments');
    expect(grant.spec).toEqual({
      from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'shop' }],
      to: [{ group: '', kind: 'Service', name: 'checkout' }, { group: '', kind: 'Service', name: pay }],
    });
    // the grant the route left to the risk team's own manifests is a warning (GWY-009), with its suppression of GWY-005
    expect(route(objects, 'shop').metadata.annotations['golden-paths.dev/suppress.GWY-005']).toBe('Service payments/checkout, risk/fraud is outside this app (RouteBackend.serviceName): it is deployed by other means');
    expect(Validator.validate(objects).map((f) => `${f.ruleId} ${f.severity} ${f.message}`)).toEqual([
      'GWY-009 warning spec.rules[2].backendRefs[0] refers to Service risk/fraud, and no ReferenceGrant in namespace risk allows HTTPRoutes of shop to',
    ]);
  });

  test('a resource backend: a backendRef of its group and kind', () => {
    const objects = synth((chart) => new WebRoute(chart, 'r', {
      name: 'static',
      output: GATEWAY(),
      rules: [{ host: 'static.example.com', backend: RouteBackend.resource({ apiGroup: 'gateway.envoyproxy.io', kind: 'Backend', name: 'bucket', port: 443 }) }],
    }));
    expect(route(objects, 'static').spec.rules[0].backendRefs).toEqual([{ group: 'gateway.envoyproxy.io', kind: 'Backend', name: 'bucket', port: 443 }]);
  });
});

describe('WebGateway: a Gateway the app owns', () => {
  test('an HTTP listener and one HTTPS listener per host of the attached routes; cert-manager issues one Secret per host', () => {
    const objects = synth((chart) => {
      const { svc } = services(chart);
      const gw = new WebGateway(chart, 'gw', { name: 'shop-gw', gatewayClassName: 'cilium', tls: TlsSource.certManagerClusterIssuer('letsencrypt-prod') });
      const out = RouteOutput.gatewayApi({ gateway: GatewayRef.of(gw) });
      new WebRoute(chart, 'shop', { name: 'shop', output: out, rules: [{ host: 'shop.example.com', backend: RouteBackend.service(svc, { port: 80 }) }] });
      new WebRoute(chart, 'admin', { name: 'admin', output: out, rules: [{ host: '*.admin.example.com', backend: RouteBackend.service(svc, { port: 80 }) }] });
    }, { namespace: 'shop' });
    const gw = only(objects, 'Gateway');
    expect(gw.metadata.annotations).toEqual({ 'cert-manager.io/cluster-issuer': 'letsencrypt-prod' });
    expect(gw.spec).toEqual({
      gatewayClassName: 'cilium',
      listeners: [
        { name: 'http', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'Same' } } },
        {
          name: 'https-shop.example.com',
          hostname: 'shop.example.com',
          port: 443,
          protocol: 'HTTPS',
          allowedRoutes: { namespaces: { from: 'Same' } },
          tls: { mode: 'Terminate', certificateRefs: [{ group: '', kind: 'Secret', name: 'shop-gw-shop.example.com-tls' }] },
        },
        {
          name: 'https-wildcard.admin.example.com',
          hostname: '*.admin.example.com',
          port: 443,
          protocol: 'HTTPS',
          allowedRoutes: { namespaces: { from: 'Same' } },
          tls: { mode: 'Terminate', certificateRefs: [{ group: '', kind: 'Secret', name: 'shop-gw-wildcard.admin.example.com-tls' }] },
        },
      ],
    });
    expect(route(objects, 'shop').spec.parentRefs).toEqual([{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'shop-gw', sectionName: 'https-shop.example.com' }]);
    expect(route(objects, 'admin-redirect').spec.parentRefs).toEqual([{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'shop-gw', sectionName: 'http' }]);
    expect(routingFindings(objects)).toEqual([]);
  });

  test('fixed hosts from a wildcard Secret: routes attach to the listener covering them; a host it does not cover is refused at synth', () => {
    const build = (host: string) => (chart: Chart) => {
      const { svc } = services(chart);
      const gw = new WebGateway(chart, 'gw', { gatewayClassName: 'eg', tls: TlsSource.secret('wildcard-tls', { hosts: ['*.example.com'] }) });
      new WebRoute(chart, 'r', { output: RouteOutput.gatewayApi({ gateway: GatewayRef.of(gw) }), rules: [{ host, backend: RouteBackend.service(svc, { port: 80 }) }] });
    };
    const objects = synth(build('shop.example.com'));
    expect(only(objects, 'Gateway').spec.listeners[1]).toMatchObject({ name: 'https-wildcard.example.com', tls: { certificateRefs: [{ name: 'wildcard-tls' }] } });
    expect(ofKind(objects, 'HTTPRoute').map((r) => r.spec.parentRefs[0].sectionName).sort()).toEqual(['http', 'https-wildcard.example.com']);
    expect(errorOf(build('a.b.example.com'))).toContain(
      'test/r: host "a.b.example.com" is not covered by a listener of test/gw (hosts ["*.example.com"]; a wildcard covers exactly one label, as its certificate does). Add the host to the WebGateway\'s hosts');
  });

  test('allowedRoutes: a route in another namespace is refused by a Same gateway, admitted by All', () => {
    const build = (allowedRoutes?: RouteNamespaces) => (chart: Chart) => {
      const gwChart = new Chart(chart.node.root as App, 'gateways', { namespace: 'gateways' });
      const gw = new WebGateway(gwChart, 'gw', { gatewayClassName: 'eg', tls: TlsSource.secret('tls'), allowedRoutes });
      const { svc } = services(chart);
      new WebRoute(chart, 'r', { output: RouteOutput.gatewayApi({ gateway: GatewayRef.of(gw) }), rules: [{ host: 'shop.example.com', backend: RouteBackend.service(svc, { port: 80 }) }] });
    };
    expect(errorOf(build(), { namespace: 'shop' })).toContain(
      'test/r: output gateway "gateways/gw" is in namespace "gateways" and admits routes of RouteNamespaces.same() only, but the route is in "shop". Create the route in namespace "gateways", or set allowedRoutes: RouteNamespaces.all()');
    const objects = synth(build(RouteNamespaces.all()), { namespace: 'shop' });
    expect(only(objects, 'Gateway').spec.listeners[0].allowedRoutes).toEqual({ namespaces: { from: 'All' } });
    expect(ofKind(objects, 'HTTPRoute').map((r) => r.spec.parentRefs[0])).toEqual([
      { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: only(objects, 'Gateway').metadata.name, namespace: 'gateways', sectionName: 'http' },
      { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: only(objects, 'Gateway').metadata.name, namespace: 'gateways', sectionName: 'https-shop.example.com' },
    ]);
    expect(only(synth(build(RouteNamespaces.selector({ team: 'shop' })), { namespace: 'shop' }), 'Gateway').spec.listeners[0].allowedRoutes)
      .toEqual({ namespaces: { from: 'Selector', selector: { matchLabels: { team: 'shop' } } } });
  });

  test('a plain-HTTP gateway has the HTTP listener only; its routes attach to it; a redirect asked for is refused', () => {
    const objects = synth((chart) => {
      const { svc } = services(chart);
      const gw = new WebGateway(chart, 'gw', { gatewayClassName: 'eg', tls: TlsSource.noneInsecurePlainHttp() });
      new WebRoute(chart, 'r', { output: RouteOutput.gatewayApi({ gateway: GatewayRef.of(gw) }), rules: [{ host: 'dev.example.com', backend: RouteBackend.service(svc, { port: 80 }) }] });
    });
    expect(only(objects, 'Gateway').spec.listeners).toHaveLength(1);
    expect(only(objects, 'HTTPRoute').spec.parentRefs[0].sectionName).toBe('http');
    expect(errorOf((chart) => {
      const gw = new WebGateway(chart, 'gw', { gatewayClassName: 'eg', tls: TlsSource.noneInsecurePlainHttp() });
      new WebRoute(chart, 'r', { output: RouteOutput.gatewayApi({ gateway: GatewayRef.of(gw) }), sslRedirect: true });
    })).toContain('test/r: sslRedirect true redirects to HTTPS, but WebGateway test/gw has no HTTPS listener (TlsSource.noneInsecurePlainHttp())');
  });

  test('TLS from the platform\'s ClusterIssuer, else refused; a gateway with neither routes nor hosts is refused at synth', () => {
    expect(errorOf((chart) => new WebGateway(chart, 'gw', { gatewayClassName: 'eg' }))).toContain(
      'test/gw: tls (not set) leaves the gateway without certificates and no PlatformDefaults certManagerClusterIssuer is set');
    expect(errorOf((chart) => {
      PlatformDefaults.set(chart, { certManagerClusterIssuer: 'acme' });
      new WebGateway(chart, 'gw', { gatewayClassName: 'eg' });
    })).toContain('test/gw: hosts (not set) leaves the gateway without an HTTPS listener: no route is attached and no hosts are given');
    const msg = errorOf((chart) => new WebGateway(chart, 'gw', {
      gatewayClassName: 'Cilium', tls: TlsSource.awsCertificateManager(), hosts: ['10.0.0.1'], allowedRoutes: 'All' as any, labels: { a: 1 as any },
    }));
    expect(msg).toContain('test/gw: gatewayClassName "Cilium" is not a GatewayClass name');
    expect(msg).toContain('test/gw: tls "TlsSource.awsCertificateManager()" is for the AWS Load Balancer Controller\'s Ingress; a Gateway\'s listeners refer to Secrets');
    expect(msg).toContain('test/gw: hosts[0] "10.0.0.1" is an IP address');
    expect(msg).toContain('test/gw: allowedRoutes "All" is not a RouteNamespaces');
    expect(msg).toContain('test/gw: labels["a"] 1 is not a string');
  });
});

describe('WebRoute with Gateway API output refuses', () => {
  /** The error of a route on the platform's gateway with the given props and rule options. */
  function refusal(props: Record<string, unknown>, rule: Record<string, unknown> = {}, namespace = 'shop'): string {
    return errorOf((chart) => {
      const { api } = services(chart);
      new WebRoute(chart, 'r', { output: GATEWAY(), rules: [{ host: 'api.example.com', backend: RouteBackend.service(api), ...rule }], ...props });
    }, { namespace });
  }

  test('a certificate on the route: the gateway\'s listeners hold them', () => {
    expect(refusal({ tls: TlsSource.certManagerClusterIssuer('letsencrypt-prod') })).toContain(
      'test/r: tls "TlsSource.certManagerClusterIssuer(\\"letsencrypt-prod\\")" sets a certificate, but the certificates of Gateway gateway-system/public are on its listeners');
  });

  test('ImplementationSpecific paths, a default backend, paths the HTTPRoute schema refuses', () => {
    expect(refusal({}, { pathType: RoutePathType.IMPLEMENTATION_SPECIFIC, path: '/api/.*' })).toContain(
      'test/r: rules[0] pathType "ImplementationSpecific" has no Gateway API equivalent (HTTPRoute paths are PathPrefix or Exact');
    expect(refusal({ defaultBackend: RouteBackend.serviceName('web', { port: 80 }) })).toContain('test/r: defaultBackend is an Ingress field; an HTTPRoute has none. Add a rule for the path "/" of each host instead.');
    expect(refusal({}, { path: '/a b' })).toContain('test/r: rules[0] path "/a b" holds " ", which the HTTPRoute schema refuses in a path (RFC 3986 path characters only; percent-encode others)');
    expect(refusal({}, { path: '/a#b' })).toContain('test/r: rules[0] path "/a#b" holds "#", which the HTTPRoute schema refuses in a path');
  });

  test('header matches, rewrites and timeouts on an Ingress; and their malformed forms on an HTTPRoute', () => {
    const ingress = errorOf((chart) => {
      const { api } = services(chart);
      new WebRoute(chart, 'r', {
        output: RouteOutput.ingress(IngressController.haproxy()),
        tls: TlsSource.secret('tls'),
        timeouts: { request: Duration.seconds(5) },
        rules: [{ host: 'a.example.com', backend: RouteBackend.service(api), headers: [{ name: 'x-canary', value: 'true' }], rewrite: PathRewrite.replacePrefix('/') }],
      });
    });
    expect(ingress).toContain('test/r: rules[0] headers [{"name":"x-canary","value":"true"}] cannot be rendered: an Ingress matches host and path only. Use Gateway API output');
    expect(ingress).toContain('test/r: rules[0] rewrite PathRewrite.replacePrefix("/") cannot be rendered on an Ingress');
    expect(ingress).toContain('test/r: timeouts is an HTTPRoute setting; Ingress controllers read timeouts from their own options');
    const gw = refusal({ timeouts: { request: Duration.seconds(5), backendRequest: Duration.seconds(10) } },
      { pathType: RoutePathType.EXACT, rewrite: PathRewrite.replacePrefix('v2'), headers: [{ name: 'x canary', value: '' }, { name: 'X-A', value: 'a' }, { name: 'x-a', value: 'b' }] });
    expect(gw).toContain('test/r: rules[0] headers[0] name "x canary" is not an HTTP header name');
    expect(gw).toContain('test/r: rules[0] headers[0] value "" is not a header value (1 to 4096 characters, one line)');
    expect(gw).toContain('test/r: rules[0] headers[2] name "x-a" is matched twice; header names are case-insensitive');
    expect(gw).toContain('test/r: rules[0] rewrite PathRewrite.replacePrefix("v2") does not rewrite to an absolute, normalized path');
    expect(gw).toContain('test/r: rules[0] rewrite PathRewrite.replacePrefix("v2") replaces a prefix, but the path is Exact: the HTTPRoute schema allows a prefix rewrite only on a PathPrefix match');
    expect(gw).toContain('test/r: timeouts.backendRequest "10s" is longer than timeouts.request 5s, which the HTTPRoute schema refuses');
    expect(refusal({ timeouts: { request: Duration.millis(0.5) } })).toContain('test/r: timeouts.request "0.5 millis" is not a positive whole number of milliseconds the Gateway API can write. Use e.g. Duration.seconds(30).');
  });

  test('the same host, path and headers twice in one route; the same path with other headers is another match', () => {
    const build = (headers?: any[]) => errorOf((chart) => {
      const { api } = services(chart);
      const r = new WebRoute(chart, 'r', { output: GATEWAY() });
      r.addRule('a.example.com', '/v2', RouteBackend.service(api));
      r.addRule('a.example.com', '/v2/', RouteBackend.service(api), { headers });
    });
    expect(build()).toContain('test/r: addRule path "/v2/" matches the same requests for host "a.example.com" as the rule for "/v2" (Prefix) in this route');
    expect(build([{ name: 'x-canary', value: 'true' }])).toBe('');
  });

  test('a platform gateway with names that are not names, or a redirect onto the HTTPS listener; GatewayRef.of something else', () => {
    const msg = refusal({ output: RouteOutput.gatewayApi({ gateway: GatewayRef.platform({ name: 'Public', namespace: 'Gateway System', sectionName: 'web', httpSectionName: 'web' }) }) });
    expect(msg).toContain('test/r: output gateway name "Public" is not a Gateway name');
    expect(msg).toContain('test/r: output gateway namespace "Gateway System" is not a namespace name');
    expect(msg).toContain('test/r: output gateway httpSectionName "web" is the same listener as sectionName: a redirect to HTTPS on the HTTPS listener would loop');
    expect(refusal({ output: RouteOutput.gatewayApi({ gateway: GatewayRef.of({} as any) }) })).toContain('test/r: output gateway {} is not a WebGateway');
    expect(refusal({ output: RouteOutput.gatewayApi({ gateway: 'public' as any }) })).toContain('test/r: output gateway "public" is not a GatewayRef');
  });

  test('more rules for one host than an HTTPRoute holds; more hosts than the redirect route holds', () => {
    expect(errorOf((chart) => {
      const { api } = services(chart);
      const r = new WebRoute(chart, 'r', { output: GATEWAY() });
      for (let i = 0; i < 17; i++) r.addRule('a.example.com', `/p${i}`, RouteBackend.service(api));
    })).toContain('test/r: rules for host a.example.com are 17, more than the 16 rules of an HTTPRoute. Split them over two WebRoutes.');
    expect(errorOf((chart) => {
      const { api } = services(chart);
      const r = new WebRoute(chart, 'r', { output: GATEWAY() });
      for (let i = 0; i < 17; i++) r.addRule(`h${i}.example.com`, '/', RouteBackend.service(api));
    })).toContain('test/r: hosts 17 hosts are more than the 16 hostnames of the redirect HTTPRoute');
  });
});

describe('across routes of one app, at synth', () => {
  test('two HTTPRoutes claiming the same host and path on the same listener fail synth (GWY-006), naming both', () => {
    const msg = errorOf((chart) => {
      const { api, svc } = services(chart);
      new WebRoute(chart, 'a', { output: GATEWAY(), rules: [{ host: 'shop.example.com', path: '/api', backend: RouteBackend.service(api) }] });
      new WebRoute(chart, 'b', { output: GATEWAY(), sslRedirect: false, rules: [{ host: 'shop.example.com', path: '/api/', backend: RouteBackend.service(svc, { port: 80 }) }] });
    }, { namespace: 'shop' });
    expect(msg).toMatch(new RegExp(['GWY-006 HTTPRoute/test-a-c8\\w+ \\(test/a/Resource\\): spec\\.rules\\[0\\]\\.matches\\[0\\] \\(prefix /api\\) for hostname shop\\.example\\.com',
      'on listener https of Gateway gateway-system/public is also matched by HTTPRoute shop/test-b-c8\\w+ \\(test/b/Resource\\)'].join(' ')));
  });

  test('an Ingress and an HTTPRoute for the same host and path: a warning (GWY-007), since that is how a route moves', () => {
    const app = new App();
    const warnings = Warnings.of(app);
    warnings.sink = Warnings.SILENT;
    const chart = new Chart(app, 'test', { namespace: 'shop' });
    const { api } = services(chart);
    new WebRoute(chart, 'old', { output: RouteOutput.ingress(IngressController.haproxy()), tls: TlsSource.secret('tls'), rules: [{ host: 'shop.example.com', backend: RouteBackend.service(api) }] });
    new WebRoute(chart, 'new', { output: GATEWAY(), rules: [{ host: 'shop.example.com', backend: RouteBackend.service(api) }] });
    app.synthYaml();
    expect(warnings.messages().join('\n')).toMatch(/warning GWY-007 HTTPRoute\/\S+ \(test\/new\/Resource\): spec\.rules\[0\]\.matches\[0\] routes host shop\.example\.com path \/ \(PathPrefix\), which Ingress shop\/\S+ \(test\/old\/Resource\) also routes/);
  });

  test('a platform Gateway the app declares: routes on hosts its listeners do not cover, or from namespaces it does not admit, fail synth', () => {
    const msg = errorOf((chart) => {
      const { api } = services(chart);
      platformGateway(chart.node.root as App, { namespaces: { from: 'Same' } });
      new WebRoute(chart, 'r', { output: GATEWAY(), rules: [{ host: 'shop.example.org', backend: RouteBackend.service(api) }] });
    }, { namespace: 'shop' });
    expect(msg).toContain('(test/r/Resource): hostname shop.example.org is not covered by a listener of Gateway gateway-system/public (gateway-system/public) '
      + 'that spec.parentRefs[0] selects (https (HTTPS *.example.com))');
    expect(msg).toContain('(test/r/Resource): spec.parentRefs[0]: no listener of Gateway gateway-system/public (gateway-system/public) it selects (https) '
      + 'admits HTTPRoutes of namespace shop');
    expect(msg).toMatch(/GWY-001 HTTPRoute\/\S+ \(test\/r\/Resource\)/);
    expect(msg).toMatch(/GWY-008 HTTPRoute\/\S+ \(test\/r\/Resource\)/);
  });
});
