/**
 * End to end, as a user meets the library: pack it, lay out a fresh app as `cdk8s init typescript-app` does
 * (cdk8s.yaml, main.ts, package.json, tsconfig.json), install the tarball and cdk8s-cli into it from the npm cache
 * (offline), run the real `cdk8s synth`, and read the YAML it writes. The validation plugin is loaded the way the
 * README tells users to: the `validations:` block of cdk8s.yaml is read from README.md, so the two cannot drift.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.join(__dirname, '..', '..');

let work: string;
let tarball: string;

/**
 * The `validations:` block of cdk8s.yaml as README.md gives it: a local path to the installed package, so cdk8s-cli
 * loads the very copy the app depends on and installs nothing at synth.
 */
function readmePluginSnippet(): string {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```yaml\n(validations:\n[\s\S]*?)```/g)].map((m) => m[1]);
  const plugin = blocks.filter((b) => b.includes('class: GoldenPathsValidationPlugin'));
  if (plugin.length !== 1) throw new Error(`README.md must hold exactly one \`validations:\` yaml block for the plugin, found ${plugin.length}`);
  return plugin[0];
}

/** A fresh app directory with the given main.ts and cdk8s.yaml `validations:` block, installed from the packed library. */
function createApp(name: string, mainTs: string, validations?: string): string {
  const dir = path.join(work, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'cdk8s.yaml'), [
    'language: typescript',
    'app: npx ts-node main.ts',
    'imports:',
    '  - k8s',
  ].join('\n') + '\n' + (validations ?? ''));
  fs.writeFileSync(path.join(dir, 'main.ts'), mainTs);
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2020', module: 'commonjs', strict: true, esModuleInterop: true, skipLibCheck: true, lib: ['es2020'], types: [] },
  }, null, 2));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name, version: '0.0.0', private: true, scripts: { synth: 'cdk8s synth' },
  }, null, 2));
  // the shared node_modules of the test apps sits one level up (see beforeAll): Node resolves it from every app, and
  // ./node_modules (what a local plugin path in cdk8s.yaml is relative to) links to it, as in an app of one's own
  fs.symlinkSync(path.join('..', 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/**
 * Runs the real `cdk8s synth` in an app. ts-node type-checks main.ts against the packed typings only where asked
 * (`typeCheck`): that proves the .d.ts once; elsewhere it only transpiles, which halves the time of a synth.
 */
function cdk8sSynth(dir: string, options: { typeCheck?: boolean } = {}): { status: number | null; output: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true', CDK8S_CHECK_UPGRADE: 'false' };
  if (!options.typeCheck) env.TS_NODE_TRANSPILE_ONLY = 'true';
  const r = spawnSync(path.join(work, 'node_modules', '.bin', 'cdk8s'), ['synth'], { cwd: dir, encoding: 'utf8', timeout: 120_000, env });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-paths-e2e-'));
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  tarball = path.join(work, packed[0].filename);
  // One install for all test apps, offline. The packed library is installed as a user installs it (its files, bundled
  // dependencies and types, nothing from this repository's tree); what `cdk8s init typescript-app` adds (cdk8s,
  // constructs, cdk8s-plus-27, cdk8s-cli, ts-node, typescript) is linked from this repository's node_modules, the
  // versions it is developed and tested with: copying cdk8s-cli's 150 MB of dependencies would take most of the time.
  fs.writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'e2e-apps', version: '0.0.0', private: true }));
  const linked = ['cdk8s', 'constructs', 'cdk8s-plus-27', 'cdk8s-cli', 'ts-node', 'typescript'].map((p) => path.join(root, 'node_modules', p));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', tarball, ...linked],
    { cwd: work, stdio: 'ignore', timeout: 120_000 });
}, 180_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('cdk8s synth of a fresh app using the packed library writes the expected YAML', () => {
  const dir = createApp('good-app', `
import { App, Chart } from 'cdk8s';
import { BlockProvisioner, BlockStorageClass } from 'cdk8s-golden-paths';

const app = new App();
const chart = new Chart(app, 'storage', { namespace: 'platform' });
new BlockStorageClass(chart, 'exoscale-block-storage', { provisioner: BlockProvisioner.exoscale(), snapshotClass: {} });
app.synth();
`);
  const r = cdk8sSynth(dir, { typeCheck: true });
  expect(r.output).not.toMatch(/error/i);
  expect(r.status).toBe(0);
  const yaml = fs.readFileSync(path.join(dir, 'dist', 'storage.k8s.yaml'), 'utf8');
  expect(yaml).toContain('kind: StorageClass');
  expect(yaml).toContain('name: exoscale-block-storage');
  expect(yaml).toContain('provisioner: csi.exoscale.com');
  expect(yaml).toContain('reclaimPolicy: Retain');
  expect(yaml).toContain('driver: csi.exoscale.com');
  expect(yaml).not.toContain('namespace: platform'); // cluster-scoped objects carry no namespace
});

test('cdk8s synth of a broken app fails with the rule id and writes nothing', () => {
  const dir = createApp('broken-app', `
import { App, Chart } from 'cdk8s';
import { BlockProvisioner, BlockStorageClass } from 'cdk8s-golden-paths';

const app = new App();
const chart = new Chart(app, 'storage');
new BlockStorageClass(chart, 'a', { provisioner: BlockProvisioner.exoscale(), isDefault: true });
new BlockStorageClass(chart, 'b', { provisioner: BlockProvisioner.longhorn(), isDefault: true });
app.synth();
`);
  const r = cdk8sSynth(dir);
  expect(r.status).not.toBe(0);
  expect(r.output).toContain('STO-003');
  expect(r.output).toContain('2 default StorageClasses: a, b');
  expect(fs.existsSync(path.join(dir, 'dist', 'storage.k8s.yaml'))).toBe(false);
});

/** The first `ts` block of a README section, so the README's snippets are what the packed library is tested with. */
function readmeSnippet(heading: string): string {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README.md has no section "## ${heading}"`);
  const block = /```ts\n([\s\S]*?)```/.exec(readme.slice(start));
  if (!block) throw new Error(`README.md section "${heading}" has no ts block`);
  return block[1];
}

test('the README snippets of StatefulWorkload and PodHardening type-check and synthesize from the packed library', () => {
  const dir = createApp('stateful-app', [
    "import { App, Chart } from 'cdk8s';",
    readmeSnippet('StatefulWorkload'),
    readmeSnippet('Hardening any cdk8s-plus workload: PodHardening'),
    'app.synth();',
  ].join('\n').replace("import { Size } from 'cdk8s';", "import { Size } from 'cdk8s';\nconst app = new App();\nconst chart = new Chart(app, 'web', { namespace: 'web' });"));
  const r = cdk8sSynth(dir, { typeCheck: true });
  expect(r.output).not.toMatch(/error/i);
  expect(r.status).toBe(0);
  const yaml = fs.readFileSync(path.join(dir, 'dist', 'web.k8s.yaml'), 'utf8');
  expect(yaml).toContain('kind: StatefulSet');
  expect(yaml).toContain('name: www');
  expect(yaml).toContain('storage: 10Gi');
  expect(yaml).toContain('storageClassName: exoscale-block-storage');
  expect(yaml.match(/golden-paths.dev\/pod-security: restricted/g)).toHaveLength(2);
  expect(yaml.match(/type: RuntimeDefault/g)).toHaveLength(2);
  expect(yaml).not.toContain('golden-paths.dev/role');
});

test('TopologyGraph.writeAtSynth: cdk8s synth writes dist/<chart>.topology.md, the picture the packed CLI draws from the YAML', () => {
  const dir = createApp('topology-app', `
import { App, Chart, Size } from 'cdk8s';
import { SharedRwxVolume, SharedVolumeBackend, TopologyGraph } from 'cdk8s-golden-paths';

const app = new App();
const chart = new Chart(app, 'cms', { namespace: 'cms' });
new SharedRwxVolume(chart, 'uploads', {
  backend: SharedVolumeBackend.nfs({ server: 'nfs.internal', path: '/exports/uploads' }),
  size: Size.gibibytes(10),
});
TopologyGraph.writeAtSynth(app);
app.synth();
`);
  const r = cdk8sSynth(dir, { typeCheck: true });
  expect(r.status).toBe(0);
  const md = fs.readFileSync(path.join(dir, 'dist', 'cms.topology.md'), 'utf8');
  expect(md).toMatch(/^# Topology of chart cms\n\n```mermaid\nflowchart LR\n/);
  expect(md).toContain('PersistentVolumeClaim uploads');
  const cli = spawnSync(path.join(work, 'node_modules', '.bin', 'cdk8s-golden-paths'), ['graph', '--format', 'markdown', '--title', 'Topology of chart cms', 'dist/cms.k8s.yaml'],
    { cwd: dir, encoding: 'utf8' });
  expect(cli.status).toBe(0);
  expect(cli.stdout).toBe(md);
});

test('cdk8s synth of a fresh app routing through the Gateway API (issue 18): HTTPRoutes on the platform Gateway; no output is refused', () => {
  const dir = createApp('gateway-app', `
import { App, Chart } from 'cdk8s';
import { Deployment } from 'cdk8s-plus-27';
import { GatewayRef, RouteBackend, RouteOutput, WebRoute } from 'cdk8s-golden-paths';

const app = new App();
const chart = new Chart(app, 'shop', { namespace: 'shop' });
const web = new Deployment(chart, 'web', { containers: [{ image: 'registry.example.com/web:1.0.0', portNumber: 8080 }] });
new WebRoute(chart, 'shop', {
  name: 'shop',
  output: RouteOutput.gatewayApi({ gateway: GatewayRef.platform({ name: 'public', namespace: 'gateway-system' }) }),
  rules: [{ host: 'shop.example.com', backend: RouteBackend.workload(web, { port: 80, targetPort: 8080 }) }],
});
app.synth();
`);
  const r = cdk8sSynth(dir, { typeCheck: true });
  expect(r.output).not.toMatch(/error/i);
  expect(r.status).toBe(0);
  const yaml = fs.readFileSync(path.join(dir, 'dist', 'shop.k8s.yaml'), 'utf8');
  expect(yaml).toContain('kind: HTTPRoute');
  expect(yaml).toContain('sectionName: https');
  expect(yaml).toContain('type: RequestRedirect');
  expect(yaml).not.toContain('kind: Ingress');

  const broken = createApp('no-output-app', `
import { App, Chart } from 'cdk8s';
import { Service } from 'cdk8s-plus-27';
import { RouteBackend, TlsSource, WebRoute } from 'cdk8s-golden-paths';

const app = new App();
const chart = new Chart(app, 'shop');
new WebRoute(chart, 'shop', { tls: TlsSource.secret('shop-tls'), rules: [{ host: 'shop.example.com', backend: RouteBackend.service(new Service(chart, 'web', { ports: [{ port: 80 }] })) }] });
app.synth();
`);
  const b = cdk8sSynth(broken);
  expect(b.status).not.toBe(0);
  expect(b.output).toContain('shop/shop: output (not set) chooses neither an Ingress controller nor a Gateway');
});

describe('the cdk8s-cli validation plugin, configured as in README.md, on an app using none of our constructs', () => {
  test('a StorageClass with a removed in-tree provisioner and an RWX claim on block storage fail synth with the rule ids', () => {
    const dir = createApp('plugin-broken-app', `
import { ApiObject, App, Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';

const app = new App();
const chart = new Chart(app, 'legacy', { namespace: 'cms' });
new ApiObject(chart, 'gp2', {
  apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'gp2' },
  provisioner: 'kubernetes.io/aws-ebs', parameters: { type: 'gp2' },
});
new ApiObject(chart, 'exoscale', {
  apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'exoscale-block' },
  provisioner: 'csi.exoscale.com', volumeBindingMode: 'WaitForFirstConsumer', reclaimPolicy: 'Retain',
});
new kplus.PersistentVolumeClaim(chart, 'uploads', {
  metadata: { name: 'uploads' },
  storageClassName: 'exoscale-block',
  accessModes: [kplus.PersistentVolumeAccessMode.READ_WRITE_MANY],
  storage: Size.gibibytes(10),
});
app.synth();
`, readmePluginSnippet());
    const r = cdk8sSynth(dir);
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('Validation Report (');
    expect(r.output).toMatch(/STO-001 \(error\)/); // kubernetes.io/aws-ebs was removed in Kubernetes 1.27
    expect(r.output).toMatch(/STO-010 \(error\)/); // ReadWriteMany on a block device
    expect(r.output).toContain('Resource Name: uploads');
    expect(r.output).toContain('Construct Path: legacy/uploads'); // cdk8s-cli maps resources back to constructs
  });

  test('a correct app passes, with a cluster StorageClass declared in the plugin properties', () => {
    const dir = createApp('plugin-good-app', `
import { App, Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';

const app = new App();
const chart = new Chart(app, 'cms', { namespace: 'cms' });
new kplus.PersistentVolumeClaim(chart, 'data', {
  metadata: { name: 'data' },
  storageClassName: 'standard',
  accessModes: [kplus.PersistentVolumeAccessMode.READ_WRITE_ONCE],
  storage: Size.gibibytes(10),
});
app.synth();
`, readmePluginSnippet());
    const r = cdk8sSynth(dir);
    expect(r.output).toContain('Validation Report (');
    expect(r.output).not.toMatch(/\((error|warning)\)/);
    expect(r.status).toBe(0);
    const yaml = fs.readFileSync(path.join(dir, 'dist', 'cms.k8s.yaml'), 'utf8');
    expect(yaml).toContain('kind: PersistentVolumeClaim');
    expect(yaml).toContain('storageClassName: standard');
  });
});

describe('the packed tarball carries its data', () => {
  test('the Kubernetes schema is in the tarball and loads from the installed package: a typo is a schema finding, not a crash', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    expect(listing.filter((f) => /^package\/lib\/knowledge\/kubernetes\/k8s-[\d.]+\.json$/.test(f)).length).toBeGreaterThan(0);
    const script = [
      "const { Validator } = require('cdk8s-golden-paths');",
      "const f = Validator.validate([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, dataa: { a: 'b' } }]);",
      'console.log(JSON.stringify(f.map((x) => x.ruleId)));',
    ].join('\n');
    const out = execFileSync(process.execPath, ['-e', script], { cwd: work, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(['SCH-001']);
  });
  test('every minor\'s schema and the shipped CRDs are in the tarball, unzipped; the installed CLI and synth side use them', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    expect(listing.filter((f) => /^package\/lib\/knowledge\/kubernetes\/k8s-1\.\d+\.json$/.test(f)).sort().map((f) => f.replace(/^.*k8s-|\.json$/g, '')))
      .toEqual(['1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36']);
    expect(listing).toContain('package/lib/knowledge/kubernetes/api-versions.json');
    expect(listing).toContain('package/lib/knowledge/kubernetes/crds/postgresql.cnpg.io.json');
    expect(listing.filter((f) => f.endsWith('.gz'))).toEqual([]);
    const manifests = path.join(work, 'versions.yaml');
    fs.writeFileSync(manifests, [
      'apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata:\n  name: db\nspec:\n  instances: 3\n  storage:\n    sizee: 10Gi\n',
      'apiVersion: flowcontrol.apiserver.k8s.io/v1beta2\nkind: FlowSchema\nmetadata:\n  name: f\nspec:\n  priorityLevelConfiguration:\n    name: p\n',
    ].join('---\n'));
    const cli = spawnSync(path.join(work, 'node_modules', '.bin', 'cdk8s-golden-paths'), ['validate', '--kubernetes-version', '1.27', '--format', 'json', manifests], { encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(JSON.parse(cli.stdout).findings.map((f: any) => `${f.severity} ${f.ruleId} ${f.kind}: ${f.message}`)).toEqual([
      'error SCH-001 Cluster: spec.storage.sizee is not a field of spec.storage (did you mean size?)',
      'warning SCH-004 FlowSchema: FlowSchema in apiVersion flowcontrol.apiserver.k8s.io/v1beta2 is removed in Kubernetes 1.29 (served up to 1.28; the target is 1.27)',
    ]);
    const script = [
      "const { App, Chart, ApiObject } = require('cdk8s');",
      "const { GoldenPathValidation, KubernetesVersion, PlatformDefaults } = require('cdk8s-golden-paths');",
      'const app = new App();',
      "new ApiObject(new Chart(app, 'c'), 'web', { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { backoffLimitPerIndex: 1, completionMode: 'Indexed', completions: 2,",
      "  template: { spec: { restartPolicy: 'Never', containers: [{ name: 'j', image: 'registry.example.com/j:1' }] } } } });",
      'PlatformDefaults.set(app, { kubernetesVersion: KubernetesVersion.V1_27 });',
      "const on127 = GoldenPathValidation.of(app).findings().filter((f) => f.ruleId === 'SCH-001').length;",
      "GoldenPathValidation.of(app).kubernetesVersion = '1.33';",
      "const on133 = GoldenPathValidation.of(app).findings().filter((f) => f.ruleId === 'SCH-001').length;",
      'console.log(JSON.stringify({ on127, on133 }));',
    ].join('\n');
    expect(JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: work, encoding: 'utf8' }))).toEqual({ on127: 1, on133: 0 });
  });

  test('the index loads lazily: importing loads one module of the library, and every exported name resolves', () => {
    const script = [
      'const before = new Set(Object.keys(require.cache));',
      "const lib = require('cdk8s-golden-paths');",
      "const loaded = () => Object.keys(require.cache).filter((f) => !before.has(f) && f.includes('cdk8s-golden-paths'));",
      'const atImport = loaded().length;',
      'const names = Object.keys(lib);',
      'const missing = names.filter((n) => lib[n] === undefined);',
      'console.log(JSON.stringify({ atImport, names: names.length, missing, afterAll: loaded().length }));',
    ].join('\n');
    const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: work, encoding: 'utf8' }));
    const dts = fs.readFileSync(path.join(work, 'node_modules', 'cdk8s-golden-paths', 'lib', 'index.d.ts'), 'utf8');
    const valueExports = [...dts.matchAll(/export \{([^}]*)\}/g)].flatMap((m) => m[1].split(',').map((x) => x.trim()).filter((x) => x));
    expect(out.atImport).toBe(1);
    expect(out.missing).toEqual([]);
    expect(out.names).toBeGreaterThan(40);
    expect(valueExports.length).toBeGreaterThanOrEqual(out.names);
    expect(out.afterAll).toBeGreaterThan(30);
  });
});
