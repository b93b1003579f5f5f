/**
 * `npm run synth`: synthesizes every app under examples/ (examples/<name>/main.ts) into dist/<name>/,
 * with the library's validation on, and says what it wrote. Exits 1 if any example fails; all are tried.
 *
 * Usage: npm run synth [-- [--outdir DIR] name ...]
 */
import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '..');
const examplesDir = path.join(root, 'examples');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--outdir');
const outRoot = outIndex >= 0 ? path.resolve(args[outIndex + 1] ?? 'dist') : path.join(root, 'dist');
const only = outIndex >= 0 ? [...args.slice(0, outIndex), ...args.slice(outIndex + 2)] : args;
const names = fs.readdirSync(examplesDir)
  .filter((n) => fs.existsSync(path.join(examplesDir, n, 'main.ts')))
  .filter((n) => only.length === 0 || only.includes(n))
  .sort();
if (names.length === 0) {
  console.error(only.length ? `no example named ${only.join(', ')} under examples/` : 'no examples found under examples/');
  process.exit(1);
}

const failed: string[] = [];
for (const name of names) {
  const outdir = path.join(outRoot, name);
  fs.rmSync(outdir, { recursive: true, force: true });
  process.env.CDK8S_OUTDIR = outdir;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- each example is an app that synthesizes when loaded
    require(path.join(examplesDir, name, 'main.ts'));
    const files = fs.existsSync(outdir) ? fs.readdirSync(outdir).filter((f) => f.endsWith('.yaml')).sort() : [];
    if (files.length === 0) throw new Error('the app wrote no manifests (does main.ts call app.synth()?)');
    console.log(`synthesized examples/${name} -> ${path.relative(process.cwd(), outdir) || '.'}/`);
    for (const f of files) {
      const text = fs.readFileSync(path.join(outdir, f), 'utf8');
      const kinds = [...text.matchAll(/^kind: (\S+)$/gm)].map((m) => m[1]);
      const counts = [...new Set(kinds)].sort().map((k) => `${kinds.filter((x) => x === k).length} ${k}`);
      console.log(`  ${f}: ${counts.join(', ')}`);
    }
    for (const f of fs.readdirSync(outdir).filter((x) => /\.topology\.(md|mmd|dot)$/.test(x)).sort()) console.log(`  ${f}: topology picture`);
  } catch (e) {
    failed.push(name);
    console.error(`FAILED examples/${name}:\n${(e as Error).message}\n`);
  }
}
if (failed.length) {
  console.error(`${failed.length} of ${names.length} examples failed: ${failed.join(', ')}`);
  process.exit(1);
}
console.log(`${names.length} example(s) synthesized into ${path.relative(process.cwd(), outRoot) || '.'}/`);
