import * as fs from 'fs';
import * as path from 'path';
import { RuleFixture } from './fixture';
import { Validator } from '../../../src';
import { allRules } from '../../../src/validation/registry';
import { Rule } from '../../../src/validation/rule';

/** Every *.fixtures.ts file in this folder (one per rule family), with the file each fixture comes from. */
function loadFixtures(): Array<RuleFixture & { readonly file: string }> {
  return fs.readdirSync(__dirname)
    .filter((f) => f.endsWith('.fixtures.ts'))
    .sort()
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- fixture files are discovered, not imported by name
    .flatMap((f) => (require(path.join(__dirname, f)).FIXTURES as RuleFixture[]).map((x) => ({ ...x, file: f })));
}

const fixtures = loadFixtures();
const rules = Validator.rules();

/** Where the rules live: src/validation/rules/<prefix>/<id>.ts. */
const RULES_DIR = path.join(__dirname, '..', '..', '..', 'src', 'validation', 'rules');
const RULE_FILE = /^([a-z]{3})-(\d{3})\.ts$/;

/** Every rule file: its folder, its name, and what it exports. */
function ruleFiles(): Array<{ dir: string; file: string; exports: Record<string, unknown> }> {
  return fs.readdirSync(RULES_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    .flatMap((dir) => fs.readdirSync(path.join(RULES_DIR, dir)).filter((f) => RULE_FILE.test(f)).sort()
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- rule files are discovered, not imported by name
      .map((file) => ({ dir, file, exports: require(path.join(RULES_DIR, dir, file)) as Record<string, unknown> })));
}

/** The order findings are reported in: rules run in this order (it interleaves families, see registry.ts). */
const REPORTING_ORDER = [
  'SCH-001', 'SCH-002', 'SCH-003', 'SCH-004', 'SCH-005',
  'API-001', 'API-002', 'API-003',
  'STO-001', 'STO-002', 'STO-003', 'STO-004', 'STO-005', 'STO-006', 'STO-007',
  'API-020', 'API-021', 'API-022', 'API-023', 'API-024', 'API-025', 'API-026', 'API-027', 'API-028', 'API-030',
  'API-031', 'API-032', 'API-033', 'API-040', 'API-050',
  'DBS-001', 'DBS-002', 'DBS-003', 'DBS-004',
  'API-010', 'API-011', 'API-012', 'API-013', 'API-014', 'API-015', 'API-016', 'API-017', 'API-018',
  'STO-010', 'STO-011', 'STO-012', 'STO-013', 'STO-014', 'STO-015', 'STO-016', 'STO-017', 'STO-018', 'STO-019',
  'STO-020', 'STO-021', 'STO-022', 'STO-023', 'STO-024', 'STO-025',
  'WKL-001', 'WKL-002', 'WKL-003', 'WKL-004', 'WKL-005', 'WKL-006', 'WKL-007', 'WKL-008', 'WKL-009', 'WKL-010',
  'WKL-011', 'WKL-012', 'WKL-013', 'WKL-014', 'WKL-015', 'WKL-016', 'WKL-017', 'WKL-018', 'WKL-019', 'WKL-020',
  'WKL-021', 'WKL-022', 'WKL-023', 'WKL-024', 'WKL-025', 'WKL-026', 'WKL-027', 'WKL-028', 'WKL-029', 'WKL-030',
  'WKL-031', 'WKL-032', 'WKL-033',
  'SEC-001', 'SEC-002', 'SEC-003', 'SEC-004', 'SEC-005', 'SEC-006', 'SEC-007', 'SEC-008', 'SEC-009', 'SEC-010',
  'SEC-011', 'SEC-012', 'SEC-013', 'SEC-014', 'SEC-015', 'SEC-016', 'SEC-017', 'SEC-018', 'SEC-019', 'SEC-020',
  'SEC-021', 'SEC-022', 'SEC-023', 'SEC-024', 'SEC-025', 'SEC-026', 'SEC-027', 'SEC-028',
  'ING-001', 'ING-002', 'ING-003', 'ING-004', 'ING-005', 'ING-006', 'ING-007', 'ING-008', 'ING-009', 'ING-010',
  'ING-011', 'ING-012', 'ING-013', 'ING-014', 'ING-015', 'ING-016',
  'GWY-001', 'GWY-002', 'GWY-003', 'GWY-004', 'GWY-005', 'GWY-006', 'GWY-007', 'GWY-008', 'GWY-009', 'GWY-010',
  'GWY-011', 'GWY-012',
  'POL-001', 'POL-002', 'POL-003', 'POL-004', 'POL-005', 'POL-006', 'POL-007', 'POL-008',
];

describe('rule registry', () => {
  test('rule ids are unique and well-formed', () => {
    const ids = rules.map((r) => r.id);
    expect(ids.length).toBeGreaterThan(100);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Z]{3}-\d{3}$/);
  });

  test.each(rules.map((r) => [r.id, r] as const))('%s has what, why and fix', (_id, rule) => {
    expect(rule.what.length).toBeGreaterThan(20);
    expect(rule.why.length).toBeGreaterThan(20);
    expect(rule.fix.length).toBeGreaterThan(10);
  });

  test('every rule has a fixture that trips it and one that does not', () => {
    const withFixture = new Set(fixtures.map((f) => f.ruleId));
    const exempt = new Set(['VAL-002']); // a rule crash cannot be provoked by a manifest; tested in validator.test.ts
    const missing = rules.map((r) => r.id).filter((id) => !withFixture.has(id) && !exempt.has(id));
    expect(missing).toEqual([]);
  });
});

describe('rule files', () => {
  const files = ruleFiles();
  const registry = allRules();

  test('each rule file sits in the folder of its prefix and exports exactly the rule its name says', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const { dir, file, exports } of files) {
      const [, prefix, num] = RULE_FILE.exec(file)!;
      const id = `${prefix.toUpperCase()}-${num}`;
      expect(`${dir}/${file}`).toBe(`${prefix}/${file}`);
      expect(Object.keys(exports)).toEqual([id.replace('-', '_')]);
      expect((exports[id.replace('-', '_')] as Rule).id).toBe(id);
    }
  });

  test('every rule of the registry comes from its file, exactly once', () => {
    const fromFiles = files.map((f) => Object.values(f.exports)[0] as Rule);
    expect(fromFiles.length).toBeGreaterThan(100);
    expect(registry.length).toBe(fromFiles.length);
    for (const rule of fromFiles) expect(registry.filter((r) => r === rule).map((r) => r.id)).toEqual([rule.id]);
  });

  test('no rule file imports another rule file', () => {
    expect(files.length).toBeGreaterThan(100);
    for (const { dir, file } of files) {
      const text = fs.readFileSync(path.join(RULES_DIR, dir, file), 'utf-8');
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      expect({ file, ruleImports: imports.filter((i) => RULE_FILE.test(`${path.basename(i)}.ts`)) }).toEqual({ file, ruleImports: [] });
    }
  });

  test('the rules run, and report, in the same order as before the split', () => {
    expect(registry.map((r) => r.id)).toEqual(REPORTING_ORDER);
  });

  test('each fixture sits in the fixtures file of its prefix', () => {
    expect(fixtures.length).toBeGreaterThan(100);
    for (const f of fixtures) expect(`${f.ruleId}: ${f.file}`).toBe(`${f.ruleId}: ${f.ruleId.slice(0, 3).toLowerCase()}.fixtures.ts`);
  });
});

describe.each(fixtures.map((f) => [f.ruleId, f] as const))('%s', (ruleId, fixture) => {
  const options = {
    knownStorageClasses: fixture.knownStorageClasses,
    policies: fixture.policies,
    kubernetesVersion: fixture.kubernetesVersion,
    customResourceDefinitions: fixture.customResourceDefinitions,
  };
  test('trips on the bad manifest', () => {
    const findings = Validator.validate(fixture.trips, options);
    const mine = findings.filter((f) => f.ruleId === ruleId);
    expect(mine.map((f) => f.message).join('\n')).toContain(fixture.message);
    expect(mine.map((f) => f.fix).join('\n')).toContain(fixture.fix ?? '');
    // no rule crashed on it (a crash is a VAL-002 finding, not an exception)
    expect(findings.filter((f) => f.ruleId === 'VAL-002').map((f) => f.message)).toEqual([]);
  });
  test('passes the corrected manifest', () => {
    const findings = Validator.validate(fixture.passes, options);
    expect(findings.filter((f) => f.ruleId === ruleId)).toEqual([]);
    expect(findings.filter((f) => f.ruleId === 'VAL-002').map((f) => f.message)).toEqual([]);
  });
});
