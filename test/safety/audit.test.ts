/**
 * Security, data-safety and determinism audit over everything the examples emit (issue 9). The examples are
 * synthesized twice, in two separate processes, exactly as `npm run synth` does; both outputs must be byte-identical.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { KubernetesVersion, Validator } from '../../src';
import { checkRestricted, findPodSpecsInJson } from '../../src/validation/pod-spec';

const root = path.join(__dirname, '..', '..');
let outA: string;
let outB: string;
let objects: Array<{ example: string; obj: any }>;

function synthExamples(outdir: string): void {
  execFileSync(process.execPath, [require.resolve('ts-node/dist/bin.js'), '--project', 'tsconfig.dev.json', 'scripts/synth-examples.ts', '--outdir', outdir], {
    cwd: root, stdio: 'pipe', env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' }, timeout: 180_000,
  });
}

function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const example of fs.readdirSync(dir).sort()) {
    for (const f of fs.readdirSync(path.join(dir, example)).sort()) files.set(`${example}/${f}`, fs.readFileSync(path.join(dir, example, f), 'utf8'));
  }
  return files;
}

beforeAll(() => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-paths-audit-'));
  outA = path.join(tmp, 'a');
  outB = path.join(tmp, 'b');
  synthExamples(outA);
  synthExamples(outB);
  objects = [];
  for (const [file, text] of readTree(outA)) {
    if (!file.endsWith('.yaml')) continue;
    for (const doc of parseAllDocuments(text)) objects.push({ example: file.split('/')[0], obj: doc.toJS() });
  }
}, 400_000);

afterAll(() => {
  if (outA) fs.rmSync(path.dirname(outA), { recursive: true, force: true });
});

test('every example synthesizes, to identical bytes in two separate processes', () => {
  const a = readTree(outA);
  const b = readTree(outB);
  expect(a.size).toBeGreaterThan(0);
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [file, text] of a) expect(b.get(file)).toBe(text);
});

test('every example is audited, the StatefulWorkload seed scenario included', () => {
  const examples = fs.readdirSync(path.join(root, 'examples')).filter((n) => fs.existsSync(path.join(root, 'examples', n, 'main.ts'))).sort();
  expect(examples).toContain('exoscale-web-server');
  expect([...new Set(objects.map((o) => o.example))].sort()).toEqual(examples);
  const web = objects.filter((o) => o.example === 'exoscale-web-server' && o.obj.kind === 'StatefulSet');
  expect(web.map((o) => o.obj.metadata.name)).toEqual(['web-server']);
});

test('every pod the examples emit is labelled for Pod Security "restricted", so the validator holds it there (no JSON patch needed)', () => {
  const pods = findPodSpecsInJson(objects.map((o) => o.obj));
  expect(pods.length).toBeGreaterThan(0);
  expect(pods.filter((p) => p.labels['golden-paths.dev/pod-security'] !== 'restricted').map((p) => `${p.owner.kind}/${p.owner.name}`)).toEqual([]);
  for (const example of fs.readdirSync(path.join(root, 'examples'))) {
    const dir = path.join(root, 'examples', example);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.ts'))) expect(`${example}/${f}: ${/JsonPatch/.test(fs.readFileSync(path.join(dir, f), 'utf8'))}`).toBe(`${example}/${f}: false`);
  }
});

test('the examples pass the full validator with no error', () => {
  const byExample = new Map<string, any[]>();
  for (const o of objects) byExample.set(o.example, [...(byExample.get(o.example) ?? []), o.obj]);
  expect(byExample.size).toBe(fs.readdirSync(path.join(root, 'examples')).filter((n) => fs.existsSync(path.join(root, 'examples', n, 'main.ts'))).length);
  for (const [example, objs] of byExample) {
    const errors = Validator.validate(objs).filter((f) => f.severity === 'error').map((f) => `${example}: ${Validator.format(f)}`);
    expect(errors).toEqual([]);
  }
});

test.each(['1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36'].map((v) => [v]))('the examples pass the full validator with no error on Kubernetes %s', (v) => {
  const byExample = new Map<string, any[]>();
  for (const o of objects) byExample.set(o.example, [...(byExample.get(o.example) ?? []), o.obj]);
  expect(byExample.size).toBeGreaterThan(0);
  for (const [example, objs] of byExample) {
    const errors = Validator.validate(objs, { kubernetesVersion: v as KubernetesVersion }).filter((f) => f.severity === 'error').map((f) => `${example}: ${Validator.format(f)}`);
    expect(errors).toEqual([]);
  }
});

test('Pod Security "restricted" for every pod the examples emit', () => {
  const pods = findPodSpecsInJson(objects.map((o) => o.obj));
  expect(pods.length).toBeGreaterThan(0);
  const violations = pods.flatMap((p) => checkRestricted(p.spec, p.metadata).map((v) => `${p.owner.kind}/${p.owner.name}: ${v}`));
  expect(violations).toEqual([]);
});

test('no literal secrets: secret-looking env vars come from secretKeyRef', () => {
  const literal = findPodSpecsInJson(objects.map((o) => o.obj)).flatMap((p) =>
    [...(p.spec.containers ?? []), ...(p.spec.initContainers ?? [])].flatMap((c: any) => (c.env ?? [])
      .filter((e: any) => /PASSWORD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY/i.test(e.name) && e.value !== undefined)
      .map((e: any) => `${p.owner.name}/${c.name}: ${e.name}`)));
  expect(literal).toEqual([]);
  expect(objects.filter((o) => o.obj.kind === 'Secret' && (o.obj.data || o.obj.stringData))).toEqual([]);
});

test('images are pinned: a tag or digest, never latest', () => {
  const images = findPodSpecsInJson(objects.map((o) => o.obj)).flatMap((p) =>
    [...(p.spec.containers ?? []), ...(p.spec.initContainers ?? [])].map((c: any) => c.image as string));
  expect(images.length).toBeGreaterThan(0);
  for (const image of images) {
    expect(image).toMatch(/(:[\w][\w.-]*|@sha256:[0-9a-f]{64})$/);
    expect(image).not.toMatch(/:latest$/);
  }
});

test('no hostPath except the explicit single-node dev backend', () => {
  const hostPath = objects.filter((o) =>
    (o.obj.kind === 'PersistentVolume' && o.obj.spec?.hostPath)
    || findPodSpecsInJson([o.obj]).some((p) => (p.spec.volumes ?? []).some((v: any) => v.hostPath)));
  // exactly the dev backend's volume: a list that could be empty would prove nothing
  expect(hostPath.map((o) => `${o.example} ${o.obj.kind}`)).toEqual(['darwin-dev PersistentVolume']);
});

test('service account tokens are not mounted into pods the library emits', () => {
  const ours = findPodSpecsInJson(objects.map((o) => o.obj)).filter((p) => p.labels['golden-paths.dev/pod-security'] === 'restricted');
  expect(ours.length).toBeGreaterThan(0);
  for (const p of ours) expect(p.spec.automountServiceAccountToken).toBe(false);
});

test('no default deletes user data: Retain everywhere', () => {
  const of = (kind: string) => objects.map((o) => o.obj).filter((o) => o.kind === kind);
  // each kind is there (a check over none would pass), and each one keeps its data
  const classes = of('StorageClass');
  const volumes = of('PersistentVolume');
  const snapshotClasses = of('VolumeSnapshotClass');
  const statefulSets = of('StatefulSet').filter((o) => o.spec.volumeClaimTemplates);
  for (const list of [classes, volumes, snapshotClasses, statefulSets]) expect(list.length).toBeGreaterThan(0);
  expect(classes.filter((o) => o.reclaimPolicy !== 'Retain').map((o) => o.metadata.name)).toEqual([]);
  expect(volumes.filter((o) => o.spec.persistentVolumeReclaimPolicy !== 'Retain').map((o) => o.metadata.name)).toEqual([]);
  expect(snapshotClasses.filter((o) => o.deletionPolicy !== 'Retain').map((o) => o.metadata.name)).toEqual([]);
  expect(statefulSets.map((o) => o.spec.persistentVolumeClaimRetentionPolicy)).toEqual(statefulSets.map(() => ({ whenDeleted: 'Retain', whenScaled: 'Retain' })));
});
