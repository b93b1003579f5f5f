import { RuleFixture, k } from './fixture';
import { KubernetesVersion } from '../../../src';

/** A small CustomResourceDefinition, as an operator would ship it. */
export const WIDGET_CRD = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.com' },
  spec: {
    group: 'example.com',
    scope: 'Namespaced',
    names: { kind: 'Widget', plural: 'widgets', singular: 'widget' },
    versions: [{
      name: 'v1',
      served: true,
      storage: true,
      schema: {
        openAPIV3Schema: {
          type: 'object',
          properties: {
            apiVersion: { type: 'string' },
            kind: { type: 'string' },
            metadata: { type: 'object' },
            spec: {
              type: 'object',
              required: ['size'],
              properties: {
                size: { type: 'string', enum: ['small', 'large'] },
                replicas: { type: 'integer', minimum: 1, maximum: 5 },
              },
            },
          },
        },
      },
    }],
  },
};

const widget = (spec: Record<string, any>): any => ({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'default' }, spec });

const cnpg = (spec: Record<string, any>): any => ({
  apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: { name: 'orders-db', namespace: 'default' }, spec,
});

const job = (rules: any[]): any => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'migrate', namespace: 'default' },
  spec: {
    backoffLimit: 3,
    podFailurePolicy: { rules },
    template: { spec: { restartPolicy: 'Never', containers: [{ name: 'migrate', image: 'registry.example.com/migrate:1.0' }] } },
  },
});

const sidecarDeployment = (init: Record<string, any>): any => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        initContainers: [{ name: 'log-shipper', image: 'registry.example.com/shipper:2.1', ...init }],
        containers: [{ name: 'web', image: 'registry.example.com/web:1.4' }],
      },
    },
  },
});

const flowSchema = (apiVersion: string): any => ({
  apiVersion,
  kind: 'FlowSchema',
  metadata: { name: 'batch-jobs' },
  spec: { priorityLevelConfiguration: { name: 'workload-low' }, matchingPrecedence: 1000 },
});

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
    // a native sidecar (restartPolicy: Always on an init container) is a field from 1.28 on: on a 1.27 target, it is
    // unknown, and the message says which minor has it
    ruleId: 'SCH-001',
    kubernetesVersion: KubernetesVersion.V1_27,
    trips: [sidecarDeployment({ restartPolicy: 'Always' })],
    message: 'spec.template.spec.initContainers[0].restartPolicy is not a field of spec.template.spec.initContainers[0] in Kubernetes 1.27 (the validation\'s target); it is a field from Kubernetes 1.28 on',
    passes: [sidecarDeployment({})],
  },
  {
    // below depth 2 (issue 20: every fixture was a depth-1 typo, and a check that stopped there passed them all), and
    // the hint ranks edit distance before prefix: "image" is a prefix of imagePullPolicyy, imagePullPolicy is 1 edit away
    ruleId: 'SCH-001',
    trips: [sidecarDeployment({ imagePullPolicyy: 'IfNotPresent' })],
    message: 'spec.template.spec.initContainers[0].imagePullPolicyy is not a field of spec.template.spec.initContainers[0] (did you mean imagePullPolicy?)',
    passes: [sidecarDeployment({ imagePullPolicy: 'IfNotPresent' })],
  },
  {
    ruleId: 'SCH-001',
    trips: [cnpg({ instances: 3, storage: { sizee: '10Gi' } })],
    message: 'spec.storage.sizee is not a field of spec.storage (did you mean size?)',
    passes: [cnpg({ instances: 3, storage: { size: '10Gi' } })],
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
    ruleId: 'SCH-002',
    trips: [cnpg({ instances: 3, primaryUpdateStrategy: 'automatic', storage: { size: '10Gi' } })],
    message: 'spec.primaryUpdateStrategy must be one of unsupervised, supervised, got "automatic"',
    passes: [cnpg({ instances: 3, primaryUpdateStrategy: 'unsupervised', storage: { size: '10Gi' } })],
  },
  {
    ruleId: 'SCH-002',
    trips: [cnpg({ instances: 0, storage: { size: '10Gi' } })],
    message: 'spec.instances 0 is below the minimum 1',
    passes: [cnpg({ instances: 1, storage: { size: '10Gi' } })],
  },
  {
    ruleId: 'SCH-002',
    customResourceDefinitions: [WIDGET_CRD],
    trips: [widget({ size: 'medium', replicas: 9 })],
    message: 'spec.size must be one of small, large, got "medium"',
    passes: [widget({ size: 'small', replicas: 3 })],
  },
  {
    ruleId: 'SCH-003',
    trips: [{ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'x' } }],
    message: 'provisioner is required',
    passes: [k.storageClass('x', 'csi.exoscale.com')],
  },
  {
    // the definitions mark onPodConditions required; the API server requires one of onExitCodes and onPodConditions
    ruleId: 'SCH-003',
    trips: [job([{ action: 'FailJob' }])],
    message: 'spec.podFailurePolicy.rules[0] needs one of onExitCodes, onPodConditions',
    passes: [job([{ action: 'FailJob', onExitCodes: { containerName: 'migrate', operator: 'In', values: [42] } }])],
  },
  {
    ruleId: 'SCH-003',
    kubernetesVersion: KubernetesVersion.V1_27,
    trips: [job([{ action: 'Ignore', onExitCodes: { operator: 'In', values: [1] }, onPodConditions: [{ type: 'DisruptionTarget' }] }])],
    message: 'spec.podFailurePolicy.rules[0] sets onExitCodes and onPodConditions: exactly one of onExitCodes, onPodConditions is allowed',
    passes: [job([{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }])],
  },
  {
    ruleId: 'SCH-004',
    trips: [{ apiVersion: 'policy/v1beta1', kind: 'PodDisruptionBudget', metadata: { name: 'x' }, spec: { maxUnavailable: 1 } }],
    message: 'PodDisruptionBudget in apiVersion policy/v1beta1 is not served by Kubernetes 1.33',
    passes: [{ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'x' }, spec: { maxUnavailable: 1, selector: { matchLabels: { app: 'x' } } } }],
  },
  {
    ruleId: 'SCH-004',
    kubernetesVersion: KubernetesVersion.V1_29,
    trips: [flowSchema('flowcontrol.apiserver.k8s.io/v1beta2')],
    message: 'FlowSchema in apiVersion flowcontrol.apiserver.k8s.io/v1beta2 was removed in Kubernetes 1.29; the target is 1.29',
    passes: [flowSchema('flowcontrol.apiserver.k8s.io/v1')],
  },
  // what mutation testing found unchecked in SCH-004 and SCH-005: each fix, the kinds served only by a later minor,
  // built-in kinds in the wrong group, and CRDs that reuse a built-in kind's name
  {
    ruleId: 'SCH-004',
    kubernetesVersion: KubernetesVersion.V1_33,
    trips: [{ apiVersion: 'policy/v1beta1', kind: 'PodDisruptionBudget', metadata: { name: 'x' }, spec: { maxUnavailable: 1 } }],
    message: 'PodDisruptionBudget in apiVersion policy/v1beta1 is not served by Kubernetes 1.33',
    fix: 'Use apiVersion policy/v1.',
    passes: [{ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'x' }, spec: { maxUnavailable: 1, selector: { matchLabels: { app: 'x' } } } }],
  },
  {
    ruleId: 'SCH-004',
    kubernetesVersion: KubernetesVersion.V1_29,
    trips: [flowSchema('flowcontrol.apiserver.k8s.io/v1beta2')],
    message: 'was removed in Kubernetes 1.29; the target is 1.29',
    fix: 'Use apiVersion flowcontrol.apiserver.k8s.io/v1 or flowcontrol.apiserver.k8s.io/v1beta3.',
    passes: [flowSchema('flowcontrol.apiserver.k8s.io/v1')],
  },
  {
    // an API a later minor adds: the message says from when, the fix names what the target serves
    ruleId: 'SCH-004',
    kubernetesVersion: KubernetesVersion.V1_27,
    trips: [{ apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicy', metadata: { name: 'x' }, spec: {} }],
    message: 'ValidatingAdmissionPolicy in apiVersion admissionregistration.k8s.io/v1 is not served by Kubernetes 1.27: it is served from 1.30 on',
    fix: 'Use apiVersion admissionregistration.k8s.io/v1alpha1.',
    // (no ValidatingAdmissionPolicy is clean on 1.27: v1alpha1 is removed in 1.32, a warning) a kind the target serves
    passes: [{ apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingWebhookConfiguration', metadata: { name: 'x' }, webhooks: [] }],
  },
  {
    // a kind the target does not have at all: the fix is a newer target
    ruleId: 'SCH-004',
    kubernetesVersion: KubernetesVersion.V1_27,
    trips: [{ apiVersion: 'storage.k8s.io/v1beta1', kind: 'VolumeAttributesClass', metadata: { name: 'gold' }, driverName: 'ebs.csi.aws.com' }],
    message: 'VolumeAttributesClass in apiVersion storage.k8s.io/v1beta1 is not served by Kubernetes 1.27: it is served from 1.31 on',
    fix: 'Use a target of Kubernetes 1.31 or later, where the kind is served.',
    passes: [{ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'gold' }, provisioner: 'ebs.csi.aws.com' }],
  },
  {
    // served by the target, removed later: a warning whose fix names the later version and from when it is served
    ruleId: 'SCH-004',
    kubernetesVersion: KubernetesVersion.V1_28,
    trips: [flowSchema('flowcontrol.apiserver.k8s.io/v1beta3')],
    message: 'FlowSchema in apiVersion flowcontrol.apiserver.k8s.io/v1beta3 is removed in Kubernetes 1.32 (served up to 1.31; the target is 1.28)',
    fix: 'Move to apiVersion flowcontrol.apiserver.k8s.io/v1 (served from 1.29) before the cluster is upgraded to 1.32.',
    // (no FlowSchema is clean on 1.28: v1beta2 goes in 1.29, v1beta3 in 1.32) a kind the target serves for good
    passes: [{ apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingWebhookConfiguration', metadata: { name: 'x' }, webhooks: [] }],
  },
  {
    // built-in kinds in a built-in group that does not serve them (the core group, a *.k8s.io group, apps)
    ruleId: 'SCH-004',
    trips: [
      { apiVersion: 'v1', kind: 'Deployment', metadata: { name: 'a', namespace: 'shop' }, spec: {} },
      { apiVersion: 'networking.k8s.io/v2', kind: 'Ingress', metadata: { name: 'b', namespace: 'shop' }, spec: {} },
      { apiVersion: 'apps/v1beta9', kind: 'Deployment', metadata: { name: 'c', namespace: 'shop' }, spec: {} },
    ],
    message: 'Deployment in apiVersion v1 is not served by Kubernetes 1.33\nIngress in apiVersion networking.k8s.io/v2 is not served by Kubernetes 1.33\nDeployment in apiVersion apps/v1beta9 is not served by Kubernetes 1.33',
    fix: 'Use apiVersion apps/v1.\nUse apiVersion networking.k8s.io/v1.\nUse apiVersion apps/v1.',
    // a CRD of another group may reuse a built-in kind's name: SCH-005's business, not this rule's
    passes: [{ apiVersion: 'example.com/v1', kind: 'Deployment', metadata: { name: 'a', namespace: 'shop' }, spec: {} }],
  },
  {
    // the built-in groups without a .k8s.io suffix (batch, autoscaling, extensions, policy): removed versions are errors
    ruleId: 'SCH-004',
    kubernetesVersion: KubernetesVersion.V1_30,
    trips: [
      { apiVersion: 'batch/v1beta1', kind: 'CronJob', metadata: { name: 'a', namespace: 'shop' }, spec: {} },
      { apiVersion: 'autoscaling/v2beta2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'b', namespace: 'shop' }, spec: {} },
      { apiVersion: 'extensions/v1beta1', kind: 'Ingress', metadata: { name: 'c', namespace: 'shop' }, spec: {} },
      { apiVersion: 'policy/v1beta1', kind: 'PodDisruptionBudget', metadata: { name: 'd', namespace: 'shop' }, spec: {} },
    ],
    message: [
      'CronJob in apiVersion batch/v1beta1 is not served by Kubernetes 1.30',
      'HorizontalPodAutoscaler in apiVersion autoscaling/v2beta2 is not served by Kubernetes 1.30',
      'Ingress in apiVersion extensions/v1beta1 is not served by Kubernetes 1.30',
      'PodDisruptionBudget in apiVersion policy/v1beta1 is not served by Kubernetes 1.30',
    ].join('\n'),
    fix: 'Use apiVersion batch/v1.\nUse apiVersion autoscaling/v1 or autoscaling/v2.\nUse apiVersion networking.k8s.io/v1.\nUse apiVersion policy/v1.',
    passes: [{ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'a', namespace: 'shop' }, spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: { spec: { containers: [] } } } } } }],
  },
  {
    // served by the target, removed later with no successor (the DRA alpha ResourceClass): the fix says so, not "move to"
    ruleId: 'SCH-004',
    kubernetesVersion: KubernetesVersion.V1_30,
    trips: [{ apiVersion: 'resource.k8s.io/v1alpha2', kind: 'ResourceClass', metadata: { name: 'gpu' }, driverName: 'gpu.example.com' }],
    message: 'ResourceClass in apiVersion resource.k8s.io/v1alpha2 is removed in Kubernetes 1.31 (served up to 1.30; the target is 1.30)',
    fix: 'Plan its replacement before the cluster is upgraded to 1.31: no later Kubernetes minor the library knows (up to 1.36) serves ResourceClass in any apiVersion.',
    passes: [{ apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingWebhookConfiguration', metadata: { name: 'x' }, webhooks: [] }],
  },
  {
    // a CRD reusing a built-in kind's name, and an unknown kind in a built-in group: no schema, once per kind
    ruleId: 'SCH-005',
    trips: [
      { apiVersion: 'example.com/v1', kind: 'Deployment', metadata: { name: 'a', namespace: 'shop' }, spec: {} },
      { apiVersion: 'apps/v1', kind: 'Widget', metadata: { name: 'b', namespace: 'shop' }, spec: {} },
    ],
    message: 'no schema known for Deployment in apiVersion example.com/v1: its object is not validated against a schema\nno schema known for Widget in apiVersion apps/v1: its object is not validated against a schema',
    passes: [{ apiVersion: 'apps/v1beta9', kind: 'Deployment', metadata: { name: 'c', namespace: 'shop' }, spec: {} }],
  },
  {
    // a field two minors after the target: the message names the first minor that has it, not the next one
    ruleId: 'SCH-001',
    kubernetesVersion: KubernetesVersion.V1_27,
    trips: [{ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'd', namespace: 'shop' }, spec: { accessModes: ['ReadWriteOnce'], volumeAttributesClassName: 'gold', resources: { requests: { storage: '1Gi' } } } }],
    message: 'spec.volumeAttributesClassName is not a field of spec in Kubernetes 1.27 (the validation\'s target); it is a field from Kubernetes 1.29 on',
    fix: 'If the cluster runs Kubernetes 1.29 or later, set the target to its minor',
    passes: [{ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'd', namespace: 'shop' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
  },
  {
    ruleId: 'SCH-005',
    trips: [widget({ size: 'small' }), widget({ size: 'large' })],
    message: 'no schema known for Widget in apiVersion example.com/v1: its 2 objects are not validated against a schema',
    passes: [WIDGET_CRD, widget({ size: 'small' })],
  },
];
