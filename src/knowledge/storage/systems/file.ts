import { ABSOLUTE_PATH, bool, cephSecretParams, IMMEDIATE, int, OCTAL, oneOf, ROX, RWO, RWOP, RWX, str } from './helpers';
import { StorageSystemId, StorageSystemInfo } from '../system';
import { ExpansionSupport, SizeGranularity, StorageKind } from '../types';

/*
 * Entries of the storage catalog (read through StorageCatalog, which lists them in its own order).
 * Network file systems that many nodes mount at once.
 */

export const azureFiles: StorageSystemInfo = {
  id: StorageSystemId.AZURE_FILES,
  name: 'Azure Files',
  family: 'azure',
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
  // Premium (FileStorage) shares are 100 GiB at least (azurefile-csi-driver docs/driver-parameters.md).
  sizeLimitsWhen: [{ parameter: 'skuName', values: ['Premium_LRS', 'Premium_ZRS'], minSizeGib: 100 }],
  parameters: [
    // NFS shares need a Premium (FileStorage) account (docs/driver-parameters.md).
    oneOf('skuName', 'Storage account SKU', ['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_RAGRS', 'Standard_RAGZRS', 'Premium_LRS', 'Premium_ZRS'], {
      constraints: [{ whenParameter: 'protocol', whenValues: ['nfs'], allowedValues: ['Premium_LRS', 'Premium_ZRS'] }],
    }),
    oneOf('protocol', 'Share protocol (nfs requires a Premium SKU)', ['smb', 'nfs'], { defaultValue: 'smb' }),
    oneOf('shareAccessTier', 'Share tier', ['TransactionOptimized', 'Hot', 'Cool', 'Premium']),
    str('storageAccount', 'Existing storage account'),
    str('resourceGroup', 'Resource group'),
    str('shareName', 'Existing share name'),
    bool('enableLargeFileShares', 'Large file shares on Standard accounts'),
    oneOf('rootSquashType', 'NFS root squash', ['AllSquash', 'NoRootSquash', 'RootSquash']),
    str('mountPermissions', 'Octal permissions of the mounted directory (NFS)', false, OCTAL),
  ],
  notes: ['Premium shares have a 100 GiB minimum.', 'NFS shares need a Premium SKU.'],
  sources: ['kubernetes-sigs/azurefile-csi-driver:docs/driver-parameters.md'],
};

export const cephfs: StorageSystemInfo = {
  id: StorageSystemId.CEPHFS,
  name: 'CephFS (Rook)',
  family: 'ceph',
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
};

export const nfs: StorageSystemInfo = {
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
    str('share', 'Exported path', true, ABSOLUTE_PATH),
    str('subDir', 'Sub-directory under the share (templating supported)'),
    str('mountPermissions', 'Octal permissions applied after mount', false, OCTAL),
    oneOf('onDelete', 'What happens to the directory when the volume is deleted', ['delete', 'retain', 'archive']),
  ],
  notes: ['Capacity is advisory: NFS enforces no quota.', 'The in-tree nfs volume remains available for static PVs.'],
  sources: ['kubernetes-csi/csi-driver-nfs:docs/driver-parameters.md'],
};

export const awsEfs: StorageSystemInfo = {
  id: StorageSystemId.AWS_EFS,
  name: 'Amazon EFS',
  family: 'aws',
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
    str('fileSystemId', 'Existing EFS file system id (fs-...)', true, { pattern: '^fs-[0-9a-f]+$', patternDescription: 'an EFS file system id', example: 'fs-0123456789abcdef0' }),
    str('directoryPerms', 'Permissions of the access point root directory, e.g. 700', true, OCTAL),
    int('uid', 'POSIX user id enforced by the access point', 0, 4294967295),
    int('gid', 'POSIX group id enforced by the access point', 0, 4294967295),
    int('gidRangeStart', 'Start of the gid range for access points', 0, 4294967295),
    int('gidRangeEnd', 'End of the gid range for access points', 0, 4294967295),
    str('basePath', 'Base path of the access points', false, ABSOLUTE_PATH),
    bool('ensureUniqueDirectory', 'Add a unique suffix to each directory'),
  ],
  notes: ['EFS is elastic: capacity is a placeholder.', 'The file system itself is created outside Kubernetes.'],
  sources: ['kubernetes-sigs/aws-efs-csi-driver:docs/README.md (dynamic provisioning)'],
};

export const glusterfs: StorageSystemInfo = {
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
};
