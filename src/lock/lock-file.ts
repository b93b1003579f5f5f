import { createHash } from 'crypto';
import { isObject, sortKeys } from '../core/values';

/**
 * The lock-file format: what a lock holds, canonical values and their digests, and the file text (serialize, parse).
 *
 * Pure functions over plain data; extraction (extract.ts) fills a lock from objects, comparison (compare.ts) reads one.
 */

/** Version of the lock-file format this library writes and reads. */
export const LOCK_FORMAT_VERSION = 1;

/** Default lock-file name, next to the app (the current directory). */
export const DEFAULT_LOCK_FILE = 'golden-paths.lock.json';

/** Environment variable that accepts every change and rewrites the lock at synth (`1` or `true`). */
export const ACCEPT_CHANGES_ENV = 'GOLDEN_PATHS_ACCEPT_CHANGES';

const LOCK_COMMENT = 'Immutable fields of the objects this app deploys, written by cdk8s-golden-paths. Commit this file. '
  + 'A change here is an accepted change to a field Kubernetes refuses to update in place: review it with its migration.';

/** Canonical JSON strings up to this length are kept readable in the lock; longer values become a hash. */
const READABLE_MAX = 100;

/** Locked fields of one object, by path. */
export type Fields = Record<string, string>;

/**
 * One object in the lock file: its identity and its immutable fields.
 */
export interface LockedObject {
  /** `kind` of the object. */
  readonly kind: string;
  /**
   * `metadata.namespace` as written.
   * @default - cluster-scoped, or not set (the namespace kubectl applies to)
   */
  readonly namespace?: string;
  /** `metadata.name` of the object. */
  readonly name: string;
  /**
   * Immutable fields, by path (e.g. `volumeClaimTemplates[data].storage`): a readable value where small,
   * `sha256:<16 hex>` of the canonical JSON where large.
   */
  readonly fields: { [path: string]: string };
}

/**
 * The contents of a lock file.
 */
export interface LockFile {
  /** Format version ({@link DeployLock.FORMAT_VERSION}). */
  readonly version: number;
  /** Locked objects, sorted by kind, namespace and name. */
  readonly objects: LockedObject[];
}

// ---------------------------------------------------------------------------------------------------------------
// Canonical values

/** JSON with object keys sorted at every level; undefined members dropped. Never throws (cycles become "[cycle]"). */
export function canonicalJson(value: unknown): string {
  const seen = new Set<unknown>();
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') {
      return typeof v === 'number' && !Number.isFinite(v) ? String(v) : typeof v === 'bigint' ? String(v) : v;
    }
    if (seen.has(v)) return '[cycle]';
    seen.add(v);
    let out: unknown;
    if (Array.isArray(v)) {
      out = v.map((x) => (x === undefined ? null : walk(x)));
    } else {
      const o: Record<string, unknown> = {};
      for (const k of Object.keys(v as object).sort()) {
        const x = (v as Record<string, unknown>)[k];
        if (x !== undefined && typeof x !== 'function' && typeof x !== 'symbol') o[k] = walk(x);
      }
      out = o;
    }
    seen.delete(v);
    return out;
  };
  return JSON.stringify(walk(value)) ?? 'null';
}

/** `sha256:` and the first 16 hex digits of the hash of the canonical JSON. */
export function hash(value: unknown): string {
  return 'sha256:' + createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 16);
}

/** A value as it is recorded: readable canonical JSON when short, a hash when long. */
export function digest(value: unknown): string {
  const json = canonicalJson(value);
  return json.length <= READABLE_MAX ? json : hash(value);
}

// ---------------------------------------------------------------------------------------------------------------
// Order

/** The order of locked objects: kind, then namespace, then name. */
export function sortKey(o: LockedObject): string {
  return `${o.kind}\u0000${o.namespace ?? ''}\u0000${o.name}`;
}

/** A comparator by a string key, in code-point order. */
export function byKey<T>(key: (x: T) => string): (a: T, b: T) => number {
  return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

/** A locked object with its fields in key order (and no namespace member when it has none). */
export function lockedObject(kind: string, namespace: string | undefined, name: string, fields: Fields): LockedObject {
  return { kind, ...(namespace !== undefined ? { namespace } : {}), name, fields: sortKeys(fields) };
}

// ---------------------------------------------------------------------------------------------------------------
// File text

/** The lock as file text: deterministic (sorted objects and fields, two-space indent, trailing newline). */
export function serializeLock(lock: LockFile): string {
  const objects = [...lock.objects].sort(byKey(sortKey)).map((o) => lockedObject(o.kind, o.namespace, o.name, o.fields));
  return JSON.stringify({ $comment: LOCK_COMMENT, version: lock.version, objects }, null, 2) + '\n';
}

/**
 * Parses lock-file text. Throws an Error with a message a user can act on when it is not a lock file.
 *
 * @param text file contents
 * @param file file name for messages
 */
export function parseLock(text: string, file: string = DEFAULT_LOCK_FILE): LockFile {
  let data: any;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file} is not valid JSON (${(e as Error).message}). Restore it from version control, or delete it to lock the current objects afresh.`);
  }
  const bad = notALockFile(file);
  if (!isObject(data)) throw bad('the top level is not an object');
  if (typeof data.version !== 'number') throw bad('it has no numeric "version"');
  if (data.version > LOCK_FORMAT_VERSION) {
    throw new Error(`${file} has format version ${data.version}, newer than this cdk8s-golden-paths understands (${LOCK_FORMAT_VERSION}). Upgrade cdk8s-golden-paths.`);
  }
  if (data.version !== LOCK_FORMAT_VERSION) throw bad(`unknown version ${data.version}`);
  if (!Array.isArray(data.objects)) throw bad('"objects" is not a list');
  const objects: LockedObject[] = data.objects.map((o: unknown, i: number) => parseLockedObject(o, i, bad));
  return { version: data.version, objects };
}

function notALockFile(file: string): (what: string) => Error {
  return (what) => new Error(`${file} is not a golden-paths lock file: ${what}. Restore it from version control, or delete it to lock the current objects afresh.`);
}

/** One entry of `objects`, its fields as they are written (in file order). */
function parseLockedObject(o: unknown, i: number, bad: (what: string) => Error): LockedObject {
  if (!isObject(o) || typeof o.kind !== 'string' || typeof o.name !== 'string' || !isObject(o.fields)
    || (o.namespace !== undefined && typeof o.namespace !== 'string')) {
    throw bad(`objects[${i}] needs "kind" and "name" strings and a "fields" object`);
  }
  const fields: Fields = {};
  for (const [k, v] of Object.entries(o.fields)) {
    if (typeof v !== 'string') throw bad(`objects[${i}].fields[${JSON.stringify(k)}] is not a string`);
    fields[k] = v;
  }
  return { kind: o.kind, ...(o.namespace !== undefined ? { namespace: o.namespace } : {}), name: o.name, fields };
}
