import { Entry, entriesOf, identity } from './extract';
import { ACCEPT_CHANGES_ENV, DEFAULT_LOCK_FILE, LockFile, LockedObject, byKey, sortKey } from './lock-file';
import { removedVerdict, safeVerdictFor } from './migration';
import { Change, Guide, Verdict, show } from './migration-text';
import { Severity } from '../validation/finding';
import { KnownStorageClass, ManifestObject } from '../validation/rule';
import { ManifestInput } from '../validation/validate';

/**
 * Comparing a lock with new objects: every change to a locked field with its verdict and migration
 * (migration.ts), and every locked object that is gone. Never throws for odd objects.
 */

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

/** The default accept hint appended to the migration of a refused change. */
const DEFAULT_ACCEPT_HINT = `Then accept the change so the lock-file diff records it: \`${ACCEPT_CHANGES_ENV}=1 cdk8s synth\` or \`cdk8s-golden-paths lock update\`, and commit ${DEFAULT_LOCK_FILE} with the code.`;

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

/** The locked objects by identity (the first of duplicates wins), in lock-file order. */
function lockedByIdentity(lock: LockFile): Map<string, LockedObject> {
  const byIdentity = new Map<string, LockedObject>();
  for (const o of lock.objects) {
    const key = identity(o.kind, o.namespace, o.name);
    if (!byIdentity.has(key)) byIdentity.set(key, o);
  }
  return byIdentity;
}

/** The classes given, then those the lock remembers (a class removed from the app may still be in the cluster). */
function knownClasses(lock: LockFile, options: LockCompareOptions): KnownStorageClass[] {
  const known: KnownStorageClass[] = [...(options.knownStorageClasses ?? [])];
  for (const o of lock.objects) {
    if (o.kind === 'StorageClass' && !known.some((k) => k.name === o.name)) {
      known.push({ name: o.name, provisioner: o.fields.provisioner, volumeBindingMode: o.fields.volumeBindingMode });
    }
  }
  return known;
}

/** A violation of a locked object: the verdict's steps numbered, the hint last for a refused change. */
function violation(o: LockedObject, change: { field: string; oldValue: string; newValue: string }, verdict: Verdict,
  hint?: string, source?: ManifestObject): LockViolation {
  const steps = hint !== undefined && verdict.severity === Severity.ERROR ? [...verdict.steps, hint] : verdict.steps;
  return {
    severity: verdict.severity,
    kind: o.kind,
    ...(o.namespace !== undefined ? { namespace: o.namespace } : {}),
    name: o.name,
    field: change.field,
    oldValue: change.oldValue,
    newValue: change.newValue,
    message: verdict.message,
    migration: steps.map((s, i) => `${i + 1}. ${s}`).join('\n'),
    ...(source?.file !== undefined ? { file: source.file } : {}),
    ...(source?.line !== undefined ? { line: source.line } : {}),
    ...(source?.constructPath !== undefined ? { constructPath: source.constructPath } : {}),
  };
}

/**
 * Compares a lock with new objects (with their origin): every change to a locked field, and every locked object that is gone.
 * Never throws for odd objects.
 */
export function compareLockWithInputs(lock: LockFile, inputs: ManifestInput[], options: LockCompareOptions = {}): LockViolation[] {
  const { entries, objects } = entriesOf(inputs);
  const locked = lockedByIdentity(lock);
  const guide = new Guide(objects, knownClasses(lock, options));
  const hint = options.acceptHint ?? DEFAULT_ACCEPT_HINT;
  const violations: LockViolation[] = [];
  for (const entry of entries) {
    const old = locked.get(entry.key);
    if (!old) continue; // a new object: locked on the next update
    locked.delete(entry.key);
    for (const change of changesOf(entry, old)) {
      const verdict = safeVerdictFor(change, guide);
      if (!verdict) continue;
      const values = { field: change.field, oldValue: show(change.oldValue), newValue: show(change.newValue) };
      violations.push(violation(entry.locked, values, verdict, hint, entry.source));
    }
  }
  for (const old of [...locked.values()].sort(byKey(sortKey))) {
    violations.push(violation(old, { field: '(object)', oldValue: 'locked', newValue: '(removed)' }, removedVerdict(old)));
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
