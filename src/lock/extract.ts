import { Fields, LOCK_FORMAT_VERSION, LockFile, LockedObject, byKey, digest, hash, lockedObject, sortKey, canonicalJson } from './lock-file';
import { isClusterScoped } from '../core/scope';
import { isObject, str } from '../core/values';
import { ManifestObject, manifestObject } from '../validation/rule';
import { ManifestInput } from '../validation/validate';

/**
 * What is locked, per kind: the fields Kubernetes refuses to change after creation, read from plain objects
 * (as parsed from YAML or produced by `chart.toJson()`). Never throws for odd objects.
 *
 * Immutability facts: kubernetes/kubernetes pkg/apis/{apps,core,storage,batch}/validation/validation.go
 * (ValidateStatefulSetUpdate, ValidatePersistentVolumeClaimUpdate, ValidatePersistentVolumeUpdate,
 * ValidateStorageClassUpdate, ValidateServiceUpdate, ValidateJobUpdate, ValidateDeploymentUpdate).
 */

// ---------------------------------------------------------------------------------------------------------------
// Field values

/** A scalar as text; objects and lists as their digest; absent as undefined. */
function scalar(x: unknown): string | undefined {
  if (x === undefined || x === null) return undefined;
  if (typeof x === 'string') return x;
  if (typeof x === 'number' || typeof x === 'boolean') return String(x);
  return digest(x);
}

/** A label selector as kubectl writes it (`app=db,tier in (a,b)`), or its digest when it holds something else. */
function selectorText(sel: unknown): string | undefined {
  if (sel === undefined || sel === null) return undefined;
  if (!isObject(sel)) return digest(sel);
  const known = new Set(['matchLabels', 'matchExpressions']);
  if (Object.keys(sel).some((k) => !known.has(k))) return digest(sel);
  const parts: string[] = [];
  if (sel.matchLabels !== undefined) {
    if (!isObject(sel.matchLabels)) return digest(sel);
    for (const k of Object.keys(sel.matchLabels).sort()) parts.push(`${k}=${scalar(sel.matchLabels[k]) ?? ''}`);
  }
  if (sel.matchExpressions !== undefined) {
    const exprs = Array.isArray(sel.matchExpressions) ? expressionsText(sel.matchExpressions) : undefined;
    if (exprs === undefined) return digest(sel);
    parts.push(...exprs.sort());
  }
  return parts.length ? parts.join(',') : '(empty)';
}

/** matchExpressions as kubectl writes them, or undefined when one is not a known requirement. */
function expressionsText(expressions: unknown[]): string[] | undefined {
  const exprs: string[] = [];
  for (const e of expressions) {
    if (!isObject(e) || typeof e.key !== 'string' || typeof e.operator !== 'string') return undefined;
    const values = Array.isArray(e.values) ? e.values.map((v: unknown) => scalar(v) ?? '').sort() : [];
    switch (e.operator) {
      case 'In': exprs.push(`${e.key} in (${values.join(',')})`); break;
      case 'NotIn': exprs.push(`${e.key} notin (${values.join(',')})`); break;
      case 'Exists': exprs.push(e.key); break;
      case 'DoesNotExist': exprs.push(`!${e.key}`); break;
      default: return undefined;
    }
  }
  return exprs;
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

function set(fields: Fields, key: string, value: string | undefined): void {
  if (value !== undefined) fields[key] = value;
}

function specOf(obj: any): any {
  return isObject(obj.spec) ? obj.spec : {};
}

// ---------------------------------------------------------------------------------------------------------------
// Claims (standalone and StatefulSet templates)

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

/** The name of a StatefulSet's claim template, as its locked fields and its claims (`<name>-<sts>-<ordinal>`) use it. */
export function templateName(t: any, i: number): string {
  return isObject(t) && isObject(t.metadata) && typeof t.metadata.name === 'string' ? t.metadata.name : `#${i}`;
}

/** A StatefulSet's claim templates: their names, then each one's claim fields under `volumeClaimTemplates[<name>].`. */
function claimTemplateFields(f: Fields, templates: unknown): void {
  const list = Array.isArray(templates) ? templates : [];
  if (templates !== undefined && !Array.isArray(templates)) {
    set(f, 'volumeClaimTemplates', digest(templates));
  } else if (list.length) {
    set(f, 'volumeClaimTemplates', list.map(templateName).join(','));
  }
  list.forEach((t: any, i: number) => {
    const meta = isObject(t) && isObject(t.metadata) ? without(t.metadata, [['name']]) : undefined;
    const other = isObject(t) ? without(t, [['metadata'], ['spec'], ['apiVersion'], ['kind']]) : t;
    claimFields(f, `volumeClaimTemplates[${templateName(t, i)}].`, isObject(t) ? t.spec : undefined,
      isEmpty(meta) && isEmpty(other) ? undefined : { metadata: isEmpty(meta) ? undefined : meta, other: isEmpty(other) ? undefined : other });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Per kind

/** A Service whose manifest leaves the cluster IP to the API server. */
const ALLOCATED = '(allocated)';

/** PersistentVolume volume sources (core/v1 PersistentVolumeSource). */
const PV_SOURCES = new Set([
  'awsElasticBlockStore', 'azureDisk', 'azureFile', 'cephfs', 'cinder', 'csi', 'fc', 'flexVolume', 'flocker', 'gcePersistentDisk',
  'glusterfs', 'hostPath', 'iscsi', 'local', 'nfs', 'photonPersistentDisk', 'portworxVolume', 'quobyte', 'rbd', 'scaleIO',
  'storageos', 'vsphereVolume',
]);

function statefulSetFields(obj: any): Fields {
  const f: Fields = {};
  const spec = specOf(obj);
  set(f, 'selector', selectorText(spec.selector));
  set(f, 'serviceName', scalar(spec.serviceName));
  set(f, 'podManagementPolicy', scalar(spec.podManagementPolicy) ?? 'OrderedReady');
  claimTemplateFields(f, spec.volumeClaimTemplates);
  return f;
}

function claimFieldsOf(obj: any): Fields {
  const f: Fields = {};
  const spec = specOf(obj);
  claimFields(f, '', spec);
  set(f, 'volumeName', scalar(spec.volumeName));
  return f;
}

function storageClassFields(obj: any): Fields {
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
}

function volumeFields(obj: any): Fields {
  const f: Fields = {};
  const spec = specOf(obj);
  const sources = Object.keys(spec).filter((k) => PV_SOURCES.has(k)).sort();
  if (sources.length) set(f, 'source', sources.join(','));
  for (const s of sources) set(f, `source[${s}]`, digest(spec[s]));
  set(f, 'volumeMode', scalar(spec.volumeMode) ?? 'Filesystem');
  set(f, 'nodeAffinity', spec.nodeAffinity === undefined ? undefined : digest(spec.nodeAffinity));
  set(f, 'capacity', isObject(spec.capacity) ? scalar(spec.capacity.storage) : scalar(spec.capacity));
  return f;
}

function serviceFields(obj: any): Fields {
  const f: Fields = {};
  const spec = specOf(obj);
  if (spec.type === 'ExternalName') return f; // no cluster IP: switching to and from ExternalName is allowed
  const ip = spec.clusterIP;
  set(f, 'clusterIP', ip === undefined || ip === null || ip === '' ? ALLOCATED : scalar(ip));
  return f;
}

function jobFields(obj: any): Fields {
  const f: Fields = {};
  const spec = specOf(obj);
  set(f, 'selector', selectorText(spec.selector));
  set(f, 'template', spec.template === undefined ? undefined : hash(spec.template));
  return f;
}

function workloadSelector(obj: any): Fields {
  const f: Fields = {};
  set(f, 'selector', selectorText(isObject(obj.spec) ? obj.spec.selector : undefined));
  return f;
}

/** The PostgreSQL major version of a CloudNativePG image tag (`ghcr.io/cloudnative-pg/postgresql:16.4` gives 16). */
function postgresMajor(image: unknown): string | undefined {
  const m = typeof image === 'string' ? /:(\d+)/.exec(image.split('/').pop() ?? '') : null;
  return m ? m[1] : undefined;
}

/** A CloudNativePG Cluster: what its webhook refuses to change (shrinking, removing the WAL volume, UID/GID, major downgrades). */
function cnpgClusterFields(obj: any): Fields {
  const f: Fields = {};
  const spec = specOf(obj);
  const storage = isObject(spec.storage) ? spec.storage : {};
  set(f, 'storage.size', scalar(storage.size));
  set(f, 'storage.storageClass', scalar(storage.storageClass));
  const wal = isObject(spec.walStorage) ? spec.walStorage : undefined;
  set(f, 'walStorage.size', wal ? scalar(wal.size) : '(none)');
  set(f, 'walStorage.storageClass', wal ? scalar(wal.storageClass) : undefined);
  set(f, 'postgresUID', scalar(spec.postgresUID));
  set(f, 'postgresGID', scalar(spec.postgresGID));
  set(f, 'postgresMajor', postgresMajor(spec.imageName));
  return f;
}

/** A mariadb-operator MariaDB: its webhook refuses shrinking, and changes to storageClassName, database and username. */
function mariaDbFields(obj: any): Fields {
  const f: Fields = {};
  const spec = specOf(obj);
  const storage = isObject(spec.storage) ? spec.storage : {};
  set(f, 'storage.size', scalar(storage.size));
  set(f, 'storage.storageClassName', scalar(storage.storageClassName));
  set(f, 'database', scalar(spec.database));
  set(f, 'username', scalar(spec.username));
  set(f, 'topology', isObject(spec.galera) && spec.galera.enabled ? 'galera' : isObject(spec.replication) && spec.replication.enabled ? 'replication' : 'standalone');
  return f;
}

/** A MongoDBCommunity: its claim templates, which the operator cannot change in place (Kubernetes refuses). */
function mongoDbFields(obj: any): Fields {
  const f: Fields = {};
  const spec = specOf(obj);
  const sts = isObject(spec.statefulSet) && isObject(spec.statefulSet.spec) ? spec.statefulSet.spec : {};
  claimTemplateFields(f, sts.volumeClaimTemplates);
  return f;
}

const apps = (a: string) => a.startsWith('apps/');
const core = (a: string) => a === 'v1';

/** How a kind is locked: the API versions it is locked in, and its locked fields. */
interface Extractor {
  readonly api: (apiVersion: string) => boolean;
  readonly fields: (obj: any) => Fields;
}

/** The locked kinds. A new kind is one entry (and its guidance one entry in migration.ts). */
const EXTRACTORS: Record<string, Extractor> = {
  StatefulSet: { api: apps, fields: statefulSetFields },
  PersistentVolumeClaim: { api: core, fields: claimFieldsOf },
  StorageClass: { api: (a) => a.startsWith('storage.k8s.io/'), fields: storageClassFields },
  PersistentVolume: { api: core, fields: volumeFields },
  Service: { api: core, fields: serviceFields },
  Job: { api: (a) => a.startsWith('batch/'), fields: jobFields },
  Deployment: { api: apps, fields: workloadSelector },
  DaemonSet: { api: apps, fields: workloadSelector },
  ReplicaSet: { api: apps, fields: workloadSelector },
  Cluster: { api: (a) => a.startsWith('postgresql.cnpg.io/'), fields: cnpgClusterFields },
  MariaDB: { api: (a) => a.startsWith('k8s.mariadb.com/'), fields: mariaDbFields },
  MongoDBCommunity: { api: (a) => a.startsWith('mongodbcommunity.mongodb.com/'), fields: mongoDbFields },
};

// ---------------------------------------------------------------------------------------------------------------
// Objects to lock entries

/** A locked object with its identity and the object it was read from. */
export interface Entry {
  readonly locked: LockedObject;
  readonly key: string;
  readonly source?: ManifestObject;
}

/** Identity of an object in the cluster: kind, namespace (`default` when not set; none when cluster-scoped), name. */
export function identity(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}\u0000${isClusterScoped(kind) ? '' : (namespace ?? 'default')}\u0000${name}`;
}

function toManifestObject(input: ManifestInput, index: number): ManifestObject | undefined {
  const obj = input.object;
  if (!isObject(obj) || !isObject(obj.metadata)) return undefined;
  const kind = str(obj.kind);
  const apiVersion = str(obj.apiVersion);
  const name = str(obj.metadata.name);
  if (!kind || !apiVersion || !name) return undefined;
  return manifestObject({
    obj,
    apiVersion,
    kind,
    name,
    namespace: str(obj.metadata.namespace),
    file: input.file,
    line: input.line,
    constructPath: input.constructPath,
    index,
  });
}

/** The extractor of an object's kind in its API version, or undefined when the lock does not record it. */
function extractorOf(o: ManifestObject): Extractor | undefined {
  // own keys only: a kind such as `constructor` or `toString` must not find Object's members
  const ex = Object.prototype.hasOwnProperty.call(EXTRACTORS, o.kind) ? EXTRACTORS[o.kind] : undefined;
  return ex && ex.api(o.apiVersion) ? ex : undefined;
}

/** The locked fields of an object: never throws on odd input (then the whole object is locked instead). */
function lockedFields(ex: Extractor, o: ManifestObject): Fields {
  try {
    return ex.fields(o.obj);
  } catch {
    return { object: digest(o.obj) };
  }
}

/** The lock entries of the inputs (sorted; the first of duplicates wins), and all the inputs as manifest objects. */
export function entriesOf(inputs: ManifestInput[]): { entries: Entry[]; objects: ManifestObject[] } {
  const entries = new Map<string, Entry>();
  const objects: ManifestObject[] = [];
  inputs.forEach((input, index) => {
    const o = toManifestObject(input, index);
    if (!o) return;
    objects.push(o);
    const ex = extractorOf(o);
    if (!ex) return;
    const key = identity(o.kind, o.namespace, o.name);
    if (entries.has(key)) return; // a duplicate: the first one wins (the validator reports duplicates)
    const fields = lockedFields(ex, o);
    if (Object.keys(fields).length === 0) return;
    const namespace = isClusterScoped(o.kind) ? undefined : o.namespace;
    entries.set(key, { key, source: o, locked: lockedObject(o.kind, namespace, o.name, fields) });
  });
  return { entries: [...entries.values()].sort(byKey((e) => sortKey(e.locked))), objects };
}

/** The lock of a set of objects with their origin. */
export function computeLockOfInputs(inputs: ManifestInput[]): LockFile {
  return { version: LOCK_FORMAT_VERSION, objects: entriesOf(inputs).entries.map((e) => e.locked) };
}

/** The lock of a set of plain objects. */
export function computeLock(objects: any[]): LockFile {
  return computeLockOfInputs((Array.isArray(objects) ? objects : []).map((object) => ({ object })));
}
