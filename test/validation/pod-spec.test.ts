import { Validator } from '../../src';
import {
  checkRestricted, containersOf, effectiveSecurity, findPodSpecsInJson, isEmptySelector, selectorMatches,
} from '../../src/validation/pod-spec';
import { imageTag } from '../../src/validation/rules/sec/helpers';

/** A pod spec that meets Pod Security "restricted". */
function compliant(): any {
  return {
    securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } },
    containers: [{
      name: 'app',
      image: 'app:1.0.0',
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
    }],
    volumes: [
      { name: 'a', configMap: { name: 'x' } }, { name: 'b', secret: { secretName: 'x' } }, { name: 'c', emptyDir: {} },
      { name: 'd', persistentVolumeClaim: { claimName: 'x' } }, { name: 'e', projected: { sources: [] } },
      { name: 'f', downwardAPI: { items: [] } }, { name: 'g', csi: { driver: 'x' } }, { name: 'h', ephemeral: { volumeClaimTemplate: {} } },
    ],
  };
}

/** Applies a change to a fresh compliant pod spec. */
function variant(change: (spec: any) => void): any {
  const spec = compliant();
  change(spec);
  return spec;
}

const c0 = (s: any): any => s.containers[0];

describe('findPodSpecsInJson', () => {
  const template = (labels: any = { app: 'x' }) => ({ metadata: { labels }, spec: { containers: [{ name: 'c', image: 'i:1' }] } });
  const docs = [
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pod', labels: { app: 'x' } }, spec: { containers: [] } },
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'dep' }, spec: { replicas: 3, selector: { matchLabels: { app: 'x' } }, template: template() } },
    { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'sts' }, spec: { template: template(), volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'] } }, 'junk'] } },
    { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'ds' }, spec: { template: template() } },
    { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs' }, spec: { template: template() } },
    { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'rc' }, spec: { replicas: 2, selector: { app: 'x' }, template: template() } },
    { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'job' }, spec: { parallelism: 4, template: template() } },
    { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'cron' }, spec: { schedule: '@daily', jobTemplate: { spec: { template: template() } } } },
    { apiVersion: 'v1', kind: 'PodTemplate', metadata: { name: 'pt' }, template: template() },
    // not pod specs: a CRD named Job, a ConfigMap, a Deployment without a template, garbage
    { apiVersion: 'batch.volcano.sh/v1alpha1', kind: 'Job', metadata: { name: 'volcano' }, spec: { tasks: [] } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: {} },
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'broken' }, spec: { template: 'nope' } },
    null, 42, 'text', [],
  ];

  test('finds every pod spec with its owner, path, replicas, labels and claim templates', () => {
    const found = findPodSpecsInJson(docs);
    expect(found.map((f) => [f.owner.kind, f.owner.name, f.path, f.replicas, f.perNode])).toEqual([
      ['Pod', 'pod', 'spec', 1, false],
      ['Deployment', 'dep', 'spec.template.spec', 3, false],
      ['StatefulSet', 'sts', 'spec.template.spec', 1, false],
      ['DaemonSet', 'ds', 'spec.template.spec', undefined, true],
      ['ReplicaSet', 'rs', 'spec.template.spec', 1, false],
      ['ReplicationController', 'rc', 'spec.template.spec', 2, false],
      ['Job', 'job', 'spec.template.spec', 4, false],
      ['CronJob', 'cron', 'spec.jobTemplate.spec.template.spec', 1, false],
      ['PodTemplate', 'pt', 'template.spec', 0, false],
    ]);
    expect(found[0].labels).toEqual({ app: 'x' });
    expect(found[1].selector).toEqual({ matchLabels: { app: 'x' } });
    expect(found[2].claimTemplates).toEqual([{ name: 'data', spec: { accessModes: ['ReadWriteOnce'] } }]);
    expect(found[0].selector).toBeUndefined();
  });

  test('lists containers of every kind and skips non-objects', () => {
    const list = containersOf({ containers: [{ name: 'a' }, 'x', {}], initContainers: [{ name: 'i' }], ephemeralContainers: [{ name: 'e' }] });
    expect(list.map((c) => [c.list, c.name, c.path])).toEqual([
      ['containers', 'a', 'containers[0]'], ['containers', '#2', 'containers[2]'],
      ['initContainers', 'i', 'initContainers[0]'], ['ephemeralContainers', 'e', 'ephemeralContainers[0]'],
    ]);
    expect(containersOf({ containers: 'nope' })).toEqual([]);
  });

  test('container securityContext wins over the pod', () => {
    const spec = { securityContext: { runAsUser: 1, runAsNonRoot: true }, containers: [{ securityContext: { runAsUser: 2 } }] };
    expect(effectiveSecurity(spec, spec.containers[0], 'runAsUser')).toBe(2);
    expect(effectiveSecurity(spec, spec.containers[0], 'runAsNonRoot')).toBe(true);
  });
});

describe('label selectors', () => {
  const labels = { app: 'web', tier: 'front' };
  test.each([
    [{ matchLabels: { app: 'web' } }, true],
    [{ matchLabels: { app: 'db' } }, false],
    [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['front', 'back'] }] }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['front'] }] }, false],
    [{ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, true],
    [{ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, false],
    [{ matchExpressions: [{ key: 'app', operator: 'Maybe' }] }, false],
    [{ matchExpressions: ['junk'] }, false],
    [{}, true],
  ])('%j matches: %s', (selector, expected) => {
    expect(selectorMatches(selector, labels)).toBe(expected);
  });
  test('empty selectors', () => {
    expect(isEmptySelector({})).toBe(true);
    expect(isEmptySelector({ matchLabels: {}, matchExpressions: [] })).toBe(true);
    expect(isEmptySelector(undefined)).toBe(true);
    expect(isEmptySelector({ matchLabels: { a: 'b' } })).toBe(false);
  });
});

describe('checkRestricted (Pod Security Standards restricted, v1.27)', () => {
  test('a compliant pod has no violation', () => {
    expect(checkRestricted(compliant())).toEqual([]);
  });

  test('container-level settings satisfy the pod-level controls', () => {
    expect(checkRestricted(variant((s) => {
      s.securityContext = {};
      c0(s).securityContext.runAsNonRoot = true;
      c0(s).securityContext.seccompProfile = { type: 'Localhost', localhostProfile: 'p.json' };
    }))).toEqual([]);
  });

  // [control, change that violates it, text of the violation, change that complies]
  const controls: Array<[string, (s: any) => void, string, (s: any) => void]> = [
    ['hostNetwork', (s) => { s.hostNetwork = true; }, 'hostNetwork is true', (s) => { s.hostNetwork = false; }],
    ['hostPID', (s) => { s.hostPID = true; }, 'hostPID is true', (s) => { s.hostPID = false; }],
    ['hostIPC', (s) => { s.hostIPC = true; }, 'hostIPC is true', (s) => { s.hostIPC = false; }],
    ['privileged', (s) => { c0(s).securityContext.privileged = true; }, 'container app: securityContext.privileged is true', (s) => { c0(s).securityContext.privileged = false; }],
    ['hostProcess (pod)', (s) => { s.securityContext.windowsOptions = { hostProcess: true }; }, 'securityContext.windowsOptions.hostProcess is true', (s) => { s.securityContext.windowsOptions = { hostProcess: false }; }],
    ['hostProcess (container)', (s) => { c0(s).securityContext.windowsOptions = { hostProcess: true }; }, 'container app: securityContext.windowsOptions.hostProcess is true', (s) => { c0(s).securityContext.windowsOptions = {}; }],
    ['capabilities add', (s) => { c0(s).securityContext.capabilities.add = ['CHOWN']; }, 'capabilities.add "CHOWN" (only NET_BIND_SERVICE may be added)', (s) => { c0(s).securityContext.capabilities.add = ['NET_BIND_SERVICE']; }],
    ['capabilities drop ALL', (s) => { c0(s).securityContext.capabilities.drop = ['NET_RAW']; }, 'container app: securityContext.capabilities.drop does not include ALL', (s) => { c0(s).securityContext.capabilities.drop = ['ALL', 'NET_RAW']; }],
    ['hostPath', (s) => { s.volumes.push({ name: 'host', hostPath: { path: '/tmp' } }); }, 'volume host: hostPath volumes are not allowed', (s) => { s.volumes.push({ name: 'host', emptyDir: {} }); }],
    ['volume types', (s) => { s.volumes.push({ name: 'share', nfs: { server: 'n', path: '/' } }); }, 'volume share: nfs volumes are not allowed', (s) => { s.volumes.push({ name: 'share', persistentVolumeClaim: { claimName: 'share' } }); }],
    ['host ports', (s) => { c0(s).ports = [{ containerPort: 80, hostPort: 80 }]; }, 'container app: ports[0].hostPort 80', (s) => { c0(s).ports = [{ containerPort: 80, hostPort: 0 }]; }],
    ['SELinux type', (s) => { s.securityContext.seLinuxOptions = { type: 'spc_t' }; }, 'securityContext.seLinuxOptions.type "spc_t"', (s) => { s.securityContext.seLinuxOptions = { type: 'container_t', level: 's0:c1' }; }],
    ['SELinux user', (s) => { c0(s).securityContext.seLinuxOptions = { user: 'system_u' }; }, 'container app: securityContext.seLinuxOptions.user must not be set', (s) => { c0(s).securityContext.seLinuxOptions = { level: 's0' }; }],
    ['procMount', (s) => { c0(s).securityContext.procMount = 'Unmasked'; }, 'container app: securityContext.procMount "Unmasked" is not Default', (s) => { c0(s).securityContext.procMount = 'Default'; }],
    ['sysctls', (s) => { s.securityContext.sysctls = [{ name: 'kernel.msgmax', value: '1' }]; }, 'securityContext.sysctls "kernel.msgmax" is not a safe sysctl', (s) => { s.securityContext.sysctls = [{ name: 'net.ipv4.ip_local_reserved_ports', value: '8080' }]; }],
    ['AppArmor', (s) => { s.__meta = { annotations: { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' } }; }, 'is not runtime/default or localhost/*', (s) => { s.__meta = { annotations: { 'container.apparmor.security.beta.kubernetes.io/app': 'localhost/k8s-app' } }; }],
    ['seccomp (pod)', (s) => { s.securityContext.seccompProfile = { type: 'Unconfined' }; }, 'securityContext.seccompProfile.type "Unconfined" is not RuntimeDefault or Localhost', (s) => { s.securityContext.seccompProfile = { type: 'Localhost', localhostProfile: 'x' }; }],
    ['seccomp (container)', (s) => { c0(s).securityContext.seccompProfile = { type: 'Unconfined' }; }, 'container app: securityContext.seccompProfile.type "Unconfined"', (s) => { c0(s).securityContext.seccompProfile = { type: 'RuntimeDefault' }; }],
    ['seccomp unset', (s) => { delete s.securityContext.seccompProfile; }, 'container app: seccompProfile is not set', (s) => { delete s.securityContext.seccompProfile; c0(s).securityContext.seccompProfile = { type: 'RuntimeDefault' }; }],
    ['allowPrivilegeEscalation', (s) => { delete c0(s).securityContext.allowPrivilegeEscalation; }, 'container app: securityContext.allowPrivilegeEscalation is not false', (s) => { c0(s).securityContext.allowPrivilegeEscalation = false; }],
    ['runAsNonRoot unset', (s) => { delete s.securityContext.runAsNonRoot; }, 'container app: runAsNonRoot is not true', (s) => { delete s.securityContext.runAsNonRoot; c0(s).securityContext.runAsNonRoot = true; }],
    ['runAsNonRoot false (container)', (s) => { c0(s).securityContext.runAsNonRoot = false; }, 'container app: securityContext.runAsNonRoot is false', (s) => { c0(s).securityContext.runAsNonRoot = true; }],
    ['runAsNonRoot false (pod)', (s) => { s.securityContext.runAsNonRoot = false; c0(s).securityContext.runAsNonRoot = true; }, 'securityContext.runAsNonRoot is false', (s) => { s.securityContext.runAsNonRoot = true; }],
    ['runAsUser 0 (pod)', (s) => { s.securityContext.runAsUser = 0; }, 'securityContext.runAsUser is 0 (root)', (s) => { s.securityContext.runAsUser = 65532; }],
    ['runAsUser 0 (container)', (s) => { c0(s).securityContext.runAsUser = 0; }, 'container app: securityContext.runAsUser is 0 (root)', (s) => { c0(s).securityContext.runAsUser = 1; }],
    ['init containers', (s) => { s.initContainers = [{ name: 'init', image: 'i:1' }]; }, 'container init: securityContext.allowPrivilegeEscalation is not false', (s) => { s.initContainers = [{ name: 'init', image: 'i:1', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }]; }],
    ['ephemeral containers', (s) => { s.ephemeralContainers = [{ name: 'debug', image: 'd:1', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, privileged: true } }]; }, 'container debug: securityContext.privileged is true', (s) => { s.ephemeralContainers = [{ name: 'debug', image: 'd:1', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }]; }],
  ];

  describe.each(controls)('%s', (_name, violate, text, comply) => {
    test('a violating pod is reported', () => {
      const spec = variant(violate);
      const violations = checkRestricted(spec, spec.__meta);
      expect(violations.join('\n')).toContain(text);
    });
    test('a compliant pod is not', () => {
      const spec = variant(comply);
      expect(checkRestricted(spec, spec.__meta)).toEqual([]);
    });
  });

  test('Windows pods are exempt from the Linux-only controls', () => {
    const spec = variant((s) => {
      s.os = { name: 'windows' };
      delete s.securityContext.seccompProfile;
      c0(s).securityContext = {};
    });
    expect(checkRestricted(spec)).toEqual([]);
  });

  test('never throws on malformed input', () => {
    for (const bad of [null, undefined, 1, 'x', [], { containers: 'x', volumes: [null, 1, { hostPath: 'x' }], securityContext: [] },
      { containers: [{ securityContext: { capabilities: { drop: 'ALL', add: 'X' }, seLinuxOptions: 'x' }, ports: 'x' }] }]) {
      expect(() => checkRestricted(bad, bad)).not.toThrow();
    }
    expect(checkRestricted({ containers: [{ securityContext: { capabilities: { drop: 'ALL' } } }] }).join()).toContain('drop does not include ALL');
  });
});

describe('image references', () => {
  test.each([
    ['nginx', undefined, undefined],
    ['nginx:1.25', '1.25', undefined],
    ['registry:5000/team/app', undefined, undefined],
    ['registry:5000/team/app:2', '2', undefined],
    ['app@sha256:abc', undefined, 'sha256:abc'],
    ['app:1@sha256:abc', '1', 'sha256:abc'],
  ])('%s', (image, tag, digest) => {
    expect(imageTag(image)).toEqual({ tag, digest });
  });
});

describe('workload and security rules never throw', () => {
  const values: unknown[] = [null, 0, -1, 1.5, 'x', '', true, [], {}, [null], [1], ['x'], [{}], { a: 1 }];
  const paths = [
    ['spec'], ['spec', 'replicas'], ['spec', 'selector'], ['spec', 'selector', 'matchLabels'], ['spec', 'selector', 'matchExpressions'],
    ['spec', 'template'], ['spec', 'template', 'metadata'], ['spec', 'template', 'metadata', 'labels'], ['spec', 'template', 'spec'],
    ['spec', 'template', 'spec', 'containers'], ['spec', 'template', 'spec', 'volumes'], ['spec', 'template', 'spec', 'securityContext'],
    ['spec', 'updateStrategy'], ['spec', 'strategy'], ['spec', 'serviceName'], ['spec', 'volumeClaimTemplates'],
    ['spec', 'persistentVolumeClaimRetentionPolicy'], ['spec', 'minAvailable'], ['spec', 'maxUnavailable'], ['metadata', 'labels'],
  ];
  const base = (kind: string): any => ({
    apiVersion: kind === 'PodDisruptionBudget' ? 'policy/v1' : kind === 'Job' ? 'batch/v1' : 'apps/v1',
    kind,
    metadata: { name: 'x', namespace: 'default' },
    spec: {
      replicas: 2,
      serviceName: 'x',
      selector: { matchLabels: { app: 'x' } },
      template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'i', volumeMounts: [{ name: 'v', mountPath: '/v' }], env: [{ name: 'TOKEN', value: 't' }] }], volumes: [{ name: 'v', persistentVolumeClaim: { claimName: 'c' } }] } },
    },
  });
  const set = (obj: any, path: string[], value: unknown) => {
    let cur = obj;
    for (const p of path.slice(0, -1)) {
      if (typeof cur[p] !== 'object' || cur[p] === null) cur[p] = {};
      cur = cur[p];
    }
    cur[path[path.length - 1]] = value;
    return obj;
  };

  test('on wrong types at every level', () => {
    const docs: any[] = [];
    for (const kind of ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'PodDisruptionBudget']) {
      for (const path of paths) for (const value of values) docs.push(set(base(kind), path, value));
    }
    docs.push({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c', namespace: 'default' }, spec: { accessModes: 'ReadWriteOnce' } });
    docs.push({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'x', namespace: 'default' }, spec: [] });
    const crashes = Validator.validate(docs).filter((f) => f.ruleId === 'VAL-002' && /rule (WKL|SEC)-/.test(f.message));
    expect(crashes).toEqual([]);
  });
});

describe('correct manifests of the kind users learn from produce no workload or security error', () => {
  // The shapes of the Kubernetes documentation's hostPath PV/PVC/pod walkthrough and StatefulSet basics, written here.
  const hostPathPod = [
    { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'task-pv-volume', labels: { type: 'local' } }, spec: { storageClassName: 'manual', capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/mnt/data' } } },
    { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'task-pv-claim' }, spec: { storageClassName: 'manual', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '3Gi' } } } },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'task-pv-pod' },
      spec: {
        volumes: [{ name: 'task-pv-storage', persistentVolumeClaim: { claimName: 'task-pv-claim' } }],
        containers: [{ name: 'task-pv-container', image: 'nginx', ports: [{ containerPort: 80, name: 'http-server' }], volumeMounts: [{ mountPath: '/usr/share/nginx/html', name: 'task-pv-storage' }] }],
      },
    },
  ];
  const statefulSet = [
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx', labels: { app: 'nginx' } }, spec: { ports: [{ port: 80, name: 'web' }], clusterIP: 'None', selector: { app: 'nginx' } } },
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: { app: 'nginx' } },
        serviceName: 'nginx',
        replicas: 3,
        minReadySeconds: 10,
        template: {
          metadata: { labels: { app: 'nginx' } },
          spec: {
            terminationGracePeriodSeconds: 10,
            containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.8', ports: [{ containerPort: 80, name: 'web' }], volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }],
          },
        },
        volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'my-storage-class', resources: { requests: { storage: '1Gi' } } } }],
      },
    },
  ];
  test.each([['hostPath PV, claim and pod', hostPathPod], ['StatefulSet with claim templates', statefulSet]])('%s', (_name, docs) => {
    const errors = Validator.validate(docs).filter((f) => /^(WKL|SEC)-/.test(f.ruleId) && f.severity === 'error');
    expect(errors).toEqual([]);
  });
});
