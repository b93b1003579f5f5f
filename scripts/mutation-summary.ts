/**
 * `npm run mutation:summary`: the mutation score per folder, and the surviving mutants, from the JSON reports that
 * `npm run mutation` leaves in reports/mutation/ (one per folder set it ran), as Markdown for docs/mutation.md.
 *
 * Usage: npm run mutation:summary [-- report.json ...]   (default: every reports/mutation/*.json but the incremental files)
 *
 * Score as Stryker computes it: (killed + timeout) / (killed + timeout + survived + no coverage). Mutants that do not
 * compile, and static ones the configuration ignores, count in neither half.
 */
import * as fs from 'fs';
import * as path from 'path';

interface Mutant {
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly status: string;
  readonly location: { readonly start: { readonly line: number; readonly column: number } };
}

interface Report {
  readonly files: Record<string, { readonly mutants: Mutant[]; readonly source: string }>;
}

const root = path.join(__dirname, '..');
const dir = path.join(root, 'reports', 'mutation');
const given = process.argv.slice(2);
const reports = given.length ? given : (fs.existsSync(dir) ? fs.readdirSync(dir) : [])
  .filter((f) => f.endsWith('.json') && !f.endsWith('.incremental.json') && f !== 'mutation.json')
  .sort()
  .map((f) => path.join(dir, f));
if (!reports.length) {
  console.error('mutation:summary: no reports in reports/mutation/ (run `npm run mutation -- <folder>` first)');
  process.exit(2);
}

type Tally = Record<string, number>;
const byFolder = new Map<string, Tally>();
const survivors: string[] = [];
const seen = new Set<string>();
for (const file of reports) {
  if (!fs.existsSync(file)) {
    console.error(`mutation:summary: ${file} does not exist (npm run mutation -- <folder> writes reports/mutation/<folder>.json)`);
    process.exit(2);
  }
  const report = JSON.parse(fs.readFileSync(path.resolve(file), 'utf8')) as Report;
  for (const [name, entry] of Object.entries(report.files)) {
    if (seen.has(name)) continue; // a file in two reports: the first (sorted) counts
    seen.add(name);
    const folder = path.posix.dirname(name);
    const tally = byFolder.get(folder) ?? {};
    byFolder.set(folder, tally);
    const lines = entry.source.split('\n');
    for (const m of entry.mutants) {
      tally[m.status] = (tally[m.status] ?? 0) + 1;
      if (m.status === 'Survived' || m.status === 'NoCoverage') {
        const line = m.location.start.line;
        const code = (lines[line - 1] ?? '').trim().slice(0, 90);
        const replacement = (m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 60);
        survivors.push(`| ${name}:${line} | ${m.mutatorName} | \`${replacement.replace(/\|/g, '\\|')}\` | ${m.status} | \`${code.replace(/\|/g, '\\|')}\` |`);
      }
    }
  }
}

const n = (t: Tally, k: string) => t[k] ?? 0;
const score = (t: Tally) => {
  const detected = n(t, 'Killed') + n(t, 'Timeout');
  const valid = detected + n(t, 'Survived') + n(t, 'NoCoverage');
  return valid ? `${(100 * detected / valid).toFixed(1)} %` : 'n/a';
};
const total: Tally = {};
console.log('| folder | score | killed | timeout | survived | no coverage | compile error | ignored (static) |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const [folder, t] of [...byFolder].sort(([a], [b]) => a.localeCompare(b))) {
  for (const [k, v] of Object.entries(t)) total[k] = (total[k] ?? 0) + v;
  console.log(`| ${folder} | ${score(t)} | ${n(t, 'Killed')} | ${n(t, 'Timeout')} | ${n(t, 'Survived')} | ${n(t, 'NoCoverage')} | ${n(t, 'CompileError')} | ${n(t, 'Ignored')} |`);
}
console.log(`| **all measured** | **${score(total)}** | ${n(total, 'Killed')} | ${n(total, 'Timeout')} | ${n(total, 'Survived')} | ${n(total, 'NoCoverage')} | ${n(total, 'CompileError')} | ${n(total, 'Ignored')} |`);
console.log('');
console.log(`Surviving mutants (${survivors.length}):`);
console.log('');
console.log('| where | mutator | replacement | status | code |');
console.log('|---|---|---|---|---|');
for (const s of survivors) console.log(s);
