import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart } from 'cdk8s';
import { DeployLock, GoldenPathValidation, LockViolation, Severity, Warnings } from '../src';
import { runLockCommand } from '../src/cli/lock-command';
import { compareLock } from '../src/lock/compare';
import { computeLock } from '../src/lock/extract';
import { parseLock, serializeLock } from '../src/lock/lock-file';

// ---------------------------------------------------------------------------------------------------------------
// Objects

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

function statefulSet(storage = '10Gi', storageClassName = 'fast'): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db', namespace: 'orders' },
    spec: {
      replicas: 3,
      serviceName: 'db-headless',
      selector: { matchLabels: { app: 'db' } },
      template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'pg', image: 'postgres:16' }] } },
      volumeClaimTemplates: [{
        metadata: { name: 'data' },
        spec: { accessModes: ['ReadWriteOnce'], storageClassName, resources: { requests: { storage } } },
      }],
    },
  };
}

function storageClass(name: string, provisioner: string, extra: any = {}): any {
  return { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name }, provisioner, allowVolumeExpansion: true, ...extra };
}

function claim(storage = '5Gi', storageClassName: string | undefined = 'fast'): any {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'shared', namespace: 'orders' },
    spec: { accessModes: ['ReadWriteOnce'], storageClassName, resources: { requests: { storage } } },
  };
}

function volume(): any {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: 'nfs-pv' },
    spec: { capacity: { storage: '100Gi' }, accessModes: ['ReadWriteMany'], nfs: { server: '10.0.0.1', path: '/export' }, persistentVolumeReclaimPolicy: 'Retain' },
  };
}

function service(clusterIP?: string): any {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: 'db-headless', namespace: 'orders' }, spec: { clusterIP, selector: { app: 'db' }, ports: [{ port: 5432 }] } };
}

function job(): any {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'migrate', namespace: 'orders' },
    spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'm', image: 'migrate:1' }] } } },
  };
}

function deployment(kind = 'Deployment'): any {
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: { name: 'web', namespace: 'orders' },
    spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'w', image: 'web:1' }] } } },
  };
}

const ebs = () => storageClass('fast', 'ebs.csi.aws.com', { parameters: { type: 'gp3' }, volumeBindingMode: 'WaitForFirstConsumer' });
const exoscale = () => storageClass('fast', 'csi.exoscale.com', { volumeBindingMode: 'WaitForFirstConsumer' });

function baseline(): any[] {
  return [ebs(), statefulSet(), claim(), volume(), service('None'), job(), deployment(), deployment('DaemonSet')];
}

/** Violations after changing one object of the baseline. */
function changed(mutate: (objects: any[]) => void, base: any[] = baseline()): LockViolation[] {
  const lock = computeLock(base);
  const next = clone(base);
  mutate(next);
  return compareLock(lock, next);
}

const find = (objects: any[], kind: string) => objects.find((o) => o.kind === kind);

// ---------------------------------------------------------------------------------------------------------------

describe('lock contents', () => {
  test('records the immutable fields readably where small, hashed where large', () => {
    const lock = computeLock(baseline());
    const sts = lock.objects.find((o) => o.kind === 'StatefulSet')!;
    expect(sts).toEqual({
      kind: 'StatefulSet',
      namespace: 'orders',
      name: 'db',
      fields: {
        'podManagementPolicy': 'OrderedReady',
        'selector': 'app=db',
        'serviceName': 'db-headless',
        'volumeClaimTemplates': 'data',
        'volumeClaimTemplates[data].accessModes': 'ReadWriteOnce',
        'volumeClaimTemplates[data].storage': '10Gi',
        'volumeClaimTemplates[data].storageClassName': 'fast',
        'volumeClaimTemplates[data].volumeMode': 'Filesystem',
      },
    });
    expect(lock.objects.find((o) => o.kind === 'StorageClass')!.fields).toEqual({
      'parameters[type]': 'gp3', 'provisioner': 'ebs.csi.aws.com', 'reclaimPolicy': 'Delete', 'volumeBindingMode': 'WaitForFirstConsumer',
    });
    expect(lock.objects.find((o) => o.kind === 'Job')!.fields.template).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(lock.objects.find((o) => o.kind === 'PersistentVolume')!.fields).toEqual({
      'capacity': '100Gi', 'source': 'nfs', 'source[nfs]': '{"path":"/export","server":"10.0.0.1"}', 'volumeMode': 'Filesystem',
    });
    expect(lock.objects.find((o) => o.kind === 'Service')!.fields).toEqual({ clusterIP: 'None' });
    // kinds with nothing immutable that matters are not locked
    expect(computeLock([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: 'b' } }]).objects).toEqual([]);
  });

  test('the same objects give the same bytes, whatever their order and key order', () => {
    const a = serializeLock(computeLock(baseline()));
    const reverseKeys = (x: any): any => (Array.isArray(x) ? x.map(reverseKeys) : x && typeof x === 'object'
      ? Object.fromEntries(Object.keys(x).reverse().map((k) => [k, reverseKeys(x[k])])) : x);
    const shuffled = baseline().reverse().map(reverseKeys);
    expect(JSON.stringify(shuffled[0])).not.toBe(JSON.stringify(baseline()[baseline().length - 1]));
    expect(serializeLock(computeLock(shuffled))).toBe(a);
    expect(serializeLock(parseLock(a))).toBe(a);
    expect(a.endsWith('\n')).toBe(true);
    expect(JSON.parse(a).version).toBe(1);
  });

  test('the namespace a Chart stamps on cluster-scoped objects is ignored', () => {
    const withNs = storageClass('fast', 'ebs.csi.aws.com');
    withNs.metadata.namespace = 'apps';
    expect(computeLock([withNs]).objects[0].namespace).toBeUndefined();
    expect(compareLock(computeLock([storageClass('fast', 'ebs.csi.aws.com')]), [withNs])).toEqual([]);
  });

  test('odd input never crashes', () => {
    const weird: any[] = [null, 1, 'x', [], {}, { kind: 'StatefulSet' }, { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'a' }, spec: [] },
      { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'b' }, spec: { volumeClaimTemplates: [null, 3, { spec: 'x' }], selector: 'x', replicas: 'many' } },
      { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c' }, spec: { resources: { requests: { storage: {} } }, accessModes: 'RWO' } },
      { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'd' }, provisioner: 7, parameters: [1] },
      { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'e' }, spec: { capacity: 'big', nfs: null } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'f' }, spec: { clusterIP: 5 } }];
    const lock = computeLock(weird);
    expect(lock.objects.map((o) => o.name)).toEqual(['e', 'c', 'f', 'a', 'b', 'd']);
    const mutated = clone(weird);
    mutated[7].spec.volumeClaimTemplates = { x: 1 };
    mutated[8].spec.resources.requests.storage = '1Gi';
    mutated[10].spec.capacity = { storage: 'tiny' };
    expect(() => compareLock(lock, mutated)).not.toThrow();
    expect(compareLock(lock, weird)).toEqual([]);
    expect(() => computeLock('nope' as any)).not.toThrow();
  });

  test('a lock file that is not one is refused with a way out', () => {
    expect(() => parseLock('{', 'x.lock')).toThrow(/x.lock is not valid JSON.*delete it/);
    expect(() => parseLock('{"version":9,"objects":[]}')).toThrow(/newer than this cdk8s-golden-paths understands/);
    expect(() => parseLock('{"version":1,"objects":[{"kind":"StatefulSet"}]}')).toThrow(/objects\[0\] needs "kind" and "name"/);
    expect(() => parseLock('[]')).toThrow(/not a golden-paths lock file/);
  });
});

describe('each immutable field', () => {
  const cases: Array<[string, string, string, (o: any[]) => void, string, string, RegExp]> = [
    ['StatefulSet', 'selector', 'app=db', (o) => { find(o, 'StatefulSet').spec.selector.matchLabels.tier = 'data'; }, 'app=db,tier=data', '', /--cascade=orphan.*adopts only pods its new selector matches/],
    ['StatefulSet', 'serviceName', 'db-headless', (o) => { find(o, 'StatefulSet').spec.serviceName = 'db-peers'; }, 'db-peers', '', /Create the headless Service db-peers first[\s\S]*delete statefulset db --cascade=orphan[\s\S]*rollout restart/],
    ['StatefulSet', 'podManagementPolicy', 'OrderedReady', (o) => { find(o, 'StatefulSet').spec.podManagementPolicy = 'Parallel'; }, 'Parallel', '', /--cascade=orphan/],
    ['StatefulSet', 'volumeClaimTemplates[data].storageClassName', 'fast', (o) => { find(o, 'StatefulSet').spec.volumeClaimTemplates[0].spec.storageClassName = 'slow'; }, 'slow', '', /Existing claims keep the spec[\s\S]*copy the data/],
    ['StatefulSet', 'volumeClaimTemplates[data].accessModes', 'ReadWriteOnce', (o) => { find(o, 'StatefulSet').spec.volumeClaimTemplates[0].spec.accessModes = ['ReadWriteOncePod']; }, 'ReadWriteOncePod', '', /new claim template/],
    ['StatefulSet', 'volumeClaimTemplates[data].volumeMode', 'Filesystem', (o) => { find(o, 'StatefulSet').spec.volumeClaimTemplates[0].spec.volumeMode = 'Block'; }, 'Block', '', /new claim template/],
    ['StatefulSet', 'volumeClaimTemplates[data].otherFields', '(not set)', (o) => { find(o, 'StatefulSet').spec.volumeClaimTemplates[0].metadata.labels = { backup: 'daily' }; }, '', '', /Existing claims keep the spec/],
    ['StatefulSet', 'volumeClaimTemplates', 'data', (o) => { find(o, 'StatefulSet').spec.volumeClaimTemplates.push({ metadata: { name: 'wal' }, spec: { resources: { requests: { storage: '1Gi' } } } }); }, 'data,wal', '', /future claims/],
    ['PersistentVolumeClaim', 'storageClassName', 'fast', (o) => { find(o, 'PersistentVolumeClaim').spec.storageClassName = 'slow'; }, 'slow', 'immutable after creation except', /create a claim with the new spec/],
    ['PersistentVolumeClaim', 'accessModes', 'ReadWriteOnce', (o) => { find(o, 'PersistentVolumeClaim').spec.accessModes = ['ReadWriteMany']; }, 'ReadWriteMany', 'immutable after creation except', /copy the data/],
    ['PersistentVolumeClaim', 'volumeMode', 'Filesystem', (o) => { find(o, 'PersistentVolumeClaim').spec.volumeMode = 'Block'; }, 'Block', 'immutable after creation except', /copy the data/],
    ['PersistentVolumeClaim', 'otherFields', '(not set)', (o) => { find(o, 'PersistentVolumeClaim').spec.dataSource = { kind: 'VolumeSnapshot', name: 's1', apiGroup: 'snapshot.storage.k8s.io' }; }, '', 'immutable after creation except', /copy the data/],
    ['StorageClass', 'provisioner', 'ebs.csi.aws.com', (o) => { find(o, 'StorageClass').provisioner = 'disk.csi.azure.com'; }, 'disk.csi.azure.com', 'are immutable', /Create a StorageClass under a new name/],
    ['StorageClass', 'parameters[type]', 'gp3', (o) => { find(o, 'StorageClass').parameters.type = 'io2'; }, 'io2', 'are immutable', /Create a StorageClass under a new name[\s\S]*claims on the new class/],
    ['StorageClass', 'parameters[iops]', '(not set)', (o) => { find(o, 'StorageClass').parameters.iops = '6000'; }, '6000', 'are immutable', /new name/],
    ['StorageClass', 'reclaimPolicy', 'Delete', (o) => { find(o, 'StorageClass').reclaimPolicy = 'Retain'; }, 'Retain', 'are immutable', /persistentVolumeReclaimPolicy/],
    ['StorageClass', 'volumeBindingMode', 'WaitForFirstConsumer', (o) => { find(o, 'StorageClass').volumeBindingMode = 'Immediate'; }, 'Immediate', 'are immutable', /delete storageclass fast/],
    ['PersistentVolume', 'source[nfs]', '{"path":"/export","server":"10.0.0.1"}', (o) => { find(o, 'PersistentVolume').spec.nfs.server = '10.0.0.2'; }, '{"path":"/export","server":"10.0.0.2"}', 'volume source is immutable', /Retain[\s\S]*new name/],
    ['PersistentVolume', 'volumeMode', 'Filesystem', (o) => { find(o, 'PersistentVolume').spec.volumeMode = 'Block'; }, 'Block', 'immutable', /new name/],
    ['PersistentVolume', 'nodeAffinity', '(not set)', (o) => { find(o, 'PersistentVolume').spec.nodeAffinity = { required: { nodeSelectorTerms: [] } }; }, '{"required":{"nodeSelectorTerms":[]}}', 'node affinity are immutable', /new name/],
    ['PersistentVolume', 'capacity', '100Gi', (o) => { find(o, 'PersistentVolume').spec.capacity.storage = '50Gi'; }, '50Gi', 'never shrinks', /Keep 100Gi/],
    ['Service', 'clusterIP', 'None', (o) => { find(o, 'Service').spec.clusterIP = undefined; }, '(allocated)', 'headless', /delete service db-headless/],
    ['Job', 'template', '', (o) => { find(o, 'Job').spec.template.spec.containers[0].image = 'migrate:2'; }, '', 'template is immutable', /delete job migrate[\s\S]*new name per version/],
    ['Deployment', 'selector', 'app=web', (o) => { find(o, 'Deployment').spec.selector.matchLabels.v = '2'; }, 'app=web,v=2', 'selector is immutable', /new name with the new selector/],
    ['DaemonSet', 'selector', 'app=web', (o) => { find(o, 'DaemonSet').spec.selector = { matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'api'] }] }; }, 'app in (api,web)', 'selector is immutable', /new name/],
  ];

  test.each(cases)('%s %s', (kind, field, oldValue, mutate, newValue, messagePart, migration) => {
    const violations = changed(mutate);
    expect(violations).toHaveLength(1);
    const v = violations[0];
    expect(v).toMatchObject({ severity: Severity.ERROR, kind, field });
    expect(v.name).toBe(find(baseline(), kind).metadata.name);
    if (oldValue) expect(v.oldValue).toBe(oldValue);
    if (newValue) expect(v.newValue).toBe(newValue);
    expect(v.oldValue).not.toBe(v.newValue);
    expect(v.message).toContain(`${field} ${v.oldValue} -> ${v.newValue}`);
    if (messagePart) expect(v.message).toContain(messagePart);
    expect(v.migration).toMatch(migration);
    expect(v.migration).toMatch(/GOLDEN_PATHS_ACCEPT_CHANGES=1 cdk8s synth/);
    expect(DeployLock.format(v)).toMatch(new RegExp(`^error ${kind}/`));
  });

  test('fields that may change are not locked', () => {
    expect(changed((o) => {
      const sts = find(o, 'StatefulSet');
      sts.spec.replicas = 5;
      sts.spec.template.spec.containers[0].image = 'postgres:17';
      sts.spec.updateStrategy = { type: 'OnDelete' };
      find(o, 'StorageClass').allowVolumeExpansion = false;
      find(o, 'StorageClass').mountOptions = ['noatime'];
      find(o, 'Deployment').spec.replicas = 4;
      find(o, 'Service').spec.ports = [{ port: 5433 }];
      find(o, 'PersistentVolume').spec.persistentVolumeReclaimPolicy = 'Delete';
    })).toEqual([]);
  });

  test('switching a Service to and from ExternalName is allowed', () => {
    expect(changed((o) => { find(o, 'Service').spec = { type: 'ExternalName', externalName: 'db.example.com' }; })
      .filter((v) => v.severity === Severity.ERROR)).toEqual([]);
  });

  test('a claim class the cluster filled in is a warning, not an error', () => {
    const unset = claim();
    delete unset.spec.storageClassName;
    const base = [{ ...ebs(), metadata: { name: 'fast', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } }, unset];
    const [v] = changed((o) => { find(o, 'PersistentVolumeClaim').spec.storageClassName = 'fast'; }, base);
    expect(v).toMatchObject({ severity: Severity.WARNING, field: 'storageClassName', oldValue: '(not set)', newValue: 'fast' });
    expect(v.migration).toContain("get pvc shared -o jsonpath='{.spec.storageClassName}'");
  });

  test('every change is reported at once', () => {
    const violations = changed((o) => {
      find(o, 'StatefulSet').spec.serviceName = 'x';
      find(o, 'StatefulSet').spec.volumeClaimTemplates[0].spec.resources.requests.storage = '20Gi';
      find(o, 'StorageClass').parameters.type = 'io2';
    });
    expect(violations.map((v) => `${v.kind} ${v.field}`)).toEqual([
      'StatefulSet serviceName', 'StatefulSet volumeClaimTemplates[data].storage', 'StorageClass parameters[type]',
    ]);
  });

  test('an object removed from the app is a warning; a new one is not reported', () => {
    const base = baseline();
    const violations = compareLock(computeLock(base), [...base.filter((o) => o.kind !== 'StatefulSet'), { ...deployment(), metadata: { name: 'new', namespace: 'orders' } }]);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ severity: Severity.WARNING, kind: 'StatefulSet', name: 'db', field: '(object)', newValue: '(removed)' });
    expect(violations[0].message).toContain('kubectl apply does not delete it');
    expect(violations[0].migration).toContain('its claims stay');
  });
});

describe('storage size', () => {
  const grow = (size: string, sc: any, replicas = 3) => changed((o) => {
    const sts = find(o, 'StatefulSet');
    sts.spec.volumeClaimTemplates[0].spec.resources.requests.storage = size;
    sts.spec.replicas = replicas;
  }, [sc, statefulSet()]);

  test('growing a StatefulSet volume is refused by the cluster, with the guided migration (online class)', () => {
    const [v] = grow('20Gi', ebs());
    expect(v).toMatchObject({ severity: Severity.ERROR, kind: 'StatefulSet', namespace: 'orders', name: 'db', field: 'volumeClaimTemplates[data].storage', oldValue: '10Gi', newValue: '20Gi' });
    expect(v.message).toContain('kubernetes/kubernetes#68737');
    expect(v.message).toContain('Growing is supported through a guided migration');
    const steps = v.migration.split('\n');
    expect(steps[0]).toBe('1. StorageClass fast allows expansion; ebs.csi.aws.com expands online.');
    expect(steps[1]).toBe('2. Grow each claim: `for i in $(seq 0 2); do kubectl -n orders patch pvc data-db-$i -p \'{"spec":{"resources":{"requests":{"storage":"20Gi"}}}}\'; done` (one claim per ordinal; include ordinals above 2 if the StatefulSet ever had more replicas).');
    expect(steps[2]).toBe('3. Delete the StatefulSet but keep its pods and claims: `kubectl -n orders delete statefulset db --cascade=orphan`.');
    expect(steps[3]).toMatch(/^4\. Re-apply the manifests/);
    expect(v.migration).not.toContain('--replicas=0');
  });

  test('Exoscale expands offline only: scale to zero first, wait for the resize', () => {
    const [v] = grow('20Gi', exoscale());
    expect(v.migration).toContain('csi.exoscale.com expands offline only');
    const scale = v.migration.indexOf('kubectl -n orders scale statefulset db --replicas=0');
    const patch = v.migration.indexOf('patch pvc data-db-$i');
    const wait = v.migration.indexOf("get pvc data-db-0 -o jsonpath='{.status.capacity.storage}'` prints 20Gi");
    const orphan = v.migration.indexOf('--cascade=orphan');
    expect(scale).toBeGreaterThan(0);
    expect(scale < patch && patch < wait && wait < orphan).toBe(true);
    expect(v.migration).toContain('scales back to 3');
  });

  test('a class without allowVolumeExpansion must be changed first', () => {
    const [v] = grow('20Gi', { ...ebs(), allowVolumeExpansion: false });
    expect(v.migration.split('\n')[0]).toBe('1. StorageClass fast has no allowVolumeExpansion: true: add it (a field that may change) and apply the class first; ebs.csi.aws.com expands online.');
  });

  test('a class whose driver cannot expand leaves only a data migration', () => {
    const [v] = grow('20Gi', storageClass('fast', 'openebs.io/local'));
    expect(v.message).toContain('cannot expand volumes');
    expect(v.migration).not.toContain('patch pvc');
    expect(v.migration).toContain('copy the data');
  });

  test('a class not in the app: check it, the lock remembers its provisioner', () => {
    const lock = computeLock([exoscale(), statefulSet()]);
    const next = statefulSet('20Gi');
    const [v] = compareLock(lock, [next]);
    expect(v.migration).toContain("Check that StorageClass fast allows expansion (`kubectl get storageclass fast -o jsonpath='{.allowVolumeExpansion}'` prints true); csi.exoscale.com expands offline only");
    const unknown = compareLock(computeLock([statefulSet()]), [statefulSet('20Gi')]).find((x) => x.kind === 'StatefulSet')!;
    expect(unknown.migration).toContain('if it expands offline only (e.g. csi.exoscale.com), scale the workload to 0 first');
  });

  test('shrinking is refused with its own message', () => {
    const [v] = grow('5Gi', ebs());
    expect(v.severity).toBe(Severity.ERROR);
    expect(v.message).toContain('shrinking is refused: a volume never shrinks');
    expect(v.migration).toContain('Keep 10Gi');
    expect(v.migration).not.toContain('patch pvc');
  });

  test('the same size written differently is no change', () => {
    expect(grow('10240Mi', ebs())).toEqual([]);
  });

  test('a standalone claim grows in place on a class that expands online', () => {
    expect(changed((o) => { find(o, 'PersistentVolumeClaim').spec.resources.requests.storage = '8Gi'; }, [ebs(), claim()])).toEqual([]);
  });

  test('a standalone claim on Exoscale grows only once detached: a warning with the steps', () => {
    const [v] = changed((o) => { find(o, 'PersistentVolumeClaim').spec.resources.requests.storage = '8Gi'; }, [exoscale(), claim()]);
    expect(v).toMatchObject({ severity: Severity.WARNING, field: 'storage', oldValue: '5Gi', newValue: '8Gi' });
    expect(v.message).toContain('csi.exoscale.com expands offline only');
    expect(v.migration).toContain('Scale every workload that mounts the claim to 0');
  });

  test('a standalone claim on a class without allowVolumeExpansion is refused', () => {
    const [v] = changed((o) => { find(o, 'PersistentVolumeClaim').spec.resources.requests.storage = '8Gi'; }, [{ ...ebs(), allowVolumeExpansion: false }, claim()]);
    expect(v.severity).toBe(Severity.ERROR);
    expect(v.message).toContain('does not allow expansion');
  });

  test('shrinking a standalone claim is refused', () => {
    const [v] = changed((o) => { find(o, 'PersistentVolumeClaim').spec.resources.requests.storage = '1Gi'; }, [ebs(), claim()]);
    expect(v).toMatchObject({ severity: Severity.ERROR, field: 'storage', oldValue: '5Gi', newValue: '1Gi' });
    expect(v.message).toContain('shrinking a claim is refused');
  });

  test('a PersistentVolume may grow', () => {
    expect(changed((o) => { find(o, 'PersistentVolume').spec.capacity.storage = '200Gi'; })).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Doors

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-lock-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  delete process.env.GOLDEN_PATHS_ACCEPT_CHANGES;
});

describe('DeployLock at synth', () => {
  function app(storage: string, opts: { accept?: boolean; serviceName?: string; failing?: boolean } = {}): App {
    const a = new App({ outdir: path.join(dir, 'dist') });
    DeployLock.of(a, { file: path.join(dir, 'golden-paths.lock.json'), accept: opts.accept });
    Warnings.of(a).sink = Warnings.SILENT;
    const chart = new Chart(a, 'orders', { namespace: 'orders' });
    new ApiObject(chart, 'sc', exoscale());
    const sts = statefulSet(storage);
    if (opts.serviceName) sts.spec.serviceName = opts.serviceName;
    new ApiObject(chart, 'db', sts);
    if (opts.failing) chart.node.addValidation({ validate: () => ['something else is wrong'] });
    return a;
  }
  const lockFile = () => path.join(dir, 'golden-paths.lock.json');

  test('the first synth writes the lock; the same app gives the same bytes', () => {
    app('10Gi').synth();
    const first = fs.readFileSync(lockFile(), 'utf8');
    expect(JSON.parse(first).objects.map((o: any) => `${o.kind}/${o.name}`)).toEqual(['StatefulSet/db', 'StorageClass/fast']);
    app('10Gi').synth();
    expect(fs.readFileSync(lockFile(), 'utf8')).toBe(first);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('a refused change fails synth with every violation and leaves the lock alone', () => {
    app('10Gi').synth();
    const before = fs.readFileSync(lockFile(), 'utf8');
    let message = '';
    try {
      app('20Gi', { serviceName: 'db-peers' }).synthYaml();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('[DeployLock] error StatefulSet/orders/db [orders/db]: volumeClaimTemplates[data].storage 10Gi -> 20Gi');
    expect(message).toContain('csi.exoscale.com expands offline only');
    expect(message).toContain('kubectl -n orders delete statefulset db --cascade=orphan');
    expect(message).toContain('serviceName db-headless -> db-peers');
    expect(fs.readFileSync(lockFile(), 'utf8')).toBe(before);
  });

  test('accepting rewrites the lock, then synth passes without accepting', () => {
    app('10Gi').synth();
    expect(() => app('20Gi', { accept: true }).synth()).not.toThrow();
    expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8')).objects[0].fields['volumeClaimTemplates[data].storage']).toBe('20Gi');
    expect(() => app('20Gi').synth()).not.toThrow();
    expect(DeployLock.of(app('20Gi')).violations()).toEqual([]);
  });

  test('GOLDEN_PATHS_ACCEPT_CHANGES=1 accepts too', () => {
    app('10Gi').synth();
    expect(() => app('20Gi').synth()).toThrow(/volumeClaimTemplates\[data\]\.storage 10Gi -> 20Gi/);
    process.env.GOLDEN_PATHS_ACCEPT_CHANGES = '1';
    const a = app('20Gi');
    expect(DeployLock.of(a).accepting).toBe(true);
    a.synth();
    delete process.env.GOLDEN_PATHS_ACCEPT_CHANGES;
    expect(() => app('20Gi').synth()).not.toThrow();
  });

  test('classes the app knows from ExistingStorageClass guide the migration', () => {
    const build = (storage: string) => {
      const a = new App({ outdir: path.join(dir, 'dist') });
      DeployLock.of(a, { file: lockFile() });
      GoldenPathValidation.of(a).addKnownStorageClass({ name: 'fast', provisioner: 'csi.exoscale.com', allowVolumeExpansion: true });
      new ApiObject(new Chart(a, 'orders', { namespace: 'orders' }), 'db', statefulSet(storage));
      return a;
    };
    build('10Gi').synth();
    const [v] = DeployLock.of(build('20Gi')).violations();
    expect(v.migration).toContain('1. StorageClass fast allows expansion; csi.exoscale.com expands offline only');
    expect(v.migration).toContain('--replicas=0');
  });

  test('when another validation fails, no lock is written', () => {
    expect(() => app('10Gi', { failing: true }).synth()).toThrow(/something else is wrong/);
    expect(fs.existsSync(lockFile())).toBe(false);
  });

  test('a broken lock file fails synth with a way out', () => {
    fs.writeFileSync(lockFile(), 'not json');
    expect(() => app('10Gi').synth()).toThrow(/golden-paths.lock.json is not valid JSON.*delete it to lock the current objects afresh/);
  });

  test('options are given once per app', () => {
    const a = app('10Gi');
    expect(DeployLock.of(a.node.children[0])).toBe(DeployLock.of(a));
    expect(() => DeployLock.of(a, { file: 'other.json' })).toThrow(/already configured/);
  });
});

describe('lock command', () => {
  async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await runLockCommand(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; } });
    return { code, out, err };
  }
  const yaml = (objects: any[]) => objects.map((o) => JSON.stringify(o)).join('\n---\n') + '\n';

  test('update creates the lock, check passes, a change fails check until update accepts it', async () => {
    const manifests = path.join(dir, 'manifests');
    fs.mkdirSync(manifests);
    const lock = path.join(dir, 'l.json');
    fs.writeFileSync(path.join(manifests, 'app.yaml'), yaml([exoscale(), statefulSet()]));

    expect((await cli('check', '--lock', lock, manifests)).code).toBe(2);
    const created = await cli('update', '--lock', lock, manifests);
    expect(created).toMatchObject({ code: 0 });
    expect(created.out).toContain(`created ${lock} (2 locked objects)`);
    expect(await cli('check', `--lock=${lock}`, manifests)).toMatchObject({ code: 0, out: `${lock}: no changes to locked fields\n` });

    fs.writeFileSync(path.join(manifests, 'app.yaml'), yaml([exoscale(), statefulSet('20Gi')]));
    const failed = await cli('check', '--lock', lock, manifests);
    expect(failed.code).toBe(1);
    expect(failed.out).toContain(`error StatefulSet/orders/db [${path.join(manifests, 'app.yaml')}:3]: volumeClaimTemplates[data].storage 10Gi -> 20Gi`);
    expect(failed.out).toContain('--replicas=0');
    expect(failed.out).toContain(`cdk8s-golden-paths lock update --lock ${lock} ${manifests}`);
    expect(failed.out).toContain('1 refused change, 0 warnings');

    const json = await cli('check', '--lock', lock, '--json', manifests);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out).violations[0]).toMatchObject({ field: 'volumeClaimTemplates[data].storage', oldValue: '10Gi', newValue: '20Gi' });

    const accepted = await cli('update', '--lock', lock, manifests);
    expect(accepted.code).toBe(0);
    expect(accepted.out).toContain('accepting error StatefulSet/orders/db');
    expect(accepted.out).toContain('1 accepted change');
    expect((await cli('check', '--lock', lock, manifests)).code).toBe(0);
    expect((await cli('update', '--lock', lock, manifests)).out).toContain('is up to date');
  });

  test('bad usage and unreadable input exit 2', async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli('frobnicate', 'x')).code).toBe(2);
    expect((await cli('check')).code).toBe(2);
    expect((await cli('check', '--bogus', 'x')).code).toBe(2);
    expect((await cli('check', '--lock')).code).toBe(2);
    const missing = await cli('update', '--lock', path.join(dir, 'l.json'), path.join(dir, 'nope.yaml'));
    expect(missing.code).toBe(2);
    expect(fs.existsSync(path.join(dir, 'l.json'))).toBe(false);
    fs.writeFileSync(path.join(dir, 'bad.json'), '{"version":1}');
    fs.writeFileSync(path.join(dir, 'a.yaml'), yaml([statefulSet()]));
    const bad = await cli('check', '--lock', path.join(dir, 'bad.json'), path.join(dir, 'a.yaml'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('"objects" is not a list');
    expect((await cli('--help')).code).toBe(0);
  });

  test('an out-of-date lock passes check with a note', async () => {
    const lock = path.join(dir, 'l.json');
    fs.writeFileSync(path.join(dir, 'a.yaml'), yaml([statefulSet()]));
    await cli('update', '--lock', lock, path.join(dir, 'a.yaml'));
    fs.writeFileSync(path.join(dir, 'a.yaml'), yaml([statefulSet(), job()]));
    const r = await cli('check', '--lock', lock, path.join(dir, 'a.yaml'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('is out of date');
  });
});
