import { createHash } from 'crypto';
import { parseQuantity } from '../core/quantity';
import { isClusterScoped } from '../core/scope';
import { isObject, str } from '../core/values';
import { ExpansionSupport } from '../knowledge/storage/types';
import { Severity } from '../validation/finding';
import { KnownStorageClass, ManifestObject, ResolvedStorageClass, RuleContext } from '../validation/rule';
import { ManifestInput } from '../validation/validate';

/**
 * Day-2 safety: a lock file of the fields Kubernetes refuses to change after creation.
 *
 * Pure functions over plain objects (as parsed from YAML or produced by `chart.toJson()`): compute a lock,
 * serialize and parse it, and compare an old lock with new objects. The construct door (`DeployLock`) and the
 * CLI (`cdk8s-golden-paths lock ...`) both call these.
 *
 * Immutability facts: kubernetes/kubernetes pkg/apis/{apps,core,storage,batch}/validation/validation.go
 * (ValidateStatefulSetUpdate, ValidatePersistentVolumeClaimUpdate, ValidatePersistentVolumeUpdate,
 * ValidateStorageClassUpdate, ValidateServiceUpdate, ValidateJobUpdate, ValidateDeploymentUpdate).
 */

/** Version of the lock-file format this library writes and reads. */
export const LOCK_FORMAT_VERSION = 1;

/** Default lock-file name, next to the app (the current directory). */
export const DEFAULT_LOCK_FILE = 'golden-paths.lock.json';

/** Environment variable that accepts every change and rewrites the lock at synth (`1` or `true`). */
export const ACCEPT_CHANGES_ENV = 'GOLDEN_PATHS_ACCEPT_CHANGES';

/** Value shown for a field that is not set. */
export const NOT_SET = '(not set)';

const LOCK_COMMENT = 'Immutable fields of the objects this app deploys, written by cdk8s-golden-paths. Commit this file. '
  + 'A change here is an accepted change to a field Kubernetes refuses to update in place: review it with its migration.';

/** Canonical JSON strings up to this length are kept readable in the lock; longer values become a hash. */
const READABLE_MAX = 100;

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
  /** Format version ({@link LOCK_FORMAT_VERSION}). */
  readonly version: number;
  /** Locked objects, sorted by kind, namespace and name. */
  readonly objects: LockedObject[];
}

/**
 * A change to a locked field, or a locked object that is gone.
 */
export interface LockViolation {
  /** `error`: the cluster would refuse the change (or it would lose data); `warning`: allowed, with a caveat. */
  readonly severity: Severity;
  /** `kind` of the object. */
  readonly kind: string;
  /**
   * Namespace of the object.
   * @default - cluster-scoped or not set
   */
  readonly namespace?: string;
  /** `metadata.name` of the object. */
  readonly name: string;
  /** Path of the field, as in the lock file (`(object)` for a removed object). */
  readonly field: string;
  /** Value in the lock file. */
  readonly oldValue: string;
  /** Value in the new objects. */
  readonly newValue: string;
  /** What changed and why the cluster refuses it. */
  readonly message: string;
  /** The safe migration, one step per line. */
  readonly migration: string;
  /**
   * File the new object was read from (CLI).
   * @default - none
   */
  readonly file?: string;
  /**
   * 1-based line of the new object in its file (CLI).
   * @default - unknown
   */
  readonly line?: number;
  /**
   * Construct path of the new object (synth).
   * @default - none
   */
  readonly constructPath?: string;
}

/**
 * Options for comparing a lock with new objects.
 */
export interface LockCompareOptions {
  /**
   * StorageClasses that exist in the cluster but are not among the objects, for expansion guidance.
   * @default - only the classes among the objects and in the lock
   */
  readonly knownStorageClasses?: KnownStorageClass[];
  /**
   * How to accept a change, as shown at the end of each migration.
   * @default - both the synth variable and the CLI command
   */
  readonly acceptHint?: string;
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

/** A scalar as text; objects and lists as their digest; absent as undefined. */
function scalar(x: unknown): string | undefined {
  if (x === undefined || x === null) return undefined;
  if (typeof x === 'string') return x;
  if (typeof x === 'number' || typeof x === 'boolean') return String(x);
  return digest(x);
}

/** A label selector as kubectl writes it (`app=db,tier in (a,b)`), or its digest when it holds something else. */
export function selectorText(sel: unknown): string | undefined {
  if (sel === undefined || sel === null) return undefined;
  if (!isObject(sel)) return digest(sel);
  const parts: string[] = [];
  const known = new Set(['matchLabels', 'matchExpressions']);
  if (Object.keys(sel).some((k) => !known.has(k))) return digest(sel);
  if (sel.matchLabels !== undefined) {
    if (!isObject(sel.matchLabels)) return digest(sel);
    for (const k of Object.keys(sel.matchLabels).sort()) parts.push(`${k}=${scalar(sel.matchLabels[k]) ?? ''}`);
  }
  if (sel.matchExpressions !== undefined) {
    if (!Array.isArray(sel.matchExpressions)) return digest(sel);
    const exprs: string[] = [];
    for (const e of sel.matchExpressions) {
      if (!isObject(e) || typeof e.key !== 'string' || typeof e.operator !== 'string') return digest(sel);
      const values = Array.isArray(e.values) ? e.values.map((v: unknown) => scalar(v) ?? '').sort() : [];
      switch (e.operator) {
        case 'In': exprs.push(`${e.key} in (${values.join(',')})`); break;
        case 'NotIn': exprs.push(`${e.key} notin (${values.join(',')})`); break;
        case 'Exists': exprs.push(e.key); break;
        case 'DoesNotExist': exprs.push(`!${e.key}`); break;
        default: return digest(sel);
      }
    }
    parts.push(...exprs.sort());
  }
  return parts.length ? parts.join(',') : '(empty)';
}

/** Removes a path from a deep copy and prunes objects left empty. */
function without(obj: unknown, paths: string[][]): unknown {
  if (!isObject(obj)) return obj;
  const copy = JSON.parse(canonicalJson(obj));
  for (const path of paths) {
    const parents: any[] = [];
    let cur: any = copy;
    for (let i = 0; i < path.length - 1 && isObject(cur); i++) {
      parents.push(cur);
      cur = cur[path[i]];
    }
    if (!isObject(cur)) continue;
    delete cur[path[path.length - 1]];
    for (let i = parents.length - 1; i >= 0; i--) {
      const child = parents[i][path[i]];
      if (isObject(child) && Object.keys(child).length === 0) delete parents[i][path[i]];
    }
  }
  return copy;
}

function isEmpty(x: unknown): boolean {
  return x === undefined || x === null || (isObject(x) && Object.keys(x).length === 0);
}

// ---------------------------------------------------------------------------------------------------------------
// What is locked, per kind

type Fields = Record<string, string>;

function set(fields: Fields, key: string, value: string | undefined): void {
  if (value !== undefined) fields[key] = value;
}

function storageOf(spec: any): string | undefined {
  return isObject(spec) && isObject(spec.resources) && isObject(spec.resources.requests)
    ? scalar(spec.resources.requests.storage) : undefined;
}

function accessModesOf(spec: any): string | undefined {
  const m = isObject(spec) ? spec.accessModes : undefined;
  if (m === undefined || m === null) return undefined;
  return Array.isArray(m) ? m.map((x) => scalar(x) ?? '').join(',') : digest(m);
}

/** The claim spec fields recorded readably, then a digest of the rest (storage growth must not change the digest). */
function claimFields(fields: Fields, prefix: string, spec: any, extra: unknown = undefined): void {
  const s = isObject(spec) ? spec : {};
  set(fields, prefix + 'storage', storageOf(s));
  set(fields, prefix + 'storageClassName', scalar(s.storageClassName));
  set(fields, prefix + 'accessModes', accessModesOf(s));
  set(fields, prefix + 'volumeMode', scalar(s.volumeMode) ?? 'Filesystem');
  const rest = without({ spec: s, extra }, [
    ['spec', 'resources', 'requests', 'storage'], ['spec', 'storageClassName'], ['spec', 'accessModes'], ['spec', 'volumeMode'], ['spec', 'volumeName'],
  ]);
  if (!isEmpty(rest)) set(fields, prefix + 'otherFields', hash(rest));
}

function templateName(t: any, i: number): string {
  return isObject(t) && isObject(t.metadata) && typeof t.metadata.name === 'string' ? t.metadata.name : `#${i}`;
}

const EXTRACTORS: Record<string, { api: (apiVersion: string) => boolean; fields: (obj: any) => Fields }> = {
  StatefulSet: {
    api: (a) => a.startsWith('apps/'),
    fields: (obj) => {
      const f: Fields = {};
      const spec = isObject(obj.spec) ? obj.spec : {};
      set(f, 'selector', selectorText(spec.selector));
      set(f, 'serviceName', scalar(spec.serviceName));
      set(f, 'podManagementPolicy', scalar(spec.podManagementPolicy) ?? 'OrderedReady');
      const templates = Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates : [];
      if (spec.volumeClaimTemplates !== undefined && !Array.isArray(spec.volumeClaimTemplates)) {
        set(f, 'volumeClaimTemplates', digest(spec.volumeClaimTemplates));
      } else if (templates.length) {
        set(f, 'volumeClaimTemplates', templates.map(templateName).join(','));
      }
      templates.forEach((t: any, i: number) => {
        const meta = isObject(t) && isObject(t.metadata) ? without(t.metadata, [['name']]) : undefined;
        const other = isObject(t) ? without(t, [['metadata'], ['spec'], ['apiVersion'], ['kind']]) : t;
        claimFields(f, `volumeClaimTemplates[${templateName(t, i)}].`, isObject(t) ? t.spec : undefined,
          isEmpty(meta) && isEmpty(other) ? undefined : { metadata: isEmpty(meta) ? undefined : meta, other: isEmpty(other) ? undefined : other });
      });
      return f;
    },
  },
  PersistentVolumeClaim: {
    api: (a) => a === 'v1',
    fields: (obj) => {
      const f: Fields = {};
      const spec = isObject(obj.spec) ? obj.spec : {};
      claimFields(f, '', spec);
      set(f, 'volumeName', scalar(spec.volumeName));
      return f;
    },
  },
  StorageClass: {
    api: (a) => a.startsWith('storage.k8s.io/'),
    fields: (obj) => {
      const f: Fields = {};
      set(f, 'provisioner', scalar(obj.provisioner));
      if (isObject(obj.parameters)) {
        for (const k of Object.keys(obj.parameters)) set(f, `parameters[${k}]`, scalar(obj.parameters[k]));
      } else {
        set(f, 'parameters', scalar(obj.parameters));
      }
      set(f, 'reclaimPolicy', scalar(obj.reclaimPolicy) ?? 'Delete');
      set(f, 'volumeBindingMode', scalar(obj.volumeBindingMode) ?? 'Immediate');
      return f;
    },
  },
  PersistentVolume: {
    api: (a) => a === 'v1',
    fields: (obj) => {
      const f: Fields = {};
      const spec = isObject(obj.spec) ? obj.spec : {};
      const sources = Object.keys(spec).filter((k) => PV_SOURCES.has(k)).sort();
      if (sources.length) set(f, 'source', sources.join(','));
      for (const s of sources) set(f, `source[${s}]`, digest(spec[s]));
      set(f, 'volumeMode', scalar(spec.volumeMode) ?? 'Filesystem');
      set(f, 'nodeAffinity', spec.nodeAffinity === undefined ? undefined : digest(spec.nodeAffinity));
      set(f, 'capacity', isObject(spec.capacity) ? scalar(spec.capacity.storage) : scalar(spec.capacity));
      return f;
    },
  },
  Service: {
    api: (a) => a === 'v1',
    fields: (obj) => {
      const f: Fields = {};
      const spec = isObject(obj.spec) ? obj.spec : {};
      if (spec.type === 'ExternalName') return f; // no cluster IP: switching to and from ExternalName is allowed
      const ip = spec.clusterIP;
      set(f, 'clusterIP', ip === undefined || ip === null || ip === '' ? ALLOCATED : scalar(ip));
      return f;
    },
  },
  Job: {
    api: (a) => a.startsWith('batch/'),
    fields: (obj) => {
      const f: Fields = {};
      const spec = isObject(obj.spec) ? obj.spec : {};
      set(f, 'selector', selectorText(spec.selector));
      set(f, 'template', spec.template === undefined ? undefined : hash(spec.template));
      return f;
    },
  },
  Deployment: { api: (a) => a.startsWith('apps/'), fields: workloadSelector },
  DaemonSet: { api: (a) => a.startsWith('apps/'), fields: workloadSelector },
  ReplicaSet: { api: (a) => a.startsWith('apps/'), fields: workloadSelector },
};

function workloadSelector(obj: any): Fields {
  const f: Fields = {};
  set(f, 'selector', selectorText(isObject(obj.spec) ? obj.spec.selector : undefined));
  return f;
}

/** A Service whose manifest leaves the cluster IP to the API server. */
const ALLOCATED = '(allocated)';

/** PersistentVolume volume sources (core/v1 PersistentVolumeSource). */
const PV_SOURCES = new Set([
  'awsElasticBlockStore', 'azureDisk', 'azureFile', 'cephfs', 'cinder', 'csi', 'fc', 'flexVolume', 'flocker', 'gcePersistentDisk',
  'glusterfs', 'hostPath', 'iscsi', 'local', 'nfs', 'photonPersistentDisk', 'portworxVolume', 'quobyte', 'rbd', 'scaleIO',
  'storageos', 'vsphereVolume',
]);

/** Kinds the lock records. */
export function lockedKinds(): string[] {
  return Object.keys(EXTRACTORS).sort();
}

// ---------------------------------------------------------------------------------------------------------------
// Computing, serializing, parsing

interface Entry {
  readonly locked: LockedObject;
  readonly key: string;
  readonly source?: ManifestObject;
}

function identity(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}\u0000${isClusterScoped(kind) ? '' : (namespace ?? 'default')}\u0000${name}`;
}

function sortKey(o: LockedObject): string {
  return `${o.kind}\u0000${o.namespace ?? ''}\u0000${o.name}`;
}

function byKey<T>(key: (x: T) => string): (a: T, b: T) => number {
  return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

function toManifestObject(input: ManifestInput, index: number): ManifestObject | undefined {
  const obj = input.object;
  if (!isObject(obj) || !isObject(obj.metadata)) return undefined;
  const kind = str(obj.kind);
  const apiVersion = str(obj.apiVersion);
  const name = str(obj.metadata.name);
  if (!kind || !apiVersion || !name) return undefined;
  return {
    obj,
    apiVersion,
    kind,
    name,
    namespace: str(obj.metadata.namespace),
    file: input.file,
    line: input.line,
    constructPath: input.constructPath,
    index,
  };
}

function entriesOf(inputs: ManifestInput[]): { entries: Entry[]; objects: ManifestObject[] } {
  const entries = new Map<string, Entry>();
  const objects: ManifestObject[] = [];
  inputs.forEach((input, index) => {
    const o = toManifestObject(input, index);
    if (!o) return;
    objects.push(o);
    const ex = EXTRACTORS[o.kind];
    if (!ex || !ex.api(o.apiVersion)) return;
    const key = identity(o.kind, o.namespace, o.name);
    if (entries.has(key)) return; // a duplicate: the first one wins (the validator reports duplicates)
    let fields: Fields;
    try {
      fields = ex.fields(o.obj);
    } catch {
      fields = { object: digest(o.obj) }; // never crash on odd input: lock the whole object instead
    }
    if (Object.keys(fields).length === 0) return;
    const namespace = isClusterScoped(o.kind) ? undefined : o.namespace;
    entries.set(key, { key, source: o, locked: { kind: o.kind, ...(namespace !== undefined ? { namespace } : {}), name: o.name, fields: sortFields(fields) } });
  });
  return { entries: [...entries.values()].sort(byKey((e) => sortKey(e.locked))), objects };
}

function sortFields(fields: Fields): Fields {
  const out: Fields = {};
  for (const k of Object.keys(fields).sort()) out[k] = fields[k];
  return out;
}

/** The lock of a set of objects with their origin. */
export function computeLockOfInputs(inputs: ManifestInput[]): LockFile {
  return { version: LOCK_FORMAT_VERSION, objects: entriesOf(inputs).entries.map((e) => e.locked) };
}

/** The lock of a set of plain objects. */
export function computeLock(objects: any[]): LockFile {
  return computeLockOfInputs((Array.isArray(objects) ? objects : []).map((object) => ({ object })));
}

/** The lock as file text: deterministic (sorted objects and fields, two-space indent, trailing newline). */
export function serializeLock(lock: LockFile): string {
  const objects = [...lock.objects].sort(byKey(sortKey)).map((o) => ({
    kind: o.kind,
    ...(o.namespace !== undefined ? { namespace: o.namespace } : {}),
    name: o.name,
    fields: sortFields(o.fields),
  }));
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
  const bad = (what: string) => new Error(`${file} is not a golden-paths lock file: ${what}. Restore it from version control, or delete it to lock the current objects afresh.`);
  if (!isObject(data)) throw bad('the top level is not an object');
  if (typeof data.version !== 'number') throw bad('it has no numeric "version"');
  if (data.version > LOCK_FORMAT_VERSION) {
    throw new Error(`${file} has format version ${data.version}, newer than this cdk8s-golden-paths understands (${LOCK_FORMAT_VERSION}). Upgrade cdk8s-golden-paths.`);
  }
  if (data.version !== LOCK_FORMAT_VERSION) throw bad(`unknown version ${data.version}`);
  if (!Array.isArray(data.objects)) throw bad('"objects" is not a list');
  const objects: LockedObject[] = data.objects.map((o: any, i: number) => {
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
  });
  return { version: data.version, objects };
}

// ---------------------------------------------------------------------------------------------------------------
// Comparing

/** The default accept hint appended to migrations. */
export const DEFAULT_ACCEPT_HINT = `Then accept the change so the lock-file diff records it: \`${ACCEPT_CHANGES_ENV}=1 cdk8s synth\` or \`cdk8s-golden-paths lock update\`, and commit ${DEFAULT_LOCK_FILE} with the code.`;

interface Change {
  readonly entry: Entry;
  readonly field: string;
  readonly oldValue?: string;
  readonly newValue?: string;
}

interface Verdict {
  readonly severity: Severity;
  readonly message: string;
  readonly steps: string[];
}

class Guide {
  private readonly ctx: RuleContext;

  constructor(objects: ManifestObject[], known: KnownStorageClass[]) {
    this.ctx = new RuleContext(objects, known);
  }

  public classOf(spec: any): ResolvedStorageClass | undefined {
    try {
      return this.ctx.classOfClaim(spec);
    } catch {
      return undefined;
    }
  }
}

function show(v: string | undefined): string {
  return v === undefined ? NOT_SET : v;
}

function objRef(o: LockedObject): string {
  return `${o.kind}/${o.namespace ? o.namespace + '/' : ''}${o.name}`;
}

function kubectl(o: LockedObject): string {
  return o.namespace && !isClusterScoped(o.kind) ? `kubectl -n ${o.namespace}` : 'kubectl';
}

/** Same size when both parse to the same number of bytes. */
function sizeOrder(oldValue: string | undefined, newValue: string | undefined): number | undefined {
  const a = parseQuantity(oldValue);
  const b = parseQuantity(newValue);
  if (a === undefined || b === undefined) return undefined;
  return Math.sign(b - a);
}

function isSizeField(kind: string, field: string): boolean {
  return (kind === 'StatefulSet' && /^volumeClaimTemplates\[.*\]\.storage$/.test(field))
    || (kind === 'PersistentVolumeClaim' && field === 'storage')
    || (kind === 'PersistentVolume' && field === 'capacity');
}

/** Expansion facts of a class, as one sentence and whether the workload must be scaled to zero. */
function expansionCheck(cls: ResolvedStorageClass | undefined, className: string | undefined):
{ possible: boolean; offline: boolean; step?: string; blocker?: string } {
  if (!cls) {
    return {
      possible: true,
      offline: false,
      step: `Check that ${className ? `StorageClass ${className}` : 'the claims\' StorageClass (the cluster default)'} allows expansion (\`kubectl get storageclass ${className ?? '<class>'} -o jsonpath='{.allowVolumeExpansion}'\` prints true) and whether its driver expands online; if it expands offline only (e.g. csi.exoscale.com), scale the workload to 0 first.`,
    };
  }
  const driver = cls.provisioner ?? 'its provisioner';
  const support = cls.system?.expansion;
  if (support === ExpansionSupport.NONE) {
    return {
      possible: false,
      offline: false,
      blocker: `StorageClass ${cls.name} (${driver}, ${cls.system!.name}) cannot expand volumes, so the claims cannot grow in place.`,
    };
  }
  const offline = support === ExpansionSupport.OFFLINE;
  const how = offline
    // csi.exoscale.com: "Volume must be detached before expanding" (exoscale-csi-driver CHANGELOG v0.32.0)
    ? `${driver} expands offline only (the volume must be detached), so the pods must be stopped during the resize`
    : support === ExpansionSupport.ONLINE ? `${driver} expands online` : `whether ${driver} expands online is not known: if in doubt, stop the pods first`;
  let step: string;
  if (cls.allowVolumeExpansion === false) {
    step = `StorageClass ${cls.name} has no allowVolumeExpansion: true: add it (a field that may change) and apply the class first; ${how}.`;
  } else if (cls.allowVolumeExpansion === true) {
    step = `StorageClass ${cls.name} allows expansion; ${how}.`;
  } else {
    step = `Check that StorageClass ${cls.name} allows expansion (\`kubectl get storageclass ${cls.name} -o jsonpath='{.allowVolumeExpansion}'\` prints true); ${how}.`;
  }
  return { possible: true, offline, step };
}

function copyMigration(what: string): string {
  return `Move the data instead: create ${what} under a new name, copy the data into it (dump and restore, or restore a VolumeSnapshot into a larger claim where the driver supports it), switch the clients, then delete the old one.`;
}

function statefulSetStorage(c: Change, guide: Guide, order: number): Verdict {
  const o = c.entry.locked;
  const tmpl = /^volumeClaimTemplates\[(.*)\]\.storage$/.exec(c.field)![1];
  const k = kubectl(o);
  const head = `${c.field} ${show(c.oldValue)} -> ${show(c.newValue)}: Kubernetes refuses any change to a StatefulSet's volumeClaimTemplates ("updates to statefulset spec for fields other than ... are forbidden", kubernetes/kubernetes#68737)`;
  if (order < 0) {
    return {
      severity: Severity.ERROR,
      message: `${head}, and shrinking is refused: a volume never shrinks`,
      steps: [
        `Keep ${show(c.oldValue)}, or: ${copyMigration('a StatefulSet with the smaller claims')}`,
        `Accept the smaller size only once the old claims (${tmpl}-${o.name}-<ordinal>) are deleted, or the StatefulSet will go on using the larger ones.`,
      ],
    };
  }
  const sts = c.entry.source?.obj;
  const spec = isObject(sts) && isObject(sts.spec) ? sts.spec : {};
  const template = Array.isArray(spec.volumeClaimTemplates)
    ? spec.volumeClaimTemplates.find((t: any, i: number) => templateName(t, i) === tmpl) : undefined;
  const claimSpec = isObject(template) ? template.spec : undefined;
  const className = isObject(claimSpec) ? str(claimSpec.storageClassName) : undefined;
  const exp = expansionCheck(guide.classOf(claimSpec), className);
  if (!exp.possible) {
    return { severity: Severity.ERROR, message: `${head}. ${exp.blocker}`, steps: [copyMigration('a StatefulSet with larger claims on a class that can expand')] };
  }
  const replicas = typeof spec.replicas === 'number' && Number.isInteger(spec.replicas) && spec.replicas >= 0 ? spec.replicas : 1;
  const last = Math.max(replicas - 1, 0);
  const size = c.newValue ?? '';
  const patch = `'{"spec":{"resources":{"requests":{"storage":"${size}"}}}}'`;
  const steps = [exp.step!];
  if (exp.offline) steps.push(`Scale to zero and wait for the pods to stop: \`${k} scale statefulset ${o.name} --replicas=0\`.`);
  steps.push(`Grow each claim: \`for i in $(seq 0 ${last}); do ${k} patch pvc ${tmpl}-${o.name}-$i -p ${patch}; done\` (one claim per ordinal; include ordinals above ${last} if the StatefulSet ever had more replicas).`);
  if (exp.offline) steps.push(`Wait until each claim reports the new size: \`${k} get pvc ${tmpl}-${o.name}-0 -o jsonpath='{.status.capacity.storage}'\` prints ${size}.`);
  steps.push(`Delete the StatefulSet but keep its pods and claims: \`${k} delete statefulset ${o.name} --cascade=orphan\`.`);
  steps.push(`Re-apply the manifests: the new StatefulSet adopts the pods and claims${exp.offline ? ` and scales back to ${replicas}` : ''}.`);
  return { severity: Severity.ERROR, message: `${head}. Growing is supported through a guided migration`, steps };
}

function claimStorage(c: Change, guide: Guide, order: number): Verdict | undefined {
  const o = c.entry.locked;
  const k = kubectl(o);
  if (order < 0) {
    return {
      severity: Severity.ERROR,
      message: `storage ${show(c.oldValue)} -> ${show(c.newValue)}: shrinking a claim is refused ("field can not be less than previous value"): a volume never shrinks`,
      steps: [`Keep ${show(c.oldValue)}, or: ${copyMigration('a smaller claim')}`],
    };
  }
  const spec = isObject(c.entry.source?.obj) ? c.entry.source!.obj.spec : undefined;
  const className = isObject(spec) ? str(spec.storageClassName) : undefined;
  const cls = guide.classOf(spec);
  const exp = expansionCheck(cls, className);
  const head = `storage ${show(c.oldValue)} -> ${show(c.newValue)}`;
  if (!exp.possible) {
    return { severity: Severity.ERROR, message: `${head}: ${exp.blocker}`, steps: [copyMigration('a larger claim on a class that can expand')] };
  }
  if (cls?.allowVolumeExpansion === false) {
    return {
      severity: Severity.ERROR,
      message: `${head}: StorageClass ${cls.name} does not allow expansion, so the API server refuses the resize ("only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize")`,
      steps: [exp.step!],
    };
  }
  if (exp.offline) {
    return {
      severity: Severity.WARNING,
      message: `${head}: growing is allowed, but ${cls?.provisioner ?? 'the driver'} expands offline only: the resize waits until no pod uses the claim`,
      steps: [
        `Scale every workload that mounts the claim to 0, apply, wait until \`${k} get pvc ${o.name} -o jsonpath='{.status.capacity.storage}'\` prints ${show(c.newValue)}, then scale back.`,
      ],
    };
  }
  if (!cls) {
    return { severity: Severity.WARNING, message: `${head}: growing is allowed when the claim's StorageClass allows expansion`, steps: [exp.step!] };
  }
  return undefined; // growing on a class that expands online: allowed as it is
}

function verdictFor(c: Change, guide: Guide): Verdict | undefined {
  const o = c.entry.locked;
  const k = kubectl(o);
  const change = `${c.field} ${show(c.oldValue)} -> ${show(c.newValue)}`;
  if (isSizeField(o.kind, c.field)) {
    const order = sizeOrder(c.oldValue, c.newValue);
    if (order === 0) return undefined; // the same size written differently (10Gi, 10240Mi)
    if (order !== undefined) {
      if (o.kind === 'StatefulSet') return statefulSetStorage(c, guide, order);
      if (o.kind === 'PersistentVolumeClaim') return claimStorage(c, guide, order);
      if (order > 0) return undefined; // a PV's capacity may grow (after the backing volume was resized)
      return {
        severity: Severity.ERROR,
        message: `${change}: a volume never shrinks; a smaller capacity would misstate the backing volume and never free space`,
        steps: [`Keep ${show(c.oldValue)}, or: ${copyMigration('a smaller volume and claim')}`],
      };
    }
  }
  switch (o.kind) {
    case 'StatefulSet': {
      const head = `${change}: Kubernetes refuses changes to a StatefulSet's ${c.field.replace(/\[.*$/, '').replace(/\..*$/, '')} ("updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden")`;
      const orphan = `\`${k} delete statefulset ${o.name} --cascade=orphan\` (the pods and claims keep running), then re-apply: the new StatefulSet adopts them`;
      if (c.field.startsWith('volumeClaimTemplates')) {
        return {
          severity: Severity.ERROR,
          message: head,
          steps: [
            'Existing claims keep the spec they were created with, whatever the template says: re-creating the StatefulSet changes only claims created later (new ordinals).',
            `To change only future claims: ${orphan}.`,
            `To change the existing volumes (e.g. another StorageClass or access mode): ${copyMigration('a StatefulSet with the new claim template')}`,
          ],
        };
      }
      if (c.field === 'selector') {
        return {
          severity: Severity.ERROR,
          message: head,
          steps: [
            'Prefer keeping the selector and changing only pod labels that are not in it.',
            `Otherwise: ${orphan}; it adopts only pods its new selector matches, so the pod template's labels must match both, or the old pods stay orphaned (delete them one at a time: their claims are kept and re-attached).`,
          ],
        };
      }
      return {
        severity: Severity.ERROR,
        message: head,
        steps: [
          c.field === 'serviceName' ? `Create the headless Service ${show(c.newValue)} first.` : 'Nothing to prepare.',
          `${orphan}.`,
          c.field === 'serviceName' ? `Pods take the new DNS subdomain when re-created: \`${k} rollout restart statefulset ${o.name}\`.` : 'The new policy applies to the next scaling.',
        ],
      };
    }
    case 'PersistentVolumeClaim': {
      if (c.oldValue === undefined && (c.field === 'storageClassName' || c.field === 'volumeName')) {
        return {
          severity: Severity.WARNING,
          message: `${change}: the cluster filled this field in when the claim was created; the API server accepts only the value it already holds`,
          steps: [`Check it matches: \`${k} get pvc ${o.name} -o jsonpath='{.spec.${c.field}}'\`; if not, ${copyMigration('a claim with the new spec').replace(/^Move/, 'move')}`],
        };
      }
      return {
        severity: Severity.ERROR,
        message: `${change}: a claim's spec is immutable after creation except growing its storage ("spec is immutable after creation except resources.requests for bound claims")`,
        steps: [copyMigration('a claim with the new spec'), 'Point the workload at the new claim before deleting the old one; check the old volume\'s reclaim policy (Retain keeps the data).'],
      };
    }
    case 'StorageClass':
      return {
        severity: Severity.ERROR,
        message: `${change}: a StorageClass's provisioner, parameters, reclaimPolicy and volumeBindingMode are immutable ("updates to parameters are forbidden")`,
        steps: [
          'Existing volumes keep the settings they were created with: a class only shapes new volumes.',
          `Create a StorageClass under a new name with the new settings and point new claims at it; or delete and re-create this one (\`kubectl delete storageclass ${o.name}\`, then re-apply: deleting a class does not touch existing volumes, but claims created meanwhile fail to provision).`,
          c.field === 'reclaimPolicy'
            ? 'To change existing volumes too: `kubectl patch pv <pv> -p \'{"spec":{"persistentVolumeReclaimPolicy":"Retain"}}\'` for each of them.'
            : `To move existing data onto the new settings: ${copyMigration('claims on the new class').replace(/^Move the data instead: /, '')}`,
        ],
      };
    case 'PersistentVolume':
      return {
        severity: Severity.ERROR,
        message: `${change}: a PersistentVolume's volume source${c.field === 'nodeAffinity' ? ' and node affinity are' : ' is'} immutable ("spec.persistentvolumesource: Forbidden: spec.persistentvolumesource is immutable after creation")`,
        steps: [
          `Set persistentVolumeReclaimPolicy: Retain on ${o.name} before touching it, so deleting the PV object keeps the data.`,
          'Create a PV under a new name for the new source and a claim bound to it, copy the data if needed, point the workload at the new claim, then delete the old PV and claim.',
        ],
      };
    case 'Service':
      return {
        severity: Severity.ERROR,
        message: `${change}: a Service's clusterIP cannot change (headless "None" <-> an allocated IP) ("field is immutable")`,
        steps: [
          `Delete and re-create it: \`${k} delete service ${o.name}\`, then re-apply (clients, and a StatefulSet's pod DNS if it is its headless Service, lose the name meanwhile).`,
          'Or create a Service under a new name and switch the clients to it.',
        ],
      };
    case 'Job':
      return {
        severity: Severity.ERROR,
        message: `${change}: a Job's ${c.field} is immutable ("field is immutable")`,
        steps: [
          `Delete the Job and re-apply: \`${k} delete job ${o.name}\` (running pods stop; finished ones lose their history), or give the Job a new name per version (e.g. a suffix) and let ttlSecondsAfterFinished remove the old one.`,
        ],
      };
    default:
      return {
        severity: Severity.ERROR,
        message: `${change}: a ${o.kind}'s selector is immutable in apps/v1 ("field is immutable")`,
        steps: [
          `Create the ${o.kind} under a new name with the new selector, wait until it is ready, switch Services whose selectors differ, then delete the old one.`,
          `Or, with downtime: \`${k} delete ${o.kind.toLowerCase()} ${o.name}\` and re-apply.`,
        ],
      };
  }
}

/** Groups of fields that change together: a template added or removed is one change, not one per field. */
function changesOf(entry: Entry, old: LockedObject): Change[] {
  const fresh = entry.locked.fields;
  const keys = [...new Set([...Object.keys(old.fields), ...Object.keys(fresh)])].sort();
  const oldTemplates = new Set((old.fields.volumeClaimTemplates ?? '').split(',').filter((x) => x));
  const newTemplates = new Set((fresh.volumeClaimTemplates ?? '').split(',').filter((x) => x));
  const changes: Change[] = [];
  for (const field of keys) {
    if (old.fields[field] === fresh[field]) continue;
    const t = /^volumeClaimTemplates\[(.*)\]\./.exec(field);
    if (entry.locked.kind === 'StatefulSet' && t && (!oldTemplates.has(t[1]) || !newTemplates.has(t[1]))) continue;
    changes.push({ entry, field, oldValue: old.fields[field], newValue: fresh[field] });
  }
  return changes;
}

/**
 * Compares a lock with new objects (with their origin): every change to a locked field, and every locked object that is gone.
 * Never throws for odd objects.
 */
export function compareLockWithInputs(lock: LockFile, inputs: ManifestInput[], options: LockCompareOptions = {}): LockViolation[] {
  const { entries, objects } = entriesOf(inputs);
  const oldByKey = new Map<string, LockedObject>();
  for (const o of lock.objects) {
    const key = identity(o.kind, o.namespace, o.name);
    if (!oldByKey.has(key)) oldByKey.set(key, o);
  }
  const known: KnownStorageClass[] = [...(options.knownStorageClasses ?? [])];
  for (const o of lock.objects) {
    if (o.kind === 'StorageClass' && !known.some((k) => k.name === o.name)) {
      known.push({ name: o.name, provisioner: o.fields.provisioner, volumeBindingMode: o.fields.volumeBindingMode });
    }
  }
  const guide = new Guide(objects, known);
  const hint = options.acceptHint ?? DEFAULT_ACCEPT_HINT;
  const violations: LockViolation[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const old = oldByKey.get(entry.key);
    if (!old) continue; // a new object: locked on the next update
    seen.add(entry.key);
    for (const change of changesOf(entry, old)) {
      let verdict: Verdict | undefined;
      try {
        verdict = verdictFor(change, guide);
      } catch (e) {
        verdict = {
          severity: Severity.ERROR,
          message: `${change.field} ${show(change.oldValue)} -> ${show(change.newValue)}: Kubernetes refuses this change (guidance failed: ${(e as Error)?.message ?? e})`,
          steps: ['Delete and re-create the object, or create it under a new name.'],
        };
      }
      if (!verdict) continue;
      const steps = verdict.severity === Severity.ERROR ? [...verdict.steps, hint] : verdict.steps;
      violations.push({
        severity: verdict.severity,
        kind: entry.locked.kind,
        ...(entry.locked.namespace !== undefined ? { namespace: entry.locked.namespace } : {}),
        name: entry.locked.name,
        field: change.field,
        oldValue: show(change.oldValue),
        newValue: show(change.newValue),
        message: verdict.message,
        migration: steps.map((s, i) => `${i + 1}. ${s}`).join('\n'),
        ...(entry.source?.file !== undefined ? { file: entry.source.file } : {}),
        ...(entry.source?.line !== undefined ? { line: entry.source.line } : {}),
        ...(entry.source?.constructPath !== undefined ? { constructPath: entry.source.constructPath } : {}),
      });
    }
  }
  for (const [key, old] of [...oldByKey.entries()].sort(byKey(([, o]) => sortKey(o)))) {
    if (seen.has(key)) continue;
    const k = kubectl(old);
    violations.push({
      severity: Severity.WARNING,
      kind: old.kind,
      ...(old.namespace !== undefined ? { namespace: old.namespace } : {}),
      name: old.name,
      field: '(object)',
      oldValue: 'locked',
      newValue: '(removed)',
      message: `${objRef(old)} is in the lock file but no longer among the objects: kubectl apply does not delete it (unless --prune)`,
      migration: `1. If it should go: \`${k} delete ${old.kind.toLowerCase()} ${old.name}\`${old.kind === 'StatefulSet' ? ' (its claims stay: delete them explicitly once the data is safe)' : ''}.\n2. The lock forgets it on the next update.`,
    });
  }
  return violations;
}

/** Compares a lock with plain objects. */
export function compareLock(lock: LockFile, objects: any[], options: LockCompareOptions = {}): LockViolation[] {
  return compareLockWithInputs(lock, (Array.isArray(objects) ? objects : []).map((object) => ({ object })), options);
}

/**
 * A violation as text: `error StatefulSet/orders/db [file:line] (path) field: message.` then the numbered migration, indented.
 */
export function formatViolation(v: LockViolation, indent: string = '  '): string {
  const where = [v.file ? `${v.file}${v.line ? `:${v.line}` : ''}` : undefined, v.constructPath].filter((x) => x).join(' ');
  const head = `${v.severity} ${v.kind}/${v.namespace ? v.namespace + '/' : ''}${v.name}${where ? ` [${where}]` : ''}: ${v.message}.`;
  return [head, `${indent}Safe migration:`, ...v.migration.split('\n').map((l) => `${indent}${indent}${l}`)].join('\n');
}
