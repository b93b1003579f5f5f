/**
 * Builds the compact CRD schemas the validator reads (src/knowledge/kubernetes/crds/<group>.json.gz and index.json)
 * from CustomResourceDefinition YAML files as the projects release them (CloudNativePG, Gateway API, CSI snapshots,
 * mariadb-operator, MongoDB Community: staged in ../shared/reference/crds with a README naming repository and tag).
 * The conversion is src/knowledge/kubernetes/crd-schema.ts, the one `--crd` uses at run time. Subtrees that repeat
 * (the pod template pieces CloudNativePG and mariadb-operator inline many times) are stored once and referred to.
 *
 * Prints the CEL rules (x-kubernetes-validations) the validator does not evaluate, per kind, for review.
 *
 * Usage: npm run gen:crds -- <folder with CRD *.yaml files>
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { parseAllDocuments } from 'yaml';
import { CrdConversion, convertCrd } from '../src/knowledge/kubernetes/crd-schema';

/** `file -> "repository tag"` from the folder's README table (| file | repository | tag (commit) | path |). */
function sources(dir: string): Map<string, string> {
  const result = new Map<string, string>();
  const readme = path.join(dir, 'README.md');
  if (!fs.existsSync(readme)) return result;
  for (const line of fs.readFileSync(readme, 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length >= 5 && cells[1].endsWith('.yaml')) result.set(cells[1], `${cells[2]} ${cells[3].split(' ')[0]} (${cells[4]})`);
  }
  return result;
}

/** Minimum JSON size of a subtree worth storing once. */
const SHARE_MIN = 200;

/** Replaces subtrees that occur more than once with a reference to one stored copy. */
function share(definitions: Record<string, any>, prefix: string): Record<string, any> {
  const counts = new Map<string, number>();
  const text = (n: any): string => JSON.stringify(n);
  const count = (n: any): void => {
    if (n === null || typeof n !== 'object' || Array.isArray(n)) return;
    const t = text(n);
    if (t.length >= SHARE_MIN) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [k, v] of Object.entries(n)) {
      if (k === 'properties') for (const c of Object.values(v as object)) count(c);
      else if (k === 'items' || k === 'additionalProperties') count(v);
    }
  };
  for (const d of Object.values(definitions)) for (const c of Object.values(d.properties ?? {})) count(c);
  const shared = new Map<string, string>();
  const out: Record<string, any> = {};
  const rewrite = (n: any): any => {
    if (n === null || typeof n !== 'object' || Array.isArray(n)) return n;
    const t = text(n);
    if ((counts.get(t) ?? 0) > 1) {
      let name = shared.get(t);
      if (!name) {
        name = `${prefix}#${createHash('sha256').update(t).digest('hex').slice(0, 12)}`;
        shared.set(t, name);
        out[name] = rewriteChildren(n);
      }
      return { $ref: name };
    }
    return rewriteChildren(n);
  };
  const rewriteChildren = (n: any): any => {
    const copy: any = { ...n };
    if (n.properties) copy.properties = Object.fromEntries(Object.entries(n.properties).map(([k, v]) => [k, rewrite(v)]));
    if (n.items) copy.items = rewrite(n.items);
    if (n.additionalProperties && typeof n.additionalProperties === 'object') copy.additionalProperties = rewrite(n.additionalProperties);
    return copy;
  };
  for (const [name, d] of Object.entries(definitions)) out[name] = rewriteChildren(d);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

function main(): void {
  const dir = process.argv[2];
  if (!dir || !fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    console.error('usage: gen-crd-schemas <folder with CRD *.yaml files>');
    process.exit(2);
  }
  const src = sources(dir);
  const byGroup = new Map<string, Array<{ conversion: CrdConversion; source: string }>>();
  for (const file of fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    for (const doc of parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8'))) {
      const crd = doc.toJS({ maxAliasCount: -1 });
      if (!crd) continue;
      const conversion = convertCrd(crd);
      const list = byGroup.get(conversion.group) ?? [];
      list.push({ conversion, source: src.get(file) ?? file });
      byGroup.set(conversion.group, list);
      for (const [key, rules] of Object.entries(conversion.celRules)) console.log(`${key}: ${rules.length} CEL rules not evaluated: ${rules.join(' | ')}`);
      for (const p of conversion.droppedPatterns) console.log(`${file}: pattern not compiled by JavaScript, dropped: ${p}`);
    }
  }
  const outDir = path.join(__dirname, '..', 'src', 'knowledge', 'kubernetes', 'crds');
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const groups: Record<string, any> = {};
  for (const [group, list] of [...byGroup.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const kinds: Record<string, string> = {};
    const definitions: Record<string, any> = {};
    for (const { conversion } of list) {
      Object.assign(kinds, conversion.kinds);
      Object.assign(definitions, conversion.definitions);
    }
    const source = [...new Set(list.map((l) => l.source.replace(/ \(.*\)$/, '')))].join(', ');
    const json = JSON.stringify({ source, kinds, definitions: share(definitions, group) });
    fs.writeFileSync(path.join(outDir, `${group}.json.gz`), zlib.gzipSync(Buffer.from(json), { level: 9 }));
    groups[group] = {
      file: group,
      source,
      kinds: Object.keys(kinds).map((k) => k.slice(group.length + 1)).sort(),
      clusterScoped: [...new Set(list.filter((l) => !l.conversion.namespaced).map((l) => Object.keys(l.conversion.kinds)[0].split('/').pop()!))].sort(),
    };
    console.log(`wrote crds/${group}.json.gz: ${Object.keys(kinds).length} kinds, ${(json.length / 1024).toFixed(0)} KiB `
      + `(${(fs.statSync(path.join(outDir, `${group}.json.gz`)).size / 1024).toFixed(0)} KiB gzipped)`);
  }
  fs.writeFileSync(path.join(outDir, 'index.json'), JSON.stringify({ source: 'scripts/gen-crd-schemas.ts', groups }, null, 1) + '\n');
}

main();
