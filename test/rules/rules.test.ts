import * as fs from 'fs';
import * as path from 'path';
import { RuleFixture } from './fixture';
import { Validator } from '../../src';

/** Every *.fixtures.ts file in this folder, one per rule family. */
function loadFixtures(): RuleFixture[] {
  return fs.readdirSync(__dirname)
    .filter((f) => f.endsWith('.fixtures.ts'))
    .sort()
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- fixture files are discovered, not imported by name
    .flatMap((f) => require(path.join(__dirname, f)).FIXTURES as RuleFixture[]);
}

const fixtures = loadFixtures();
const rules = Validator.rules();

describe('rule registry', () => {
  test('rule ids are unique and well-formed', () => {
    const ids = rules.map((r) => r.id);
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

describe.each(fixtures.map((f) => [f.ruleId, f] as const))('%s', (ruleId, fixture) => {
  test('trips on the bad manifest', () => {
    const findings = Validator.validate(fixture.trips, { knownStorageClasses: fixture.knownStorageClasses, policies: fixture.policies });
    const mine = findings.filter((f) => f.ruleId === ruleId);
    expect(mine.map((f) => f.message).join('\n')).toContain(fixture.message);
  });
  test('passes the corrected manifest', () => {
    const findings = Validator.validate(fixture.passes, { knownStorageClasses: fixture.knownStorageClasses, policies: fixture.policies });
    expect(findings.filter((f) => f.ruleId === ruleId)).toEqual([]);
  });
});
