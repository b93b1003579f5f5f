import { RuleFixture, k } from './fixture';

const claim = (name: string, spec: Record<string, any> = {}, namespace = 'default') => k.pvc(name, {
  accessModes: ['ReadWriteMany'], volumeMode: 'Filesystem', resources: { requests: { storage: '3Gi' } }, storageClassName: '', ...spec,
}, namespace);

const pv = (name: string, spec: Record<string, any> = {}, metadata: Record<string, any> = {}) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name, ...metadata },
  spec: {
    capacity: { storage: '10Gi' },
    accessModes: ['ReadWriteMany'],
    volumeMode: 'Filesystem',
    persistentVolumeReclaimPolicy: 'Retain',
    storageClassName: '',
    nfs: { server: 'nfs.internal', path: '/exports/uploads' },
    ...spec,
  },
});

const ref = (name: string, namespace: string | undefined = 'default') => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', name, namespace });

const sts = (templates: any[]) => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'db', namespace: 'default' },
  spec: {
    serviceName: 'db',
    selector: { matchLabels: { app: 'db' } },
    template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'postgres:16' }] } },
    volumeClaimTemplates: templates,
  },
});

const exo = [{ name: 'sbs', provisioner: 'csi.exoscale.com' }];

export const FIXTURES: RuleFixture[] = [
  {
    ruleId: 'API-010',
    trips: [claim('data', { accessModes: [] })],
    message: 'accessModes is empty or missing',
    passes: [claim('data')],
  },
  {
    ruleId: 'API-011',
    trips: [claim('data', { accessModes: ['ReadWriteOncePod', 'ReadWriteOnce'], storageClassName: 'sbs' })],
    message: 'combine ReadWriteOncePod with other modes',
    passes: [claim('data', { accessModes: ['ReadWriteOncePod'], storageClassName: 'sbs' })],
    knownStorageClasses: exo,
  },
  {
    ruleId: 'API-012',
    trips: [sts([{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '0' } } } }])],
    message: 'volumeClaimTemplates[0] data: resources.requests.storage "0" is not more than zero',
    passes: [sts([{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } }])],
  },
  {
    ruleId: 'API-013',
    trips: [claim('data', { accessModes: ['ReadWriteMultiple'] })],
    message: 'access mode "ReadWriteMultiple" is not a Kubernetes access mode',
    passes: [claim('data')],
  },
  {
    ruleId: 'API-014',
    trips: [pv('v', { capacity: { storage: '10Gi', iops: '100' } })],
    message: 'capacity has keys other than storage: iops',
    passes: [pv('v')],
  },
  {
    ruleId: 'API-015',
    trips: [pv('v', { hostPath: { path: '/mnt/data' } })],
    message: 'has 2 volume sources: nfs, hostPath',
    passes: [pv('v')],
  },
  {
    ruleId: 'API-016',
    trips: [pv('v', { nfs: undefined, accessModes: ['ReadWriteOnce'], local: { path: '/mnt/disks/ssd1' } })],
    message: 'is a local volume without nodeAffinity.required',
    passes: [pv('v', {
      nfs: undefined,
      accessModes: ['ReadWriteOnce'],
      local: { path: '/mnt/disks/ssd1' },
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-1'] }] }] } },
    })],
  },
  {
    ruleId: 'API-017',
    trips: [pv('v', { persistentVolumeReclaimPolicy: 'Keep' })],
    message: 'persistentVolumeReclaimPolicy "Keep" is not Retain, Delete or Recycle',
    passes: [pv('v')],
  },
  {
    ruleId: 'STO-010',
    trips: [claim('uploads', { storageClassName: 'sbs' })],
    message: 'ReadWriteMany on storage class sbs (Exoscale Block Storage, block storage, Filesystem modes: ReadWriteOnce, ReadWriteOncePod): a block device attaches to one node at a time',
    passes: [claim('uploads', { storageClassName: 'sbs', accessModes: ['ReadWriteOnce'] })],
    knownStorageClasses: exo,
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
];
