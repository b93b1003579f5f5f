import { ApiObject, App, Chart, Size, Testing } from 'cdk8s';
import { Cpu, Secret } from 'cdk8s-plus-27';
import { WIDGET_CRD } from './rules/sch.fixtures';
import {
  BlockProvisioner, BlockStorageClass, DatabaseEngine, DatabaseRuntime, EbsVolumeType, GoldenPathValidation,
  KubernetesVersion, PlatformDefaults, Severity, SnapshotDeletionPolicy, StatefulDatabase, Warnings,
} from '../../src';
import { KUBERNETES_VERSIONS } from '../../src/knowledge/kubernetes/versions';

/*
 * The synth side of the target version and of CRDs: GoldenPathValidation.of(app).kubernetesVersion and addCrd, and
 * PlatformDefaults kubernetesVersion, which a platform team sets once for the app.
 */

const SIDECAR = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        initContainers: [{ name: 'proxy', image: 'registry.example.com/proxy:1.0', restartPolicy: 'Always' }],
        containers: [{ name: 'web', image: 'registry.example.com/web:1.0' }],
      },
    },
  },
};

function appWithSidecar(): { app: App; chart: Chart } {
  const app = Testing.app();
  Warnings.of(app).sink = Warnings.SILENT;
  const chart = new Chart(app, 'web', { namespace: 'shop' });
  new ApiObject(chart, 'deployment', SIDECAR);
  return { app, chart };
}

const schemaErrors = (app: App): string[] => GoldenPathValidation.of(app).findings()
  .filter((f) => f.ruleId.startsWith('SCH-') && f.severity === Severity.ERROR).map((f) => `${f.ruleId} ${f.constructPath}: ${f.message}`);

describe('GoldenPathValidation.kubernetesVersion', () => {
  test('defaults to 1.33; set on the app, it decides which fields exist', () => {
    const { app } = appWithSidecar();
    const v = GoldenPathValidation.of(app);
    expect(v.kubernetesVersion).toBe(KubernetesVersion.V1_33);
    expect(schemaErrors(app)).toEqual([]);
    v.kubernetesVersion = KubernetesVersion.V1_27;
    expect(schemaErrors(app)).toEqual([
      'SCH-001 web/deployment: spec.template.spec.initContainers[0].restartPolicy is not a field of spec.template.spec.initContainers[0] in Kubernetes 1.27 (the validation\'s target); it is a field from Kubernetes 1.28 on',
    ]);
  });

  test('a version it does not know is refused', () => {
    const { app } = appWithSidecar();
    expect(() => { GoldenPathValidation.of(app).kubernetesVersion = '1.99' as any; })
      .toThrow('(app): kubernetesVersion "1.99" is not a Kubernetes version the validator knows (1.27 to 1.36). Use e.g. KubernetesVersion.V1_33.');
  });

  test.each(KUBERNETES_VERSIONS.map((v) => [v]))('the library\'s own objects synthesize with no error on %s (every example: test/safety/audit.test.ts)', (v) => {
    const app = Testing.app();
    Warnings.of(app).sink = Warnings.SILENT;
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    const gp3 = new BlockStorageClass(chart, 'gp3', {
      provisioner: BlockProvisioner.awsEbs({ volumeType: EbsVolumeType.GP3, encrypted: true }),
      snapshotClass: { deletionPolicy: SnapshotDeletionPolicy.RETAIN },
    });
    new StatefulDatabase(chart, 'db', {
      engine: DatabaseEngine.postgres({ version: '16.4' }),
      runtime: DatabaseRuntime.cloudNativePg(),
      replicas: 3,
      storage: { size: Size.gibibytes(20), storageClass: gp3 },
      credentials: { secret: Secret.fromSecretName(chart, 'creds', 'db-creds') },
      cpu: Cpu.millis(500),
      memory: Size.gibibytes(1),
    });
    GoldenPathValidation.of(app).kubernetesVersion = v;
    expect(chart.toJson().map((o: any) => o.kind)).toContain('VolumeSnapshotClass'); // checked against the staged CRD's schema
    const errors = GoldenPathValidation.of(app).findings().filter((f) => f.severity === Severity.ERROR);
    expect(errors.map((f) => `${f.ruleId} ${f.constructPath}: ${f.message}`)).toEqual([]);
    expect(() => app.synth()).not.toThrow();
  });
});

describe('PlatformDefaults kubernetesVersion', () => {
  test('set once on the App, it is the target of the whole app', () => {
    const { app } = appWithSidecar();
    PlatformDefaults.set(app, { kubernetesVersion: KubernetesVersion.V1_27 });
    expect(GoldenPathValidation.of(app).kubernetesVersion).toBe('1.27');
    expect(PlatformDefaults.of(app).kubernetesVersion).toBe('1.27');
    expect(schemaErrors(app)).toHaveLength(1);
  });

  test('two scopes that set different versions are refused; the same scope may change it', () => {
    const { app, chart } = appWithSidecar();
    PlatformDefaults.set(app, { kubernetesVersion: KubernetesVersion.V1_31 });
    PlatformDefaults.set(app, { kubernetesVersion: KubernetesVersion.V1_32 });
    expect(GoldenPathValidation.of(app).kubernetesVersion).toBe('1.32');
    expect(() => PlatformDefaults.set(chart, { kubernetesVersion: KubernetesVersion.V1_34 }))
      .toThrow('web: kubernetesVersion "1.34" conflicts with 1.32 set by the platform defaults of (app): the app is validated against one Kubernetes minor. Set kubernetesVersion once, on the App (the minor of the oldest cluster the app is deployed to).');
  });

  test('a version set on GoldenPathValidation wins over the defaults, whichever comes first', () => {
    const { app } = appWithSidecar();
    GoldenPathValidation.of(app).kubernetesVersion = KubernetesVersion.V1_36;
    PlatformDefaults.set(app, { kubernetesVersion: KubernetesVersion.V1_27 });
    expect(GoldenPathValidation.of(app).kubernetesVersion).toBe('1.36');
    const other = appWithSidecar().app;
    PlatformDefaults.set(other, { kubernetesVersion: KubernetesVersion.V1_27 });
    GoldenPathValidation.of(other).kubernetesVersion = KubernetesVersion.V1_35;
    expect(GoldenPathValidation.of(other).kubernetesVersion).toBe('1.35');
  });

  test('an unknown version in the defaults is refused', () => {
    const { app } = appWithSidecar();
    expect(() => PlatformDefaults.set(app, { kubernetesVersion: 'latest' as any }))
      .toThrow('(app): kubernetesVersion "latest" is not a Kubernetes version the validator knows (1.27 to 1.36).');
  });
});

describe('GoldenPathValidation.addCrd', () => {
  const widget = (chart: Chart, size: string) => new ApiObject(chart, 'widget', {
    apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { size },
  });

  test('objects of an added CRD are checked at synth; without it, a warning that they are not validated', () => {
    const app = Testing.app();
    Warnings.of(app).sink = Warnings.SILENT;
    const chart = new Chart(app, 'c');
    widget(chart, 'medium');
    const v = GoldenPathValidation.of(app);
    expect(v.findings().map((f) => `${f.severity} ${f.ruleId}`)).toEqual(['warning SCH-005']);
    v.addCrd([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' } }, WIDGET_CRD]); // a list, as Yaml.load gives
    expect(v.findings().map((f) => `${f.severity} ${f.ruleId} ${f.constructPath}: ${f.message}`)).toEqual([
      'error SCH-002 c/widget: spec.size must be one of small, large, got "medium"',
    ]);
  });

  test('anything but a CRD is refused', () => {
    const v = GoldenPathValidation.of(Testing.app());
    expect(() => v.addCrd({ kind: 'ConfigMap' }))
      .toThrow('(app): addCrd {"kind":"ConfigMap"} is not a CustomResourceDefinition of apiextensions.k8s.io/v1 with spec.group, spec.names and spec.versions.');
    expect(() => v.addCrd([])).toThrow('(app): addCrd got a list with no CustomResourceDefinition of apiextensions.k8s.io/v1.');
  });
});
