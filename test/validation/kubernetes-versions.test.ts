import { KubernetesVersion, Severity, Validator } from '../../src';
import { DEFAULT_KUBERNETES_VERSION, KUBERNETES_VERSIONS, parseKubernetesVersion } from '../../src/knowledge/kubernetes/versions';

/*
 * The target Kubernetes minor (ValidateOptions.kubernetesVersion): each minor's schema, the apiVersions it serves,
 * the in-tree volume plugins it still has, and the definitions' artifacts that no minor may call errors.
 */

const ns = { namespace: 'default' };

function lines(objects: any[], kubernetesVersion?: KubernetesVersion, only?: string[]): string[] {
  return Validator.validate(objects, { kubernetesVersion })
    .filter((f) => !only || only.includes(f.ruleId))
    .map((f) => `${f.severity} ${f.ruleId} ${f.kind}/${f.name}: ${f.message}`);
}

const SCHEMA = ['SCH-001', 'SCH-002', 'SCH-003', 'SCH-004', 'SCH-005'];

const deployment = (podSpec: Record<string, any>): any => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', ...ns },
  spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: podSpec } },
});

const sidecar = deployment({
  initContainers: [{ name: 'proxy', image: 'registry.example.com/proxy:1.0', restartPolicy: 'Always' }],
  containers: [{ name: 'web', image: 'registry.example.com/web:1.0' }],
});

const indexedJob = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'render', ...ns },
  spec: {
    completionMode: 'Indexed',
    completions: 10,
    parallelism: 2,
    backoffLimitPerIndex: 1,
    maxFailedIndexes: 3,
    template: { spec: { restartPolicy: 'Never', containers: [{ name: 'render', image: 'registry.example.com/render:1.0' }] } },
  },
};

const claimWithAttributes = {
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'data', ...ns },
  spec: { accessModes: ['ReadWriteOnce'], volumeAttributesClassName: 'gold', resources: { requests: { storage: '10Gi' } } },
};

const flowSchema = {
  apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2',
  kind: 'FlowSchema',
  metadata: { name: 'batch-jobs' },
  spec: { priorityLevelConfiguration: { name: 'workload-low' }, matchingPrecedence: 1000 },
};

describe('the target Kubernetes minor', () => {
  test('1.27 to 1.36 are supported; the default is 1.33', () => {
    expect(KUBERNETES_VERSIONS).toEqual(['1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36']);
    expect(Validator.DEFAULT_KUBERNETES_VERSION).toBe(KubernetesVersion.V1_33);
    expect(DEFAULT_KUBERNETES_VERSION).toBe('1.33');
    expect(parseKubernetesVersion('v1.31.4')).toBe(KubernetesVersion.V1_31);
    expect(parseKubernetesVersion('1.26')).toBeUndefined();
    expect(parseKubernetesVersion(1.3)).toBeUndefined();
  });

  test.each(KUBERNETES_VERSIONS.map((v) => [v]))('the schema of %s loads and a plain Deployment passes', (v) => {
    expect(lines([deployment({ containers: [{ name: 'web', image: 'registry.example.com/web:1.0' }] })], v, SCHEMA)).toEqual([]);
  });

  test('a version the validator does not know is refused with the versions it knows', () => {
    expect(() => Validator.validate([], { kubernetesVersion: '1.40' as any }))
      .toThrow('validation options: kubernetesVersion "1.40" is not a Kubernetes version the validator knows (1.27 to 1.36). Use e.g. KubernetesVersion.V1_33 (the string "1.33").');
    expect(() => Validator.validate([], { customResourceDefinitions: [{ kind: 'ConfigMap' }] }))
      .toThrow('validation options: customResourceDefinitions[0] "? ConfigMap" is not a CustomResourceDefinition of apiextensions.k8s.io/v1');
  });
});

describe('fields newer than the target', () => {
  test('a native sidecar (initContainers[].restartPolicy: Always) is unknown on 1.27, valid from 1.28', () => {
    expect(lines([sidecar], KubernetesVersion.V1_27, SCHEMA)).toEqual([
      'error SCH-001 Deployment/web: spec.template.spec.initContainers[0].restartPolicy is not a field of spec.template.spec.initContainers[0] in Kubernetes 1.27 (the validation\'s target); it is a field from Kubernetes 1.28 on',
    ]);
    const fix = Validator.validate([sidecar], { kubernetesVersion: KubernetesVersion.V1_27 }).find((f) => f.ruleId === 'SCH-001')!.fix;
    expect(fix).toBe('If the cluster runs Kubernetes 1.28 or later, set the target to its minor (--kubernetes-version, GoldenPathValidation.kubernetesVersion or PlatformDefaults kubernetesVersion); else remove the field.');
    for (const v of [KubernetesVersion.V1_29, KubernetesVersion.V1_33, KubernetesVersion.V1_36]) expect(lines([sidecar], v, SCHEMA)).toEqual([]);
  });

  test('Job backoffLimitPerIndex and maxFailedIndexes are unknown on 1.27, valid on 1.29', () => {
    expect(lines([indexedJob], KubernetesVersion.V1_27, SCHEMA)).toEqual([
      'error SCH-001 Job/render: spec.backoffLimitPerIndex is not a field of spec in Kubernetes 1.27 (the validation\'s target); it is a field from Kubernetes 1.28 on',
      'error SCH-001 Job/render: spec.maxFailedIndexes is not a field of spec in Kubernetes 1.27 (the validation\'s target); it is a field from Kubernetes 1.28 on',
    ]);
    expect(lines([indexedJob], KubernetesVersion.V1_29, SCHEMA)).toEqual([]);
  });

  test('volumeAttributesClassName is unknown on 1.27 and 1.28, valid from 1.29', () => {
    expect(lines([claimWithAttributes], KubernetesVersion.V1_28, SCHEMA)).toEqual([
      'error SCH-001 PersistentVolumeClaim/data: spec.volumeAttributesClassName is not a field of spec in Kubernetes 1.28 (the validation\'s target); it is a field from Kubernetes 1.29 on',
    ]);
    expect(lines([claimWithAttributes], KubernetesVersion.V1_29, SCHEMA)).toEqual([]);
  });

  test('a typo stays a plain unknown field on every target', () => {
    const typo = deployment({ containers: [{ name: 'web', image: 'registry.example.com/web:1.0', imagePullPolice: 'Always' }] });
    expect(lines([typo], KubernetesVersion.V1_27, SCHEMA)).toEqual([
      'error SCH-001 Deployment/web: spec.template.spec.containers[0].imagePullPolice is not a field of spec.template.spec.containers[0] (did you mean imagePullPolicy?)',
    ]);
  });
});

describe('removed APIs', () => {
  test('flowcontrol.apiserver.k8s.io/v1beta2 (removed in 1.29): a warning naming 1.29 on 1.27 and 1.28, an error on 1.29', () => {
    const on127 = Validator.validate([flowSchema], { kubernetesVersion: KubernetesVersion.V1_27 }).filter((f) => f.ruleId === 'SCH-004');
    expect(on127.map((f) => [f.severity, f.message, f.fix])).toEqual([[
      Severity.WARNING,
      'FlowSchema in apiVersion flowcontrol.apiserver.k8s.io/v1beta2 is removed in Kubernetes 1.29 (served up to 1.28; the target is 1.27)',
      'Move to apiVersion flowcontrol.apiserver.k8s.io/v1 (served from 1.29) before the cluster is upgraded to 1.29.',
    ]]);
    // 1.27 serves no v1 yet: the warning still names the apiVersion that replaces it
    expect(lines([flowSchema], KubernetesVersion.V1_28, ['SCH-004'])).toEqual([
      'warning SCH-004 FlowSchema/batch-jobs: FlowSchema in apiVersion flowcontrol.apiserver.k8s.io/v1beta2 is removed in Kubernetes 1.29 (served up to 1.28; the target is 1.28)',
    ]);
    expect(lines([flowSchema], KubernetesVersion.V1_29, SCHEMA)).toEqual([
      'error SCH-004 FlowSchema/batch-jobs: FlowSchema in apiVersion flowcontrol.apiserver.k8s.io/v1beta2 was removed in Kubernetes 1.29; the target is 1.29',
    ]);
  });

  test('an API newer than the target is not served there', () => {
    const deviceClass = { apiVersion: 'resource.k8s.io/v1', kind: 'DeviceClass', metadata: { name: 'gpu' }, spec: {} };
    expect(lines([deviceClass], KubernetesVersion.V1_33, ['SCH-004'])).toEqual([
      'error SCH-004 DeviceClass/gpu: DeviceClass in apiVersion resource.k8s.io/v1 is not served by Kubernetes 1.33: it is served from 1.34 on',
    ]);
    expect(lines([deviceClass], KubernetesVersion.V1_34, SCHEMA)).toEqual([]);
  });

  test('an API removed before 1.27 is an error on every target', () => {
    const ingress = { apiVersion: 'extensions/v1beta1', kind: 'Ingress', metadata: { name: 'web', ...ns }, spec: {} };
    expect(lines([ingress], KubernetesVersion.V1_27, ['SCH-004'])).toEqual([
      'error SCH-004 Ingress/web: Ingress in apiVersion extensions/v1beta1 is not served by Kubernetes 1.27',
    ]);
  });
});

describe('removed in-tree volume plugins, judged against the target', () => {
  const gcePd = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'standard' }, provisioner: 'kubernetes.io/gce-pd', reclaimPolicy: 'Retain', volumeBindingMode: 'WaitForFirstConsumer' };
  const rbdPod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'app', ...ns },
    spec: {
      containers: [{ name: 'app', image: 'registry.example.com/app:1.0', volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
      volumes: [{ name: 'data', rbd: { monitors: ['10.0.0.1:6789'], image: 'data', pool: 'rbd' } }],
    },
  };

  test('kubernetes.io/gce-pd (removed in 1.28): a warning on 1.27, an error on 1.28', () => {
    expect(lines([gcePd], KubernetesVersion.V1_27, ['STO-001'])).toEqual([
      'warning STO-001 StorageClass/standard: provisioner kubernetes.io/gce-pd (Google Compute Engine persistent disk in-tree plugin) is removed in Kubernetes 1.28 (the target is 1.27): its claims stay Pending after that upgrade',
    ]);
    expect(lines([gcePd], KubernetesVersion.V1_28, ['STO-001'])).toEqual([
      'error STO-001 StorageClass/standard: provisioner kubernetes.io/gce-pd (Google Compute Engine persistent disk in-tree plugin) was removed in Kubernetes 1.28',
    ]);
  });

  test('an inline rbd volume in a pod (removed in 1.31): a warning on 1.30, an error on 1.31', () => {
    expect(lines([rbdPod], KubernetesVersion.V1_30, ['STO-020'])).toEqual([
      'warning STO-020 Pod/app: spec.volumes[0].rbd (Ceph RBD (Rook) in-tree plugin) is removed in Kubernetes 1.31 (the target is 1.30): the volume stops mounting after that upgrade',
    ]);
    expect(lines([rbdPod], KubernetesVersion.V1_31, ['STO-020'])).toEqual([
      'error STO-020 Pod/app: spec.volumes[0].rbd (Ceph RBD (Rook) in-tree plugin) was removed in Kubernetes 1.31',
    ]);
  });

  test('quobyte and scaleIO (removed before 1.27) are errors on every target, in a Deployment\'s pod template too', () => {
    const d = deployment({
      containers: [{ name: 'web', image: 'registry.example.com/web:1.0' }],
      volumes: [{ name: 'a', quobyte: { registry: 'q:7861', volume: 'a' } }, { name: 'b', scaleIO: { gateway: 'https://sio', system: 's', secretRef: { name: 'sio' } } }],
    });
    expect(lines([d], KubernetesVersion.V1_27, ['STO-020'])).toEqual([
      'error STO-020 Deployment/web: spec.template.spec.volumes[0].quobyte (Quobyte in-tree plugin) was removed in Kubernetes 1.25',
      'error STO-020 Deployment/web: spec.template.spec.volumes[1].scaleIO (Dell EMC ScaleIO (PowerFlex) in-tree plugin) was removed in Kubernetes 1.21',
    ]);
  });
});

describe('artifacts of the definitions are no errors on any target', () => {
  const sts = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'cache', ...ns },
    spec: {
      selector: { matchLabels: { app: 'cache' } },
      template: { metadata: { labels: { app: 'cache' } }, spec: { containers: [{ name: 'cache', image: 'registry.example.com/cache:1.0' }] } },
    },
  };
  const job = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'migrate', ...ns },
    spec: {
      podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }, { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] },
      template: { spec: { restartPolicy: 'Never', containers: [{ name: 'migrate', image: 'registry.example.com/migrate:1.0' }] } },
    },
  };
  const netpol = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny', ...ns }, spec: { policyTypes: ['Ingress'] } };
  const binding = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'read', ...ns },
    roleRef: { kind: 'Role', name: 'reader' },
    subjects: [{ kind: 'ServiceAccount', name: 'app', namespace: 'default' }],
  };

  test.each(KUBERNETES_VERSIONS.map((v) => [v]))('on %s: StatefulSet without serviceName, Job rule with onExitCodes only, NetworkPolicy without podSelector, RoleRef without apiGroup', (v) => {
    expect(lines([sts, job, netpol, binding], v, SCHEMA)).toEqual([]);
  });
});
