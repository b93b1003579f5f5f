import { SchemaFile, SchemaNode } from '../knowledge/kubernetes/schema-data';

/**
 * The schema walker: checks an object against a compiled schema (a Kubernetes minor's definitions or a CRD's
 * openAPIV3Schema in the same compact form). Which schema applies to an object is the SchemaSet's business
 * (schema-set.ts).
 */

/**
 * A problem found by the schema walker.
 */
export interface SchemaIssue {
  readonly code: 'unknown-field' | 'type' | 'required' | 'quantity' | 'value';
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

/**
 * Compiles the nodes of one schema file for the walker, following `$ref`s into the file itself and then into a base
 * file (a CRD's metadata refers to the ObjectMeta of the Kubernetes schema of the target minor).
 */
export class SchemaCompiler {
  private readonly nodes = new Map<SchemaNode, CompiledNode>();
  private readonly roots = new Map<string, CompiledNode | null>();

  constructor(public readonly file: SchemaFile, private readonly base?: SchemaFile) {}

  /** The definition a `$ref` names, or undefined. */
  public resolve(ref: string): SchemaNode | undefined {
    const own = this.file.definitions;
    if (Object.prototype.hasOwnProperty.call(own, ref)) return own[ref];
    const base = this.base?.definitions;
    return base && Object.prototype.hasOwnProperty.call(base, ref) ? base[ref] : undefined;
  }

  /** The compiled node of a raw schema node (compiled once). */
  public node(raw: SchemaNode): CompiledNode {
    let c = this.nodes.get(raw);
    if (!c) this.nodes.set(raw, (c = new CompiledNode(this, raw)));
    return c;
  }

  /** The compiled root node of a kind (`apiVersion/kind`), or null when the file does not know it. */
  public kind(key: string): CompiledNode | null {
    let c = this.roots.get(key);
    if (c === undefined) {
      const defName = Object.prototype.hasOwnProperty.call(this.file.kinds, key) ? this.file.kinds[key] : undefined;
      c = defName ? this.node({ $ref: defName }) : null;
      this.roots.set(key, c);
    }
    return c;
  }
}

/** Checks an object against the compiled root node of its kind. */
export function checkObject(root: CompiledNode, obj: any): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  walk(root, obj, [], issues, 0);
  return issues;
}

/** How a compiled node checks a value; decided once per schema node. */
const enum Check { QUANTITY_VALUE, INT_OR_STRING_VALUE, ANY, STRING, INTEGER, BOOLEAN, OTHER }

/** The value checks of a node beyond its type (CRD schemas have them; the Kubernetes definitions only an enum on kind). */
interface Constraints {
  readonly enumValues?: unknown[];
  readonly pattern?: RegExp;
  readonly patternText?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: boolean;
  readonly exclusiveMaximum?: boolean;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minProperties?: number;
  readonly maxProperties?: number;
}

const CONSTRAINT_KEYS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems', 'minLength', 'maxLength',
  'minProperties', 'maxProperties'] as const;

function constraintsOf(n: SchemaNode): Constraints | undefined {
  let c: Record<string, unknown> | undefined;
  if (Array.isArray(n.enum)) (c ??= {}).enumValues = n.enum;
  if (typeof n.pattern === 'string') {
    try {
      (c ??= {}).pattern = new RegExp(n.pattern);
      c.patternText = n.pattern;
    } catch {
      // a pattern JavaScript cannot compile is not checked (the generator reports them)
    }
  }
  for (const key of CONSTRAINT_KEYS) if (n[key] !== undefined) (c ??= {})[key] = n[key];
  return c as Constraints | undefined;
}

/**
 * A schema node compiled for the walker, with its `$ref` chain followed. Every compiled node has the same shape:
 * the raw JSON nodes each have their own set of keys, which made every property read in `walk` megamorphic (slow).
 * Nodes are compiled on first use and kept for the process (a schema is loaded once); children are compiled
 * when the node is first walked, since the schema is recursive (JSONSchemaProps).
 */
export class CompiledNode {
  public readonly check: Check;
  /** `type` of the node, for messages and the non-fast-path checks. */
  public readonly type: string;
  public readonly constraints: Constraints | undefined;
  public readonly required: string[] | undefined;
  /** Groups of fields of which exactly one must be set. */
  public readonly oneOfRequired: string[][] | undefined;
  public readonly preserveUnknown: boolean;
  /** Property names in schema order (for "did you mean" hints); undefined when the node lists no properties. */
  public readonly propNames: string[] | undefined;
  private readonly compiler: SchemaCompiler;
  private readonly target: SchemaNode;
  private expanded = false;
  private _items: CompiledNode | undefined = undefined;
  private _props: Map<string, CompiledNode> | undefined = undefined;
  private _additional: CompiledNode | undefined = undefined;

  constructor(compiler: SchemaCompiler, raw: SchemaNode) {
    this.compiler = compiler;
    let ref: string | undefined;
    let n = raw;
    for (let hops = 0; n.$ref && hops < 32; hops++) {
      ref = n.$ref;
      n = compiler.resolve(n.$ref) ?? {};
    }
    this.target = n;
    this.type = n.type ?? '';
    this.constraints = constraintsOf(n);
    this.required = n.properties ? n.required : undefined;
    this.oneOfRequired = n['x-one-of-required'];
    this.preserveUnknown = n['x-kubernetes-preserve-unknown-fields'] === true;
    this.propNames = n.properties ? Object.keys(n.properties) : undefined;
    this.check = checkOf(ref, n, this.constraints);
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
    const n = this.target;
    if (n.items) this._items = this.compiler.node(n.items);
    if (n.properties) {
      this._props = new Map();
      for (const key of Object.keys(n.properties)) this._props.set(key, this.compiler.node(n.properties[key]));
    }
    if (typeof n.additionalProperties === 'object') this._additional = this.compiler.node(n.additionalProperties);
  }
}

function checkOf(ref: string | undefined, n: SchemaNode, constraints: Constraints | undefined): Check {
  if (ref === QUANTITY) return Check.QUANTITY_VALUE;
  if (ref === INT_OR_STRING || n['x-kubernetes-int-or-string']) return Check.INT_OR_STRING_VALUE;
  if (n.oneOf || !n.type) return Check.ANY; // oneOf: only Quantity and IntOrString use it in the Kubernetes definitions
  if (constraints) return Check.OTHER;
  if (n.type === 'string') return Check.STRING;
  if (n.type === 'integer') return Check.INTEGER;
  if (n.type === 'boolean') return Check.BOOLEAN;
  return Check.OTHER;
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
      return checkIntOrString(node, value, at, issues);
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

function checkIntOrString(node: CompiledNode, value: any, at: Array<string | number>, issues: SchemaIssue[]): void {
  const tv = typeof value;
  if (tv === 'string' || (tv === 'number' && Number.isInteger(value))) {
    const problem = node.constraints ? valueProblem(node.constraints, value) : undefined;
    if (problem !== undefined) {
      const where = whereText(at);
      issues.push({ code: 'value', path: where, message: `${where} ${problem}` });
    }
    return;
  }
  const where = whereText(at);
  issues.push({ code: 'type', path: where, message: `${where} must be an integer or a string, got ${typeName(value)} ${show(value)}` });
}

/** Whether the value has the node's type and passes its value checks; reports when not. */
function typeOk(node: CompiledNode, value: any, at: Array<string | number>, issues: SchemaIssue[]): boolean {
  const t = node.type;
  const actual = typeName(value);
  if (t !== actual && !(t === 'number' && actual === 'integer')) {
    const where = whereText(at);
    issues.push({ code: 'type', path: where, message: `${where} must be ${article(t)} ${t}, got ${actual} ${show(value)}` });
    return false;
  }
  const c = node.constraints;
  if (!c) return true;
  const problem = valueProblem(c, value);
  if (problem === undefined) return true;
  const where = whereText(at);
  issues.push({ code: 'value', path: where, message: `${where} ${problem}` });
  return true; // the type is right: the items or fields are still worth walking
}

/** What is wrong with a value of the right type under a node's value checks, or undefined. */
function valueProblem(c: Constraints, value: any): string | undefined {
  if (c.enumValues && !c.enumValues.includes(value)) {
    return `must be one of ${c.enumValues.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')}, got ${show(value)}`;
  }
  if (typeof value === 'string') return stringProblem(c, value);
  if (typeof value === 'number') return numberProblem(c, value);
  if (Array.isArray(value)) {
    if (c.minItems !== undefined && value.length < c.minItems) return `lists ${value.length} items, at least ${c.minItems} required`;
    if (c.maxItems !== undefined && value.length > c.maxItems) return `lists ${value.length} items, at most ${c.maxItems} allowed`;
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    const n = Object.keys(value).length;
    if (c.minProperties !== undefined && n < c.minProperties) return `has ${n} fields, at least ${c.minProperties} required`;
    if (c.maxProperties !== undefined && n > c.maxProperties) return `has ${n} fields, at most ${c.maxProperties} allowed`;
  }
  return undefined;
}

function stringProblem(c: Constraints, value: string): string | undefined {
  // lengths in characters (code points), as the API server counts them
  const length = c.minLength !== undefined || c.maxLength !== undefined ? [...value].length : 0;
  if (c.minLength !== undefined && length < c.minLength) return `${show(value)} is shorter than ${c.minLength} characters`;
  if (c.maxLength !== undefined && length > c.maxLength) return `${show(value)} is longer than ${c.maxLength} characters`;
  if (c.pattern && !c.pattern.test(value)) return `${show(value)} does not match the pattern ${c.patternText}`;
  return undefined;
}

function numberProblem(c: Constraints, value: number): string | undefined {
  if (c.minimum !== undefined && (c.exclusiveMinimum ? value <= c.minimum : value < c.minimum)) {
    return `${value} is below the minimum ${c.exclusiveMinimum ? '(exclusive) ' : ''}${c.minimum}`;
  }
  if (c.maximum !== undefined && (c.exclusiveMaximum ? value >= c.maximum : value > c.maximum)) {
    return `${value} is above the maximum ${c.exclusiveMaximum ? '(exclusive) ' : ''}${c.maximum}`;
  }
  return undefined;
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

/** Each group of fields of which the API server requires exactly one (PodFailurePolicyRule: onExitCodes or onPodConditions). */
function checkOneOf(groups: string[][], value: any, at: Array<string | number>, issues: SchemaIssue[]): void {
  for (const group of groups) {
    const set = group.filter((f) => value[f] !== undefined && value[f] !== null);
    if (set.length === 1) continue;
    const where = whereText(at);
    issues.push({
      code: 'required',
      path: where,
      message: set.length === 0
        ? `${where} needs one of ${group.join(', ')}`
        : `${where} sets ${set.join(' and ')}: exactly one of ${group.join(', ')} is allowed`,
    });
  }
}

/** Walks the fields of an object whose schema lists its properties: required ones first, then each field (unknown when not listed). */
function walkProps(node: CompiledNode, props: Map<string, CompiledNode>, value: any, at: Array<string | number>, issues: SchemaIssue[], depth: number): void {
  const required = node.required;
  if (required) checkRequired(required, value, at, issues);
  const oneOf = node.oneOfRequired;
  if (oneOf) checkOneOf(oneOf, value, at, issues);
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

/** The closest known field name, for "did you mean" hints (prefix match or edit distance <= 2). */
function nearest(key: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  const lower = key.toLowerCase();
  for (const c of candidates) {
    const cl = c.toLowerCase();
    // a one-letter slip beats a prefix (imagePullPolice: imagePullPolicy, not image)
    const distance = editDistance(lower, cl, 3);
    const score = distance <= 1 ? distance : cl.startsWith(lower) || lower.startsWith(cl) ? 1.5 : distance;
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return bestScore <= 2 ? best : undefined;
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
