import { RuleFixture, k } from './fixture';

/** A CronJob whose pod has one container. */
function cronJob(container: Record<string, any>): any {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'nightly', namespace: 'default' },
    spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [container] } } } } },
  };
}

export const FIXTURES: RuleFixture[] = [
  {
    ruleId: 'SCH-001',
    trips: [k.pvc('data', { accessModes: ['ReadWriteOnce'], storageClass: 'fast', resources: { requests: { storage: '1Gi' } } })],
    message: 'spec.storageClass is not a field of spec (did you mean storageClassName?)',
    passes: [k.pvc('data', { accessModes: ['ReadWriteOnce'], storageClassName: 'fast', resources: { requests: { storage: '1Gi' } } })],
    knownStorageClasses: [{ name: 'fast', provisioner: 'ebs.csi.aws.com' }],
  },
  {
    // typos at any depth (here 7 levels down a CronJob), and the nearest name by edit distance before prefix (issue 17)
    ruleId: 'SCH-001',
    trips: [cronJob({ name: 'app', image: 'app:1.0', imagePullPolicyy: 'Always', securityContext: { capabilities: { dropp: ['ALL'] } } })],
    message: 'spec.jobTemplate.spec.template.spec.containers[0].imagePullPolicyy is not a field of spec.jobTemplate.spec.template.spec.containers[0] (did you mean imagePullPolicy?)',
    passes: [cronJob({ name: 'app', image: 'app:1.0', imagePullPolicy: 'Always', securityContext: { capabilities: { drop: ['ALL'] } } })],
  },
  {
    ruleId: 'SCH-001',
    trips: [cronJob({ name: 'app', image: 'app:1.0', securityContext: { capabilities: { dropp: ['ALL'] } } })],
    message: 'spec.jobTemplate.spec.template.spec.containers[0].securityContext.capabilities.dropp is not a field of spec.jobTemplate.spec.template.spec.containers[0].securityContext.capabilities (did you mean drop?)',
    passes: [cronJob({ name: 'app', image: 'app:1.0', securityContext: { capabilities: { drop: ['ALL'] } } })],
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
];
