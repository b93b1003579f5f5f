import { RuleInfo, Severity } from './finding';
import { PlatformPolicyProps, ScopedPolicy } from './policy-options';
import { DEFAULT_CLASS_ANNOTATION } from '../core/conventions';
import { isClusterScoped } from '../core/scope';
import { isObject, str } from '../core/values';
import { DEFAULT_KUBERNETES_VERSION, KubernetesVersion, versionAtMost } from '../knowledge/kubernetes/versions';
import { StorageCatalog, StorageSystemInfo, effectiveCapabilities } from '../knowledge/storage/catalog';
import { StorageCapabilities } from '../knowledge/storage/types';

/**
 * A Kubernetes object under validation, with where it came from.
 */
export interface ManifestObject {
  /** The object as plain JSON. Rules must treat every field as possibly missing or of the wrong type. */
  readonly obj: any;
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  /** Namespace as written (undefined for cluster-scoped objects or when not set). */
  readonly namespace?: string;
  readonly file?: string;
  readonly line?: number;
  readonly constructPath?: string;
  /** Position in the input, for stable ordering. */
  readonly index: number;
  /** `metadata` ({} when absent or not an object), read once here: rules read it from every object. */
  readonly meta: Record<string, any>;
  /** `metadata.labels` ({} when absent or not an object). */
  readonly labels: Record<string, unknown>;
  /** `metadata.annotations` ({} when absent or not an object). */
  readonly annotations: Record<string, unknown>;
}

/** The fields of a {@link ManifestObject} that {@link manifestObject} derives from `obj`. */
export type ManifestObjectFields = Omit<ManifestObject, 'meta' | 'labels' | 'annotations'>;

const NONE: Record<string, any> = Object.freeze({});

/**
 * A manifest object with its metadata, labels and annotations read once. Every object of a validation has the same
 * shape, so the rules' reads of these fields stay fast (the objects themselves, of many kinds, have many shapes).
 */
export function manifestObject(f: ManifestObjectFields): ManifestObject {
  const meta = isObject(f.obj) && isObject(f.obj.metadata) ? f.obj.metadata : NONE;
  return {
    obj: f.obj,
    apiVersion: f.apiVersion,
    kind: f.kind,
    name: f.name,
    namespace: f.namespace,
    file: f.file,
    line: f.line,
    constructPath: f.constructPath,
    index: f.index,
    meta,
    labels: isObject(meta.labels) ? meta.labels : NONE,
    annotations: isObject(meta.annotations) ? meta.annotations : NONE,
  };
}

/**
 * A StorageClass that exists in the cluster but is not among the validated objects, with what is known about it.
 */
export interface KnownStorageClass {
  /** StorageClass name. */
  readonly name: string;
  /**
   * Its provisioner; capabilities come from the catalog when `capabilities` is not given.
   * @default - unknown
   */
  readonly provisioner?: string;
  /**
   * Declared capabilities (for provisioners the catalog does not know).
   * @default - from the catalog by provisioner
   */
  readonly capabilities?: StorageCapabilities;
  /**
   * Its binding mode.
   * @default - unknown
   */
  readonly volumeBindingMode?: string;
  /**
   * Whether it allows expansion.
   * @default - unknown
   */
  readonly allowVolumeExpansion?: boolean;
  /**
   * Whether it is the cluster's default class.
   * @default false
   */
  readonly isDefault?: boolean;
}

/**
 * Everything a rule needs to know about a storage class a claim refers to.
 */
export interface ResolvedStorageClass {
  readonly name: string;
  readonly provisioner?: string;
  readonly system?: StorageSystemInfo;
  readonly capabilities?: StorageCapabilities;
  readonly volumeBindingMode?: string;
  readonly allowVolumeExpansion?: boolean;
  readonly isDefault: boolean;
  /** The StorageClass object, when it is among the validated objects. */
  readonly object?: ManifestObject;
}

/**
 * A rule: metadata plus a check over the whole object set.
 */
export interface Rule extends RuleInfo {
  check(ctx: RuleContext): void;
}

export interface RawFinding {
  readonly rule: RuleInfo;
  readonly target: ManifestObject;
  readonly severity: Severity;
  readonly message: string;
  readonly fix: string;
}

/** What a validation targets, besides the objects. */
export interface RuleContextSettings {
  /** The Kubernetes minor the objects are checked against. */
  readonly kubernetesVersion?: KubernetesVersion;
  /** CustomResourceDefinition objects whose kinds are checked against their schemas (besides those among the objects). */
  readonly customResourceDefinitions?: readonly unknown[];
}

/**
 * The object set a rule runs over, with indexes and the report function.
 */
export class RuleContext {
  public readonly objects: ManifestObject[];
  public readonly findings: RawFinding[] = [];
  private readonly byKind = new Map<string, ManifestObject[]>();
  /** kind -> namespace ('' for cluster-scoped kinds) -> name -> first object: no key string built per lookup. */
  private readonly byKey = new Map<string, Map<string, Map<string, ManifestObject>>>();
  private readonly known: Map<string, KnownStorageClass>;
  private currentRule?: RuleInfo;
  /** StorageClass objects resolved (defaultStorageClasses() asks for every class, for every claim without a class). */
  private readonly resolvedObjects = new Map<ManifestObject, ResolvedStorageClass>();
  /** storageClass() by name: the objects do not change during a validation, and many claim rules ask. */
  private readonly resolvedClasses = new Map<string, ResolvedStorageClass | undefined>();

  /** Platform policies in force. */
  public readonly policies: ScopedPolicy[];
  /** The Kubernetes minor the objects are checked against (rules that depend on the version ask it). */
  public readonly kubernetesVersion: KubernetesVersion;
  /** CustomResourceDefinitions given with the validation (those among the objects are in `objects`). */
  public readonly customResourceDefinitions: readonly unknown[];
  /** Objects that share kind, namespace and name with another (API-040 tells which are in the same API group). */
  private readonly collided = new Set<ManifestObject>();
  /** What memo() computed, by the function that computed it. */
  private readonly memos = new Map<(ctx: RuleContext) => unknown, unknown>();

  constructor(objects: ManifestObject[], knownStorageClasses: KnownStorageClass[] = [], policies: ScopedPolicy[] = [],
    settings: RuleContextSettings = {}) {
    this.objects = objects;
    this.policies = policies;
    this.kubernetesVersion = settings.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION;
    this.customResourceDefinitions = settings.customResourceDefinitions ?? [];
    for (const o of objects) {
      let list = this.byKind.get(o.kind);
      if (!list) {
        list = [];
        this.byKind.set(o.kind, list);
      }
      list.push(o);
      let byNs = this.byKey.get(o.kind);
      if (!byNs) this.byKey.set(o.kind, (byNs = new Map()));
      const ns = isClusterScoped(o.kind) ? '' : (o.namespace ?? 'default');
      let byName = byNs.get(ns);
      if (!byName) byNs.set(ns, (byName = new Map()));
      const first = byName.get(o.name);
      if (!first) {
        byName.set(o.name, o);
      } else {
        if (!this.collided.has(first)) this.collided.add(first);
        this.collided.add(o);
      }
    }
    this.known = new Map(knownStorageClasses.map((k) => [k.name, k]));
  }

  /**
   * What `compute(this)` returns, computed once per validation: the indexes several rules share (pod specs, claims,
   * label maps, database StatefulSets) are built by the first rule that asks. `compute` must be a module-level
   * function (it is the key), and must read the objects only.
   */
  public memo<T>(compute: (ctx: RuleContext) => T): T {
    if (this.memos.has(compute)) return this.memos.get(compute) as T;
    const value = compute(this);
    this.memos.set(compute, value);
    return value;
  }

  /**
   * Whether something removed in Kubernetes `version` (`'1.29'`) is gone on the target: removed at or before the
   * target minor (an error), rather than later (a warning that names the version).
   */
  public removedOnTarget(version: string): boolean {
    return versionAtMost(version, this.kubernetesVersion);
  }

  /** Whether the target minor is `version` (`'1.32'`) or later: for what Kubernetes accepts from a minor on. */
  public targetAtLeast(version: string): boolean {
    return versionAtMost(version, this.kubernetesVersion);
  }

  /** The objects that share kind, namespace and name with another object, in input order. */
  public sameKindAndName(): ManifestObject[] {
    return [...this.collided].sort((a, b) => a.index - b.index);
  }

  /** Objects of the given kinds, in input order. */
  public ofKind(...kinds: string[]): ManifestObject[] {
    if (kinds.length === 1) return this.byKind.get(kinds[0]) ?? [];
    return kinds.flatMap((k) => this.byKind.get(k) ?? []);
  }

  /** The object of a kind by namespace and name (namespace ignored for cluster-scoped kinds). */
  public get(kind: string, namespace: string | undefined, name: string): ManifestObject | undefined {
    return this.byKey.get(kind)?.get(isClusterScoped(kind) ? '' : (namespace ?? 'default'))?.get(name);
  }

  /** Namespace an object lives in, defaulting to `default` for namespaced kinds. */
  public namespaceOf(o: ManifestObject): string | undefined {
    return isClusterScoped(o.kind) ? undefined : (o.namespace ?? 'default');
  }

  /** A storage class by name, from the object set or from what the caller told us exists in the cluster. */
  public storageClass(name: string): ResolvedStorageClass | undefined {
    if (this.resolvedClasses.has(name)) return this.resolvedClasses.get(name);
    const resolved = this.resolveClass(name);
    this.resolvedClasses.set(name, resolved);
    return resolved;
  }

  private resolveClass(name: string): ResolvedStorageClass | undefined {
    const o = this.get('StorageClass', undefined, name);
    if (o) return this.resolveClassObject(o);
    const k = this.known.get(name);
    if (!k) return undefined;
    const system = k.provisioner ? StorageCatalog.forProvisioner(k.provisioner) : undefined;
    return {
      name,
      provisioner: k.provisioner,
      system,
      capabilities: k.capabilities ?? system,
      volumeBindingMode: k.volumeBindingMode,
      allowVolumeExpansion: k.allowVolumeExpansion,
      isDefault: k.isDefault === true,
    };
  }

  /** The default storage classes among the objects and the known classes. */
  public defaultStorageClasses(): ResolvedStorageClass[] {
    const result: ResolvedStorageClass[] = [];
    for (const o of this.ofKind('StorageClass')) {
      const r = this.resolveClassObject(o);
      if (r.isDefault) result.push(r);
    }
    for (const k of this.known.values()) {
      if (k.isDefault && !this.get('StorageClass', undefined, k.name)) result.push(this.storageClass(k.name)!);
    }
    return result;
  }

  /**
   * The class a claim gets: its storageClassName, or the default class when the field is absent.
   * `''` means no class (static binding) and resolves to undefined.
   */
  public classOfClaim(claimSpec: any): ResolvedStorageClass | undefined {
    const name = isObject(claimSpec) ? claimSpec.storageClassName : undefined;
    if (name === '') return undefined;
    if (typeof name === 'string') return this.storageClass(name);
    const defaults = this.defaultStorageClasses();
    return defaults.length === 1 ? defaults[0] : undefined;
  }

  /**
   * The policies that apply to an object: those without a scope, and those whose scope contains the object's construct path.
   */
  public policiesFor(o: ManifestObject): PlatformPolicyProps[] {
    if (this.policies.length === 0) return [];
    return this.policies.filter((p) => !p.scopePath || (o.constructPath !== undefined
      && (o.constructPath === p.scopePath || o.constructPath.startsWith(p.scopePath + '/')))).map((p) => p.policy);
  }

  /** Record a finding of the running rule. */
  public report(target: ManifestObject, message: string, opts: { fix?: string; severity?: Severity } = {}): void {
    const rule = this.currentRule!;
    this.findings.push({ rule, target, message, fix: opts.fix ?? rule.fix, severity: opts.severity ?? rule.severity });
  }

  public _run(rule: Rule): void {
    this.currentRule = rule;
    rule.check(this);
  }

  private resolveClassObject(o: ManifestObject): ResolvedStorageClass {
    let r = this.resolvedObjects.get(o);
    if (!r) this.resolvedObjects.set(o, (r = this.resolveClassObjectOnce(o)));
    return r;
  }

  private resolveClassObjectOnce(o: ManifestObject): ResolvedStorageClass {
    const provisioner = str(o.obj.provisioner);
    const system = provisioner ? StorageCatalog.forProvisioner(provisioner) : undefined;
    const known = this.known.get(o.name);
    const ann = o.annotations;
    return {
      name: o.name,
      provisioner,
      system,
      capabilities: known?.capabilities ?? (system ? effectiveCapabilities(system, isObject(o.obj.parameters) ? o.obj.parameters : undefined) : undefined),
      volumeBindingMode: str(o.obj.volumeBindingMode) ?? 'Immediate',
      allowVolumeExpansion: o.obj.allowVolumeExpansion === true,
      isDefault: ann[DEFAULT_CLASS_ANNOTATION] === 'true',
      object: o,
    };
  }
}
