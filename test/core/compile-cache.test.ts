import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

/*
 * The CLI's code cache (src/core/compile-cache.ts), in fresh node processes: a small package whose modules are compiled
 * with the cache, the cache written only to a private directory of the user, a damaged or foreign cache never failing
 * the run, and the environment switch.
 */

const root = path.join(__dirname, '..', '..');
let tmp: string;
let pkg: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'compile-cache-test-'));
  pkg = path.join(tmp, 'pkg');
  fs.mkdirSync(path.join(pkg, 'lib'), { recursive: true });
  const js = ts.transpileModule(fs.readFileSync(path.join(root, 'src', 'core', 'compile-cache.ts'), 'utf-8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  fs.writeFileSync(path.join(pkg, 'lib', 'compile-cache.js'), js);
  fs.writeFileSync(path.join(pkg, 'lib', 'a.js'), 'const b = require("./b"); exports.answer = () => b.twice(21) + ":" + require.resolve("./b").endsWith("b.js");\n');
  fs.writeFileSync(path.join(pkg, 'lib', 'b.js'), 'exports.twice = (x) => { const f = (y) => y * 2; return f(x); };\n');
  fs.writeFileSync(path.join(tmp, 'outside.js'), 'exports.where = __filename;\n');
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Runs the package in a fresh process with the cache on; returns what it printed. */
function run(env: Record<string, string | undefined>): { status: any; answer: string; outside: string } {
  const script = `
    const s = require(${JSON.stringify(path.join(pkg, 'lib', 'compile-cache.js'))}).enableCompileCache(${JSON.stringify(pkg)});
    const a = require(${JSON.stringify(path.join(pkg, 'lib', 'a.js'))});
    const o = require(${JSON.stringify(path.join(tmp, 'outside.js'))});
    process.stdout.write(JSON.stringify({ status: s, answer: a.answer(), outside: o.where }));`;
  const clean: Record<string, string | undefined> = { ...process.env, CDK8S_GOLDEN_PATHS_NO_COMPILE_CACHE: undefined, NODE_DISABLE_COMPILE_CACHE: undefined, ...env };
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { env: clean as NodeJS.ProcessEnv, encoding: 'utf-8' }));
}

function cacheFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? cacheFiles(path.join(dir, d.name)) : [path.join(dir, d.name)])).sort();
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- not in @types/node 20
const nodeHasOwnCache = typeof (require('module') as { enableCompileCache?: unknown }).enableCompileCache === 'function';

test('modules run the same with the cache, and the cache holds the package\'s files only', () => {
  const xdg = path.join(tmp, 'xdg-1');
  const first = run({ XDG_CACHE_HOME: xdg });
  expect(first.answer).toBe('42:true');
  expect(first.outside).toBe(path.join(tmp, 'outside.js'));
  expect(first.status.enabled).toBe(true);
  if (nodeHasOwnCache) {
    expect(first.status.how).toBe('node');
    return;
  }
  expect(first.status.how).toBe('vm');
  const files = cacheFiles(xdg);
  expect(files).toHaveLength(2); // a.js and b.js: compile-cache.js loads before the hook, outside.js is not the package's
  // eslint-disable-next-line no-bitwise -- permission bits: private to the user
  for (const f of files) expect(fs.statSync(f).mode & 0o077).toBe(0);
  const second = run({ XDG_CACHE_HOME: xdg });
  expect(second.answer).toBe('42:true');
  expect(cacheFiles(xdg)).toEqual(files);
});

test('a damaged cache file is replaced, never fatal', () => {
  if (nodeHasOwnCache) return;
  const xdg = path.join(tmp, 'xdg-2');
  run({ XDG_CACHE_HOME: xdg });
  const files = cacheFiles(xdg);
  for (const f of files) fs.writeFileSync(f, 'not a code cache');
  expect(run({ XDG_CACHE_HOME: xdg }).answer).toBe('42:true');
  for (const f of files) expect(fs.readFileSync(f, 'utf-8')).not.toBe('not a code cache');
});

test('off with CDK8S_GOLDEN_PATHS_NO_COMPILE_CACHE, and for a directory others can write', () => {
  const xdg = path.join(tmp, 'xdg-3');
  const off = run({ XDG_CACHE_HOME: xdg, CDK8S_GOLDEN_PATHS_NO_COMPILE_CACHE: '1' });
  expect(off).toMatchObject({ answer: '42:true', status: { enabled: false } });
  expect(fs.existsSync(xdg)).toBe(false);
  if (nodeHasOwnCache || process.platform === 'win32') return;
  const shared = path.join(tmp, 'xdg-4', 'cdk8s-golden-paths');
  fs.mkdirSync(shared, { recursive: true });
  fs.chmodSync(shared, 0o777);
  const refused = run({ XDG_CACHE_HOME: path.join(tmp, 'xdg-4') });
  expect(refused).toMatchObject({ answer: '42:true', status: { enabled: false } });
  expect(cacheFiles(shared)).toEqual([]);
});
