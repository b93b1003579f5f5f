import { PersistentVolumeAccessMode as Mode } from 'cdk8s-plus-27';
import { RuleFixture, k } from './fixture';
import { claim, pv, ref, exo, sts } from './volume-builders';
import { ExpansionSupport, KnownStorageClass, SizeGranularity, StorageKind, VolumeBindingMode } from '../../../src';

const inlinePod = (volume: Record<string, any>): any => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'app', namespace: 'default' },
  spec: { containers: [{ name: 'app', image: 'registry.example.com/app:1.0', volumeMounts: [{ name: 'data', mountPath: '/data' }] }], volumes: [volume] },
});

const snapshotClass = (name: string, driver: string): any => ({
  apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshotClass', metadata: { name }, driver, deletionPolicy: 'Delete',
});

const ebsVolume = { volumeID: 'vol-0123456789abcdef0', fsType: 'ext4' };

/** A static local volume: a disk of one node (raw block, or a mounted file system). */
const localPv = (name: string, volumeMode: string, path: string, spec: Record<string, any> = {}): any => pv(name, {
  nfs: undefined,
  volumeMode,
  accessModes: ['ReadWriteOnce'],
  storageClassName: 'local-disks',
  local: { path },
  nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-1'] }] }] } },
  ...spec,
});

/**
 * Classes the platform declares the capabilities of, for drivers the catalog does not know: disks for virtual machines
 * (raw block only, shared for live migration; the provisioner left out), and CernVM-FS, a read-only file system.
 */
const vmDisks: KnownStorageClass = {
  name: 'vm-disks',
  capabilities: {
    kind: StorageKind.BLOCK,
    filesystemAccessModes: [],
    blockAccessModes: [Mode.READ_WRITE_ONCE, Mode.READ_WRITE_MANY],
    expansion: ExpansionSupport.ONLINE,
    snapshots: false,
    sizeGranularity: SizeGranularity.EXACT_GIB,
    minSizeGib: 1,
    recommendedBindingMode: VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER,
  },
};
const cvmfs: KnownStorageClass = {
  name: 'cvmfs',
  provisioner: 'cvmfs.csi.cern.ch',
  capabilities: {
    kind: StorageKind.FILE,
    filesystemAccessModes: [Mode.READ_ONLY_MANY],
    blockAccessModes: [],
    expansion: ExpansionSupport.NONE,
    snapshots: false,
    sizeGranularity: SizeGranularity.NOT_ENFORCED,
    recommendedBindingMode: VolumeBindingMode.IMMEDIATE,
  },
};

export const FIXTURES: RuleFixture[] = [
  {
    ruleId: 'STO-001',
    trips: [k.storageClass('gp2', 'kubernetes.io/aws-ebs')],
    message: 'provisioner kubernetes.io/aws-ebs (Amazon EBS in-tree plugin) was removed in Kubernetes 1.27',
    passes: [k.storageClass('gp2', 'ebs.csi.aws.com')],
  },
  {
    ruleId: 'STO-001',
    trips: [k.storageClass('q', 'kubernetes.io/quobyte'), k.storageClass('s', 'kubernetes.io/scaleio')],
    message: 'provisioner kubernetes.io/scaleio (Dell EMC ScaleIO (PowerFlex) in-tree plugin) was removed in Kubernetes 1.21',
    // a system outside the catalog: no driver to name
    fix: 'Dell EMC ScaleIO (PowerFlex) has no in-tree support left: use its vendor\'s CSI driver, or move the data to a storage system of the catalog.',
    passes: [k.storageClass('q', 'csi.exoscale.com')],
  },
  {
    // a system of the catalog without a CSI driver: the fix is the catalog's note on it
    ruleId: 'STO-001',
    trips: [k.storageClass('shared', 'kubernetes.io/glusterfs')],
    message: 'provisioner kubernetes.io/glusterfs (GlusterFS in-tree plugin) was removed in Kubernetes 1.26',
    fix: 'GlusterFS: The in-tree plugin was removed in Kubernetes 1.26 and no CSI driver is maintained',
    passes: [k.storageClass('shared', 'nfs.csi.k8s.io', { parameters: { server: 'nfs.internal', share: '/exports/shared' } })],
  },
  {
    ruleId: 'STO-002',
    trips: [k.storageClass('lh', 'driver.longhorn.io', { parameters: { numberOfReplicas: '0' } })],
    message: 'parameter numberOfReplicas is 0, outside the range Longhorn accepts (1 to 20)',
    fix: 'Set numberOfReplicas between 1 and 20.',
    passes: [k.storageClass('lh', 'driver.longhorn.io', { parameters: { numberOfReplicas: '3' } })],
  },
  {
    // per volume type, from the catalog: the same limits BlockProvisioner.awsEbs refuses (issue 17)
    ruleId: 'STO-002',
    trips: [k.storageClass('gp3', 'ebs.csi.aws.com', { parameters: { type: 'gp3', iops: '20000' } })],
    message: 'parameter iops is 20000, outside the range for type gp3 (3000-16000)',
    passes: [k.storageClass('gp3', 'ebs.csi.aws.com', { parameters: { type: 'gp3', iops: '16000', throughput: '1000' } })],
  },
  {
    ruleId: 'STO-002',
    trips: [k.storageClass('fast', 'ebs.csi.aws.com', { parameters: { throughput: '1500' } })],
    message: 'parameter throughput is 1500, outside the range for type gp3 (125-1000 MiB/s; type is not set, so gp3, the driver\'s default)',
    passes: [k.storageClass('fast', 'ebs.csi.aws.com', { parameters: { throughput: '500' } })],
  },
  {
    ruleId: 'STO-002',
    trips: [k.storageClass('st1', 'ebs.csi.aws.com', { parameters: { type: 'st1', iops: '500' } })],
    message: 'parameter iops 500 cannot be set for type st1',
    passes: [k.storageClass('io2', 'ebs.csi.aws.com', { parameters: { type: 'io2', iops: '100000' } })],
  },
  {
    ruleId: 'STO-003',
    trips: [
      k.storageClass('a', 'csi.exoscale.com', { metadata: { name: 'a', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } }),
      k.storageClass('b', 'driver.longhorn.io', { metadata: { name: 'b', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } }),
    ],
    message: '2 default StorageClasses: a, b',
    passes: [
      k.storageClass('a', 'csi.exoscale.com', { metadata: { name: 'a', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } }),
      k.storageClass('b', 'driver.longhorn.io'),
    ],
  },
  {
    ruleId: 'STO-004',
    trips: [{ apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshotClass', metadata: { name: 's' }, driver: 'efs.csi.aws.com', deletionPolicy: 'Retain' }],
    message: 'driver efs.csi.aws.com (Amazon EFS) does not support CSI snapshots',
    passes: [{ apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshotClass', metadata: { name: 's' }, driver: 'ebs.csi.aws.com', deletionPolicy: 'Retain' }],
  },
  {
    // in-tree provisioner names: the CSI driver that replaced one is named, when there is one (GlusterFS has none)
    ruleId: 'STO-004',
    trips: [snapshotClass('gluster', 'kubernetes.io/glusterfs'), snapshotClass('ebs', 'kubernetes.io/aws-ebs')],
    message: 'driver kubernetes.io/glusterfs is an in-tree provisioner name; snapshots need a CSI driver\n'
      + 'driver kubernetes.io/aws-ebs is an in-tree provisioner name; snapshots need a CSI driver (ebs.csi.aws.com)',
    passes: [snapshotClass('ebs', 'ebs.csi.aws.com')],
  },
  {
    ruleId: 'STO-005',
    trips: [k.storageClass('sbs', 'csi.exoscale.com', { volumeBindingMode: 'Immediate' })],
    message: 'volumeBindingMode is Immediate but Exoscale Block Storage volumes are zonal (topology.csi.exoscale.com/zone)',
    passes: [k.storageClass('sbs', 'csi.exoscale.com')],
  },
  {
    // volumeBindingMode left out is Immediate
    ruleId: 'STO-005',
    trips: [k.storageClass('gp3', 'ebs.csi.aws.com', { volumeBindingMode: undefined, parameters: { type: 'gp3' } })],
    message: 'volumeBindingMode is Immediate but Amazon EBS volumes are zonal (topology.kubernetes.io/zone)',
    passes: [k.storageClass('gp3', 'ebs.csi.aws.com', { parameters: { type: 'gp3' } })],
  },
  {
    ruleId: 'STO-006',
    trips: [k.storageClass('efs', 'efs.csi.aws.com', { allowVolumeExpansion: true, parameters: { provisioningMode: 'efs-ap', fileSystemId: 'fs-1', directoryPerms: '700' } })],
    message: 'allowVolumeExpansion is true but Amazon EFS cannot expand volumes',
    passes: [k.storageClass('efs', 'efs.csi.aws.com', { parameters: { provisioningMode: 'efs-ap', fileSystemId: 'fs-1', directoryPerms: '700' } })],
  },
  {
    ruleId: 'STO-007',
    trips: [k.storageClass('sbs', 'csi.exoscale.com', { allowedTopologies: [{ matchLabelExpressions: [{ key: 'failure-domain.beta.kubernetes.io/zone', values: ['ch-gva-2'] }] }] })],
    message: 'allowedTopologies key failure-domain.beta.kubernetes.io/zone is not reported by Exoscale Block Storage',
    fix: 'Use topology.csi.exoscale.com/zone.',
    passes: [
      k.storageClass('sbs', 'csi.exoscale.com', { allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.csi.exoscale.com/zone', values: ['ch-gva-2'] }] }] }),
      // the generic zone key is understood by the scheduler and every zonal driver
      k.storageClass('sbs-gva', 'csi.exoscale.com', { allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: ['ch-gva-2'] }] }] }),
    ],
  },
  {
    // a driver whose topology keys the deployment chooses (vSphere: topology.csi.vmware.com/<label>)
    ruleId: 'STO-007',
    trips: [k.storageClass('vs', 'csi.vsphere.vmware.com', { allowedTopologies: [{ matchLabelExpressions: [{ key: 'failure-domain.beta.kubernetes.io/zone', values: ['zone-a'] }] }] })],
    message: 'allowedTopologies key failure-domain.beta.kubernetes.io/zone is not reported by VMware vSphere CNS',
    fix: 'Use a key of the form topology.csi.vmware.com/<label> that your VMware vSphere CNS deployment sets.',
    passes: [
      k.storageClass('vs', 'csi.vsphere.vmware.com', { allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.csi.vmware.com/k8s-zone', values: ['zone-a'] }] }] }),
      k.storageClass('vs-generic', 'csi.vsphere.vmware.com', { allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: ['zone-a'] }] }] }),
    ],
  },
  {
    ruleId: 'STO-010',
    trips: [claim('uploads', { storageClassName: 'sbs' })],
    message: 'ReadWriteMany on storage class sbs (Exoscale Block Storage, block storage, Filesystem modes: ReadWriteOnce, ReadWriteOncePod): a block device attaches to one node at a time',
    fix: 'Use a class of a system that gives ReadWriteMany to Filesystem claims: Azure Files, ',
    passes: [claim('uploads', { storageClassName: 'sbs', accessModes: ['ReadWriteOnce'] })],
    knownStorageClasses: exo,
  },
  {
    // EBS io2 Multi-Attach shares raw block volumes only: a Block claim may ask ReadWriteMany (STO-011 checks Block
    // claims); the fix names the system of the same family first
    ruleId: 'STO-010',
    trips: [k.storageClass('io2', 'ebs.csi.aws.com', { parameters: { type: 'io2', iops: '3000' } }), claim('shared', { storageClassName: 'io2' })],
    message: 'ReadWriteMany on storage class io2 (Amazon EBS, block storage, Filesystem modes: ReadWriteOnce, ReadWriteOncePod): a block device attaches to one node at a time',
    fix: 'Use a class of a system that gives ReadWriteMany to Filesystem claims: Amazon EFS, ',
    passes: [k.storageClass('io2', 'ebs.csi.aws.com', { parameters: { type: 'io2', iops: '3000' } }), claim('shared', { storageClassName: 'io2', volumeMode: 'Block' })],
  },
  {
    // declared capabilities: a class without provisioner, raw block only; a file system that lacks a shared mode is
    // STO-011's (only block and local storage are refused sharing here)
    ruleId: 'STO-010',
    trips: [claim('uploads', { storageClassName: 'vm-disks' })],
    message: 'ReadWriteMany on storage class vm-disks (unknown driver, block storage, Filesystem modes: none): a block device attaches to one node at a time',
    passes: [claim('uploads', { storageClassName: 'vm-disks', volumeMode: 'Block' }), claim('software', { storageClassName: 'cvmfs' })],
    knownStorageClasses: [vmDisks, cvmfs],
  },
  {
    // node-local storage (OpenEBS LocalPV hostpath) shares no more than a block device does
    ruleId: 'STO-010',
    trips: [k.storageClass('openebs-hostpath', 'openebs.io/local'), claim('cache', { storageClassName: 'openebs-hostpath' })],
    message: 'ReadWriteMany on storage class openebs-hostpath (OpenEBS LocalPV hostpath, local storage, Filesystem modes: ReadWriteOnce): node-local storage: its volume lives on one node',
    passes: [k.storageClass('openebs-hostpath', 'openebs.io/local'), claim('cache', { storageClassName: 'openebs-hostpath', accessModes: ['ReadWriteOnce'] })],
  },
  {
    // local storage (OpenEBS LocalPV hostpath) lives on one node: ReadWriteMany never binds (issue 20: a check that
    // looked at block classes only passed every fixture)
    ruleId: 'STO-010',
    trips: [claim('uploads', { storageClassName: 'local' })],
    message: 'ReadWriteMany on storage class local (OpenEBS LocalPV hostpath, local storage, Filesystem modes: ReadWriteOnce)',
    passes: [claim('uploads', { storageClassName: 'local', accessModes: ['ReadWriteOnce'] })],
    knownStorageClasses: [{ name: 'local', provisioner: 'openebs.io/local' }],
  },
  {
    // volumeMode left out is Filesystem
    ruleId: 'STO-011',
    trips: [claim('uploads', { storageClassName: 'efs', accessModes: ['ReadWriteOncePod'], volumeMode: undefined })],
    message: 'ReadWriteOncePod with volumeMode Filesystem is not supported by storage class efs (Amazon EFS); it supports ReadWriteOnce, ReadWriteMany, ReadOnlyMany for Filesystem',
    passes: [claim('uploads', { storageClassName: 'efs' })],
    knownStorageClasses: [{ name: 'efs', provisioner: 'efs.csi.aws.com' }],
  },
  {
    // a file system with no raw block volumes
    ruleId: 'STO-011',
    trips: [claim('uploads', { storageClassName: 'efs', volumeMode: 'Block' })],
    message: 'ReadWriteMany with volumeMode Block is not supported by storage class efs (Amazon EFS); it supports no access mode for Block',
    passes: [claim('uploads', { storageClassName: 'efs' })],
    knownStorageClasses: [{ name: 'efs', provisioner: 'efs.csi.aws.com' }],
  },
  {
    // Block claims of block storage: their own modes (EBS io2 Multi-Attach shares raw block read-write, not read-only);
    // a shared mode on a Filesystem claim of block or local storage is STO-010's, not reported twice
    ruleId: 'STO-011',
    trips: [k.storageClass('io2', 'ebs.csi.aws.com', { parameters: { type: 'io2', iops: '3000' } }), claim('shared', { storageClassName: 'io2', volumeMode: 'Block', accessModes: ['ReadOnlyMany'] })],
    message: 'ReadOnlyMany with volumeMode Block is not supported by storage class io2 (Amazon EBS); it supports ReadWriteOnce, ReadWriteOncePod, ReadWriteMany for Block',
    passes: [
      k.storageClass('io2', 'ebs.csi.aws.com', { parameters: { type: 'io2', iops: '3000' } }), claim('shared', { storageClassName: 'io2', volumeMode: 'Block' }),
      claim('uploads', { storageClassName: 'io2' }),
      k.storageClass('openebs-hostpath', 'openebs.io/local'), claim('cache', { storageClassName: 'openebs-hostpath' }),
    ],
  },
  {
    // declared capabilities: no provisioner given; a file system (read-only CernVM-FS) that lacks a shared mode
    ruleId: 'STO-011',
    trips: [claim('disk', { storageClassName: 'vm-disks', accessModes: ['ReadWriteOnce'] }), claim('software', { storageClassName: 'cvmfs' })],
    message: 'ReadWriteOnce with volumeMode Filesystem is not supported by storage class vm-disks (unknown driver); it supports no access mode for Filesystem\n'
      + 'ReadWriteMany with volumeMode Filesystem is not supported by storage class cvmfs (cvmfs.csi.cern.ch); it supports ReadOnlyMany for Filesystem',
    passes: [claim('disk', { storageClassName: 'vm-disks', volumeMode: 'Block' }), claim('software', { storageClassName: 'cvmfs', accessModes: ['ReadOnlyMany'] })],
    knownStorageClasses: [vmDisks, cvmfs],
  },
  {
    ruleId: 'STO-012',
    trips: [claim('data', { storageClassName: 'sbs', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10G' } } })],
    message: 'storage "10G" is not a whole number of GiB, which Exoscale Block Storage requires',
    fix: 'Use 10Gi.',
    passes: [
      claim('data', { storageClassName: 'sbs', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } }),
      // EBS rounds sizes up to whole GiB
      k.storageClass('gp3', 'ebs.csi.aws.com'), claim('logs', { storageClassName: 'gp3', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10G' } } }),
      // a zero request is refused by the API server (API rules): not also below the minimum
      claim('empty', { storageClassName: 'sbs', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '0' } } }),
    ],
    knownStorageClasses: exo,
  },
  {
    // above the driver's maximum (exactly the maximum is fine)
    ruleId: 'STO-012',
    trips: [claim('archive', { storageClassName: 'sbs', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '20Ti' } } })],
    message: 'storage "20Ti" is above the 10000Gi maximum of Exoscale Block Storage',
    fix: 'Request at most 10000Gi, or split the data.',
    passes: [claim('archive', { storageClassName: 'sbs', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10000Gi' } } })],
    knownStorageClasses: exo,
  },
  {
    // a minimum that depends on a parameter: Premium Azure Files shares
    ruleId: 'STO-012',
    trips: [k.storageClass('premium', 'file.csi.azure.com', { parameters: { skuName: 'Premium_LRS', protocol: 'nfs' } }), claim('uploads', { storageClassName: 'premium', resources: { requests: { storage: '50Gi' } } })],
    message: 'storage "50Gi" is below the 100Gi minimum of Azure Files',
    fix: 'Request at least 100Gi.',
    passes: [k.storageClass('premium', 'file.csi.azure.com', { parameters: { skuName: 'Premium_LRS', protocol: 'nfs' } }), claim('uploads', { storageClassName: 'premium', resources: { requests: { storage: '100Gi' } } })],
  },
  {
    // declared capabilities without provisioner
    ruleId: 'STO-012',
    trips: [claim('disk', { storageClassName: 'vm-disks', volumeMode: 'Block', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1500Mi' } } })],
    message: 'storage "1500Mi" is not a whole number of GiB, which the driver requires',
    fix: 'Use 2Gi.',
    passes: [claim('disk', { storageClassName: 'vm-disks', volumeMode: 'Block', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '2Gi' } } })],
    knownStorageClasses: [vmDisks],
  },
  {
    ruleId: 'STO-013',
    trips: [claim('uploads', { volumeName: 'uploads-pv' }), pv('uploads-pv', { claimRef: ref('other') })],
    message: 'volumeName uploads-pv names a volume reserved for claim default/other by its claimRef',
    passes: [
      claim('uploads', { volumeName: 'uploads-pv' }), pv('uploads-pv', { claimRef: ref('uploads') }),
      // bound from one side only: by the claim's volumeName, by the volume's claimRef
      claim('media', { volumeName: 'media-pv' }), pv('media-pv'),
      claim('logs'), pv('logs-pv', { claimRef: ref('logs') }),
    ],
  },
  {
    // the same claim name in another namespace
    ruleId: 'STO-013',
    trips: [claim('uploads', { volumeName: 'uploads-pv' }, 'shop'), pv('uploads-pv', { claimRef: ref('uploads') })],
    message: 'volumeName uploads-pv names a volume reserved for claim default/uploads by its claimRef, not for shop/uploads',
    passes: [claim('uploads', { volumeName: 'uploads-pv' }, 'shop'), pv('uploads-pv', { claimRef: ref('uploads', 'shop') })],
  },
  {
    // claimRef without namespace, or with an empty one
    ruleId: 'STO-013',
    trips: [pv('uploads-pv', { claimRef: { kind: 'PersistentVolumeClaim', name: 'uploads' } }), pv('media-pv', { claimRef: ref('media', '') })],
    message: 'claimRef uploads has no namespace, so it matches no claim\nclaimRef media has no namespace, so it matches no claim',
    passes: [pv('uploads-pv', { claimRef: ref('uploads') }), pv('media-pv', { claimRef: ref('media', 'shop') })],
  },
  {
    // the claim a volume is reserved for asks for another volume
    ruleId: 'STO-013',
    trips: [claim('uploads', { volumeName: 'uploads-pv-2' }), pv('uploads-pv', { claimRef: ref('uploads') })],
    message: 'claimRef names claim default/uploads, but that claim asks for volume uploads-pv-2',
    passes: [claim('uploads', { volumeName: 'uploads-pv' }), pv('uploads-pv', { claimRef: ref('uploads') })],
  },
  {
    ruleId: 'STO-014',
    trips: [claim('uploads', { volumeName: 'uploads-pv', storageClassName: 'nfs' }), pv('uploads-pv', { claimRef: ref('uploads'), storageClassName: 'dev' })],
    message: 'storageClassName "nfs" differs from "dev" of volume uploads-pv',
    fix: 'Set storageClassName: "dev" on the claim.',
    passes: [
      claim('uploads', { volumeName: 'uploads-pv', storageClassName: 'dev' }), pv('uploads-pv', { claimRef: ref('uploads'), storageClassName: 'dev' }),
      // a volume without storageClassName has no class, as ""
      claim('media', { volumeName: 'media-pv' }), pv('media-pv', { claimRef: ref('media'), storageClassName: undefined }),
      // claimRef names the claim of its namespace; a same-named claim elsewhere is another claim
      claim('logs', { storageClassName: 'nfs' }, 'shop'), claim('logs', {}, 'blog'), pv('logs-pv', { claimRef: ref('logs', 'blog') }),
      // a claim template is not a claim: its claims are named data-db-0, ...
      sts([{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'nfs', resources: { requests: { storage: '3Gi' } } } }]),
      pv('data-pv', { claimRef: ref('data') }),
    ],
  },
  {
    // no storageClassName (left out, or null as Helm writes an empty value): the default class is written into the
    // claim; found from the claim's volumeName or from the volume's claimRef
    ruleId: 'STO-014',
    trips: [
      claim('uploads', { volumeName: 'uploads-pv', storageClassName: undefined }), pv('uploads-pv', { claimRef: ref('uploads') }),
      claim('media', { storageClassName: null }), pv('media-pv', { claimRef: ref('media'), storageClassName: 'nfs' }),
    ],
    message: 'has no storageClassName: the cluster\'s default class is written into it, so it does not bind to volume uploads-pv (storageClassName "")\n'
      + 'has no storageClassName: the cluster\'s default class is written into it, so it does not bind to volume media-pv (storageClassName "nfs")',
    fix: 'Set storageClassName: "" on the claim.\nSet storageClassName: "nfs" on the claim.',
    passes: [
      claim('uploads', { volumeName: 'uploads-pv' }), pv('uploads-pv', { claimRef: ref('uploads') }),
      claim('media', { storageClassName: 'nfs' }), pv('media-pv', { claimRef: ref('media'), storageClassName: 'nfs' }),
    ],
  },
  {
    ruleId: 'STO-015',
    trips: [claim('uploads', { volumeName: 'uploads-pv', resources: { requests: { storage: '20Gi' } } }), pv('uploads-pv', { claimRef: ref('uploads') })],
    message: 'requests "20Gi", more than the "10Gi" capacity of volume uploads-pv',
    fix: 'Set the volume capacity to at least 20Gi, or request at most "10Gi".',
    passes: [claim('uploads', { volumeName: 'uploads-pv' }), pv('uploads-pv', { claimRef: ref('uploads') })],
  },
  {
    ruleId: 'STO-016',
    trips: [claim('uploads', { volumeName: 'uploads-pv' }), pv('uploads-pv', { claimRef: ref('uploads'), accessModes: ['ReadOnlyMany'] })],
    message: 'asks ReadWriteMany, which volume uploads-pv does not offer (ReadOnlyMany)',
    passes: [claim('uploads', { volumeName: 'uploads-pv' }), pv('uploads-pv', { claimRef: ref('uploads') })],
  },
  {
    // several modes missing, of a static EBS volume
    ruleId: 'STO-016',
    trips: [
      claim('data', { volumeName: 'data-pv', accessModes: ['ReadWriteMany', 'ReadOnlyMany'] }),
      pv('data-pv', { nfs: undefined, accessModes: ['ReadWriteOnce', 'ReadWriteOncePod'], csi: { driver: 'ebs.csi.aws.com', volumeHandle: ebsVolume.volumeID, fsType: 'ext4' } }),
    ],
    message: 'asks ReadWriteMany, ReadOnlyMany, which volume data-pv does not offer (ReadWriteOnce, ReadWriteOncePod)',
    passes: [
      claim('data', { volumeName: 'data-pv', accessModes: ['ReadWriteOnce'] }),
      pv('data-pv', { nfs: undefined, accessModes: ['ReadWriteOnce', 'ReadWriteOncePod'], csi: { driver: 'ebs.csi.aws.com', volumeHandle: ebsVolume.volumeID, fsType: 'ext4' } }),
    ],
  },
  {
    // a raw block claim reserved a mounted local disk (bound by the volume's claimRef)
    ruleId: 'STO-016',
    trips: [claim('scratch', { volumeMode: 'Block', accessModes: ['ReadWriteOnce'], storageClassName: 'local-disks' }), localPv('scratch-pv', 'Filesystem', '/mnt/disks/ssd1', { claimRef: ref('scratch') })],
    message: 'volumeMode Block differs from Filesystem of volume scratch-pv',
    passes: [claim('scratch', { volumeMode: 'Block', accessModes: ['ReadWriteOnce'], storageClassName: 'local-disks' }), localPv('scratch-pv', 'Block', '/dev/nvme1n1', { claimRef: ref('scratch') })],
  },
  {
    ruleId: 'STO-017',
    trips: [k.storageClass('s3', 's3.csi.aws.com', { volumeBindingMode: 'Immediate' })],
    message: 'provisioner s3.csi.aws.com (S3 via Mountpoint) cannot provision volumes dynamically',
    passes: [k.storageClass('efs', 'efs.csi.aws.com', { volumeBindingMode: 'Immediate', parameters: { provisioningMode: 'efs-ap', fileSystemId: 'fs-1', directoryPerms: '700' } })],
  },
  {
    // a claim of a class the cluster has; with volumeName it binds to its static volume and provisions nothing
    ruleId: 'STO-017',
    trips: [claim('media', { storageClassName: 's3' })],
    message: 'storage class s3 uses s3.csi.aws.com (S3 via Mountpoint), which cannot provision volumes dynamically',
    passes: [claim('media', { storageClassName: 's3', volumeName: 'media-pv' })],
    knownStorageClasses: [{ name: 's3', provisioner: 's3.csi.aws.com' }],
  },
  {
    ruleId: 'STO-018',
    trips: [pv('media', { nfs: undefined, accessModes: ['ReadWriteOnce'], csi: { driver: 's3.csi.aws.com', volumeHandle: 'media', volumeAttributes: { bucketName: 'media' } } })],
    message: 'ReadWriteOnce with volumeMode Filesystem is not supported by S3 via Mountpoint; it supports ReadWriteMany, ReadOnlyMany',
    passes: [
      pv('media', { nfs: undefined, accessModes: ['ReadOnlyMany'], csi: { driver: 's3.csi.aws.com', volumeHandle: 'media', volumeAttributes: { bucketName: 'media' } } }),
      // a misspelt mode is the API rules' to report
      pv('assets', { nfs: undefined, accessModes: ['ReadonlyMany'], csi: { driver: 's3.csi.aws.com', volumeHandle: 'assets', volumeAttributes: { bucketName: 'assets' } } }),
    ],
  },
  {
    // in-tree volumes: ReadWriteOncePod is for CSI volumes only; hostPath has no raw block volumes
    ruleId: 'STO-018',
    trips: [pv('exports', { accessModes: ['ReadWriteOncePod'] }), pv('scratch', { nfs: undefined, volumeMode: 'Block', accessModes: ['ReadWriteOnce'], hostPath: { path: '/dev/sdb' } })],
    message: 'ReadWriteOncePod with volumeMode Filesystem is not supported by NFS (csi-driver-nfs); it supports ReadWriteOnce, ReadOnlyMany, ReadWriteMany\n'
      + 'ReadWriteOnce with volumeMode Block is not supported by hostPath; it supports no access mode',
    passes: [pv('exports'), pv('scratch', { nfs: undefined, accessModes: ['ReadWriteOnce'], hostPath: { path: '/mnt/scratch' } })],
  },
  {
    ruleId: 'STO-019',
    trips: [pv('v', {}, { namespace: 'shop' })],
    message: 'metadata.namespace "shop" is set on a cluster-scoped PersistentVolume',
    passes: [pv('v')],
  },
  {
    ruleId: 'STO-020',
    trips: [pv('v', { nfs: undefined, glusterfs: { endpoints: 'glusterfs-cluster', path: 'vol' } })],
    message: 'spec.glusterfs (GlusterFS in-tree plugin) was removed in Kubernetes 1.26',
    fix: 'GlusterFS has no maintained in-tree support; move the data to Azure Files, ',
    passes: [pv('v')],
  },
  {
    // a plugin whose CSI driver replaced it: in a volume, and inline in a pod
    ruleId: 'STO-020',
    trips: [pv('v', { nfs: undefined, accessModes: ['ReadWriteOnce'], awsElasticBlockStore: ebsVolume }), inlinePod({ name: 'data', awsElasticBlockStore: ebsVolume })],
    message: 'spec.awsElasticBlockStore (Amazon EBS in-tree plugin) was removed in Kubernetes 1.27\n'
      + 'spec.volumes[0].awsElasticBlockStore (Amazon EBS in-tree plugin) was removed in Kubernetes 1.27',
    fix: 'Use the CSI driver ebs.csi.aws.com: a PersistentVolume with spec.csi.driver ebs.csi.aws.com.\n'
      + 'Use the CSI driver ebs.csi.aws.com: a PersistentVolumeClaim of a StorageClass with provisioner ebs.csi.aws.com (or a csi volume), mounted by the pod.',
    passes: [
      pv('v', { nfs: undefined, accessModes: ['ReadWriteOnce'], csi: { driver: 'ebs.csi.aws.com', volumeHandle: ebsVolume.volumeID, fsType: 'ext4' } }),
      inlinePod({ name: 'data', persistentVolumeClaim: { claimName: 'data' } }),
    ],
  },
  {
    // inline in a pod's volumes too
    ruleId: 'STO-020',
    trips: [inlinePod({ name: 'data', quobyte: { registry: 'quobyte.internal:7861', volume: 'data' } })],
    message: 'spec.volumes[0].quobyte (Quobyte in-tree plugin) was removed in Kubernetes 1.25',
    fix: 'Quobyte has no maintained in-tree support; move the data to ',
    // a source key set to null (or left undefined by code) is no source: Kubernetes reads null as absent
    passes: [inlinePod({ name: 'data', persistentVolumeClaim: { claimName: 'data' }, quobyte: null, glusterfs: undefined })],
  },
  {
    ruleId: 'STO-021',
    trips: [pv('darwin-volume', { nfs: undefined, hostPath: { path: '/mnt/data' } })],
    message: 'hostPath "/mnt/data" works on a single-node cluster only',
    passes: [pv('v')],
  },
  {
    ruleId: 'STO-022',
    // the catalog's notes after the first, without the final full stop (two volumes: the message ends there)
    trips: [
      pv('media', { nfs: undefined, csi: { driver: 's3.csi.aws.com', volumeHandle: 'media', volumeAttributes: { bucketName: 'media' } } }),
      pv('assets', { nfs: undefined, csi: { driver: 's3.csi.aws.com', volumeHandle: 'assets', volumeAttributes: { bucketName: 'assets' } } }),
    ],
    message: 'S3 via Mountpoint: No random writes: files are written sequentially from the start; overwrite needs allow-overwrite and O_TRUNC; '
      + 'delete needs allow-delete. No rename, no hard or symbolic links, no chmod/chown; one writer per file, with no coordination between writers. '
      + 'Every file operation is an S3 request: fast for large sequential reads, slow for small random IO. Not for databases\nS3 via Mountpoint: No random writes',
    passes: [pv('v')],
  },
  {
    ruleId: 'STO-023',
    trips: [pv('v', { persistentVolumeReclaimPolicy: 'Recycle' })],
    message: 'persistentVolumeReclaimPolicy Recycle is deprecated',
    passes: [pv('v')],
  },
  {
    ruleId: 'STO-024',
    trips: [pv('v', { nfs: undefined, hostPath: { path: '/mnt/data' }, mountOptions: ['noatime'] })],
    message: 'mountOptions are set on a hostPath volume',
    passes: [pv('v', { mountOptions: ['nfsvers=4.1'] })],
  },
  {
    ruleId: 'STO-025',
    trips: [k.storageClass('local', 'openebs.io/local'), claim('restored', { storageClassName: 'local', accessModes: ['ReadWriteOnce'], dataSource: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'nightly' } })],
    message: 'restores VolumeSnapshot nightly into storage class local (OpenEBS LocalPV hostpath), which does not support CSI snapshots',
    passes: [
      claim('restored', { storageClassName: 'sbs', accessModes: ['ReadWriteOnce'], dataSource: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'nightly' } }),
      // a VolumeSnapshot of another API group (the retired external-storage snapshotter) is no CSI snapshot
      k.storageClass('local', 'openebs.io/local'),
      claim('legacy', { storageClassName: 'local', accessModes: ['ReadWriteOnce'], dataSourceRef: { apiGroup: 'volumesnapshot.external-storage.k8s.io', kind: 'VolumeSnapshot', name: 'nightly' } }),
    ],
    knownStorageClasses: exo,
  },
  {
    // dataSourceRef; a declared class without provisioner
    ruleId: 'STO-025',
    trips: [claim('restored', { storageClassName: 'vm-disks', volumeMode: 'Block', accessModes: ['ReadWriteOnce'], dataSourceRef: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'nightly' } })],
    message: 'restores VolumeSnapshot nightly into storage class vm-disks (unknown driver), which does not support CSI snapshots',
    passes: [claim('restored', { storageClassName: 'vm-disks', volumeMode: 'Block', accessModes: ['ReadWriteOnce'] })],
    knownStorageClasses: [vmDisks],
  },
  {
    // a system that is not zonal: the terms only confine pods (a warning; BlockStorageClass refuses allowedZones there)
    ruleId: 'STO-007',
    trips: [k.storageClass('lh', 'driver.longhorn.io', { allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: ['a'] }] }] })],
    message: 'allowedTopologies key topology.kubernetes.io/zone: Longhorn volumes are not zonal',
    fix: 'Remove allowedTopologies; use node affinity on the workload if pods must run in some zones.',
    passes: [k.storageClass('vs', 'csi.vsphere.vmware.com', {
      allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.csi.vmware.com/k8s-zone', values: ['zone-a'] }] }],
    })],
  },
];
