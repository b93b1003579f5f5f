import { pv } from './volume-builders';
import { podSpec, w } from './wkl.fixtures';
import { controller } from './workload-builders';
import { Validator } from '../../../src';
import { findPodSpecsInJson } from '../../../src/validation/pod-spec';
import { isLongRunning, isZero, mainContainers, percent, show } from '../../../src/validation/rules/wkl/helpers';

/*
 * What the workload rule fixtures cannot pin down: the helpers' edge values, and which pods count as mounting
 * a claim (claim-uses.ts, read by WKL-012..015), seen through the WKL-013 findings.
 */

describe('workload helpers', () => {
  test('show writes JSON, cut at 120 characters; what JSON cannot write, as text', () => {
    expect(show({ app: 'web' })).toBe('{"app":"web"}');
    expect(show('x'.repeat(118))).toBe(`"${'x'.repeat(118)}"`); // 120 characters: kept
    expect(show('x'.repeat(119))).toBe(`"${'x'.repeat(116)}...`); // 121: cut to 117 and an ellipsis
    expect(show(undefined)).toBe('undefined');
  });

  test('isZero: 0, "0" and "0%" only', () => {
    expect([0, '0', '0%'].map(isZero)).toEqual([true, true, true]);
    expect([1, '1', '10%', '00%', undefined, null, ''].map(isZero)).toEqual([false, false, false, false, false, false, false]);
  });

  test('percent reads a whole percentage only', () => {
    expect(percent('100%')).toBe(100);
    expect(percent('5%')).toBe(5);
    expect(['12.5%', '50', '50%%', '50% ', 'x50%', 50, undefined].map(percent)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  const specs = (...objs: any[]) => findPodSpecsInJson(objs);
  const pod = (name: string, restartPolicy?: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: podSpec({ restartPolicy }) });

  test('isLongRunning: the replacing controllers, and a Pod restarted Always (its default)', () => {
    const infos = specs(
      w.deployment('web'), w.statefulSet('db'), controller('DaemonSet', 'agent', { app: 'agent' }, podSpec()),
      controller('ReplicaSet', 'api', { app: 'api' }, podSpec()), controller('ReplicationController', 'legacy', { app: 'legacy' }, podSpec()),
      pod('web'), pod('api', 'Always'),
      pod('debug', 'Never'), pod('retry', 'OnFailure'), w.job('migrate', { restartPolicy: 'Never' }),
      { apiVersion: 'v1', kind: 'PodTemplate', metadata: { name: 'web' }, template: { spec: podSpec() } },
    );
    expect(infos.map((i) => [`${i.owner.kind}/${i.owner.name}`, isLongRunning(i)])).toEqual([
      ['Deployment/web', true], ['StatefulSet/db', true], ['DaemonSet/agent', true], ['ReplicaSet/api', true],
      ['ReplicationController/legacy', true], ['Pod/web', true], ['Pod/api', true],
      ['Pod/debug', false], ['Pod/retry', false], ['Job/migrate', false], ['PodTemplate/web', false],
    ]);
  });

  test('mainContainers leaves out init and ephemeral containers', () => {
    const [info] = specs(w.deployment('web', {}, {
      initContainers: [{ name: 'migrate', image: 'registry.example/migrate:1.2.3' }],
      containers: [{ name: 'app', image: 'registry.example/app:1.2.3' }, { name: 'proxy', image: 'envoyproxy/envoy:v1.31.2' }],
      ephemeralContainers: [{ name: 'debugger', image: 'busybox:1.36' }],
    }));
    expect(mainContainers(info).map((c) => c.name)).toEqual(['app', 'proxy']);
  });
});

describe('WKL-006 update strategies', () => {
  test('rollingUpdate beside Recreate is reported once: its values are not checked for another type', () => {
    const findings = Validator.validate([w.deployment('web', { strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } })]);
    expect(findings.filter((f) => f.ruleId === 'WKL-006').map((f) => f.message)).toEqual(['strategy.rollingUpdate is set but strategy.type is Recreate']);
  });
});

describe('claim uses (WKL-012..015)', () => {
  const classes = [
    { name: 'sbs', provisioner: 'csi.exoscale.com' },
    { name: 'efs', provisioner: 'efs.csi.aws.com' },
    { name: 'local', provisioner: 'kubernetes.io/no-provisioner' },
  ];
  const claim = (name: string, spec: Record<string, any> = {}, namespace = 'default') => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace },
    spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'sbs', resources: { requests: { storage: '10Gi' } }, ...spec },
  });
  const mounting = (claimName: string, readOnly?: boolean) => ({
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName, ...(readOnly === undefined ? {} : { readOnly }) } }],
    containers: [{ name: 'app', image: 'registry.example/app:1.2.3', volumeMounts: [{ name: 'data', mountPath: '/data', readOnly }] }],
  });
  /** The WKL-013 findings (a ReadWriteOnce claim mounted by several pods), as `kind/name: message`. */
  const wkl013 = (objects: any[]) => Validator.validate(objects, { knownStorageClasses: classes })
    .filter((f) => f.ruleId === 'WKL-013').map((f) => `${f.kind}/${f.name}: ${f.message}`);
  const multiAttach = ': pods on other nodes cannot attach it (Multi-Attach error)';

  test('a PodTemplate runs no pods: it neither mounts the claim nor is reported', () => {
    const template = { apiVersion: 'v1', kind: 'PodTemplate', metadata: { name: 'web', namespace: 'default' }, template: { spec: podSpec(mounting('data')) } };
    expect(wkl013([w.deployment('web', { replicas: 2 }, mounting('data')), template, claim('data')])).toEqual([
      `Deployment/web: claim data is ReadWriteOnce but Deployment/web (2 replicas) mount it${multiAttach}`,
    ]);
  });

  test('claims are looked up in the namespace of the pods', () => {
    expect(wkl013([w.deployment('web', { replicas: 2 }, mounting('data'), 'shop'), claim('data', {}, 'shop')])).toEqual([
      `Deployment/web: claim data is ReadWriteOnce but Deployment/web (2 replicas) mount it${multiAttach}`,
    ]);
  });

  test('the message counts a DaemonSet as one pod per node and a single replica as 1 replica', () => {
    const objects = [controller('DaemonSet', 'agent', { app: 'agent' }, podSpec(mounting('data'))), w.deployment('web', {}, mounting('data')), claim('data')];
    const message = `claim data is ReadWriteOnce but DaemonSet/agent (one pod per node), Deployment/web (1 replica) mount it${multiAttach}`;
    expect(wkl013(objects)).toEqual([`DaemonSet/agent: ${message}`, `Deployment/web: ${message}`]);
  });

  test('ReadWriteMany beside ReadWriteOnce lets the pods share the claim across nodes', () => {
    expect(wkl013([w.deployment('web', { replicas: 3 }, mounting('data')), claim('data', { accessModes: ['ReadWriteOnce', 'ReadWriteMany'], storageClassName: 'efs' })])).toEqual([]);
  });

  test('ReadOnlyMany shares the claim only when every pod mounts it read-only', () => {
    const rox = claim('reports', { accessModes: ['ReadWriteOnce', 'ReadOnlyMany'] });
    expect(wkl013([w.deployment('web', { replicas: 2 }, mounting('reports', true)), rox])).toEqual([]);
    expect(wkl013([w.deployment('web', { replicas: 2 }, mounting('reports', false)), rox])).toEqual([
      `Deployment/web: claim reports is ReadWriteOnce but Deployment/web (2 replicas) mount it${multiAttach}`,
    ]);
    const mixed = [w.deployment('web', {}, mounting('reports', true)), w.deployment('export', {}, mounting('reports')), rox];
    const message = `claim reports is ReadWriteOnce but Deployment/web (1 replica), Deployment/export (1 replica) mount it${multiAttach}`;
    expect(wkl013(mixed)).toEqual([`Deployment/web: ${message}`, `Deployment/export: ${message}`]);
  });

  test('node-local storage (a local or hostPath volume, or a local storage class) forces the pods onto its node: no warning', () => {
    const bound = (volumeName: string) => claim('data', { storageClassName: '', volumeName });
    const rwoPv = (name: string, source: Record<string, any>) => pv(name, { accessModes: ['ReadWriteOnce'], nfs: undefined, ...source });
    const web = w.deployment('web', { replicas: 2 }, mounting('data'));
    expect(wkl013([web, bound('node1-ssd'), rwoPv('node1-ssd', { local: { path: '/mnt/disks/ssd1' } })])).toEqual([]);
    expect(wkl013([web, bound('node1-data'), rwoPv('node1-data', { hostPath: { path: '/srv/data', type: 'DirectoryOrCreate' } })])).toEqual([]);
    expect(wkl013([web, claim('data', { storageClassName: 'local' })])).toEqual([]);
    // a network volume bound by name is not node-local
    expect(wkl013([web, bound('uploads'), rwoPv('uploads', { nfs: { server: 'nfs.internal', path: '/exports/uploads' } })])).toEqual([
      `Deployment/web: claim data is ReadWriteOnce but Deployment/web (2 replicas) mount it${multiAttach}`,
    ]);
  });
});
