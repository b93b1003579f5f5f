import { RuleFixture, k } from './fixture';

/** A container that passes the security rules, so workload fixtures stay about workloads. */
export function container(extra: Record<string, any> = {}): any {
  return {
    name: 'app',
    image: 'registry.example/app:1.2.3',
    securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
    ...extra,
  };
}

export function podSpec(extra: Record<string, any> = {}): any {
  return {
    securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } },
    containers: [container()],
    ...extra,
  };
}

const labels = { app: 'web' };

export const w = {
  deployment(name: string, spec: Record<string, any> = {}, pod: Record<string, any> = {}, namespace = 'default'): any {
    return {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace },
      spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: podSpec(pod) }, ...spec },
    };
  },
  statefulSet(name: string, spec: Record<string, any> = {}, pod: Record<string, any> = {}): any {
    return {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name, namespace: 'default' },
      spec: { replicas: 3, serviceName: name, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: podSpec(pod) }, ...spec },
    };
  },
  headless(name: string, extra: Record<string, any> = {}): any {
    return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { clusterIP: 'None', selector: { app: name }, ports: [{ port: 5432 }], ...extra } };
  },
  job(name: string, pod: Record<string, any> = {}, spec: Record<string, any> = {}): any {
    return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name, namespace: 'default' }, spec: { template: { spec: podSpec(pod) }, ...spec } };
  },
  pdb(name: string, spec: Record<string, any>): any {
    return { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name, namespace: 'default' }, spec: { selector: { matchLabels: labels }, ...spec } };
  },
};

const claimVolume = (claimName: string, extra: Record<string, any> = {}): any => ({
  volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }],
  containers: [container({ volumeMounts: [{ name: 'data', mountPath: '/data' }] })],
  ...extra,
});

const rwo = k.pvc('data', { accessModes: ['ReadWriteOnce'], storageClassName: 'sbs', resources: { requests: { storage: '10Gi' } } });
const rwop = k.pvc('data', { accessModes: ['ReadWriteOncePod'], storageClassName: 'sbs', resources: { requests: { storage: '10Gi' } } });
const rwx = k.pvc('data', { accessModes: ['ReadWriteMany'], storageClassName: 'efs', resources: { requests: { storage: '10Gi' } } });
const knownStorageClasses = [
  { name: 'sbs', provisioner: 'csi.exoscale.com' },
  { name: 'efs', provisioner: 'efs.csi.aws.com' },
  { name: 'local', provisioner: 'kubernetes.io/no-provisioner' },
];

export const FIXTURES: RuleFixture[] = [
  {
    ruleId: 'WKL-001',
    trips: [w.deployment('web', { selector: { matchLabels: { app: 'wbe' } } })],
    message: 'selector {"matchLabels":{"app":"wbe"}} does not match template labels {"app":"web"}',
    passes: [w.deployment('web', { selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] } })],
  },
  {
    ruleId: 'WKL-002',
    trips: [w.deployment('web', { selector: {} })],
    message: 'spec.selector is empty',
    passes: [w.deployment('web')],
  },
  {
    ruleId: 'WKL-003',
    trips: [w.statefulSet('db', {}, { containers: [container({ volumeMounts: [{ name: 'dat', mountPath: '/data' }] })] }), w.headless('db')],
    message: 'container app: volumeMount dat has no volume or volumeClaimTemplate of that name (the pod has no volumes)',
    passes: [
      w.statefulSet('db', {
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      }, { containers: [container({ volumeMounts: [{ name: 'data', mountPath: '/data' }] })] }),
      w.headless('db'),
    ],
  },
  {
    ruleId: 'WKL-004',
    trips: [w.statefulSet('db'), w.headless('db', { clusterIP: undefined, type: 'ClusterIP' })],
    message: 'serviceName db is not a headless Service (clusterIP is "(allocated)", not None)',
    passes: [w.statefulSet('db'), w.headless('db')],
  },
  {
    ruleId: 'WKL-005',
    trips: [w.statefulSet('db')],
    message: 'serviceName db: no Service db in namespace default among the objects',
    passes: [w.statefulSet('db'), w.headless('db')],
  },
  {
    ruleId: 'WKL-006',
    trips: [w.statefulSet('db', { updateStrategy: { type: 'OnDelete', rollingUpdate: { partition: 1 } } }), w.headless('db')],
    message: 'updateStrategy.rollingUpdate is set but updateStrategy.type is OnDelete',
    passes: [w.statefulSet('db', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } }), w.headless('db')],
  },
  {
    ruleId: 'WKL-007',
    trips: [w.statefulSet('db', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 5 } } }), w.headless('db')],
    message: 'partition 5 is greater than replicas 3: no pod will be updated',
    passes: [w.statefulSet('db', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } }), w.headless('db')],
  },
  {
    ruleId: 'WKL-008',
    trips: [w.statefulSet('db', { podManagementPolicy: 'Ordered' }), w.headless('db')],
    message: 'podManagementPolicy "Ordered" is not OrderedReady or Parallel',
    passes: [w.statefulSet('db', { podManagementPolicy: 'Parallel' }), w.headless('db')],
  },
  {
    ruleId: 'WKL-009',
    trips: [w.job('migrate')],
    message: 'spec.template.spec.restartPolicy is not set: the default Always is not allowed for a Job',
    passes: [w.job('migrate', { restartPolicy: 'OnFailure' })],
  },
  {
    ruleId: 'WKL-010',
    trips: [w.deployment('web', { replicas: 2 }), w.pdb('web', { minAvailable: 2 })],
    message: 'minAvailable 2 with 2 selected pods (Deployment/web) allows no disruption',
    passes: [w.deployment('web', { replicas: 2 }), w.pdb('web', { minAvailable: 1 })],
  },
  {
    ruleId: 'WKL-011',
    trips: [w.deployment('web', { replicas: 2 }), w.pdb('web', { maxUnavailable: 1, selector: { matchLabels: { app: 'wbe' } } })],
    message: 'selects no workload in namespace default',
    passes: [w.deployment('web', { replicas: 2 }), w.pdb('web', { maxUnavailable: 1 })],
  },
  {
    ruleId: 'WKL-012',
    trips: [w.deployment('web', { replicas: 2 }, claimVolume('data')), rwop],
    message: 'claim data is ReadWriteOncePod but Deployment/web (2 replicas) mount it: only one pod can run',
    passes: [w.deployment('web', { replicas: 1, strategy: { type: 'Recreate' } }, claimVolume('data')), rwop],
    knownStorageClasses,
  },
  {
    ruleId: 'WKL-013',
    trips: [w.deployment('web', { replicas: 3 }, claimVolume('data')), rwo],
    message: 'claim data is ReadWriteOnce but Deployment/web (3 replicas) mount it: pods on other nodes cannot attach it (Multi-Attach error)',
    passes: [w.deployment('web', { replicas: 3 }, claimVolume('data')), rwx],
    knownStorageClasses,
  },
  {
    ruleId: 'WKL-014',
    trips: [w.deployment('web', { replicas: 1 }, claimVolume('data')), rwo],
    message: 'strategy is RollingUpdate and claim data is ReadWriteOnce: the new pod cannot attach it while the old one runs',
    passes: [w.deployment('web', { replicas: 1, strategy: { type: 'Recreate' } }, claimVolume('data')), rwo],
    knownStorageClasses,
  },
  {
    ruleId: 'WKL-015',
    trips: [w.deployment('web', { strategy: { type: 'Recreate' } }, claimVolume('dta')), rwo],
    message: 'claim dta is not among the objects in namespace default',
    passes: [w.deployment('web', { strategy: { type: 'Recreate' } }, claimVolume('data')), rwo],
    knownStorageClasses,
  },
  {
    ruleId: 'WKL-016',
    trips: [w.statefulSet('db', { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Retain' } }), w.headless('db')],
    message: 'persistentVolumeClaimRetentionPolicy.whenDeleted is Delete',
    passes: [w.statefulSet('db', { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' } }), w.headless('db')],
  },
  {
    ruleId: 'WKL-017',
    trips: [w.statefulSet('db', { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Keep' } }), w.headless('db')],
    message: 'persistentVolumeClaimRetentionPolicy.whenDeleted "Keep" is not Retain or Delete',
    passes: [w.statefulSet('db', { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain' } }), w.headless('db')],
  },
  {
    ruleId: 'WKL-018',
    trips: [w.statefulSet('db', {}, { terminationGracePeriodSeconds: 0 }), w.headless('db')],
    message: 'terminationGracePeriodSeconds is 0',
    passes: [w.statefulSet('db', {}, { terminationGracePeriodSeconds: 60 }), w.headless('db')],
  },
  {
    ruleId: 'WKL-019',
    trips: [w.deployment('web', {}, {
      volumes: [{ name: 'tmp', emptyDir: {} }, { name: 'cache', emptyDir: {} }],
      containers: [container({ volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }, { name: 'cache', mountPath: '/tmp' }] })],
    })],
    message: 'container app: mountPath /tmp is used twice',
    passes: [w.deployment('web', {}, {
      volumes: [{ name: 'tmp', emptyDir: {} }, { name: 'cache', emptyDir: {} }],
      containers: [container({ volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }, { name: 'cache', mountPath: '/cache' }] })],
    })],
  },
  {
    ruleId: 'WKL-020',
    trips: [w.deployment('web', {}, { containers: [container({ env: [{ name: 'MODE', value: 'a' }, { name: 'MODE', value: 'b' }] })] })],
    message: 'container app: env MODE is defined twice',
    passes: [w.deployment('web', {}, { containers: [container({ env: [{ name: 'MODE', value: 'b' }] })] })],
  },
];
