/**
 * A CMS whose three web replicas, spread over nodes, share two volumes:
 * - `uploads`: files editors upload, on an existing NFS export (static PersistentVolume bound to its claim);
 * - `media-cache`: rendered thumbnails, on CephFS provisioned by Rook (dynamic, from a FileStorageClass).
 * Pods meet Pod Security "restricted" through one PodHardening call (cdk8s-plus-27 defaults do not).
 *
 * In your own app, import from 'cdk8s-golden-paths' instead of '../../src'.
 */
import { App, Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { FileProvisioner, FileStorageClass, PodHardening, SharedRwxVolume, SharedVolumeBackend } from '../../src';

export class CmsChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'cms' });

    const uploads = new SharedRwxVolume(this, 'uploads', {
      backend: SharedVolumeBackend.nfs({ server: 'nfs.storage.internal', path: '/exports/cms/uploads', capacity: Size.gibibytes(200) }),
      size: Size.gibibytes(200),
      mountOptions: ['nfsvers=4.1', 'hard', 'noatime'],
    });

    const cephfs = new FileStorageClass(this, 'cephfs-shared', {
      provisioner: FileProvisioner.cephfs({ fsName: 'cms-fs', pool: 'cms-fs-replicated' }),
    });
    const mediaCache = new SharedRwxVolume(this, 'media-cache', {
      backend: SharedVolumeBackend.storageClass(cephfs),
      size: Size.gibibytes(50),
    });

    const web = new kplus.Deployment(this, 'web', {
      replicas: 3,
      containers: [{
        name: 'web',
        image: 'ghcr.io/example/cms:4.2.0',
        portNumber: 8080,
        resources: {
          cpu: { request: kplus.Cpu.millis(250), limit: kplus.Cpu.millis(1000) },
          memory: { request: Size.mebibytes(256), limit: Size.mebibytes(512) },
        },
        readiness: kplus.Probe.fromHttpGet('/healthz', { port: 8080 }),
        liveness: kplus.Probe.fromHttpGet('/healthz', { port: 8080, failureThreshold: 6 }),
      }],
    });
    // one replica per node where the cluster can (a preference: a small cluster still schedules all three)
    web.scheduling.spread({ topology: kplus.Topology.HOSTNAME, weight: 100 });
    // only the ingress controller reaches the pods
    web.connections.allowFrom(kplus.Namespaces.select(this, 'ingress-controller', { names: ['traefik'] }), { ports: [kplus.NetworkPolicyPort.tcp(8080)] });
    // Pod Security "restricted" (cdk8s-plus-27 defaults are not): the CMS runs as 10001 and writes only to its volumes.
    PodHardening.apply(web, { uid: 10001, writableDirs: [] });

    uploads.mountInWorkload(web, '/var/www/uploads');
    mediaCache.mount(web.containers[0], '/var/www/cache/media', { subPath: 'thumbnails' });
  }
}

const app = new App();
new CmsChart(app, 'cms-shared-uploads');
app.synth();
