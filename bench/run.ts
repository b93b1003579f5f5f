/**
 * `npm run bench`: every benchmark of issue 8 in one run, printed as the tables of BENCHMARKS.md and saved as
 * bench/results-<date>.json (git-ignored).
 *   1. synth cost: (a) StatefulDatabase vs (b) hand-written cdk8s-plus-27 vs (c) raw ApiObjects, N = 1, 100, 1000
 *   2. module load time: the library vs cdk8s-plus-27 alone
 *   3. validator throughput on 10,000 and 100,000 objects
 *
 * Usage: npm run bench [-- --quick] [-- --baseline DIR]
 *   --quick: fewer repetitions, for a smoke run
 *   --baseline DIR: also measure a baseline build of the library side by side (DIR is a checkout with lib/ compiled,
 *     e.g. from `bench/prepare-baseline.sh <git ref>`): variant a0 is (a) built with it, and its load time is measured too
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { benchGraph } from './graph';
import { benchFirstValidation, benchLoadTime } from './load-time';
import { SynthRow, benchSynth, sameObjects } from './synth';
import { benchValidator } from './validator';

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const b = process.argv.indexOf('--baseline');
  if (b >= 0) process.env.GOLDEN_PATHS_BASELINE = path.resolve(process.argv[b + 1]);
  const baseline = process.env.GOLDEN_PATHS_BASELINE;
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, ${os.platform()} ${os.arch()}`;
  console.log(`machine: ${machine}`);
  console.log(`(a), (b) and (c) produce the same objects: ${sameObjects()}`);

  const synthRows = benchSynth([1, 100, 1000], quick ? 1 : 5);
  console.log('\n| N | variant | build ms | synth ms | total ms | peak RSS MiB | objects |');
  console.log('|---:|---|---:|---:|---:|---:|---:|');
  for (const r of synthRows) {
    console.log(`| ${r.n} | ${r.variant} | ${r.buildMs.toFixed(1)} | ${r.synthMs.toFixed(1)} | ${r.totalMs.toFixed(1)} | ${r.peakRssMiB.toFixed(0)} | ${r.objects} |`);
  }
  const get = (n: number, v: string): SynthRow => synthRows.find((r) => r.n === n && r.variant === v)!;
  console.log('\n| N | a/b total | a/c total | a/b RSS |');
  console.log('|---:|---:|---:|---:|');
  for (const n of [1, 100, 1000]) {
    const a = get(n, 'a');
    console.log(`| ${n} | ${(a.totalMs / get(n, 'b').totalMs).toFixed(2)} | ${(a.totalMs / get(n, 'c').totalMs).toFixed(2)} | ${(a.peakRssMiB / get(n, 'b').peakRssMiB).toFixed(2)} |`);
  }
  if (baseline) {
    console.log(`\nside by side with the baseline (${baseline}), same run, variants alternating:`);
    console.log('| N | (a) total ms | baseline (a0) total ms | a/b | a0/b | (a) load+total ms | (a0) load+total ms |');
    console.log('|---:|---:|---:|---:|---:|---:|---:|');
    for (const n of [1, 100, 1000]) {
      const a = get(n, 'a');
      const a0 = get(n, 'a0');
      const bn = get(n, 'b');
      console.log(`| ${n} | ${a.totalMs.toFixed(1)} | ${a0.totalMs.toFixed(1)} | ${(a.totalMs / bn.totalMs).toFixed(2)} | ${(a0.totalMs / bn.totalMs).toFixed(2)} | ${a.endToEndMs.toFixed(1)} | ${a0.endToEndMs.toFixed(1)} |`);
    }
  }
  const linear = get(1000, 'a').totalMs / get(100, 'a').totalMs;
  console.log(`\nlinearity: (a) at N=1000 / (a) at N=100 = ${linear.toFixed(2)} (target <= 11)`);

  const load = benchLoadTime(quick ? 5 : 11, baseline);
  console.log(`\nload time (median of ${load.runs}): cdk8s-plus-27 ${load.cdk8sPlusMs.toFixed(1)} ms, library ${load.libraryMs.toFixed(1)} ms (delta ${load.deltaMs.toFixed(1)} ms, target <= +50)`
    + (load.baselineMs !== undefined ? `, baseline ${load.baselineMs.toFixed(1)} ms (delta ${(load.baselineMs - load.cdk8sPlusMs).toFixed(1)} ms)` : ''));
  const first = benchFirstValidation(quick ? 5 : 11, baseline);
  console.log(`first validation after load, CPU ms (median of ${first.runs}, default target): ${first.firstMs.toFixed(1)} ms, with a CloudNativePG Cluster `
    + `${first.firstWithCrdMs.toFixed(1)} ms${first.baselineFirstMs !== undefined ? `, baseline ${first.baselineFirstMs.toFixed(1)} ms` : ''}`);

  const validator = await benchValidator([10_000, 100_000], quick ? 2 : undefined);
  console.log('\n| objects | median ms | objects/s (wall) | objects/s (CPU) | findings |');
  console.log('|---:|---:|---:|---:|---:|');
  for (const v of validator) {
    console.log(`| ${v.objects} | ${v.medianMs.toFixed(0)} | ${Math.round(v.objectsPerSecond)} | ${Math.round(v.objectsPerCpuSecond)} | ${v.errors} errors, ${v.warnings} warnings |`);
  }

  const graph = benchGraph(1000, quick ? 3 : 7);
  console.log('\ntopology picture (TopologyGraph.render, findings marked), target < 1,000 ms at 1,000 objects:');
  console.log('| set | objects | cold ms | median ms | validation ms | Mermaid chars | nodes | edges |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const g of graph) {
    console.log(`| ${g.set} | ${g.objects} | ${g.coldMs.toFixed(0)} | ${g.medianMs.toFixed(0)} | ${g.validateMs.toFixed(0)} | ${g.chars} | ${g.nodes} | ${g.edges} |`);
  }

  const out = path.join(__dirname, `results-${new Date().toISOString().slice(0, 10)}.json`);
  fs.writeFileSync(out, JSON.stringify({ machine, synth: synthRows, linearity: linear, load, firstValidation: first, validator, graph }, null, 2) + '\n');
  console.log(`\nsaved ${path.relative(process.cwd(), out)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
