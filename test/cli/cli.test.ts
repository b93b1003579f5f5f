import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { main } from '../../src/cli/main';

/** Runs the CLI in-process with captured output. */
async function cli(args: string[], stdin?: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, stdin });
  return { code, out, err };
}

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gp-cli-')); });
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });

function write(name: string, text: string | Buffer): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

const GOOD_PVC = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: standard
  resources:
    requests:
      storage: 1Gi
`;
const BAD_PVC = GOOD_PVC.replace('storageClassName', 'storageClass');
const KNOWN = ['--known-storage-class', 'standard=ebs.csi.aws.com'];

describe('validate', () => {
  test('clean file: exit 0 and a summary', async () => {
    const r = await cli(['validate', write('good.yaml', GOOD_PVC), ...KNOWN]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toBe('0 errors, 0 warnings in 1 object from 1 file\n');
  });

  test('an error: exit 1, one line with severity, rule, kind/name, file:line, message and fix', async () => {
    const file = write('bad.yaml', '# leading comment\n---\n' + BAD_PVC);
    const r = await cli(['validate', file, ...KNOWN]);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe(`error SCH-001 PersistentVolumeClaim/data [${file}:3]: spec.storageClass is not a field of spec (did you mean storageClassName?). Fix: Correct the field name (see the suggestion) or remove the field.`);
    expect(lines[lines.length - 1]).toMatch(/^\d+ errors?, \d+ warnings? in 1 object from 1 file$/);
  });

  test('--format json', async () => {
    const r = await cli(['validate', '--format', 'json', write('bad.yaml', BAD_PVC), ...KNOWN]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    const f = json.findings.find((x: any) => x.ruleId === 'SCH-001');
    expect(f).toMatchObject({ ruleId: 'SCH-001', severity: 'error', kind: 'PersistentVolumeClaim', name: 'data', namespace: null, file: path.join(dir, 'bad.yaml') });
    expect(Object.keys(f)).toEqual(expect.arrayContaining(['ruleId', 'severity', 'kind', 'name', 'namespace', 'file', 'message', 'fix']));
    expect(json.errors).toBeUndefined();
  });

  test('warnings only: exit 0', async () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers: [{name: web, image: "nginx:1.25"}]\n';
    const r = await cli(['validate', '-'], pod);
    expect(r.out).toMatch(/^warning /m);
    expect(r.out).not.toMatch(/^error /m);
    expect(r.code).toBe(0);
  });

  test('stdin, with <stdin> as the file name', async () => {
    const r = await cli(['validate', '-', ...KNOWN], BAD_PVC);
    expect(r.code).toBe(1);
    expect(r.out).toContain('[<stdin>:1]');
  });

  test('JSON input, kind: List expanded', async () => {
    const list = { apiVersion: 'v1', kind: 'List', items: [parseYaml(GOOD_PVC)] };
    const r = await cli(['validate', write('list.json', JSON.stringify(list)), ...KNOWN]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('in 1 object');
  });

  test('directories: recursive, sorted, only manifest files', async () => {
    const d = path.join(dir, 'tree');
    write('tree/b/2.yml', GOOD_PVC.replace('name: data', 'name: two'));
    write('tree/a.yaml', BAD_PVC);
    write('tree/notes.txt', 'not: [a manifest');
    write('tree/c.json', JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { k: 'v' } }));
    const r = await cli(['validate', '--format=json', d, ...KNOWN]);
    expect(r.code).toBe(1);
    const files = JSON.parse(r.out).findings.map((f: any) => f.file);
    expect(files).toContain(path.join(d, 'a.yaml'));
    const text = await cli(['validate', d, ...KNOWN]);
    expect(text.out).toMatch(/in 3 objects from 3 files/);
  });

  test('the same object twice across files is an error (API-040)', async () => {
    const r = await cli(['validate', write('one.yaml', GOOD_PVC), write('two.yaml', GOOD_PVC), ...KNOWN]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('API-040');
    expect(r.out).toContain(`first at ${path.join(dir, 'one.yaml')}:1`);
  });

  test('--known-storage-class tells the validator about cluster classes', async () => {
    const rwx = GOOD_PVC.replace('[ReadWriteOnce]', '[ReadWriteMany]');
    const r = await cli(['validate', write('rwx.yaml', rwx), ...KNOWN]);
    expect(r.code).toBe(1); // EBS is block storage: RWX is rejected
    expect(r.out).toMatch(/ReadWriteMany/);
  });
});

describe('YAML 1.1, as kubectl reads it', () => {
  test('unquoted yes is a boolean (kubectl rejects it as an env value); 0644 is octal; dates stay strings', async () => {
    const pod = (value: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    example.com/released: 2024-01-01
spec:
  containers:
    - name: web
      image: nginx:1.25
      env:
        - name: FEATURE
          value: ${value}
      volumeMounts: [{ name: config, mountPath: /etc/web }]
  volumes:
    - name: config
      configMap: { name: web, defaultMode: 0644 }
`;
    const bad = await cli(['validate', '--format', 'json', '-'], pod('yes'));
    const sch = JSON.parse(bad.out).findings.filter((f: any) => f.ruleId.startsWith('SCH'));
    expect(sch.map((f: any) => f.message)).toEqual(['spec.containers[0].env[0].value must be a string, got boolean true']);
    const good = await cli(['validate', '--format', 'json', '-'], pod('"yes"'));
    expect(JSON.parse(good.out).findings.filter((f: any) => f.severity === 'error')).toEqual([]);
  });
});

describe('unreadable input and bad usage: exit 2', () => {
  test('YAML syntax error with file and line', async () => {
    const file = write('syntax.yaml', GOOD_PVC + '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n');
    const r = await cli(['validate', file, ...KNOWN]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^error: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: YAML syntax error: `, 'm'));
    // the readable document is still validated
    expect(r.out).toContain('in 1 object');
  });

  test('missing file', async () => {
    const r = await cli(['validate', path.join(dir, 'nope.yaml')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('nope.yaml: no such file or directory');
  });

  test.each([
    [['validate'], 'needs at least one file'],
    [['validate', '--format', 'xml', 'x.yaml'], '--format must be text, json, sarif, junit'],
    [['validate', '--known-storage-class', 'standard', 'x.yaml'], '--known-storage-class takes <name>=<provisioner>'],
    [['validate', '--bogus', 'x.yaml'], 'unknown option --bogus'],
    [['validate', '--disable', 'XYZ-001', 'x.yaml'], 'unknown rule XYZ-001'],
    [['frobnicate'], 'unknown command'],
    [[], 'Usage:'],
  ])('%j', async (args, message) => {
    const r = await cli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  test('--help and rules', async () => {
    expect(await cli(['--help'])).toMatchObject({ code: 0 });
    expect((await cli(['validate', '--help'])).out).toContain('--known-storage-class');
    const rules = await cli(['rules']);
    expect(rules.code).toBe(0);
    expect(rules.out).toMatch(/^API-020 +error +api-server +/m);
    const json = JSON.parse((await cli(['rules', '--format', 'json'])).out);
    expect(json.rules.map((r: any) => r.id)).toContain('SCH-001');
  });
});

describe('hostile input: a clean error (exit 2) or a finding, never a crash or hang', () => {
  const deadline = 20_000;

  test('empty file, only comments, only separators: no documents is exit 2 (a failed pipeline must not pass)', async () => {
    for (const text of ['', '# nothing\n', '---\n---\n', '\n\n   \n']) {
      const r = await cli(['validate', write('empty.yaml', text)]);
      expect(r.code).toBe(2);
      expect(r.err).toContain('no documents in');
    }
    const stdin = await cli(['validate', '-'], '');
    expect(stdin).toMatchObject({ code: 2, err: 'error: no documents in <stdin>\n' });
    // an empty file next to real ones is fine
    const mixed = await cli(['validate', write('empty.yaml', ''), write('good2.yaml', GOOD_PVC), ...KNOWN]);
    expect(mixed.code).toBe(0);
  });

  test('non-YAML text is a finding (VAL-003), binary is a load error', async () => {
    const text = await cli(['validate', write('prose.yaml', 'This is a README, not a manifest.\n')]);
    expect(text.code).toBe(1);
    expect(text.out).toContain('VAL-003');
    const bin = await cli(['validate', write('bin.yaml', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0xff]))]);
    expect(bin.code).toBe(2);
    expect(bin.err).toContain('not a text file');
  });

  test('non-object documents become VAL-003 findings', async () => {
    const r = await cli(['validate', '--format', 'json', write('scalars.yaml', '42\n---\n- a\n- b\n---\n"str"\n---\ntrue\n---\n{kind: Pod}\n')]);
    expect(r.code).toBe(1);
    const msgs = JSON.parse(r.out).findings.filter((f: any) => f.ruleId === 'VAL-003').map((f: any) => f.message);
    expect(msgs).toEqual(['document is a number, not a Kubernetes object', 'document is a list, not a Kubernetes object',
      'document is a string, not a Kubernetes object', 'document is a boolean, not a Kubernetes object', 'document has no apiVersion']);
  });

  test('billion laughs (many aliases) is rejected quickly', async () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const p = String.fromCharCode(97 + i - 1);
      lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + p).join(',')}]`);
    }
    const r = await cli(['validate', write('bomb.yaml', lines.join('\n') + '\n')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bomb\.yaml:1: YAML document rejected: .*alias/i);
  }, deadline);

  test('deep nesting (flow and block) is rejected, not a stack overflow', async () => {
    const flow = await cli(['validate', write('deep-flow.yaml', '['.repeat(2_000_000))]);
    expect(flow.code).toBe(2);
    expect(flow.err).toContain('nest');
    const jsonDeep = await cli(['validate', write('deep.json', '{"a":'.repeat(900) + '1' + '}'.repeat(900))]);
    expect(jsonDeep.code).toBe(2);
    expect(jsonDeep.err).toContain('deeper than');
    const block = Array.from({ length: 400 }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + ' 1\n';
    const b = await cli(['validate', write('deep-block.yaml', block)]);
    expect(b.code).toBe(2);
  }, deadline);

  test('a large document validates in bounded time; an oversized file is a load error', async () => {
    const data = Array.from({ length: 20_000 }, (_, i) => `  key${i}: value-${i}`).join('\n');
    const big = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n${data}\n`;
    const r = await cli(['validate', write('big.yaml', big)]);
    expect(r).toMatchObject({ code: 0, err: '' });
    const huge = write('huge.yaml', Buffer.alloc(17 * 1024 * 1024, 0x20));
    const h = await cli(['validate', huge]);
    expect(h.code).toBe(2);
    expect(h.err).toContain('larger than');
  }, deadline);

  test('duplicate keys are a load error with the line', async () => {
    const r = await cli(['validate', write('dup.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/dup\.yaml:5:3: YAML syntax error: duplicate key "name"/);
  });

  test('wrong types at every level: findings, never a crash', async () => {
    const values = [null, 0, -1, 1.5, true, 'x', '', [], [1], {}, { a: 1 }, [[[]]]];
    const base: any = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', labels: { app: 'db' }, annotations: { a: 'b' } },
      spec: {
        serviceName: 'db',
        replicas: 1,
        selector: { matchLabels: { app: 'db' } },
        template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'postgres:16', env: [{ name: 'A', value: 'b' }], ports: [{ containerPort: 5432, name: 'pg' }], volumeMounts: [{ name: 'data', mountPath: '/data' }] }], volumes: [{ name: 'x', emptyDir: {} }] } },
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      },
    };
    const paths: string[][] = [];
    const walk = (o: any, p: string[]) => {
      if (o === null || typeof o !== 'object') return;
      for (const k of Object.keys(o)) {
        paths.push([...p, k]);
        walk(o[k], [...p, k]);
      }
    };
    walk(base, []);
    const docs: any[] = [];
    for (const p of paths) {
      for (const v of values) {
        const copy = JSON.parse(JSON.stringify(base));
        let t = copy;
        for (const k of p.slice(0, -1)) t = t[k];
        t[p[p.length - 1]] = v;
        docs.push(copy);
      }
    }
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: values.map((v) => ({ port: v, targetPort: v, name: v })) } };
    const text = [...docs, svc].map((d) => JSON.stringify(d)).join('\n---\n');
    const r = await cli(['validate', '--format', 'json', write('types.yaml', text)]);
    expect(r.err).toBe('');
    expect([0, 1]).toContain(r.code);
    const findings = JSON.parse(r.out).findings;
    expect(findings.filter((f: any) => f.ruleId === 'VAL-002')).toEqual([]);
  }, 60_000);
});
