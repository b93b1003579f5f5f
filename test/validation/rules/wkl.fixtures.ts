import { RuleFixture, k } from './fixture';
import { barePod, controller, cronJob } from './workload-builders';

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

/** A DaemonSet of one container (one pod per node). */
function daemonSet(name: string, image: string): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: 'default' },
    spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: podSpec({ containers: [container({ name, image })] }) } },
  };
}

function service(name: string, spec: Record<string, any>): any {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec };
}

/** A nightly CronJob whose job template spec is `jobSpec` plus the pod template. */
function cronJobOfVersion(apiVersion: string, jobSpec: Record<string, any>): any {
  return {
    apiVersion,
    kind: 'CronJob',
    metadata: { name: 'backup', namespace: 'default' },
    spec: {
      schedule: '0 3 * * *',
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 3,
      jobTemplate: { spec: { ...jobSpec, template: { spec: podSpec({ restartPolicy: 'OnFailure' }) } } },
    },
  };
}

export const FIXTURES: RuleFixture[] = [
  {
    ruleId: 'WKL-001',
    trips: [w.deployment('web', { selector: { matchLabels: { app: 'wbe' } } })],
    message: 'selector {"matchLabels":{"app":"wbe"}} does not match template labels {"app":"web"}',
    passes: [w.deployment('web', { selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] } })],
  },
  // a ReplicationController's map selector is checked against its template labels too; without one it defaults to them
  {
    ruleId: 'WKL-001',
    trips: [controller('ReplicationController', 'web', { app: 'web' }, podSpec(), { template: { metadata: { labels: { app: 'wbe' } }, spec: podSpec() } })],
    message: 'selector {"app":"web"} does not match template labels {"app":"wbe"}',
    passes: [
      controller('ReplicationController', 'web', { app: 'web' }, podSpec(), { template: { metadata: { labels: { app: 'web', tier: 'frontend' } }, spec: podSpec() } }),
      controller('ReplicationController', 'legacy', { app: 'legacy' }, podSpec(), { selector: undefined }),
    ],
  },
  // every apps controller is checked, not only Deployments
  {
    ruleId: 'WKL-001',
    trips: [
      w.statefulSet('db', { selector: { matchLabels: { app: 'postgres' } } }),
      controller('DaemonSet', 'agent', { app: 'agent' }, podSpec(), { selector: { matchLabels: { app: 'node-agent' } } }),
      controller('ReplicaSet', 'web', { app: 'web' }, podSpec(), { selector: { matchLabels: { 'app': 'web', 'pod-template-hash': '5d4f8c7b9' } } }),
    ],
    message: 'selector {"matchLabels":{"app":"postgres"}} does not match template labels {"app":"db"}\n'
      + 'selector {"matchLabels":{"app":"node-agent"}} does not match template labels {"app":"agent"}\n'
      + 'selector {"matchLabels":{"app":"web","pod-template-hash":"5d4f8c7b9"}} does not match template labels {"app":"web"}',
    passes: [
      w.statefulSet('db'),
      controller('DaemonSet', 'agent', { app: 'agent' }, podSpec()),
      controller('ReplicaSet', 'web', { 'app': 'web', 'pod-template-hash': '5d4f8c7b9' }, podSpec()),
    ],
  },
  // a Job or CronJob selector is checked only with manualSelector: true (without it, WKL-002 reports the selector)
  {
    ruleId: 'WKL-001',
    trips: [
      w.job('migrate', {}, {
        manualSelector: true,
        selector: { matchLabels: { job: 'db-migrate' } },
        template: { metadata: { labels: { job: 'migrate' } }, spec: podSpec({ restartPolicy: 'Never' }) },
      }),
      cronJob('report', podSpec({ restartPolicy: 'OnFailure' }), { manualSelector: true, selector: { matchLabels: { job: 'nightly-report' } } }, { job: 'report' }),
    ],
    message: 'selector {"matchLabels":{"job":"db-migrate"}} does not match template labels {"job":"migrate"}\n'
      + 'selector {"matchLabels":{"job":"nightly-report"}} does not match template labels {"job":"report"}',
    passes: [
      w.job('migrate', {}, {
        manualSelector: true,
        selector: { matchLabels: { job: 'migrate' } },
        template: { metadata: { labels: { job: 'migrate' } }, spec: podSpec({ restartPolicy: 'Never' }) },
      }),
      w.job('seed', {}, {
        selector: { matchLabels: { job: 'db-seed' } },
        template: { metadata: { labels: { job: 'seed' } }, spec: podSpec({ restartPolicy: 'Never' }) },
      }),
      cronJob('report', podSpec({ restartPolicy: 'OnFailure' }), { manualSelector: true, selector: { matchLabels: { job: 'report' } } }, { job: 'report' }),
    ],
  },
  {
    ruleId: 'WKL-002',
    trips: [w.deployment('web', { selector: {} })],
    message: 'spec.selector is empty',
    passes: [w.deployment('web')],
  },
  // every apps controller's selector, however it is empty; an absent or null one is SCH-003's, a ReplicationController's {} defaults to its labels
  {
    ruleId: 'WKL-002',
    trips: [
      w.statefulSet('db', { selector: { matchLabels: {} } }),
      controller('DaemonSet', 'agent', { app: 'agent' }, podSpec(), { selector: {} }),
      controller('ReplicaSet', 'web', { app: 'web' }, podSpec(), { selector: { matchLabels: {}, matchExpressions: [] } }),
    ],
    message: 'spec.selector is empty\nspec.selector is empty\nspec.selector is empty',
    passes: [
      w.deployment('web', { selector: undefined }),
      w.deployment('api', { selector: null }),
      controller('ReplicationController', 'legacy', { app: 'legacy' }, podSpec(), { selector: {} }),
    ],
  },
  // a Job or CronJob selector without manualSelector: true
  {
    ruleId: 'WKL-002',
    trips: [
      w.job('migrate', { restartPolicy: 'Never' }, { selector: { matchLabels: { job: 'migrate' } } }),
      cronJob('report', podSpec({ restartPolicy: 'OnFailure' }), { manualSelector: false, selector: { matchLabels: { job: 'report' } } }, { job: 'report' }),
    ],
    message: 'selector is set but manualSelector is not true (Kubernetes generates the Job selector)\n'
      + 'selector is set but manualSelector is not true (Kubernetes generates the Job selector)',
    passes: [
      w.job('migrate', { restartPolicy: 'Never' }),
      w.job('seed', {}, {
        manualSelector: true,
        selector: { matchLabels: { job: 'seed' } },
        template: { metadata: { labels: { job: 'seed' } }, spec: podSpec({ restartPolicy: 'Never' }) },
      }),
      cronJob('report', podSpec({ restartPolicy: 'OnFailure' })),
    ],
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
  // a volumeDevice (raw block claim) outside a StatefulSet: the message names the device and the pod's volumes
  {
    ruleId: 'WKL-003',
    trips: [w.deployment('web', {}, {
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }],
      containers: [container({ volumeDevices: [{ name: 'disk', devicePath: '/dev/xvda' }] })],
    })],
    message: 'container app: volumeDevice disk has no volume of that name (known: data)',
    passes: [w.deployment('web', {}, {
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }],
      containers: [container({ volumeDevices: [{ name: 'data', devicePath: '/dev/xvda' }] })],
    })],
  },
  {
    ruleId: 'WKL-004',
    trips: [w.statefulSet('db'), w.headless('db', { clusterIP: undefined, type: 'ClusterIP' })],
    message: 'serviceName db is not a headless Service (clusterIP is "(allocated)", not None)',
    passes: [w.statefulSet('db'), w.headless('db')],
  },
  // a blank serviceName (a template value that rendered to spaces)
  {
    ruleId: 'WKL-004',
    trips: [w.statefulSet('db', { serviceName: ' ' }), w.headless('db')],
    message: 'serviceName is empty',
    passes: [w.statefulSet('db'), w.headless('db')],
  },
  // the headless Service selects other pods; a Service without selector (or with {}) is left alone (its endpoints are managed by hand)
  {
    ruleId: 'WKL-004',
    trips: [w.statefulSet('db'), w.headless('db', { selector: { app: 'postgres' } })],
    message: 'Service db selector {"app":"postgres"} does not select the pods (labels {"app":"db"})',
    passes: [w.statefulSet('db'), w.headless('db', { selector: undefined }), w.statefulSet('cache'), w.headless('cache', { selector: {} })],
  },
  // a template without labels: the Service selects nothing of it
  {
    ruleId: 'WKL-004',
    trips: [w.statefulSet('db', { template: { metadata: {}, spec: podSpec() } }), w.headless('db')],
    message: 'Service db selector {"app":"db"} does not select the pods (labels {})',
    passes: [w.statefulSet('db', { template: { metadata: { labels: { app: 'db', tier: 'data' } }, spec: podSpec() } }), w.headless('db')],
  },
  {
    ruleId: 'WKL-005',
    trips: [w.statefulSet('db')],
    message: 'serviceName db: no Service db in namespace default among the objects',
    passes: [w.statefulSet('db'), w.headless('db')],
  },
  // the Service name is the serviceName, not the StatefulSet's; a blank serviceName is WKL-004's
  {
    ruleId: 'WKL-005',
    trips: [w.statefulSet('db', { serviceName: 'db-headless' }), w.headless('db')],
    message: 'serviceName db-headless: no Service db-headless in namespace default among the objects',
    passes: [w.statefulSet('db', { serviceName: ' ' })],
  },
  {
    ruleId: 'WKL-006',
    trips: [w.statefulSet('db', { updateStrategy: { type: 'OnDelete', rollingUpdate: { partition: 1 } } }), w.headless('db')],
    message: 'updateStrategy.rollingUpdate is set but updateStrategy.type is OnDelete',
    passes: [w.statefulSet('db', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } }), w.headless('db')],
  },
  // a Deployment's types are RollingUpdate (the default when only rollingUpdate is given) and Recreate
  {
    ruleId: 'WKL-006',
    trips: [w.deployment('web', { strategy: { type: 'Rolling' } })],
    message: 'strategy.type "Rolling" is not RollingUpdate or Recreate',
    passes: [
      w.deployment('web', { strategy: { type: 'Recreate' } }),
      w.deployment('api', { strategy: { rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } }),
    ],
  },
  // a DaemonSet's types are RollingUpdate and OnDelete (it may keep a rollingUpdate with OnDelete, unchecked then)
  {
    ruleId: 'WKL-006',
    trips: [controller('DaemonSet', 'agent', { app: 'agent' }, podSpec(), { updateStrategy: { type: 'Recreate' } })],
    message: 'updateStrategy.type "Recreate" is not RollingUpdate or OnDelete',
    passes: [
      controller('DaemonSet', 'agent', { app: 'agent' }, podSpec(), { updateStrategy: { type: 'OnDelete', rollingUpdate: { maxUnavailable: 0 } } }),
      controller('DaemonSet', 'logs', { app: 'logs' }, podSpec(), { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '10%' } } }),
    ],
  },
  // a Deployment rollout that may neither add nor remove a pod; one of the two being 0 is fine
  {
    ruleId: 'WKL-006',
    trips: [w.deployment('web', { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' } } })],
    message: 'strategy.rollingUpdate.maxSurge and maxUnavailable are both 0: the rollout can never progress',
    passes: [
      w.deployment('web', { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } } }),
      w.deployment('api', { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } } }),
    ],
  },
  // a DaemonSet's maxSurge defaults to 0, so maxUnavailable 0 alone is rejected; with a surge it is the surge rollout
  {
    ruleId: 'WKL-006',
    trips: [controller('DaemonSet', 'agent', { app: 'agent' }, podSpec(), { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0 } } })],
    message: 'updateStrategy.rollingUpdate.maxSurge and maxUnavailable are both 0: the rollout can never progress',
    passes: [
      controller('DaemonSet', 'agent', { app: 'agent' }, podSpec(), { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } }),
      w.statefulSet('db', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0, maxUnavailable: 1 } } }), w.headless('db'),
    ],
  },
  // a negative partition; rollingUpdate with another type is reported once (the API server checks its fields only for RollingUpdate)
  {
    ruleId: 'WKL-006',
    trips: [w.statefulSet('db', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: -1 } } }), w.headless('db')],
    message: 'updateStrategy.rollingUpdate.partition -1 is negative',
    passes: [w.statefulSet('db', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } } }), w.headless('db')],
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
  // the values are case-sensitive; no value (or null) is the default OrderedReady
  {
    ruleId: 'WKL-008',
    trips: [w.statefulSet('db', { podManagementPolicy: 'parallel' }), w.headless('db')],
    message: 'podManagementPolicy "parallel" is not OrderedReady or Parallel',
    passes: [
      w.statefulSet('db'), w.headless('db'),
      w.statefulSet('cache', { podManagementPolicy: null }), w.headless('cache'),
      w.statefulSet('queue', { podManagementPolicy: 'OrderedReady' }), w.headless('queue'),
    ],
  },
  {
    ruleId: 'WKL-009',
    trips: [w.job('migrate')],
    message: 'spec.template.spec.restartPolicy is not set: the default Always is not allowed for a Job',
    passes: [w.job('migrate', { restartPolicy: 'OnFailure' })],
  },
  // every long-running controller restarts Always: OnFailure or Never is rejected; Always, none or null are fine
  {
    ruleId: 'WKL-009',
    trips: [
      w.deployment('web', {}, { restartPolicy: 'OnFailure' }),
      w.statefulSet('db', {}, { restartPolicy: 'Never' }), w.headless('db'),
      controller('DaemonSet', 'agent', { app: 'agent' }, podSpec({ restartPolicy: 'OnFailure' })),
      controller('ReplicaSet', 'api', { app: 'api' }, podSpec({ restartPolicy: 'Never' })),
      controller('ReplicationController', 'legacy', { app: 'legacy' }, podSpec({ restartPolicy: 'OnFailure' })),
    ],
    message: 'spec.template.spec.restartPolicy "OnFailure" is not Always\nspec.template.spec.restartPolicy "Never" is not Always\n'
      + 'spec.template.spec.restartPolicy "OnFailure" is not Always\nspec.template.spec.restartPolicy "Never" is not Always\n'
      + 'spec.template.spec.restartPolicy "OnFailure" is not Always',
    passes: [
      w.deployment('web', {}, { restartPolicy: 'Always' }),
      w.statefulSet('db', {}, { restartPolicy: null }), w.headless('db'),
      controller('DaemonSet', 'agent', { app: 'agent' }, podSpec()),
      controller('ReplicaSet', 'api', { app: 'api' }, podSpec({ restartPolicy: 'Always' })),
      controller('ReplicationController', 'legacy', { app: 'legacy' }, podSpec()),
    ],
  },
  // a Job restarted Always, a null restartPolicy (the default Always) and a CronJob without one
  {
    ruleId: 'WKL-009',
    trips: [w.job('migrate', { restartPolicy: 'Always' }), w.job('seed', { restartPolicy: null }), cronJob('report', podSpec())],
    message: 'spec.template.spec.restartPolicy "Always" is not OnFailure or Never\n'
      + 'spec.template.spec.restartPolicy is not set: the default Always is not allowed for a Job\n'
      + 'spec.jobTemplate.spec.template.spec.restartPolicy is not set: the default Always is not allowed for a CronJob',
    passes: [w.job('migrate', { restartPolicy: 'Never' }), w.job('seed', { restartPolicy: 'OnFailure' }), cronJob('report', podSpec({ restartPolicy: 'Never' }))],
  },
  // a bare Pod may use any of the three values, or none
  {
    ruleId: 'WKL-009',
    trips: [barePod('debug', podSpec({ restartPolicy: 'Sometimes' }))],
    message: 'spec.restartPolicy "Sometimes" is not Always, OnFailure or Never',
    passes: [
      barePod('web', podSpec()),
      barePod('shell', podSpec({ restartPolicy: null })),
      barePod('api', podSpec({ restartPolicy: 'Always' })),
      barePod('retry', podSpec({ restartPolicy: 'OnFailure' })),
      barePod('once', podSpec({ restartPolicy: 'Never' })),
    ],
  },
  {
    ruleId: 'WKL-010',
    trips: [w.deployment('web', { replicas: 2 }), w.pdb('web', { minAvailable: 2 })],
    message: 'minAvailable 2 with 2 selected pods (Deployment/web) allows no disruption',
    passes: [w.deployment('web', { replicas: 2 }), w.pdb('web', { minAvailable: 1 })],
  },
  {
    // a budget without a selector selects no pod in policy/v1 (WKL-011 says so): it blocks no drain, whatever it allows
    ruleId: 'WKL-010',
    trips: [w.deployment('web', { replicas: 2 }), w.pdb('web', { minAvailable: 2 })],
    message: 'minAvailable 2 with 2 selected pods (Deployment/web) allows no disruption',
    passes: [w.deployment('web', { replicas: 2 }), w.pdb('web', { minAvailable: 2, selector: undefined }), w.pdb('web-zone', { maxUnavailable: 0, selector: null })],
  },
  // maxUnavailable 0 as a number or as a percentage
  {
    ruleId: 'WKL-010',
    trips: [w.deployment('web', { replicas: 3 }), w.pdb('web', { maxUnavailable: 0 }), w.pdb('web-zone', { maxUnavailable: '0%' })],
    message: 'maxUnavailable 0 allows no disruption\nmaxUnavailable "0%" allows no disruption',
    passes: [w.deployment('web', { replicas: 3 }), w.pdb('web', { maxUnavailable: 1 }), w.pdb('web-zone', { maxUnavailable: '10%' })],
  },
  // minAvailable 100% blocks every eviction whatever it selects
  {
    ruleId: 'WKL-010',
    trips: [w.deployment('web', { replicas: 3 }), w.pdb('web', { minAvailable: '100%' })],
    message: 'minAvailable "100%" allows no disruption',
    passes: [w.deployment('web', { replicas: 3 }), w.pdb('web', { minAvailable: '50%' })],
  },
  // a percentage below 100% is rounded up: 67% of 3 pods is 3
  {
    ruleId: 'WKL-010',
    trips: [w.deployment('web', { replicas: 3 }), w.pdb('web', { minAvailable: '67%' })],
    message: 'minAvailable "67%" with 3 selected pods (Deployment/web) allows no disruption',
    passes: [w.deployment('web', { replicas: 3 }), w.pdb('web', { minAvailable: '66%' })],
  },
  // one replica
  {
    ruleId: 'WKL-010',
    trips: [w.deployment('web'), w.pdb('web', { minAvailable: 1 })],
    message: 'minAvailable 1 with 1 selected pod (Deployment/web) allows no disruption',
    passes: [w.deployment('web', { replicas: 2 }), w.pdb('web', { minAvailable: 1 })],
  },
  // the pods of every selected workload count (a canary Deployment carrying the same app label)
  {
    ruleId: 'WKL-010',
    trips: [w.deployment('web'), w.deployment('web-canary'), w.pdb('web', { minAvailable: 2 })],
    message: 'minAvailable 2 with 2 selected pods (Deployment/web, Deployment/web-canary) allows no disruption',
    passes: [w.deployment('web', { replicas: 2 }), w.deployment('web-canary'), w.pdb('web', { minAvailable: 2 })],
  },
  // no count to compare with: a DaemonSet among the selected workloads (one pod per node), or a workload scaled to 0
  {
    ruleId: 'WKL-010',
    trips: [w.deployment('web', { replicas: 0 }), w.pdb('web', { maxUnavailable: 0 })],
    message: 'maxUnavailable 0 allows no disruption',
    passes: [
      w.deployment('web', { replicas: 2 }), controller('DaemonSet', 'web-agent', { app: 'web' }, podSpec()), w.pdb('web', { minAvailable: 2 }),
      w.deployment('api', { replicas: 0, selector: { matchLabels: { app: 'api' } }, template: { metadata: { labels: { app: 'api' } }, spec: podSpec() } }),
      w.pdb('api', { minAvailable: 1, selector: { matchLabels: { app: 'api' } } }),
    ],
  },
  {
    ruleId: 'WKL-011',
    trips: [w.deployment('web', { replicas: 2 }), w.pdb('web', { maxUnavailable: 1, selector: { matchLabels: { app: 'wbe' } } })],
    message: 'selects no workload in namespace default',
    passes: [w.deployment('web', { replicas: 2 }), w.pdb('web', { maxUnavailable: 1 })],
  },
  {
    // the selector is shown as written; an empty selector ({}) selects every pod of the namespace in policy/v1
    ruleId: 'WKL-011',
    trips: [w.deployment('web', { replicas: 2 }), w.pdb('web', { maxUnavailable: 1, selector: { matchLabels: { app: 'web', tier: 'frontend' } } })],
    message: 'selector {"matchLabels":{"app":"web","tier":"frontend"}} selects no workload in namespace default',
    passes: [w.deployment('web', { replicas: 2 }), w.pdb('web', { maxUnavailable: 1, selector: {} })],
  },
  {
    // a missing selector selects no pod (policy/v1), workloads among the objects or not; a file of PDBs alone is not
    // checked for matches (the workloads are elsewhere)
    ruleId: 'WKL-011',
    trips: [{ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web', namespace: 'default' }, spec: { maxUnavailable: 1 } }],
    message: 'spec.selector is not set: a budget without a selector selects no pods',
    fix: 'Set spec.selector.matchLabels to the pod template labels',
    passes: [w.pdb('web', { maxUnavailable: 1, selector: { matchLabels: { app: 'wbe' } } })],
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
    // one claim mounted read-write by 2 replicas, RWO with ROX beside it: ROX does not help pods that write
    ruleId: 'WKL-013',
    trips: [
      w.deployment('web', { replicas: 2 }, claimVolume('data')),
      k.pvc('data', { accessModes: ['ReadWriteOnce', 'ReadOnlyMany'], storageClassName: 'sbs', resources: { requests: { storage: '10Gi' } } }),
    ],
    message: 'claim data is ReadWriteOnce but Deployment/web (2 replicas) mount it: pods on other nodes cannot attach it (Multi-Attach error)',
    // one pod; node-local storage (every pod on the node of the volume); RWO with RWX; RWO with ROX mounted read-only
    // everywhere; a claim that is not RWO (ROX alone, or RWO with RWOP: API-011 and WKL-012 speak for those)
    passes: [
      w.deployment('single', { replicas: 1, strategy: { type: 'Recreate' } }, claimVolume('single')),
      k.pvc('single', { accessModes: ['ReadWriteOnce'], storageClassName: 'sbs', resources: { requests: { storage: '10Gi' } } }),
      w.deployment('cache', { replicas: 3 }, claimVolume('cache')),
      k.pvc('cache', { accessModes: ['ReadWriteOnce'], storageClassName: 'local', resources: { requests: { storage: '10Gi' } } }),
      w.deployment('assets', { replicas: 3 }, claimVolume('assets')),
      k.pvc('assets', { accessModes: ['ReadWriteOnce', 'ReadWriteMany'], storageClassName: 'efs', resources: { requests: { storage: '10Gi' } } }),
      w.deployment('reports', { replicas: 3 }, claimVolume('reports', { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'reports', readOnly: true } }] })),
      k.pvc('reports', { accessModes: ['ReadWriteOnce', 'ReadOnlyMany'], storageClassName: 'efs', resources: { requests: { storage: '10Gi' } } }),
      w.deployment('archive', { replicas: 3 }, claimVolume('archive')),
      k.pvc('archive', { accessModes: ['ReadOnlyMany'], storageClassName: 'efs', resources: { requests: { storage: '10Gi' } } }),
      w.deployment('queue', { replicas: 2 }, claimVolume('queue')),
      k.pvc('queue', { accessModes: ['ReadWriteOnce', 'ReadWriteOncePod'], storageClassName: 'sbs', resources: { requests: { storage: '10Gi' } } }),
    ],
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
    // ReadWriteOncePod: even with maxSurge 0 the rule asks for Recreate; the strategy type defaults to RollingUpdate
    ruleId: 'WKL-014',
    trips: [w.deployment('web', { replicas: 1, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } } }, claimVolume('data')), rwop],
    message: 'strategy is RollingUpdate and claim data is ReadWriteOncePod: the new pod cannot attach it while the old one runs',
    // ReadWriteOnce with maxSurge 0: the old pod stops before the new one starts
    passes: [w.deployment('web', { replicas: 1, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } } }, claimVolume('data')), rwo],
    knownStorageClasses,
  },
  {
    ruleId: 'WKL-014',
    trips: [w.deployment('web', { replicas: 1, strategy: { rollingUpdate: { maxUnavailable: 1 } } }, claimVolume('data')), rwo],
    message: 'strategy is RollingUpdate and claim data is ReadWriteOnce: the new pod cannot attach it while the old one runs',
    // not a Deployment (a StatefulSet replaces its pod in place); several pods (WKL-013's matter); storage several
    // nodes can attach (RWO with RWX, ROX alone); node-local storage (the new pod lands on the same node)
    passes: [
      w.statefulSet('db', { replicas: 1 }, claimVolume('data')), w.headless('db'), rwo,
      w.deployment('shared', { replicas: 3 }, claimVolume('shared')),
      k.pvc('shared', { accessModes: ['ReadWriteOnce'], storageClassName: 'sbs', resources: { requests: { storage: '10Gi' } } }),
      w.deployment('assets', { replicas: 1 }, claimVolume('assets')),
      k.pvc('assets', { accessModes: ['ReadWriteOnce', 'ReadWriteMany'], storageClassName: 'efs', resources: { requests: { storage: '10Gi' } } }),
      w.deployment('archive', { replicas: 1 }, claimVolume('archive')),
      k.pvc('archive', { accessModes: ['ReadOnlyMany'], storageClassName: 'efs', resources: { requests: { storage: '10Gi' } } }),
      w.deployment('cache', { replicas: 1 }, claimVolume('cache')),
      k.pvc('cache', { accessModes: ['ReadWriteOnce'], storageClassName: 'local', resources: { requests: { storage: '10Gi' } } }),
    ],
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
    // each field is reported with what deletes the claims
    ruleId: 'WKL-016',
    trips: [w.statefulSet('db', { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Delete' } }), w.headless('db')],
    message: 'persistentVolumeClaimRetentionPolicy.whenDeleted is Delete: claims are deleted when the StatefulSet is deleted\n'
      + 'persistentVolumeClaimRetentionPolicy.whenScaled is Delete: claims are deleted when the StatefulSet is scaled down',
    passes: [w.statefulSet('db', { persistentVolumeClaimRetentionPolicy: { whenScaled: 'Retain' } }), w.headless('db')],
  },
  {
    ruleId: 'WKL-017',
    trips: [w.statefulSet('db', { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Keep' } }), w.headless('db')],
    message: 'persistentVolumeClaimRetentionPolicy.whenDeleted "Keep" is not Retain or Delete',
    passes: [w.statefulSet('db', { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain' } }), w.headless('db')],
  },
  {
    // whenScaled is checked too; an empty field (YAML `whenScaled:`, null) is unset, defaulted to Retain
    ruleId: 'WKL-017',
    trips: [w.statefulSet('db', { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retained' } }), w.headless('db')],
    message: 'persistentVolumeClaimRetentionPolicy.whenScaled "Retained" is not Retain or Delete',
    passes: [w.statefulSet('db', { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: null } }), w.headless('db')],
  },
  {
    ruleId: 'WKL-018',
    trips: [w.statefulSet('db', {}, { terminationGracePeriodSeconds: 0 }), w.headless('db')],
    message: 'terminationGracePeriodSeconds is 0',
    passes: [w.statefulSet('db', {}, { terminationGracePeriodSeconds: 60 }), w.headless('db')],
  },
  {
    // a zero grace period is only a StatefulSet's problem (no identity to keep for a Deployment's pods)
    ruleId: 'WKL-018',
    trips: [w.statefulSet('db', {}, { terminationGracePeriodSeconds: 0 }), w.headless('db')],
    message: 'terminationGracePeriodSeconds is 0',
    passes: [w.deployment('web', {}, { terminationGracePeriodSeconds: 0 })],
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
    // volume names of the pod; container names across containers and initContainers
    ruleId: 'WKL-019',
    trips: [w.deployment('web', {}, {
      volumes: [{ name: 'config', configMap: { name: 'web' } }, { name: 'config', secret: { secretName: 'web-tls' } }],
      initContainers: [container({ image: 'registry.example/migrate:1.2.3' })],
      containers: [container({ volumeMounts: [{ name: 'config', mountPath: '/etc/web' }] })],
    })],
    message: 'volume config is defined twice\ncontainer name app is used twice',
    passes: [w.deployment('web', {}, {
      volumes: [{ name: 'config', configMap: { name: 'web' } }, { name: 'tls', secret: { secretName: 'web-tls' } }],
      initContainers: [container({ name: 'migrate', image: 'registry.example/migrate:1.2.3' })],
      containers: [container({ volumeMounts: [{ name: 'config', mountPath: '/etc/web' }, { name: 'tls', mountPath: '/etc/tls' }] })],
    })],
  },
  {
    ruleId: 'WKL-020',
    trips: [w.deployment('web', {}, { containers: [container({ env: [{ name: 'MODE', value: 'a' }, { name: 'MODE', value: 'b' }] })] })],
    message: 'container app: env MODE is defined twice',
    passes: [w.deployment('web', {}, { containers: [container({ env: [{ name: 'MODE', value: 'b' }] })] })],
  },
  {
    ruleId: 'WKL-020',
    trips: [w.deployment('web', {}, { containers: [container({ env: [{ name: 'LOG_LEVEL', value: 'info' }, { name: 'PORT', value: '8080' }, { name: 'LOG_LEVEL', value: 'debug' }] })] })],
    message: 'container app: env LOG_LEVEL is defined twice',
    passes: [w.deployment('web', {}, { containers: [container({ env: [{ name: 'LOG_LEVEL', value: 'debug' }, { name: 'PORT', value: '8080' }] })] })],
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
    // every probe and handler; names with digits are names; unnamed ports are not listed as declared
    ruleId: 'WKL-021',
    trips: [w.deployment('web', {}, {
      containers: [
        container({
          ports: [{ containerPort: 9090 }, { name: 'h2c', containerPort: 8080 }, { name: 'metrics', containerPort: 9100 }],
          livenessProbe: { httpGet: { path: '/healthz', port: 'http2' } },
          startupProbe: { tcpSocket: { port: '8080-tcp' } },
        }),
        container({ name: 'proxy', image: 'envoyproxy/envoy:v1.30.1', ports: [{ containerPort: 9901 }], readinessProbe: { httpGet: { path: '/ready', port: 'admin' } } }),
      ],
    })],
    message: 'container app: livenessProbe.httpGet.port "http2" is not a port the container declares (declared: h2c, metrics)\n'
      + 'container app: startupProbe.tcpSocket.port "8080-tcp" is not a port the container declares (declared: h2c, metrics)\n'
      + 'container proxy: readinessProbe.httpGet.port "admin" is not a port the container declares (declared: none by name)',
    passes: [w.deployment('web', {}, {
      containers: [
        container({
          ports: [{ containerPort: 9090 }, { name: 'h2c', containerPort: 8080 }, { name: 'metrics', containerPort: 9100 }],
          livenessProbe: { httpGet: { path: '/healthz', port: 'h2c' } },
          startupProbe: { tcpSocket: { port: 8080 } },
        }),
        container({ name: 'proxy', image: 'envoyproxy/envoy:v1.30.1', ports: [{ name: 'admin', containerPort: 9901 }], readinessProbe: { httpGet: { path: '/ready', port: 'admin' } } }),
      ],
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
    // an empty value (Helm renders `memory: ""` or `memory:` for an unset value) sets nothing; ephemeral containers
    // cannot set resources, so they are not asked to
    ruleId: 'WKL-023',
    trips: [w.deployment('web', {}, { containers: [container({ resources: { requests: { cpu: '250m', memory: '' }, limits: { memory: null } } })] })],
    message: 'container app: resources requests.memory, limits.memory not set',
    passes: [{
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web-0', namespace: 'default' },
      spec: podSpec({
        containers: [container({ resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { memory: '256Mi' } } })],
        ephemeralContainers: [{ name: 'debugger', image: 'busybox:1.36', targetContainerName: 'app', stdin: true, tty: true }],
      }),
    }],
  },
  {
    ruleId: 'WKL-024',
    trips: [w.statefulSet('cache'), w.headless('cache')],
    message: 'container app: no livenessProbe',
    passes: [w.statefulSet('cache', {}, { containers: [container({ livenessProbe: { tcpSocket: { port: 6379 } } })] }), w.headless('cache')],
  },
  {
    // long-running: a DaemonSet; not long-running: a Job, a Pod that is not restarted Always
    ruleId: 'WKL-024',
    trips: [daemonSet('node-exporter', 'quay.io/prometheus/node-exporter:v1.8.1')],
    message: 'container node-exporter: no livenessProbe',
    passes: [
      w.job('migrate', { restartPolicy: 'Never' }, { ttlSecondsAfterFinished: 86400 }),
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'smoke-test', namespace: 'default' }, spec: podSpec({ restartPolicy: 'OnFailure' }) },
    ],
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
    // two replicas are several; anti-affinity or spread over a region does not spread over nodes or zones
    ruleId: 'WKL-025',
    trips: [
      w.deployment('web', { replicas: 2 }, { affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { topologyKey: 'topology.kubernetes.io/region', labelSelector: { matchLabels: { app: 'web' } } } }] } } }),
      w.deployment('api', { replicas: 4 }, { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/region', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }] }),
    ],
    message: '2 replicas with no pod anti-affinity or topology spread over nodes or zones\n4 replicas with no pod anti-affinity or topology spread over nodes or zones',
    // required anti-affinity per node; one preferred term of several on nodes; spread over zones; one pod per node
    // (a DaemonSet) and run-to-completion pods (a Job) are not replicas
    passes: [
      w.deployment('web', { replicas: 3 }, { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'web' } } }] } } }),
      w.deployment('api', { replicas: 3 }, {
        affinity: {
          podAntiAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 50, podAffinityTerm: { topologyKey: 'topology.kubernetes.io/region', labelSelector: { matchLabels: { app: 'web' } } } },
              { weight: 100, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'web' } } } },
            ],
          },
        },
      }),
      w.statefulSet('db', {}, { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'db' } } }] }),
      w.headless('db'),
      daemonSet('node-exporter', 'quay.io/prometheus/node-exporter:v1.8.1'),
      w.job('import', { restartPolicy: 'Never' }, { parallelism: 4, completions: 8, ttlSecondsAfterFinished: 86400 }),
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
    // an ExternalName Service ignores its selector; an empty selector means endpoints managed by hand (here in a
    // namespace without workloads, where any selector would select nothing)
    ruleId: 'WKL-026',
    trips: [w.deployment('web'), service('web', { selector: { app: 'web', tier: 'frontend' }, ports: [{ port: 80 }] })],
    message: 'selector {"app":"web","tier":"frontend"} selects no pods of the workloads in namespace default',
    passes: [
      w.deployment('web'),
      service('legacy', { type: 'ExternalName', externalName: 'db.example.com', selector: { app: 'legacy-db' } }),
      { ...service('external-api', { selector: {}, ports: [{ port: 443 }] }), metadata: { name: 'external-api', namespace: 'shop' } },
    ],
  },
  {
    // a file of Services alone is not checked: the workloads are elsewhere
    ruleId: 'WKL-026',
    trips: [w.deployment('web'), service('web', { selector: { app: 'wbe' }, ports: [{ port: 80 }] })],
    message: 'selector {"app":"wbe"} selects no pods of the workloads in namespace default',
    passes: [service('web', { selector: { app: 'wbe' }, ports: [{ port: 80 }] })],
  },
  {
    ruleId: 'WKL-027',
    trips: [w.deployment('web'), hpa('wbe')],
    message: 'scaleTargetRef Deployment/wbe is not among the objects in namespace default',
    passes: [w.deployment('web'), hpa('web')],
  },
  {
    // the target is looked up in the autoscaler's namespace; an autoscaler without spec (SCH-003 reports it) is
    // skipped; a file of autoscalers alone is not checked
    ruleId: 'WKL-027',
    trips: [
      w.deployment('web'),
      { ...hpa('web'), metadata: { name: 'web', namespace: 'shop' } },
      { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'api', namespace: 'shop' } },
    ],
    message: 'scaleTargetRef Deployment/web is not among the objects in namespace shop',
    passes: [hpa('wbe')],
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
    // a NetworkPolicy without spec selects every pod (deny all ingress) and is not checked; a file of policies alone
    // is not checked
    ruleId: 'WKL-028',
    trips: [
      w.deployment('web'),
      netpol({ podSelector: { matchLabels: { app: 'wbe' } } }),
      { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny-all', namespace: 'default' } },
    ],
    message: 'podSelector {"matchLabels":{"app":"wbe"}} selects no pods in namespace default',
    passes: [netpol({ podSelector: { matchLabels: { app: 'wbe' } } })],
  },
  {
    ruleId: 'WKL-029',
    trips: [w.deployment('web', {}, { serviceAccountName: 'web-sa', automountServiceAccountToken: false })],
    message: 'serviceAccountName web-sa is not among the objects in namespace default',
    passes: [w.deployment('web', {}, { serviceAccountName: 'web-sa' }), { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'web-sa', namespace: 'default' } }],
  },
  {
    // the ServiceAccount is looked up in the pod's namespace; default always exists
    ruleId: 'WKL-029',
    trips: [w.deployment('web', {}, { serviceAccountName: 'web-sa' }, 'shop'), { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'web-sa', namespace: 'default' } }],
    message: 'serviceAccountName web-sa is not among the objects in namespace shop',
    passes: [w.deployment('web', {}, { serviceAccountName: 'default' }, 'shop')],
  },
  {
    ruleId: 'WKL-030',
    trips: [w.deployment('web', {}, { serviceAccount: 'web' })],
    message: 'serviceAccount web is deprecated; use serviceAccountName',
    passes: [w.deployment('web', {}, { serviceAccountName: 'web' })],
  },
  {
    // both fields set and different: serviceAccountName wins; both the same is what the API server returns (it fills
    // serviceAccount in), so an exported manifest is not reported
    ruleId: 'WKL-030',
    trips: [w.deployment('web', {}, { serviceAccount: 'web', serviceAccountName: 'web-api' })],
    message: 'serviceAccount web differs from serviceAccountName web-api, which wins',
    passes: [w.deployment('web', {}, { serviceAccount: 'web', serviceAccountName: 'web' })],
  },
  {
    ruleId: 'WKL-031',
    trips: [w.job('migrate', { restartPolicy: 'Never' })],
    message: 'no ttlSecondsAfterFinished: the finished Job stays',
    passes: [w.job('migrate', { restartPolicy: 'Never' }, { ttlSecondsAfterFinished: 86400 })],
  },
  {
    // an empty TTL (null) is no TTL; a TTL in a CronJob's job template; a Job of another API group (Volcano) and a
    // CronJob without TTL are not reported, nor a batch/v1beta1 CronJob (a removed API, reported as such)
    ruleId: 'WKL-031',
    trips: [
      w.job('migrate', { restartPolicy: 'Never' }, { ttlSecondsAfterFinished: null }),
      cronJobOfVersion('batch/v1', { ttlSecondsAfterFinished: 3600 }),
    ],
    message: 'no ttlSecondsAfterFinished: the finished Job stays\njobTemplate.spec.ttlSecondsAfterFinished 3600 deletes jobs the history limits keep',
    passes: [
      {
        apiVersion: 'batch.volcano.sh/v1alpha1',
        kind: 'Job',
        metadata: { name: 'train', namespace: 'default' },
        spec: { minAvailable: 1, schedulerName: 'volcano', tasks: [{ replicas: 1, name: 'worker', template: { spec: podSpec({ restartPolicy: 'OnFailure' }) } }] },
      },
      cronJobOfVersion('batch/v1', {}),
      cronJobOfVersion('batch/v1beta1', { ttlSecondsAfterFinished: 3600 }),
    ],
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
  {
    // envFrom: a missing ConfigMap, in the pod's namespace (a missing Secret is not reported); the keys a ConfigMap
    // holds are listed; a Secret's keys are in data and stringData
    ruleId: 'WKL-033',
    trips: [
      w.deployment('web', {}, {
        containers: [container({
          env: [
            { name: 'LOG_LEVEL', valueFrom: { configMapKeyRef: { name: 'web', key: 'log-level' } } },
            { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
          ],
          envFrom: [{ configMapRef: { name: 'web-env' } }, { secretRef: { name: 'web-env' } }],
        })],
      }, 'shop'),
      { ...configMap({ log_level: 'info', log_format: 'json' }), metadata: { name: 'web', namespace: 'shop' } },
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'shop' }, type: 'Opaque', stringData: { username: 'app' } },
    ],
    message: 'container app: env LOG_LEVEL from ConfigMap web has no key log-level (it holds: log_level, log_format)\n'
      + 'container app: env DB_PASSWORD from Secret db has no key password (it holds: username)\n'
      + 'container app: envFrom ConfigMap web-env is not among the objects in namespace shop',
    passes: [
      w.deployment('web', {}, {
        containers: [container({
          env: [
            { name: 'DB_USER', valueFrom: { secretKeyRef: { name: 'db', key: 'username' } } },
            { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
          ],
          envFrom: [{ configMapRef: { name: 'web' } }, { secretRef: { name: 'web-env' } }],
        })],
      }),
      configMap({ log_level: 'info' }),
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'default' }, type: 'Opaque', data: { username: 'YXBw' }, stringData: { password: 'change-me' } },
    ],
  },
  {
    // the kubelet reads env vars from a ConfigMap's data only: a key in binaryData stops the container
    ruleId: 'WKL-033',
    trips: [
      w.deployment('web', {}, { containers: [container({ env: [{ name: 'CA_BUNDLE', valueFrom: { configMapKeyRef: { name: 'web', key: 'ca.pem' } } }] })] }),
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web', namespace: 'default' }, binaryData: { 'ca.pem': 'LS0tLS1CRUdJTg==' } },
    ],
    message: 'container app: env CA_BUNDLE from ConfigMap web holds ca.pem in binaryData, which env vars cannot read (only data)',
    passes: [
      w.deployment('web', {}, { containers: [container({ env: [{ name: 'CA_BUNDLE', valueFrom: { configMapKeyRef: { name: 'web', key: 'ca.pem' } } }] })] }),
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web', namespace: 'default' }, data: { 'ca.pem': '-----BEGIN CERTIFICATE-----' } },
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
