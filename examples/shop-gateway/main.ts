/**
 * The shop of examples/shop on the Gateway API: the same web front end and API, the same hosts, paths and backends;
 * what changes is each route's `output` prop. The routes attach to the platform's Gateway `public` in namespace
 * `gateway-system` (its HTTPS listener `https`, and its `http` listener for the redirect to HTTPS), and the checkout
 * path reaches the payments team's Service in namespace `payments` through a ReferenceGrant the route emits.
 *
 * Two charts, two files: `shop.k8s.yaml` is what the shop team deploys; `gateway-system.k8s.yaml` is the platform's
 * Gateway as the platform team publishes it, declared here so the validator checks the routes against its listeners
 * (hostnames covered, this namespace admitted) at synth. The shop team does not deploy it.
 *
 * In your own app, import from 'cdk8s-golden-paths' instead of '../../src'.
 */
import { ApiObject, App, Chart, Duration, Size } from 'cdk8s';
import { Cpu, Deployment, Protocol, Service } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { GatewayRef, PlatformChart, PlatformDefaults, PodHardening, RouteBackend, RouteOutput, WebRoute } from '../../src';

/** The platform's Gateway: where every team's HTTPRoutes attach. */
const PUBLIC_GATEWAY = GatewayRef.platform({ name: 'public', namespace: 'gateway-system', sectionName: 'https', httpSectionName: 'http' });

/**
 * A Deployment whose pods meet Pod Security "restricted" (as in examples/shop): PodHardening sets non-root uid/gid,
 * no privilege escalation, every capability dropped, RuntimeDefault seccomp and a read-only root file system with
 * /tmp writable.
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

/** The shop team's chart: its namespace carries the label the platform's Gateway admits routes by. */
export class ShopGatewayChart extends PlatformChart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'shop', createNamespace: true });
    this.namespaceObject!.metadata.addLabel('gateway.acme.com/public', 'true');

    const web = restrictedDeployment(this, 'web', 'docker.io/nginxinc/nginx-unprivileged:1.27.2-alpine', 8080, 101);
    const api = restrictedDeployment(this, 'api', 'ghcr.io/acme/shop-api:1.4.2', 8080, 10001);
    const webService = new Service(this, 'web-service', { selector: web, ports: [{ name: 'http', port: 80, targetPort: 8080 }] });
    const apiService = new Service(this, 'api-service', { selector: api, ports: [{ name: 'http', port: 80, targetPort: 8080 }] });

    // examples/shop writes `output: RouteOutput.ingress(IngressController.traefik())`; this is the one prop that changes.
    // TLS is the Gateway's (its HTTPS listener holds the certificate): the route attaches to it, and a RequestRedirect
    // route on the `http` listener sends plain HTTP to HTTPS.
    const shop = new WebRoute(this, 'shop', { name: 'shop', output: RouteOutput.gatewayApi({ gateway: PUBLIC_GATEWAY }) });
    shop.addRule('shop.example.com', '/', RouteBackend.service(webService, { portName: 'http' }));
    shop.addRule('shop.example.com', '/api', RouteBackend.service(apiService, { portName: 'http' }));
    // the payments team's checkout Service, in its own namespace: the route emits the ReferenceGrant there
    shop.addRule('shop.example.com', '/checkout', RouteBackend.serviceName('checkout', { port: 8080, namespace: 'payments' }));

    // The API for clients on its own host. The Gateway API has no request body limit (the Ingress version sets 16 MiB
    // on Traefik): that is the Gateway implementation's policy. Requests may take two minutes.
    new WebRoute(this, 'public-api', {
      name: 'public-api',
      output: RouteOutput.gatewayApi({ gateway: PUBLIC_GATEWAY }),
      timeouts: { request: Duration.minutes(2) },
      rules: [{ host: 'api.example.com', backend: RouteBackend.service(apiService, { port: 80 }) }],
    });
  }
}

/**
 * The platform team's Gateway, as it publishes it: a plain HTTP listener open to every namespace (for redirects), and
 * an HTTPS listener for *.example.com with a cert-manager certificate, open to namespaces labelled
 * `gateway.acme.com/public: "true"`.
 */
export class GatewaySystemChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'gateway-system' });
    new ApiObject(this, 'public', {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'public', annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt-prod' } },
      spec: {
        gatewayClassName: 'cilium',
        listeners: [
          { name: 'http', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'All' } } },
          {
            name: 'https',
            hostname: '*.example.com',
            port: 443,
            protocol: 'HTTPS',
            tls: { mode: 'Terminate', certificateRefs: [{ group: '', kind: 'Secret', name: 'wildcard-example-com-tls' }] },
            allowedRoutes: { namespaces: { from: 'Selector', selector: { matchLabels: { 'gateway.acme.com/public': 'true' } } } },
          },
        ],
      },
    });
  }
}

const app = new App();
PlatformDefaults.set(app, { labels: { 'app.kubernetes.io/part-of': 'shop' } });
new ShopGatewayChart(app, 'shop');
new GatewaySystemChart(app, 'gateway-system');
app.synth();
