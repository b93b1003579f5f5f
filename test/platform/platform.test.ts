/**
 * The platform-team layer (issue 11): scoped defaults and their resolution order, labels and annotations on every
 * object, the image mirror, the namespace convention, resource presets, policy violations reported with construct
 * paths through real constructs, and the worked example (examples/platform-golden-path).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, JsonPatch, Size } from 'cdk8s';
import { Cpu, Deployment, Secret, Service } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { parseAllDocuments } from 'yaml';
import { AcmeApp, AcmeChart, AcmeEnv, acmePolicy } from '../../examples/platform-golden-path/acme-platform';
import { BlockProvisioner, BlockStorageClass, DatabaseEngine, DatabaseRuntime, ExistingStorageClass, FileProvisioner, FileStorageClass, IngressController, ManagedDatabase, PlatformChart, PlatformDefaults, PlatformDefaultsProps, PlatformPolicy, PlatformPolicyProps, ResourcePreset, RouteBackend, RouteOutput, SharedRwxVolume, SharedVolumeBackend, StatefulDatabase, StatefulDatabaseProps, StorageSystemId, TlsSource, Validator, Warnings, WebRoute } from '../../src';

/** Routes in these tests are Ingresses for HAProxy (one Ingress per route) unless a test says otherwise. */
const HAPROXY = RouteOutput.ingress(IngressController.haproxy());

const MANAGED_BY = 'app.kubernetes.io/managed-by';

// ---------------------------------------------------------------------------------------------------------------
// helpers

/** Where a value comes from: nothing set, the App's defaults, the Chart's defaults (over the App's), or a prop (over both). */
type Level = 'library' | 'app' | 'chart' | 'prop';
const LEVELS: Level[] = ['library', 'app', 'chart', 'prop'];

/** An app with App defaults (from level app on) and a chart with Chart defaults (from level chart on). */
function scopes(level: Level, app: PlatformDefaultsProps, chart: PlatformDefaultsProps): { app: App; chart: Chart } {
  const a = new App();
  Warnings.of(a).sink = Warnings.SILENT;
  if (level !== 'library') PlatformDefaults.set(a, app);
  const c = new Chart(a, 'test', { namespace: 'shop' });
  if (level === 'chart' || level === 'prop') PlatformDefaults.set(c, chart);
  return { app: a, chart: c };
}

/** Synthesizes the app (validation on) and returns every object, or the error message. */
function objectsOf(app: App): any[] {
  return app.charts.flatMap((c) => c.toJson());
}

function attempt<T>(f: () => T): T | string {
  try {
    return f();
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

const gp3 = (name: string) => ExistingStorageClass.fromName(name, StorageSystemId.AWS_EBS);
const efs = (name: string) => ExistingStorageClass.fromName(name, StorageSystemId.AWS_EFS);

function dbProps(chart: Construct, extra: Partial<StatefulDatabaseProps> = {}): StatefulDatabaseProps {
  return {
    engine: DatabaseEngine.postgres({ version: '16.4' }),
    storage: { size: Size.gibibytes(20) },
    credentials: { secret: Secret.fromSecretName(chart, 'creds', 'db-creds') },
    ...extra,
  };
}

const FULL_DB_DEFAULTS: PlatformDefaultsProps = { databaseStorageClass: gp3('app-class'), databaseCpu: Cpu.millis(100), databaseMemory: Size.gibibytes(1) };

function only(objects: any[], kind: string): any {
  const found = objects.filter((o) => o.kind === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, found ${found.length}`);
  return found[0];
}

/** A backend for routes: a selector-less Service on port 80. */
function backend(scope: Construct): RouteBackend {
  const n = scope.node.children.filter((c) => c.node.id.startsWith('backend')).length;
  return RouteBackend.service(new Service(scope, `backend${n}`, { ports: [{ port: 80 }] }), { port: 80 });
}

function dbContainer(objects: any[]): any {
  return only(objects, 'StatefulSet').spec.template.spec.containers[0];
}

// ---------------------------------------------------------------------------------------------------------------
// resolution order: prop > Chart default > App default > library default, per field, per construct

interface Case {
  /** construct and field */
  readonly name: string;
  /** what each level yields */
  readonly expected: Record<Level, string>;
  /** builds at a level and returns what ended up in the output */
  readonly observe: (level: Level) => string;
}

function withLevel(level: Level, build: (chart: Chart, prop: boolean) => void, app: PlatformDefaultsProps, chart: PlatformDefaultsProps): any[] | string {
  return attempt(() => {
    const s = scopes(level, app, chart);
    build(s.chart, level === 'prop');
    return objectsOf(s.app);
  });
}

function pick(r: any[] | string, f: (objects: any[]) => unknown): string {
  if (typeof r === 'string') return r.includes('is required') || r.includes('is not set') || r.includes('without a certificate') || r.includes('output (not set)') ? 'error' : r;
  const v = f(r);
  return v === undefined ? '(unset)' : String(v);
}

const CASES: Case[] = [
  {
    name: 'StatefulDatabase storage class (databaseStorageClass / storage.storageClass)',
    expected: { library: 'error', app: 'app-class', chart: 'chart-class', prop: 'prop-class' },
    observe: (level) => pick(withLevel(level, (chart, prop) => {
      new StatefulDatabase(chart, 'db', dbProps(chart, {
        cpu: Cpu.millis(100),
        memory: Size.gibibytes(1),
        storage: { size: Size.gibibytes(20), storageClass: prop ? gp3('prop-class') : undefined },
      }));
    }, { databaseStorageClass: gp3('app-class') }, { databaseStorageClass: gp3('chart-class') }),
    (o) => only(o, 'StatefulSet').spec.volumeClaimTemplates[0].spec.storageClassName),
  },
  {
    name: 'StatefulDatabase CPU (databaseCpu / cpu)',
    expected: { library: 'error', app: '100m', chart: '200m', prop: '300m' },
    observe: (level) => pick(withLevel(level, (chart, prop) => {
      new StatefulDatabase(chart, 'db', dbProps(chart, {
        storage: { size: Size.gibibytes(20), storageClass: gp3('gp3') }, memory: Size.gibibytes(1), cpu: prop ? Cpu.millis(300) : undefined,
      }));
    }, { databaseCpu: Cpu.millis(100) }, { databaseCpu: Cpu.millis(200) }),
    (o) => dbContainer(o).resources.requests.cpu),
  },
  {
    name: 'StatefulDatabase memory (databaseMemory / memory)',
    expected: { library: 'error', app: '1Gi', chart: '2Gi', prop: '3Gi' },
    observe: (level) => pick(withLevel(level, (chart, prop) => {
      new StatefulDatabase(chart, 'db', dbProps(chart, {
        storage: { size: Size.gibibytes(20), storageClass: gp3('gp3') }, cpu: Cpu.millis(100), memory: prop ? Size.gibibytes(3) : undefined,
      }));
    }, { databaseMemory: Size.gibibytes(1) }, { databaseMemory: Size.gibibytes(2) }),
    (o) => `${dbContainer(o).resources.requests.memory}`),
  },
  {
    name: 'StatefulDatabase resource preset (databaseResources)',
    expected: { library: 'error', app: '250m/1Gi', chart: '4/16Gi', prop: '1/4Gi' },
    observe: (level) => pick(withLevel(level, (chart, prop) => {
      new StatefulDatabase(chart, 'db', dbProps(chart, {
        storage: { size: Size.gibibytes(20), storageClass: gp3('gp3') }, resources: prop ? ResourcePreset.MEDIUM : undefined,
      }));
    }, { databaseResources: ResourcePreset.SMALL }, { databaseResources: ResourcePreset.LARGE }),
    (o) => `${dbContainer(o).resources.requests.cpu}/${dbContainer(o).resources.limits.memory}`),
  },
  {
    name: 'StatefulDatabase image (imageRegistry; the engine image is the library default)',
    expected: { library: 'docker.io/library/postgres:16.4', app: 'app.registry/m/library/postgres:16.4', chart: 'chart.registry/m/library/postgres:16.4', prop: 'chart.registry/m/library/postgres:16.4' },
    observe: (level) => pick(withLevel(level, (chart) => {
      new StatefulDatabase(chart, 'db', dbProps(chart, { storage: { size: Size.gibibytes(20), storageClass: gp3('gp3') }, cpu: Cpu.millis(100), memory: Size.gibibytes(1) }));
    }, { imageRegistry: 'app.registry/m' }, { imageRegistry: 'chart.registry/m' }),
    (o) => dbContainer(o).image),
  },
  {
    name: 'SharedRwxVolume storage class (sharedVolumeStorageClass / backend)',
    expected: { library: 'error', app: 'app-efs', chart: 'chart-efs', prop: 'prop-efs' },
    observe: (level) => pick(withLevel(level, (chart, prop) => {
      new SharedRwxVolume(chart, 'files', { size: Size.gibibytes(5), backend: prop ? SharedVolumeBackend.storageClass(efs('prop-efs')) : undefined });
    }, { sharedVolumeStorageClass: efs('app-efs') }, { sharedVolumeStorageClass: efs('chart-efs') }),
    (o) => only(o, 'PersistentVolumeClaim').spec.storageClassName),
  },
  {
    name: 'WebRoute class (ingressClassName / the controller\'s className)',
    expected: { library: 'haproxy', app: 'app-class', chart: 'chart-class', prop: 'prop-class' },
    observe: (level) => pick(withLevel(level, (chart, prop) => {
      new WebRoute(chart, 'route', {
        rules: [{ host: 'shop.acme.com', backend: backend(chart) }],
        tls: TlsSource.secret('tls'),
        output: RouteOutput.ingress(IngressController.haproxy({ className: prop ? 'prop-class' : undefined })),
      });
    }, { ingressClassName: 'app-class' }, { ingressClassName: 'chart-class' }),
    (o) => only(o, 'Ingress').spec.ingressClassName),
  },
  {
    name: 'WebRoute output (routeOutput / output)',
    expected: { library: 'error', app: 'app-class', chart: 'chart-class', prop: 'prop-class' },
    observe: (level) => pick(withLevel(level, (chart, prop) => {
      new WebRoute(chart, 'route', {
        rules: [{ host: 'shop.acme.com', backend: backend(chart) }],
        tls: TlsSource.secret('tls'),
        output: prop ? RouteOutput.ingress(IngressController.haproxy({ className: 'prop-class' })) : undefined,
      });
    }, { routeOutput: RouteOutput.ingress(IngressController.haproxy({ className: 'app-class' })) }, { routeOutput: RouteOutput.ingress(IngressController.f5Nginx({ className: 'chart-class' })) }),
    (o) => only(o, 'Ingress').spec.ingressClassName),
  },
  {
    name: 'WebRoute issuer (certManagerClusterIssuer / tls)',
    expected: { library: 'error', app: 'app-issuer', chart: 'chart-issuer', prop: 'prop-issuer' },
    observe: (level) => pick(withLevel(level, (chart, prop) => {
      new WebRoute(chart, 'route', { output: HAPROXY, rules: [{ host: 'shop.acme.com', backend: backend(chart) }], tls: prop ? TlsSource.certManagerClusterIssuer('prop-issuer') : undefined });
    }, { certManagerClusterIssuer: 'app-issuer' }, { certManagerClusterIssuer: 'chart-issuer' }),
    (o) => only(o, 'Ingress').metadata.annotations['cert-manager.io/cluster-issuer']),
  },
  {
    name: 'WebRoute labels (labels, per key)',
    expected: { library: '(unset)', app: 'a', chart: 'c', prop: 'p' },
    observe: (level) => pick(withLevel(level, (chart, prop) => {
      new WebRoute(chart, 'route', { output: HAPROXY, rules: [{ host: 'shop.acme.com', backend: backend(chart) }], tls: TlsSource.secret('tls'), labels: prop ? { team: 'p' } : undefined });
    }, { labels: { team: 'a' } }, { labels: { team: 'c' } }),
    (o) => only(o, 'Ingress').metadata.labels.team),
  },
  {
    name: 'WebRoute annotations (annotations, per key)',
    expected: { library: '(unset)', app: 'a', chart: 'c', prop: 'p' },
    observe: (level) => pick(withLevel(level, (chart, prop) => {
      new WebRoute(chart, 'route', { output: HAPROXY, rules: [{ host: 'shop.acme.com', backend: backend(chart) }], tls: TlsSource.secret('tls'), annotations: prop ? { 'acme.com/owner': 'p' } : undefined });
    }, { annotations: { 'acme.com/owner': 'a' } }, { annotations: { 'acme.com/owner': 'c' } }),
    (o) => (only(o, 'Ingress').metadata.annotations ?? {})['acme.com/owner']),
  },
  ...(['BlockStorageClass', 'FileStorageClass', 'SharedRwxVolume', 'StatefulDatabase'] as const).flatMap((construct): Case[] => (['labels', 'annotations'] as const).map((field) => ({
    name: `${construct} ${field} (no prop: App, then Chart)`,
    expected: { library: '(unset)', app: 'a', chart: 'c', prop: 'c' },
    observe: (level: Level) => pick(withLevel(level, (chart) => {
      if (construct === 'BlockStorageClass') new BlockStorageClass(chart, 'sbs', { provisioner: BlockProvisioner.exoscale() });
      if (construct === 'FileStorageClass') new FileStorageClass(chart, 'nfs', { provisioner: FileProvisioner.nfs({ server: 'nfs.internal', share: '/exports' }) });
      if (construct === 'SharedRwxVolume') new SharedRwxVolume(chart, 'files', { size: Size.gibibytes(5), backend: SharedVolumeBackend.storageClass(efs('efs')) });
      if (construct === 'StatefulDatabase') {
        new StatefulDatabase(chart, 'db', dbProps(chart, { storage: { size: Size.gibibytes(20), storageClass: gp3('gp3') }, cpu: Cpu.millis(100), memory: Size.gibibytes(1) }));
      }
    }, { [field]: { 'acme.com/x': 'a' } }, { [field]: { 'acme.com/x': 'c' } }), (o) => {
      const values = new Set(o.map((x) => (x.metadata[field] ?? {})['acme.com/x']));
      if (values.size !== 1) throw new Error(`objects disagree: ${[...values].join(', ')}`);
      return [...values][0];
    }),
  }))),
  {
    name: 'PlatformChart namespace (defaultNamespace / namespace)',
    expected: { library: '(unset)', app: 'team-a', chart: 'team-c', prop: 'p' },
    observe: (level) => {
      const app = new App();
      if (level !== 'library') PlatformDefaults.set(app, { defaultNamespace: 'team-a' });
      const chart = new PlatformChart(app, 'c', {
        defaults: level === 'chart' || level === 'prop' ? { defaultNamespace: 'team-c' } : undefined,
        namespace: level === 'prop' ? 'p' : undefined,
      });
      return chart.namespace ?? '(unset)';
    },
  },
  {
    name: 'PlatformChart namespace prefix and suffix (namespacePrefix, namespaceSuffix)',
    expected: { library: 'orders', app: 'a-orders-dev', chart: 'c-orders-dev', prop: 'c-orders-dev' },
    observe: (level) => {
      const app = new App();
      if (level !== 'library') PlatformDefaults.set(app, { namespacePrefix: 'a-', namespaceSuffix: '-dev' });
      const chart = new PlatformChart(app, 'c', { namespace: 'orders', defaults: level === 'chart' || level === 'prop' ? { namespacePrefix: 'c-' } : undefined });
      return chart.namespace!;
    },
  },
];

describe('resolution order: prop > Chart default > App default > library default', () => {
  test.each(CASES.flatMap((c) => LEVELS.map((level) => [c.name, level, c] as const)))('%s at level %s', (_name, level, c) => {
    expect(c.observe(level)).toBe(c.expected[level]);
  });

  test('a Chart default overrides only the fields it sets; labels and annotations merge key by key', () => {
    const app = new App();
    PlatformDefaults.set(app, { ingressClassName: 'app-class', certManagerClusterIssuer: 'app-issuer', labels: { team: 'a', env: 'prod' } });
    const chart = new Chart(app, 'c');
    PlatformDefaults.set(chart, { ingressClassName: 'chart-class', labels: { team: 'c' } });
    const d = PlatformDefaults.of(chart);
    expect(d.ingressClassName).toBe('chart-class');
    expect(d.certManagerClusterIssuer).toBe('app-issuer');
    expect(d.labels).toEqual({ team: 'c', env: 'prod' });
  });

  test('a nested construct scope is a scope too: the nearest one wins', () => {
    const app = new App();
    PlatformDefaults.set(app, { ingressClassName: 'app-class' });
    const chart = new Chart(app, 'c');
    const group = new Construct(chart, 'public');
    PlatformDefaults.set(group, { ingressClassName: 'group-class' });
    const inside = new WebRoute(group, 'r', { output: HAPROXY, tls: TlsSource.secret('tls'), defaultBackend: backend(group) });
    const outside = new WebRoute(chart, 'r', { output: HAPROXY, tls: TlsSource.secret('tls'), defaultBackend: backend(chart) });
    expect(inside.ingressClassName).toBe('group-class');
    expect(outside.ingressClassName).toBe('app-class');
  });

  test('a second set() on the same scope merges, the later call winning per field', () => {
    const app = new App();
    PlatformDefaults.set(app, { ingressClassName: 'one', certManagerClusterIssuer: 'issuer' });
    PlatformDefaults.set(app, { ingressClassName: 'two' });
    expect(PlatformDefaults.of(app)).toMatchObject({ ingressClassName: 'two', certManagerClusterIssuer: 'issuer' });
  });

  test('a preset sets databaseCpu and databaseMemory of its scope; fields given in the same call win; cpu and memory props win over a preset prop', () => {
    const app = new App();
    PlatformDefaults.set(app, { databaseResources: ResourcePreset.LARGE, databaseMemory: Size.gibibytes(10) });
    const d = PlatformDefaults.of(app);
    expect(d.databaseCpu!.amount).toBe('4');
    expect(d.databaseMemory!.toGibibytes()).toBe(10);
    const chart = new Chart(app, 'c');
    new StatefulDatabase(chart, 'db', dbProps(chart, {
      storage: { size: Size.gibibytes(20), storageClass: gp3('gp3') }, resources: ResourcePreset.SMALL, cpu: Cpu.millis(750),
    }));
    expect(dbContainer(chart.toJson()).resources).toEqual({ requests: { cpu: '750m', memory: '1Gi' }, limits: { memory: '1Gi' } });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// labels, annotations and images on everything

describe('labels and annotations on every object the constructs emit', () => {
  test('every construct, every object, pod templates and claim templates included', () => {
    const app = new App();
    Warnings.of(app).sink = Warnings.SILENT;
    PlatformDefaults.set(app, { labels: { 'acme.com/team': 'payments' }, annotations: { 'acme.com/owner': 'payments@acme.com' } });
    const chart = new Chart(app, 'test', { namespace: 'payments' });
    const sbs = new BlockStorageClass(chart, 'sbs', { provisioner: BlockProvisioner.cephRbd({ clusterId: 'rook-ceph', pool: 'replicapool' }), snapshotClass: {} });
    const nfs = new FileStorageClass(chart, 'nfs', { provisioner: FileProvisioner.nfs({ server: 'nfs.internal', share: '/exports' }) });
    new SharedRwxVolume(chart, 'dynamic', { size: Size.gibibytes(5), backend: SharedVolumeBackend.storageClass(nfs) });
    new SharedRwxVolume(chart, 'static', {
      size: Size.gibibytes(5),
      backend: SharedVolumeBackend.nfs({ server: 'nfs.internal', path: '/exports/static', capacity: Size.gibibytes(5) }),
    });
    new StatefulDatabase(chart, 'db', dbProps(chart, {
      replicas: 2,
      runtime: DatabaseRuntime.statefulSet({ replicationWiredByHand: true }),
      storage: { size: Size.gibibytes(20), storageClass: sbs },
      cpu: Cpu.millis(100),
      memory: Size.gibibytes(1),
      backup: { size: Size.gibibytes(40) },
    }));
    new ManagedDatabase(chart, 'legacy', {
      engine: DatabaseEngine.postgres({ version: '16.4' }),
      externalHost: 'legacy.db.acme.com',
      credentials: { secret: Secret.fromSecretName(chart, 'legacy-creds', 'legacy-creds') },
    });
    const web = new Deployment(chart, 'web', { containers: [{ image: 'nginx', portNumber: 8080 }] });
    new WebRoute(chart, 'route', {
      output: HAPROXY,
      tls: TlsSource.secret('tls'),
      rules: [{ host: 'shop.acme.com', backend: RouteBackend.workload(web, { port: 80, targetPort: 8080 }) }],
    });
    const objects = chart.toJson();
    const ours = objects.filter((o) => o.kind !== 'Deployment'); // the app's own Deployment is not the library's
    expect(new Set(ours.map((o) => o.kind))).toEqual(new Set([
      'StorageClass', 'VolumeSnapshotClass', 'PersistentVolumeClaim', 'PersistentVolume', 'ServiceAccount', 'Service', 'StatefulSet',
      'PodDisruptionBudget', 'NetworkPolicy', 'CronJob', 'Ingress',
    ]));
    for (const o of ours) {
      const where = `${o.kind}/${o.metadata.name}`;
      expect([where, o.metadata.labels?.['acme.com/team'], o.metadata.labels?.[MANAGED_BY]]).toEqual([where, 'payments', 'cdk8s-golden-paths']);
      expect([where, o.metadata.annotations?.['acme.com/owner']]).toEqual([where, 'payments@acme.com']);
    }
    const sts = only(objects, 'StatefulSet');
    expect(sts.spec.template.metadata.labels['acme.com/team']).toBe('payments');
    expect(sts.spec.template.metadata.annotations['acme.com/owner']).toBe('payments@acme.com');
    expect(sts.spec.volumeClaimTemplates[0].metadata.labels['acme.com/team']).toBe('payments');
    const cron = only(objects, 'CronJob');
    expect(cron.spec.jobTemplate.spec.template.metadata.labels['acme.com/team']).toBe('payments');
  });

  test('PlatformChart puts the platform labels on the app\'s own objects too, and can emit its Namespace (Pod Security restricted)', () => {
    const app = new App();
    PlatformDefaults.set(app, { labels: { 'acme.com/team': 'payments' }, annotations: { 'acme.com/owner': 'p' }, namespacePrefix: 'payments-' });
    const chart = new PlatformChart(app, 'orders', { namespace: 'orders', createNamespace: true, labels: { extra: 'yes' } });
    new Deployment(chart, 'web', { containers: [{ image: 'nginx', portNumber: 8080 }] });
    const objects = chart.toJson();
    const ns = only(objects, 'Namespace');
    expect(ns.metadata).toEqual({
      name: 'payments-orders',
      labels: { 'acme.com/team': 'payments', 'extra': 'yes', 'pod-security.kubernetes.io/enforce': 'restricted', [MANAGED_BY]: 'cdk8s-golden-paths' },
      annotations: { 'acme.com/owner': 'p' },
    });
    expect(only(objects, 'Deployment').metadata).toMatchObject({ namespace: 'payments-orders', labels: { 'acme.com/team': 'payments', 'extra': 'yes' } });
    expect(chart.namespaceObject).toBeDefined();
  });

  test('PlatformChart refuses a namespace the convention makes invalid, and createNamespace without a namespace', () => {
    const app = new App();
    PlatformDefaults.set(app, { namespacePrefix: 'a-very-long-team-name-that-goes-on-', namespaceSuffix: '-production-environment' });
    expect(() => new PlatformChart(app, 'c', { namespace: 'orders-and-more' })).toThrow(
      /namespace "a-very-long-team-name-that-goes-on-orders-and-more-production-environment" .* is not a valid namespace name/);
    expect(() => new PlatformChart(new App(), 'c', { createNamespace: true })).toThrow(/createNamespace is set but the chart has no namespace/);
    expect(() => PlatformDefaults.set(new App(), { namespacePrefix: 'Team_' })).toThrow(/namespacePrefix "Team_" may hold only/);
    expect(PlatformDefaults.namespace(new App())).toBeUndefined();
  });

  test('PlatformChart carries a policy for its own objects only', () => {
    const app = new App();
    Warnings.of(app).sink = Warnings.SILENT;
    const strict = new PlatformChart(app, 'strict', { policy: { requireTls: true } });
    const lax = new PlatformChart(app, 'lax');
    new WebRoute(strict, 'r', { output: HAPROXY, tls: TlsSource.noneInsecurePlainHttp(), rules: [{ host: 'a.acme.com', backend: backend(strict) }] });
    new WebRoute(lax, 'r', { output: HAPROXY, tls: TlsSource.noneInsecurePlainHttp(), rules: [{ host: 'b.acme.com', backend: backend(lax) }] });
    const message = attempt(() => app.synth());
    expect(message).toMatch(/POL-002 Ingress\/\S+ \(strict\/r\/Resource\): host a\.acme\.com/);
    expect(message).not.toMatch(/lax\/r/);
  });
});

describe('image registry mirror', () => {
  test.each([
    ['docker.io/library/postgres:16.4', 'registry.acme.internal/mirror', 'registry.acme.internal/mirror/library/postgres:16.4'],
    ['postgres:16.4', 'registry.acme.internal/mirror/', 'registry.acme.internal/mirror/postgres:16.4'],
    ['ghcr.io/acme/api:1.0', 'mirror.acme:5000', 'mirror.acme:5000/acme/api:1.0'],
    ['localhost/dev:1', 'mirror.acme', 'mirror.acme/dev:1'],
    ['localhost:5000/dev:1', 'mirror.acme', 'mirror.acme/dev:1'],
  ])('%s through %s', (image, mirror, expected) => {
    const app = new App();
    PlatformDefaults.set(app, { imageRegistry: mirror });
    expect(PlatformDefaults.image(app, image)).toBe(expected);
    expect(PlatformDefaults.image(new App(), image)).toBe(image);
  });

  test.each(['postgres', 'mysql', 'mariadb', 'mongodb', 'redis'])('%s: the database and its backup job pull through the mirror', (engineName) => {
    const app = new App();
    Warnings.of(app).sink = Warnings.SILENT;
    PlatformDefaults.set(app, { ...FULL_DB_DEFAULTS, imageRegistry: 'registry.acme.internal/mirror' });
    const chart = new Chart(app, 'c');
    const engine = (DatabaseEngine as any)[engineName]({ version: engineName === 'mongodb' ? '7.0.14' : engineName === 'redis' ? '7.4.1' : engineName === 'postgres' ? '16.4' : engineName === 'mysql' ? '8.4.3' : '11.4.4' });
    new StatefulDatabase(chart, 'db', dbProps(chart, { engine, backup: engine.backupScript ? { size: Size.gibibytes(10) } : undefined }));
    const images = chart.toJson().flatMap((o: any) => {
      const pod = o.kind === 'CronJob' ? o.spec.jobTemplate.spec.template.spec : o.spec?.template?.spec;
      return pod ? [...(pod.initContainers ?? []), ...pod.containers].map((c: any) => c.image) : [];
    });
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(image).toMatch(/^registry\.acme\.internal\/mirror\//);
  });

  test('defaults are checked when set', () => {
    expect(() => PlatformDefaults.set(new App(), { imageRegistry: 'https://registry.acme.internal' })).toThrow(/must not carry a scheme/);
    expect(() => PlatformDefaults.set(new App(), { ingressClassName: '' })).toThrow(/ingressClassName "" must be a non-empty string/);
    expect(() => PlatformDefaults.set(new App(), { labels: { team: 1 as any } })).toThrow(/labels must map names to string values/);
    expect(() => PlatformDefaults.set(new App(), { databaseResources: 'small' as any })).toThrow(/databaseResources must be a ResourcePreset/);
  });
});

describe('resource presets', () => {
  test('the built-in presets', () => {
    expect([ResourcePreset.SMALL, ResourcePreset.MEDIUM, ResourcePreset.LARGE].map((p) => `${p.name} ${p.cpu.amount} ${p.memory.toMebibytes()}Mi`))
      .toEqual(['small 250m 1024Mi', 'medium 1 4096Mi', 'large 4 16384Mi']);
  });

  test('a custom preset, checked', () => {
    const p = ResourcePreset.custom('analytics', { cpu: Cpu.units(2), memory: Size.gibibytes(12) });
    expect([p.name, p.cpu.amount, p.memory.toGibibytes()]).toEqual(['analytics', '2', 12]);
    expect(() => ResourcePreset.custom('Big One', { cpu: '2' as any, memory: Size.gibibytes(0) }))
      .toThrow(/name "Big One" is not a short lower-case name[\s\S]*cpu is not a Cpu[\s\S]*memory is not a positive Size/);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// policy: one test per rule, through real constructs, reported with construct paths

function policyError(policy: PlatformPolicyProps, build: (chart: Chart) => void, defaults: PlatformDefaultsProps = {}): string {
  const app = new App();
  Warnings.of(app).sink = Warnings.SILENT;
  PlatformDefaults.set(app, defaults);
  PlatformPolicy.apply(app, policy);
  const chart = new Chart(app, 'team', { namespace: 'team' });
  build(chart);
  const r = attempt(() => {
    app.synth();
    return '';
  });
  return r;
}

describe('policy violations through real constructs, with construct paths', () => {
  let outdir: string;
  beforeAll(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-'));
    process.env.CDK8S_OUTDIR = outdir;
  });
  afterAll(() => {
    delete process.env.CDK8S_OUTDIR;
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  test('POL-001 allowedProvisioners: a BlockStorageClass of another provisioner', () => {
    const allowed = { allowedProvisioners: ['ebs.csi.aws.com'] };
    expect(policyError(allowed, (c) => new BlockStorageClass(c, 'fast', { provisioner: BlockProvisioner.exoscale() })))
      .toMatch(/POL-001 StorageClass\/\S+ \(team\/fast\/Resource\): provisioner csi\.exoscale\.com is not allowed by the platform policy \(allowed: ebs\.csi\.aws\.com/);
    expect(policyError(allowed, (c) => new BlockStorageClass(c, 'fast', { provisioner: BlockProvisioner.awsEbs() }))).toBe('');
  });

  test('POL-002 requireTls: a WebRoute on plain HTTP', () => {
    const build = (tls: TlsSource) => (c: Chart) => new WebRoute(c, 'web', { output: HAPROXY, tls, rules: [{ host: 'shop.acme.com', backend: backend(c) }] });
    expect(policyError({ requireTls: true }, build(TlsSource.noneInsecurePlainHttp())))
      .toMatch(/POL-002 Ingress\/\S+ \(team\/web\/Resource\): host shop\.acme\.com is served without TLS/);
    expect(policyError({ requireTls: true }, build(TlsSource.secret('shop-tls')))).toBe('');
  });

  test('POL-003 forbidHostPath: a SharedRwxVolume on a host directory, and the app\'s own pod with a hostPath volume', () => {
    const message = policyError({ forbidHostPath: true }, (c) => {
      const v = new SharedRwxVolume(c, 'scratch', { size: Size.gibibytes(1), backend: SharedVolumeBackend.hostPath({ path: '/data/scratch' }) });
      const d = new Deployment(c, 'web', { containers: [{ image: 'nginx', portNumber: 8080 }] });
      v.mountInWorkload(d, '/scratch');
    });
    expect(message).toMatch(/POL-003 PersistentVolume\/\S+ \(team\/scratch\/PersistentVolume\): PersistentVolume uses hostPath/);
    expect(policyError({ forbidHostPath: true }, (c) => {
      const d = new Deployment(c, 'web', { containers: [{ image: 'nginx', portNumber: 8080 }] });
      ApiObject.of(d).addJsonPatch(JsonPatch.add('/spec/template/spec/volumes', [{ name: 'host', hostPath: { path: '/var/run' } }]));
    })).toMatch(/POL-003 Deployment\/\S+ \(team\/web\/Resource\): volume host uses hostPath/);
  });

  test('POL-004 minDatabaseReplicas: a single-replica StatefulDatabase', () => {
    const byHand = DatabaseRuntime.statefulSet({ replicationWiredByHand: true });
    const build = (replicas: number) => (c: Chart) => new StatefulDatabase(c, 'orders-db', dbProps(c, { replicas, runtime: byHand }));
    expect(policyError({ minDatabaseReplicas: 3 }, build(1), FULL_DB_DEFAULTS))
      .toMatch(/POL-004 StatefulSet\/orders-db \(team\/orders-db\/StatefulSet\): database runs 1 replica\(s\); the platform policy requires at least 3/);
    expect(policyError({ minDatabaseReplicas: 3 }, build(3), FULL_DB_DEFAULTS)).not.toMatch(/POL-004/);
  });

  test('POL-005 maxClaimSize: a SharedRwxVolume claim and a database claim template over the limit', () => {
    const message = policyError({ maxClaimSize: Size.gibibytes(500) }, (c) => {
      new SharedRwxVolume(c, 'media', { size: Size.tebibytes(1), backend: SharedVolumeBackend.storageClass(efs('efs')) });
      new StatefulDatabase(c, 'big-db', dbProps(c, { storage: { size: Size.gibibytes(600) } }));
    }, FULL_DB_DEFAULTS);
    expect(message).toMatch(/POL-005 PersistentVolumeClaim\/media \(team\/media\/Claim\): claim requests 1Ti, more than the platform maximum 500Gi/);
    expect(message).toMatch(/POL-005 StatefulSet\/big-db \(team\/big-db\/StatefulSet\): claim template data requests 600Gi/);
  });

  test('POL-006 requiredLabels: the library\'s objects without the platform labels, and the app\'s own objects', () => {
    const build = (c: Chart) => {
      new WebRoute(c, 'web', { output: HAPROXY, tls: TlsSource.secret('tls'), rules: [{ host: 'shop.acme.com', backend: backend(c) }] });
      new Deployment(c, 'api', { containers: [{ image: 'nginx', portNumber: 8080 }] });
    };
    const message = policyError({ requiredLabels: ['acme.com/team'] }, build);
    expect(message).toMatch(/POL-006 Ingress\/\S+ \(team\/web\/Resource\): missing required label\(s\) acme\.com\/team/);
    // the app's own Deployment, owned by no construct of the library, is reported in the same report
    expect(message).toMatch(/POL-006 Deployment\/\S+ \(team\/api\/Resource\): missing required label\(s\) acme\.com\/team/);
    // defaults cover the library's objects; a PlatformChart covers the app's own
    const app = new App();
    PlatformDefaults.set(app, { labels: { 'acme.com/team': 'shop' } });
    PlatformPolicy.apply(app, { requiredLabels: ['acme.com/team'] });
    build(new PlatformChart(app, 'team'));
    expect(attempt(() => app.synth())).toBeUndefined();
  });

  test('POL-007 allowedIngressClasses: a WebRoute of another class (GKE\'s class annotation included)', () => {
    const build = (className?: string) => (c: Chart) =>
      new WebRoute(c, 'web', { output: RouteOutput.ingress(IngressController.f5Nginx({ className })), tls: TlsSource.secret('tls'), rules: [{ host: 'shop.acme.com', backend: backend(c) }] });
    expect(policyError({ allowedIngressClasses: ['nginx-public'] }, (c: Chart) =>
      new WebRoute(c, 'web', { output: RouteOutput.ingress(IngressController.gke()), tls: TlsSource.secret('tls'), rules: [{ host: 'shop.acme.com', backend: backend(c) }] })))
      .toMatch(/POL-007 Ingress\/\S+ \(team\/web\/Resource\): ingress class gce is not allowed by the platform policy \(allowed: nginx-public\)/);
    expect(policyError({ allowedIngressClasses: ['nginx-public'] }, build('traefik')))
      .toMatch(/POL-007 Ingress\/\S+ \(team\/web\/Resource\): ingress class traefik is not allowed by the platform policy \(allowed: nginx-public\)/);
    expect(policyError({ allowedIngressClasses: ['nginx-public'] }, build(), { ingressClassName: 'nginx-public' })).toBe('');
  });

  test('a violation is reported once, by the construct that owns the object', () => {
    const message = policyError({ requireTls: true, requiredLabels: ['team'] }, (c) =>
      new WebRoute(c, 'web', { output: HAPROXY, tls: TlsSource.noneInsecurePlainHttp(), rules: [{ host: 'shop.acme.com', backend: backend(c) }] }));
    expect(message.match(/POL-002/g)).toHaveLength(1);
    expect(message.match(/POL-006 Ingress/g)).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// the worked example

describe('examples/platform-golden-path', () => {
  /**
   * The example's YAML, synthesized inside the test that reads it (not in beforeAll: code run outside a test is
   * "static" to the mutation tester, docs/mutation.md).
   */
  function exampleYaml(): string {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-golden-path-'));
    try {
      process.env.CDK8S_OUTDIR = outdir;
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the example is an app that synthesizes when loaded
        require('../../examples/platform-golden-path/main');
      });
      return fs.readFileSync(path.join(outdir, 'orders.k8s.yaml'), 'utf8');
    } finally {
      delete process.env.CDK8S_OUTDIR;
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  }

  test('the app team writes no storage, ingress, registry, label or namespace detail, and gets them all', () => {
    const yaml = exampleYaml();
    const main = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'platform-golden-path', 'main.ts'), 'utf8');
    expect(main).not.toMatch(/storageClass|ingressClassName|TlsSource|imageRegistry|labels|namespace:|Cpu\.|memory/);
    expect(yaml).toContain('namespace: payments-orders');
    expect(yaml).toContain('storageClass: gp3'); // the CloudNativePG Cluster's storage, from the platform's databaseStorageClass
    expect(yaml).toContain('storageClassName: efs');
    expect(yaml).toContain('ingressClassName: nginx-public');
    expect(yaml).toContain('cert-manager.io/cluster-issuer: acme-letsencrypt');
    expect(yaml).toContain('imageName: registry.acme.internal/mirror/cloudnative-pg/postgresql:16.4');
    expect(yaml).toContain('pod-security.kubernetes.io/enforce: restricted');
  });

  test('the platform\'s route redirects HTTP to HTTPS and gets its certificate from the platform issuer', () => {
    const ingresses = parseAllDocuments(exampleYaml()).map((d: any) => d.toJS()).filter((o: any) => o.kind === 'Ingress');
    expect(ingresses).toHaveLength(1);
    // the platform's controller is F5 NGINX (PlatformDefaults routeOutput): its redirect annotation, from the TLS default
    expect(ingresses[0].spec.ingressClassName).toBe('nginx-public');
    expect(ingresses[0].metadata.annotations).toMatchObject({
      'nginx.org/ssl-redirect': 'true',
      'cert-manager.io/cluster-issuer': 'acme-letsencrypt',
    });
    expect(ingresses[0].spec.tls).toHaveLength(1);
    expect(ingresses[0].spec.tls[0].hosts.length).toBeGreaterThan(0);
  });

  test('the whole output passes the full validator (the app\'s own objects included) with the platform policy', () => {
    const docs = parseAllDocuments(exampleYaml()).map((d: any) => ({ object: d.toJS() }));
    const findings = Validator.validateInputs(docs, {
      policies: [{ policy: acmePolicy(AcmeEnv.PROD) }],
      knownStorageClasses: [gp3('gp3'), efs('efs')].map((c) => ({
        name: c.storageClassName,
        provisioner: c.provisioner,
        capabilities: c.capabilities,
        volumeBindingMode: c.volumeBindingMode,
        allowVolumeExpansion: c.allowVolumeExpansion,
      })),
    });
    expect(findings.filter((f: any) => f.severity === 'error')).toEqual([]);
  });

  test('a dev environment: smaller databases, a suffixed namespace, and the production replica minimum lifted', () => {
    const app = new AcmeApp({ team: 'payments', costCentre: 'cc-4711', env: AcmeEnv.DEV });
    Warnings.of(app).sink = Warnings.SILENT;
    const chart = new AcmeChart(app, 'orders');
    new StatefulDatabase(chart, 'orders-db', dbProps(chart));
    const objects = chart.toJson();
    expect(chart.namespace).toBe('payments-orders-dev');
    expect(dbContainer(objects).resources.requests).toEqual({ cpu: '250m', memory: '1Gi' });
    expect(only(objects, 'StatefulSet').metadata.labels['acme.com/env']).toBe('dev');
  });

  test('snapshot', () => {
    expect(exampleYaml()).toMatchSnapshot();
  });
});
