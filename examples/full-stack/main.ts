/**
 * The four constructs together, on AWS: a web shop whose pods share an uploads directory and talk to PostgreSQL,
 * served over HTTPS.
 * - `BlockStorageClass`: gp3 EBS volumes (encrypted, Retain, WaitForFirstConsumer) for the database;
 * - `StatefulDatabase`: a 3-instance PostgreSQL on that class through CloudNativePG (replication, failover), default-deny NetworkPolicy;
 * - `SharedRwxVolume`: an uploads directory on EFS (an access point per volume), mounted read-write by every web pod;
 * - `WebRoute`: shop.example.com on an internet-facing ALB (AWS Load Balancer Controller) with its certificate from
 *   AWS Certificate Manager (found by host), HTTP redirected to HTTPS.
 * The web pods run under Pod Security "restricted" and reach the database through `db.connect`.
 *
 * Created out of band, never in this app: the Secret `shop-db-credentials` (key `password`), e.g.
 *   kubectl -n shop create secret generic shop-db-credentials --from-literal=password="$(openssl rand -base64 24)"
 * and an ACM certificate for shop.example.com.
 *
 * In your own app, import from 'cdk8s-golden-paths' instead of '../../src'.
 */
import { App, Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import {
  AlbScheme, BlockProvisioner, BlockStorageClass, DatabaseEngine, DatabaseRuntime, EbsVolumeType, FileProvisioner,
  FileStorageClass, IngressController, PodHardening, RouteBackend, RouteOutput, SharedRwxVolume, SharedVolumeBackend,
  StatefulDatabase, TlsSource, TopologyGraph, WebRoute,
} from '../../src';

/** The uid and gid of the web app: owner of the EFS access point, so every web pod can write the uploads. */
const WEB_UID = 10001;

export class FullStackChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'shop' });

    // Block storage for the database: one gp3 volume per replica, in the zone of its pod.
    const gp3 = new BlockStorageClass(this, 'ebs-gp3', {
      provisioner: BlockProvisioner.awsEbs({ volumeType: EbsVolumeType.GP3, iops: 6000, throughputMiBps: 250, encrypted: true }),
    });

    const db = new StatefulDatabase(this, 'shop-db', {
      engine: DatabaseEngine.postgres({ version: '16.4' }),
      runtime: DatabaseRuntime.cloudNativePg(),
      replicas: 3,
      storage: { size: Size.gibibytes(50), storageClass: gp3 },
      credentials: { secret: kplus.Secret.fromSecretName(this, 'shop-db-credentials', 'shop-db-credentials') },
      cpu: kplus.Cpu.millis(500),
      memory: Size.gibibytes(2),
    });

    // Shared file storage for uploads: EFS can be mounted read-write on many nodes at once (block storage cannot).
    const efs = new FileStorageClass(this, 'efs-uploads', {
      provisioner: FileProvisioner.awsEfs({ fileSystemId: 'fs-0123456789abcdef0', uid: WEB_UID, gid: WEB_UID, directoryPerms: '750' }),
    });
    const uploads = new SharedRwxVolume(this, 'uploads', {
      backend: SharedVolumeBackend.storageClass(efs),
      size: Size.gibibytes(100),
    });

    // The web app: three replicas spread over nodes, under Pod Security "restricted".
    const web = new kplus.Deployment(this, 'web', {
      replicas: 3,
      containers: [{
        name: 'web',
        image: 'ghcr.io/example/shop-web:2.3.1',
        ports: [{ number: 8080, name: 'http' }],
        resources: {
          cpu: { request: kplus.Cpu.millis(250), limit: kplus.Cpu.millis(1000) },
          memory: { request: Size.mebibytes(512), limit: Size.mebibytes(512) },
        },
      }],
    });
    // Pod Security "restricted" in one call: non-root uid/gid, seccomp RuntimeDefault, capabilities dropped, no
    // escalation, read-only root with /tmp writable, no service-account token.
    PodHardening.apply(web, { uid: WEB_UID, writableDirs: ['/tmp'] });

    uploads.mountInWorkload(web, '/var/www/uploads');
    // A NetworkPolicy rule letting the web pods in, plus SHOP_DB_HOST/PORT/USER/PASSWORD (password from the Secret).
    db.connect(web, { envPrefix: 'SHOP_DB' });

    const webService = new kplus.Service(this, 'web-service', {
      selector: web,
      ports: [{ name: 'http', port: 80, targetPort: 8080 }],
    });
    new WebRoute(this, 'shop', {
      name: 'shop',
      output: RouteOutput.ingress(IngressController.awsLoadBalancer({ scheme: AlbScheme.INTERNET_FACING })),
      tls: TlsSource.awsCertificateManager(),
      rules: [{ host: 'shop.example.com', backend: RouteBackend.service(webService, { portName: 'http' }) }],
    });
  }
}

const app = new App();
new FullStackChart(app, 'full-stack');
// The picture of what this app deploys, written next to the manifests at each synth that passes:
// dist/full-stack/full-stack.topology.md (GitHub renders its Mermaid block).
TopologyGraph.writeAtSynth(app);
app.synth();
