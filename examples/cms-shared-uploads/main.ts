/**
 * A CMS whose three web replicas, spread over nodes, share two volumes:
 * - `uploads`: files editors upload, on an existing NFS export (static PersistentVolume bound to its claim);
 * - `media-cache`: rendered thumbnails, on CephFS provisioned by Rook (dynamic, from a FileStorageClass).
 * Pods meet Pod Security "restricted" (cdk8s-plus-27 defaults do not: capabilities and seccomp are added here).
 *
 * In your own app, import from 'cdk8s-golden-paths' instead of '../../src'.
 */
import { ApiObject, App, Chart, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { FileProvisioner, FileStorageClass, SharedRwxVolume, SharedVolumeBackend } from '../../src';

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
      securityContext: { ensureNonRoot: true, user: 10001, group: 10001, fsGroup: 10001 },
      containers: [{
        name: 'web',
        image: 'ghcr.io/example/cms:4.2.0',
        portNumber: 8080,
        resources: {
          cpu: { request: kplus.Cpu.millis(250), limit: kplus.Cpu.millis(1000) },
          memory: { request: Size.mebibytes(256), limit: Size.mebibytes(512) },
        },
        securityContext: {
          ensureNonRoot: true,
          user: 10001,
          group: 10001,
          allowPrivilegeEscalation: false,
          privileged: false,
          readOnlyRootFilesystem: true,
          // Kubernetes spells "drop everything" ALL; cdk8s-plus-27's Capability enum has no such member.
          capabilities: { drop: ['ALL' as kplus.Capability] },
        },
      }],
    });
    web.podMetadata.addLabel('golden-paths.dev/pod-security', 'restricted');
    // cdk8s-plus-27 has no seccomp setting: Pod Security "restricted" requires RuntimeDefault (or Localhost).
    ApiObject.of(web).addJsonPatch(JsonPatch.add('/spec/template/spec/securityContext/seccompProfile', { type: 'RuntimeDefault' }));

    uploads.mountInWorkload(web, '/var/www/uploads');
    mediaCache.mount(web.containers[0], '/var/www/cache/media', { subPath: 'thumbnails' });
  }
}

const app = new App();
new CmsChart(app, 'cms-shared-uploads');
app.synth();
