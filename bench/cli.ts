/**
 * The CLI on a directory of manifests, end to end (issue 17): `cdk8s-golden-paths validate DIR` over 1,000 YAML files
 * holding 7,714 objects (about 11 MB, the size of a large Helm-rendered estate), each run a fresh process as in CI.
 * Also the reading alone, in one process: the fast reader (js-yaml with the YAML 1.1 schema) against the `yaml`
 * package the loader used before, on the same files.
 *
 * Usage: ts-node bench/cli.ts [--runs 5] [--keep DIR]
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { median } from './stats';
import { benchObjects } from './validator';

/** Files and objects of the generated directory. */
export const FILES = 1000;
export const OBJECTS = 7714;

/** A paragraph of realistic text for annotations and config files (what makes Helm output large). */
const NOTE = 'Managed by the platform team. Changes go through the GitOps repository; see the runbook for rollbacks and on-call contacts.';

/** Writes the directory: file i holds the 8 objects of app i (7 for the last 286 files), with annotations and a config file. */
export function writeManifestDir(dir: string): { files: number; objects: number; bytes: number } {
  fs.mkdirSync(dir, { recursive: true });
  const all = benchObjects(FILES * 8);
  let objects = 0;
  let bytes = 0;
  for (let i = 0; i < FILES; i++) {
    const unit = all.slice(i * 8, i * 8 + (i < OBJECTS - FILES * 7 ? 8 : 7)).map((o) => decorate(o, i));
    const text = `# app ${i}: rendered by the chart's CI job\n` + unit.map((o) => stringify(o, { version: '1.1' })).join('---\n');
    const file = path.join(dir, `team-${i % 50}`, `app-${i}.yaml`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    objects += unit.length;
    bytes += Buffer.byteLength(text);
  }
  return { files: FILES, objects, bytes };
}

function decorate(o: any, i: number): any {
  const copy = JSON.parse(JSON.stringify(o));
  copy.metadata.annotations = {
    ...(copy.metadata.annotations ?? {}),
    'example.com/description': `${NOTE} App ${i}, ${copy.kind}.`,
    'example.com/owner': `team-${i % 50}@example.com`,
    'example.com/revision': `r${1000 + i}`,
  };
  if (copy.kind === 'ConfigMap') {
    copy.data['app.properties'] = Array.from({ length: 40 }, (_, j) => `setting.${j}=value-${i}-${j} # ${NOTE.slice(0, 40)}`).join('\n') + '\n';
  }
  return copy;
}

/** One run of the CLI (of this checkout, or of the baseline's root) in a fresh process: wall time, exit code, peak RSS. */
function runCli(dir: string, root: string = path.join(__dirname, '..')): { ms: number; code: number; rssMiB: number } {
  const bin = path.join(root, 'bin', 'cdk8s-golden-paths');
  const script = 'const t=process.hrtime.bigint();const {spawnSync}=require(\'child_process\');'
    + `const r=spawnSync(process.execPath,[${JSON.stringify(bin)},'validate','--format','json',${JSON.stringify(dir)}],{maxBuffer:1<<30});`
    + 'console.log(JSON.stringify({ms:Number(process.hrtime.bigint()-t)/1e6,code:r.status}));';
  const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  const { ms, code } = JSON.parse(out);
  // peak RSS of a CLI run, measured by the child itself
  const rss = execFileSync(process.execPath, ['-e', `require(${JSON.stringify(path.join(root, 'lib', 'cli', 'main.js'))}).main(['validate','--format','json',${JSON.stringify(dir)}],`
    + '{stdout(){},stderr(){}}).then(()=>console.log(process.resourceUsage().maxRSS/1024))'], { encoding: 'utf8' });
  return { ms, code, rssMiB: Number(rss.trim()) };
}

/** Reads the directory (files to objects) in this process with one parser; resolves to the wall time in ms. */
async function readOnce(dir: string, parser: 'fast' | 'yaml'): Promise<number> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled library, as users run it
  const { loadManifestFiles } = require('../lib/cli/load-manifests');
  const t = process.hrtime.bigint();
  const r = await loadManifestFiles([dir], { parser });
  if (r.errors.length || r.inputs.length !== OBJECTS) throw new Error(`read ${r.inputs.length} objects, ${r.errors.length} errors`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

export interface CliBenchResult {
  readonly files: number;
  readonly objects: number;
  readonly megabytes: number;
  /** End to end, median of fresh processes. */
  readonly cliMs: number;
  readonly objectsPerSecond: number;
  readonly peakRssMiB: number;
  /** Reading the files alone, median, in one process after a first read. */
  readonly readFastMs: number;
  readonly readYamlMs: number;
  /** The baseline's CLI on the same directory, when a baseline is given (GOLDEN_PATHS_BASELINE). */
  readonly baselineCliMs?: number;
}

/** Generates the directory, runs the CLI `runs` times, and times the reading with both parsers. */
export async function benchCli(runs = 5, keep?: string): Promise<CliBenchResult> {
  const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'golden-paths-cli-'));
  const written = writeManifestDir(dir);
  try {
    const baseline = process.env.GOLDEN_PATHS_BASELINE;
    const cli: Array<{ ms: number; code: number; rssMiB: number }> = [];
    const before: number[] = [];
    for (let i = 0; i < runs; i++) { // alternating with the baseline, when there is one
      cli.push(runCli(dir));
      if (baseline) before.push(runCli(dir, baseline).ms);
    }
    if (cli.some((r) => r.code !== 0 && r.code !== 1)) throw new Error(`the CLI failed: exit ${cli.map((r) => r.code).join(', ')}`);
    const fast: number[] = [];
    const yaml: number[] = [];
    await readOnce(dir, 'fast'); // first read: module loading, file cache
    for (let i = 0; i < runs; i++) {
      fast.push(await readOnce(dir, 'fast'));
      yaml.push(await readOnce(dir, 'yaml'));
    }
    const cliMs = median(cli.map((r) => r.ms));
    return {
      files: written.files,
      objects: written.objects,
      megabytes: written.bytes / 1024 / 1024,
      cliMs,
      objectsPerSecond: written.objects / (cliMs / 1000),
      peakRssMiB: median(cli.map((r) => r.rssMiB)),
      readFastMs: median(fast),
      readYamlMs: median(yaml),
      baselineCliMs: before.length ? median(before) : undefined,
    };
  } finally {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 5;
  const keep = args.includes('--keep') ? path.resolve(args[args.indexOf('--keep') + 1]) : undefined;
  benchCli(runs, keep).then((r) => console.log(JSON.stringify(r))).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
