import { App, Chart, ChartProps, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { PersistentVolumeAccessMode, PersistentVolumeReclaimPolicy } from 'cdk8s-plus-27';
import { BlockProvisioner, BlockStorageClass, ExistingStorageClass, FileProvisioner, FileStorageClass, Finding, GoldenPathValidation, PlatformDefaults, SharedRwxVolume, SharedVolumeBackend, StorageSystemId, Validator, Warnings } from '../../src';
import { errorOf, only, synth } from '../util';

/** Synthesizes and returns the objects with every finding of the app (warnings included). */
function synthWithFindings(build: (chart: Chart) => void, props: ChartProps = {}): { objects: any[]; findings: Finding[] } {
  const app = new App();
  Warnings.of(app).sink = Warnings.SILENT;
  const chart = new Chart(app, 'test', props);
  build(chart);
  const objects = chart.toJson();
  return { objects, findings: GoldenPathValidation.of(app).findings() };
}

const nfs = () => SharedVolumeBackend.nfs({ server: 'nfs.internal', path: '/exports/uploads' });

describe('SharedRwxVolume: dynamic backends', () => {
  const classes: Array<[string, (chart: Chart) => any]> = [
    ['nfs-csi', (c) => new FileStorageClass(c, 'nfs', { provisioner: FileProvisioner.nfs({ server: 'nfs.internal', share: '/exports/k8s' }) })],
    ['cephfs', (c) => new FileStorageClass(c, 'cephfs', { provisioner: FileProvisioner.cephfs({ fsName: 'myfs' }) })],
    ['azure-files', (c) => new FileStorageClass(c, 'azurefile', { provisioner: FileProvisioner.azureFiles() })],
    ['efs', (c) => new FileStorageClass(c, 'efs', { provisioner: FileProvisioner.awsEfs({ fileSystemId: 'fs-0123456789abcdef0' }) })],
    ['vsphere-file', (c) => new FileStorageClass(c, 'vsan-file', { provisioner: FileProvisioner.vsphereFile() })],
    ['longhorn', (c) => new BlockStorageClass(c, 'longhorn', { provisioner: BlockProvisioner.longhorn() })],
    ['portworx-sharedv4', (c) => new BlockStorageClass(c, 'px-shared', { provisioner: BlockProvisioner.portworx({ sharedv4: true }) })],
    ['existing-cephfs', () => ExistingStorageClass.fromName('ceph-filesystem', StorageSystemId.CEPHFS, { provisioner: 'rook-ceph.cephfs.csi.ceph.com' })],
  ];

  test.each(classes)('%s: a ReadWriteMany claim of the class, no PV', (_name, makeClass) => {
    const { objects, findings } = synthWithFindings((chart) => {
      const cls = makeClass(chart);
      new SharedRwxVolume(chart, 'uploads', { backend: SharedVolumeBackend.storageClass(cls), size: Size.gibibytes(20) });
    }, { namespace: 'shop' });
    const pvc = only(objects, 'PersistentVolumeClaim');
    expect(pvc.metadata).toMatchObject({ name: 'uploads', namespace: 'shop', labels: { 'app.kubernetes.io/managed-by': 'cdk8s-golden-paths' } });
    expect(pvc.spec.accessModes).toEqual(['ReadWriteMany']);
    expect(pvc.spec.resources.requests.storage).toBe('20Gi');
    expect(pvc.spec.volumeName).toBeUndefined();
    expect(objects.filter((o) => o.kind === 'PersistentVolume')).toEqual([]);
    expect(findings).toEqual([]);
    expect(objects).toMatchSnapshot();
  });

  test('ReadOnlyMany on NFS CSI', () => {
    const pvc = only(synth((chart) => {
      const cls = new FileStorageClass(chart, 'nfs', { provisioner: FileProvisioner.nfs({ server: 's', share: '/x' }) });
      new SharedRwxVolume(chart, 'docs', { backend: SharedVolumeBackend.storageClass(cls), size: Size.gibibytes(1), accessMode: PersistentVolumeAccessMode.READ_ONLY_MANY });
    }), 'PersistentVolumeClaim');
    expect(pvc.spec.accessModes).toEqual(['ReadOnlyMany']);
  });

  test('the platform default class is used when no backend is given', () => {
    const app = new App();
    Warnings.of(app).sink = Warnings.SILENT;
    PlatformDefaults.set(app, {
      sharedVolumeStorageClass: ExistingStorageClass.fromName('efs-sc', StorageSystemId.AWS_EFS),
      labels: { team: 'web' },
    });
    const chart = new Chart(app, 'test');
    new SharedRwxVolume(chart, 'cache', { size: Size.gibibytes(5) });
    const pvc = only(chart.toJson(), 'PersistentVolumeClaim');
    expect(pvc.spec.storageClassName).toBe('efs-sc');
    expect(pvc.metadata.labels).toEqual({ 'team': 'web', 'app.kubernetes.io/managed-by': 'cdk8s-golden-paths' });
  });
});

describe('SharedRwxVolume: static backends', () => {
  test('NFS export: PV and claim bound to each other, PV cluster-scoped, claim in the chart namespace', () => {
    let v: SharedRwxVolume | undefined;
    const { objects, findings } = synthWithFindings((chart) => {
      v = new SharedRwxVolume(chart, 'uploads', {
        backend: SharedVolumeBackend.nfs({ server: 'nfs.internal', path: '/exports/uploads', capacity: Size.gibibytes(100) }),
        size: Size.gibibytes(50),
        mountOptions: ['nfsvers=4.1', 'hard'],
      });
    }, { namespace: 'shop' });
    const pv = only(objects, 'PersistentVolume');
    const pvc = only(objects, 'PersistentVolumeClaim');
    expect(pv.metadata.name).toBe('shop-uploads');
    expect(pv.metadata.namespace).toBeUndefined();
    expect(pv.spec).toMatchObject({
      capacity: { storage: '100Gi' },
      accessModes: ['ReadWriteMany'],
      persistentVolumeReclaimPolicy: 'Retain',
      storageClassName: '',
      mountOptions: ['nfsvers=4.1', 'hard'],
      claimRef: { namespace: 'shop', name: 'uploads' },
      nfs: { server: 'nfs.internal', path: '/exports/uploads' },
    });
    expect(pvc.metadata.namespace).toBe('shop');
    expect(pvc.spec).toMatchObject({ volumeName: 'shop-uploads', storageClassName: '', resources: { requests: { storage: '50Gi' } } });
    expect(v!.persistentVolume).toBeDefined();
    expect(v!.persistentVolumeName).toBe('shop-uploads');
    expect(findings).toEqual([]);
    expect(objects).toMatchSnapshot();
  });

  test('NFS export without a chart namespace: claimRef and claim both say default', () => {
    const objects = synth((chart) => new SharedRwxVolume(chart, 'uploads', { backend: nfs(), size: Size.gibibytes(1) }));
    expect(only(objects, 'PersistentVolume').spec.claimRef.namespace).toBe('default');
    expect(only(objects, 'PersistentVolumeClaim').metadata.namespace).toBe('default');
  });

  test('existing EFS file system with an access point', () => {
    const { objects, findings } = synthWithFindings((chart) => {
      new SharedRwxVolume(chart, 'media', {
        backend: SharedVolumeBackend.efs({ fileSystemId: 'fs-0123456789abcdef0', accessPointId: 'fsap-0123456789abcdef0' }),
        size: Size.gibibytes(5),
        reclaimPolicy: PersistentVolumeReclaimPolicy.DELETE,
      });
    });
    const pv = only(objects, 'PersistentVolume');
    expect(pv.spec.csi).toEqual({ driver: 'efs.csi.aws.com', volumeHandle: 'fs-0123456789abcdef0::fsap-0123456789abcdef0' });
    expect(pv.spec.persistentVolumeReclaimPolicy).toBe('Delete');
    expect(findings).toEqual([]);
    expect(objects).toMatchSnapshot();
  });

  test('EFS sub-directory', () => {
    const pv = only(synth((chart) => new SharedRwxVolume(chart, 'm', {
      backend: SharedVolumeBackend.efs({ fileSystemId: 'fs-01', path: '/media' }), size: Size.gibibytes(1),
    })), 'PersistentVolume');
    expect(pv.spec.csi.volumeHandle).toBe('fs-01:/media');
  });

  test('S3 through Mountpoint: class "", mount options from the backend, semantics warning', () => {
    const { objects, findings } = synthWithFindings((chart) => {
      new SharedRwxVolume(chart, 'assets', {
        backend: SharedVolumeBackend.s3({
          bucketName: 'shop-assets', region: 'ch-gva-2', endpointUrl: 'https://sos-ch-gva-2.exo.io', prefix: 'public/', uid: 1000, gid: 1000,
        }),
        size: Size.gibibytes(1),
        accessMode: PersistentVolumeAccessMode.READ_ONLY_MANY,
      });
    }, { namespace: 'shop' });
    const pv = only(objects, 'PersistentVolume');
    expect(pv.spec.storageClassName).toBe('');
    expect(pv.spec.accessModes).toEqual(['ReadOnlyMany']);
    expect(pv.spec.csi).toEqual({ driver: 's3.csi.aws.com', volumeHandle: 'shop-assets', volumeAttributes: { bucketName: 'shop-assets' }, readOnly: true });
    expect(pv.spec.mountOptions).toEqual(['uid=1000', 'gid=1000', 'allow-other', 'region ch-gva-2', 'prefix public/', 'endpoint-url https://sos-ch-gva-2.exo.io']);
    expect(pv.spec.mountOptions).not.toContain('allow-delete');
    expect(only(objects, 'PersistentVolumeClaim').spec.storageClassName).toBe('');
    expect(findings.map((f) => `${f.severity} ${f.ruleId}`)).toEqual(['warning STO-022']);
    expect(findings[0].message).toContain('No random writes');
    expect(objects).toMatchSnapshot();
  });

  test('the seed scenario: hostPath PV darwin-volume (10Gi, RWX, class dev), claim darwin-claim (3Gi), nginx at /usr/share/nginx/html', () => {
    const { objects, findings } = synthWithFindings((chart) => {
      const volume = new SharedRwxVolume(chart, 'darwin', {
        backend: SharedVolumeBackend.hostPath({ path: '/mnt/data', storageClassName: 'dev', capacity: Size.gibibytes(10) }),
        size: Size.gibibytes(3),
        claimName: 'darwin-claim',
        persistentVolumeName: 'darwin-volume',
      });
      const pod = new kplus.Pod(chart, 'nginx', { containers: [{ name: 'nginx', image: 'nginx', portNumber: 80, securityContext: { ensureNonRoot: false, readOnlyRootFilesystem: false } }] });
      volume.mountInWorkload(pod, '/usr/share/nginx/html');
    });
    const pv = only(objects, 'PersistentVolume');
    const pvc = only(objects, 'PersistentVolumeClaim');
    expect(pv.metadata.name).toBe('darwin-volume');
    expect(pv.spec).toMatchObject({ capacity: { storage: '10Gi' }, accessModes: ['ReadWriteMany'], storageClassName: 'dev', hostPath: { path: '/mnt/data' } });
    expect(pvc.metadata.name).toBe('darwin-claim');
    expect(pvc.spec).toMatchObject({ storageClassName: 'dev', volumeName: 'darwin-volume', resources: { requests: { storage: '3Gi' } }, accessModes: ['ReadWriteMany'] });
    const pod = only(objects, 'Pod');
    expect(pod.spec.volumes).toEqual([{ name: 'darwin-claim', persistentVolumeClaim: { claimName: 'darwin-claim', readOnly: false } }]);
    expect(pod.spec.containers[0].volumeMounts).toEqual([{ name: 'darwin-claim', mountPath: '/usr/share/nginx/html', readOnly: false }]);
    const mine = findings.filter((f) => f.ruleId.startsWith('STO') || f.ruleId.startsWith('API'));
    expect(mine.map((f) => `${f.severity} ${f.ruleId}`)).toEqual(['warning STO-021']);
    expect(mine[0].message).toContain('works on a single-node cluster only');
    expect(objects).toMatchSnapshot();
  });
});

describe('SharedRwxVolume: mounting', () => {
  test('into several workloads and containers, read-only and with subPath; as a cdk8s-plus Volume', () => {
    const objects = synth((chart) => {
      const v = new SharedRwxVolume(chart, 'uploads', { backend: nfs(), size: Size.gibibytes(1) });
      const web = new kplus.Deployment(chart, 'web', { replicas: 3, containers: [{ name: 'web', image: 'shop/web:1.0' }, { name: 'sidecar', image: 'shop/thumbs:1.0' }] });
      v.mountInWorkload(web, '/var/www/uploads');
      const worker = new kplus.Deployment(chart, 'worker', { containers: [{ name: 'worker', image: 'shop/worker:1.0' }] });
      v.mount(worker.containers[0], '/data/images', { readOnly: true, subPath: 'images' });
      const job = new kplus.Job(chart, 'backup', { containers: [{ name: 'backup', image: 'shop/backup:1.0' }] });
      job.addVolume(v.volume);
    });
    const [web, worker] = objects.filter((o) => o.kind === 'Deployment');
    const tpl = web.spec.template.spec;
    expect(tpl.volumes).toEqual([{ name: 'uploads', persistentVolumeClaim: { claimName: 'uploads', readOnly: false } }]);
    expect(tpl.containers.map((c: any) => c.volumeMounts)).toEqual([
      [{ name: 'uploads', mountPath: '/var/www/uploads', readOnly: false }],
      [{ name: 'uploads', mountPath: '/var/www/uploads', readOnly: false }],
    ]);
    expect(worker.spec.template.spec.containers[0].volumeMounts).toEqual([{ name: 'uploads', mountPath: '/data/images', readOnly: true, subPath: 'images' }]);
    expect(only(objects, 'Job').spec.template.spec.volumes[0].persistentVolumeClaim.claimName).toBe('uploads');
  });

  test('a ReadOnlyMany volume mounts read-only by default and refuses readOnly: false', () => {
    const objects = synth((chart) => {
      const v = new SharedRwxVolume(chart, 'docs', { backend: nfs(), size: Size.gibibytes(1), accessMode: PersistentVolumeAccessMode.READ_ONLY_MANY });
      const d = new kplus.Deployment(chart, 'd', { containers: [{ image: 'x' }] });
      v.mountInWorkload(d, '/docs');
    });
    expect(only(objects, 'PersistentVolume').spec.nfs.readOnly).toBe(true);
    expect(only(objects, 'Deployment').spec.template.spec.containers[0].volumeMounts[0].readOnly).toBe(true);
    expect(errorOf((chart) => {
      const v = new SharedRwxVolume(chart, 'docs', { backend: nfs(), size: Size.gibibytes(1), accessMode: PersistentVolumeAccessMode.READ_ONLY_MANY });
      v.mount(new kplus.Deployment(chart, 'd', { containers: [{ image: 'x' }] }).containers[0], '/docs', { readOnly: false });
    })).toContain('test/docs: mount readOnly false contradicts the volume\'s ReadOnlyMany access mode');
  });

  test('bad mount path and subPath are reported together', () => {
    const msg = errorOf((chart) => {
      const v = new SharedRwxVolume(chart, 'u', { backend: nfs(), size: Size.gibibytes(1) });
      v.mount(new kplus.Deployment(chart, 'd', { containers: [{ image: 'x' }] }).containers[0], 'uploads', { subPath: '../etc' });
    });
    expect(msg).toContain('mount path "uploads" is not an absolute path');
    expect(msg).toContain('mount subPath "../etc" must be a relative path without ..');
  });
});

describe('SharedRwxVolume refusals', () => {
  test('ReadWriteMany on a block-only class: says why and names the backends that can', () => {
    const msg = errorOf((chart) => {
      const sbs = new BlockStorageClass(chart, 'sbs', { provisioner: BlockProvisioner.exoscale() });
      new SharedRwxVolume(chart, 'uploads', { backend: SharedVolumeBackend.storageClass(sbs), size: Size.gibibytes(10) });
    });
    expect(msg).toContain('test/uploads: backend "sbs" is storage class "sbs" (Exoscale Block Storage), block storage: a block device is attached to one node at a time, so a ReadWriteMany claim never binds');
    expect(msg).toContain('Use a class of a system that gives ReadWriteMany to Filesystem claims: ');
    expect(msg).toContain('Portworx (a class with sharedv4: "true")');
    expect(msg).toContain('NFS (csi-driver-nfs)');
    expect(msg).toContain('CephFS (Rook)');
    expect(msg).toContain('BlockProvisioner.portworx({ sharedv4: true })');
  });

  test('Portworx without sharedv4 is block storage without ReadWriteMany', () => {
    expect(errorOf((chart) => {
      const px = new BlockStorageClass(chart, 'px', { provisioner: BlockProvisioner.portworx() });
      new SharedRwxVolume(chart, 'uploads', { backend: SharedVolumeBackend.storageClass(px), size: Size.gibibytes(10) });
    })).toContain('backend "px" is storage class "px" (Portworx), block storage');
  });

  test('a class from this library whose system lacks the access mode', () => {
    expect(errorOf((chart) => {
      const lh = new BlockStorageClass(chart, 'longhorn', { provisioner: BlockProvisioner.longhorn() });
      new SharedRwxVolume(chart, 'docs', { backend: SharedVolumeBackend.storageClass(lh), size: Size.gibibytes(1), accessMode: PersistentVolumeAccessMode.READ_ONLY_MANY });
    })).toContain('backend "longhorn" is storage class "longhorn" (Longhorn), block storage: a block device is attached to one node at a time, so a ReadOnlyMany claim never binds');
  });

  test('ReadOnlyMany refusals name only systems that serve ReadOnlyMany, never Longhorn, Portworx or the class just refused', () => {
    const rox = (provisioner: BlockProvisioner) => errorOf((chart) => {
      const cls = new BlockStorageClass(chart, 'cls', { provisioner });
      new SharedRwxVolume(chart, 'docs', { backend: SharedVolumeBackend.storageClass(cls), size: Size.gibibytes(1), accessMode: PersistentVolumeAccessMode.READ_ONLY_MANY });
    });
    for (const msg of [rox(BlockProvisioner.portworx({ sharedv4: true })), rox(BlockProvisioner.longhorn()), rox(BlockProvisioner.exoscale())]) {
      const fix = msg.slice(msg.indexOf('Use a class of a system that gives ReadOnlyMany to Filesystem claims: '));
      expect(fix).toContain('Azure Files');
      expect(fix).toContain('NFS (csi-driver-nfs)');
      expect(fix).not.toContain('Longhorn');
      expect(fix).not.toContain('Portworx');
      expect(fix).not.toContain('BlockProvisioner');
    }
    expect(rox(BlockProvisioner.portworx({ sharedv4: true }))).toContain('backend "cls" is storage class "cls" (Portworx), block storage');
  });

  test('the refused system\'s own family comes first: Amazon EFS for an EBS class', () => {
    const msg = errorOf((chart) => {
      const ebs = new BlockStorageClass(chart, 'gp3', { provisioner: BlockProvisioner.awsEbs() });
      new SharedRwxVolume(chart, 'uploads', { backend: SharedVolumeBackend.storageClass(ebs), size: Size.gibibytes(10) });
    });
    expect(msg).toContain('Use a class of a system that gives ReadWriteMany to Filesystem claims: Amazon EFS, Azure Files,');
  });

  test('a Portworx class without sharedv4 is told to set it, on the same system', () => {
    const msg = errorOf((chart) => {
      const px = new BlockStorageClass(chart, 'px', { provisioner: BlockProvisioner.portworx() });
      new SharedRwxVolume(chart, 'uploads', { backend: SharedVolumeBackend.storageClass(px), size: Size.gibibytes(10) });
    });
    expect(msg).toContain('Use a class of a system that gives ReadWriteMany to Filesystem claims: Portworx (a class with sharedv4: "true"), Azure Files,');
  });

  test('S3 with ReadWriteOnce', () => {
    expect(errorOf((chart) => new SharedRwxVolume(chart, 'a', {
      backend: SharedVolumeBackend.s3({ bucketName: 'shop-assets' }), size: Size.gibibytes(1), accessMode: PersistentVolumeAccessMode.READ_WRITE_ONCE,
    }))).toContain('accessMode "ReadWriteOnce" is not supported by S3 via Mountpoint (it supports ReadWriteMany, ReadOnlyMany)');
  });

  test('S3 as a storage class', () => {
    expect(errorOf((chart) => new SharedRwxVolume(chart, 'a', {
      backend: SharedVolumeBackend.storageClass(ExistingStorageClass.fromName('s3', StorageSystemId.S3_MOUNTPOINT)), size: Size.gibibytes(1),
    }))).toContain('cannot provision volumes dynamically: the claim would stay Pending. Use SharedVolumeBackend.s3({ bucketName })');
    expect(errorOf((chart) => new SharedRwxVolume(chart, 'a', {
      backend: SharedVolumeBackend.s3({ bucketName: 'b-1', storageClassName: 's3' } as any), size: Size.gibibytes(1),
    }))).toContain('backend.storageClassName "s3" cannot be used with S3');
  });

  test('a static volume smaller than the claim', () => {
    expect(errorOf((chart) => new SharedRwxVolume(chart, 'u', {
      backend: SharedVolumeBackend.nfs({ server: 's', path: '/x', capacity: Size.gibibytes(2) }), size: Size.gibibytes(3),
    }))).toContain('test/u: backend.capacity "2Gi" is smaller than size 3Gi: a claim binds only to a volume at least as large as its request');
  });

  test('GlusterFS: removed in 1.26, alternatives named', () => {
    const msg = errorOf((chart) => new SharedRwxVolume(chart, 'g', { backend: SharedVolumeBackend.glusterfs(), size: Size.gibibytes(1) }));
    expect(msg).toContain('test/g: backend "glusterfs" cannot be used: the in-tree glusterfs volume plugin was removed in Kubernetes 1.26');
    expect(msg).toContain('Amazon EFS');
    expect(msg).toContain('SharedVolumeBackend.nfs');
  });

  test('the PV never carries the chart namespace; a hand-written one is refused by the validator', () => {
    const objects = synth((chart) => new SharedRwxVolume(chart, 'u', { backend: nfs(), size: Size.gibibytes(1) }), { namespace: 'shop' });
    expect(only(objects, 'PersistentVolume').metadata.namespace).toBeUndefined();
    const pv = { ...only(objects, 'PersistentVolume') };
    pv.metadata = { ...pv.metadata, namespace: 'shop' };
    expect(Validator.validate([pv]).map((f) => f.ruleId)).toContain('STO-019');
  });

  test('ReadWriteOnce is not a shared mode', () => {
    expect(errorOf((chart) => new SharedRwxVolume(chart, 'u', { backend: nfs(), size: Size.gibibytes(1), accessMode: PersistentVolumeAccessMode.READ_WRITE_ONCE })))
      .toContain('accessMode "ReadWriteOnce" does not share the volume between nodes');
  });

  test('no backend and no platform default', () => {
    expect(errorOf((chart) => new SharedRwxVolume(chart, 'u', { size: Size.gibibytes(1) })))
      .toContain('backend (not set) is required (no PlatformDefaults.sharedVolumeStorageClass is set either)');
  });

  test('reclaimPolicy and mountOptions on a dynamic volume, a size below the class minimum: all at once', () => {
    const msg = errorOf((chart) => {
      const az = new FileStorageClass(chart, 'az', { provisioner: FileProvisioner.azureFiles({ skuName: 'Premium_LRS' as any }) });
      new SharedRwxVolume(chart, 'u', {
        backend: SharedVolumeBackend.storageClass(az), size: Size.gibibytes(10), reclaimPolicy: PersistentVolumeReclaimPolicy.RETAIN, mountOptions: ['hard'],
      });
    });
    expect(msg).toContain('3 problems');
    expect(msg).toContain('size "10Gi" is below the 100Gi minimum');
    expect(msg).toContain('reclaimPolicy "Retain" cannot be set for a dynamically provisioned volume');
    expect(msg).toContain('mountOptions ["hard"] cannot be set for a dynamically provisioned volume');
  });

  test('mount options on hostPath, bad path, bad size type', () => {
    const msg = errorOf((chart) => new SharedRwxVolume(chart, 'u', {
      backend: SharedVolumeBackend.hostPath({ path: 'data' }), size: '3Gi' as any, mountOptions: ['noatime'],
    }));
    expect(msg).toContain('size "3Gi" is not a Size');
    expect(msg).toContain('backend.path "data" is not an absolute path on the node');
    expect(msg).toContain('mountOptions ["noatime"] cannot be used with hostPath');
  });

  test('garbage from JavaScript callers is reported, not a TypeError', () => {
    expect(errorOf((chart) => new SharedRwxVolume(chart, 'u', undefined as any))).toContain('backend (not set) is required');
    expect(errorOf((chart) => new SharedRwxVolume(chart, 'u', { backend: SharedVolumeBackend.nfs(undefined as any), size: Size.gibibytes(1) })))
      .toContain('backend.server (not set) must name the NFS server');
    expect(errorOf((chart) => new SharedRwxVolume(chart, 'u', { backend: SharedVolumeBackend.storageClass(undefined as any), size: Size.gibibytes(1) })))
      .toContain('backend (not set) is not a storage class');
  });
});
