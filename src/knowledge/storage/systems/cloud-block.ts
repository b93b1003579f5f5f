import { bool, CSI_FSTYPE, fsType, int, oneOf, ROX, RWO, RWOP, RWX, str, WFFC } from './helpers';
import { StorageSystemId, StorageSystemInfo } from '../system';
import { ExpansionSupport, SizeGranularity, StorageKind } from '../types';

/*
 * Entries of the storage catalog (read through StorageCatalog, which lists them in its own order).
 * Block storage of cloud providers and hypervisors: one disk attached to one node at a time.
 */

export const exoscaleBlockStorage: StorageSystemInfo = {
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
};

/** The EBS volume types the driver creates (docs/parameters.md). */
const EBS_TYPES = ['gp3', 'gp2', 'io1', 'io2', 'sc1', 'st1', 'standard'];

export const awsEbs: StorageSystemInfo = {
  id: StorageSystemId.AWS_EBS,
  name: 'Amazon EBS',
  family: 'aws',
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
    oneOf('type', 'EBS volume type', EBS_TYPES, { defaultValue: 'gp3' }),
    // Per type (AWS EBS volume types): gp3 3,000-16,000, io1 100-64,000, io2 100-256,000; others take no IOPS.
    int('iops', 'Provisioned IOPS (gp3, io1, io2)', 100, 256000, {
      constraints: [
        { whenParameter: 'type', whenValues: ['gp3'], min: 3000, max: 16000 },
        { whenParameter: 'type', whenValues: ['io1'], min: 100, max: 64000 },
        { whenParameter: 'type', whenValues: ['io2'], min: 100, max: 256000 },
        { whenParameter: 'type', whenValues: EBS_TYPES.filter((t) => !['gp3', 'io1', 'io2'].includes(t)), notAllowed: true },
      ],
    }),
    int('iopsPerGB', 'IOPS per GiB (io1, io2, gp3), capped at the type maximum', 1, 1000),
    bool('allowAutoIOPSPerGBIncrease', 'Raise IOPS to the type minimum instead of failing'),
    // gp3 only: 125-1,000 MiB/s (AWS EBS volume types).
    int('throughput', 'Throughput in MiB/s (gp3 only)', 125, 2000, {
      unit: 'MiB/s',
      constraints: [
        { whenParameter: 'type', whenValues: ['gp3'], min: 125, max: 1000 },
        { whenParameter: 'type', whenValues: EBS_TYPES.filter((t) => t !== 'gp3'), notAllowed: true },
      ],
    }),
    bool('encrypted', 'Encrypt the volume at rest'),
    str('kmsKeyId', 'Full ARN of the KMS key used for encryption', false, {
      pattern: '^arn:aws[a-z-]*:kms:', patternDescription: 'a KMS key ARN', example: 'arn:aws:kms:<region>:<account>:key/<id>',
    }),
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
};

export const azureDisk: StorageSystemInfo = {
  id: StorageSystemId.AZURE_DISK,
  name: 'Azure Disk',
  family: 'azure',
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
};

export const gcePd: StorageSystemInfo = {
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
};

export const openstackCinder: StorageSystemInfo = {
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
};

export const vsphere: StorageSystemInfo = {
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
  // Zones and regions are labels the vSphere admin chooses (topology.csi.vmware.com/k8s-zone, ...): docs, topology.
  topologyKeyPrefix: 'topology.csi.vmware.com/',
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
};
