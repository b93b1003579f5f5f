/**
 * End to end, as a user meets the library: pack it, lay out a fresh app as `cdk8s init typescript-app` does
 * (cdk8s.yaml, main.ts, package.json, tsconfig.json), install the tarball and cdk8s-cli into it from the npm cache
 * (offline), run the real `cdk8s synth`, and read the YAML it writes.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.join(__dirname, '..');
const versionOf = (pkg: string) => JSON.parse(fs.readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;

let work: string;
let tarball: string;

/** A fresh app directory with the given main.ts and validation plugins, installed from the packed library. */
function createApp(name: string, mainTs: string, validations?: string): string {
  const dir = path.join(work, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'cdk8s.yaml'), [
    'language: typescript',
    'app: npx ts-node main.ts',
    'imports:',
    '  - k8s',
    ...(validations ? ['validations:', validations] : []),
    '',
  ].join('\n'));
  fs.writeFileSync(path.join(dir, 'main.ts'), mainTs);
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2020', module: 'commonjs', strict: true, esModuleInterop: true, skipLibCheck: true, lib: ['es2020'], types: [] },
  }, null, 2));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name, version: '0.0.0', private: true, scripts: { synth: 'cdk8s synth' },
  }, null, 2));
  // the shared node_modules of the test apps sits one level up (see beforeAll): Node resolves it from every app
  return dir;
}

function cdk8sSynth(dir: string): { status: number | null; output: string } {
  const r = spawnSync(path.join(work, 'node_modules', '.bin', 'cdk8s'), ['synth'], {
    cwd: dir, encoding: 'utf8', timeout: 120_000, env: { ...process.env, CI: 'true', CDK8S_CHECK_UPGRADE: 'false' },
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-paths-e2e-'));
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  tarball = path.join(work, packed[0].filename);
  // One install for all test apps, from the npm cache only: the packed library plus what `cdk8s init typescript-app` installs.
  fs.writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'e2e-apps', version: '0.0.0', private: true }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock',
    tarball,
    `cdk8s@${versionOf('cdk8s')}`, `constructs@${versionOf('constructs')}`, `cdk8s-plus-27@${versionOf('cdk8s-plus-27')}`,
    `cdk8s-cli@${versionOf('cdk8s-cli')}`, 'ts-node@10', `typescript@${versionOf('typescript')}`], { cwd: work, stdio: 'ignore', timeout: 180_000 });
}, 240_000);

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
  const r = cdk8sSynth(dir);
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
