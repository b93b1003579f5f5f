import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';

/*
 * V8's code cache for the modules of this package, for the processes the package owns (the CLI): every run of
 * `cdk8s-golden-paths validate` compiles the same ~40 modules (the validator, the rules bundle, the schema walk), and
 * most of that compilation happens lazily, the first time each function runs. A code cache produced at the end of a
 * run holds those functions too; the next run deserializes them instead of parsing and compiling again.
 *
 * - Node >= 22.1: `module.enableCompileCache()` (Node's own cache, in its own directory).
 * - Node 20: the package's own files under `root` are compiled through `vm.Script` with `cachedData`; any other file
 *   (the user's, other packages') goes through Node's loader untouched.
 *
 * Safe by construction: keyed by a hash of the file's content with Node's and V8's versions, written atomically
 * (temporary file, then rename) to a directory of the current user (refused when another user owns it or others can
 * write to it), never failing the run (any error turns the cache off or skips a write), and off when the environment
 * sets CDK8S_GOLDEN_PATHS_NO_COMPILE_CACHE (or Node's own NODE_DISABLE_COMPILE_CACHE).
 *
 * Not part of the jsii API.
 */

/** Set (to anything but '' or '0') to turn the compile cache off. */
export const NO_COMPILE_CACHE_ENV = 'CDK8S_GOLDEN_PATHS_NO_COMPILE_CACHE';

/** What {@link enableCompileCache} did: for tests and `--debug` style diagnostics. */
export interface CompileCacheStatus {
  readonly enabled: boolean;
  /** `node` (module.enableCompileCache), `vm` (this module's cache for Node 20), or why it is off. */
  readonly how: string;
  readonly directory?: string;
}

/** The parts of Node's CommonJS loader the cache uses (not in @types/node as public API). */
interface CjsModule {
  exports: unknown;
  require(id: string): unknown;
  _compile(content: string, filename: string): unknown;
}
interface CjsModuleClass {
  prototype: CjsModule;
  _extensions: unknown;
  _cache: unknown;
  enableCompileCache?: (dir?: string) => { status: number; message?: string; directory?: string };
  wrap(content: string): string;
  _resolveFilename(request: string, parent: CjsModule, isMain: boolean, options?: unknown): string;
}

let status: CompileCacheStatus | undefined;

/**
 * Turns the compile cache on for this process, for the package's files under `root` (on Node 22.1 and later, Node's
 * own cache for every module). Idempotent; never throws.
 */
export function enableCompileCache(root: string): CompileCacheStatus {
  if (status) return status;
  try {
    status = enable(root);
  } catch (e) {
    status = { enabled: false, how: `error: ${(e as Error)?.message ?? String(e)}` };
  }
  return status;
}

function enable(root: string): CompileCacheStatus {
  if (isSet(process.env[NO_COMPILE_CACHE_ENV]) || isSet(process.env.NODE_DISABLE_COMPILE_CACHE)) return { enabled: false, how: 'disabled by the environment' };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Module = require('module') as CjsModuleClass;
  if (typeof Module.enableCompileCache === 'function') {
    const r = Module.enableCompileCache();
    return { enabled: r.status !== 0 /* FAILED */ && r.status !== 3 /* DISABLED */, how: 'node', directory: r.directory };
  }
  const dir = privateCacheDir();
  if (!dir) return { enabled: false, how: 'no private cache directory' };
  installHook(Module, path.resolve(root) + path.sep, dir);
  return { enabled: true, how: 'vm', directory: dir };
}

function isSet(v: string | undefined): boolean {
  return v !== undefined && v !== '' && v !== '0';
}

/**
 * A directory only the current user can write: `$XDG_CACHE_HOME/cdk8s-golden-paths/<node>` or, without it,
 * `<tmpdir>/cdk8s-golden-paths-<uid>/<node>`. Undefined when it cannot be created or is not private.
 */
function privateCacheDir(): string | undefined {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const xdg = process.env.XDG_CACHE_HOME;
  const base = xdg && path.isAbsolute(xdg) ? path.join(xdg, 'cdk8s-golden-paths') : path.join(os.tmpdir(), `cdk8s-golden-paths-${uid ?? 'user'}`);
  const dir = path.join(base, `node-${process.version}-v8-${process.versions.v8}-${process.arch}`);
  for (const d of [base, dir]) {
    fs.mkdirSync(d, { recursive: true, mode: 0o700 });
    const st = fs.lstatSync(d);
    if (!st.isDirectory()) return undefined; // a symlink planted in a shared temp directory
    // eslint-disable-next-line no-bitwise -- permission bits: group or others may write
    if (uid !== undefined && (st.uid !== uid || (st.mode & 0o022) !== 0)) return undefined;
  }
  return dir;
}

/** Compiles the files under `prefix` through vm.Script with the cached data of `dir`; writes new data at exit. */
function installHook(Module: CjsModuleClass, prefix: string, dir: string): void {
  const produced: Array<{ script: vm.Script; file: string }> = [];
  const original = Module.prototype._compile;
  Module.prototype._compile = function compileWithCache(this: CjsModule, content: string, filename: string): unknown {
    if (!filename.startsWith(prefix) || !filename.endsWith('.js')) return original.call(this, content, filename);
    const file = path.join(dir, crypto.createHash('sha256').update(content).digest('hex'));
    let cachedData: Buffer | undefined;
    try {
      cachedData = fs.readFileSync(file);
    } catch {
      cachedData = undefined; // not cached yet
    }
    const script = new vm.Script(Module.wrap(content), { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) produced.push({ script, file });
    const fn = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return fn.call(this.exports, this.exports, requireFor(Module, this), this, filename, path.dirname(filename));
  };
  // at exit the functions that ran are compiled: the cache then holds them too
  process.once('exit', () => {
    for (const p of produced) writeAtomically(p.file, () => p.script.createCachedData());
  });
}

/** The `require` a module's code sees (what Node's loader builds for it). */
function requireFor(Module: CjsModuleClass, mod: CjsModule): NodeJS.Require {
  const req = ((id: string) => mod.require(id)) as NodeJS.Require;
  const resolve = ((request: string, options?: unknown) => Module._resolveFilename(request, mod, false, options)) as NodeJS.RequireResolve;
  req.resolve = resolve;
  req.main = require.main;
  req.extensions = Module._extensions as NodeJS.RequireExtensions;
  req.cache = Module._cache as NodeJS.Dict<NodeModule>;
  return req;
}

/** Writes a file through a temporary one and a rename (readers see the old file or the new one); errors are ignored. */
function writeAtomically(file: string, data: () => Buffer): void {
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(tmp, data(), { mode: 0o600, flag: 'wx' });
    fs.renameSync(tmp, file);
  } catch {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // nothing written
    }
  }
}
