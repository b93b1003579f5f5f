import { OBJECT_META, SchemaFile, SchemaNode } from './schema-data';

/**
 * A CustomResourceDefinition's `openAPIV3Schema` turned into the compact schema form the validator walks (the form of
 * the Kubernetes schemas). Used by scripts/gen-crd-schemas.ts for the CRDs the library ships and at run time for the
 * CRDs a user adds (`--crd`, `GoldenPathValidation.addCrd`, or a CustomResourceDefinition among the objects).
 *
 * Kept: type, properties, items, additionalProperties, required, enum, pattern, minimum/maximum (and exclusive),
 * minItems/maxItems, minLength/maxLength, minProperties/maxProperties, int-or-string,
 * x-kubernetes-preserve-unknown-fields, x-kubernetes-embedded-resource. An object that lists no properties, no
 * additionalProperties and does not preserve unknown fields is closed (the API server prunes every field of it).
 * Ignored: descriptions, defaults, formats other than int-or-string, nullable (a null is treated as absent, as the
 * API server prunes it), oneOf/anyOf/allOf/not value checks, and x-kubernetes-validations (CEL rules: counted in
 * `celRules`, not evaluated).
 */

/** Value checks copied as they are. */
const CHECKS = ['pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems', 'minLength',
  'maxLength', 'minProperties', 'maxProperties'] as const;

/** What a conversion found, for the generator's report. */
export interface CrdConversion {
  readonly group: string;
  /** `group/version/Kind` of each served version -> its definition name (the same text). */
  readonly kinds: Record<string, string>;
  readonly definitions: Record<string, SchemaNode>;
  /** Whether the kind is namespaced. */
  readonly namespaced: boolean;
  /** CEL rules (x-kubernetes-validations) not evaluated, per `group/version/Kind`. */
  readonly celRules: Record<string, string[]>;
  /** Patterns dropped because JavaScript cannot compile them. */
  readonly droppedPatterns: string[];
}

interface Context {
  readonly cel: string[];
  readonly dropped: string[];
}

function isRecord(x: unknown): x is Record<string, any> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Converts one node of an openAPIV3Schema; `root` adds the ObjectMeta reference for metadata. */
function convert(n: any, ctx: Context, root = false): SchemaNode {
  if (!isRecord(n)) return {};
  const out: Record<string, any> = {};
  if (typeof n.type === 'string') out.type = n.type;
  if (n['x-kubernetes-int-or-string'] === true || (n.format === 'int-or-string')) out['x-kubernetes-int-or-string'] = true;
  if (n['x-kubernetes-preserve-unknown-fields'] === true) out['x-kubernetes-preserve-unknown-fields'] = true;
  if (Array.isArray(n.enum)) out.enum = n.enum;
  if (Array.isArray(n.required) && n.required.length > 0) out.required = n.required.filter((r: unknown) => typeof r === 'string');
  for (const key of CHECKS) if (n[key] !== undefined) out[key] = n[key];
  if (typeof out.pattern === 'string' && !compiles(out.pattern)) {
    ctx.dropped.push(out.pattern);
    delete out.pattern;
  }
  for (const v of Array.isArray(n['x-kubernetes-validations']) ? n['x-kubernetes-validations'] : []) {
    if (isRecord(v) && typeof v.rule === 'string') ctx.cel.push(typeof v.message === 'string' ? v.message : v.rule);
  }
  if (isRecord(n.items)) out.items = convert(n.items, ctx);
  if (isRecord(n.additionalProperties)) out.additionalProperties = convert(n.additionalProperties, ctx);
  if (isRecord(n.properties)) {
    out.properties = {};
    for (const [key, child] of Object.entries(n.properties)) out.properties[key] = convert(child, ctx);
  }
  const embedded = n['x-kubernetes-embedded-resource'] === true;
  if (root || embedded) {
    out.properties = { apiVersion: { type: 'string' }, kind: { type: 'string' }, ...(out.properties ?? {}), metadata: { $ref: OBJECT_META } };
  }
  if (out.type === 'object' && !out.properties && !out.additionalProperties && !out['x-kubernetes-preserve-unknown-fields']) {
    out.properties = {}; // the API server prunes every field of such an object
  }
  return out;
}

/** Whether a CRD pattern (Go RE2 syntax) compiles as a JavaScript regular expression. */
function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/** Whether an object is a CustomResourceDefinition of apiextensions.k8s.io/v1 with a schema. */
export function isCrd(obj: unknown): boolean {
  return isRecord(obj) && obj.kind === 'CustomResourceDefinition' && obj.apiVersion === 'apiextensions.k8s.io/v1'
    && isRecord(obj.spec) && typeof obj.spec.group === 'string' && isRecord(obj.spec.names) && Array.isArray(obj.spec.versions);
}

/**
 * Converts a CustomResourceDefinition (apiextensions.k8s.io/v1) into the compact schema form, one definition per
 * served version. Throws an Error naming what is missing when `crd` is not a CustomResourceDefinition.
 */
export function convertCrd(crd: any): CrdConversion {
  if (!isCrd(crd)) {
    throw new Error('is not a CustomResourceDefinition of apiextensions.k8s.io/v1 (with spec.group, spec.names and spec.versions)');
  }
  const group: string = crd.spec.group;
  const kind = String(crd.spec.names.kind);
  const kinds: Record<string, string> = {};
  const definitions: Record<string, SchemaNode> = {};
  const celRules: Record<string, string[]> = {};
  const dropped: string[] = [];
  for (const v of crd.spec.versions) {
    if (!isRecord(v) || v.served === false || typeof v.name !== 'string') continue;
    const key = `${group}/${v.name}/${kind}`;
    const schema = isRecord(v.schema) ? v.schema.openAPIV3Schema : undefined;
    const ctx: Context = { cel: [], dropped };
    // a version without a schema accepts anything (apiextensions.k8s.io/v1 requires one; be lenient)
    definitions[key] = isRecord(schema) ? convert(schema, ctx, true) : { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true };
    kinds[key] = key;
    if (ctx.cel.length > 0) celRules[key] = ctx.cel;
  }
  return { group, kinds, definitions, namespaced: crd.spec.scope !== 'Cluster', celRules, droppedPatterns: dropped };
}

/** Several conversions as one schema file (the form of a group file under crds/). */
export function crdSchemaFile(conversions: readonly CrdConversion[], source: string): SchemaFile & { readonly source: string } {
  const kinds: Record<string, string> = {};
  const definitions: Record<string, SchemaNode> = {};
  for (const c of conversions) {
    Object.assign(kinds, c.kinds);
    Object.assign(definitions, c.definitions);
  }
  return { source, kinds, definitions };
}
