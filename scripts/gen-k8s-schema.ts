/**
 * Builds src/knowledge/kubernetes/k8s-1.27.json, the compact Kubernetes v1.27.0 schema the validator reads,
 * from the upstream OpenAPI definitions (kubernetes/kubernetes api/openapi-spec, as published for
 * `cdk8s import k8s@1.27`: `_definitions.json`). Descriptions are dropped; everything that
 * constrains a value is kept, and a map from apiVersion/kind to definition is added.
 *
 * Usage: npm run gen:schema -- path/to/k8s-v1.27.0-definitions.json
 */
import * as fs from 'fs';
import * as path from 'path';

const KEEP = new Set(['type', 'properties', 'items', 'additionalProperties', 'required', '$ref', 'format', 'oneOf', 'enum',
  'x-kubernetes-int-or-string', 'x-kubernetes-preserve-unknown-fields']);

function compact(node: any): any {
  if (Array.isArray(node)) return node.map(compact);
  if (node === null || typeof node !== 'object') return node;
  const out: any = {};
  for (const [k, v] of Object.entries(node)) {
    if (!KEEP.has(k)) continue;
    if (k === '$ref') out.$ref = String(v).replace('#/definitions/', '');
    else if (k === 'properties') out.properties = Object.fromEntries(Object.entries(v as object).map(([pk, pv]) => [pk, compact(pv)]));
    else out[k] = compact(v);
  }
  return out;
}

const src = process.argv[2];
if (!src) {
  console.error('usage: gen-k8s-schema <k8s-v1.27.0-definitions.json>');
  process.exit(2);
}
const input = JSON.parse(fs.readFileSync(src, 'utf8'));
const defs: Record<string, any> = input.definitions ?? input;
const definitions: Record<string, any> = {};
const kinds: Record<string, string> = {};
for (const [name, def] of Object.entries(defs).sort(([a], [b]) => a.localeCompare(b))) {
  definitions[name] = compact(def);
  for (const gvk of def['x-kubernetes-group-version-kind'] ?? []) {
    // List kinds and the meta/v1 helpers (DeleteOptions, WatchEvent, ...) are not manifests.
    if (gvk.kind.endsWith('List') || name.startsWith('io.k8s.apimachinery.pkg.apis.meta.v1.')) continue;
    const apiVersion = gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
    kinds[`${apiVersion}/${gvk.kind}`] = name;
  }
}
const out = path.join(__dirname, '..', 'src', 'knowledge', 'kubernetes', 'k8s-1.27.json');
fs.writeFileSync(out, JSON.stringify({ source: 'kubernetes v1.27.0 OpenAPI definitions', kinds, definitions }) + '\n');
console.log(`wrote ${out}: ${Object.keys(definitions).length} definitions, ${Object.keys(kinds).length} kinds`);
