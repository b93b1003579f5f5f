import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_KUBERNETES_VERSION } from './versions';

/**
 * The vendored schemas as data: the Kubernetes OpenAPI definitions of each supported minor (scripts/gen-k8s-schema.ts)
 * and the CRDs of the engines the library targets (scripts/gen-crd-schemas.ts), in one compact form. Each file is read
 * on first use: a validation loads the schema of its target minor only, and a CRD group's file only when an object
 * of that group is validated.
 */

/** One node of the compact schema. */
export interface SchemaNode {
  readonly 'type'?: string;
  readonly 'properties'?: Record<string, SchemaNode>;
  readonly 'items'?: SchemaNode;
  readonly 'additionalProperties'?: SchemaNode | boolean;
  readonly 'required'?: string[];
  readonly '$ref'?: string;
  readonly 'format'?: string;
  readonly 'oneOf'?: SchemaNode[];
  readonly 'enum'?: unknown[];
  readonly 'pattern'?: string;
  readonly 'minimum'?: number;
  readonly 'maximum'?: number;
  readonly 'exclusiveMinimum'?: boolean;
  readonly 'exclusiveMaximum'?: boolean;
  readonly 'minItems'?: number;
  readonly 'maxItems'?: number;
  readonly 'minLength'?: number;
  readonly 'maxLength'?: number;
  readonly 'minProperties'?: number;
  readonly 'maxProperties'?: number;
  readonly 'x-kubernetes-int-or-string'?: boolean;
  readonly 'x-kubernetes-preserve-unknown-fields'?: boolean;
  /** Groups of fields of which exactly one must be set (the API server's one-of checks the definitions miss). */
  readonly 'x-one-of-required'?: string[][];
}

export interface SchemaFile {
  /** `apiVersion/kind` -> definition name. */
  readonly kinds: Record<string, string>;
  readonly definitions: Record<string, SchemaNode>;
}

/** The ObjectMeta definition, which CRD schemas refer to for their metadata. */
export const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

/**
 * Reads `name.json`, or `name.json.gz` when there is no plain file: the sources hold the gzipped files (small in the
 * repository), the compile task writes them unzipped next to the compiled code (a plain JSON parses about 2 ms faster
 * than an unzip and parse, on the first validation of every synth).
 */
function readJson(dir: string, name: string): any {
  const plain = path.join(dir, `${name}.json`);
  if (fs.existsSync(plain)) return JSON.parse(fs.readFileSync(plain, 'utf8'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- zlib only when the files are still gzipped
  const zlib = require('zlib') as typeof import('zlib');
  return JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(dir, `${name}.json.gz`))).toString('utf8'));
}

const schemas = new Map<string, SchemaFile>();

/**
 * The vendored Kubernetes schema of a minor (`'1.33'`), read on first use. Throws for a minor that has none.
 */
export function kubernetesSchema(version: string = DEFAULT_KUBERNETES_VERSION): SchemaFile {
  let file = schemas.get(version);
  if (!file) {
    file = readJson(__dirname, `k8s-${version}`) as SchemaFile;
    schemas.set(version, file);
  }
  return file;
}

/** Which minors serve each built-in apiVersion/kind. */
export interface ServedIndex {
  /** The minors the schemas cover, oldest first. */
  readonly minors: string[];
  /** `apiVersion/kind` -> [first, last] minor that serves it. */
  readonly served: Record<string, [string, string]>;
}

let served: ServedIndex | undefined;

/** The index of the minors that serve each built-in apiVersion/kind (generated with the schemas). */
export function servedIndex(): ServedIndex {
  if (!served) served = readJson(__dirname, 'api-versions') as ServedIndex;
  return served;
}

/** One CRD group the library ships a schema for. */
export interface CrdGroupInfo {
  /** The file under crds/, without extension. */
  readonly file: string;
  /** Where the CRDs come from (repository and tag). */
  readonly source: string;
  /** `version/Kind` of each served kind. */
  readonly kinds: string[];
  /** Kinds that are cluster-scoped. */
  readonly clusterScoped: string[];
}

let crdIndex: Record<string, CrdGroupInfo> | undefined;

/** The CRD groups the library ships schemas for (crds/index.json), by API group. */
export function shippedCrdGroups(): Record<string, CrdGroupInfo> {
  if (!crdIndex) crdIndex = readJson(path.join(__dirname, 'crds'), 'index').groups as Record<string, CrdGroupInfo>;
  return crdIndex;
}

const crdFiles = new Map<string, SchemaFile>();

/** The shipped schema file of a CRD group, or undefined when the library ships none for it. */
export function shippedCrdSchema(group: string): SchemaFile | undefined {
  const info = Object.prototype.hasOwnProperty.call(shippedCrdGroups(), group) ? shippedCrdGroups()[group] : undefined;
  if (!info) return undefined;
  let file = crdFiles.get(group);
  if (!file) {
    file = readJson(path.join(__dirname, 'crds'), info.file) as SchemaFile;
    crdFiles.set(group, file);
  }
  return file;
}
