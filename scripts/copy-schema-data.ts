/**
 * `ts-node scripts/copy-schema-data.ts [lib]`, a step of the compile task: copies the schema data the validator reads at
 * run time (src/knowledge/kubernetes: the Kubernetes schema of each minor, api-versions.json, crds/) next to the
 * compiled code, unzipping the `.json.gz` files. The repository keeps them gzipped (about 190 KiB for ten minors instead
 * of 2.1 MiB); the package ships them plain, because a plain JSON file parses about 2 ms faster than an unzip and parse
 * on the first validation of every synth, and the tarball is compressed anyway.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

/** Copies the data files from `src` to `out`, recursively, unzipping `.json.gz`; returns the files written. */
export function copySchemaData(src: string, out: string): string[] {
  const written: string[] = [];
  for (const entry of fs.readdirSync(src, { withFileTypes: true })) {
    const from = path.join(src, entry.name);
    if (entry.isDirectory()) {
      written.push(...copySchemaData(from, path.join(out, entry.name)));
      continue;
    }
    if (!entry.name.endsWith('.json') && !entry.name.endsWith('.json.gz')) continue;
    fs.mkdirSync(out, { recursive: true });
    const to = path.join(out, entry.name.replace(/\.gz$/, ''));
    fs.writeFileSync(to, entry.name.endsWith('.gz') ? zlib.gunzipSync(fs.readFileSync(from)) : fs.readFileSync(from));
    written.push(to);
  }
  return written;
}

if (require.main === module) {
  const lib = process.argv[2] ?? 'lib';
  const root = path.join(__dirname, '..');
  const files = copySchemaData(path.join(root, 'src', 'knowledge', 'kubernetes'), path.join(root, lib, 'knowledge', 'kubernetes'));
  console.log(`copied ${files.length} schema files to ${lib}/knowledge/kubernetes`);
}
