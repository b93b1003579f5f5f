import { RuleFixture, k } from './fixture';
import { claim, pv, ref, exo } from './volume-builders';

const inlinePod = (volume: Record<string, any>): any => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'app', namespace: 'default' },
  spec: { containers: [{ name: 'app', image: 'registry.example.com/app:1.0', volumeMounts: [{ name: 'data', mountPath: '/data' }] }], volumes: [volume] },
});

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
    passes: [k.storageClass('q', 'csi.exoscale.com')],
  },
  {
    ruleId: 'STO-002',
    trips: [k.storageClass('lh', 'driver.longhorn.io', { parameters: { numberOfReplicas: '0' } })],
    message: 'parameter numberOfReplicas is 0, outside the range Longhorn accepts (1 to 20)',
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
    ruleId: 'STO-005',
    trips: [k.storageClass('sbs', 'csi.exoscale.com', { volumeBindingMode: 'Immediate' })],
    message: 'volumeBindingMode is Immediate but Exoscale Block Storage volumes are zonal (topology.csi.exoscale.com/zone)',
    passes: [k.storageClass('sbs', 'csi.exoscale.com')],
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
    passes: [k.storageClass('sbs', 'csi.exoscale.com', { allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.csi.exoscale.com/zone', values: ['ch-gva-2'] }] }] })],
  },
  {
    ruleId: 'STO-010',
    trips: [claim('uploads', { storageClassName: 'sbs' })],
    message: 'ReadWriteMany on storage class sbs (Exoscale Block Storage, block storage, Filesystem modes: ReadWriteOnce, ReadWriteOncePod): a block device attaches to one node at a time',
    passes: [claim('uploads', { storageClassName: 'sbs', accessModes: ['ReadWriteOnce'] })],
    knownStorageClasses: exo,
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
    ruleId: 'STO-011',
    trips: [claim('uploads', { storageClassName: 'efs', accessModes: ['ReadWriteOncePod'] })],
    message: 'ReadWriteOncePod with volumeMode Filesystem is not supported by storage class efs (Amazon EFS)',
    passes: [claim('uploads', { storageClassName: 'efs' })],
    knownStorageClasses: [{ name: 'efs', provisioner: 'efs.csi.aws.com' }],
  },
  {
    ruleId: 'STO-012',
    trips: [claim('data', { storageClassName: 'sbs', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10G' } } })],
    message: 'storage "10G" is not a whole number of GiB, which Exoscale Block Storage requires',
    passes: [claim('data', { storageClassName: 'sbs', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } })],
    knownStorageClasses: exo,
  },
  {
    ruleId: 'STO-013',
    trips: [claim('uploads', { volumeName: 'uploads-pv' }), pv('uploads-pv', { claimRef: ref('other') })],
    message: 'volumeName uploads-pv names a volume reserved for claim default/other by its claimRef',
    passes: [claim('uploads', { volumeName: 'uploads-pv' }), pv('uploads-pv', { claimRef: ref('uploads') })],
  },
  {
    ruleId: 'STO-014',
    trips: [claim('uploads', { volumeName: 'uploads-pv', storageClassName: 'nfs' }), pv('uploads-pv', { claimRef: ref('uploads'), storageClassName: 'dev' })],
    message: 'storageClassName "nfs" differs from "dev" of volume uploads-pv',
    passes: [claim('uploads', { volumeName: 'uploads-pv', storageClassName: 'dev' }), pv('uploads-pv', { claimRef: ref('uploads'), storageClassName: 'dev' })],
  },
  {
    ruleId: 'STO-015',
    trips: [claim('uploads', { volumeName: 'uploads-pv', resources: { requests: { storage: '20Gi' } } }), pv('uploads-pv', { claimRef: ref('uploads') })],
    message: 'requests "20Gi", more than the "10Gi" capacity of volume uploads-pv',
    passes: [claim('uploads', { volumeName: 'uploads-pv' }), pv('uploads-pv', { claimRef: ref('uploads') })],
  },
  {
    ruleId: 'STO-016',
    trips: [claim('uploads', { volumeName: 'uploads-pv' }), pv('uploads-pv', { claimRef: ref('uploads'), accessModes: ['ReadOnlyMany'] })],
    message: 'asks ReadWriteMany, which volume uploads-pv does not offer (ReadOnlyMany)',
    passes: [claim('uploads', { volumeName: 'uploads-pv' }), pv('uploads-pv', { claimRef: ref('uploads') })],
  },
  {
    ruleId: 'STO-017',
    trips: [k.storageClass('s3', 's3.csi.aws.com', { volumeBindingMode: 'Immediate' })],
    message: 'provisioner s3.csi.aws.com (S3 via Mountpoint) cannot provision volumes dynamically',
    passes: [k.storageClass('efs', 'efs.csi.aws.com', { volumeBindingMode: 'Immediate', parameters: { provisioningMode: 'efs-ap', fileSystemId: 'fs-1', directoryPerms: '700' } })],
  },
  {
    ruleId: 'STO-018',
    trips: [pv('media', { nfs: undefined, accessModes: ['ReadWriteOnce'], csi: { driver: 's3.csi.aws.com', volumeHandle: 'media', volumeAttributes: { bucketName: 'media' } } })],
    message: 'ReadWriteOnce with volumeMode Filesystem is not supported by S3 via Mountpoint; it supports ReadWriteMany, ReadOnlyMany',
    passes: [pv('media', { nfs: undefined, accessModes: ['ReadOnlyMany'], csi: { driver: 's3.csi.aws.com', volumeHandle: 'media', volumeAttributes: { bucketName: 'media' } } })],
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
    passes: [pv('v')],
  },
  {
    // inline in a pod's volumes too
    ruleId: 'STO-020',
    trips: [inlinePod({ name: 'data', quobyte: { registry: 'quobyte.internal:7861', volume: 'data' } })],
    message: 'spec.volumes[0].quobyte (Quobyte in-tree plugin) was removed in Kubernetes 1.25',
    passes: [inlinePod({ name: 'data', persistentVolumeClaim: { claimName: 'data' } })],
  },
  {
    ruleId: 'STO-021',
    trips: [pv('darwin-volume', { nfs: undefined, hostPath: { path: '/mnt/data' } })],
    message: 'hostPath "/mnt/data" works on a single-node cluster only',
    passes: [pv('v')],
  },
  {
    ruleId: 'STO-022',
    trips: [pv('media', { nfs: undefined, csi: { driver: 's3.csi.aws.com', volumeHandle: 'media', volumeAttributes: { bucketName: 'media' } } })],
    message: 'S3 via Mountpoint: No random writes',
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
    passes: [claim('restored', { storageClassName: 'sbs', accessModes: ['ReadWriteOnce'], dataSource: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'nightly' } })],
    knownStorageClasses: exo,
  },
  {
    // a system that is not zonal: the terms only confine pods (a warning; BlockStorageClass refuses allowedZones there)
    ruleId: 'STO-007',
    trips: [k.storageClass('lh', 'driver.longhorn.io', { allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: ['a'] }] }] })],
    message: 'allowedTopologies key topology.kubernetes.io/zone: Longhorn volumes are not zonal',
    passes: [k.storageClass('vs', 'csi.vsphere.vmware.com', {
      allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.csi.vmware.com/k8s-zone', values: ['zone-a'] }] }],
    })],
  },
];
