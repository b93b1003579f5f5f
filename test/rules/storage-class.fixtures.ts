import { RuleFixture, k } from './fixture';

export const FIXTURES: RuleFixture[] = [
  {
    ruleId: 'SCH-001',
    trips: [k.pvc('data', { accessModes: ['ReadWriteOnce'], storageClass: 'fast', resources: { requests: { storage: '1Gi' } } })],
    message: 'spec.storageClass is not a field of spec (did you mean storageClassName?)',
    passes: [k.pvc('data', { accessModes: ['ReadWriteOnce'], storageClassName: 'fast', resources: { requests: { storage: '1Gi' } } })],
    knownStorageClasses: [{ name: 'fast', provisioner: 'ebs.csi.aws.com' }],
  },
  {
    ruleId: 'SCH-002',
    trips: [k.pvc('data', { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10 GB' } } })],
    message: 'spec.resources.requests.storage "10 GB" is not a valid quantity',
    passes: [k.pvc('data', { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } })],
  },
  {
    ruleId: 'SCH-003',
    trips: [{ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'x' } }],
    message: 'provisioner is required',
    passes: [k.storageClass('x', 'csi.exoscale.com')],
  },
  {
    ruleId: 'SCH-004',
    trips: [{ apiVersion: 'policy/v1beta1', kind: 'PodDisruptionBudget', metadata: { name: 'x' }, spec: { maxUnavailable: 1 } }],
    message: 'PodDisruptionBudget in apiVersion policy/v1beta1 is not served by Kubernetes 1.27',
    passes: [{ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'x' }, spec: { maxUnavailable: 1, selector: { matchLabels: { app: 'x' } } } }],
  },
  {
    ruleId: 'API-001',
    trips: [k.storageClass('old', 'nfs.csi.k8s.io', { reclaimPolicy: 'Recycle', parameters: { server: 'nfs', share: '/' } })],
    message: 'reclaimPolicy Recycle is deprecated and rejected on a StorageClass',
    passes: [k.storageClass('old', 'nfs.csi.k8s.io', { reclaimPolicy: 'Retain', parameters: { server: 'nfs', share: '/' } })],
  },
  {
    ruleId: 'API-002',
    trips: [k.storageClass('x', 'csi.exoscale.com', { volumeBindingMode: 'Lazy' })],
    message: 'volumeBindingMode "Lazy" is not Immediate or WaitForFirstConsumer',
    passes: [k.storageClass('x', 'csi.exoscale.com')],
  },
  {
    ruleId: 'API-003',
    trips: [k.storageClass('x', 'csi.acme.example', { parameters: Object.fromEntries(Array.from({ length: 513 }, (_, i) => [`p${i}`, 'v'])) })],
    message: '513 parameters, more than 512',
    passes: [k.storageClass('x', 'csi.acme.example', { parameters: { p: 'v' } })],
  },
  {
    ruleId: 'STO-001',
    trips: [k.storageClass('gp2', 'kubernetes.io/aws-ebs')],
    message: 'provisioner kubernetes.io/aws-ebs (Amazon EBS in-tree plugin) was removed in Kubernetes 1.27',
    passes: [k.storageClass('gp2', 'ebs.csi.aws.com')],
  },
  {
    ruleId: 'STO-002',
    trips: [k.storageClass('lh', 'driver.longhorn.io', { parameters: { numberOfReplicas: '0' } })],
    message: 'parameter numberOfReplicas is 0, outside the range Longhorn accepts (1 to 20)',
    passes: [k.storageClass('lh', 'driver.longhorn.io', { parameters: { numberOfReplicas: '3' } })],
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
];
