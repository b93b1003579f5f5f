/**
 * A single PostgreSQL instance on Exoscale Block Storage (the `exoscale-block-storage` class SKS installs), with nightly
 * logical dumps and a client API allowed through the database's default-deny NetworkPolicy and wired to it by environment
 * variables. One instance survives pod restarts but not the loss of its node's zone: examples/ha-postgres runs three
 * instances through CloudNativePG.
 *
 * The credentials Secret `orders-db-credentials` (key `password`) is created out of band, never in this app:
 *   kubectl -n shop create secret generic orders-db-credentials --from-literal=password="$(openssl rand -base64 24)"
 *
 * In your own app, import from 'cdk8s-golden-paths' instead of '../../src'.
 */
import { App, Chart, Cron, Size } from 'cdk8s';
import { Cpu, Deployment, Namespaces, NetworkPolicyPort, Probe, Secret, Topology } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { DatabaseEngine, ExistingStorageClass, PodHardening, StatefulDatabase } from '../../src';

export class ExoscalePostgresChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'shop' });

    const db = new StatefulDatabase(this, 'orders-db', {
      engine: DatabaseEngine.postgres({ version: '16.4' }),
      // Exoscale Block Storage takes whole GiB only: Size.gibibytes, never 20G.
      storage: { size: Size.gibibytes(20), storageClass: ExistingStorageClass.exoscaleBlockStorage() },
      credentials: { secret: Secret.fromSecretName(this, 'orders-db-credentials', 'orders-db-credentials') },
      cpu: Cpu.millis(500),
      memory: Size.gibibytes(2),
      backup: { size: Size.gibibytes(50), schedule: Cron.schedule({ minute: '30', hour: '2' }) },
    });

    // The client: a cdk8s-plus Deployment under Pod Security "restricted" (one PodHardening call).
    const api = new Deployment(this, 'orders-api', {
      replicas: 2,
      containers: [{
        name: 'api',
        image: 'registry.example.com/shop/orders-api:1.4.2',
        portNumber: 8080,
        resources: {
          cpu: { request: Cpu.millis(100) },
          memory: { request: Size.mebibytes(256), limit: Size.mebibytes(256) },
        },
        readiness: Probe.fromHttpGet('/healthz', { port: 8080 }),
        liveness: Probe.fromHttpGet('/healthz', { port: 8080, failureThreshold: 6 }),
      }],
    });
    PodHardening.apply(api, { uid: 10001, writableDirs: [] });
    api.scheduling.spread({ topology: Topology.HOSTNAME, weight: 100 });
    // the API's own clients: the ingress controller only
    api.connections.allowFrom(Namespaces.select(this, 'ingress-controller', { names: ['traefik'] }), { ports: [NetworkPolicyPort.tcp(8080)] });

    // One call: a NetworkPolicy rule for the API's pods, plus ORDERS_DB_HOST/PORT/USER/PASSWORD (password from the Secret).
    db.connect(api, { envPrefix: 'ORDERS_DB' });
  }
}

const app = new App();
new ExoscalePostgresChart(app, 'exoscale-postgres');
app.synth();
