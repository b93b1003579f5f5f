import { App, Chart, Duration, Size } from 'cdk8s';
import { Deployment, Service } from 'cdk8s-plus-27';
import {
  AlbScheme, AlbTargetType, BackendProtocol, GkeIngressClass, IngressController, PlatformDefaults, RouteBackend, RouteOutput, RoutePathType, Severity,
  TlsSource, Validator, Warnings, WebRoute,
} from '../../src';
import { errorOf, ofKind, only, synth } from '../util';

/**
 * Each Ingress controller owns its class, its annotations and its path rules (issue 18): what each renders from the
 * route's TLS and redirect and from its typed options, what it refuses, and that the retired ingress-nginx is a choice
 * that warns, never a default.
 */

/** A chart with a web Service (port 80, named http) in namespace shop. */
function web(chart: Chart): Service {
  const d = new Deployment(chart, 'web', { containers: [{ image: 'nginx', ports: [{ number: 8080 }] }] });
  return new Service(chart, 'web-svc', { selector: d, ports: [{ port: 80, name: 'http', targetPort: 8080 }] });
}

// Value objects are built inside each test (functions, not module constants): code that runs while a test file loads is
// "static" to the mutation tester (docs/mutation.md).
const CM = () => TlsSource.certManagerClusterIssuer('letsencrypt-prod');

/** The objects of one route with the given output and TLS, for shop.example.com -> web:80. */
function route(controller: IngressController, tls: TlsSource = CM(), extra: Record<string, unknown> = {}): any[] {
  return synth((chart) => {
    new WebRoute(chart, 'r', { name: 'shop', output: RouteOutput.ingress(controller), tls, rules: [{ host: 'shop.example.com', backend: RouteBackend.service(web(chart)) }], ...extra });
  }, { namespace: 'shop' });
}

/** The Ingress named shop. */
function ingress(objects: any[], name = 'shop'): any {
  return ofKind(objects, 'Ingress').find((o) => o.metadata.name === name);
}

/** The error of a route with the given output and TLS. */
function refusal(controller: IngressController, tls: TlsSource = CM(), extra: Record<string, unknown> = {}): string {
  return errorOf((chart) => {
    new WebRoute(chart, 'r', { output: RouteOutput.ingress(controller), tls, rules: [{ host: 'shop.example.com', backend: RouteBackend.service(web(chart)) }], ...extra });
  }, { namespace: 'shop' });
}

describe('no silent default controller', () => {
  test('a route without output and without PlatformDefaults routeOutput is refused, naming the choices and ingress-nginx\'s end of life', () => {
    const msg = errorOf((chart) => new WebRoute(chart, 'r', { tls: CM(), rules: [{ host: 'shop.example.com', backend: RouteBackend.service(web(chart)) }] }));
    expect(msg).toContain('test/r: output (not set) chooses neither an Ingress controller nor a Gateway, and no PlatformDefaults routeOutput is set. '
      + 'Set output: RouteOutput.gatewayApi({ gateway: GatewayRef.platform({ name: "public", namespace: "gateway-system" }) }), or RouteOutput.ingress(IngressController.traefik())');
    expect(msg).toContain('The former default, ingress-nginx, reached its end of life in March 2026: IngressController.ingressNginx() keeps it by explicit choice.');
  });

  test('a PlatformDefaults ingressClassName alone names a class, not a controller: still refused, and said so', () => {
    const msg = errorOf((chart) => {
      PlatformDefaults.set(chart, { ingressClassName: 'nginx-public' });
      new WebRoute(chart, 'r', { tls: CM(), rules: [{ host: 'shop.example.com', backend: RouteBackend.service(web(chart)) }] });
    });
    expect(msg).toContain('(PlatformDefaults ingressClassName "nginx-public" names a class, not its controller)');
  });

  test('PlatformDefaults routeOutput is the platform\'s choice; the route\'s output prop wins', () => {
    const build = (own: boolean) => only(synth((chart) => {
      PlatformDefaults.set(chart, { routeOutput: RouteOutput.ingress(IngressController.haproxy()) });
      new WebRoute(chart, 'r', { tls: CM(), output: own ? RouteOutput.ingress(IngressController.f5Nginx()) : undefined, rules: [{ host: 'a.example.com', backend: RouteBackend.service(web(chart)) }] });
    }), 'Ingress');
    expect(build(false).spec.ingressClassName).toBe('haproxy');
    expect(build(true).spec.ingressClassName).toBe('nginx');
    expect(build(true).metadata.annotations['nginx.org/ssl-redirect']).toBe('true');
  });

  test('an output that is not a RouteOutput, from JavaScript', () => {
    expect(errorOf((chart) => new WebRoute(chart, 'r', { output: 'traefik' as any, tls: CM(), rules: [{ host: 'a.example.com', backend: RouteBackend.service(web(chart)) }] })))
      .toContain('test/r: output "traefik" is not a RouteOutput. Use RouteOutput.ingress(IngressController.traefik())');
    expect(errorOf((chart) => new WebRoute(chart, 'r', { output: RouteOutput.ingress('traefik' as any), tls: CM(), rules: [{ host: 'a.example.com', backend: RouteBackend.service(web(chart)) }] })))
      .toContain('test/r: output controller "traefik" is not an IngressController');
    expect(() => PlatformDefaults.set(new App(), { routeOutput: 'traefik' as any })).toThrow('routeOutput must be a RouteOutput. Use e.g. RouteOutput.ingress(IngressController.traefik()).');
  });
});

describe('Traefik', () => {
  test('TLS: the router runs on websecure with router.tls; the redirect is a RedirectScheme Middleware on a second Ingress on web', () => {
    const objects = route(IngressController.traefik());
    expect(ingress(objects).spec.ingressClassName).toBe('traefik');
    expect(ingress(objects).metadata.annotations).toEqual({
      'cert-manager.io/cluster-issuer': 'letsencrypt-prod',
      'traefik.ingress.kubernetes.io/router.entrypoints': 'websecure',
      'traefik.ingress.kubernetes.io/router.tls': 'true',
    });
    const http = ingress(objects, 'shop-http');
    expect(http.metadata.annotations).toEqual({
      'traefik.ingress.kubernetes.io/router.entrypoints': 'web',
      'traefik.ingress.kubernetes.io/router.middlewares': 'shop-shop-https-redirect@kubernetescrd',
    });
    expect(http.spec.tls).toBeUndefined();
    expect(http.spec.rules).toEqual(ingress(objects).spec.rules);
    expect(only(objects, 'Middleware')).toMatchObject({ apiVersion: 'traefik.io/v1alpha1', metadata: { name: 'shop-https-redirect', namespace: 'shop' }, spec: { redirectScheme: { scheme: 'https', permanent: true } } });
    // the two Ingresses run on different entry points: not a duplicate (ING-009)
    expect(Validator.validate(objects).filter((f) => f.severity === Severity.ERROR)).toEqual([]);
    // the Middleware's CRD is not shipped: the route says why it is not schema-checked instead of warning every synth
    expect(only(objects, 'Middleware').metadata.annotations['golden-paths.dev/suppress.SCH-005']).toContain('Traefik\'s documented shape');
    expect(Validator.validate(objects).map((f) => f.ruleId)).not.toContain('SCH-005');
  });

  test('body size as a Buffering Middleware, custom entry points, no redirect Ingress with sslRedirect false', () => {
    const objects = route(IngressController.traefik({ maxRequestBodySize: Size.mebibytes(16), httpsEntryPoint: 'https', httpEntryPoint: 'http' }), CM(), { sslRedirect: false });
    expect(ofKind(objects, 'Ingress')).toHaveLength(1);
    expect(ingress(objects).metadata.annotations['traefik.ingress.kubernetes.io/router.entrypoints']).toBe('https');
    expect(ingress(objects).metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares']).toBe('shop-shop-body-size@kubernetescrd');
    expect(only(objects, 'Middleware').spec).toEqual({ buffering: { maxRequestBodyBytes: 16 * 1024 * 1024 } });
  });

  test('refuses a body size of zero and entry points that are not names; ImplementationSpecific paths have no meaning there', () => {
    const msg = refusal(IngressController.traefik({ maxRequestBodySize: Size.kibibytes(0), httpsEntryPoint: 'web secure' }));
    expect(msg).toContain('test/r: output maxRequestBodySize 0 KiB is not a positive whole number of KiB. Use e.g. Size.mebibytes(8).');
    expect(msg).toContain('test/r: output httpsEntryPoint "web secure" is not an entry point name');
    expect(errorOf((chart) => new WebRoute(chart, 'r', { output: RouteOutput.ingress(IngressController.traefik()), tls: CM() })
      .addRule('a.example.com', '/api/*', RouteBackend.service(web(chart)), { pathType: RoutePathType.IMPLEMENTATION_SPECIFIC })))
      .toContain('test/r: addRule pathType "ImplementationSpecific" has no meaning of its own in Traefik (it reads such paths as Prefix). Use RoutePathType.PREFIX or RoutePathType.EXACT.');
  });
});

describe('HAProxy', () => {
  test('ssl-redirect written both ways, timeout-server with its unit, backend protocol as server-ssl / server-proto', () => {
    expect(ingress(route(IngressController.haproxy({ timeoutServer: Duration.minutes(2), backendProtocol: BackendProtocol.HTTPS }))).metadata.annotations).toEqual({
      'cert-manager.io/cluster-issuer': 'letsencrypt-prod',
      'haproxy.org/server-ssl': 'true',
      'haproxy.org/ssl-redirect': 'true',
      'haproxy.org/timeout-server': '120s',
    });
    expect(ingress(route(IngressController.haproxy({ backendProtocol: BackendProtocol.GRPC }), CM(), { sslRedirect: false })).metadata.annotations).toMatchObject({
      'haproxy.org/server-proto': 'h2', 'haproxy.org/ssl-redirect': 'false',
    });
  });

  test('refuses protocols HAProxy does not speak and timeouts it cannot read', () => {
    const msg = refusal(IngressController.haproxy({ backendProtocol: BackendProtocol.FCGI, timeoutServer: Duration.millis(500) }));
    expect(msg).toContain('test/r: output backendProtocol "FCGI" is not a protocol HAProxy speaks to backends (HTTP, HTTPS, GRPC, GRPCS)');
    expect(msg).toContain('test/r: output timeoutServer 500 millis is not a positive whole number of seconds');
  });
});

describe('F5 NGINX Ingress Controller', () => {
  test('nginx.org annotations with units; backend protocol as the list of the route\'s Services, rules added later included', () => {
    const objects = synth((chart) => {
      const svc = web(chart);
      const api = new Service(chart, 'api', { ports: [{ port: 8080 }] });
      const r = new WebRoute(chart, 'r', {
        name: 'shop',
        output: RouteOutput.ingress(IngressController.f5Nginx({
          clientMaxBodySize: Size.mebibytes(8),
          proxyConnectTimeout: Duration.seconds(10),
          proxyReadTimeout: Duration.minutes(2),
          proxySendTimeout: Duration.seconds(90),
          backendProtocol: BackendProtocol.GRPCS,
        })),
        tls: CM(),
        rules: [{ host: 'shop.example.com', backend: RouteBackend.service(svc) }],
      });
      r.addRule('shop.example.com', '/api', RouteBackend.service(api));
    });
    const names = ofKind(objects, 'Service').map((s) => s.metadata.name).sort().reverse().join(',');
    expect(ingress(objects).metadata.annotations).toEqual({
      'cert-manager.io/cluster-issuer': 'letsencrypt-prod',
      'nginx.org/client-max-body-size': '8m',
      'nginx.org/grpc-services': names,
      'nginx.org/proxy-connect-timeout': '10s',
      'nginx.org/proxy-read-timeout': '120s',
      'nginx.org/proxy-send-timeout': '90s',
      'nginx.org/ssl-redirect': 'true',
      'nginx.org/ssl-services': names,
    });
    expect(ingress(objects).spec.ingressClassName).toBe('nginx');
  });

  test('refuses gRPC without TLS (F5 serves gRPC only on Ingresses that terminate TLS)', () => {
    expect(refusal(IngressController.f5Nginx({ backendProtocol: BackendProtocol.GRPC }), TlsSource.noneInsecurePlainHttp()))
      .toContain('test/r: output backendProtocol "GRPC" needs TLS on the route: the F5 NGINX Ingress Controller serves gRPC only on Ingresses that terminate TLS. Give the route a TlsSource.');
  });
});

describe('AWS Load Balancer Controller', () => {
  test('internal and ip by default, listeners from the TLS, ssl-redirect, idle timeout, backend protocol, group; certificates from ACM', () => {
    const arn = 'arn:aws:acm:eu-central-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789';
    const ing = ingress(route(IngressController.awsLoadBalancer({ idleTimeout: Duration.minutes(5), backendProtocol: BackendProtocol.GRPCS, groupName: 'shop' }),
      TlsSource.awsCertificateManager({ certificateArns: [arn] })));
    expect(ing.spec.ingressClassName).toBe('alb');
    expect(ing.spec.tls).toEqual([{ hosts: ['shop.example.com'] }]);
    expect(ing.metadata.annotations).toEqual({
      'alb.ingress.kubernetes.io/backend-protocol': 'HTTPS',
      'alb.ingress.kubernetes.io/backend-protocol-version': 'GRPC',
      'alb.ingress.kubernetes.io/certificate-arn': arn,
      'alb.ingress.kubernetes.io/group.name': 'shop',
      'alb.ingress.kubernetes.io/listen-ports': '[{"HTTP":80},{"HTTPS":443}]',
      'alb.ingress.kubernetes.io/load-balancer-attributes': 'idle_timeout.timeout_seconds=300',
      'alb.ingress.kubernetes.io/scheme': 'internal',
      'alb.ingress.kubernetes.io/ssl-redirect': '443',
      'alb.ingress.kubernetes.io/target-type': 'ip',
    });
  });

  test('internet-facing, instance targets, plain HTTP: one HTTP listener, no redirect', () => {
    const alb = IngressController.awsLoadBalancer({ scheme: AlbScheme.INTERNET_FACING, targetType: AlbTargetType.INSTANCE });
    expect(ingress(route(alb, TlsSource.noneInsecurePlainHttp())).metadata.annotations).toEqual({
      'alb.ingress.kubernetes.io/listen-ports': '[{"HTTP":80}]',
      'alb.ingress.kubernetes.io/scheme': 'internet-facing',
      'alb.ingress.kubernetes.io/target-type': 'instance',
    });
  });

  test('refuses Secrets and cert-manager (an ALB takes certificates from ACM), and ACM on any other controller', () => {
    expect(refusal(IngressController.awsLoadBalancer())).toContain(
      'test/r: tls "TlsSource.certManagerClusterIssuer(\\"letsencrypt-prod\\")" gives a certificate in a Secret, but the AWS Load Balancer Controller (class alb) takes certificates from AWS Certificate Manager only. Use tls: TlsSource.awsCertificateManager()');
    expect(refusal(IngressController.haproxy(), TlsSource.awsCertificateManager())).toContain(
      'test/r: tls "TlsSource.awsCertificateManager()" is for the AWS Load Balancer Controller, but the route\'s controller is HAProxy (class haproxy), which reads certificates from Secrets');
    expect(refusal(IngressController.awsLoadBalancer(), TlsSource.awsCertificateManager({ certificateArns: ['arn:aws:iam::1:server-certificate/x'] })))
      .toContain('test/r: tls certificateArns[0] "arn:aws:iam::1:server-certificate/x" is not an ACM certificate ARN');
  });

  test('refuses resource backends (the controller does not serve them), idle timeouts over 4000 s, gRPC without TLS, bad group names', () => {
    const msg = errorOf((chart) => new WebRoute(chart, 'r', {
      output: RouteOutput.ingress(IngressController.awsLoadBalancer({ idleTimeout: Duration.seconds(4001), backendProtocol: BackendProtocol.GRPC, groupName: 'Shop Group' })),
      tls: TlsSource.noneInsecurePlainHttp(),
      defaultBackend: RouteBackend.resource({ apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'static' }),
    }));
    expect(msg).toContain('test/r: defaultBackend "StorageBucket/static" is a resource backend, which AWS Load Balancer Controller does not serve (its documentation says so). Route to a Service, or choose another controller.');
    expect(msg).toMatch(/test\/r: output idleTimeout [^.]+ is not a positive whole number of seconds up to 4000 \(the controller reads this timeout in seconds\)/);
    expect(msg).toContain('test/r: output backendProtocol "GRPC" needs TLS on the route: an ALB forwards gRPC from HTTPS listeners only');
    expect(msg).toContain('test/r: output groupName "Shop Group" is not an IngressGroup name');
  });

  test('ALB path rules apply to ALB routes only: 128 characters, its character set, wildcards in ImplementationSpecific paths', () => {
    const add = (controller: IngressController, path: string, pathType?: RoutePathType) => errorOf((chart) =>
      new WebRoute(chart, 'r', { output: RouteOutput.ingress(controller), tls: TlsSource.noneInsecurePlainHttp() }).addRule('a.example.com', path, RouteBackend.service(web(chart)), { pathType }));
    expect(add(IngressController.awsLoadBalancer(), '/a*b')).toContain(
      'test/r: addRule path "/a*b" holds "*", which an ALB path condition does not accept ("*" and "?" are ALB wildcards, accepted in ImplementationSpecific paths only) (AWS Load Balancer Controller (class alb))');
    expect(add(IngressController.awsLoadBalancer(), '/' + 'a'.repeat(130))).toContain('is 131 characters long; an ALB path condition holds at most 128');
    expect(add(IngressController.awsLoadBalancer(), '/users/*', RoutePathType.IMPLEMENTATION_SPECIFIC)).toBe('');
    expect(add(IngressController.awsLoadBalancer(), '/favicon.ico', RoutePathType.EXACT)).toBe('');
    expect(add(IngressController.haproxy(), '/a*b')).toBe(''); // HAProxy has no such rule
  });
});

describe('GKE Ingress', () => {
  test('the class as annotation (GKE ignores spec.ingressClassName), a static IP, the redirect as a FrontendConfig', () => {
    const objects = route(IngressController.gke({ staticIpName: 'shop-ip' }));
    const ing = ingress(objects);
    expect(ing.spec.ingressClassName).toBeUndefined();
    expect(ing.metadata.annotations).toEqual({
      'cert-manager.io/cluster-issuer': 'letsencrypt-prod',
      'kubernetes.io/ingress.class': 'gce',
      'kubernetes.io/ingress.global-static-ip-name': 'shop-ip',
      'networking.gke.io/v1beta1.FrontendConfig': 'shop-frontend',
    });
    expect(only(objects, 'FrontendConfig')).toMatchObject({ apiVersion: 'networking.gke.io/v1beta1', metadata: { name: 'shop-frontend', namespace: 'shop' }, spec: { redirectToHttps: { enabled: true } } });
    expect(Validator.validate(objects).filter((f) => f.severity === Severity.ERROR)).toEqual([]);
    expect(Validator.validate(objects).map((f) => f.ruleId)).not.toContain('SCH-005');
  });

  test('internal: the regional static IP; no FrontendConfig without a redirect; a class annotation of the user\'s is refused', () => {
    const objects = route(IngressController.gke({ ingressClass: GkeIngressClass.INTERNAL, staticIpName: 'ilb' }), CM(), { sslRedirect: false });
    expect(ingress(objects).metadata.annotations['kubernetes.io/ingress.regional-static-ip-name']).toBe('ilb');
    expect(ofKind(objects, 'FrontendConfig')).toEqual([]);
    expect(refusal(IngressController.gke(), CM(), { annotations: { 'kubernetes.io/ingress.class': 'gce-internal' } }))
      .toContain('test/r: annotations["kubernetes.io/ingress.class"] "gce-internal" is set by output ingressClass. Remove it from annotations and use output ingressClass.');
  });
});

describe('the community ingress-nginx: by explicit choice, with a warning naming its end of life', () => {
  test('the route synthesizes; rule ING-016 warns at synth, naming March 2026', () => {
    const app = new App();
    const warnings = Warnings.of(app);
    warnings.sink = Warnings.SILENT;
    const chart = new Chart(app, 'test', { namespace: 'shop' });
    new WebRoute(chart, 'r', { output: RouteOutput.ingress(IngressController.ingressNginx()), tls: TlsSource.noneInsecurePlainHttp(), rules: [{ host: 'a.example.com', backend: RouteBackend.service(web(chart)) }] });
    app.synthYaml();
    expect(warnings.messages().join('\n')).toMatch(/^warning ING-016 Ingress\/\S+ \(test\/r\/Resource\): is served by the community ingress-nginx controller \(class nginx\), which reached its end of life in March 2026\. Fix: Move the route to the Gateway API or to a maintained controller/m);
  });

  test('its path character rule applies to it, and only to it', () => {
    const add = (controller: IngressController) => errorOf((chart) =>
      new WebRoute(chart, 'r', { output: RouteOutput.ingress(controller), tls: CM() }).addRule('a.example.com', '/favicon.ico', RouteBackend.service(web(chart)), { pathType: RoutePathType.EXACT }));
    expect(add(IngressController.ingressNginx())).toContain('which ingress-nginx refuses in Exact paths');
    for (const c of [IngressController.traefik(), IngressController.haproxy(), IngressController.f5Nginx(), IngressController.gke()]) expect(add(c)).toBe('');
  });
});

describe('a custom controller: its class only', () => {
  test('no annotations; a route with TLS must say sslRedirect: false (the library cannot promise the redirect)', () => {
    expect(ingress(route(IngressController.custom({ className: 'contour' }), CM(), { sslRedirect: false }))).toMatchObject({
      metadata: { annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt-prod' } }, spec: { ingressClassName: 'contour' },
    });
    expect(refusal(IngressController.custom({ className: 'contour' }))).toContain(
      'test/r: sslRedirect true cannot be rendered for IngressController.custom (class contour): the library does not know how that controller redirects to HTTPS. Configure the redirect in the controller and set sslRedirect: false');
    expect(refusal(IngressController.custom({ className: 'Contour' }), CM(), { sslRedirect: false })).toContain('test/r: output className "Contour" is not a valid IngressClass name');
  });
});

describe('backends the app does not define, and resource backends', () => {
  test('a Service by name and port: rendered by number, with the suppression of ING-007 carrying the reason', () => {
    const objects = synth((chart) => new WebRoute(chart, 'r', {
      name: 'shop',
      output: RouteOutput.ingress(IngressController.haproxy()),
      tls: CM(),
      rules: [{ host: 'shop.example.com', path: '/checkout', backend: RouteBackend.serviceName('checkout', { port: 8080 }) }],
    }), { namespace: 'shop' });
    const ing = ingress(objects);
    expect(ing.spec.rules[0].http.paths[0].backend).toEqual({ service: { name: 'checkout', port: { number: 8080 } } });
    expect(ing.metadata.annotations['golden-paths.dev/suppress.ING-007']).toBe('Service checkout is outside this app (RouteBackend.serviceName): it is deployed by other means');
    expect(Validator.validate(objects).filter((f) => f.ruleId === 'ING-007')).toEqual([]);
  });

  test('a Service by name refuses a missing port, a bad name, and (Ingress) another namespace', () => {
    const msg = errorOf((chart) => new WebRoute(chart, 'r', {
      output: RouteOutput.ingress(IngressController.haproxy()),
      tls: CM(),
      rules: [
        { host: 'a.example.com', backend: RouteBackend.serviceName('Checkout', {} as any) },
        { host: 'b.example.com', backend: RouteBackend.serviceName('checkout', { port: 8080, namespace: 'payments' }) },
      ],
    }), { namespace: 'shop' });
    expect(msg).toContain('test/r: rules[0] backend "Checkout" is not a Service name (DNS label');
    expect(msg).toContain('test/r: rules[0] backend port (not set) is not a port number (1-65535); a Service outside the app is routed to by port number');
    expect(msg).toContain('test/r: rules[1] backend "Service checkout" is in namespace "payments", but the route is in "shop": an Ingress routes only to Services of its own namespace');
  });

  test('a resource backend: the Ingress resource field; a port is refused', () => {
    const objects = synth((chart) => new WebRoute(chart, 'r', {
      output: RouteOutput.ingress(IngressController.haproxy()),
      tls: CM(),
      name: 'shop',
      rules: [{ host: 'static.example.com', backend: RouteBackend.resource({ apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'static-assets' }) }],
    }));
    expect(ingress(objects).spec.rules[0].http.paths[0].backend).toEqual({ resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'static-assets' } });
    expect(Validator.validate(objects).filter((f) => f.severity === Severity.ERROR)).toEqual([]);
    expect(errorOf((chart) => new WebRoute(chart, 'r', {
      output: RouteOutput.ingress(IngressController.haproxy()),
      tls: CM(),
      rules: [{ host: 'static.example.com', backend: RouteBackend.resource({ kind: 'Storage Bucket', name: 'static', port: 80 }) }],
    }))).toMatch(/rules\[0\] backend kind "Storage Bucket" is not a kind[\s\S]*rules\[0\] backend port 80 is set, but an Ingress resource backend has no port/);
  });
});
