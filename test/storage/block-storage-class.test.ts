import { PersistentVolumeAccessMode, PersistentVolumeReclaimPolicy } from 'cdk8s-plus-27';
import { AzureDiskSku, BlockProvisioner, BlockStorageClass, EbsVolumeType, ExistingStorageClass, GcePdType, LonghornDataLocality, StorageCatalog, StorageSystemId, Validator, VolumeBindingMode, ExpansionSupport, SizeGranularity, StorageKind } from '../../src';
import { errorOf, only, synth } from '../util';

const presets: Array<[string, () => BlockProvisioner]> = [
  ['exoscale', () => BlockProvisioner.exoscale()],
  ['aws-ebs', () => BlockProvisioner.awsEbs({ volumeType: EbsVolumeType.GP3, iops: 6000, throughputMiBps: 250 })],
  ['azure-disk', () => BlockProvisioner.azureDisk({ skuName: AzureDiskSku.PREMIUM_ZRS })],
  ['gce-pd', () => BlockProvisioner.gcePd({ diskType: GcePdType.PD_SSD, regional: true })],
  ['cinder', () => BlockProvisioner.openstackCinder({ volumeType: 'ssd' })],
  ['vsphere', () => BlockProvisioner.vsphere({ storagePolicyName: 'gold' })],
  ['ceph-rbd', () => BlockProvisioner.cephRbd({ pool: 'replicapool' })],
  ['longhorn', () => BlockProvisioner.longhorn({ numberOfReplicas: 2, dataLocality: LonghornDataLocality.BEST_EFFORT })],
  ['mayastor', () => BlockProvisioner.openebsMayastor({ replicas: 2 })],
  ['openebs-local', () => BlockProvisioner.openebsLocalPv()],
  ['portworx', () => BlockProvisioner.portworx({ replicas: 2, ioProfile: 'db' })],
  ['storageos', () => BlockProvisioner.storageos({ replicas: 1 })],
  ['local', () => BlockProvisioner.localStatic()],
];

describe('BlockStorageClass presets', () => {
  test.each(presets)('%s synthesizes a valid, cluster-scoped StorageClass', (id, provisioner) => {
    const objects = synth((chart) => {
      new BlockStorageClass(chart, id, { provisioner: provisioner() });
    }, { namespace: 'apps' });
    const sc = only(objects, 'StorageClass');
    expect(sc.metadata.name).toBe(id);
    expect(sc.metadata.namespace).toBeUndefined();
    expect(sc.reclaimPolicy).toBe('Retain');
    expect(sc.volumeBindingMode).toBe('WaitForFirstConsumer');
    expect(Validator.validate(objects).filter((f) => f.severity === 'error')).toEqual([]);
    expect(objects).toMatchSnapshot();
  });

  test('Exoscale: only fstype as parameter, expansion on, zonal key for allowed zones', () => {
    const objects = synth((chart) => {
      new BlockStorageClass(chart, 'sbs', {
        name: 'exoscale-block-storage', provisioner: BlockProvisioner.exoscale(), fsType: 'xfs', allowedZones: ['ch-gva-2'],
      });
    });
    const sc = only(objects, 'StorageClass');
    expect(sc.provisioner).toBe('csi.exoscale.com');
    expect(sc.parameters).toEqual({ 'csi.storage.k8s.io/fstype': 'xfs' });
    expect(sc.allowVolumeExpansion).toBe(true);
    expect(sc.allowedTopologies).toEqual([{ matchLabelExpressions: [{ key: 'topology.csi.exoscale.com/zone', values: ['ch-gva-2'] }] }]);
  });

  test('EBS defaults: gp3 and encrypted', () => {
    const sc = only(synth((chart) => new BlockStorageClass(chart, 'ebs', { provisioner: BlockProvisioner.awsEbs() })), 'StorageClass');
    expect(sc.parameters).toEqual({ type: 'gp3', encrypted: 'true' });
  });

  test('Ceph RBD through Rook: prefixed provisioner and Rook secrets', () => {
    const sc = only(synth((chart) => new BlockStorageClass(chart, 'rbd', { provisioner: BlockProvisioner.cephRbd({ pool: 'replicapool' }) })), 'StorageClass');
    expect(sc.provisioner).toBe('rook-ceph.rbd.csi.ceph.com');
    expect(sc.parameters['csi.storage.k8s.io/node-stage-secret-name']).toBe('rook-csi-rbd-node');
  });

  test('companion VolumeSnapshotClass uses the provisioner as driver and retains by default', () => {
    const objects = synth((chart) => {
      new BlockStorageClass(chart, 'fast', { provisioner: BlockProvisioner.cephRbd({ pool: 'p' }), snapshotClass: { isDefault: true } });
    }, { namespace: 'x' });
    const vsc = only(objects, 'VolumeSnapshotClass');
    expect(vsc).toEqual({
      apiVersion: 'snapshot.storage.k8s.io/v1',
      kind: 'VolumeSnapshotClass',
      metadata: {
        name: 'fast-snapshots',
        annotations: { 'snapshot.storage.kubernetes.io/is-default-class': 'true' },
        labels: { 'app.kubernetes.io/managed-by': 'cdk8s-golden-paths' },
      },
      driver: 'rook-ceph.rbd.csi.ceph.com',
      deletionPolicy: 'Retain',
    });
  });

  test('custom provisioner with declared capabilities', () => {
    let cls: BlockStorageClass | undefined;
    const objects = synth((chart) => {
      cls = new BlockStorageClass(chart, 'acme', {
        provisioner: BlockProvisioner.custom({
          provisioner: 'csi.acme.example',
          parameters: { tier: 'gold' },
          capabilities: {
            kind: StorageKind.BLOCK,
            filesystemAccessModes: [PersistentVolumeAccessMode.READ_WRITE_ONCE],
            blockAccessModes: [],
            expansion: ExpansionSupport.ONLINE,
            snapshots: false,
            sizeGranularity: SizeGranularity.ANY,
            recommendedBindingMode: VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER,
          },
        }),
        reclaimPolicy: PersistentVolumeReclaimPolicy.DELETE,
        mountOptions: ['noatime'],
        isDefault: true,
      });
    });
    const sc = only(objects, 'StorageClass');
    expect(sc).toMatchObject({ provisioner: 'csi.acme.example', parameters: { tier: 'gold' }, reclaimPolicy: 'Delete', mountOptions: ['noatime'] });
    expect(sc.metadata.annotations['storageclass.kubernetes.io/is-default-class']).toBe('true');
    expect(cls!.capabilities.snapshots).toBe(false);
    expect(cls!.system).toBeUndefined();
  });

  test('capabilities are queryable', () => {
    synth((chart) => {
      const c = new BlockStorageClass(chart, 'sbs', { provisioner: BlockProvisioner.exoscale() });
      expect(c.capabilities.sizeGranularity).toBe(SizeGranularity.EXACT_GIB);
      expect(c.capabilities.expansion).toBe(ExpansionSupport.OFFLINE);
      expect(c.capabilities.filesystemAccessModes).toEqual([PersistentVolumeAccessMode.READ_WRITE_ONCE, PersistentVolumeAccessMode.READ_WRITE_ONCE_POD]);
      expect(c.system?.id).toBe(StorageSystemId.EXOSCALE_BLOCK_STORAGE);
    });
  });

  test('same input gives the same bytes', () => {
    const build = (chart: any) => new BlockStorageClass(chart, 'gp3', { provisioner: BlockProvisioner.awsEbs(), snapshotClass: {} });
    expect(JSON.stringify(synth(build))).toBe(JSON.stringify(synth(build)));
  });
});

describe('ExistingStorageClass', () => {
  test('exoscale-block-storage as installed by Exoscale SKS', () => {
    const c = ExistingStorageClass.exoscaleBlockStorage();
    expect(c.storageClassName).toBe('exoscale-block-storage');
    expect(c.provisioner).toBe('csi.exoscale.com');
    expect(c.volumeBindingMode).toBe(VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER);
    expect(c.capabilities.sizeGranularity).toBe(SizeGranularity.EXACT_GIB);
  });
  test('refuses an invalid name', () => {
    expect(() => ExistingStorageClass.fromName('Fast_SSD', StorageSystemId.AWS_EBS)).toThrow(/"Fast_SSD" is not a valid StorageClass name/);
  });
  test('refuses a system without a dynamic provisioner', () => {
    expect(() => ExistingStorageClass.fromName('gluster', StorageSystemId.GLUSTERFS)).toThrow(/GlusterFS has no dynamic provisioner.*removed in Kubernetes 1.26/);
  });
});

describe('BlockStorageClass refusals', () => {
  test('Recycle: says Delete or Retain', () => {
    const msg = errorOf((chart) => new BlockStorageClass(chart, 'old', { provisioner: BlockProvisioner.exoscale(), reclaimPolicy: 'Recycle' as any }));
    expect(msg).toContain('test/old: reclaimPolicy "Recycle" is deprecated and rejected on a StorageClass');
    expect(msg).toContain('Use PersistentVolumeReclaimPolicy.RETAIN (keeps the data) or PersistentVolumeReclaimPolicy.DELETE.');
  });

  test('removed in-tree provisioner: names the CSI replacement', () => {
    const msg = errorOf((chart) => new BlockStorageClass(chart, 'old', {
      provisioner: BlockProvisioner.custom({ provisioner: 'kubernetes.io/aws-ebs', capabilities: StorageCatalog.get(StorageSystemId.AWS_EBS) }),
    }));
    expect(msg).toContain('provisioner.provisioner "kubernetes.io/aws-ebs" is the in-tree Amazon EBS provisioner, removed in Kubernetes 1.27');
    expect(msg).toContain('Use the CSI driver ebs.csi.aws.com');
  });

  test('parameters out of the driver range, all reported at once', () => {
    const msg = errorOf((chart) => new BlockStorageClass(chart, 'ebs', {
      provisioner: BlockProvisioner.awsEbs({ volumeType: EbsVolumeType.GP3, iops: 20000, throughputMiBps: 5000 }),
    }));
    expect(msg).toContain('2 problems');
    expect(msg).toContain('test/ebs: provisioner.iops 20000 is outside the range for type gp3 (3000-16000). Use a whole number from 3000 to 16000.');
    expect(msg).toContain('provisioner.throughputMiBps 5000 is outside the range for type gp3 (125-1000 MiB/s)');
  });

  test('iops on a type without provisioned IOPS', () => {
    expect(errorOf((chart) => new BlockStorageClass(chart, 'ebs', { provisioner: BlockProvisioner.awsEbs({ volumeType: EbsVolumeType.ST1, iops: 500 }) })))
      .toContain('provisioner.iops 500 cannot be set for type st1. Remove it, or use type gp3, io1, io2.');
  });

  test('Longhorn replica count out of range comes from the catalog', () => {
    expect(errorOf((chart) => new BlockStorageClass(chart, 'lh', { provisioner: BlockProvisioner.longhorn({ numberOfReplicas: 0 }) })))
      .toContain('test/lh: provisioner parameter numberOfReplicas "0" is outside the range Longhorn accepts (1 to 20). Set numberOfReplicas between 1 and 20.');
  });

  test('Portworx repl above 3', () => {
    expect(errorOf((chart) => new BlockStorageClass(chart, 'px', { provisioner: BlockProvisioner.portworx({ replicas: 5 }) })))
      .toContain('provisioner parameter repl "5" is outside the range Portworx accepts (1 to 3)');
  });

  test('additional parameter with a value the driver rejects', () => {
    expect(errorOf((chart) => new BlockStorageClass(chart, 'ebs', { provisioner: BlockProvisioner.awsEbs(), additionalParameters: { type: 'gp9' } })))
      .toContain('test/ebs: parameter type "gp9" is not accepted by Amazon EBS. Use one of: gp3, gp2, io1, io2, sc1, st1, standard.');
  });

  test('fsType the driver cannot create', () => {
    expect(errorOf((chart) => new BlockStorageClass(chart, 'sbs', { provisioner: BlockProvisioner.exoscale(), fsType: 'ntfs' })))
      .toContain('fsType "ntfs" is not a file system Exoscale Block Storage creates. Use one of: ext4, xfs.');
  });

  test('more than one default class in one app', () => {
    const msg = errorOf((chart) => {
      new BlockStorageClass(chart, 'a', { provisioner: BlockProvisioner.exoscale(), isDefault: true });
      new BlockStorageClass(chart, 'b', { provisioner: BlockProvisioner.longhorn(), isDefault: true });
    });
    expect(msg).toContain('[test/a] STO-003 StorageClass/a (test/a/Resource): 2 default StorageClasses: a, b');
    expect(msg).toContain('[test/b] STO-003');
    expect(msg).toContain('Keep storageclass.kubernetes.io/is-default-class: "true" on one class only.');
  });

  test('snapshot class for a system without snapshots', () => {
    expect(errorOf((chart) => new BlockStorageClass(chart, 'os', { provisioner: BlockProvisioner.storageos(), snapshotClass: {} })))
      .toContain('test/os: snapshotClass {} cannot be created: StorageOS / Ondat does not support CSI snapshots');
  });

  test('expansion on a system that cannot expand', () => {
    expect(errorOf((chart) => new BlockStorageClass(chart, 'l', { provisioner: BlockProvisioner.openebsLocalPv(), allowVolumeExpansion: true })))
      .toContain('allowVolumeExpansion true but OpenEBS LocalPV hostpath cannot expand volumes');
  });

  test('allowed zones on a system without topology', () => {
    expect(errorOf((chart) => new BlockStorageClass(chart, 'lh', { provisioner: BlockProvisioner.longhorn(), allowedZones: ['a'] })))
      .toContain('allowedZones ["a"] cannot be used: Longhorn volumes are not zonal');
  });

  test('invalid name', () => {
    expect(errorOf((chart) => new BlockStorageClass(chart, 'x', { name: 'Fast_SSD', provisioner: BlockProvisioner.exoscale() })))
      .toContain('name "Fast_SSD" is not a valid StorageClass name');
  });

  test('not a BlockProvisioner (JavaScript callers)', () => {
    expect(errorOf((chart) => new BlockStorageClass(chart, 'x', { provisioner: 'csi.exoscale.com' as any })))
      .toContain('test/x: provisioner "csi.exoscale.com" is not a BlockProvisioner');
    expect(errorOf((chart) => new BlockStorageClass(chart, 'x', undefined as any))).toContain('provisioner (not set) is not a BlockProvisioner');
  });
});
