/**
 * Python users: jsii-pacmak generates the Python package from the compiled assembly (.jsii), and every public type
 * of the library must come out as a Python class.
 *
 * The test stages a copy of the compiled package (package.json and assembly declaring the python target set
 * in .projenrc.ts) and runs `jsii-pacmak --target python --code-only`: that generates the package source
 * offline. A full `jsii-pacmak --target python` also builds the wheel in a virtualenv, which needs
 * setuptools ~75.3, build and twine from PyPI (not reachable where this was written): the wheel is built below with
 * Debian's setuptools instead.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.join(__dirname, '..', '..');
const PYTHON_TARGET = { distName: 'cdk8s-golden-paths', module: 'cdk8s_golden_paths' };

let work: string;
let assembly: { name: string; version: string; types: { [fqn: string]: { name: string; kind: string } } };
let initPy: string;
let pkgDir: string;

beforeAll(() => {
  const assemblyFile = path.join(root, '.jsii');
  if (!fs.existsSync(assemblyFile)) throw new Error('.jsii is missing: run `npx projen compile` (npm test does) before this test');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-paths-pacmak-'));
  const stage = path.join(work, 'package');
  fs.mkdirSync(stage);

  // The package as jsii compiled it, plus a python target in package.json and in the assembly.
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  pkg.jsii = { ...pkg.jsii, targets: { ...pkg.jsii.targets, python: PYTHON_TARGET } };
  fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify(pkg, null, 2));
  assembly = JSON.parse(fs.readFileSync(assemblyFile, 'utf8'));
  fs.writeFileSync(path.join(stage, '.jsii'), JSON.stringify({ ...assembly, targets: { ...(assembly as any).targets, python: PYTHON_TARGET } }));
  for (const f of ['lib', 'README.md', 'LICENSE']) fs.cpSync(path.join(root, f), path.join(stage, f), { recursive: true });
  // dependencies' assemblies (cdk8s, cdk8s-plus-27, constructs) and the bundled yaml resolve from the repository
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(stage, 'node_modules'), 'dir');

  const out = path.join(work, 'out');
  execFileSync(path.join(root, 'node_modules', '.bin', 'jsii-pacmak'), ['--target', 'python', '--code-only', '-o', out], {
    cwd: stage, stdio: ['ignore', 'ignore', 'pipe'], timeout: 150_000,
  });
  pkgDir = path.join(out, 'python');
  initPy = fs.readFileSync(path.join(pkgDir, 'src', PYTHON_TARGET.module, '__init__.py'), 'utf8');
}, 180_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('the generated Python package holds the constructs, the validator and the plugin', () => {
  for (const cls of [
    'BlockStorageClass', 'FileStorageClass', 'ExistingStorageClass', 'SharedRwxVolume', 'StatefulDatabase', 'ManagedDatabase',
    'WebRoute', 'WebGateway', 'IngressController', 'RouteOutput', 'GatewayRef', 'DeployLock', 'PlatformDefaults', 'PlatformPolicy', 'Validator', 'GoldenPathsValidationPlugin',
  ]) {
    expect(initPy).toMatch(new RegExp(`^class ${cls}\\(`, 'm'));
  }
  // constructs extend the Python Construct of the constructs package
  expect(initPy).toMatch(/^class StatefulDatabase\(\s*_constructs_[0-9a-f]+\.Construct,/m);
});

test('every public type of the assembly becomes a Python class', () => {
  const missing = Object.values(assembly.types).map((t) => t.name).filter((name) => !new RegExp(`^class ${name}[(:]`, 'm').test(initPy));
  expect(missing).toEqual([]);
  expect(Object.keys(assembly.types).length).toBeGreaterThan(50);
});

test('the package declares its Python dependencies and embeds the JavaScript tarball', () => {
  const setupPy = fs.readFileSync(path.join(pkgDir, 'setup.py'), 'utf8');
  for (const dep of ['cdk8s', 'cdk8s-plus-27', 'constructs', 'jsii']) expect(setupPy).toMatch(new RegExp(`"${dep}>=`));
  expect(fs.existsSync(path.join(pkgDir, 'src', PYTHON_TARGET.module, '_jsii', `${assembly.name}@${assembly.version}.jsii.tgz`))).toBe(true);
});

/**
 * The wheel, built offline from the generated source with Debian's python3-pip, python3-setuptools and python3-wheel
 * (in the machine image; .ci/run installs them where missing). jsii-pacmak's own build cannot run offline: it
 * pip-installs setuptools~=75.3.2, build~=1.5.0, twine~=7.0.0 and packaging>=26.3 into a venv, versions no Debian
 * package has (bookworm: setuptools 66.1.1, python3-build 0.9.0, twine 4.0.2, packaging 23.0). `pip wheel
 * --no-build-isolation --no-index` builds the same setup.py with the setuptools at hand.
 */
function pythonWithSetuptools(): string | undefined {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(candidate, ['-c', 'import setuptools, wheel, pip'], { encoding: 'utf8' });
    if (r.status === 0) return candidate;
  }
  return undefined;
}

test('the Python wheel builds offline and holds the module, its typing marker and the JavaScript tarball', () => {
  const py = pythonWithSetuptools();
  if (!py) throw new Error('no python3 with pip, setuptools and wheel: apt-get install python3-pip python3-setuptools python3-wheel');
  const wheels = path.join(work, 'wheels');
  const r = spawnSync(py, ['-m', 'pip', 'wheel', '--no-deps', '--no-build-isolation', '--no-index', '--disable-pip-version-check', '-w', wheels, pkgDir], {
    encoding: 'utf8', timeout: 120_000,
  });
  expect({ status: r.status, stderr: r.status === 0 ? '' : r.stderr }).toEqual({ status: 0, stderr: '' });
  const files = fs.readdirSync(wheels);
  expect(files).toEqual([`cdk8s_golden_paths-${assembly.version}-py3-none-any.whl`]);
  const list = spawnSync(py, ['-c', [
    'import sys, zipfile',
    'z = zipfile.ZipFile(sys.argv[1])',
    'print("\\n".join(z.namelist()))',
    'meta = [n for n in z.namelist() if n.endswith(".dist-info/METADATA")][0]',
    'print(z.read(meta).decode())',
  ].join('\n'), path.join(wheels, files[0])], { encoding: 'utf8' });
  expect(list.status).toBe(0);
  expect(list.stdout).toContain(`${PYTHON_TARGET.module}/__init__.py`);
  expect(list.stdout).toContain(`${PYTHON_TARGET.module}/py.typed`);
  expect(list.stdout).toContain(`${PYTHON_TARGET.module}/_jsii/${assembly.name}@${assembly.version}.jsii.tgz`);
  expect(list.stdout).toMatch(/^Name: cdk8s-golden-paths$/m);
  for (const dep of ['jsii', 'cdk8s', 'cdk8s-plus-27', 'constructs', 'publication']) expect(list.stdout).toMatch(new RegExp(`^Requires-Dist: ${dep}\\b`, 'm'));
}, 150_000);

// The jsii Python runtime (PyPI package `jsii`) is not installable offline (not on npm, not in Debian), so the package
// cannot be imported here; it must at least compile.
const python = spawnSync('python3', ['--version'], { encoding: 'utf8' }).status === 0 ? 'python3' : undefined;
(python ? test : test.skip)(`the generated Python source compiles${python ? '' : ' (SKIPPED: no python3 on PATH)'}`, () => {
  const r = spawnSync(python!, ['-m', 'py_compile', path.join(pkgDir, 'src', PYTHON_TARGET.module, '__init__.py')], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});
