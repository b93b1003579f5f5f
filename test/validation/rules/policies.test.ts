/**
 * The platform-policy rules (POL-*) hold objects to the fields a policy sets, and to nothing else: the manifests of
 * every POL fixture that trip under their policy pass under a policy in force that sets no field, and under none.
 */
import { FIXTURES } from './pol.fixtures';
import { Validator } from '../../../src';

describe('a POL rule says nothing when the policy in force leaves its field out', () => {
  test('there are fixtures of every POL rule', () => {
    expect(new Set(FIXTURES.map((f) => f.ruleId)).size).toBe(Validator.rules().filter((r) => r.id.startsWith('POL-')).length);
  });

  test.each(FIXTURES.map((f, i) => [`${f.ruleId} #${i}`, f] as const))('%s', (_name, fixture) => {
    const findings = (policies: any[]) => Validator.validate(fixture.trips, { policies, knownStorageClasses: fixture.knownStorageClasses })
      .filter((f) => f.ruleId === fixture.ruleId || f.ruleId === 'VAL-002');
    // the same manifests do trip under the fixture's policy (so the two checks below are not empty by accident)
    expect(findings(fixture.policies ?? []).filter((f) => f.ruleId === fixture.ruleId).length).toBeGreaterThan(0);
    expect(findings([{ policy: {} }])).toEqual([]);
    expect(findings([])).toEqual([]);
  });
});
