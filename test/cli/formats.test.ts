/**
 * The CLI for CI systems (issue 19): SARIF 2.1.0 validated against the SARIF JSON schema and read as GitHub code
 * scanning reads it, JUnit XML parsed as a DOM as GitLab and Jenkins read it, --policy files, the graph command, and
 * one format for unreadable input in every command.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DOMParser, Document, Element } from '@xmldom/xmldom';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parseAllDocuments } from 'yaml';
import { Validator } from '../../src';
import { runLockCommand } from '../../src/cli/lock-command';
import { main } from '../../src/cli/main';

async function cli(args: string[], stdin?: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, stdin });
  return { code, out, err };
}

let dir: string;
let cwd: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gp-formats-'));
  cwd = process.cwd();
  process.chdir(dir); // SARIF locations are relative to the working directory, as in the Action
});
afterAll(() => {
  process.chdir(cwd);
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return name;
}

const LEGACY = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: gp2
provisioner: kubernetes.io/aws-ebs
---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: scratch
spec:
  capacity: { storage: 1Gi }
  accessModes: [ReadWriteOnce]
  hostPath: { path: /mnt/scratch }
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: shop
data: { a: b }
`;

describe('validate --format sarif', () => {
  let sarif: any;
  let code: number;
  beforeAll(async () => {
    write('manifests/legacy.yaml', LEGACY);
    const r = await cli(['validate', '--format', 'sarif', 'manifests/']);
    code = r.code;
    sarif = JSON.parse(r.out);
  });

  test('is valid against the SARIF 2.1.0 JSON schema', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const ok = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(sarif.version).toBe('2.1.0');
    expect(code).toBe(1);
  });

  test('the schema check catches a broken log (the check is not vacuous)', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const broken = JSON.parse(JSON.stringify(sarif));
    broken.runs[0].results[0].level = 'fatal';
    delete broken.runs[0].tool.driver.name;
    expect(ajv.validate(schema, broken)).toBe(false);
  });

  test('every rule is in tool.driver.rules with its help text, fix and default level', () => {
    const rules = sarif.runs[0].tool.driver.rules;
    expect(rules.map((r: any) => r.id)).toEqual(Validator.rules().map((r) => r.id));
    for (const info of Validator.rules()) {
      const r = rules.find((x: any) => x.id === info.id);
      expect(r.shortDescription.text).toBe(info.what);
      expect(r.help.text).toContain(`Fix: ${info.fix}`);
      expect(r.help.text).toContain(info.why);
      expect(r.help.markdown).toContain(`**Fix:** ${info.fix}`);
      expect(r.defaultConfiguration.level).toBe(info.severity === 'error' ? 'error' : 'warning');
      expect(r.helpUri).toMatch(/docs\/rules\.md#[a-z-]+$/);
    }
  });

  test('the helpUri anchors exist in docs/rules.md', () => {
    const doc = fs.readFileSync(path.join(cwd, 'docs', 'rules.md'), 'utf8');
    const anchors: string[] = [...new Set<string>(sarif.runs[0].tool.driver.rules.map((r: any) => r.helpUri.split('#')[1]))];
    expect(anchors.length).toBeGreaterThan(3);
    for (const a of anchors) expect(doc).toContain(`](#${a})`);
  });

  test('each result: ruleId and ruleIndex, level, message with fix, the file (relative) and the line of its object', () => {
    const results = sarif.runs[0].results;
    const rules = sarif.runs[0].tool.driver.rules;
    const sto001 = results.find((r: any) => r.ruleId === 'STO-001');
    expect(sto001).toMatchObject({
      level: 'error',
      locations: [{
        physicalLocation: { artifactLocation: { uri: 'manifests/legacy.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } },
        logicalLocations: [{ fullyQualifiedName: 'StorageClass/gp2', kind: 'object' }],
      }],
    });
    expect(sto001.message.text).toMatch(/^StorageClass\/gp2: provisioner kubernetes\.io\/aws-ebs .* Fix: Use the CSI provisioner ebs\.csi\.aws\.com\.$/);
    expect(rules[sto001.ruleIndex].id).toBe('STO-001');
    const sto021 = results.find((r: any) => r.ruleId === 'STO-021');
    expect(sto021.level).toBe('warning');
    expect(sto021.locations[0].physicalLocation.region.startLine).toBe(7);
    for (const r of results) expect(r.partialFingerprints['goldenPathsObject/v1']).toMatch(/^[0-9a-f]{32}$/);
    expect(sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.*\/$/);
  });

  test('the same finding keeps its fingerprint when lines move', async () => {
    write('moved/legacy.yaml', '# a comment\n\n' + LEGACY);
    const moved = JSON.parse((await cli(['validate', '--format', 'sarif', 'moved/legacy.yaml'])).out);
    const a = sarif.runs[0].results.find((r: any) => r.ruleId === 'STO-001');
    const b = moved.runs[0].results.find((r: any) => r.ruleId === 'STO-001');
    expect(b.locations[0].physicalLocation.region.startLine).toBe(3);
    expect(b.partialFingerprints).toEqual(a.partialFingerprints);
  });

  test('unreadable input is a tool execution notification with its position, and the run is not successful', async () => {
    write('broken.yaml', 'a: [1,\n  b: 2\n');
    const r = await cli(['validate', '--format', 'sarif', 'broken.yaml']);
    expect(r.code).toBe(2);
    const inv = JSON.parse(r.out).runs[0].invocations[0];
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications[0]).toMatchObject({
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'broken.yaml' }, region: { startLine: 3, startColumn: 1 } } }],
    });
    expect(r.err).toMatch(/^error: broken\.yaml:3:1: YAML syntax error: /);
  });

  test('objects from stdin have a logical location only', async () => {
    const r = await cli(['validate', '--format', 'sarif', '-'], LEGACY);
    const res = JSON.parse(r.out).runs[0].results.find((x: any) => x.ruleId === 'STO-001');
    expect(res.locations).toEqual([{ logicalLocations: [{ name: 'gp2', fullyQualifiedName: 'StorageClass/gp2', kind: 'object' }] }]);
  });
});

describe('validate --format junit', () => {
  let doc: Document;
  let code: number;
  beforeAll(async () => {
    write('junit/legacy.yaml', LEGACY);
    write('junit/broken.yaml', 'kind: [\n');
    const r = await cli(['validate', '--format', 'junit', 'junit/']);
    code = r.code;
    const errors: string[] = [];
    doc = new DOMParser({ onError: (level, msg) => { errors.push(`${level}: ${msg}`); } }).parseFromString(r.out, 'text/xml');
    expect(errors).toEqual([]);
  });

  const all = (el: Element | Document, tag: string): Element[] => Array.from(el.getElementsByTagName(tag));

  test('parses as XML: <testsuites> of <testsuite> per file, with consistent counts', () => {
    expect(code).toBe(2);
    const root = doc.documentElement!;
    expect(root.tagName).toBe('testsuites');
    const suites = all(doc, 'testsuite');
    expect(suites.map((s) => s.getAttribute('name'))).toEqual(['junit/legacy.yaml', 'unreadable input']);
    for (const s of suites) {
      const cases = all(s, 'testcase');
      expect(Number(s.getAttribute('tests'))).toBe(cases.length);
      expect(Number(s.getAttribute('failures'))).toBe(cases.filter((c) => all(c, 'failure').length > 0).length);
      expect(Number(s.getAttribute('errors'))).toBe(cases.filter((c) => all(c, 'error').length > 0).length);
    }
    expect(Number(root.getAttribute('tests'))).toBe(all(doc, 'testcase').length);
  });

  test('one test case per object, with file and line; a failure per error finding, typed by rule id', () => {
    const cases = all(all(doc, 'testsuite')[0], 'testcase');
    expect(cases.map((c) => c.getAttribute('name'))).toEqual(['StorageClass gp2', 'PersistentVolume scratch', 'ConfigMap shop/settings']);
    expect(cases.map((c) => c.getAttribute('line'))).toEqual(['1', '7', '16']);
    expect(cases.map((c) => [c.getAttribute('file'), c.getAttribute('classname')])).toEqual(cases.map(() => ['junit/legacy.yaml', 'junit/legacy.yaml']));
    const sc = cases[0];
    const errorIds = Validator.validate(parseAllDocuments(LEGACY).map((d) => d.toJS()))
      .filter((f) => f.kind === 'StorageClass' && f.severity === 'error').map((f) => f.ruleId);
    expect(errorIds.length).toBeGreaterThan(0);
    expect(all(sc, 'failure').map((f) => f.getAttribute('type'))).toEqual(errorIds);
    const sto001 = all(sc, 'failure').find((f) => f.getAttribute('type') === 'STO-001')!;
    expect(sto001.getAttribute('message')).toMatch(/^STO-001: provisioner kubernetes\.io\/aws-ebs/);
    expect(sto001.textContent).toContain('Fix: Use the CSI provisioner ebs.csi.aws.com.');
  });

  test('warnings are not failures: they are in system-out; a clean object is a passing test case', () => {
    const [, pv, cm] = all(all(doc, 'testsuite')[0], 'testcase');
    expect(all(pv, 'failure')).toEqual([]);
    expect(all(pv, 'system-out')[0].textContent).toMatch(/^warning STO-021 PersistentVolume\/scratch/m);
    expect(cm.childNodes.length).toBe(0);
  });

  test('unreadable input is a test case with an <error> naming file:line:column', () => {
    const [c] = all(all(doc, 'testsuite')[1], 'testcase');
    expect(all(c, 'error')[0].getAttribute('message')).toMatch(/^junit\/broken\.yaml:2:1: YAML syntax error/);
  });

  test('text that is not XML-safe is escaped', async () => {
    write('odd.yaml', LEGACY.replace('name: settings', 'name: "a<b>&\'\\"c"'));
    const r = await cli(['validate', '--format', 'junit', 'odd.yaml']);
    const errors: string[] = [];
    const d = new DOMParser({ onError: (level, msg) => { errors.push(`${level}: ${msg}`); } }).parseFromString(r.out, 'text/xml');
    expect(errors).toEqual([]);
    expect(Array.from(d.getElementsByTagName('testcase')).map((c) => c.getAttribute('name'))).toContain('ConfigMap shop/a<b>&\'"c');
  });
});

describe('validate --policy FILE', () => {
  const CLAIM = `apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: big, namespace: shop }
spec: { accessModes: [ReadWriteOnce], storageClassName: gp3, resources: { requests: { storage: 2Ti } } }
`;

  test('a YAML policy is enforced (POL rules) like PlatformPolicy.apply', async () => {
    write('policy.yaml', 'maxClaimSize: 500Gi\nrequiredLabels: [acme.com/team]\n');
    const r = await cli(['validate', '--policy', 'policy.yaml', '--known-storage-class', 'gp3=ebs.csi.aws.com', write('claim.yaml', CLAIM)]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^error POL-005 PersistentVolumeClaim\/shop\/big \[claim\.yaml:1\]: /m);
    expect(r.out).toMatch(/^error POL-006 PersistentVolumeClaim\/shop\/big /m);
  });

  test('a JSON policy too; without it the same claim passes', async () => {
    write('policy.json', JSON.stringify({ maxClaimSize: '4Ti', allowedProvisioners: ['ebs.csi.aws.com'] }));
    const withPolicy = await cli(['validate', '--policy', 'policy.json', '--known-storage-class', 'gp3=ebs.csi.aws.com', 'claim.yaml']);
    expect(withPolicy.out).not.toMatch(/POL-005/);
    const without = await cli(['validate', '--known-storage-class', 'gp3=ebs.csi.aws.com', 'claim.yaml']);
    expect(without.out).not.toMatch(/POL-/);
  });

  test('every problem of a policy file, at once, as error: file:line:column: message (exit 2)', async () => {
    write('bad-policy.yaml', 'requireTls: yes-please\nmaxClaimSize: lots\nminDatabaseReplicas: 0\nallowedStorage: [x]\n');
    const r = await cli(['validate', '--policy', 'bad-policy.yaml', 'claim.yaml']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toEqual([
      'error: bad-policy.yaml:1:13: requireTls "yes-please" must be true or false',
      'error: bad-policy.yaml:2:15: maxClaimSize "lots" must be a Kubernetes quantity of bytes, e.g. 500Gi',
      'error: bad-policy.yaml:3:22: minDatabaseReplicas 0 must be a whole number of at least 1',
      'error: bad-policy.yaml:4:1: unknown policy key "allowedStorage"; known: allowedProvisioners, requireTls, forbidHostPath, minDatabaseReplicas, maxClaimSize, requiredLabels, requiredAnnotations, allowedIngressClasses, enforcePracticesOnAppObjects',
    ]);
  });

  test('policy files that do not parse, are not a mapping, or are missing', async () => {
    write('syntax.json', '{"requireTls": true,,}');
    expect((await cli(['validate', '--policy', 'syntax.json', 'claim.yaml'])).err).toMatch(/^error: syntax\.json:1:21: not valid JSON: unexpected ","\n$/);
    write('list.yaml', '- requireTls\n');
    expect((await cli(['validate', '--policy', 'list.yaml', 'claim.yaml'])).err)
      .toBe('error: list.yaml:1:1: the policy must be a mapping of PlatformPolicyProps keys (e.g. requireTls: true)\n');
    write('dup.yaml', 'requireTls: true\nrequireTls: false\n');
    expect((await cli(['validate', '--policy', 'dup.yaml', 'claim.yaml'])).err).toMatch(/^error: dup\.yaml:2:1: YAML syntax error: Map keys must be unique/);
    const missing = await cli(['validate', '--policy', 'nope.yaml', 'claim.yaml']);
    expect(missing).toMatchObject({ code: 2, err: 'error: nope.yaml: policy file: no such file\n' });
  });
});

describe('graph', () => {
  const APP = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: shop, namespace: shop }
spec: { rules: [{ host: shop.example.com, http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }] } }] }
---
apiVersion: v1
kind: Service
metadata: { name: web, namespace: shop }
spec: { selector: { app: web }, ports: [{ port: 80 }] }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: other, namespace: other }
`;

  test('draws Mermaid by default, with the validator\'s findings marked', async () => {
    write('graph/app.yaml', APP + '---\n' + LEGACY);
    const r = await cli(['graph', 'graph/app.yaml']);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/^flowchart LR\n/);
    expect(r.out).toMatch(/\(\["shop\.example\.com"\]\)/);
    expect(r.out).toMatch(/StorageClass gp2<br\/>.*✖ error STO-001/);
  });

  test('--format dot and --format markdown; --namespace; --no-findings', async () => {
    expect((await cli(['graph', '--format', 'dot', 'graph/app.yaml'])).out).toMatch(/^digraph topology \{/);
    const md = (await cli(['graph', '--format=markdown', '--title', 'Shop', 'graph/app.yaml'])).out;
    expect(md).toMatch(/^# Shop\n\n```mermaid\nflowchart LR\n[\s\S]*```\n/);
    const shop = (await cli(['graph', '--namespace', 'shop', 'graph/app.yaml'])).out;
    expect(shop).toContain('namespace shop');
    expect(shop).not.toContain('namespace other');
    expect((await cli(['graph', '--no-findings', 'graph/app.yaml'])).out).not.toContain('STO-001');
  });

  test('reads stdin; findings never fail it', async () => {
    const r = await cli(['graph', '-'], LEGACY);
    expect(r.code).toBe(0);
    expect(r.out).toContain('✖ error STO-001');
  });

  test('usage errors (exit 2)', async () => {
    expect(await cli(['graph'])).toMatchObject({ code: 2, err: expect.stringMatching(/^error: graph needs at least one file/) });
    expect(await cli(['graph', '--format', 'png', 'x.yaml'])).toMatchObject({ code: 2, err: expect.stringMatching(/^error: --format must be mermaid, dot, markdown, not "png"/) });
    expect(await cli(['graph', '--disable', 'NOPE-1', 'graph/app.yaml'])).toMatchObject({ code: 2, err: 'error: --disable: unknown rule NOPE-1\n' });
    expect((await cli(['graph', '--help'])).out).toMatch(/^Usage: cdk8s-golden-paths graph/);
    expect((await cli(['graph', '-'], '')).err).toBe('error: no documents in <stdin>\n');
  });
});

describe('unreadable input: one format in every command', () => {
  const BROKEN = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n';
  const EXPECTED = 'error: dup.yaml:5:3: YAML syntax error: duplicate key "name" (map keys must be unique)';

  async function lock(args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await runLockCommand(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; } });
    return { code, out, err };
  }

  test('validate, graph and lock report the same line', async () => {
    write('dup.yaml', BROKEN);
    const v = await cli(['validate', 'dup.yaml']);
    const g = await cli(['graph', 'dup.yaml']);
    const l = await lock(['check', '--lock', 'none.lock.json', 'dup.yaml']);
    for (const r of [v, g, l]) {
      expect(r.code).toBe(2);
      expect(r.err.split('\n')[0]).toBe(EXPECTED);
    }
  });

  test('without a position: error: file: message (a missing file, an empty stdin)', async () => {
    const v = await cli(['validate', 'missing.yaml']);
    const g = await cli(['graph', 'missing.yaml']);
    const l = await lock(['check', 'missing.yaml']);
    for (const r of [v, g, l]) expect(r.err.split('\n')[0]).toBe('error: missing.yaml: no such file or directory');
  });

  test('a lock file that is not JSON: its position; one that is not a lock: the fallback', async () => {
    write('ok.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a }\n');
    write('bad.lock.json', '{\n  "version": 1,\n  "objects": [,]\n}\n');
    const r = await lock(['check', '--lock', 'bad.lock.json', 'ok.yaml']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: bad\.lock\.json:3:15: not valid JSON: unexpected ","\. Restore it from version control, or delete it to lock the current objects /);
    write('other.lock.json', '{"version": 1, "objects": 3}');
    const o = await lock(['check', '--lock', 'other.lock.json', 'ok.yaml']);
    expect(o.err).toMatch(/^error: other\.lock\.json: is not a golden-paths lock file: /);
    const none = await lock(['check', '--lock', 'absent.lock.json', 'ok.yaml']);
    expect(none.err).toMatch(/^error: absent\.lock\.json: no such lock file: create it with `cdk8s-golden-paths lock update/);
  });
});
