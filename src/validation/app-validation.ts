import { ApiObject } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { Finding, RuleBasis, Severity } from './finding';
import { ScopedPolicy } from './policy-options';
import { allRules } from './registry';
import { offerRender } from './render-cache';
import { KnownStorageClass } from './rule';
import { ManifestInput, runValidation } from './validate';
import { Warnings } from '../core/warnings';

const STATE = Symbol.for('cdk8s-golden-paths.GoldenPathValidation');

/**
 * The synth-time door of the validator: one per app. At synth the rules run once over every object of the app (so
 * cross-object checks see everything), and every finding is reported, all together, before anything is written:
 * each construct of this library reports the findings about the objects it emitted, and the app reports the findings
 * about its own objects (hand-written cdk8s-plus objects, ApiObjects, imported CRDs). On the app's own objects the
 * findings of practice rules (`RuleBasis.PRACTICE`) are warnings, unless a platform policy enforces practices there
 * (`enforcePracticesOnAppObjects`: then they are errors); what the cluster would reject fails synth for every object.
 */
export class GoldenPathValidation {
  /**
   * The validation of the app that `scope` belongs to (created on first use).
   */
  public static of(scope: IConstruct): GoldenPathValidation {
    const root = scope.node.root as any;
    if (!root[STATE]) {
      Object.defineProperty(root, STATE, { value: new GoldenPathValidation(root), enumerable: false });
    }
    return root[STATE];
  }

  /**
   * Whether warnings fail synth too.
   * @default false
   */
  public failOnWarnings = false;

  private readonly root: IConstruct;
  private readonly knownClasses = new Map<string, KnownStorageClass>();
  private readonly policies: ScopedPolicy[] = [];
  /** Construct paths of the registered constructs: each reports the findings of its subtree. */
  private readonly owners = new Set<string>();
  private cached?: Finding[];
  private rendered?: ManifestInput[];
  /**
   * What the last validation pass cost (rendering the objects, running the rules), for the benchmark.
   * @internal
   */
  public _lastPass?: { readonly objects: number; readonly renderMs: number; readonly rulesMs: number };

  private constructor(root: IConstruct) {
    this.root = root;
    root.node.addValidation({ validate: () => this.appObjectMessages() });
  }

  /**
   * Tell the validator about a StorageClass that exists in the cluster, so claims that use it are checked.
   */
  public addKnownStorageClass(storageClass: KnownStorageClass): void {
    this.knownClasses.set(storageClass.name, storageClass);
  }

  /**
   * The StorageClasses that exist in the cluster as the app's constructs declared them (ExistingStorageClass, ...).
   */
  public knownStorageClasses(): KnownStorageClass[] {
    return [...this.knownClasses.values()];
  }

  /**
   * Run every rule over the whole app now and return all findings (errors and warnings, every object).
   */
  public findings(): Finding[] {
    return this.compute();
  }

  /**
   * Registers a construct: at synth it fails with the errors about objects in its subtree.
   * @internal
   */
  public _register(owner: Construct): void {
    this.owners.add(owner.node.path);
    owner.node.addValidation({ validate: () => this.messagesFor(owner) });
  }

  /**
   * Adds a platform policy for a scope.
   * @internal
   */
  public _addPolicy(policy: ScopedPolicy): void {
    this.policies.push(policy);
    this.cached = undefined;
    this.rendered = undefined;
  }

  /**
   * The app's objects as JSON, rendered once per synchronous pass (the validation, the deploy lock and the synth
   * that follows share it).
   * @internal
   */
  public _renderedObjects(duringSynth = false): ManifestInput[] {
    if (this.rendered) return this.rendered;
    const inputs: ManifestInput[] = [];
    for (const c of this.root.node.findAll()) {
      if (!ApiObject.isApiObject(c)) continue;
      let object: any;
      try {
        object = c.toJson();
      } catch {
        continue; // the object's own synth error is reported by cdk8s itself
      }
      inputs.push({ object, constructPath: c.node.path });
      if (duringSynth) offerRender(c, object);
    }
    this.rendered = inputs;
    queueMicrotask(() => {
      this.rendered = undefined;
    });
    return inputs;
  }

  private messagesFor(owner: Construct): string[] {
    const prefix = owner.node.path + '/';
    const messages: string[] = [];
    for (const f of this.compute(true)) {
      if (!f.constructPath || !(f.constructPath === owner.node.path || f.constructPath.startsWith(prefix))) continue;
      this.emit(f, f.severity, messages);
    }
    return messages;
  }

  /**
   * The findings about the app's own objects: those no registered construct owns. A practice finding (error or
   * warning) is an error there when a policy over the object enforces practices, and a warning otherwise; what the
   * cluster would reject keeps its severity.
   */
  private appObjectMessages(): string[] {
    const messages: string[] = [];
    const practices = practiceRuleIds();
    for (const f of this.compute(true)) {
      if (this.isOwned(f.constructPath)) continue;
      if (!practices.has(f.ruleId)) {
        this.emit(f, f.severity, messages);
      } else if (this.practicesEnforcedAt(f.constructPath)) {
        this.emit(f, Severity.ERROR, messages);
      } else {
        this.emit(f, Severity.WARNING, messages, f.severity === Severity.ERROR ? PRACTICE_NOTE : '');
      }
    }
    return messages;
  }

  /** An error message for synth, or a warning through the app's warnings (an error in strict mode). */
  private emit(f: Finding, severity: Severity, messages: string[], note = ''): void {
    const text = `${f.ruleId} ${f.kind}/${f.name} (${f.constructPath ?? '(no construct)'}): ${f.message}. Fix: ${f.fix}${note}`;
    if (severity === Severity.ERROR || this.failOnWarnings) messages.push(text);
    else Warnings.of(this.root).add(`warning ${text}`);
  }

  /** Whether a registered construct (or the construct itself) contains the object at this path. */
  private isOwned(path: string | undefined): boolean {
    if (path === undefined || this.owners.size === 0) return false;
    for (let p = path; ; p = p.slice(0, p.lastIndexOf('/'))) {
      if (this.owners.has(p)) return true;
      if (p.lastIndexOf('/') < 0) return false;
    }
  }

  /** Whether a policy whose scope holds the path enforces practice rules on the app's own objects. */
  private practicesEnforcedAt(path: string | undefined): boolean {
    return this.policies.some((p) => p.policy.enforcePracticesOnAppObjects === true
      && (!p.scopePath || (path !== undefined && (path === p.scopePath || path.startsWith(p.scopePath + '/')))));
  }

  /**
   * Findings of the whole app, computed once per synchronous synth pass: cdk8s calls every construct's
   * validation in one loop (and again for each chart it renders), and the cache is dropped when that task ends.
   */
  private compute(duringSynth = false): Finding[] {
    if (this.cached) return this.cached;
    const t0 = performance.now();
    const inputs = this._renderedObjects(duringSynth);
    const t1 = performance.now();
    this.cached = runValidation(inputs, { knownStorageClasses: [...this.knownClasses.values()], policies: this.policies });
    this._lastPass = { objects: inputs.length, renderMs: t1 - t0, rulesMs: performance.now() - t1 };
    queueMicrotask(() => {
      this.cached = undefined;
    });
    return this.cached;
  }
}

/** Said of a practice error reported as a warning on the app's own objects. */
const PRACTICE_NOTE = ' (a practice rule: a warning on the app\'s own objects; PlatformPolicy enforcePracticesOnAppObjects makes it an error)';

let PRACTICE_IDS: Set<string> | undefined;

/** Ids of the rules whose verdict is a practice, not what the cluster does. */
function practiceRuleIds(): Set<string> {
  if (!PRACTICE_IDS) PRACTICE_IDS = new Set(allRules().filter((r) => r.basis === RuleBasis.PRACTICE).map((r) => r.id));
  return PRACTICE_IDS;
}
