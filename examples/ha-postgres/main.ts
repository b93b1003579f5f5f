/**
 * Highly available PostgreSQL on Exoscale SKS through CloudNativePG: three instances on `exoscale-block-storage`
 * (streaming replication, automated failover, one instance per node, spread over zones), scheduled volume-snapshot
 * backups, and an API connected to the read-write endpoint (`orders-db-rw`), with the read-only endpoint
 * (`orders-db-ro`) for its reporting queries.
 *
 * Prerequisites in the cluster (README "StatefulDatabase: which mode when"):
 *   - CloudNativePG 1.30 in `cnpg-system`:
 *       kubectl apply --server-side -f https://raw.githubusercontent.com/cloudnative-pg/cloudnative-pg/release-1.30/releases/cnpg-1.30.0.yaml
 *   - the CSI snapshot CRDs and controller, and a VolumeSnapshotClass for csi.exoscale.com named `exoscale-snapshots`,
 *     installed before the operator starts (CloudNativePG reads the CRDs at start).
 *   - the Secret of the application owner, a basic-auth Secret whose username is `orders`:
 *       kubectl -n shop create secret generic orders-db-app --type=kubernetes.io/basic-auth \
 *         --from-literal=username=orders --from-literal=password="$(openssl rand -base64 24)"
 *
 * In your own app, import from 'cdk8s-golden-paths' instead of '../../src'.
 */
import { App, Chart, Cron, Size } from 'cdk8s';
import { Cpu, Deployment, Namespaces, NetworkPolicyPort, Probe, Secret, Topology } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { BackupMethod, DatabaseEngine, DatabaseRuntime, ExistingStorageClass, PodHardening, ResourcePreset, StatefulDatabase } from '../../src';

export class HaPostgresChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'shop' });

    const db = new StatefulDatabase(this, 'orders-db', {
      engine: DatabaseEngine.postgres({ version: '16.4' }),
      runtime: DatabaseRuntime.cloudNativePg(),
      replicas: 3,
      database: 'orders',
      storage: {
        size: Size.gibibytes(20),
        storageClass: ExistingStorageClass.exoscaleBlockStorage({ snapshotClassName: 'exoscale-snapshots' }),
      },
      credentials: { secret: Secret.fromSecretName(this, 'orders-db-app', 'orders-db-app'), username: 'orders' },
      resources: ResourcePreset.MEDIUM,
      backup: { method: BackupMethod.VOLUME_SNAPSHOT, schedule: Cron.schedule({ minute: '0', hour: '3' }) },
    });

    const api = new Deployment(this, 'orders-api', {
      replicas: 2,
      securityContext: { ensureNonRoot: true, user: 10001, group: 10001 },
      containers: [{
        name: 'api',
        image: 'registry.example.com/shop/orders-api:1.4.2',
        portNumber: 8080,
        resources: { cpu: { request: Cpu.millis(100) }, memory: { request: Size.mebibytes(256), limit: Size.mebibytes(256) } },
        securityContext: { ensureNonRoot: true, user: 10001, group: 10001, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, privileged: false },
        readiness: Probe.fromHttpGet('/healthz', { port: 8080 }),
        liveness: Probe.fromHttpGet('/healthz', { port: 8080, failureThreshold: 6 }),
      }],
    });
    api.scheduling.spread({ topology: Topology.HOSTNAME, weight: 100 });
    // the API's own clients: the ingress controller only
    api.connections.allowFrom(Namespaces.select(this, 'ingress-controller', { names: ['traefik'] }), { ports: [NetworkPolicyPort.tcp(8080)] });

    PodHardening.apply(api, { uid: 10001, writableDirs: [] }); // Pod Security "restricted"

    // ORDERS_DB_HOST (orders-db-rw), ORDERS_DB_READ_ONLY_HOST (orders-db-ro), _PORT, _USER, _PASSWORD (from the Secret), _NAME
    db.connect(api, { envPrefix: 'ORDERS_DB' });
  }
}

const app = new App();
new HaPostgresChart(app, 'ha-postgres');
app.synth();
