import { App, Chart, Duration, Size } from 'cdk8s';
import { Cpu, Deployment, Secret, Service } from 'cdk8s-plus-27';
import {
  BackendProtocol, DatabaseEngine, ExistingStorageClass, IngressController, PlatformDefaults, RouteBackend, RouteOutput, RoutePathType, Severity,
  StatefulDatabase, TlsSource, Validator, Warnings, WebRoute,
} from '../../src';
import { errorOf, ofKind, only, synth } from '../util';

/**
 * WebRoute with Ingress output: the checks every controller shares (hosts, paths, backends, TLS, duplicates), on
 * HAProxy (one Ingress per route) unless a test is about another controller. Each controller's own annotations and path rules:
 * controllers.test.ts; Gateway API output: web-route-gateway.test.ts.
 */

const TRAEFIK = () => RouteOutput.ingress(IngressController.traefik());
const HAPROXY = () => RouteOutput.ingress(IngressController.haproxy());
const NGINX = (options: Parameters<typeof IngressController.ingressNginx>[0] = {}) => RouteOutput.ingress(IngressController.ingressNginx(options));

/** A web Deployment (container port 8080) and its Service: port 80 named http, 8443 named https. */
function services(chart: Chart) {
  const web = new Deployment(chart, 'web', { containers: [{ image: 'nginx', ports: [{ number: 8080 }] }] });
  const svc = new Service(chart, 'web-svc', {
    selector: web,
    ports: [{ port: 80, name: 'http', targetPort: 8080 }, { port: 8443, name: 'https', targetPort: 8080 }],
  });
  const api = new Service(chart, 'api', { ports: [{ port: 8080, targetPort: 8080 }] });
  return { web, svc, api };
}

// Value objects are built inside each test (functions, not module constants): code that runs while a test file loads is
// "static" to the mutation tester (docs/mutation.md).
const CM = () => TlsSource.certManagerClusterIssuer('letsencrypt-prod');

describe('WebRoute with Ingress output', () => {
  test('host and path rules with cert-manager TLS and redirect (snapshot)', () => {
    const objects = synth((chart) => {
      const { svc, api } = services(chart);
      const route = new WebRoute(chart, 'shop', { output: NGINX(), tls: CM() });
      route.addRule('shop.example.com', '/', RouteBackend.service(svc, { portName: 'http' }));
      route.addRule('shop.example.com', '/api', RouteBackend.service(api));
      route.addRule('admin.example.com', '/', RouteBackend.service(svc, { port: 80 }), { pathType: RoutePathType.EXACT });
    }, { namespace: 'shop' });
    const ing = only(objects, 'Ingress');
    expect(ing.metadata.namespace).toBe('shop');
    expect(ing.metadata.labels).toEqual({ 'app.kubernetes.io/managed-by': 'cdk8s-golden-paths' });
    expect(ing.metadata.annotations).toEqual({
      'cert-manager.io/cluster-issuer': 'letsencrypt-prod',
      'nginx.ingress.kubernetes.io/ssl-redirect': 'true',
    });
    expect(ing.spec.ingressClassName).toBe('nginx');
    expect(ing.spec.tls).toEqual([{ hosts: ['shop.example.com', 'admin.example.com'], secretName: `${ing.metadata.name}-tls` }]);
    expect(ing.spec.rules[0].http.paths[1]).toEqual({
      path: '/api', pathType: 'Prefix', backend: { service: { name: ofKind(objects, 'Service')[1].metadata.name, port: { number: 8080 } } },
    });
    expect(ing.spec.rules[1].http.paths[0].pathType).toBe('Exact');
    const findings = Validator.validate(objects).filter((f) => f.kind === 'Ingress');
    expect(findings.filter((f) => f.severity === Severity.ERROR)).toEqual([]);
    expect(findings.map((f) => f.ruleId)).toEqual(['ING-016']); // the retired controller, by explicit choice
    expect(objects).toMatchSnapshot();
  });

  test('rules in props, a workload backend gets a labelled Service, default backend', () => {
    const objects = synth((chart) => {
      const { web, svc } = services(chart);
      PlatformDefaults.set(chart, { labels: { team: 'shop' }, annotations: { 'acme.io/owner': 'shop' } });
      new WebRoute(chart, 'front', {
        name: 'front',
        output: HAPROXY(),
        tls: TlsSource.secret('wildcard-example-com', { hosts: ['*.example.com'] }),
        rules: [
          { host: 'www.example.com', backend: RouteBackend.workload(web, { port: 80, targetPort: 8080 }) },
          { host: 'shop.example.com', path: '/static', backend: RouteBackend.workload(web, { port: 80, targetPort: 8080 }) },
        ],
        defaultBackend: RouteBackend.service(svc, { port: 80 }),
      });
    });
    const ing = only(objects, 'Ingress');
    const created = ofKind(objects, 'Service').find((s) => s.metadata.labels?.['app.kubernetes.io/managed-by']);
    expect(created.spec.ports).toEqual([{ port: 80, targetPort: 8080 }]);
    expect(created.metadata.labels).toEqual({ 'app.kubernetes.io/managed-by': 'cdk8s-golden-paths', 'team': 'shop' });
    expect(ofKind(objects, 'Service')).toHaveLength(3); // one Service for the workload, reused by both rules
    expect(ing.metadata.name).toBe('front');
    expect(ing.metadata.labels.team).toBe('shop');
    expect(ing.metadata.annotations['acme.io/owner']).toBe('shop');
    expect(ing.metadata.annotations['cert-manager.io/cluster-issuer']).toBeUndefined();
    expect(ing.spec.tls).toEqual([{ hosts: ['*.example.com'], secretName: 'wildcard-example-com' }]);
    expect(ing.spec.defaultBackend.service.port).toEqual({ number: 80 });
    expect(ing.spec.rules.map((r: any) => r.http.paths[0].backend.service.name)).toEqual([created.metadata.name, created.metadata.name]);
    expect(objects).toMatchSnapshot();
  });

  test('cert-manager Issuer with a chosen Secret name', () => {
    const ing = only(synth((chart) => {
      const { api } = services(chart);
      new WebRoute(chart, 'r', {
        output: HAPROXY(),
        tls: TlsSource.certManagerIssuer('internal-ca', { secretName: 'api-cert' }),
        rules: [{ host: 'api.internal.example', backend: RouteBackend.service(api) }],
      });
    }), 'Ingress');
    expect(ing.metadata.annotations['cert-manager.io/issuer']).toBe('internal-ca');
    expect(ing.spec.tls[0].secretName).toBe('api-cert');
  });

  test('plain HTTP only through the loud opt-out: no tls, no redirect', () => {
    const objects = synth((chart) => {
      const { api } = services(chart);
      new WebRoute(chart, 'r', { output: TRAEFIK(), tls: TlsSource.noneInsecurePlainHttp(), rules: [{ host: 'dev.example.com', backend: RouteBackend.service(api) }] });
    });
    const ing = only(objects, 'Ingress');
    expect(ing.spec.tls).toBeUndefined();
    expect(ing.metadata.annotations).toEqual({ 'traefik.ingress.kubernetes.io/router.entrypoints': 'web' });
    expect(ofKind(objects, 'Middleware')).toEqual([]);
  });

  test('typed ingress-nginx options become string annotations', () => {
    const ing = only(synth((chart) => {
      const { api } = services(chart);
      const route = new WebRoute(chart, 'r', {
        tls: CM(),
        sslRedirect: false,
        output: NGINX({
          proxyBodySize: Size.mebibytes(8),
          proxyConnectTimeout: Duration.seconds(10),
          proxyReadTimeout: Duration.minutes(2),
          proxySendTimeout: Duration.seconds(90),
          backendProtocol: BackendProtocol.GRPC,
          rewriteTarget: '/$2',
        }),
      });
      route.addRule('api.example.com', '/v1(/|$)(.*)', RouteBackend.service(api), { pathType: RoutePathType.IMPLEMENTATION_SPECIFIC });
    }), 'Ingress');
    expect(ing.metadata.annotations).toEqual({
      'cert-manager.io/cluster-issuer': 'letsencrypt-prod',
      'nginx.ingress.kubernetes.io/backend-protocol': 'GRPC',
      'nginx.ingress.kubernetes.io/proxy-body-size': '8m',
      'nginx.ingress.kubernetes.io/proxy-connect-timeout': '10',
      'nginx.ingress.kubernetes.io/proxy-read-timeout': '120',
      'nginx.ingress.kubernetes.io/proxy-send-timeout': '90',
      'nginx.ingress.kubernetes.io/rewrite-target': '/$2',
      'nginx.ingress.kubernetes.io/ssl-redirect': 'false',
      'nginx.ingress.kubernetes.io/use-regex': 'true',
    });
    expect(ing.spec.rules[0].http.paths[0]).toMatchObject({ path: '/v1(/|$)(.*)', pathType: 'ImplementationSpecific' });
  });

  test('body size in KiB when not whole MiB', () => {
    const ing = only(synth((chart) => {
      const { api } = services(chart);
      new WebRoute(chart, 'r', { tls: CM(), output: NGINX({ proxyBodySize: Size.kibibytes(1536) }), rules: [{ host: 'a.example.com', backend: RouteBackend.service(api) }] });
    }), 'Ingress');
    expect(ing.metadata.annotations['nginx.ingress.kubernetes.io/proxy-body-size']).toBe('1536k');
  });

  test('same input gives the same bytes', () => {
    const build = (chart: Chart) => {
      const { web, api } = services(chart);
      const r = new WebRoute(chart, 'r', { output: HAPROXY(), tls: CM() });
      r.addRule('b.example.com', '/', RouteBackend.service(api));
      r.addRule('a.example.com', '/', RouteBackend.workload(web, { port: 8080 }));
    };
    expect(JSON.stringify(synth(build))).toBe(JSON.stringify(synth(build)));
  });
});

describe('WebRoute class: the controller\'s className, then the nearest PlatformDefaults ingressClassName, then the controller\'s own class', () => {
  function classAndIssuer(setApp: boolean, setChart: boolean, explicit: boolean) {
    const app = new App();
    Warnings.of(app).sink = Warnings.SILENT;
    if (setApp) PlatformDefaults.set(app, { ingressClassName: 'app-class', certManagerClusterIssuer: 'app-issuer' });
    const chart = new Chart(app, 'c');
    if (setChart) PlatformDefaults.set(chart, { ingressClassName: 'chart-class', certManagerClusterIssuer: 'chart-issuer' });
    const { api } = services(chart);
    const route = new WebRoute(chart, 'r', {
      output: RouteOutput.ingress(IngressController.haproxy({ className: explicit ? 'explicit' : undefined })),
      tls: explicit ? TlsSource.certManagerClusterIssuer('explicit-issuer') : (setApp || setChart ? undefined : CM()),
      rules: [{ host: 'a.example.com', backend: RouteBackend.service(api) }],
    });
    const ing = only(chart.toJson(), 'Ingress');
    expect(route.ingressClassName).toBe(ing.spec.ingressClassName);
    return [ing.spec.ingressClassName, ing.metadata.annotations['cert-manager.io/cluster-issuer']];
  }

  test('library default: the controller\'s class', () => expect(classAndIssuer(false, false, false)).toEqual(['haproxy', 'letsencrypt-prod']));
  test('app default', () => expect(classAndIssuer(true, false, false)).toEqual(['app-class', 'app-issuer']));
  test('chart default beats app default', () => expect(classAndIssuer(true, true, false)).toEqual(['chart-class', 'chart-issuer']));
  test('explicit prop beats every default', () => expect(classAndIssuer(true, true, true)).toEqual(['explicit', 'explicit-issuer']));
});

describe('WebRoute with Ingress output refuses', () => {
  /** The error of adding one rule to an otherwise valid route. */
  function ruleError(host: string, path: string, backend?: (s: ReturnType<typeof services>) => RouteBackend, pathType?: RoutePathType): string {
    return errorOf((chart) => {
      const s = services(chart);
      new WebRoute(chart, 'r', { output: NGINX(), tls: CM() }).addRule(host, path, backend ? backend(s) : RouteBackend.service(s.api), { pathType });
    });
  }

  test('an IP address as host', () => {
    expect(ruleError('10.0.0.1', '/')).toContain('test/r: addRule host "10.0.0.1" is an IP address; Ingress hosts must be DNS names. Use a DNS name such as "shop.example.com"');
  });

  test('a host that is not a DNS name', () => {
    expect(ruleError('shop_example.com', '/')).toContain('test/r: addRule host "shop_example.com" is not a DNS name');
    expect(ruleError('Shop.example.com', '/')).toContain('addRule host "Shop.example.com" has upper-case letters; DNS names in Kubernetes are lower case. Use "shop.example.com".');
    expect(ruleError('a.*.example.com', '/')).toContain('is not a valid wildcard host: only a single leading "*." followed by a DNS name is allowed');
  });

  test('a path that does not start with /', () => {
    expect(ruleError('a.example.com', 'api')).toContain('test/r: addRule path "api" does not start with "/". Use "/api".');
  });

  test.each([['/a//b', '//'], ['/a/./b', '/./'], ['/a/../b', '/../'], ['/a%2fb', '%2f']])('path %s (holds %s)', (path, seq) => {
    expect(ruleError('a.example.com', path)).toContain(`test/r: addRule path "${path}" holds "${seq}", which the API server refuses in Prefix paths. Write the path in its normalized form`);
  });

  test('characters ingress-nginx rejects in Prefix/Exact paths', () => {
    expect(ruleError('a.example.com', '/favicon.ico', undefined, RoutePathType.EXACT)).toContain(
      'test/r: addRule path "/favicon.ico" holds ".", which ingress-nginx refuses in Exact paths (strict-validate-path-type allows only letters, digits, "-", "_" and "/") (ingress-nginx (class nginx)). Remove those characters, or use a regex path');
  });

  test('a backend port the Service does not expose, by number and by name', () => {
    expect(ruleError('a.example.com', '/', (s) => RouteBackend.service(s.svc, { port: 8080 }))).toContain(
      'test/r: addRule backend port 8080 is not a port Service test-web-svc-c89970d0 exposes (exposed: 80 (http), 8443 (https)). Use a port the Service exposes (the Service port, not the container\'s targetPort)');
    expect(ruleError('a.example.com', '/', (s) => RouteBackend.service(s.svc, { portName: 'grpc' }))).toContain(
      'test/r: addRule backend portName "grpc" is not a port name of Service test-web-svc-c89970d0 (exposed: 80 (http), 8443 (https)). Use a named port of the Service');
  });

  test('a port by both number and name, or by neither on a multi-port Service', () => {
    expect(ruleError('a.example.com', '/', (s) => RouteBackend.service(s.svc, { port: 80, portName: 'http' }))).toContain(
      'test/r: addRule backend port 80 and portName "http" are both set; a backend names its port by number or by name. Keep one of them.');
    expect(ruleError('a.example.com', '/', (s) => RouteBackend.service(s.svc))).toContain(
      'addRule backend port (not set) is needed: Service test-web-svc-c89970d0 exposes several ports (80 (http), 8443 (https)). Choose one: RouteBackend.service(svc, { port: 80 }).');
  });

  test('a workload port no container declares', () => {
    expect(ruleError('a.example.com', '/', (s) => RouteBackend.workload(s.web, { port: 80 }))).toContain(
      'test/r: addRule backend targetPort 80 is not declared by any container of test/web (declared: 8080). Declare it on the container (ports: [{ number: 80 }])');
  });

  test('the Service of a database', () => {
    const msg = errorOf((chart) => {
      const db = new Service(chart, 'orders-db', { metadata: { annotations: { 'golden-paths.dev/role': 'database' } }, ports: [{ port: 5432 }] });
      new WebRoute(chart, 'r', { output: HAPROXY(), tls: CM(), rules: [{ host: 'db.example.com', backend: RouteBackend.service(db) }] });
    });
    expect(msg).toContain('test/r: rules[0] backend "test-orders-db-c8924671" is the Service of a database (test/orders-db, golden-paths.dev/role: database); an Ingress would publish it');
    expect(msg).toContain('Route to the application that uses the database');
  });

  test('a StatefulDatabase, by its client Service or (from JavaScript) its headless Service', () => {
    const build = (which: 'service' | 'headlessService') => errorOf((chart) => {
      const db = new StatefulDatabase(chart, 'orders-db', {
        engine: DatabaseEngine.postgres({ version: '16.4' }),
        storage: { size: Size.gibibytes(20), storageClass: ExistingStorageClass.exoscaleBlockStorage() },
        credentials: { secret: Secret.fromSecretName(chart, 'creds', 'orders-db-credentials') },
        cpu: Cpu.millis(500),
        memory: Size.gibibytes(2),
      });
      new WebRoute(chart, 'r', { output: HAPROXY(), tls: CM(), rules: [{ host: 'db.example.com', backend: RouteBackend.service(db[which] as any, { port: 5432 }) }] });
    }, { namespace: 'shop' });
    expect(build('service')).toMatch(/test\/r: rules\[0\] backend "[a-z0-9-]+" is the Service of a database \(test\/orders-db\/[^,]+, golden-paths.dev\/role: database\)/);
    expect(build('headlessService')).toContain('is the Service of a database');
  });

  test('a database Service annotated after the route was built, at synth (ING-011)', () => {
    const msg = errorOf((chart) => {
      const db = new Service(chart, 'orders-db', { ports: [{ port: 5432 }] });
      new WebRoute(chart, 'r', { output: HAPROXY(), tls: CM(), rules: [{ host: 'db.example.com', backend: RouteBackend.service(db) }] });
      db.metadata.addAnnotation('golden-paths.dev/role', 'database');
    });
    expect(msg).toContain('ING-011 Ingress/test-r-c897d9b9 (test/r/Resource): spec.rules[0].http.paths[0].backend routes to Service test-orders-db-c8924671, which fronts a database');
  });

  test('a Service in another namespace', () => {
    const msg = errorOf((chart) => {
      const other = new Chart(chart.node.root as App, 'payments', { namespace: 'payments' });
      const pay = new Service(other, 'pay', { ports: [{ port: 80 }] });
      new WebRoute(chart, 'r', { output: HAPROXY(), tls: CM(), rules: [{ host: 'pay.example.com', backend: RouteBackend.service(pay) }] });
    }, { namespace: 'shop' });
    expect(msg).toContain('test/r: rules[0] backend "Service payments-pay-c821f2a0" is in namespace "payments", but the route is in "shop": an Ingress routes only to Services of its own namespace');
    expect(msg).toContain('Create the WebRoute in a Chart with namespace "payments", route to a Service in "shop", or use Gateway API output (RouteOutput.gatewayApi)');
  });

  test('TLS hosts that do not cover a rule host (wildcards one label deep)', () => {
    const build = (host: string) => errorOf((chart) => {
      const { api } = services(chart);
      new WebRoute(chart, 'r', { output: HAPROXY(), tls: TlsSource.secret('wild', { hosts: ['*.example.com'] }), rules: [{ host, backend: RouteBackend.service(api) }] });
    });
    expect(build('a.example.com')).toBe('');
    expect(build('example.com')).toContain('test/r: rules[0] host "example.com" is not covered by the TLS hosts ["*.example.com"] (a wildcard covers exactly one label). Add "example.com" to the TlsSource hosts');
    expect(build('a.b.example.com')).toContain('rules[0] host "a.b.example.com" is not covered by the TLS hosts ["*.example.com"]');
  });

  test('a kubernetes.io/ingress.class annotation that disagrees with the class', () => {
    const msg = errorOf((chart) => {
      const { api } = services(chart);
      new WebRoute(chart, 'r', { output: NGINX(), tls: CM(), annotations: { 'kubernetes.io/ingress.class': 'traefik' }, rules: [{ host: 'a.example.com', backend: RouteBackend.service(api) }] });
    });
    expect(msg).toContain('test/r: annotations["kubernetes.io/ingress.class"] "traefik" disagrees with the class "nginx"; the API server refuses an Ingress whose annotation and class differ. Remove the deprecated annotation');
  });

  test('no TLS source and no platform issuer', () => {
    const msg = errorOf((chart) => {
      const { api } = services(chart);
      new WebRoute(chart, 'r', { output: HAPROXY(), rules: [{ host: 'a.example.com', backend: RouteBackend.service(api) }] });
    });
    expect(msg).toContain('test/r: tls (not set) leaves the route without a certificate and no PlatformDefaults certManagerClusterIssuer is set. Set tls: TlsSource.certManagerClusterIssuer("letsencrypt-prod")');
    expect(msg).toContain('TlsSource.noneInsecurePlainHttp()');
  });

  test('an HTTPS redirect without TLS', () => {
    const msg = errorOf((chart) => {
      const { api } = services(chart);
      new WebRoute(chart, 'r', { output: HAPROXY(), tls: TlsSource.noneInsecurePlainHttp(), sslRedirect: true, rules: [{ host: 'a.example.com', backend: RouteBackend.service(api) }] });
    });
    expect(msg).toContain('test/r: sslRedirect true redirects to HTTPS, but the route has no TLS');
  });

  test('two routes for the same host and path in the same class, naming both (ING-009)', () => {
    const msg = errorOf((chart) => {
      const { api, svc } = services(chart);
      new WebRoute(chart, 'storefront', { output: HAPROXY(), tls: CM(), rules: [{ host: 'shop.example.com', path: '/api', backend: RouteBackend.service(api) }] });
      new WebRoute(chart, 'orders', { output: HAPROXY(), tls: CM(), rules: [{ host: 'shop.example.com', path: '/api/', backend: RouteBackend.service(svc, { port: 80 }) }] });
      new WebRoute(chart, 'exact', { output: HAPROXY(), tls: CM(), rules: [{ host: 'shop.example.com', path: '/api', pathType: RoutePathType.EXACT, backend: RouteBackend.service(api) }] });
      new WebRoute(chart, 'internal', { output: RouteOutput.ingress(IngressController.haproxy({ className: 'haproxy-internal' })), tls: CM(), rules: [{ host: 'shop.example.com', path: '/api', backend: RouteBackend.service(api) }] });
    });
    // Prefix /api and Prefix /api/ match the same requests; Exact /api wins over both for /api itself, so it does not conflict
    expect(msg).toContain('ING-009 Ingress/test-storefront-c81843cc (test/storefront/Resource): host shop.example.com path /api (Prefix) in class haproxy is also routed by Ingress test-orders-c83bd401 (test/orders/Resource) as /api/ (Prefix)');
    expect(msg).toContain('ING-009 Ingress/test-orders-c83bd401 (test/orders/Resource): host shop.example.com path /api/ (Prefix) in class haproxy is also routed by Ingress test-storefront-c81843cc (test/storefront/Resource) as /api (Prefix)');
    expect(msg).not.toContain('test-internal');
    expect(msg).not.toContain('test-exact');
  });

  test('the same host and path twice in one route', () => {
    const msg = errorOf((chart) => {
      const { api } = services(chart);
      const r = new WebRoute(chart, 'r', { output: HAPROXY(), tls: CM() });
      r.addRule('a.example.com', '/api', RouteBackend.service(api));
      r.addRule('a.example.com', '/api/', RouteBackend.service(api));
    });
    expect(msg).toContain('test/r: addRule path "/api/" matches the same requests for host "a.example.com" as the rule for "/api" (Prefix) in this route. Remove the duplicate rule');
  });

  test('a rewrite target with capture groups on a Prefix path, and a static one on a Prefix path', () => {
    const build = (rewriteTarget: string) => errorOf((chart) => {
      const { api } = services(chart);
      new WebRoute(chart, 'r', { tls: CM(), output: NGINX({ rewriteTarget }), rules: [{ host: 'a.example.com', path: '/api', backend: RouteBackend.service(api) }] });
    });
    expect(build('/$2')).toContain('test/r: rules[0] path "/api" has no capture group $2 for rewriteTarget "/$2". Write the path as a regex with 2 capture group(s) and pathType RoutePathType.IMPLEMENTATION_SPECIFIC, e.g. "/api(/|$)(.*)"');
    expect(build('/')).toContain('rules[0] path "/api" is a Prefix path, and rewriteTarget "/" replaces the whole URI');
  });

  test('a regex path without use-regex', () => {
    expect(ruleError('a.example.com', '/api/.*', undefined, RoutePathType.IMPLEMENTATION_SPECIFIC)).toContain(
      'test/r: addRule pathType "ImplementationSpecific" is accepted only for regex paths, and the route does not use regex. Use RoutePathType.PREFIX or RoutePathType.EXACT, or set useRegex: true in IngressController.ingressNginx({ ... }) for a regex path.');
  });

  test('sizes and timeouts nginx cannot read', () => {
    const msg = errorOf((chart) => {
      const { api } = services(chart);
      new WebRoute(chart, 'r', {
        tls: CM(),
        output: NGINX({ proxyReadTimeout: Duration.millis(1500), proxyBodySize: 8 as any, backendProtocol: 'HTTP2' as any }),
        rules: [{ host: 'a.example.com', backend: RouteBackend.service(api) }],
      });
    });
    expect(msg).toContain('3 problems in the configuration');
    expect(msg).toContain('test/r: output proxyBodySize 8 is not a whole, non-negative number of KiB. Use Size.mebibytes(8)');
    expect(msg).toContain('test/r: output proxyReadTimeout 1 second 500 millis is not a positive whole number of seconds');
    expect(msg).toContain('test/r: output backendProtocol "HTTP2" is not a protocol ingress-nginx knows');
  });

  test('a route with no rule and no default backend, at synth', () => {
    expect(errorOf((chart) => new WebRoute(chart, 'r', { output: HAPROXY(), tls: CM() }))).toContain(
      'test/r: rules [] is empty and there is no defaultBackend, which the API server refuses. Add a rule with route.addRule(host, path, backend) or set defaultBackend.');
  });

  test('anything from JavaScript, all problems at once and no TypeError', () => {
    const msg = errorOf((chart) => {
      new WebRoute(chart, 'r', {
        tls: 'letsencrypt' as any,
        output: RouteOutput.ingress(IngressController.traefik({ className: 'Nginx' })),
        labels: { replicas: 3 as any },
        rules: [{ host: 42 as any, backend: {} as any }, null as any],
        defaultBackend: RouteBackend.service('web' as any),
      });
    });
    expect(msg).not.toContain('TypeError');
    expect(msg).toContain('test/r: output className "Nginx" is not a valid IngressClass name');
    expect(msg).toContain('test/r: tls "letsencrypt" is not a TlsSource');
    expect(msg).toContain('test/r: labels["replicas"] 3 is not a string');
    expect(msg).toContain('test/r: rules[0] host 42 is not a host name');
    expect(msg).toContain('test/r: rules[0] backend {} is not a RouteBackend. Use RouteBackend.service(service, { port }), RouteBackend.workload(deployment, { port }) or RouteBackend.serviceName(name, { port }).');
    expect(msg).toContain('test/r: rules[1] null is not a RouteRule');
    expect(msg).toContain('test/r: defaultBackend "web" is not a cdk8s-plus-27 Service');
  });

  test('nothing is created when the constructor refuses', () => {
    const app = new App();
    const chart = new Chart(app, 'c');
    expect(() => new WebRoute(chart, 'r', { output: HAPROXY(), tls: CM(), rules: [{ host: '1.2.3.4', backend: RouteBackend.service(undefined as any) }] })).toThrow('c/r: rules[0] host "1.2.3.4" is an IP address');
    expect(chart.node.tryFindChild('r')?.node.children ?? []).toEqual([]);
  });
});
