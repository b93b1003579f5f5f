/**
 * A shop behind Traefik: a web front end and an API on shop.example.com (and www.shop.example.com), with a certificate
 * from cert-manager and HTTP redirected to HTTPS, plus the API on a second host, api.example.com, with larger uploads.
 * Both workloads run under Pod Security "restricted". The same shop on the Gateway API: examples/shop-gateway (the
 * routes differ by their `output` prop).
 *
 * In your own app, import from 'cdk8s-golden-paths' instead of '../../src'.
 */
import { App, Chart, Size } from 'cdk8s';
import { Cpu, Deployment, Protocol, Service } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { IngressController, PlatformDefaults, PodHardening, RouteBackend, RouteOutput, RoutePathType, WebRoute } from '../../src';

/**
 * A Deployment whose pods meet Pod Security "restricted": PodHardening sets non-root uid/gid, no privilege
 * escalation, every capability dropped, RuntimeDefault seccomp and a read-only root file system with /tmp writable.
 */
function restrictedDeployment(scope: Construct, id: string, image: string, port: number, uid: number): Deployment {
  const deployment = new Deployment(scope, id, {
    replicas: 2,
    containers: [{
      name: id,
      image,
      ports: [{ number: port, protocol: Protocol.TCP, name: 'http' }],
      resources: {
        cpu: { request: Cpu.millis(100), limit: Cpu.millis(500) },
        memory: { request: Size.mebibytes(128), limit: Size.mebibytes(256) },
      },
    }],
  });
  PodHardening.apply(deployment, { uid, writableDirs: ['/tmp'] });
  return deployment;
}

export class ShopChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'shop' });

    const web = restrictedDeployment(this, 'web', 'docker.io/nginxinc/nginx-unprivileged:1.27.2-alpine', 8080, 101);
    const api = restrictedDeployment(this, 'api', 'ghcr.io/acme/shop-api:1.4.2', 8080, 10001);
    const webService = new Service(this, 'web-service', { selector: web, ports: [{ name: 'http', port: 80, targetPort: 8080 }] });
    const apiService = new Service(this, 'api-service', { selector: api, ports: [{ name: 'http', port: 80, targetPort: 8080 }] });

    // One host with TLS from cert-manager (the ClusterIssuer comes from the platform defaults set on the app):
    // the front end at /, the API under /api; www. serves the front end with the same certificate. Traefik serves the
    // class `traefik`; the redirect to HTTPS is a RedirectScheme Middleware on its `web` entry point.
    const shop = new WebRoute(this, 'shop', { name: 'shop', output: RouteOutput.ingress(IngressController.traefik()) });
    shop.addRule('shop.example.com', '/', RouteBackend.service(webService, { portName: 'http' }));
    shop.addRule('shop.example.com', '/api', RouteBackend.service(apiService, { portName: 'http' }));
    shop.addRule('www.shop.example.com', '/', RouteBackend.service(webService, { portName: 'http' }), { pathType: RoutePathType.PREFIX });

    // A second host for API clients, with uploads of up to 16 MiB (a Buffering Middleware the route creates).
    new WebRoute(this, 'public-api', {
      name: 'public-api',
      output: RouteOutput.ingress(IngressController.traefik({ maxRequestBodySize: Size.mebibytes(16) })),
      rules: [{ host: 'api.example.com', backend: RouteBackend.service(apiService, { port: 80 }) }],
    });
  }
}

const app = new App();
PlatformDefaults.set(app, { certManagerClusterIssuer: 'letsencrypt-prod', labels: { 'app.kubernetes.io/part-of': 'shop' } });
new ShopChart(app, 'shop');
app.synth();
