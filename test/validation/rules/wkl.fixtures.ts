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

/** A CloudNativePG cluster: its pods carry cnpg.io/cluster: orders. */
const CNPG_ORDERS = { apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: { name: 'orders', namespace: 'default' }, spec: { instances: 3, storage: { size: '10Gi' } } };

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
  {
    ruleId: 'WKL-021',
    trips: [w.deployment('web', {}, { containers: [container({ ports: [{ name: 'http', containerPort: 8080 }], livenessProbe: { httpGet: { path: '/healthz', port: 'htpp' } } })] })],
    message: 'container app: livenessProbe.httpGet.port "htpp" is not a port the container declares (declared: http)',
    passes: [w.deployment('web', {}, {
      containers: [container({ ports: [{ name: 'http', containerPort: 8080 }], livenessProbe: { httpGet: { path: '/healthz', port: 'http' } }, readinessProbe: { tcpSocket: { port: 8080 } } })],
    })],
  },
  {
    ruleId: 'WKL-022',
    trips: [w.deployment('web')],
    message: 'container app: no readinessProbe',
    passes: [w.deployment('web', {}, { containers: [container({ readinessProbe: { httpGet: { path: '/ready', port: 8080 } } })] }), w.job('migrate')],
  },
  {
    ruleId: 'WKL-023',
    trips: [w.deployment('web', {}, { containers: [container({ resources: { requests: { cpu: '100m' } } })] })],
    message: 'container app: resources requests.memory, limits.memory not set',
    passes: [w.deployment('web', {}, { containers: [container({ resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '128Mi' } } })] })],
  },
  {
    ruleId: 'WKL-024',
    trips: [w.statefulSet('cache'), w.headless('cache')],
    message: 'container app: no livenessProbe',
    passes: [w.statefulSet('cache', {}, { containers: [container({ livenessProbe: { tcpSocket: { port: 6379 } } })] }), w.headless('cache')],
  },
  {
    ruleId: 'WKL-025',
    trips: [w.deployment('web', { replicas: 3 })],
    message: '3 replicas with no pod anti-affinity or topology spread over nodes or zones',
    passes: [
      w.deployment('web', { replicas: 3 }, { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'web' } } }] }),
      w.deployment('one'),
    ],
  },
  {
    ruleId: 'WKL-026',
    trips: [w.deployment('web'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'wbe' }, ports: [{ port: 80 }] } }],
    message: 'selector {"app":"wbe"} selects no pods of the workloads in namespace default',
    passes: [
      w.deployment('web'),
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { 'app': 'web', 'statefulset.kubernetes.io/pod-name': 'web-0' }, ports: [{ port: 80 }] } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'ext', namespace: 'default' }, spec: { type: 'ExternalName', externalName: 'db.example.com' } },
    ],
  },
  {
    // the pods of an operator's cluster have no template among the objects, only the labels the operator gives them
    ruleId: 'WKL-026',
    trips: [w.deployment('api'), CNPG_ORDERS, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'orders-ro', namespace: 'default' }, spec: { selector: { 'cnpg.io/cluster': 'ordres' }, ports: [{ port: 5432 }] } }],
    message: 'selector {"cnpg.io/cluster":"ordres"} selects no pods of the workloads in namespace default',
    passes: [w.deployment('api'), CNPG_ORDERS, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'orders-ro', namespace: 'default' }, spec: { selector: { 'cnpg.io/cluster': 'orders' }, ports: [{ port: 5432 }] } }],
  },
  {
    ruleId: 'WKL-027',
    trips: [w.deployment('web'), hpa('wbe')],
    message: 'scaleTargetRef Deployment/wbe is not among the objects in namespace default',
    passes: [w.deployment('web'), hpa('web')],
  },
  {
    ruleId: 'WKL-028',
    trips: [w.deployment('web'), netpol({ podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'fronted' } } }] }] })],
    message: 'ingress[0].from[0].podSelector {"matchLabels":{"app":"fronted"}} selects no pods in namespace default',
    passes: [w.deployment('web'), netpol({ podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }, { namespaceSelector: {}, podSelector: { matchLabels: { app: 'x' } } }] }] })],
  },
  {
    ruleId: 'WKL-028',
    trips: [w.deployment('api'), CNPG_ORDERS, netpol({ podSelector: { matchLabels: { 'cnpg.io/cluster': 'ordres' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }] })],
    message: 'podSelector {"matchLabels":{"cnpg.io/cluster":"ordres"}} selects no pods in namespace default',
    passes: [w.deployment('api'), CNPG_ORDERS, netpol({ podSelector: { matchLabels: { 'cnpg.io/cluster': 'orders' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }] })],
  },
  {
    ruleId: 'WKL-029',
    trips: [w.deployment('web', {}, { serviceAccountName: 'web-sa', automountServiceAccountToken: false })],
    message: 'serviceAccountName web-sa is not among the objects in namespace default',
    passes: [w.deployment('web', {}, { serviceAccountName: 'web-sa' }), { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'web-sa', namespace: 'default' } }],
  },
  {
    ruleId: 'WKL-030',
    trips: [w.deployment('web', {}, { serviceAccount: 'web' })],
    message: 'serviceAccount web is deprecated; use serviceAccountName',
    passes: [w.deployment('web', {}, { serviceAccountName: 'web' })],
  },
  {
    ruleId: 'WKL-031',
    trips: [w.job('migrate', { restartPolicy: 'Never' })],
    message: 'no ttlSecondsAfterFinished: the finished Job stays',
    passes: [w.job('migrate', { restartPolicy: 'Never' }, { ttlSecondsAfterFinished: 86400 })],
  },
  {
    ruleId: 'WKL-032',
    trips: [w.deployment('web', { replicas: 3 }), w.pdb('web', { maxUnavailable: 1 })],
    message: 'unhealthyPodEvictionPolicy is not set: a crash-looping pod blocks node drains',
    passes: [w.deployment('web', { replicas: 3 }), w.pdb('web', { maxUnavailable: 1, unhealthyPodEvictionPolicy: 'AlwaysAllow' })],
  },
  {
    ruleId: 'WKL-033',
    trips: [w.deployment('web', {}, { containers: [container({ env: [{ name: 'LOG_LEVEL', valueFrom: { configMapKeyRef: { name: 'web', key: 'log-level' } } }] })] }), configMap({ loglevel: 'info' })],
    message: 'container app: env LOG_LEVEL from ConfigMap web has no key log-level (it holds: loglevel)',
    passes: [
      w.deployment('web', {}, {
        containers: [container({
          env: [
            { name: 'LOG_LEVEL', valueFrom: { configMapKeyRef: { name: 'web', key: 'log-level' } } },
            { name: 'TRACE', valueFrom: { configMapKeyRef: { name: 'web', key: 'trace', optional: true } } },
            { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
          ],
        })],
      }),
      configMap({ 'log-level': 'info' }),
    ],
  },
];

function hpa(target: string): any {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web', namespace: 'default' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: target }, minReplicas: 2, maxReplicas: 5 },
  };
}

function netpol(spec: Record<string, any>): any {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'web', namespace: 'default' }, spec: { policyTypes: ['Ingress'], ...spec } };
}

function configMap(data: Record<string, string>): any {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web', namespace: 'default' }, data };
}
