import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { RuleFixture } from './fixture';
import { bundleRules } from '../../../scripts/bundle-rules';
import { Validator } from '../../../src';

/*
 * The compiled rules bundle (scripts/bundle-rules.ts, a step of the compile task) against the rule files: same rules,
 * same findings, and the registry falls back to the files when a module was compiled after the bundle.
 */

const root = path.join(__dirname, '..', '..', '..');

/** src/ compiled to CommonJS in a temporary lib/ (as jsii does, without type checking), with the schema data. */
function compileSrc(lib: string): void {
  const src = path.join(root, 'src');
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]));
  for (const file of walk(src)) {
    const out = path.join(lib, path.relative(src, file));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    if (file.endsWith('.json') || file.endsWith('.json.gz')) fs.copyFileSync(file, out);
    if (!file.endsWith('.ts')) continue;
    const js = ts.transpileModule(fs.readFileSync(file, 'utf-8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, inlineSourceMap: true, inlineSources: true },
      fileName: file,
    }).outputText;
    fs.writeFileSync(out.replace(/\.ts$/, '.js'), js);
  }
}

/** Validates the inputs with the compiled library in a fresh node process; says how many rule modules it loaded. */
function runCompiled(lib: string, inputs: unknown[]): { ruleModules: string[]; rules: unknown; findings: unknown } {
  const script = `
    const lib = require(${JSON.stringify(lib)});
    const inputs = JSON.parse(require('fs').readFileSync(${JSON.stringify(path.join(lib, '..', 'inputs.json'))}, 'utf-8'));
    const findings = inputs.map((i) => lib.Validator.validate(i.objects, { knownStorageClasses: i.knownStorageClasses, kubernetesVersion: i.kubernetesVersion, customResourceDefinitions: i.customResourceDefinitions }));
    const ruleModules = Object.keys(require.cache).filter((f) => f.includes('/validation/rules/')).map((f) => f.split('/validation/rules/')[1]);
    process.stdout.write(JSON.stringify({ ruleModules, rules: lib.Validator.rules(), findings }));`;
  fs.writeFileSync(path.join(lib, '..', 'inputs.json'), JSON.stringify(inputs));
  // the temporary lib/ has no node_modules above it: packages resolve from the project's
  const env = { ...process.env, NODE_PATH: path.join(root, 'node_modules') };
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: root, env, encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024 }));
}

/** Every fixture without policies (policies hold objects that do not survive JSON), trips and passes. */
function fixtureInputs(): Array<{ objects: unknown[]; knownStorageClasses?: unknown[]; kubernetesVersion?: string; customResourceDefinitions?: unknown[] }> {
  return fs.readdirSync(__dirname).filter((f) => f.endsWith('.fixtures.ts')).sort()
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- fixture files are discovered, not imported by name
    .flatMap((f) => require(path.join(__dirname, f)).FIXTURES as RuleFixture[])
    .filter((f) => !f.policies)
    .flatMap((f) => [f.trips, f.passes].map((objects) => ({
      objects, knownStorageClasses: f.knownStorageClasses, kubernetesVersion: f.kubernetesVersion, customResourceDefinitions: f.customResourceDefinitions,
    })));
}

describe('rules bundle', () => {
  let tmp: string;
  let lib: string;
  const cases = fixtureInputs();
  const expected = JSON.parse(JSON.stringify({
    rules: Validator.rules(),
    findings: cases.map((i) => Validator.validate(i.objects, {
      knownStorageClasses: i.knownStorageClasses as any, kubernetesVersion: i.kubernetesVersion as any, customResourceDefinitions: i.customResourceDefinitions,
    })),
  }));

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rules-bundle-'));
    lib = path.join(tmp, 'lib');
    compileSrc(lib);
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('without a bundle the rules load from their files', () => {
    const run = runCompiled(lib, cases);
    expect(run.ruleModules).toContain('sto/sto-012.js');
    expect({ rules: run.rules, findings: run.findings }).toEqual(expected);
  });

  test('the bundle holds every rule module, and the registry loads it alone, with the same rules and findings', () => {
    expect(bundleRules(lib)).toBe(fs.readdirSync(path.join(lib, 'validation', 'rules'), { recursive: true })
      .filter((f) => String(f).includes('/') && String(f).endsWith('.js')).length);
    const run = runCompiled(lib, cases);
    expect(run.ruleModules).toEqual(['bundle.js']);
    expect({ rules: run.rules, findings: run.findings }).toEqual(expected);
  });

  test('a module compiled after the bundle makes the registry load the files', () => {
    bundleRules(lib);
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(lib, 'validation', 'rules', 'sto', 'sto-012.js'), later, later);
    const run = runCompiled(lib, cases);
    expect(run.ruleModules).toContain('sto/sto-012.js');
    expect({ rules: run.rules, findings: run.findings }).toEqual(expected);
  });
});
