import { SchemaFile, SchemaNode, kubernetesSchema } from '../knowledge/kubernetes/schema-data';

/**
 * A problem found by the schema walker.
 */
export interface SchemaIssue {
  readonly code: 'unknown-field' | 'type' | 'required' | 'quantity';
  /** Dotted path of the field, e.g. `spec.template.spec.containers[0].image`. */
  readonly path: string;
  readonly message: string;
}

const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const MAX_ISSUES_PER_OBJECT = 50;
const MAX_DEPTH = 64;

/** Kubernetes resource.Quantity syntax (apimachinery/pkg/api/resource/quantity.go). */
const QUANTITY_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)(([KMGTPE]i)|[numkMGTPE]|([eE][+-]?\d+))?$/;

/** The schema in force. */
function schema(): SchemaFile {
  return kubernetesSchema();
}

/** Whether the schema knows this apiVersion and kind. */
export function isKnownKind(apiVersion: string, kind: string): boolean {
  return schema().kinds[`${apiVersion}/${kind}`] !== undefined;
}

/** Whether Kubernetes 1.27 knows the kind under another apiVersion (e.g. `extensions/v1beta1` Ingress). */
export function knownApiVersionsOf(kind: string): string[] {
  const result: string[] = [];
  for (const key of Object.keys(schema().kinds)) {
    const i = key.lastIndexOf('/');
    if (key.slice(i + 1) === kind) result.push(key.slice(0, i));
  }
  return result;
}

/**
 * Checks an object against its Kubernetes 1.27 schema: types, required fields and unknown fields
 * (every object schema that lists properties is closed, as `kubectl apply --validate=strict` does).
 * Returns no issues for kinds the schema does not know.
 */
export function checkAgainstSchema(obj: any): SchemaIssue[] {
  const root = compiledKind(schema(), `${obj?.apiVersion}/${obj?.kind}`);
  if (!root) return [];
  const issues: SchemaIssue[] = [];
  walk(root, obj, [], issues, 0);
  return issues;
}

/** How a compiled node checks a value; decided once per schema node. */
const enum Check { QUANTITY_VALUE, INT_OR_STRING_VALUE, ANY, STRING, INTEGER, BOOLEAN, OTHER }

/**
 * A schema node compiled for the walker, with its `$ref` chain followed. Every compiled node has the same shape:
 * the raw JSON nodes each have their own set of keys, which made every property read in `walk` megamorphic (slow).
 * Nodes are compiled on first use and kept for the process (the schema is loaded once); children are compiled
 * when the node is first walked, since the schema is recursive (JSONSchemaProps).
 */
class CompiledNode {
  public readonly check: Check;
  /** `type` of the node, for messages and the non-fast-path checks. */
  public readonly type: string;
  public readonly enumValues: string[] | undefined;
  public readonly required: string[] | undefined;
  public readonly preserveUnknown: boolean;
  /** Property names in schema order (for "did you mean" hints); undefined when the node lists no properties. */
  public readonly propNames: string[] | undefined;
  private readonly target: SchemaNode;
  private expanded = false;
  private _items: CompiledNode | undefined = undefined;
  private _props: Map<string, CompiledNode> | undefined = undefined;
  private _additional: CompiledNode | undefined = undefined;

  constructor(s: SchemaFile, raw: SchemaNode) {
    let ref: string | undefined;
    let n = raw;
    while (n.$ref) {
      ref = n.$ref;
      n = s.definitions[n.$ref] ?? {};
    }
    this.target = n;
    this.type = n.type ?? '';
    this.enumValues = n.enum;
    this.required = n.properties ? n.required : undefined;
    this.preserveUnknown = n['x-kubernetes-preserve-unknown-fields'] === true;
    this.propNames = n.properties ? Object.keys(n.properties) : undefined;
    if (ref === QUANTITY) this.check = Check.QUANTITY_VALUE;
    else if (ref === INT_OR_STRING || n['x-kubernetes-int-or-string']) this.check = Check.INT_OR_STRING_VALUE;
    else if (n.oneOf || !n.type) this.check = Check.ANY; // oneOf: only Quantity and IntOrString use it in 1.27
    else if (n.type === 'string' && !n.enum) this.check = Check.STRING;
    else if (n.type === 'integer') this.check = Check.INTEGER;
    else if (n.type === 'boolean') this.check = Check.BOOLEAN;
    else this.check = Check.OTHER;
  }

  public get items(): CompiledNode | undefined {
    if (!this.expanded) this.expand();
    return this._items;
  }

  public get props(): Map<string, CompiledNode> | undefined {
    if (!this.expanded) this.expand();
    return this._props;
  }

  public get additional(): CompiledNode | undefined {
    if (!this.expanded) this.expand();
    return this._additional;
  }

  private expand(): void {
    this.expanded = true;
    const s = schema();
    const n = this.target;
    if (n.items) this._items = compiled(s, n.items);
    if (n.properties) {
      this._props = new Map();
      for (const key of Object.keys(n.properties)) this._props.set(key, compiled(s, n.properties[key]));
    }
    if (typeof n.additionalProperties === 'object') this._additional = compiled(s, n.additionalProperties);
  }
}

const compiledNodes = new Map<SchemaNode, CompiledNode>();
const compiledKinds = new Map<string, CompiledNode | null>();

function compiled(s: SchemaFile, raw: SchemaNode): CompiledNode {
  let c = compiledNodes.get(raw);
  if (!c) compiledNodes.set(raw, (c = new CompiledNode(s, raw)));
  return c;
}

/** The compiled root node of a kind (`apiVersion/kind`), or null when the schema does not know it. */
function compiledKind(s: SchemaFile, key: string): CompiledNode | null {
  let c = compiledKinds.get(key);
  if (c === undefined) {
    const defName = s.kinds[key];
    c = defName ? compiled(s, { $ref: defName }) : null;
    compiledKinds.set(key, c);
  }
  return c;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function show(v: unknown): string {
  const text = JSON.stringify(v);
  return text === undefined ? String(v) : text.length > 60 ? text.slice(0, 57) + '...' : text;
}

/** The dotted path of a field (`spec.ports[0].name`); built only when an issue is reported. */
function pathText(at: Array<string | number>, upTo: number = at.length): string {
  let out = '';
  for (let i = 0; i < upTo; i++) {
    const p = at[i];
    out += typeof p === 'number' ? `[${p}]` : (out ? `.${p}` : p);
  }
  return out;
}

/** Where a value sits, for an issue: the dotted path, or `(root)` for the object itself. */
function whereText(at: Array<string | number>): string {
  return pathText(at) || '(root)';
}

/**
 * Walks a value against its compiled schema. `at` is a shared stack of keys and indexes (pushed and popped), turned
 * into text only for an issue: building a string per field was the validator's hottest allocation.
 */
function walk(node: CompiledNode, value: any, at: Array<string | number>, issues: SchemaIssue[], depth: number): void {
  if (issues.length >= MAX_ISSUES_PER_OBJECT || depth > MAX_DEPTH) return;
  if (value === null || value === undefined) return; // null is treated as absent by the API server

  // fast paths for the common leaves (most fields are strings, integers or booleans of the right type)
  const tv = typeof value;
  switch (node.check) {
    case Check.STRING:
      if (tv === 'string') return;
      break;
    case Check.INTEGER:
      if (tv === 'number' && Number.isInteger(value)) return;
      break;
    case Check.BOOLEAN:
      if (tv === 'boolean') return;
      break;
    case Check.ANY:
      return; // RawExtension, JSON, FieldsV1: anything goes
    case Check.QUANTITY_VALUE:
      return checkQuantity(value, at, issues);
    case Check.INT_OR_STRING_VALUE:
      return checkIntOrString(value, at, issues);
  }
  if (!typeOk(node, value, at, issues)) return;
  const t = node.type;
  if (t === 'array') {
    const items = node.items;
    if (items) walkItems(items, value, at, issues, depth);
  } else if (t === 'object') {
    const props = node.props;
    if (props) walkProps(node, props, value, at, issues, depth);
    else walkAdditional(node.additional, value, at, issues, depth);
  }
}

function checkQuantity(value: any, at: Array<string | number>, issues: SchemaIssue[]): void {
  const tv = typeof value;
  if (tv === 'number') return;
  if (tv !== 'string') {
    const where = whereText(at);
    issues.push({ code: 'type', path: where, message: `${where} must be a quantity (string like "10Gi" or a number), got ${typeName(value)} ${show(value)}` });
  } else if (!QUANTITY_RE.test(value)) {
    const where = whereText(at);
    issues.push({ code: 'quantity', path: where, message: `${where} ${show(value)} is not a valid quantity (examples: 10Gi, 500Mi, 250m, 1)` });
  }
}

function checkIntOrString(value: any, at: Array<string | number>, issues: SchemaIssue[]): void {
  const tv = typeof value;
  if (tv === 'string' || (tv === 'number' && Number.isInteger(value))) return;
  const where = whereText(at);
  issues.push({ code: 'type', path: where, message: `${where} must be an integer or a string, got ${typeName(value)} ${show(value)}` });
}

/** Whether the value has the node's type (and, for a deletionPolicy, one of its values); reports when not. */
function typeOk(node: CompiledNode, value: any, at: Array<string | number>, issues: SchemaIssue[]): boolean {
  const t = node.type;
  const actual = typeName(value);
  if (t !== actual && !(t === 'number' && actual === 'integer')) {
    const where = whereText(at);
    issues.push({ code: 'type', path: where, message: `${where} must be ${article(t)} ${t}, got ${actual} ${show(value)}` });
    return false;
  }
  const enumValues = node.enumValues;
  if (t === 'string' && enumValues && at[at.length - 1] === 'deletionPolicy' && !enumValues.includes(value)) {
    const where = whereText(at);
    issues.push({ code: 'type', path: where, message: `${where} must be one of ${enumValues.join(', ')}, got ${show(value)}` });
    return false;
  }
  return true;
}

function walkItems(items: CompiledNode, value: any[], at: Array<string | number>, issues: SchemaIssue[], depth: number): void {
  for (let i = 0; i < value.length; i++) {
    at.push(i);
    walk(items, value[i], at, issues, depth + 1);
    at.pop();
  }
}

function checkRequired(required: string[], value: any, at: Array<string | number>, issues: SchemaIssue[]): void {
  for (const req of required) {
    if (value[req] === undefined || value[req] === null) {
      const parent = pathText(at);
      issues.push({ code: 'required', path: parent ? `${parent}.${req}` : req, message: `${parent ? parent + '.' : ''}${req} is required` });
    }
  }
}

/** Walks the fields of an object whose schema lists its properties: required ones first, then each field (unknown when not listed). */
function walkProps(node: CompiledNode, props: Map<string, CompiledNode>, value: any, at: Array<string | number>, issues: SchemaIssue[], depth: number): void {
  const required = node.required;
  if (required) checkRequired(required, value, at, issues);
  // for...in over a plain JSON object lists its own keys in Object.keys order without allocating the key array (JSON
  // objects inherit no enumerable key, so no own-property test per key)
  for (const key in value) {
    const child = props.get(key);
    at.push(key);
    if (child) {
      walk(child, value[key], at, issues, depth + 1);
    } else if (!node.preserveUnknown) {
      issues.push(unknownField(node, key, at));
    }
    at.pop();
    if (issues.length >= MAX_ISSUES_PER_OBJECT) return;
  }
}

/** The issue of a field the schema does not list (`at` ends with the field's key). */
function unknownField(node: CompiledNode, key: string, at: Array<string | number>): SchemaIssue {
  const parent = pathText(at, at.length - 1);
  const childPath = pathText(at);
  const near = nearest(key, node.propNames!);
  return {
    code: 'unknown-field',
    path: childPath,
    message: `${childPath} is not a field of ${parent || 'the object'}${near ? ` (did you mean ${near}?)` : ''}`,
  };
}

/** Walks the values of a map (additionalProperties; nothing to check when the schema gives no value schema). */
function walkAdditional(additional: CompiledNode | undefined, value: any, at: Array<string | number>, issues: SchemaIssue[], depth: number): void {
  if (!additional) return;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    at.push(key);
    walk(additional, value[key], at, issues, depth + 1);
    at.pop();
  }
}

function article(t: string): string {
  return /^[aeiou]/.test(t) ? 'an' : 'a';
}

/**
 * The closest known field name, for "did you mean" hints: the smallest edit distance (at most 2) wins, so
 * `imagePullPolicyy` gets imagePullPolicy, not image; a name that one extends or shortens (`storageClass` for
 * storageClassName) is the fallback when no name is that close. Ties go to the first in schema order.
 */
function nearest(key: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  let prefix: string | undefined;
  const lower = key.toLowerCase();
  for (const c of candidates) {
    const cl = c.toLowerCase();
    const d = editDistance(lower, cl, 2);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
    if (prefix === undefined && (cl.startsWith(lower) || lower.startsWith(cl))) prefix = c;
  }
  return best ?? prefix;
}

function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
