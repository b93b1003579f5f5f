import { CompiledNode, SchemaCompiler, SchemaIssue, checkObject } from './schema-check';
import { CrdConversion, convertCrd, isCrd } from '../knowledge/kubernetes/crd-schema';
import { kubernetesSchema, servedIndex, shippedCrdGroups, shippedCrdSchema } from '../knowledge/kubernetes/schema-data';
import { KUBERNETES_VERSIONS, minorOf } from '../knowledge/kubernetes/versions';

/**
 * The schemas one validation checks objects against: the Kubernetes schema of the target minor, the CRD schemas the
 * library ships (loaded per API group on first use) and the CRDs the caller adds or the objects hold. Compiled nodes
 * are kept for the process, per target minor, so later validations of the same target reuse them.
 */

/** Where the schema of a kind comes from. */
export enum SchemaOrigin {
  /** The Kubernetes definitions of the target minor. */
  KUBERNETES = 'kubernetes',
  /** A CRD the library ships (CloudNativePG, Gateway API, CSI snapshots, mariadb-operator, MongoDB Community). */
  SHIPPED_CRD = 'shipped-crd',
  /** A CRD the caller gave or the objects hold. */
  USER_CRD = 'user-crd',
}

/** The compiled schema of one apiVersion/kind. */
export interface KindSchema {
  readonly root: CompiledNode;
  readonly origin: SchemaOrigin;
}

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

const kubernetesCompilers = new Map<string, SchemaCompiler>();
const shippedCompilers = new Map<string, SchemaCompiler | null>();
/** Conversions of user CRDs by object (the same objects are validated again at every synth pass). */
const conversions = new WeakMap<object, CrdConversion>();
const userCompilers = new WeakMap<CrdConversion, Map<string, SchemaCompiler>>();

function kubernetesCompiler(version: string): SchemaCompiler {
  let c = kubernetesCompilers.get(version);
  if (!c) kubernetesCompilers.set(version, (c = new SchemaCompiler(kubernetesSchema(version))));
  return c;
}

function shippedCompiler(version: string, group: string): SchemaCompiler | null {
  const key = `${version}|${group}`;
  let c = shippedCompilers.get(key);
  if (c === undefined) {
    const file = shippedCrdSchema(group);
    c = file ? new SchemaCompiler(file, kubernetesSchema(version)) : null;
    shippedCompilers.set(key, c);
  }
  return c;
}

/** The conversion of a CRD object, cached by object; undefined when it is not a CustomResourceDefinition. */
export function crdConversion(crd: unknown): CrdConversion | undefined {
  if (!isCrd(crd)) return undefined;
  let c = conversions.get(crd as object);
  if (!c) conversions.set(crd as object, (c = convertCrd(crd)));
  return c;
}

function userCompiler(conversion: CrdConversion, version: string): SchemaCompiler {
  let byVersion = userCompilers.get(conversion);
  if (!byVersion) userCompilers.set(conversion, (byVersion = new Map()));
  let c = byVersion.get(version);
  if (!c) byVersion.set(version, (c = new SchemaCompiler(conversion, kubernetesSchema(version))));
  return c;
}

/**
 * The schemas of one validation. `crds` are CustomResourceDefinition objects (others are ignored); a later CRD of the
 * same group and kind wins over an earlier one, and every CRD given wins over the one the library ships.
 */
export class SchemaSet {
  private readonly byGroup = new Map<string, CrdConversion[]>();
  private readonly lookups = new Map<string, KindSchema | null>();

  constructor(public readonly version: string, crds: readonly unknown[] = []) {
    for (const crd of crds) {
      const c = crdConversion(crd);
      if (!c) continue;
      const list = this.byGroup.get(c.group) ?? [];
      list.unshift(c); // the last given first
      this.byGroup.set(c.group, list);
    }
  }

  /** The schema of an apiVersion/kind, or undefined when none is known. */
  public lookup(apiVersion: string, kind: string): KindSchema | undefined {
    const key = `${apiVersion}/${kind}`;
    let found = this.lookups.get(key);
    if (found === undefined) {
      found = this.find(apiVersion, key);
      this.lookups.set(key, found);
    }
    return found ?? undefined;
  }

  /** Checks an object against its schema; no issues when none is known. */
  public check(obj: any): SchemaIssue[] {
    const apiVersion = obj?.apiVersion;
    const kind = obj?.kind;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') return [];
    const schema = this.lookup(apiVersion, kind);
    return schema ? checkObject(schema.root, obj) : [];
  }

  /** Whether the target's Kubernetes schema knows the apiVersion/kind (a built-in kind of the target). */
  public isBuiltin(apiVersion: string, kind: string): boolean {
    return this.lookup(apiVersion, kind)?.origin === SchemaOrigin.KUBERNETES;
  }

  /** The apiVersions the target Kubernetes minor serves a built-in kind in (empty for CRD kinds). */
  public builtinApiVersionsOf(kind: string): string[] {
    const result: string[] = [];
    for (const key of Object.keys(kubernetesSchema(this.version).kinds)) {
      const i = key.lastIndexOf('/');
      if (key.slice(i + 1) === kind) result.push(key.slice(0, i));
    }
    return result;
  }

  /**
   * The minors (of those the library knows) that serve a built-in apiVersion/kind: first and last, or undefined when
   * none does.
   */
  public servedRange(apiVersion: string, kind: string): { first: string; last: string } | undefined {
    const range = servedIndex().served[`${apiVersion}/${kind}`];
    return range ? { first: range[0], last: range[1] } : undefined;
  }

  /** The apiVersions a built-in kind is served in by the newest minor the library knows, with the first minor of each. */
  public currentApiVersionsOf(kind: string): Array<{ apiVersion: string; since: string }> {
    const result: Array<{ apiVersion: string; since: string }> = [];
    for (const [key, [first, last]] of Object.entries(servedIndex().served)) {
      const i = key.lastIndexOf('/');
      if (key.slice(i + 1) === kind && last === this.newestKnown) result.push({ apiVersion: key.slice(0, i), since: first });
    }
    return result;
  }

  /** The newest minor the library knows. */
  public get newestKnown(): string {
    return KUBERNETES_VERSIONS[KUBERNETES_VERSIONS.length - 1];
  }

  /** Whether minor `a` comes after the target. */
  public isAfterTarget(a: string): boolean {
    return minorOf(a) > minorOf(this.version);
  }

  /** The versions in which the known CRDs of a group serve a kind (empty when no CRD of the group is known). */
  public crdVersionsOf(apiVersion: string, kind: string): string[] {
    const group = groupOf(apiVersion);
    const versions = new Set<string>();
    for (const c of this.byGroup.get(group) ?? []) {
      for (const key of Object.keys(c.kinds)) if (key.endsWith(`/${kind}`)) versions.add(key.split('/')[1]);
    }
    const shipped = Object.prototype.hasOwnProperty.call(shippedCrdGroups(), group) ? shippedCrdGroups()[group] : undefined;
    for (const k of shipped?.kinds ?? []) if (k.endsWith(`/${kind}`)) versions.add(k.split('/')[0]);
    return [...versions];
  }

  private find(apiVersion: string, key: string): KindSchema | null {
    const builtin = kubernetesCompiler(this.version).kind(key);
    if (builtin) return { root: builtin, origin: SchemaOrigin.KUBERNETES };
    const group = groupOf(apiVersion);
    if (!group) return null;
    for (const c of this.byGroup.get(group) ?? []) {
      const root = userCompiler(c, this.version).kind(key);
      if (root) return { root, origin: SchemaOrigin.USER_CRD };
    }
    const root = shippedCompiler(this.version, group)?.kind(key);
    return root ? { root, origin: SchemaOrigin.SHIPPED_CRD } : null;
  }
}

const defaultSets = new Map<string, SchemaSet>();

/** The schema set of a target minor and CRDs; the set without CRDs is kept per minor. */
export function schemaSetFor(version: string, crds: readonly unknown[]): SchemaSet {
  if (crds.length > 0) return new SchemaSet(version, crds);
  let s = defaultSets.get(version);
  if (!s) defaultSets.set(version, (s = new SchemaSet(version)));
  return s;
}
