import { PersistentVolumeAccessMode } from 'cdk8s-plus-27';
import { ExpansionSupport, ParameterType, SizeGranularity, StorageCapabilities, StorageKind, StorageParameterInfo, VolumeBindingMode } from './types';

/**
 * Every storage system the library knows, by id.
 */
export enum StorageSystemId {
  /** Exoscale Block Storage (SBS), `csi.exoscale.com`. */
  EXOSCALE_BLOCK_STORAGE = 'exoscale-block-storage',
  /** Amazon EBS, `ebs.csi.aws.com`. */
  AWS_EBS = 'aws-ebs',
  /** Azure Disk, `disk.csi.azure.com`. */
  AZURE_DISK = 'azure-disk',
  /** Azure Files, `file.csi.azure.com`. */
  AZURE_FILES = 'azure-files',
  /** Google Compute Engine persistent disk, `pd.csi.storage.gke.io`. */
  GCE_PD = 'gce-pd',
  /** OpenStack Cinder, `cinder.csi.openstack.org`. */
  OPENSTACK_CINDER = 'openstack-cinder',
  /** VMware vSphere CNS, `csi.vsphere.vmware.com` (block volumes; file volumes on vSAN File Services). */
  VSPHERE = 'vsphere',
  /** Ceph RBD through ceph-csi / Rook, `<operator-namespace>.rbd.csi.ceph.com`. */
  CEPH_RBD = 'ceph-rbd',
  /** CephFS through ceph-csi / Rook, `<operator-namespace>.cephfs.csi.ceph.com`. */
  CEPHFS = 'cephfs',
  /** Longhorn, `driver.longhorn.io`. */
  LONGHORN = 'longhorn',
  /** OpenEBS Mayastor (replicated PV), `io.openebs.csi-mayastor`. */
  OPENEBS_MAYASTOR = 'openebs-mayastor',
  /** OpenEBS LocalPV hostpath, `openebs.io/local`. */
  OPENEBS_LOCALPV = 'openebs-localpv',
  /** Portworx, `pxd.portworx.com`. */
  PORTWORX = 'portworx',
  /** StorageOS / Ondat, `csi.storageos.com`. */
  STORAGEOS = 'storageos',
  /** NFS through csi-driver-nfs, `nfs.csi.k8s.io` (or the in-tree `nfs` volume for static PVs). */
  NFS = 'nfs',
  /** Amazon EFS, `efs.csi.aws.com`. */
  AWS_EFS = 'aws-efs',
  /** S3 buckets through Mountpoint, `s3.csi.aws.com` (static PVs only). */
  S3_MOUNTPOINT = 's3-mountpoint',
  /** GlusterFS: in-tree plugin removed in Kubernetes 1.26, no maintained CSI driver. */
  GLUSTERFS = 'glusterfs',
  /** iSCSI: static PVs only (in-tree `iscsi` volume). */
  ISCSI = 'iscsi',
  /** Local persistent volumes, `kubernetes.io/no-provisioner` (static, node-bound). */
  LOCAL = 'local',
  /** hostPath: a directory on one node, for single-node development clusters only. */
  HOST_PATH = 'host-path',
}

/**
 * Everything the library knows about one storage system.
 */
export interface StorageSystemInfo extends StorageCapabilities {
  /** Catalog id. */
  readonly id: StorageSystemId;
  /** Human name. */
  readonly name: string;
  /**
   * CSI provisioner / driver name used in StorageClasses and PVs.
   * @default - none: the system has no dynamic provisioner
   */
  readonly provisioner?: string;
  /**
   * Whether the provisioner name may carry a prefix (Rook names ceph-csi drivers `<operator-namespace>.rbd.csi.ceph.com`).
   * @default false
   */
  readonly provisionerMayBePrefixed?: boolean;
  /** Whether a StorageClass can provision volumes dynamically. */
  readonly dynamicProvisioning: boolean;
  /**
   * VolumeSnapshotClass `driver` (equal to the provisioner).
   * @default - no snapshots
   */
  readonly snapshotDriver?: string;
  /**
   * In-tree volume plugin name (`spec.awsElasticBlockStore`, ...).
   * @default - none
   */
  readonly inTreePlugin?: string;
  /**
   * In-tree provisioner name as once used in StorageClasses (`kubernetes.io/aws-ebs`, ...).
   * @default - none
   */
  readonly inTreeProvisioner?: string;
  /**
   * Kubernetes minor version that removed the in-tree plugin, e.g. `1.27`.
   * @default - not removed
   */
  readonly inTreeRemovedIn?: string;
  /**
   * StorageClass parameter key holding the file system type.
   * @default - no file-system parameter
   */
  readonly fsTypeParameter?: string;
  /**
   * File systems the driver can create.
   * @default - none
   */
  readonly fsTypes?: string[];
  /**
   * ReadWriteMany and ReadOnlyMany for Filesystem claims only when the class sets this parameter to this value
   * (vSphere file volumes: `csi.storage.k8s.io/fstype: nfs4`; Portworx: `sharedv4: "true"`).
   * @default - the listed access modes hold for every class
   */
  readonly sharedAccessRequires?: SharedAccessCondition;
  /** StorageClass parameters the driver reads. */
  readonly parameters: StorageParameterInfo[];
  /** Caveats that matter in production. */
  readonly notes: string[];
  /** Where the facts come from (repository@commit:path or documentation URL). */
  readonly sources: string[];
}

/** The provisioner name of classes for statically created volumes (local PVs): Kubernetes provisions nothing. */
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

/**
 * A StorageClass parameter value a storage system needs before it shares volumes across nodes.
 */
export interface SharedAccessCondition {
  /** Parameter key. */
  readonly parameter: string;
  /** Required value. */
  readonly value: string;
}

const RWO = PersistentVolumeAccessMode.READ_WRITE_ONCE;
const ROX = PersistentVolumeAccessMode.READ_ONLY_MANY;
const RWX = PersistentVolumeAccessMode.READ_WRITE_MANY;
const RWOP = PersistentVolumeAccessMode.READ_WRITE_ONCE_POD;
const WFFC = VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER;
const IMMEDIATE = VolumeBindingMode.IMMEDIATE;
const CSI_FSTYPE = 'csi.storage.k8s.io/fstype';

function p(key: string, type: ParameterType, description: string, extra: Partial<StorageParameterInfo> = {}): StorageParameterInfo {
  return { key, type, description, ...extra };
}
function bool(key: string, description: string): StorageParameterInfo {
  return p(key, ParameterType.BOOLEAN, description, { allowedValues: ['true', 'false'] });
}
function oneOf(key: string, description: string, allowedValues: string[], extra: Partial<StorageParameterInfo> = {}): StorageParameterInfo {
  return p(key, ParameterType.ENUM, description, { allowedValues, ...extra });
}
function int(key: string, description: string, min?: number, max?: number): StorageParameterInfo {
  return p(key, ParameterType.INTEGER, description, { min, max });
}
function str(key: string, description: string, required?: boolean): StorageParameterInfo {
  return p(key, ParameterType.STRING, description, required ? { required } : {});
}
function fsType(key: string, allowed: string[]): StorageParameterInfo {
  return oneOf(key, 'File system created on the volume at first mount', allowed);
}
const cephSecretParams = [
  str('csi.storage.k8s.io/provisioner-secret-name', 'Secret with Ceph credentials for provisioning', true),
  str('csi.storage.k8s.io/provisioner-secret-namespace', 'Namespace of the provisioner secret', true),
  str('csi.storage.k8s.io/controller-expand-secret-name', 'Secret with Ceph credentials for expansion'),
  str('csi.storage.k8s.io/controller-expand-secret-namespace', 'Namespace of the expansion secret'),
  str('csi.storage.k8s.io/node-stage-secret-name', 'Secret with Ceph credentials for mounting', true),
  str('csi.storage.k8s.io/node-stage-secret-namespace', 'Namespace of the node-stage secret', true),
];

/**
 * The storage catalog: facts per storage system, as data. Sources are cited per entry; facts the
 * research could not confirm in a primary source are marked "unverified" in the notes and are
 * never used to refuse a configuration.
 */
const CATALOG: StorageSystemInfo[] = [
  {
    id: StorageSystemId.EXOSCALE_BLOCK_STORAGE,
    name: 'Exoscale Block Storage',
    kind: StorageKind.BLOCK,
    provisioner: 'csi.exoscale.com',
    dynamicProvisioning: true,
    filesystemAccessModes: [RWO, RWOP],
    blockAccessModes: [RWO, RWOP],
    // Offline only: ControllerExpandVolume fails with "Volume must be detached before expanding" (driver CHANGELOG v0.32.0).
    expansion: ExpansionSupport.OFFLINE,
    snapshots: true,
    snapshotDriver: 'csi.exoscale.com',
    // Not rounded: "requested size in bytes cannot be exactly converted to GiB" (driver/helpers.go).
    sizeGranularity: SizeGranularity.EXACT_GIB,
    minSizeGib: 1,
    maxSizeGib: 10000,
    topologyKey: 'topology.csi.exoscale.com/zone',
    recommendedBindingMode: WFFC,
    fsTypeParameter: CSI_FSTYPE,
    fsTypes: ['ext4', 'xfs'],
    // The driver ignores every StorageClass parameter except the file system type.
    parameters: [fsType(CSI_FSTYPE, ['ext4', 'xfs'])],
    notes: [
      'Sizes must be whole GiB: 10G is rejected, use 10Gi.',
      'Expansion is offline only: scale the workload to 0 before growing a volume.',
      'Zonal volumes: use WaitForFirstConsumer.',
      'Writes are replicated off the hypervisor asynchronously; schedule snapshots (they keep 3 copies).',
      'At most 5 attached volumes per instance and 20 snapshots per volume (Exoscale docs).',
      'Exoscale SKS installs the class exoscale-block-storage; the upstream manifests name it exoscale-sbs.',
    ],
    sources: [
      'exoscale/exoscale-csi-driver@6206a6fa:driver/controller.go, driver/helpers.go, driver/driver.go, CHANGELOG.md',
      'projectsyn/component-csi-exoscale (storageClass exoscale-block-storage)',
      'https://community.exoscale.com/documentation/block-storage/overview/',
    ],
  },
  {
    id: StorageSystemId.AWS_EBS,
    name: 'Amazon EBS',
    kind: StorageKind.BLOCK,
    provisioner: 'ebs.csi.aws.com',
    dynamicProvisioning: true,
    filesystemAccessModes: [RWO, RWOP],
    // RWX only for raw block io2 volumes with Multi-Attach (docs/multi-attach.md): the application must fence writers.
    blockAccessModes: [RWO, RWOP, RWX],
    expansion: ExpansionSupport.ONLINE,
    snapshots: true,
    snapshotDriver: 'ebs.csi.aws.com',
    sizeGranularity: SizeGranularity.ROUND_UP_GIB,
    minSizeGib: 1,
    maxSizeGib: 65536,
    topologyKey: 'topology.kubernetes.io/zone',
    recommendedBindingMode: WFFC,
    inTreePlugin: 'awsElasticBlockStore',
    inTreeProvisioner: 'kubernetes.io/aws-ebs',
    inTreeRemovedIn: '1.27',
    fsTypeParameter: CSI_FSTYPE,
    fsTypes: ['ext4', 'ext3', 'xfs'],
    parameters: [
      fsType(CSI_FSTYPE, ['ext4', 'ext3', 'xfs']),
      oneOf('type', 'EBS volume type', ['gp3', 'gp2', 'io1', 'io2', 'sc1', 'st1', 'standard']),
      int('iops', 'Provisioned IOPS (gp3, io1, io2)', 100, 256000),
      int('iopsPerGB', 'IOPS per GiB (io1, io2, gp3), capped at the type maximum', 1, 1000),
      bool('allowAutoIOPSPerGBIncrease', 'Raise IOPS to the type minimum instead of failing'),
      int('throughput', 'Throughput in MiB/s (gp3 only)', 125, 2000),
      bool('encrypted', 'Encrypt the volume at rest'),
      str('kmsKeyId', 'Full ARN of the KMS key used for encryption'),
      int('volumeInitializationRate', 'MiB/s initialization rate when restoring from a snapshot', 100, 300),
    ],
    notes: [
      'RWX exists only for raw block io2 volumes with Multi-Attach; ext4/xfs on a multi-attached volume corrupts.',
      'Sizes are rounded up to whole GiB.',
      'gp3: 3000-16000 IOPS, 125-1000 MiB/s throughput; io2: up to 256000 IOPS (AWS docs).',
    ],
    sources: [
      'kubernetes-sigs/aws-ebs-csi-driver:docs/parameters.md, docs/multi-attach.md, pkg/driver/controller.go',
      'https://kubernetes.io/docs/concepts/storage/volumes/#removed-volume-types',
    ],
  },
  {
    id: StorageSystemId.AZURE_DISK,
    name: 'Azure Disk',
    kind: StorageKind.BLOCK,
    provisioner: 'disk.csi.azure.com',
    dynamicProvisioning: true,
    filesystemAccessModes: [RWO, RWOP],
    // RWX only as raw block on a shared disk (maxShares > 1), deploy/example/sharedisk/README.md.
    blockAccessModes: [RWO, RWOP, RWX],
    expansion: ExpansionSupport.ONLINE,
    snapshots: true,
    snapshotDriver: 'disk.csi.azure.com',
    sizeGranularity: SizeGranularity.ROUND_UP_GIB,
    minSizeGib: 1,
    maxSizeGib: 65536,
    topologyKey: 'topology.disk.csi.azure.com/zone',
    recommendedBindingMode: WFFC,
    inTreePlugin: 'azureDisk',
    inTreeProvisioner: 'kubernetes.io/azure-disk',
    inTreeRemovedIn: '1.27',
    fsTypeParameter: 'fsType',
    fsTypes: ['ext4', 'ext3', 'ext2', 'xfs', 'btrfs', 'ntfs'],
    parameters: [
      fsType('fsType', ['ext4', 'ext3', 'ext2', 'xfs', 'btrfs', 'ntfs']),
      oneOf('skuName', 'Disk SKU', ['Standard_LRS', 'Premium_LRS', 'StandardSSD_LRS', 'UltraSSD_LRS', 'Premium_ZRS', 'StandardSSD_ZRS', 'PremiumV2_LRS']),
      oneOf('cachingMode', 'Host cache (PremiumV2 and Ultra: None only)', ['None', 'ReadOnly', 'ReadWrite']),
      int('DiskIOPSReadWrite', 'IOPS for UltraSSD and PremiumV2_LRS', 100, 400000),
      int('DiskMBpsReadWrite', 'Throughput in MB/s for UltraSSD and PremiumV2_LRS', 1, 10000),
      str('diskEncryptionSetID', 'Disk encryption set resource id (customer-managed key)'),
      oneOf('diskEncryptionType', 'Encryption type with a customer-managed key', ['EncryptionAtRestWithCustomerKey', 'EncryptionAtRestWithPlatformAndCustomerKeys']),
      int('maxShares', 'Number of nodes a shared disk attaches to (> 1: shared disk, raw block only)', 1, 10),
      oneOf('networkAccessPolicy', 'Disk export policy', ['AllowAll', 'DenyAll', 'AllowPrivate']),
      bool('enableBursting', 'On-demand bursting (Premium SSD > 512 GiB)'),
      str('resourceGroup', 'Resource group for the disks'),
      str('tags', 'Tags as key1=value1,key2=value2'),
    ],
    notes: [
      'RWX only as raw block on a shared disk (maxShares > 1); the application must coordinate writers.',
      'Sizes are rounded up to whole GiB.',
    ],
    sources: ['kubernetes-sigs/azuredisk-csi-driver:docs/driver-parameters.md, deploy/example/sharedisk/README.md'],
  },
  {
    id: StorageSystemId.AZURE_FILES,
    name: 'Azure Files',
    kind: StorageKind.FILE,
    provisioner: 'file.csi.azure.com',
    dynamicProvisioning: true,
    filesystemAccessModes: [RWO, ROX, RWX, RWOP],
    blockAccessModes: [],
    expansion: ExpansionSupport.ONLINE,
    snapshots: true,
    snapshotDriver: 'file.csi.azure.com',
    sizeGranularity: SizeGranularity.ROUND_UP_GIB,
    minSizeGib: 1,
    recommendedBindingMode: IMMEDIATE,
    inTreePlugin: 'azureFile',
    inTreeProvisioner: 'kubernetes.io/azure-file',
    inTreeRemovedIn: '1.30',
    parameters: [
      oneOf('skuName', 'Storage account SKU', ['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_RAGRS', 'Standard_RAGZRS', 'Premium_LRS', 'Premium_ZRS']),
      oneOf('protocol', 'Share protocol (nfs requires a Premium SKU)', ['smb', 'nfs']),
      oneOf('shareAccessTier', 'Share tier', ['TransactionOptimized', 'Hot', 'Cool', 'Premium']),
      str('storageAccount', 'Existing storage account'),
      str('resourceGroup', 'Resource group'),
      str('shareName', 'Existing share name'),
      bool('enableLargeFileShares', 'Large file shares on Standard accounts'),
      oneOf('rootSquashType', 'NFS root squash', ['AllSquash', 'NoRootSquash', 'RootSquash']),
      str('mountPermissions', 'Octal permissions of the mounted directory (NFS)'),
    ],
    notes: ['Premium shares have a 100 GiB minimum.', 'NFS shares need a Premium SKU.'],
    sources: ['kubernetes-sigs/azurefile-csi-driver:docs/driver-parameters.md'],
  },
  {
    id: StorageSystemId.GCE_PD,
    name: 'Google Compute Engine persistent disk',
    kind: StorageKind.BLOCK,
    provisioner: 'pd.csi.storage.gke.io',
    dynamicProvisioning: true,
    filesystemAccessModes: [RWO, ROX, RWOP],
    // RWX only as raw block multi-writer on disk types GCE allows (unverified which).
    blockAccessModes: [RWO, ROX, RWOP, RWX],
    expansion: ExpansionSupport.ONLINE,
    snapshots: true,
    snapshotDriver: 'pd.csi.storage.gke.io',
    sizeGranularity: SizeGranularity.ROUND_UP_GIB,
    minSizeGib: 1,
    maxSizeGib: 65536,
    topologyKey: 'topology.gke.io/zone',
    recommendedBindingMode: WFFC,
    inTreePlugin: 'gcePersistentDisk',
    inTreeProvisioner: 'kubernetes.io/gce-pd',
    inTreeRemovedIn: '1.28',
    fsTypeParameter: CSI_FSTYPE,
    fsTypes: ['ext4', 'xfs'],
    parameters: [
      fsType(CSI_FSTYPE, ['ext4', 'xfs', 'btrfs']),
      oneOf('type', 'Disk type', ['pd-standard', 'pd-balanced', 'pd-ssd', 'pd-extreme', 'hyperdisk-balanced', 'hyperdisk-throughput', 'hyperdisk-extreme']),
      oneOf('replication-type', 'Zonal or regional disk', ['none', 'regional-pd']),
      str('disk-encryption-kms-key', 'CMEK key resource id'),
      int('provisioned-iops-on-create', 'IOPS for pd-extreme and hyperdisk', 1, 350000),
      int('provisioned-throughput-on-create', 'MiB/s for hyperdisk', 1, 10000),
      str('labels', 'GCE labels as key1=value1,key2=value2'),
    ],
    notes: ['topology.gke.io/zone is the only topology key the driver supports.', 'Regional disks need WaitForFirstConsumer.'],
    sources: ['kubernetes-sigs/gcp-compute-persistent-disk-csi-driver:README.md, pkg/gce-pd-csi-driver/controller.go'],
  },
  {
    id: StorageSystemId.OPENSTACK_CINDER,
    name: 'OpenStack Cinder',
    kind: StorageKind.BLOCK,
    provisioner: 'cinder.csi.openstack.org',
    dynamicProvisioning: true,
    filesystemAccessModes: [RWO, RWOP],
    blockAccessModes: [RWO, RWOP],
    expansion: ExpansionSupport.ONLINE,
    snapshots: true,
    snapshotDriver: 'cinder.csi.openstack.org',
    sizeGranularity: SizeGranularity.ROUND_UP_GIB,
    minSizeGib: 1,
    topologyKey: 'topology.cinder.csi.openstack.org/zone',
    recommendedBindingMode: WFFC,
    inTreePlugin: 'cinder',
    inTreeProvisioner: 'kubernetes.io/cinder',
    inTreeRemovedIn: '1.26',
    fsTypeParameter: CSI_FSTYPE,
    fsTypes: ['ext4', 'xfs'],
    parameters: [
      fsType(CSI_FSTYPE, ['ext4', 'xfs']),
      str('type', 'Cinder volume type (must exist in the cloud)'),
      str('availability', 'Availability zone (prefer allowedTopologies)'),
    ],
    notes: ['Online expansion needs Cinder API microversion 3.42.'],
    sources: ['kubernetes/cloud-provider-openstack:docs/cinder-csi-plugin/using-cinder-csi-plugin.md'],
  },
  {
    id: StorageSystemId.VSPHERE,
    name: 'VMware vSphere CNS',
    kind: StorageKind.BLOCK,
    provisioner: 'csi.vsphere.vmware.com',
    dynamicProvisioning: true,
    // ROX/RWX only for file volumes on vSAN File Services (csi.storage.k8s.io/fstype: nfs4).
    filesystemAccessModes: [RWO, ROX, RWX],
    blockAccessModes: [RWO],
    expansion: ExpansionSupport.ONLINE,
    snapshots: true,
    snapshotDriver: 'csi.vsphere.vmware.com',
    sizeGranularity: SizeGranularity.ROUND_UP_GIB,
    recommendedBindingMode: WFFC,
    sharedAccessRequires: { parameter: CSI_FSTYPE, value: 'nfs4' },
    inTreePlugin: 'vsphereVolume',
    inTreeProvisioner: 'kubernetes.io/vsphere-volume',
    inTreeRemovedIn: '1.30',
    fsTypeParameter: CSI_FSTYPE,
    fsTypes: ['ext4', 'xfs', 'nfs4'],
    parameters: [
      fsType(CSI_FSTYPE, ['ext4', 'xfs', 'nfs4']),
      str('storagepolicyname', 'SPBM storage policy name'),
      str('datastoreurl', 'Target datastore URL (ds:///vmfs/volumes/...)'),
    ],
    notes: [
      'ReadWriteMany and ReadOnlyMany only for file volumes on vSAN File Services (fstype nfs4).',
      'Topology keys are deployment-specific (topology.csi.vmware.com/<label>).',
    ],
    sources: ['kubernetes-sigs/vsphere-csi-driver:docs, example StorageClasses'],
  },
  {
    id: StorageSystemId.CEPH_RBD,
    name: 'Ceph RBD (Rook)',
    kind: StorageKind.BLOCK,
    provisioner: 'rbd.csi.ceph.com',
    provisionerMayBePrefixed: true,
    dynamicProvisioning: true,
    filesystemAccessModes: [RWO, RWOP],
    blockAccessModes: [RWO, RWOP, RWX],
    expansion: ExpansionSupport.ONLINE,
    snapshots: true,
    snapshotDriver: 'rbd.csi.ceph.com',
    sizeGranularity: SizeGranularity.ANY,
    recommendedBindingMode: IMMEDIATE,
    inTreePlugin: 'rbd',
    inTreeProvisioner: 'kubernetes.io/rbd',
    inTreeRemovedIn: '1.31',
    fsTypeParameter: CSI_FSTYPE,
    fsTypes: ['ext4', 'xfs'],
    parameters: [
      str('clusterID', 'Ceph cluster id (with Rook: the cluster namespace)', true),
      str('pool', 'RBD pool (with Rook: the CephBlockPool name)', true),
      str('dataPool', 'Erasure-coded data pool'),
      oneOf('imageFormat', 'RBD image format', ['2']),
      str('imageFeatures', 'Comma-separated RBD image features, e.g. layering,exclusive-lock'),
      fsType(CSI_FSTYPE, ['ext4', 'xfs']),
      oneOf('mounter', 'Kernel RBD or rbd-nbd', ['rbd-nbd']),
      bool('encrypted', 'LUKS encryption'),
      ...cephSecretParams,
    ],
    notes: [
      'Replica count lives on the CephBlockPool (spec.replicated.size), not in the StorageClass.',
      'With Rook the provisioner is <operator-namespace>.rbd.csi.ceph.com, e.g. rook-ceph.rbd.csi.ceph.com.',
      'RWX only as raw block; the application must fence writers.',
    ],
    sources: ['ceph/ceph-csi:docs/deploy-rbd.md, internal/rbd/controllerserver.go', 'rook/rook:deploy/examples/csi/rbd/storageclass.yaml'],
  },
  {
    id: StorageSystemId.CEPHFS,
    name: 'CephFS (Rook)',
    kind: StorageKind.FILE,
    provisioner: 'cephfs.csi.ceph.com',
    provisionerMayBePrefixed: true,
    dynamicProvisioning: true,
    filesystemAccessModes: [RWO, RWX, RWOP, ROX],
    blockAccessModes: [],
    expansion: ExpansionSupport.ONLINE,
    snapshots: true,
    snapshotDriver: 'cephfs.csi.ceph.com',
    sizeGranularity: SizeGranularity.ANY,
    recommendedBindingMode: IMMEDIATE,
    inTreePlugin: 'cephfs',
    inTreeRemovedIn: '1.31',
    parameters: [
      str('clusterID', 'Ceph cluster id (with Rook: the cluster namespace)', true),
      str('fsName', 'CephFS file system name', true),
      str('pool', 'Data pool'),
      oneOf('mounter', 'Client', ['kernel', 'fuse']),
      str('kernelMountOptions', 'Kernel client mount options'),
      str('fuseMountOptions', 'FUSE client mount options'),
      bool('encrypted', 'fscrypt encryption'),
      ...cephSecretParams,
    ],
    notes: ['ReadOnlyMany only for claims restored from a snapshot or clone.'],
    sources: ['ceph/ceph-csi:docs/deploy-cephfs.md', 'rook/rook:deploy/examples/csi/cephfs/storageclass.yaml'],
  },
  {
    id: StorageSystemId.LONGHORN,
    name: 'Longhorn',
    kind: StorageKind.BLOCK,
    provisioner: 'driver.longhorn.io',
    dynamicProvisioning: true,
    // RWX through the share-manager (NFSv4) for Filesystem claims.
    filesystemAccessModes: [RWO, RWX, RWOP],
    blockAccessModes: [RWO],
    expansion: ExpansionSupport.ONLINE,
    snapshots: true,
    snapshotDriver: 'driver.longhorn.io',
    sizeGranularity: SizeGranularity.ANY,
    recommendedBindingMode: IMMEDIATE,
    fsTypeParameter: 'fsType',
    fsTypes: ['ext4', 'xfs'],
    parameters: [
      int('numberOfReplicas', 'Number of replicas of each volume', 1, 20),
      int('staleReplicaTimeout', 'Minutes before a failed replica is removed', 1, 1000000),
      fsType('fsType', ['ext4', 'xfs']),
      oneOf('dataLocality', 'Keep a replica on the node running the workload', ['disabled', 'best-effort', 'strict-local']),
      bool('encrypted', 'LUKS encryption (needs csi.storage.k8s.io/*-secret-* parameters)'),
      str('diskSelector', 'Comma-separated disk tags'),
      str('nodeSelector', 'Comma-separated node tags'),
      str('recurringJobSelector', 'JSON list of recurring snapshot/backup jobs'),
      str('nfsOptions', 'NFS mount options for RWX volumes'),
      bool('migratable', 'Live-migratable block volumes (KubeVirt)'),
      oneOf('dataEngine', 'Data engine', ['v1', 'v2']),
    ],
    notes: ['RWX volumes are served over NFSv4 by a share-manager pod: the nodes need an NFS client.'],
    sources: ['longhorn/longhorn:deploy/longhorn.yaml, examples/storageclass.yaml', 'https://longhorn.io/docs/latest/references/storage-class-parameters/'],
  },
  {
    id: StorageSystemId.OPENEBS_MAYASTOR,
    name: 'OpenEBS Mayastor',
    kind: StorageKind.BLOCK,
    provisioner: 'io.openebs.csi-mayastor',
    dynamicProvisioning: true,
    filesystemAccessModes: [RWO],
    blockAccessModes: [RWO],
    expansion: ExpansionSupport.ONLINE,
    snapshots: true,
    snapshotDriver: 'io.openebs.csi-mayastor',
    sizeGranularity: SizeGranularity.ANY,
    recommendedBindingMode: IMMEDIATE,
    fsTypeParameter: 'fsType',
    fsTypes: ['ext4', 'xfs', 'btrfs'],
    parameters: [
      int('repl', 'Synchronous replica count', 1, 32),
      oneOf('protocol', 'Target protocol', ['nvmf']),
      fsType('fsType', ['ext4', 'xfs', 'btrfs']),
      bool('thin', 'Thin provisioning'),
    ],
    notes: ['Expansion needs Mayastor 2.6 or later.', 'ReadWriteOncePod support unverified.'],
    sources: ['openebs/mayastor docs: storage class parameters'],
  },
  {
    id: StorageSystemId.OPENEBS_LOCALPV,
    name: 'OpenEBS LocalPV hostpath',
    kind: StorageKind.LOCAL,
    provisioner: 'openebs.io/local',
    dynamicProvisioning: true,
    filesystemAccessModes: [RWO],
    blockAccessModes: [],
    expansion: ExpansionSupport.NONE,
    snapshots: false,
    sizeGranularity: SizeGranularity.NOT_ENFORCED,
    topologyKey: 'kubernetes.io/hostname',
    recommendedBindingMode: WFFC,
    // Settings travel as the cas.openebs.io/config annotation, not as parameters.
    parameters: [],
    notes: [
      'Node-local: data is lost with the node. Must use WaitForFirstConsumer (OpenEBS docs).',
      'Configured by the cas.openebs.io/config annotation (BasePath, default /var/openebs/local).',
      'Expansion and snapshots unverified: treated as unsupported.',
    ],
    sources: ['openebs/dynamic-localpv-provisioner:docs/quickstart.md'],
  },
  {
    id: StorageSystemId.PORTWORX,
    name: 'Portworx',
    kind: StorageKind.BLOCK,
    provisioner: 'pxd.portworx.com',
    dynamicProvisioning: true,
    // RWX for Filesystem claims with sharedv4: "true".
    filesystemAccessModes: [RWO, RWX],
    blockAccessModes: [RWO],
    expansion: ExpansionSupport.ONLINE,
    snapshots: true,
    snapshotDriver: 'pxd.portworx.com',
    sizeGranularity: SizeGranularity.ANY,
    recommendedBindingMode: IMMEDIATE,
    sharedAccessRequires: { parameter: 'sharedv4', value: 'true' },
    inTreePlugin: 'portworxVolume',
    inTreeProvisioner: 'kubernetes.io/portworx-volume',
    fsTypeParameter: 'fs',
    fsTypes: ['ext4', 'xfs', 'none'],
    parameters: [
      int('repl', 'Synchronous replicas', 1, 3),
      fsType('fs', ['ext4', 'xfs', 'none']),
      oneOf('io_profile', 'IO profile', ['auto', 'db', 'db_remote', 'sequential', 'random', 'cms', 'sync_shared', 'none']),
      oneOf('priority_io', 'Storage tier', ['high', 'medium', 'low']),
      bool('sharedv4', 'Shared (RWX) volume served over NFS'),
      oneOf('sharedv4_svc_type', 'Service type for sharedv4 service volumes', ['ClusterIP', 'LoadBalancer']),
      bool('secure', 'Encrypt the volume'),
    ],
    notes: ['In-tree portworxVolume is deprecated (1.25) and migrated to CSI by default since 1.31; not removed.'],
    sources: ['https://docs.portworx.com/ (StorageClass parameters)', 'kubernetes/website: volumes.md'],
  },
  {
    id: StorageSystemId.STORAGEOS,
    name: 'StorageOS / Ondat',
    kind: StorageKind.BLOCK,
    provisioner: 'csi.storageos.com',
    dynamicProvisioning: true,
    filesystemAccessModes: [RWO],
    blockAccessModes: [],
    expansion: ExpansionSupport.ONLINE,
    snapshots: false,
    sizeGranularity: SizeGranularity.ANY,
    recommendedBindingMode: IMMEDIATE,
    inTreePlugin: 'storageos',
    inTreeProvisioner: 'kubernetes.io/storageos',
    inTreeRemovedIn: '1.25',
    fsTypeParameter: CSI_FSTYPE,
    fsTypes: ['ext4', 'xfs'],
    parameters: [
      fsType(CSI_FSTYPE, ['ext4', 'xfs']),
      int('storageos.com/replicas', 'Number of replicas', 0, 5),
      bool('storageos.com/encryption', 'Encryption at rest'),
      bool('storageos.com/topology-aware', 'Topology-aware placement'),
      bool('storageos.com/nocompress', 'Disable compression'),
      str('csi.storage.k8s.io/secret-name', 'API credentials secret'),
      str('csi.storage.k8s.io/secret-namespace', 'Namespace of the API credentials secret'),
    ],
    notes: ['Product status unverified; snapshots believed unsupported; RWX (shared file system) unverified, so not offered.'],
    sources: ['ondat/documentation (operator default StorageClass)'],
  },
  {
    id: StorageSystemId.NFS,
    name: 'NFS (csi-driver-nfs)',
    kind: StorageKind.FILE,
    provisioner: 'nfs.csi.k8s.io',
    dynamicProvisioning: true,
    filesystemAccessModes: [RWO, ROX, RWX],
    blockAccessModes: [],
    // The driver echoes the new size; no quota is enforced.
    expansion: ExpansionSupport.ONLINE,
    snapshots: true,
    snapshotDriver: 'nfs.csi.k8s.io',
    sizeGranularity: SizeGranularity.NOT_ENFORCED,
    recommendedBindingMode: IMMEDIATE,
    inTreePlugin: 'nfs',
    parameters: [
      str('server', 'NFS server host name or IP', true),
      str('share', 'Exported path', true),
      str('subDir', 'Sub-directory under the share (templating supported)'),
      str('mountPermissions', 'Octal permissions applied after mount'),
      oneOf('onDelete', 'What happens to the directory when the volume is deleted', ['delete', 'retain', 'archive']),
    ],
    notes: ['Capacity is advisory: NFS enforces no quota.', 'The in-tree nfs volume remains available for static PVs.'],
    sources: ['kubernetes-csi/csi-driver-nfs:docs/driver-parameters.md'],
  },
  {
    id: StorageSystemId.AWS_EFS,
    name: 'Amazon EFS',
    kind: StorageKind.FILE,
    provisioner: 'efs.csi.aws.com',
    dynamicProvisioning: true,
    filesystemAccessModes: [RWO, RWX, ROX],
    blockAccessModes: [],
    expansion: ExpansionSupport.NONE,
    snapshots: false,
    sizeGranularity: SizeGranularity.NOT_ENFORCED,
    recommendedBindingMode: IMMEDIATE,
    parameters: [
      oneOf('provisioningMode', 'Dynamic provisioning mode (access point per volume)', ['efs-ap'], { required: true }),
      str('fileSystemId', 'Existing EFS file system id (fs-...)', true),
      str('directoryPerms', 'Permissions of the access point root directory, e.g. 700', true),
      int('uid', 'POSIX user id enforced by the access point', 0, 4294967295),
      int('gid', 'POSIX group id enforced by the access point', 0, 4294967295),
      int('gidRangeStart', 'Start of the gid range for access points', 0, 4294967295),
      int('gidRangeEnd', 'End of the gid range for access points', 0, 4294967295),
      str('basePath', 'Base path of the access points'),
      bool('ensureUniqueDirectory', 'Add a unique suffix to each directory'),
    ],
    notes: ['EFS is elastic: capacity is a placeholder.', 'The file system itself is created outside Kubernetes.'],
    sources: ['kubernetes-sigs/aws-efs-csi-driver:docs/README.md (dynamic provisioning)'],
  },
  {
    id: StorageSystemId.S3_MOUNTPOINT,
    name: 'S3 via Mountpoint',
    kind: StorageKind.OBJECT,
    provisioner: 's3.csi.aws.com',
    dynamicProvisioning: false,
    filesystemAccessModes: [RWX, ROX],
    blockAccessModes: [],
    expansion: ExpansionSupport.NONE,
    snapshots: false,
    sizeGranularity: SizeGranularity.NOT_ENFORCED,
    recommendedBindingMode: IMMEDIATE,
    parameters: [],
    notes: [
      'Static provisioning only: storageClassName "" on both PV and claim; capacity is required but ignored.',
      'No random writes: files are written sequentially from the start; overwrite needs allow-overwrite and O_TRUNC; delete needs allow-delete.',
      'No rename, no hard or symbolic links, no chmod/chown; one writer per file, with no coordination between writers.',
      'Every file operation is an S3 request: fast for large sequential reads, slow for small random IO. Not for databases.',
    ],
    sources: ['awslabs/mountpoint-s3-csi-driver:docs/', 'awslabs/mountpoint-s3:doc/SEMANTICS.md'],
  },
  {
    id: StorageSystemId.GLUSTERFS,
    name: 'GlusterFS',
    kind: StorageKind.FILE,
    dynamicProvisioning: false,
    filesystemAccessModes: [RWO, ROX, RWX],
    blockAccessModes: [],
    expansion: ExpansionSupport.NONE,
    snapshots: false,
    sizeGranularity: SizeGranularity.ANY,
    recommendedBindingMode: IMMEDIATE,
    inTreePlugin: 'glusterfs',
    inTreeProvisioner: 'kubernetes.io/glusterfs',
    inTreeRemovedIn: '1.26',
    parameters: [],
    notes: ['The in-tree plugin was removed in Kubernetes 1.26 and no CSI driver is maintained: use NFS, CephFS, Azure Files, EFS, Longhorn RWX or Portworx sharedv4.'],
    sources: ['https://kubernetes.io/blog/2022/08/04/upcoming-changes-in-kubernetes-1-25/', 'kubernetes/website: volumes.md (removed volume types)'],
  },
  {
    id: StorageSystemId.ISCSI,
    name: 'iSCSI',
    kind: StorageKind.BLOCK,
    dynamicProvisioning: false,
    filesystemAccessModes: [RWO, ROX],
    blockAccessModes: [RWO, ROX],
    expansion: ExpansionSupport.NONE,
    snapshots: false,
    sizeGranularity: SizeGranularity.ANY,
    recommendedBindingMode: IMMEDIATE,
    inTreePlugin: 'iscsi',
    parameters: [],
    notes: ['Static PVs only (in-tree iscsi volume, or iscsi.csi.k8s.io for static CSI PVs).'],
    sources: ['kubernetes/website: volumes.md#iscsi', 'kubernetes-csi/csi-driver-iscsi:README.md'],
  },
  {
    id: StorageSystemId.LOCAL,
    name: 'Local persistent volumes',
    kind: StorageKind.LOCAL,
    provisioner: NO_PROVISIONER,
    dynamicProvisioning: false,
    filesystemAccessModes: [RWO],
    blockAccessModes: [RWO],
    expansion: ExpansionSupport.NONE,
    snapshots: false,
    sizeGranularity: SizeGranularity.NOT_ENFORCED,
    topologyKey: 'kubernetes.io/hostname',
    recommendedBindingMode: WFFC,
    inTreePlugin: 'local',
    parameters: [],
    notes: ['Static PVs with nodeAffinity (required); data is unavailable while its node is down.'],
    sources: ['kubernetes/website: storage-classes.md#local, volumes.md#local'],
  },
  {
    id: StorageSystemId.HOST_PATH,
    name: 'hostPath',
    kind: StorageKind.LOCAL,
    dynamicProvisioning: false,
    filesystemAccessModes: [RWO, ROX, RWX],
    blockAccessModes: [],
    expansion: ExpansionSupport.NONE,
    snapshots: false,
    sizeGranularity: SizeGranularity.NOT_ENFORCED,
    recommendedBindingMode: IMMEDIATE,
    inTreePlugin: 'hostPath',
    parameters: [],
    notes: [
      'For single-node testing only: "WILL NOT WORK in a multi-node cluster" (PV docs). Each node sees its own directory.',
      'A security risk: the pod reaches the node file system.',
      'Kubernetes does not enforce access modes on hostPath: on a single node every mode works, on several nodes none shares data.',
    ],
    sources: ['kubernetes/website: persistent-volumes.md (types), volumes.md#hostpath'],
  },
];

const BY_ID = new Map<string, StorageSystemInfo>(CATALOG.map((s) => [s.id, s]));

/**
 * Read access to the storage catalog.
 */
export class StorageCatalog {
  /** Every storage system the library knows. */
  public static all(): StorageSystemInfo[] {
    return [...CATALOG];
  }

  /** The facts for one storage system. */
  public static get(id: StorageSystemId): StorageSystemInfo {
    const info = BY_ID.get(id);
    if (!info) {
      throw new Error(`unknown storage system id ${JSON.stringify(id)}; known: ${CATALOG.map((s) => s.id).join(', ')}`);
    }
    return info;
  }

  /**
   * The storage system a CSI provisioner name belongs to, or undefined. Rook's prefixed ceph-csi names
   * (`rook-ceph.rbd.csi.ceph.com`) are recognised.
   */
  public static forProvisioner(provisioner: string): StorageSystemInfo | undefined {
    if (typeof provisioner !== 'string') return undefined;
    for (const s of CATALOG) {
      if (!s.provisioner) continue;
      if (s.provisioner === provisioner) return s;
      if (s.provisionerMayBePrefixed && provisioner.endsWith('.' + s.provisioner)) return s;
    }
    return undefined;
  }

  /**
   * The storage system whose removed or deprecated in-tree provisioner (`kubernetes.io/aws-ebs`, ...) this is, or undefined.
   */
  public static forInTreeProvisioner(provisioner: string): StorageSystemInfo | undefined {
    return CATALOG.find((s) => s.inTreeProvisioner !== undefined && s.inTreeProvisioner === provisioner);
  }

  /** The storage system of an in-tree volume plugin (`awsElasticBlockStore`, `nfs`, `hostPath`, ...), or undefined. */
  public static forInTreePlugin(plugin: string): StorageSystemInfo | undefined {
    return CATALOG.find((s) => s.inTreePlugin === plugin);
  }

  /** Storage systems that give ReadWriteMany to Filesystem claims through dynamic provisioning. */
  public static sharedFileSystems(): StorageSystemInfo[] {
    return CATALOG.filter((s) => s.dynamicProvisioning && s.filesystemAccessModes.includes(PersistentVolumeAccessMode.READ_WRITE_MANY));
  }

  private constructor() {}
}

/**
 * What a class of a system can do with its parameters: without the parameter that enables sharing (see
 * `sharedAccessRequires`), Filesystem claims get neither ReadWriteMany nor ReadOnlyMany.
 */
export function effectiveCapabilities(system: StorageSystemInfo, parameters: Record<string, unknown> | undefined): StorageCapabilities {
  const cond = system.sharedAccessRequires;
  if (!cond || (parameters && String(parameters[cond.parameter]) === cond.value)) return system;
  return {
    ...system,
    filesystemAccessModes: system.filesystemAccessModes.filter((m) => m !== RWX && m !== ROX),
  };
}

/** Access modes a system supports for a volume mode. */
export function accessModesFor(caps: StorageCapabilities, volumeMode: string | undefined): PersistentVolumeAccessMode[] {
  return volumeMode === 'Block' ? caps.blockAccessModes : caps.filesystemAccessModes;
}
