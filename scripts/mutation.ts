/**
 * `npm run mutation`: StrykerJS over the folders given (stryker.config.mjs says how), one incremental file per
 * folder set, so a rerun of a folder tests only the mutants whose code or covering tests changed.
 *
 * Usage: npm run mutation [-- folder-or-file ... [--any-stryker-option value ...]]
 *   npm run mutation                                  every folder of stryker.config.mjs `mutate` (hours on 2 cores)
 *   npm run mutation -- src/validation/rules          one folder (src/validation/rules/**\/*.ts)
 *   npm run mutation -- src/storage/claim-check.ts    one file
 *
 * Folders are taken here rather than as Stryker's --mutate glob because projen runs the task through a shell,
 * which would expand an unquoted glob into many arguments.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '..');
const args = process.argv.slice(2);
const firstOption = args.findIndex((a) => a.startsWith('-'));
const targets = firstOption < 0 ? args : args.slice(0, firstOption);
const options = firstOption < 0 ? [] : args.slice(firstOption);

const patterns: string[] = [];
for (const target of targets) {
  const full = path.resolve(root, target);
  if (!fs.existsSync(full)) {
    console.error(`mutation: ${target} does not exist (give folders or .ts files under src/)`);
    process.exit(2);
  }
  const rel = path.relative(root, full).split(path.sep).join('/');
  patterns.push(fs.statSync(full).isDirectory() ? `${rel}/**/*.ts` : rel);
}

const stryker: string[] = ['run'];
let slug = 'all';
if (patterns.length) {
  // keep the exclusions of the configuration (index files hold re-exports only)
  stryker.push('--mutate', [...patterns, '!src/**/index.ts'].join(','));
  slug = targets.map((t) => path.relative(root, path.resolve(root, t)).replace(/\.ts$/, '').replace(/[^A-Za-z0-9]+/g, '-')).join('+');
  stryker.push('--incrementalFile', `reports/mutation/${slug}.incremental.json`);
}
stryker.push(...options);
console.log(`stryker ${stryker.join(' ')}`);
const result = spawnSync(path.join(root, 'node_modules', '.bin', 'stryker'), stryker, { cwd: root, stdio: 'inherit' });
// the JSON report of the last run, kept per folder set for docs/mutation.md
const report = path.join(root, 'reports', 'mutation', 'mutation.json');
if (fs.existsSync(report)) fs.copyFileSync(report, path.join(root, 'reports', 'mutation', `${slug}.json`));
process.exit(result.status ?? 1);
