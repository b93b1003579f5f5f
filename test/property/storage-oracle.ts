import { PersistentVolumeReclaimPolicy } from 'cdk8s-plus-27';
import * as fc from 'fast-check';
import { bad, field, good } from './harness';
import { SnapshotDeletionPolicy, VolumeBindingMode } from '../../src';

/**
 * The oracle of the storage class properties (issue 20): the test's own table of what each storage system can do,
 * written from the drivers' documentation (not read from the library's catalog): which provisioner, whether
 * volumes grow, whether the driver takes snapshots, its zone topology key, the file systems it formats.
 */
export interface ClassFacts {
  readonly provisioner: string;
  readonly expandable: boolean;
  readonly snapshots: boolean;
  /** Topology key of zonal volumes; none: volumes are not zonal. */
  readonly zoneKey?: string;
  /** StorageClass parameter of the file system type, and the types the driver formats; none: no such parameter. */
  readonly fsKey?: string;
  readonly fsTypes: string[];
  /** Parameters the factory writes with no options. */
  readonly parameters: Record<string, string>;
}

const CSI_FSTYPE = 'csi.storage.k8s.io/fstype';

export const BLOCK_FACTS: Record<string, ClassFacts> = {
  // exoscale-csi-driver: offline expansion, snapshots, zone key of the driver, ext4/xfs
  exoscale: { provisioner: 'csi.exoscale.com', expandable: true, snapshots: true, zoneKey: 'topology.csi.exoscale.com/zone', fsKey: CSI_FSTYPE, fsTypes: ['ext4', 'xfs'], parameters: {} },
  // aws-ebs-csi-driver docs/parameters.md: gp3, encrypted by the library's default
  awsEbs: { provisioner: 'ebs.csi.aws.com', expandable: true, snapshots: true, zoneKey: 'topology.kubernetes.io/zone', fsKey: CSI_FSTYPE, fsTypes: ['ext4', 'ext3', 'xfs'], parameters: { type: 'gp3', encrypted: 'true' } },
  gcePd: { provisioner: 'pd.csi.storage.gke.io', expandable: true, snapshots: true, zoneKey: 'topology.gke.io/zone', fsKey: CSI_FSTYPE, fsTypes: ['ext4', 'xfs'], parameters: { type: 'pd-balanced' } },
  azureDisk: { provisioner: 'disk.csi.azure.com', expandable: true, snapshots: true, zoneKey: 'topology.disk.csi.azure.com/zone', fsKey: 'fsType', fsTypes: ['ext4', 'xfs'], parameters: { skuName: 'Premium_LRS' } },
  // Longhorn replicates across nodes: not zonal
  longhorn: { provisioner: 'driver.longhorn.io', expandable: true, snapshots: true, fsKey: 'fsType', fsTypes: ['ext4', 'xfs'], parameters: { numberOfReplicas: '3', staleReplicaTimeout: '2880' } },
  // OpenEBS LocalPV hostpath: no expansion, no snapshots, pinned to the node (hostname topology)
  openebsLocalPv: { provisioner: 'openebs.io/local', expandable: false, snapshots: false, zoneKey: 'kubernetes.io/hostname', fsTypes: [], parameters: {} },
  // StorageOS / Ondat: no CSI snapshots
  storageos: { provisioner: 'csi.storageos.com', expandable: true, snapshots: false, fsKey: CSI_FSTYPE, fsTypes: ['ext4', 'xfs'], parameters: { 'storageos.com/replicas': '1' } },
};

/** File systems, from the drivers' docs: none is zonal; only vSphere file volumes take a file system type (nfs4, fixed). */
export const FILE_FACTS: Record<string, ClassFacts & { readonly options: any }> = {
  // csi-driver-nfs docs/driver-parameters.md: server and share are the parameters
  nfs: { provisioner: 'nfs.csi.k8s.io', expandable: true, snapshots: true, fsTypes: [], options: { server: 'nfs.internal', share: '/exports/k8s' }, parameters: { server: 'nfs.internal', share: '/exports/k8s' } },
  // Rook CephFS: the operator namespace prefixes the provisioner; Rook's secrets as parameters
  cephfs: {
    provisioner: 'rook-ceph.cephfs.csi.ceph.com',
    expandable: true,
    snapshots: true,
    fsTypes: [],
    options: { fsName: 'myfs' },
    parameters: {
      'clusterID': 'rook-ceph',
      'fsName': 'myfs',
      'csi.storage.k8s.io/provisioner-secret-name': 'rook-csi-cephfs-provisioner',
      'csi.storage.k8s.io/provisioner-secret-namespace': 'rook-ceph',
      'csi.storage.k8s.io/controller-expand-secret-name': 'rook-csi-cephfs-provisioner',
      'csi.storage.k8s.io/controller-expand-secret-namespace': 'rook-ceph',
      'csi.storage.k8s.io/node-stage-secret-name': 'rook-csi-cephfs-node',
      'csi.storage.k8s.io/node-stage-secret-namespace': 'rook-ceph',
    },
  },
  azureFiles: { provisioner: 'file.csi.azure.com', expandable: true, snapshots: true, fsTypes: [], options: undefined, parameters: { skuName: 'Standard_LRS', protocol: 'smb' } },
  // aws-efs-csi-driver: access points, which cannot grow (a file system has no size) and have no CSI snapshots
  awsEfs: {
    provisioner: 'efs.csi.aws.com',
    expandable: false,
    snapshots: false,
    fsTypes: [],
    options: { fileSystemId: 'fs-0123456789abcdef0' },
    parameters: { provisioningMode: 'efs-ap', fileSystemId: 'fs-0123456789abcdef0', directoryPerms: '700' },
  },
  vsphereFile: { provisioner: 'csi.vsphere.vmware.com', expandable: true, snapshots: true, fsKey: CSI_FSTYPE, fsTypes: ['nfs4'], options: undefined, parameters: { [CSI_FSTYPE]: 'nfs4' } },
};

/** Construct ids and the StorageClass name each gives when `name` is left out (a DNS label of the id). */
export const IDS: Record<string, string> = { 'fast': 'fast', 'Fast SSD': 'fast-ssd', 'gold_tier': 'gold-tier', 'x': 'x' };

/** Common StorageClass props the test knows the answer for, for a system with the given facts. */
export function storageClassFields(facts: ClassFacts) {
  const { RETAIN, DELETE } = PersistentVolumeReclaimPolicy;
  return fc.record({
    name: field(fc.constantFrom('fast-ssd', 'gold', 'a.b'), fc.constantFrom('Fast_SSD', 'x'.repeat(254)).map((v) => bad(v, 'name'))),
    reclaimPolicy: field(fc.constantFrom(RETAIN, DELETE), fc.constantFrom('Recycle', 'Keep').map((v) => bad(v, 'reclaimPolicy'))),
    volumeBindingMode: field(fc.constantFrom(VolumeBindingMode.IMMEDIATE, VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER), fc.constant(bad('Later', 'volumeBindingMode'))),
    // true where volumes cannot grow is refused
    allowVolumeExpansion: fc.oneof(
      { arbitrary: fc.constant(good<boolean | undefined>(undefined)), weight: 30 },
      { arbitrary: fc.constant(good<boolean | undefined>(false)), weight: 15 },
      { arbitrary: fc.constant(facts.expandable ? good<boolean | undefined>(true) : bad<boolean | undefined>(true, 'allowVolumeExpansion')), weight: facts.expandable ? 15 : 1 },
    ),
    fsType: facts.fsKey
      ? field(fc.constantFrom(...facts.fsTypes), fc.constant(bad('ntfs4', 'fsType')))
      : field(fc.constant(undefined), fc.constant(bad('ext4', 'fsType'))),
    mountOptions: field(fc.constantFrom(['noatime'], ['noatime', 'discard'], []), fc.constant(bad([''], 'mountOptions'))),
    allowedZones: facts.zoneKey
      ? field(fc.constantFrom(['zone-a'], ['zone-a', 'zone-b']), fc.constant(bad([], 'allowedZones')))
      : field(fc.constant(undefined), fc.constant(bad(['zone-a'], 'allowedZones'))),
    isDefault: field(fc.boolean()),
    snapshotClass: facts.snapshots
      ? field(fc.record({
        name: fc.option(fc.constantFrom('snaps', 'daily'), { nil: undefined }),
        deletionPolicy: fc.option(fc.constantFrom(SnapshotDeletionPolicy.RETAIN, SnapshotDeletionPolicy.DELETE), { nil: undefined }),
        isDefault: fc.option(fc.boolean(), { nil: undefined }),
      }, { requiredKeys: [] }), fc.constant(bad({ deletionPolicy: 'Keep' }, 'snapshotClass.deletionPolicy')))
      : field(fc.constant(undefined), fc.constant(bad({}, 'snapshotClass'))),
  });
}

export type ClassFields = ReturnType<typeof storageClassFields> extends fc.Arbitrary<infer T> ? T : never;

/** A generated storage class: a system of BLOCK_FACTS or FILE_FACTS and the common props. */
export interface BlockSpec {
  readonly id: string;
  readonly ns?: string;
  readonly system: string;
  readonly props: ClassFields;
}

/** The props a JavaScript caller passes for the fields (absent fields left out). */
export function propsOfFields(fields: ClassFields): any {
  const props: any = {};
  for (const [k, c] of Object.entries(fields)) if (c.value !== undefined) props[k] = c.value;
  return props;
}

/**
 * The StorageClass (and VolumeSnapshotClass) of a valid spec tie to its input: what was given is in the output as
 * given, what was left out has the documented default (Retain, WaitForFirstConsumer, expansion as the system allows,
 * snapshot deletion Retain, the id's DNS label as name).
 */
export function assertClassTies(id: string, facts: ClassFacts, fields: ClassFields, objects: any[], extraParameters: Record<string, string> = {}): void {
  const p = propsOfFields(fields);
  const classes = objects.filter((o) => o.kind === 'StorageClass');
  expect(classes).toHaveLength(1);
  const sc = classes[0];
  const name = p.name ?? IDS[id];
  expect(sc.metadata.name).toBe(name);
  expect(sc.metadata.namespace).toBeUndefined();
  expect(sc.provisioner).toBe(facts.provisioner);
  expect(sc.reclaimPolicy).toBe(p.reclaimPolicy ?? 'Retain');
  expect(sc.volumeBindingMode).toBe(p.volumeBindingMode ?? 'WaitForFirstConsumer');
  expect(sc.allowVolumeExpansion).toBe(p.allowVolumeExpansion ?? facts.expandable);
  const parameters = { ...facts.parameters, ...extraParameters, ...(p.fsType ? { [facts.fsKey!]: p.fsType } : {}) };
  expect(sc.parameters ?? {}).toEqual(parameters);
  expect(sc.mountOptions).toEqual(p.mountOptions?.length ? p.mountOptions : undefined);
  expect(sc.allowedTopologies).toEqual(p.allowedZones ? [{ matchLabelExpressions: [{ key: facts.zoneKey, values: p.allowedZones }] }] : undefined);
  expect(sc.metadata.annotations?.['storageclass.kubernetes.io/is-default-class']).toBe(p.isDefault ? 'true' : undefined);
  expect(sc.metadata.labels['app.kubernetes.io/managed-by']).toBe('cdk8s-golden-paths');
  const snapshots = objects.filter((o) => o.kind === 'VolumeSnapshotClass');
  if (!p.snapshotClass) {
    expect(snapshots).toEqual([]);
    return;
  }
  expect(snapshots).toHaveLength(1);
  expect(snapshots[0]).toMatchObject({
    apiVersion: 'snapshot.storage.k8s.io/v1',
    metadata: { name: p.snapshotClass.name ?? `${name}-snapshots` },
    driver: facts.provisioner,
    deletionPolicy: p.snapshotClass.deletionPolicy ?? 'Retain',
  });
  expect(snapshots[0].metadata.namespace).toBeUndefined();
  expect(snapshots[0].metadata.annotations?.['snapshot.storage.kubernetes.io/is-default-class']).toBe(p.snapshotClass.isDefault ? 'true' : undefined);
}

