import { ApiObject } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { Finding, Severity } from './finding';
import { ScopedPolicy } from './policy-options';
import { offerRender } from './render-cache';
import { KnownStorageClass } from './rule';
import { ManifestInput, runValidation } from './validate';
import { Warnings } from '../core/warnings';

const STATE = Symbol.for('cdk8s-golden-paths.GoldenPathValidation');

/**
 * The synth-time door of the validator: one per app. Constructs of this library register themselves;
 * at synth the rules run once over every object of the app (so cross-object checks see everything) and
 * each construct reports the errors about the objects it emitted, all together, before anything is written.
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
  private cached?: Finding[];
  private rendered?: ManifestInput[];
  private readonly beforeRender: Array<() => void> = [];

  private constructor(root: IConstruct) {
    this.root = root;
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
   * Runs `hook` once, before the first render of the app's objects (at synth, or the first `findings()`): the last
   * moment to finish objects whose content depends on everything the app added to them (PodHardening).
   * @internal
   */
  public _beforeRender(hook: () => void): void {
    this.beforeRender.push(hook);
    this.rendered = undefined;
    this.cached = undefined;
  }

  /**
   * The app's objects as JSON, rendered once per synchronous pass (the validation, the deploy lock and the synth
   * that follows share it).
   * @internal
   */
  public _renderedObjects(duringSynth = false): ManifestInput[] {
    if (this.rendered) return this.rendered;
    for (const hook of this.beforeRender.splice(0)) hook();
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
    const warnings = Warnings.of(this.root);
    for (const f of this.compute(true)) {
      if (!f.constructPath || !(f.constructPath === owner.node.path || f.constructPath.startsWith(prefix))) continue;
      const text = `${f.ruleId} ${f.kind}/${f.name} (${f.constructPath}): ${f.message}. Fix: ${f.fix}`;
      if (f.severity === Severity.ERROR || this.failOnWarnings) {
        messages.push(text);
      } else {
        warnings.add(`warning ${text}`);
      }
    }
    return messages;
  }

  /**
   * Findings of the whole app, computed once per synchronous synth pass: cdk8s calls every construct's
   * validation in one loop (and again for each chart it renders), and the cache is dropped when that task ends.
   */
  private compute(duringSynth = false): Finding[] {
    if (this.cached) return this.cached;
    const inputs = this._renderedObjects(duringSynth);
    this.cached = runValidation(inputs, { knownStorageClasses: [...this.knownClasses.values()], policies: this.policies });
    queueMicrotask(() => {
      this.cached = undefined;
    });
    return this.cached;
  }
}
