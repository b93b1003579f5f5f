/**
 * Topology picture speed (issue 19): `TopologyGraph.render` of 1,000 objects with their findings marked, target
 * under one second. Two sets of the validator benchmark's realistic mix (Deployments, Services, claims, StatefulSets
 * with claim templates, StorageClasses, Ingresses, ConfigMaps): one named app-0, app-1, ... (numbered: the collapse
 * step merges them) and one whose names share no numbers (the worst case: every object is its own node until the
 * size limits fold them). The validation that finds the findings is timed apart.
 *
 * Usage: npx ts-node --project bench/tsconfig.json --transpile-only bench/graph.ts [--runs 7]
 */
import { TopologyGraph, Validator } from '../lib';
import { median } from './stats';
import { benchObjects } from './validator';

/** One set's result. */
export interface GraphBenchResult {
  readonly set: string;
  readonly objects: number;
  /** The first render in the process (cold: nothing compiled yet), milliseconds. */
  readonly coldMs: number;
  /** Median of the following renders, milliseconds. */
  readonly medianMs: number;
  /** Validation of the same objects (the findings the picture marks), median milliseconds. */
  readonly validateMs: number;
  /** Size of the picture: Mermaid characters, nodes and edges as drawn. */
  readonly chars: number;
  readonly nodes: number;
  readonly edges: number;
}

/** `app-12` -> `app-bm`: names that share no digits, so nothing collapses by ordinal. */
function letters(i: number): string {
  let s = '';
  let n = i;
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

function distinct(objects: any[]): any[] {
  return JSON.parse(JSON.stringify(objects).replace(/\b(app|fast|team)-(\d+)/g, (_m, p: string, d: string) => `${p}-${letters(Number(d))}`));
}

function time(f: () => void): number {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** Renders each set `runs` times after one cold render. */
export function benchGraph(n = 1000, runs = 7): GraphBenchResult[] {
  const sets: Array<[string, any[]]> = [['numbered names', benchObjects(n)], ['distinct names', distinct(benchObjects(n))]];
  const results: GraphBenchResult[] = [];
  for (const [set, objects] of sets) {
    let findings = Validator.validate(objects);
    const validateMs = median(Array.from({ length: 3 }, () => time(() => { findings = Validator.validate(objects); })));
    let text = '';
    const coldMs = time(() => { text = TopologyGraph.render(objects, { findings }); });
    const times = Array.from({ length: runs }, () => time(() => { text = TopologyGraph.render(objects, { findings }); }));
    results.push({
      set,
      objects: objects.length,
      coldMs,
      medianMs: median(times),
      validateMs,
      chars: text.length,
      nodes: (text.match(/^ +n\d+[[({>]/gm) ?? []).length,
      edges: (text.match(/^ {2}n\d+ (-->|-\.->|==>)/gm) ?? []).length,
    });
  }
  return results;
}

if (require.main === module) {
  const r = process.argv.indexOf('--runs');
  const results = benchGraph(1000, r >= 0 ? Number(process.argv[r + 1]) : 7);
  console.log('| set | objects | cold ms | median ms | validation ms | Mermaid chars | nodes | edges |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const x of results) {
    console.log(`| ${x.set} | ${x.objects} | ${x.coldMs.toFixed(0)} | ${x.medianMs.toFixed(0)} | ${x.validateMs.toFixed(0)} | ${x.chars} | ${x.nodes} | ${x.edges} |`);
  }
}
