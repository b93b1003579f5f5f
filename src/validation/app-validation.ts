import { ApiObject } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { Finding, RuleBasis, Severity } from './finding';
import { ScopedPolicy } from './policy-options';
import { allRules } from './registry';
import { offerRender } from './render-cache';
import { KnownStorageClass } from './rule';
import { ManifestInput, runValidation } from './validate';
import { NO_VALUE, Problems } from '../core/problems';
import { Warnings } from '../core/warnings';
import { isCrd } from '../knowledge/kubernetes/crd-schema';
import {
  DEFAULT_KUBERNETES_VERSION, KubernetesVersion, parseKubernetesVersion, supportedVersionsText,
} from '../knowledge/kubernetes/versions';

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
  private readonly crds: any[] = [];
  private version?: KubernetesVersion;
  /** Construct path of the scope whose platform defaults set the version, for conflict messages. */
  private versionSetBy?: string;
  /** Construct paths of the registered constructs: each reports the findings of its subtree. */
  private readonly owners = new Set<string>();
  private cached?: Finding[];
  private rendered?: ManifestInput[];
  private readonly beforeRender: Array<() => void> = [];
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
   * The Kubernetes minor the app's objects are checked against at synth: its schema, the apiVersions it serves and the
   * in-tree volume plugins it still has. Set it to the minor of the oldest cluster the app is deployed to. Platform
   * teams set it once with `PlatformDefaults.set(app, { kubernetesVersion })`; a value set here wins.
   *
   * @default KubernetesVersion.V1_33 - `Validator.DEFAULT_KUBERNETES_VERSION` (see the README, Compatibility)
   */
  public get kubernetesVersion(): KubernetesVersion {
    return this.version ?? DEFAULT_KUBERNETES_VERSION;
  }

  public set kubernetesVersion(version: KubernetesVersion) {
    this.version = checkedVersion(this.root, version);
    this.versionSetBy = undefined;
    this.cached = undefined;
  }

  /**
   * Add a CustomResourceDefinition (apiextensions.k8s.io/v1, as parsed from its YAML) whose objects in the app are
   * then checked against its schema: for operators the library does not ship a schema for. Objects of a kind with no
   * known schema are reported once as not validated (SCH-005, a warning).
   *
   * @param crd a CustomResourceDefinition object, or a list of documents such as `Yaml.load('crds/widgets.yaml')`
   * (documents of other kinds in the list are skipped)
   */
  public addCrd(crd: any): void {
    const docs = Array.isArray(crd) ? crd.filter((d) => isCrd(d)) : [crd];
    const problems = new Problems(this.root.node.path ? this.root : '(app)');
    if (docs.length === 0 || !docs.every((d) => isCrd(d))) {
      problems.add('addCrd', Array.isArray(crd) ? NO_VALUE : crd, Array.isArray(crd)
        ? 'got a list with no CustomResourceDefinition of apiextensions.k8s.io/v1'
        : 'is not a CustomResourceDefinition of apiextensions.k8s.io/v1 with spec.group, spec.names and spec.versions',
      'Pass the CRD as parsed from its YAML, e.g. addCrd(Yaml.load(\'crds/widgets.yaml\')).');
    }
    problems.throwIfAny();
    this.crds.push(...docs);
    this.cached = undefined;
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
   * The version platform defaults set (PlatformDefaults.set with kubernetesVersion): the app has one target, so two
   * scopes that set different versions are refused; a version set through the `kubernetesVersion` property wins.
   * @internal
   */
  public _setKubernetesVersionFromDefaults(version: KubernetesVersion, scope: IConstruct): void {
    const checked = checkedVersion(scope, version);
    const path = scope.node.path || '(app)';
    if (this.versionSetBy !== undefined && this.version !== checked && this.versionSetBy !== path) {
      const problems = new Problems(scope.node.path ? scope : '(app)');
      problems.add('kubernetesVersion', version, `conflicts with ${this.version} set by the platform defaults of ${this.versionSetBy}: the app is validated against one Kubernetes minor`,
        'Set kubernetesVersion once, on the App (the minor of the oldest cluster the app is deployed to).');
      problems.throwIfAny();
    }
    if (this.version !== undefined && this.versionSetBy === undefined) return; // set explicitly: wins
    this.version = checked;
    this.versionSetBy = path;
    this.cached = undefined;
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
    this.cached = runValidation(inputs, {
      knownStorageClasses: [...this.knownClasses.values()],
      policies: this.policies,
      kubernetesVersion: this.kubernetesVersion,
      customResourceDefinitions: this.crds,
    });
    this._lastPass = { objects: inputs.length, renderMs: t1 - t0, rulesMs: performance.now() - t1 };
    queueMicrotask(() => {
      this.cached = undefined;
    });
    return this.cached;
  }
}

/** A version as JavaScript callers pass it (the enum, or its string): refused with the versions the library knows. */
function checkedVersion(scope: IConstruct, version: unknown): KubernetesVersion {
  const v = parseKubernetesVersion(version);
  if (!v) {
    const problems = new Problems(scope.node.path ? scope : '(app)');
    problems.add('kubernetesVersion', version, `is not a Kubernetes version the validator knows (${supportedVersionsText()})`,
      'Use e.g. KubernetesVersion.V1_33.');
    problems.throwIfAny();
  }
  return v!;
}

/** Said of a practice error reported as a warning on the app's own objects. */
const PRACTICE_NOTE = ' (a practice rule: a warning on the app\'s own objects; PlatformPolicy enforcePracticesOnAppObjects makes it an error)';

let PRACTICE_IDS: Set<string> | undefined;

/** Ids of the rules whose verdict is a practice, not what the cluster does. */
function practiceRuleIds(): Set<string> {
  if (!PRACTICE_IDS) PRACTICE_IDS = new Set(allRules().filter((r) => r.basis === RuleBasis.PRACTICE).map((r) => r.id));
  return PRACTICE_IDS;
}
