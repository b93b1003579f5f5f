/**
 * `npm run test:properties`: the property tests (test/property) alone, for long runs. `npm test` runs them with a
 * fixed seed and 1000 runs; here the seed can be random and the runs many more.
 *
 * Usage: npm run test:properties [-- [--random | --seed N] [--runs N] [jest args ...]]
 *   npm run test:properties -- --random               a random seed (printed first), 5000 runs per property
 *   npm run test:properties -- --seed 1234 --runs 500 replay a printed seed
 * A failure prints fast-check's seed and path; rerun with that seed to reproduce it, then add the counterexample to
 * test/property/counterexamples.ts and a plain test to test/property/regressions.test.ts.
 */
import { spawnSync } from 'child_process';
import { randomInt } from 'crypto';
import * as path from 'path';

const args = process.argv.slice(2);
const env: Record<string, string> = { ...process.env as Record<string, string> };
const jestArgs: string[] = [];
let seed: number | undefined;
let runs = 5000;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--random') seed = randomInt(1, 2 ** 31 - 1);
  else if (a === '--seed') seed = positive(args[++i], '--seed');
  else if (a === '--runs') runs = positive(args[++i], '--runs');
  else jestArgs.push(a);
}

function positive(text: string | undefined, flag: string): number {
  const n = Number(text);
  if (!text || !Number.isInteger(n) || n <= 0) {
    console.error(`test:properties: ${flag} needs a positive whole number, got ${text ?? 'nothing'}`);
    process.exit(2);
  }
  return n;
}

if (seed !== undefined) env.GOLDEN_PATHS_PROPERTY_SEED = String(seed);
env.GOLDEN_PATHS_PROPERTY_RUNS = String(runs);
console.log(`property tests: seed ${env.GOLDEN_PATHS_PROPERTY_SEED ?? '20261122 (the fixed seed of npm test)'}, ${runs} runs per property`);
const root = path.join(__dirname, '..');
// jest paths given replace the folder (e.g. test/property/ingress), other jest options are added
const paths = jestArgs.some((a) => !a.startsWith('-')) ? [] : ['test/property'];
const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', ...paths, ...jestArgs], { cwd: root, env, stdio: 'inherit' });
if (result.status !== 0 && seed !== undefined) console.log(`property tests failed with seed ${seed}: npm run test:properties -- --seed ${seed} --runs ${runs}`);
process.exit(result.status ?? 1);
