/**
 * Module load time: the library (compiled lib/) vs cdk8s-plus-27 alone, each in a fresh node process,
 * median of several runs. The library loads cdk8s-plus-27 itself, so the difference is our own cost.
 */
import { execFileSync } from 'child_process';
import * as path from 'path';
import { median } from './stats';

const root = path.join(__dirname, '..');

/**
 * Time to require a module and read every one of its exports: a library whose index loads lazily pays for all of its
 * modules here too, so the figure compares what the whole library costs, however it loads.
 */
function loadMs(moduleId: string): number {
  const script = `const t=process.hrtime.bigint();const m=require(${JSON.stringify(moduleId)});for(const k of Object.keys(m))void m[k];process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6));`;
  return Number(execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }));
}


export interface LoadTimeResult {
  readonly cdk8sPlusMs: number;
  readonly libraryMs: number;
  readonly deltaMs: number;
  readonly runs: number;
  /** Load time of the baseline library, when one is given. */
  readonly baselineMs?: number;
}

/** Alternates the two loads `runs` times and returns the medians. */
export function benchLoadTime(runs = 11, baseline?: string): LoadTimeResult {
  const plus: number[] = [];
  const lib: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < runs; i++) {
    plus.push(loadMs('cdk8s-plus-27'));
    lib.push(loadMs(path.join(root, 'lib', 'index.js')));
    if (baseline) base.push(loadMs(path.join(baseline, 'lib', 'index.js')));
  }
  const cdk8sPlusMs = median(plus);
  const libraryMs = median(lib);
  return { cdk8sPlusMs, libraryMs, deltaMs: libraryMs - cdk8sPlusMs, runs, baselineMs: baseline ? median(base) : undefined };
}

if (require.main === module) {
  const r = benchLoadTime();
  console.log(`load time (median of ${r.runs}): cdk8s-plus-27 ${r.cdk8sPlusMs.toFixed(1)} ms, cdk8s-golden-paths ${r.libraryMs.toFixed(1)} ms (+${r.deltaMs.toFixed(1)} ms)`);
}
