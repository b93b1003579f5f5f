import { formatLoadError } from './load-errors';
import { LoadError } from './load-manifests';
import { Finding, Severity } from '../validation/finding';
import { formatFinding, ManifestInput } from '../validation/validate';

/**
 * `validate --format junit`: JUnit XML as GitLab (artifacts:reports:junit), Jenkins, Azure Pipelines and the
 * test-report Actions read it. One test suite per file, one test case per object (named `Kind namespace/name`, with
 * the file and line), a `<failure>` per error finding (type = rule id), warnings in `<system-out>`. Input that could
 * not be read is a test case with an `<error>` in the suite `unreadable input`.
 */

/** What the report is made from. */
export interface JunitInput {
  readonly inputs: readonly ManifestInput[];
  readonly findings: readonly Finding[];
  readonly loadErrors: readonly LoadError[];
}

interface Case {
  readonly name: string;
  readonly file?: string;
  readonly line?: number;
  readonly failures: Finding[];
  readonly warnings: Finding[];
  readonly error?: string;
}

/** Text safe in XML 1.0 attributes and content (characters XML 1.0 cannot hold are dropped). */
export function xmlText(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function str(x: unknown): string | undefined {
  return typeof x === 'string' && x !== '' ? x : undefined;
}

/** The test case name of an input document: `Kind namespace/name`, or where it is when it is not an object. */
function caseName(input: ManifestInput, position: number): string {
  const o = input.object;
  const meta = o && typeof o === 'object' && o.metadata && typeof o.metadata === 'object' ? o.metadata : {};
  const kind = o && typeof o === 'object' ? str(o.kind) : undefined;
  const name = str(meta.name) ?? str(meta.generateName);
  if (!kind || !name) return `document ${position}${input.line ? ` (line ${input.line})` : ''}`;
  return `${kind} ${str(meta.namespace) ? `${meta.namespace}/` : ''}${name}`;
}

/** Findings are matched to their object by file, line, kind, namespace and name (several objects can share a line in a List). */
function findingKey(file: string | undefined, line: number | undefined, kind: string, ns: string | undefined, name: string): string {
  return [file ?? '', line ?? '', kind, ns ?? '', name].join('\u0000');
}

function buildCases(input: JunitInput): Map<string, Case[]> {
  const suites = new Map<string, Case[]>();
  const byKey = new Map<string, Case>();
  input.inputs.forEach((i, position) => {
    const file = i.file ?? '<input>';
    const c: Case = { name: caseName(i, position + 1), file: i.file, line: i.line, failures: [], warnings: [] };
    suites.set(file, [...(suites.get(file) ?? []), c]);
    const o = i.object;
    const meta = o && typeof o === 'object' && o.metadata && typeof o.metadata === 'object' ? o.metadata : {};
    const kind = o && typeof o === 'object' ? str(o.kind) ?? '(none)' : '(none)';
    const key = findingKey(i.file, i.line, kind, str(meta.namespace), str(meta.name) ?? str(meta.generateName) ?? '(none)');
    if (!byKey.has(key)) byKey.set(key, c);
  });
  for (const f of input.findings) {
    let c = byKey.get(findingKey(f.file, f.line, f.kind, f.namespace, f.name));
    if (!c) {
      c = { name: `${f.kind} ${f.namespace ? `${f.namespace}/` : ''}${f.name}`, file: f.file, line: f.line, failures: [], warnings: [] };
      const file = f.file ?? '<input>';
      suites.set(file, [...(suites.get(file) ?? []), c]);
      byKey.set(findingKey(f.file, f.line, f.kind, f.namespace, f.name), c);
    }
    (f.severity === Severity.ERROR ? c.failures : c.warnings).push(f);
  }
  if (input.loadErrors.length > 0) {
    suites.set('unreadable input', input.loadErrors.map((e) => ({ name: e.file, file: e.file, line: e.line, failures: [], warnings: [], error: formatLoadError(e) })));
  }
  return suites;
}

function renderCase(c: Case, classname: string): string[] {
  const attrs = [`name="${xmlText(c.name)}"`, `classname="${xmlText(classname)}"`];
  if (c.file) attrs.push(`file="${xmlText(c.file)}"`);
  if (c.line !== undefined) attrs.push(`line="${c.line}"`);
  const body: string[] = [];
  for (const f of c.failures) {
    body.push(`      <failure message="${xmlText(`${f.ruleId}: ${f.message}`)}" type="${xmlText(f.ruleId)}">${xmlText(`${formatFinding(f)}`)}</failure>`);
  }
  if (c.error) body.push(`      <error message="${xmlText(c.error)}" type="unreadable-input">${xmlText(`error: ${c.error}`)}</error>`);
  if (c.warnings.length > 0) body.push(`      <system-out>${xmlText(c.warnings.map(formatFinding).join('\n'))}</system-out>`);
  if (body.length === 0) return [`    <testcase ${attrs.join(' ')}/>`];
  return [`    <testcase ${attrs.join(' ')}>`, ...body, '    </testcase>'];
}

/** The JUnit XML report. */
export function toJunit(input: JunitInput): string {
  const suites = buildCases(input);
  let tests = 0;
  let failures = 0;
  let errors = 0;
  const body: string[] = [];
  for (const [file, cases] of suites) {
    const f = cases.filter((c) => c.failures.length > 0).length;
    const e = cases.filter((c) => c.error !== undefined).length;
    tests += cases.length;
    failures += f;
    errors += e;
    body.push(`  <testsuite name="${xmlText(file)}" tests="${cases.length}" failures="${f}" errors="${e}" skipped="0">`);
    for (const c of cases) body.push(...renderCase(c, file));
    body.push('  </testsuite>');
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="cdk8s-golden-paths validate" tests="${tests}" failures="${failures}" errors="${errors}">`,
    ...body,
    '</testsuites>',
    '',
  ].join('\n');
}
