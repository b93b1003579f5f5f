/**
 * The Exoscale SKS web-server scenario, as its storage guide builds it by hand: a StatefulSet `web-server` of three
 * nginx replicas, each with its own 10Gi ReadWriteOnce claim `www` on the `exoscale-block-storage` class SKS
 * installs, served over HTTPS through an Ingress (here for Traefik). Here nginx is its unprivileged build (uid 101, port 8080), so
 * every pod runs under Pod Security "restricted"; the claims are retained when the StatefulSet is deleted or scaled
 * down (Retain/Retain), and a PodDisruptionBudget lets node drains take one replica at a time.
 *
 * The content of each replica's `www` volume is yours to fill (e.g. `kubectl cp site/ web/web-server-0:/usr/share/nginx/html`).
 * Created out of band: the cert-manager ClusterIssuer `letsencrypt-prod`.
 *
 * In your own app, import from 'cdk8s-golden-paths' instead of '../../src'.
 */
import { App, Chart, Size } from 'cdk8s';
import { Cpu, Probe } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { ExistingStorageClass, IngressController, RouteBackend, RouteOutput, StatefulWorkload, TlsSource, WebRoute } from '../../src';

export class ExoscaleWebServerChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'web' });

    const web = new StatefulWorkload(this, 'web-server', {
      replicas: 3,
      uid: 101, // the nginx user of nginxinc/nginx-unprivileged
      containers: [{
        name: 'nginx',
        image: 'docker.io/nginxinc/nginx-unprivileged:1.27.3-alpine',
        ports: [{ number: 8080, name: 'http' }],
        // a TCP check: a fresh, empty www volume answers 403 on / until content is copied in
        readiness: Probe.fromTcpSocket({ port: 8080 }),
        resources: {
          cpu: { request: Cpu.millis(100), limit: Cpu.millis(500) },
          memory: { request: Size.mebibytes(64), limit: Size.mebibytes(128) },
        },
      }],
      // Exoscale Block Storage takes whole GiB only: Size.gibibytes, never 10G.
      volumeClaimTemplates: [{ name: 'www', size: Size.gibibytes(10), storageClass: ExistingStorageClass.exoscaleBlockStorage() }],
      mounts: [{ claim: 'www', path: '/usr/share/nginx/html' }],
    });

    new WebRoute(this, 'www', {
      name: 'web-server',
      output: RouteOutput.ingress(IngressController.traefik()),
      tls: TlsSource.certManagerClusterIssuer('letsencrypt-prod'),
      rules: [{ host: 'www.example.com', backend: RouteBackend.service(web.service!, { portName: 'http' }) }],
    });
  }
}

const app = new App();
new ExoscaleWebServerChart(app, 'exoscale-web-server');
app.synth();
