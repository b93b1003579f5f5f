import * as fs from 'fs';
import { RULES_DOC, renderRulesDoc } from '../../scripts/gen-rules-doc';
import { Validator } from '../../src';

describe('docs/rules.md', () => {
  test('is up to date with the rule registry (run `npm run docs:rules`)', () => {
    const committed = fs.existsSync(RULES_DOC) ? fs.readFileSync(RULES_DOC, 'utf-8') : '';
    expect(committed).toBe(renderRulesDoc());
  });

  test('lists every rule with severity, what, why and fix', () => {
    const doc = renderRulesDoc();
    expect(Validator.rules().length).toBeGreaterThan(100);
    for (const r of Validator.rules()) expect(doc).toContain(`| ${r.id} | ${r.severity} |`);
    expect(doc).toContain('golden-paths.dev/suppress.');
  });
});

test('README.md states the number of rules the registry holds', () => {
  const readme = fs.readFileSync(`${__dirname}/../../README.md`, 'utf-8');
  expect(/One set of rules \((\d+),/.exec(readme)?.[1]).toBe(String(Validator.rules().length));
});
