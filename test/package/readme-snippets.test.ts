/**
 * Every TypeScript snippet of README.md compiles against the library's public API: a renamed export, prop or method
 * fails here before it misleads a user who writes an app from the README alone.
 *
 * A snippet may be a fragment: it is compiled inside a Chart subclass's constructor (so `this` is a Chart), with the
 * library, cdk8s and cdk8s-plus-27 imported by name, and with the few free names snippets use for the objects around
 * them (`chart`, `app`, `api`, a `deployment`, ...) declared by their type. Any other undeclared name is an error.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const root = path.join(__dirname, '..', '..');

/** Names snippets use without declaring them: the context a reader supplies. */
const CONTEXT = `
declare const app: App;
declare const chart: Chart;
declare const scope: Construct;
declare const api: kplus.Deployment;
declare const web: kplus.Service;
declare const frontend: kplus.Deployment;
declare const deployment: kplus.Deployment;
declare const wordpress: kplus.Deployment;
declare const workload: kplus.Deployment;
declare const job: kplus.Job;
declare const apiService: kplus.Service;
declare const db: StatefulDatabase;
declare const myLogger: { info(line: string): void };
declare class MyChart extends Chart {}
`;

/** Names of the platform example (examples/platform-golden-path) the platform snippets build on. */
const ACME = ['AcmeApp', 'AcmeChart', 'AcmeEnv', 'AcmeWebService', 'acmePolicy'];

function snippets(): Array<{ line: number; code: string }> {
  const text = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const out: Array<{ line: number; code: string }> = [];
  const re = /```ts\n([\s\S]*?)```/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ line: text.slice(0, m.index).split('\n').length, code: m[1] });
  return out;
}

/** A snippet as a module: its own imports are dropped (the header imports everything), top-level declarations stay top-level. */
function wrap(code: string): string {
  const src = readIndexNames();
  const lines = code.split('\n').filter((l) => !/^import .* from '(cdk8s-golden-paths|cdk8s|cdk8s-plus-27|constructs)';$/.test(l.trim()));
  const body = lines.join('\n');
  const header = [
    "import { ApiObject, App, Chart, Cron, Duration, JsonPatch, Size, Yaml } from 'cdk8s';",
    "import * as kplus from 'cdk8s-plus-27';",
    "import { Cpu, Deployment, Job, Secret, Service } from 'cdk8s-plus-27';",
    "import { Construct } from 'constructs';",
    `import { ${src.join(', ')} } from '../../src';`,
    acmeImport(body),
    CONTEXT,
  ].join('\n');
  // declarations (classes, functions, exports) compile at top level; statements inside a Chart's constructor
  if (/^\s*(export )?(class|function|interface|enum) /m.test(body)) return `${header}\n${body}\nexport {};\n`;
  return `${header}\nexport class Snippet extends Chart {\n  constructor(s: Construct, id: string) {\n    super(s, id);\n${body}\n  }\n}\n`;
}

/** Imports the platform example's names a snippet uses but does not declare itself. */
function acmeImport(body: string): string {
  const used = ACME.filter((n) => new RegExp(`\\b${n}\\b`).test(body) && !new RegExp(`(class|enum|function|const) ${n}\\b`).test(body));
  return used.length ? `import { ${used.join(', ')} } from '../../examples/platform-golden-path/acme-platform';` : '';
}

let indexNames: string[] | undefined;
function readIndexNames(): string[] {
  if (!indexNames) {
    const index = fs.readFileSync(path.join(root, 'src', 'index.ts'), 'utf8');
    indexNames = [...index.matchAll(/export \{([^}]*)\}/g)].flatMap((m) => m[1].split(',').map((x) => x.trim()).filter((x) => x));
  }
  return indexNames;
}

test('every TypeScript snippet of README.md compiles against the public API', () => {
  const all = snippets();
  expect(all.length).toBeGreaterThan(5);
  const dir = path.join(root, 'test', 'package');
  const files = new Map<string, string>();
  all.forEach((s, i) => files.set(path.join(dir, `readme-snippet-${i}.ts`), wrap(s.code)));
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.CommonJS,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    esModuleInterop: true,
    experimentalDecorators: true,
    types: [],
    lib: ['lib.es2020.d.ts'],
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (f) => files.get(path.resolve(f)) ?? read(f);
  const exists = host.fileExists.bind(host);
  host.fileExists = (f) => files.has(path.resolve(f)) || exists(f);
  const program = ts.createProgram([...files.keys()], options, host);
  const problems: string[] = [];
  [...files.keys()].forEach((f, i) => {
    for (const d of ts.getPreEmitDiagnostics(program, program.getSourceFile(f))) {
      if (d.file?.fileName !== f) continue;
      const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
      // a snippet's local names may shadow or go unused: only errors that mean the API changed count
      if ([6133, 6138, 6196, 2300, 2451].includes(d.code)) continue;
      problems.push(`README.md snippet at line ${all[i].line}: ${message}`);
    }
  });
  expect(problems).toEqual([]);
}, 120_000);
