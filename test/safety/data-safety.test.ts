import * as fs from 'fs';
import * as path from 'path';
import { App, Chart, Cron, Size } from 'cdk8s';
import { Cpu, PersistentVolumeReclaimPolicy, Secret } from 'cdk8s-plus-27';
import { AzureFilesProtocol, AzureFilesSku, BlockProvisioner, BlockStorageClass, DatabaseEngine, DatabaseRuntime, ExistingStorageClass, FileProvisioner, FileStorageClass, NfsOnDelete, RemovalPolicy, SharedRwxVolume, SharedVolumeBackend, SnapshotDeletionPolicy, StatefulDatabase, StatefulDatabaseProps, StorageSystemId, Warnings } from '../../src';
import { ofKind, only, synth } from '../util';

/**
 * Data safety (issue 9): no default anywhere deletes user data on `kubectl delete` or scale-down, and every
 * opt-in that can delete data is named so that it reads as a warning in code review.
 */

const BLOCK: Array<[string, () => BlockProvisioner]> = [
  ['exoscale', () => BlockProvisioner.exoscale()],
  ['awsEbs', () => BlockProvisioner.awsEbs()],
  ['azureDisk', () => BlockProvisioner.azureDisk()],
  ['gcePd', () => BlockProvisioner.gcePd()],
  ['openstackCinder', () => BlockProvisioner.openstackCinder()],
  ['vsphere', () => BlockProvisioner.vsphere()],
  ['cephRbd', () => BlockProvisioner.cephRbd({ pool: 'replicapool' })],
  ['longhorn', () => BlockProvisioner.longhorn()],
  ['openebsMayastor', () => BlockProvisioner.openebsMayastor()],
  ['openebsLocalPv', () => BlockProvisioner.openebsLocalPv()],
  ['portworx', () => BlockProvisioner.portworx()],
  ['storageos', () => BlockProvisioner.storageos()],
  ['localStatic', () => BlockProvisioner.localStatic()],
];

const FILE: Array<[string, () => FileProvisioner]> = [
  ['nfs', () => FileProvisioner.nfs({ server: 'nfs.internal', share: '/exports/k8s' })],
  ['cephfs', () => FileProvisioner.cephfs({ fsName: 'myfs' })],
  ['azureFiles', () => FileProvisioner.azureFiles()],
  ['azureFiles NFS', () => FileProvisioner.azureFiles({ protocol: AzureFilesProtocol.NFS, skuName: AzureFilesSku.PREMIUM_LRS })],
  ['awsEfs', () => FileProvisioner.awsEfs({ fileSystemId: 'fs-0123456789abcdef0' })],
  ['vsphereFile', () => FileProvisioner.vsphereFile()],
];

function dbProps(chart: Chart, extra: Partial<StatefulDatabaseProps> = {}): StatefulDatabaseProps {
  return {
    engine: DatabaseEngine.postgres({ version: '16.4' }),
    storage: { size: Size.gibibytes(20), storageClass: ExistingStorageClass.exoscaleBlockStorage() },
    credentials: { secret: Secret.fromSecretName(chart, 'creds', 'db-credentials') },
    cpu: Cpu.millis(500),
    memory: Size.gibibytes(2),
    replicas: 3,
    runtime: DatabaseRuntime.statefulSet({ replicationWiredByHand: true }),
    ...extra,
  };
}

describe('no default deletes data', () => {
  test.each(BLOCK)('BlockStorageClass %s: reclaimPolicy Retain, snapshot contents retained', (_name, provisioner) => {
    const p = provisioner();
    const objects = synth((chart) => {
      new BlockStorageClass(chart, 'c', { provisioner: p, ...(p.capabilities.snapshots ? { snapshotClass: {} } : {}) });
    });
    expect(only(objects, 'StorageClass').reclaimPolicy).toBe('Retain');
    // one snapshot class exactly when the driver takes snapshots (a loop over none would prove nothing)
    expect(ofKind(objects, 'VolumeSnapshotClass').map((vsc) => vsc.deletionPolicy)).toEqual(p.capabilities.snapshots ? ['Retain'] : []);
  });

  test.each(FILE)('FileStorageClass %s: reclaimPolicy Retain, snapshot contents retained', (_name, provisioner) => {
    const p = provisioner();
    const objects = synth((chart) => {
      new FileStorageClass(chart, 'c', { provisioner: p, ...(p.capabilities.snapshots ? { snapshotClass: {} } : {}) });
    });
    const sc = only(objects, 'StorageClass');
    expect(sc.reclaimPolicy).toBe('Retain');
    // csi-driver-nfs removes the directory on DeleteVolume by default (onDelete: delete); a Retain class never calls it
    expect(ofKind(objects, 'VolumeSnapshotClass').map((vsc) => vsc.deletionPolicy)).toEqual(p.capabilities.snapshots ? ['Retain'] : []);
  });

  const STATIC: Array<[string, () => SharedVolumeBackend]> = [
    ['nfs', () => SharedVolumeBackend.nfs({ server: 'nfs.internal', path: '/exports/uploads' })],
    ['efs', () => SharedVolumeBackend.efs({ fileSystemId: 'fs-0123abcd' })],
    ['s3', () => SharedVolumeBackend.s3({ bucketName: 'shop-media' })],
    ['hostPath', () => SharedVolumeBackend.hostPath({ path: '/mnt/data' })],
  ];
  test.each(STATIC)('SharedRwxVolume static %s: the PV is retained, the claim owns nothing', (_name, backend) => {
    const objects = synth((chart) => {
      new SharedRwxVolume(chart, 'uploads', { backend: backend(), size: Size.gibibytes(10) });
    }, { namespace: 'shop' });
    expect(only(objects, 'PersistentVolume').spec.persistentVolumeReclaimPolicy).toBe('Retain');
    expect(objects.map((o) => o.kind).sort()).toEqual(['PersistentVolume', 'PersistentVolumeClaim']);
    expect(objects.filter((o) => o.metadata.ownerReferences !== undefined)).toEqual([]);
  });

  test('S3 volumes do not let pods delete objects unless asked', () => {
    const objects = synth((chart) => {
      new SharedRwxVolume(chart, 'media', { backend: SharedVolumeBackend.s3({ bucketName: 'shop-media' }), size: Size.gibibytes(10) });
    }, { namespace: 'shop' });
    expect(only(objects, 'PersistentVolume').spec.mountOptions).toBeUndefined();
  });

  test('S3 opt-ins write Mountpoint\'s own mount options, exactly (a broken allow-delete once passed every test)', () => {
    const mountOptions = (options: object) => only(synth((chart) => {
      new SharedRwxVolume(chart, 'media', { backend: SharedVolumeBackend.s3({ bucketName: 'shop-media', ...options }), size: Size.gibibytes(10) });
    }, { namespace: 'shop' }), 'PersistentVolume').spec.mountOptions;
    // Mountpoint for Amazon S3 CSI driver, docs/CONFIGURATION.md: allow-delete, allow-overwrite, uid=, gid=, allow-other
    expect(mountOptions({ allowDelete: true })).toEqual(['allow-delete']);
    expect(mountOptions({ allowOverwrite: true })).toEqual(['allow-overwrite']);
    expect(mountOptions({ allowDelete: false, allowOverwrite: false })).toBeUndefined();
    expect(mountOptions({ allowDelete: true, allowOverwrite: true, uid: 1000, gid: 2000 })).toEqual(['allow-delete', 'allow-overwrite', 'uid=1000', 'gid=2000', 'allow-other']);
  });

  test('StatefulDatabase: claims retained on delete and scale-down, the backup claim is a plain claim nothing deletes', () => {
    const objects = synth((chart) => {
      new StatefulDatabase(chart, 'db', dbProps(chart, { backup: { size: Size.gibibytes(50), schedule: Cron.daily() } }));
    }, { namespace: 'shop' });
    const sts = only(objects, 'StatefulSet');
    expect(sts.spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain', whenScaled: 'Retain' });
    const backupClaim = only(objects, 'PersistentVolumeClaim');
    expect(backupClaim.metadata.name).toBe('db-backup');
    expect(JSON.stringify(only(objects, 'CronJob'))).toContain('"claimName":"db-backup"');
    expect(objects.length).toBeGreaterThan(3);
    expect(objects.filter((o) => o.metadata.ownerReferences !== undefined)).toEqual([]);
  });

  test('a class this library creates for a database keeps the data too', () => {
    const objects = synth((chart) => {
      const cls = new BlockStorageClass(chart, 'fast', { provisioner: BlockProvisioner.awsEbs() });
      new StatefulDatabase(chart, 'db', dbProps(chart, { storage: { size: Size.gibibytes(20), storageClass: cls } }));
    }, { namespace: 'shop' });
    expect(only(objects, 'StorageClass').reclaimPolicy).toBe('Retain');
    expect(only(objects, 'StatefulSet').spec.persistentVolumeClaimRetentionPolicy.whenDeleted).toBe('Retain');
  });
});

describe('every opt-in that deletes data reads as a warning', () => {
  test('the deleting values are named DELETE', () => {
    expect(PersistentVolumeReclaimPolicy.DELETE).toBe('Delete');
    expect(SnapshotDeletionPolicy.DELETE).toBe('Delete');
    expect(NfsOnDelete.DELETE).toBe('delete');
    expect(Object.keys(PersistentVolumeReclaimPolicy)).toEqual(['RETAIN', 'DELETE']); // no Recycle (rm -rf of the volume)
  });

  test('the database opt-in is removalPolicy: RemovalPolicy.DESTROY, and does what it says only when set', () => {
    const on = synth((chart) => new StatefulDatabase(chart, 'db', dbProps(chart, { removalPolicy: RemovalPolicy.DESTROY })), { namespace: 'shop' });
    expect(only(on, 'StatefulSet').spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Delete', whenScaled: 'Delete' });
  });

  /**
   * Every prop of the public API that can lead to deleted data, found in the sources by name or type; each must be
   * named as a warning (dangerously..., ...Delete..., or typed by an enum whose deleting member is DELETE or DESTROY) and
   * default to keeping the data. A new prop that deletes must be added here, with its name reviewed.
   */
  test('props that can delete data: the known list, each named as a warning, each defaulting to keep', () => {
    const found: Array<{ file: string; name: string; type: string; doc: string }> = [];
    const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
    for (const file of walk(path.join(__dirname, '..', '..', 'src'))) {
      const text = fs.readFileSync(file, 'utf8');
      const re = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*readonly (\w+)\??: ([^;]+);/g;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const [, doc, name, type] = m;
        if (/delet|reclaim|retention|removal|purge|wipe/i.test(name) || /PersistentVolumeReclaimPolicy|DeletionPolicy|NfsOnDelete|RemovalPolicy/.test(type)) {
          found.push({ file: path.relative(path.join(__dirname, '..', '..'), file), name, type: type.trim(), doc });
        }
      }
    }
    expect(found.length).toBe(7);
    expect(found.map((f) => `${f.file}: ${f.name}: ${f.type}`).sort()).toEqual([
      'src/database/stateful-database-props.ts: removalPolicy: RemovalPolicy',
      'src/storage/file-provisioner.ts: onDelete: NfsOnDelete',
      'src/storage/shared-rwx-volume.ts: reclaimPolicy: PersistentVolumeReclaimPolicy',
      'src/storage/shared-volume-backend-options.ts: allowDelete: boolean',
      'src/storage/storage-class-props.ts: deletionPolicy: SnapshotDeletionPolicy',
      'src/storage/storage-class-props.ts: reclaimPolicy: PersistentVolumeReclaimPolicy',
      'src/workload/stateful-workload-props.ts: removalPolicy: RemovalPolicy',
    ]);
    for (const f of found) {
      if (f.type === 'boolean') {
        expect(f.name).toMatch(/^dangerously|Delete/);
        expect(f.doc).toMatch(/@default false/);
      } else {
        expect(f.doc).toMatch(/@default[^\n]*(RETAIN|Retain)/);
      }
    }
  });
});

describe('determinism', () => {
  function app(): string {
    const a = new App();
    Warnings.of(a).sink = Warnings.SILENT;
    const chart = new Chart(a, 'shop', { namespace: 'shop' });
    const cls = new BlockStorageClass(chart, 'fast', { provisioner: BlockProvisioner.awsEbs(), snapshotClass: {} });
    const files = new FileStorageClass(chart, 'shared', { provisioner: FileProvisioner.nfs({ server: 'nfs.internal', share: '/exports' }) });
    new SharedRwxVolume(chart, 'uploads', { backend: SharedVolumeBackend.storageClass(files), size: Size.gibibytes(10) });
    new SharedRwxVolume(chart, 'media', { backend: SharedVolumeBackend.s3({ bucketName: 'shop-media' }), size: Size.gibibytes(10) });
    new StatefulDatabase(chart, 'db', {
      engine: DatabaseEngine.postgres({ version: '16.4' }),
      storage: { size: Size.gibibytes(20), storageClass: cls },
      credentials: { secret: Secret.fromSecretName(chart, 'creds', 'db-credentials') },
      cpu: Cpu.millis(500),
      memory: Size.gibibytes(2),
      replicas: 3,
      runtime: DatabaseRuntime.statefulSet({ replicationWiredByHand: true }),
      backup: { size: Size.gibibytes(50), schedule: Cron.daily(), storageClass: ExistingStorageClass.fromName('backup', StorageSystemId.AWS_EBS) },
    });
    return a.synthYaml();
  }

  test('the same app synthesizes to identical bytes twice in one process', () => {
    const first = app();
    const second = app();
    expect(second).toBe(first);
    expect(first.length).toBeGreaterThan(1000);
  });
});
