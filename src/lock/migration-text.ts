import { Entry } from './extract';
import { LockedObject } from './lock-file';
import { isClusterScoped } from '../core/scope';
import { Severity } from '../validation/finding';
import { KnownStorageClass, ManifestObject, ResolvedStorageClass, RuleContext } from '../validation/rule';

/**
 * The vocabulary of migration guidance: a change to a locked field, the verdict on it, and the phrases the
 * guidance of every kind shares (kubectl with the object's namespace, the copy-the-data migration, ...).
 */

/** Value shown for a field that is not set. */
const NOT_SET = '(not set)';

/** A changed locked field of an object, with the values in the lock and in the new objects (undefined: not set). */
export interface Change {
  readonly entry: Entry;
  readonly field: string;
  readonly oldValue?: string;
  readonly newValue?: string;
}

/** What a change means: refused (error) or allowed with a caveat (warning), why, and the migration steps. */
export interface Verdict {
  readonly severity: Severity;
  readonly message: string;
  readonly steps: string[];
}

/** The StorageClasses a comparison knows (among the objects, in the lock, given), to guide volume growth. */
export class Guide {
  private readonly ctx: RuleContext;

  constructor(objects: ManifestObject[], known: KnownStorageClass[]) {
    this.ctx = new RuleContext(objects, known);
  }

  /** The class of a claim spec, or undefined when unknown (never throws). */
  public classOf(spec: any): ResolvedStorageClass | undefined {
    try {
      return this.ctx.classOfClaim(spec);
    } catch {
      return undefined;
    }
  }
}

/** A locked value as shown: `(not set)` when absent. */
export function show(v: string | undefined): string {
  return v === undefined ? NOT_SET : v;
}

/** `field old -> new`, as each message starts. */
export function changeText(c: Change): string {
  return `${c.field} ${show(c.oldValue)} -> ${show(c.newValue)}`;
}

/** `Kind/namespace/name`. */
export function objRef(o: LockedObject): string {
  return `${o.kind}/${o.namespace ? o.namespace + '/' : ''}${o.name}`;
}

/** `kubectl`, with `-n <namespace>` for a namespaced object that names its namespace. */
export function kubectl(o: LockedObject): string {
  return o.namespace && !isClusterScoped(o.kind) ? `kubectl -n ${o.namespace}` : 'kubectl';
}

/** The migration that always works: a new object under a new name, the data copied over. */
export function copyMigration(what: string): string {
  return `Move the data instead: create ${what} under a new name, copy the data into it (dump and restore, or restore a VolumeSnapshot into a larger claim where the driver supports it), switch the clients, then delete the old one.`;
}
