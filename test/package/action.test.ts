/**
 * The GitHub Action (action.yml) and the pre-commit hooks (.pre-commit-hooks.yaml), issue 19: their inputs and hooks
 * are documented in the README, and the Action's shell steps do what the README says, run here with bash against the
 * compiled CLI (bin/cdk8s-golden-paths; `npm test` compiles before jest).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';

const root = path.join(__dirname, '..', '..');
const action = parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8'));
const hooks = parse(fs.readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8'));
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const ciSection = readme.slice(readme.indexOf('## Use in CI'), readme.indexOf('\n## ', readme.indexOf('## Use in CI') + 5));

describe('action.yml', () => {
  test('is a composite action that validates and uploads SARIF with github/codeql-action/upload-sarif', () => {
    expect(action.runs.using).toBe('composite');
    const uses = action.runs.steps.map((s: any) => s.uses).filter((u: any) => u);
    expect(uses).toEqual(expect.arrayContaining([expect.stringMatching(/^github\/codeql-action\/upload-sarif@v\d+$/)]));
    const upload = action.runs.steps.find((s: any) => String(s.uses).startsWith('github/codeql-action/upload-sarif'));
    expect(upload.with).toEqual({ sarif_file: '${{ inputs.sarif-file }}', category: '${{ inputs.category }}' });
  });

  test('every input is documented in the README "Use in CI" table with its default', () => {
    const names = Object.keys(action.inputs);
    expect(names).toEqual(expect.arrayContaining(['path', 'kubernetes-version', 'policy', 'version', 'fail-on-error', 'upload-sarif']));
    for (const name of names) {
      const row = ciSection.split('\n').find((l) => l.startsWith(`| \`${name}\` |`));
      expect({ name, row }).toEqual({ name, row: expect.any(String) });
      const dflt = action.inputs[name].default;
      if (dflt) expect({ name, row }).toEqual({ name, row: expect.stringContaining(`\`${dflt}\``) });
      expect(action.inputs[name].description.length).toBeGreaterThan(20);
    }
    // and no row documents an input the Action does not have
    const rows = [...ciSection.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
    expect(rows.filter((r) => !names.includes(r))).toEqual([]);
    for (const out of Object.keys(action.outputs)) expect(ciSection).toContain(`\`${out}\``);
  });

  test('inputs reach the shell only through environment variables (no ${{ }} inside run scripts)', () => {
    for (const step of action.runs.steps) {
      if (typeof step.run === 'string') expect({ step: step.name, run: step.run }).toEqual({ step: step.name, run: expect.not.stringContaining('${{') });
    }
  });

  describe('the Validate and Result steps, run with bash', () => {
    const cli = path.join(root, 'bin', 'cdk8s-golden-paths');
    const step = (name: string) => action.runs.steps.find((s: any) => s.name === name);
    let dir: string;
    beforeAll(() => {
      if (!fs.existsSync(path.join(root, 'lib', 'cli', 'main.js'))) throw new Error('lib/ is missing: run `npx projen compile` (npm test does) before this test');
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gp-action-'));
      fs.mkdirSync(path.join(dir, 'dist'));
      fs.writeFileSync(path.join(dir, 'dist', 'legacy.k8s.yaml'), 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: gp2\nprovisioner: kubernetes.io/aws-ebs\n');
      fs.writeFileSync(path.join(dir, 'dist', 'ok.k8s.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n');
      fs.writeFileSync(path.join(dir, 'policy.yaml'), 'requiredLabels: [team]\n');
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    function run(name: string, env: Record<string, string>): { status: number | null; out: string; outputs: Record<string, string> } {
      const outputFile = path.join(dir, `output-${Math.random().toString(36).slice(2)}`);
      fs.writeFileSync(outputFile, '');
      // as GitHub runs `shell: bash` steps: bash --noprofile --norc -eo pipefail
      const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step(name).run], {
        cwd: dir, encoding: 'utf8', env: { ...process.env, GITHUB_OUTPUT: outputFile, ...env }, timeout: 60_000,
      });
      const outputs = Object.fromEntries(fs.readFileSync(outputFile, 'utf8').trim().split('\n').filter((l) => l).map((l) => l.split('=', 2)));
      return { status: r.status, out: r.stdout + r.stderr, outputs };
    }

    const validateEnv = (over: Record<string, string> = {}) => ({
      GP_CLI: cli, GP_PATH: 'dist', GP_KUBERNETES_VERSION: '', GP_POLICY: '', GP_ARGS: '', GP_SARIF: 'out.sarif', ...over,
    });

    test('writes the SARIF of the path, prints the findings, and reports exit code 1 on an error', () => {
      const r = run('Validate', validateEnv());
      expect(r.status).toBe(0);
      expect(r.outputs).toEqual({ 'exit-code': '1' });
      expect(r.out).toMatch(/^error STO-001 StorageClass\/gp2 \[dist\/legacy\.k8s\.yaml:1\]/m);
      const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'out.sarif'), 'utf8'));
      expect(sarif.runs[0].results.find((x: any) => x.ruleId === 'STO-001').locations[0].physicalLocation.artifactLocation.uri).toBe('dist/legacy.k8s.yaml');
    });

    test('passes the policy and extra arguments; several paths', () => {
      const r = run('Validate', validateEnv({ GP_POLICY: 'policy.yaml', GP_ARGS: '--disable STO-001', GP_PATH: 'dist/ok.k8s.yaml dist/legacy.k8s.yaml' }));
      expect(r.outputs).toEqual({ 'exit-code': '1' });
      expect(r.out).toMatch(/^error POL-006 ConfigMap\/settings/m);
      expect(r.out).not.toMatch(/STO-001/);
    });

    test('passes kubernetes-version as --kubernetes-version only when set', () => {
      const without = run('Validate', validateEnv());
      expect(without.out).not.toMatch(/kubernetes-version/);
      const withVersion = run('Validate', validateEnv({ GP_KUBERNETES_VERSION: '1.31', GP_ARGS: '' }));
      // answered by the CLI: either it checks against 1.31, or (before --kubernetes-version exists) it names the option
      expect(withVersion.outputs['exit-code'] === '1' || /unknown option --kubernetes-version/.test(withVersion.out)).toBe(true);
    });

    test('unreadable input: exit code 2', () => {
      fs.writeFileSync(path.join(dir, 'broken.yaml'), 'a: [\n');
      const r = run('Validate', validateEnv({ GP_PATH: 'broken.yaml' }));
      expect(r.outputs).toEqual({ 'exit-code': '2' });
      expect(r.out).toMatch(/^error: broken\.yaml:2:1: YAML syntax error/m);
    });

    test('the Result step fails on errors unless fail-on-error is false, and always on unreadable input', () => {
      expect(run('Result', { GP_CODE: '0', GP_FAIL_ON_ERROR: 'true' }).status).toBe(0);
      expect(run('Result', { GP_CODE: '1', GP_FAIL_ON_ERROR: 'true' })).toMatchObject({ status: 1, out: expect.stringContaining('::error::') });
      expect(run('Result', { GP_CODE: '1', GP_FAIL_ON_ERROR: 'false' })).toMatchObject({ status: 0, out: expect.stringContaining('::warning::') });
      expect(run('Result', { GP_CODE: '2', GP_FAIL_ON_ERROR: 'false' }).status).toBe(1);
    });
  });
});

describe('.pre-commit-hooks.yaml', () => {
  test('a validate hook and a lock check hook, run by the project\'s installed bin', () => {
    expect(hooks.map((h: any) => h.id)).toEqual(['cdk8s-golden-paths-validate', 'cdk8s-golden-paths-lock-check']);
    // the project's installed copy (pre-commit's `language: node` packs the repository with `npm pack` and reads the
    // file name from its stdout, which the banner of our `prepare` script breaks: measured with pre-commit 3.0.4)
    expect(hooks[0]).toMatchObject({ entry: 'npx --no cdk8s-golden-paths validate', language: 'system' });
    expect(hooks[1]).toMatchObject({ entry: 'npx --no cdk8s-golden-paths lock check', language: 'system', pass_filenames: false });
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.bin)).toEqual(['cdk8s-golden-paths']);
    expect(new RegExp(hooks[0].files).test('dist/shop.k8s.yaml')).toBe(true);
    expect(new RegExp(hooks[0].files).test('.github/workflows/ci.yml')).toBe(false);
  });

  test('the README snippet uses the hooks by id', () => {
    for (const h of hooks) expect(ciSection).toContain(`- id: ${h.id}`);
  });
});
