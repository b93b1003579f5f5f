/**
 * Builds the compact Kubernetes schemas the validator reads, one per minor (src/knowledge/kubernetes/k8s-1.XX.json.gz),
 * and the index of which minors serve each apiVersion/kind (src/knowledge/kubernetes/api-versions.json), from the
 * upstream OpenAPI definitions (kubernetes/kubernetes api/openapi-spec, as published for `cdk8s import k8s@1.X`:
 * `v1.X.0-definitions.json`, plain or gzipped). Descriptions are dropped; everything that constrains a value is kept,
 * and a map from apiVersion/kind to definition is added.
 *
 * The definitions mark as required some fields the API server does not require (Go fields without `omitempty`): the
 * ARTIFACTS table below fixes them in every minor, and the script lists any other field that is required in one minor
 * and optional in a later one, for a maintainer to judge when a new minor is added.
 *
 * Usage: npm run gen:schema -- <folder with v1.X.0-definitions.json[.gz]> (e.g. ../shared/reference/k8s-definitions)
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

const KEEP = new Set(['type', 'properties', 'items', 'additionalProperties', 'required', '$ref', 'format', 'oneOf', 'enum',
  'x-kubernetes-int-or-string', 'x-kubernetes-preserve-unknown-fields']);

/**
 * Fields the definitions call required that the API server does not require. Each applies to every minor whose
 * definition lists the field as required. `oneOf`: the API server requires exactly one of these fields instead.
 */
const ARTIFACTS: ReadonlyArray<{ def: string; field: string; oneOf?: string[]; why: string }> = [
  {
    def: 'io.k8s.api.batch.v1.PodFailurePolicyRule',
    field: 'onPodConditions',
    oneOf: ['onExitCodes', 'onPodConditions'],
    why: 'the API server requires exactly one of onExitCodes and onPodConditions (pkg/apis/batch/validation); marked optional from 1.29',
  },
  {
    def: 'io.k8s.api.apps.v1.StatefulSetSpec',
    field: 'serviceName',
    why: 'optional in the API server since always (kubernetes/kubernetes#130233); marked optional from 1.33',
  },
  {
    def: 'io.k8s.api.batch.v1.PodFailurePolicyOnPodConditionsPattern',
    field: 'status',
    why: 'defaults to True; marked optional from 1.35',
  },
  {
    def: 'io.k8s.api.networking.v1.NetworkPolicySpec',
    field: 'podSelector',
    why: 'an absent podSelector is the empty selector (every pod of the namespace); marked optional from 1.34',
  },
  {
    def: 'io.k8s.api.rbac.v1.RoleRef',
    field: 'apiGroup',
    why: 'defaulted to rbac.authorization.k8s.io by the API server; marked optional from 1.36',
  },
  {
    def: 'io.k8s.api.scheduling.v1.PriorityClass',
    field: 'value',
    why: 'an int32 whose zero value is valid (absent means 0); marked optional from 1.36',
  },
  {
    def: 'io.k8s.api.discovery.v1.EndpointSlice',
    field: 'endpoints',
    why: 'an empty slice is valid (absent means none); marked optional from 1.36',
  },
];

/** Known relaxations that are real API changes, not artifacts (kept as the definitions say). */
const NOT_ARTIFACTS = new Set([
  'io.k8s.api.resource.v1alpha3.DeviceRequest deviceClassName', // DRA: firstAvailable added in 1.33
  'io.k8s.api.resource.v1beta1.DeviceRequest deviceClassName',
  'io.k8s.api.certificates.v1beta1.PodCertificateRequestSpec pkixPublicKey', // beta API changed shape in 1.36
  'io.k8s.api.certificates.v1beta1.PodCertificateRequestSpec proofOfPossession',
]);

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

interface Minor {
  readonly minor: number;
  readonly defs: Record<string, any>;
}

function readMinors(dir: string): Minor[] {
  const result: Minor[] = [];
  for (const file of fs.readdirSync(dir).sort()) {
    const m = /^v1\.(\d+)\.0-definitions\.json(\.gz)?$/.exec(file);
    if (!m) continue;
    const raw = fs.readFileSync(path.join(dir, file));
    const input = JSON.parse((m[2] ? zlib.gunzipSync(raw) : raw).toString('utf8'));
    result.push({ minor: Number(m[1]), defs: input.definitions ?? input });
  }
  return result.sort((a, b) => a.minor - b.minor);
}

/** Drops the artifacts from `required`, adding the one-of groups the API server checks instead. */
function fixArtifacts(name: string, def: any): any {
  const mine = ARTIFACTS.filter((a) => a.def === name);
  if (mine.length === 0) return def;
  const out = { ...def };
  out.required = (def.required ?? []).filter((f: string) => !mine.some((a) => a.field === f));
  if (out.required.length === 0) delete out.required;
  const groups = mine.filter((a) => a.oneOf).map((a) => a.oneOf!);
  if (groups.length > 0) out['x-one-of-required'] = groups;
  return out;
}

function kindsOf(name: string, def: any): string[] {
  const keys: string[] = [];
  for (const gvk of def['x-kubernetes-group-version-kind'] ?? []) {
    // List kinds and the meta/v1 helpers (DeleteOptions, WatchEvent, ...) are not manifests.
    if (gvk.kind.endsWith('List') || name.startsWith('io.k8s.apimachinery.pkg.apis.meta.v1.')) continue;
    keys.push(`${gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version}/${gvk.kind}`);
  }
  return keys;
}

function writeMinor(outDir: string, m: Minor): Set<string> {
  const definitions: Record<string, any> = {};
  const kinds: Record<string, string> = {};
  for (const [name, def] of Object.entries(m.defs).sort(([a], [b]) => a.localeCompare(b))) {
    definitions[name] = fixArtifacts(name, compact(def));
    for (const key of kindsOf(name, def)) kinds[key] = name;
  }
  const json = JSON.stringify({ source: `kubernetes v1.${m.minor}.0 OpenAPI definitions`, kinds, definitions });
  // gzip level 9, no timestamp in the header (zlib writes none): same input, same bytes
  const out = path.join(outDir, `k8s-1.${m.minor}.json.gz`);
  fs.writeFileSync(out, zlib.gzipSync(Buffer.from(json), { level: 9 }));
  console.log(`wrote ${out}: ${Object.keys(definitions).length} definitions, ${Object.keys(kinds).length} kinds, `
    + `${(json.length / 1024).toFixed(0)} KiB (${(fs.statSync(out).size / 1024).toFixed(0)} KiB gzipped)`);
  return new Set(Object.keys(kinds));
}

/** apiVersion/kind -> [first, last] minor serving it; refuses gaps (an API removed and added again). */
function servedIndex(minors: Minor[], kindSets: Array<Set<string>>): Record<string, [string, string]> {
  const served: Record<string, [string, string]> = {};
  const all = [...new Set(kindSets.flatMap((s) => [...s]))].sort();
  for (const key of all) {
    const idx = kindSets.map((s, i) => (s.has(key) ? i : -1)).filter((i) => i >= 0);
    if (idx[idx.length - 1] - idx[0] + 1 !== idx.length) throw new Error(`${key} is served with a gap: ${idx.map((i) => minors[i].minor)}`);
    served[key] = [`1.${minors[idx[0]].minor}`, `1.${minors[idx[idx.length - 1]].minor}`];
  }
  return served;
}

/** Fields required in one minor and optional in a later one that the tables do not name: to be judged by hand. */
function unjudgedRelaxations(minors: Minor[]): string[] {
  const found = new Set<string>();
  minors.forEach((m, i) => {
    for (const [name, def] of Object.entries(m.defs)) {
      for (const field of def.required ?? []) {
        const key = `${name} ${field}`;
        if (NOT_ARTIFACTS.has(key) || ARTIFACTS.some((a) => a.def === name && a.field === field)) continue;
        if (name.includes('.apiserverinternal.') || /Status$|^io\.k8s\.api\.authentication\.v1\.TokenRequest/.test(name)) continue;
        const later = minors.slice(i + 1).find((l) => l.defs[name]?.properties?.[field] && !(l.defs[name].required ?? []).includes(field));
        if (later) found.add(`${key} (required in 1.${m.minor}, optional in 1.${later.minor})`);
      }
    }
  });
  return [...found].sort();
}

function main(): void {
  const dir = process.argv[2];
  if (!dir || !fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    console.error('usage: gen-k8s-schema <folder with v1.X.0-definitions.json[.gz]>');
    process.exit(2);
  }
  const minors = readMinors(dir);
  if (minors.length === 0) throw new Error(`no v1.X.0-definitions.json[.gz] in ${dir}`);
  const outDir = path.join(__dirname, '..', 'src', 'knowledge', 'kubernetes');
  for (const f of fs.readdirSync(outDir)) if (/^k8s-1\.\d+\.json(\.gz)?$/.test(f)) fs.unlinkSync(path.join(outDir, f));
  const kindSets = minors.map((m) => writeMinor(outDir, m));
  const index = {
    source: 'kubernetes OpenAPI definitions per minor (scripts/gen-k8s-schema.ts)',
    minors: minors.map((m) => `1.${m.minor}`),
    served: servedIndex(minors, kindSets),
  };
  fs.writeFileSync(path.join(outDir, 'api-versions.json'), JSON.stringify(index, null, 1) + '\n');
  console.log(`wrote api-versions.json: ${Object.keys(index.served).length} apiVersion/kind pairs over ${index.minors.join(', ')}`);
  const unjudged = unjudgedRelaxations(minors);
  if (unjudged.length > 0) {
    console.log('required in one minor, optional in a later one (add to ARTIFACTS or NOT_ARTIFACTS after checking the API server):');
    for (const u of unjudged) console.log(`  ${u}`);
  }
}

main();
