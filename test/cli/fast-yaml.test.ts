/**
 * The fast YAML reader (js-yaml with a YAML 1.1 schema) gives the same values and lines as the `yaml` package, which
 * the loader used alone before (issue 17); what js-yaml cannot read is read again by the `yaml` package, so errors are
 * those of the `yaml` package.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { fastParse } from '../../src/cli/fast-yaml';
import { LoadOptions, parseManifestText } from '../../src/cli/load-manifests';

const both = (text: string, options: LoadOptions = {}) => ({
  fast: parseManifestText(text, 'f.yaml', { ...options, parser: 'fast' }),
  yaml: parseManifestText(text, 'f.yaml', { ...options, parser: 'yaml' }),
});

/** Values compare with NaN equal to NaN and -0 equal to 0 (JSON.stringify would lose NaN and Infinity). */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b) || (a === 0 && b === 0);
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => kb.includes(k) && same((a as any)[k], (b as any)[k]));
  }
  return a === b;
}

function expectSame(text: string, fastPath = true): void {
  // the fast path read it (no fallback to the yaml package), and both readers agree
  expect(fastParse(text, 200, 100) !== undefined).toBe(fastPath);
  const { fast, yaml } = both(text);
  expect(fast.errors).toEqual(yaml.errors);
  expect(fast.inputs.map((i) => i.line)).toEqual(yaml.inputs.map((i) => i.line));
  expect(fast.inputs.length).toBe(yaml.inputs.length);
  fast.inputs.forEach((f, i) => {
    if (!same(f.object, yaml.inputs[i].object)) {
      throw new Error(`different values for\n${text}\nfast: ${JSON.stringify(f.object)}\nyaml: ${JSON.stringify(yaml.inputs[i].object)}`);
    }
  });
}

/** Plain scalars of every kind YAML 1.1 resolves, and near misses. */
const SCALARS = [
  'yes', 'Yes', 'YES', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF', 'y', 'Y', 'n', 'N', 'true', 'True', 'TRUE', 'false',
  'False', 'FALSE', 'yEs', 'oN', '~', 'null', 'Null', 'NULL', 'nULL', '0644', '0777', '0800', '09', '0', '-0', '+0', '00', '0_7', '0_',
  '0x1F', '0X1F', '0x', '-0x10', '0b101', '0b', '+0b11', '1_000', '1__0', '+12', '-12', '12_', '1.5', '.5', '1.', '.', '-.', '1.5e3',
  '1e3', '1E-3', '6.0e+23', '1e', 'e3', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '.NAN', 'inf', 'nan', '1:30', '-1:30:00', '1:30.5',
  '12:60', '2001-12-14', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5', '0o17', '1,000', '3.14.15', '+', '-', '0.1.2',
  'v1', '1.27', '10Gi', '500m', '*.example.com', 'null-ish', 'Yesterday', 'ONE', '"quoted"', "'single'", '"0644"', "'yes'", '""',
];

describe('the fast YAML reader agrees with the yaml package', () => {
  test.each(SCALARS)('scalar %s as value, key and list item', (s) => {
    // a null key is left to the yaml package (it makes it "", js-yaml "null"); "-" and "*.example.com" are no plain scalars
    expectSame(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  value: ${s}\n  list: [${s}, a]\n  block:\n    - ${s}\n  ${s}: key\n`,
      !/^(~|[Nn]ull|NULL|-|\*\.example\.com)$/.test(s));
  });

  test('an explicit tag js-yaml does not resolve as the yaml package does is read by the yaml package', () => {
    expectSame('float: !!float 1\nset: !!set {a, b}\n', false);
  });

  test('merges, anchors and aliases, block scalars, flow collections, explicit tags, comments, empty and List documents', () => {
    expectSame([
      '# leading comment', '---', 'base: &base', '  a: 1', '  b: [1, 2]', 'derived:', '  <<: *base', '  b: 3', 'multi: |', '  line 1', '  line 2',
      'folded: >-', '  one', '  two', 'flow: {a: 1, b: [x, y], c: {d: e}}', 'tagged: !!str 0644', 'int: !!int "12"', 'bin: !!binary aGVsbG8=',
      'ts: !!timestamp 2001-12-14', 'nothing:', 'quoted: "a\\tb"', '---', '---', '# only a comment', '---',
      'apiVersion: v1', 'kind: List', 'items:', '  - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}', '  - null',
      '  - apiVersion: v1', '    kind: ConfigMap', '    metadata: {name: b}', '...', '---', '- not an object', '',
    ].join('\n'));
  });

  test('every example the repository synthesizes and every real-world manifest of the tests', () => {
    const files = [
      ...fs.readdirSync(path.join(__dirname, '..', 'manifests')).map((f) => path.join(__dirname, '..', 'manifests', f)),
      ...fs.readdirSync(path.join(__dirname, '..', '..', 'docs')).filter((f) => f.endsWith('.yaml')).map((f) => path.join(__dirname, '..', '..', 'docs', f)),
    ];
    expect(files.length).toBeGreaterThan(2);
    for (const f of files) expectSame(fs.readFileSync(f, 'utf-8'));
  });

  test('bad input: the errors of the yaml package, with lines and columns', () => {
    for (const text of [
      'a: 1\na: 2\n', // duplicate key
      'a: [1, 2\n', // unclosed flow sequence
      'a:\n\t- tab\n', // tab indentation
      'ok: 1\n---\nbad: : :\n---\nfine: 2\n', // one bad document among good ones
      'a: *nowhere\n', // unknown alias
      'a: !Ref thing\n', // an unknown tag
    ]) {
      const { fast, yaml } = both(text);
      expect(fast).toEqual(yaml);
    }
    expect(both('a: 1\na: 2\n').fast.errors).toEqual([{ file: 'f.yaml', line: 2, column: 1, message: 'YAML syntax error: duplicate key "a" (map keys must be unique)' }]);
  });

  test('alias bombs and deep nesting are refused as before', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefghij'.split('').map((c, i) => {
      const prev = 'abcdefghij'[i];
      return `${c}: &${c} [${Array(10).fill(`*${prev}`).join(', ')}]`;
    })].join('\n');
    const { fast, yaml } = both(bomb);
    expect(fast).toEqual(yaml);
    expect(fast.errors.map((e) => e.message).join('\n')).toContain('YAML document rejected');
    const deep = `a: ${'['.repeat(300)}${']'.repeat(300)}\n`;
    expect(both(deep).fast).toEqual(both(deep).yaml);
    expect(both(deep).fast.errors.length).toBeGreaterThan(0);
  });

  test('any plain scalar fast-check writes (fixed seed)', () => {
    const chars = fc.constantFrom(...'0123456789_+-.:eExXbBoOnNyYtTfFaAlLsSuUiI~ '.split(''));
    fc.assert(fc.property(fc.stringOf(chars, { minLength: 1, maxLength: 8 }), (s) => {
      const plain = s.trim();
      if (!plain || /^[-?:,[\]{}#&*!|>'"%@`]/.test(plain) || /[:#]\s|\s#|:$/.test(plain)) return;
      const text = `v: ${plain}\nl: [${plain.replace(/[,[\]{}]/g, '')}]\n`;
      expectSame(text, fastParse(text, 200, 100) !== undefined);
    }), { numRuns: 3000, seed: 20261129 });
  });
});
