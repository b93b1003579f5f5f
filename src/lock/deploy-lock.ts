import * as path from 'path';
import { Construct, IConstruct } from 'constructs';
import type { LockCompareOptions, LockViolation } from './compare';
import { ACCEPT_CHANGES_ENV, DEFAULT_LOCK_FILE, LOCK_FORMAT_VERSION, LockFile, parseLock, serializeLock } from './lock-file';
import { readLockText, writeFileAtomically } from './lock-io';
import { Problems } from '../core/problems';
import { Warnings } from '../core/warnings';
import { GoldenPathValidation } from '../validation/app-validation';
import { Severity } from '../validation/finding';
import { OtherValidations } from '../validation/other-validations';
import { KnownStorageClass } from '../validation/rule';
import { ManifestInput } from '../validation/validate';

const STATE = Symbol.for('cdk8s-golden-paths.DeployLock');

type LockEngine = typeof import('./compare') & typeof import('./extract');
let loadedEngine: LockEngine | undefined;

/** Extraction and comparison, loaded on first use: an app that never computes its lock does not load them at import. */
function engine(): LockEngine {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return loadedEngine ??= { ...(require('./compare') as typeof import('./compare')), ...(require('./extract') as typeof import('./extract')) };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/**
 * Options of the deploy lock of an app.
 */
export interface DeployLockOptions {
  /**
   * The lock file, relative to the current directory (where `cdk8s synth` runs) or absolute.
   * @default DeployLock.DEFAULT_FILE ('golden-paths.lock.json') in the current directory: committed next to the app
   */
  readonly file?: string;
  /**
   * Accept every change to a locked field: synth passes and rewrites the lock, so the acceptance shows as a lock-file diff.
   * Prefer the environment variable `GOLDEN_PATHS_ACCEPT_CHANGES=1` for a one-off acceptance, so the code does not keep accepting.
   * @default - accept only when `GOLDEN_PATHS_ACCEPT_CHANGES` is `1` or `true`: a change the cluster would refuse fails synth
   */
  readonly accept?: boolean;
  /**
   * StorageClasses that exist in the cluster but are not in the app, for the expansion guidance of growing volumes.
   * @default - only the classes in the app and in the lock
   */
  readonly knownStorageClasses?: KnownStorageClass[];
}

/**
 * Day-2 safety at synth: a lock file of the fields Kubernetes refuses to change after creation (a StatefulSet's
 * volumeClaimTemplates, selector, serviceName and podManagementPolicy; a claim's spec except growing; a StorageClass's
 * provisioner, parameters, reclaim policy and binding mode; a PersistentVolume's source; a Service's clusterIP; a Job's
 * template; workload selectors).
 *
 * At synth, the objects of the whole app are compared with the lock file. A change the cluster would refuse fails synth,
 * all of them at once, each with the object, the field, the old and new values and the safe migration. When nothing
 * fails, the lock is (re)written: on the first synth, when objects are added or removed, or when a change is allowed
 * (growing a claim on a class that expands online). Accepting a refused change (`accept`, or `GOLDEN_PATHS_ACCEPT_CHANGES=1`)
 * rewrites it too, so the acceptance is reviewed as a lock-file diff. The file is written only when every other
 * validation of the app passes, in one rename (never half-written), and the same objects give the same bytes.
 *
 * @see https://github.com/kubernetes/kubernetes/issues/68737
 */
export class DeployLock {
  /**
   * The lock file used when `file` is not given: `golden-paths.lock.json`, in the current directory (where `cdk8s synth` runs).
   */
  public static readonly DEFAULT_FILE: string = DEFAULT_LOCK_FILE;

  /**
   * The environment variable that accepts every refused change at synth, so the lock is rewritten and the acceptance
   * shows as a lock-file diff: `GOLDEN_PATHS_ACCEPT_CHANGES` (set to `1` or `true`).
   */
  public static readonly ACCEPT_CHANGES_ENV: string = ACCEPT_CHANGES_ENV;

  /**
   * Version of the lock-file format this library writes and reads (`version` in the file, {@link LockFile.version}).
   * A lock file with a newer version is refused: upgrade the library.
   */
  public static readonly FORMAT_VERSION: number = LOCK_FORMAT_VERSION;

  /**
   * The deploy lock of the app that `scope` belongs to, created (and enabled) on first use.
   *
   * @param scope any construct of the app
   * @param options file and acceptance; only on the first call, or the same ones again
   */
  public static of(scope: IConstruct, options?: DeployLockOptions): DeployLock {
    const root = scope.node.root as any;
    const existing: DeployLock | undefined = root[STATE];
    if (existing) {
      if (options && !existing.sameOptions(options)) {
        const problems = new Problems(scope.node.path ? scope : '(app)');
        problems.add('DeployLock.of options', options, `differ from the options the app's DeployLock is already configured with (file ${existing.file}, accept ${existing.acceptProp ?? '(from the environment)'})`,
          'Pass the options on the first DeployLock.of() call only.');
        problems.throwIfAny();
      }
      return existing;
    }
    const lock = new DeployLock(root, options ?? {});
    Object.defineProperty(root, STATE, { value: lock, enumerable: false });
    return lock;
  }

  /**
   * The lock of plain Kubernetes objects (as parsed from YAML or produced by `chart.toJson()`).
   */
  public static compute(objects: any[]): LockFile {
    return engine().computeLock(objects);
  }

  /**
   * Every change from a lock to plain objects that the cluster would refuse (errors) or that needs care (warnings),
   * and every locked object that is gone (warnings).
   */
  public static compare(lock: LockFile, objects: any[], options: LockCompareOptions = {}): LockViolation[] {
    return engine().compareLock(lock, objects, options);
  }

  /**
   * The lock as file text: sorted, two-space indented, with a trailing newline. Same lock, same bytes.
   */
  public static serialize(lock: LockFile): string {
    return serializeLock(lock);
  }

  /**
   * Parses lock-file text; throws an error that says what is wrong and how to recover.
   */
  public static parse(text: string): LockFile {
    return parseLock(text);
  }

  /**
   * A violation as text, with its migration steps on the following lines.
   */
  public static format(violation: LockViolation): string {
    return engine().formatViolation(violation);
  }

  /** Absolute path of the lock file. */
  public readonly file: string;

  private readonly root: IConstruct;
  private readonly acceptProp?: boolean;
  private readonly knownStorageClasses: KnownStorageClass[];
  private readonly others: OtherValidations;

  private constructor(root: IConstruct, options: DeployLockOptions) {
    this.root = root;
    this.others = new OtherValidations(root);
    this.file = path.resolve(options.file ?? DEFAULT_LOCK_FILE);
    this.acceptProp = options.accept;
    this.knownStorageClasses = [...(options.knownStorageClasses ?? [])];
    // a construct of its own, so synth errors read `[DeployLock] error StatefulSet/...` (the app's path is empty)
    new Construct(root, 'DeployLock').node.addValidation({ validate: () => this.validate() });
  }

  /**
   * Whether refused changes are accepted at synth: the `accept` option, else `GOLDEN_PATHS_ACCEPT_CHANGES` (`1` or `true`).
   */
  public get accepting(): boolean {
    if (this.acceptProp !== undefined) return this.acceptProp;
    const env = (process.env[ACCEPT_CHANGES_ENV] ?? '').trim().toLowerCase();
    return env === '1' || env === 'true';
  }

  /**
   * The lock of the app's objects as they are now.
   */
  public currentLock(): LockFile {
    return engine().computeLockOfInputs(this.inputs());
  }

  /**
   * The violations of the app against the lock file now (empty when there is no lock file). Writes nothing.
   * Throws when the lock file cannot be read or parsed.
   */
  public violations(): LockViolation[] {
    const text = this.read();
    if (text === undefined) return [];
    return engine().compareLockWithInputs(parseLock(text, this.file), this.inputs(), { knownStorageClasses: this.knownClasses() });
  }

  /** The classes given in the options, then those the app's constructs registered (ExistingStorageClass.exoscaleBlockStorage(), ...). */
  private knownClasses(): KnownStorageClass[] {
    const fromApp = GoldenPathValidation.of(this.root).knownStorageClasses();
    return [...this.knownStorageClasses, ...fromApp.filter((k) => !this.knownStorageClasses.some((o) => o.name === k.name))];
  }

  private sameOptions(options: DeployLockOptions): boolean {
    return path.resolve(options.file ?? DEFAULT_LOCK_FILE) === this.file && options.accept === this.acceptProp
      && (options.knownStorageClasses === undefined || JSON.stringify(options.knownStorageClasses) === JSON.stringify(this.knownStorageClasses));
  }

  /** The app's objects as the validation pass rendered them (one render per synth for both). */
  private inputs(duringSynth = false): ManifestInput[] {
    return GoldenPathValidation.of(this.root)._renderedObjects(duringSynth);
  }

  private read(): string | undefined {
    return readLockText(this.file);
  }

  /** The synth-time check: messages of the refused changes, or none (and the lock written when it changed). */
  private validate(): string[] {
    if (this.others.asking) return []; // called again from others.fail()
    const inputs = this.inputs(true);
    const fresh = serializeLock(engine().computeLockOfInputs(inputs));
    let existing: string | undefined;
    let violations: LockViolation[] = [];
    try {
      existing = this.read();
      if (existing !== undefined) {
        violations = engine().compareLockWithInputs(parseLock(existing, this.file), inputs, { knownStorageClasses: this.knownClasses() });
      }
    } catch (e) {
      return [(e as Error).message];
    }
    const errors = violations.filter((v) => v.severity === Severity.ERROR);
    if (errors.length > 0 && !this.accepting) {
      return errors.map((v) => engine().formatViolation(v, '    '));
    }
    for (const v of violations) {
      const text = v.severity === Severity.ERROR ? `accepted ${engine().formatViolation(v)}` : engine().formatViolation(v);
      Warnings.of(this.root).add(`DeployLock: ${text}`);
    }
    if (existing !== fresh && !this.others.fail()) {
      try {
        writeFileAtomically(this.file, fresh);
      } catch (e) {
        return [`cannot write the lock file ${this.file}: ${(e as Error).message}`];
      }
    }
    return [];
  }

}
