import { renderRulesDoc } from '../../scripts/gen-rules-doc';
import { KUBE_LINTER_CHECKS } from '../../scripts/kube-linter-coverage';
import { Validator } from '../../src';

describe('kube-linter coverage (docs/rules.md)', () => {
  test('lists each of kube-linter\'s 66 checks once, each covered by existing rules or with the reason none should', () => {
    expect(KUBE_LINTER_CHECKS).toHaveLength(66);
    expect(new Set(KUBE_LINTER_CHECKS.map((c) => c.check)).size).toBe(66);
    const ids = new Set(Validator.rules().map((r) => r.id));
    for (const c of KUBE_LINTER_CHECKS) {
      const rules = c.rules ?? [];
      expect(`${c.check}: ${rules.length > 0 !== (c.reason !== undefined)}`).toBe(`${c.check}: true`);
      for (const id of rules) expect(`${c.check} -> ${id} ${ids.has(id)}`).toBe(`${c.check} -> ${id} true`);
      if (c.reason) expect(c.reason.length).toBeGreaterThan(30);
    }
  });

  test('at least 45 checks are covered', () => {
    expect(KUBE_LINTER_CHECKS.filter((c) => c.rules?.length).length).toBeGreaterThanOrEqual(45);
  });

  test('the rules reference holds the table', () => {
    const doc = renderRulesDoc();
    expect(doc).toContain('## kube-linter checks and the rules that cover them');
    for (const c of KUBE_LINTER_CHECKS) expect(doc).toContain(`| ${c.check} | ${(c.rules ?? []).join(', ')} |`);
  });
});
