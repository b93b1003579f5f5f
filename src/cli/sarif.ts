import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LoadError } from './load-manifests';
import { SUPPRESS_ANNOTATION_PREFIX } from '../core/conventions';
import { Finding, RuleFamily, RuleInfo, Severity } from '../validation/finding';

/**
 * `validate --format sarif`: SARIF 2.1.0, as GitHub code scanning (github/codeql-action/upload-sarif), GitLab and
 * IDE viewers read it. Every rule is in `tool.driver.rules` with its help (what, why, fix, how to suppress); each
 * result names its rule (ruleId and ruleIndex), level, message with the fix, the file and line of its object
 * (relative to the working directory, where the Action runs), the object as a logical location, and a fingerprint
 * that does not change when lines move.
 */

/** The SARIF schema this output follows. */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Where the rules reference lives, per family section. */
const RULES_DOC_URL = 'https://github.com/cdk8s-golden-paths/cdk8s-golden-paths/blob/main/docs/rules.md';
export const FAMILY_ANCHORS: Record<RuleFamily, string> = {
  [RuleFamily.SCHEMA]: 'schema',
  [RuleFamily.API_SERVER]: 'api-server-parity',
  [RuleFamily.STORAGE]: 'storage',
  [RuleFamily.WORKLOAD]: 'workloads',
  [RuleFamily.INGRESS]: 'ingress',
  [RuleFamily.GATEWAY]: 'gateway-api',
  [RuleFamily.SECURITY]: 'security',
  [RuleFamily.POLICY]: 'policy',
  [RuleFamily.VALIDATOR]: 'validator',
};

/** What the SARIF log is made from. */
export interface SarifInput {
  readonly findings: readonly Finding[];
  readonly rules: readonly RuleInfo[];
  readonly loadErrors: readonly LoadError[];
  /** Directory relative paths are resolved against (the working directory). */
  readonly cwd: string;
}

/** The package version, for tool.driver.version. */
export function toolVersion(): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** The SARIF log as a plain object (JSON.stringify it). */
export function toSarif(input: SarifInput): Record<string, unknown> {
  const index = new Map(input.rules.map((r, i) => [r.id, i]));
  const srcroot = pathToFileUri(input.cwd).replace(/\/?$/, '/');
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'cdk8s-golden-paths',
          version: toolVersion(),
          informationUri: 'https://github.com/cdk8s-golden-paths/cdk8s-golden-paths',
          rules: input.rules.map(sarifRule),
        },
      },
      originalUriBaseIds: { '%SRCROOT%': { uri: srcroot } },
      columnKind: 'utf16CodeUnits',
      invocations: [{
        executionSuccessful: input.loadErrors.length === 0,
        toolExecutionNotifications: input.loadErrors.map((e) => notification(e, input.cwd)),
      }],
      results: input.findings.map((f) => sarifResult(f, index.get(f.ruleId), input.cwd)),
    }],
  };
}

function sarifRule(r: RuleInfo): Record<string, unknown> {
  const suppress = `${SUPPRESS_ANNOTATION_PREFIX}${r.id}: "<why it does not apply here>"`;
  const level = r.severity === Severity.ERROR ? 'error' : 'warning';
  const tags = [r.family, 'kubernetes'];
  const properties: Record<string, unknown> = { 'tags': tags, 'precision': 'high', 'problem.severity': level };
  if (r.family === RuleFamily.SECURITY) properties['security-severity'] = r.severity === Severity.ERROR ? '7.5' : '4.0';
  return {
    id: r.id,
    shortDescription: { text: r.what },
    fullDescription: { text: `${r.what} ${r.why}` },
    help: {
      text: `${r.what}\n\nWhy: ${r.why}\n\nFix: ${r.fix}\n\nTo suppress it for one object, annotate the object: ${suppress}`,
      markdown: `${r.what}\n\n**Why:** ${r.why}\n\n**Fix:** ${r.fix}\n\nTo suppress it for one object, annotate the object:\n\n\`\`\`yaml\nmetadata:\n  annotations:\n    ${suppress}\n\`\`\``,
    },
    helpUri: `${RULES_DOC_URL}#${FAMILY_ANCHORS[r.family] ?? ''}`,
    defaultConfiguration: { level },
    properties,
  };
}

function sarifResult(f: Finding, ruleIndex: number | undefined, cwd: string): Record<string, unknown> {
  const object = `${f.kind}/${f.namespace ? f.namespace + '/' : ''}${f.name}`;
  const location: Record<string, unknown> = {
    logicalLocations: [{ name: f.name, fullyQualifiedName: object, kind: 'object' }],
  };
  if (f.file && f.file !== '<stdin>') {
    location.physicalLocation = {
      artifactLocation: artifactLocation(f.file, cwd),
      region: { startLine: f.line && f.line > 0 ? f.line : 1 },
    };
  }
  return {
    ruleId: f.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: f.severity === Severity.ERROR ? 'error' : 'warning',
    message: { text: `${object}: ${f.message}. Fix: ${f.fix}` },
    locations: [location],
    partialFingerprints: {
      'goldenPathsObject/v1': createHash('sha256').update(`${f.ruleId}\u0000${f.kind}\u0000${f.namespace ?? ''}\u0000${f.name}`).digest('hex').slice(0, 32),
    },
    properties: { kind: f.kind, name: f.name, namespace: f.namespace ?? null, fix: f.fix, ...(f.constructPath ? { constructPath: f.constructPath } : {}) },
  };
}

function notification(e: LoadError, cwd: string): Record<string, unknown> {
  const n: Record<string, unknown> = { level: 'error', message: { text: e.message }, descriptor: { id: 'unreadable-input' } };
  if (e.file !== '<stdin>') {
    const region: Record<string, number> = {};
    if (e.line !== undefined) region.startLine = e.line;
    if (e.line !== undefined && e.column !== undefined) region.startColumn = e.column;
    n.locations = [{ physicalLocation: { artifactLocation: artifactLocation(e.file, cwd), ...(e.line !== undefined ? { region } : {}) } }];
  }
  return n;
}

/** A path under the working directory as a relative URI on %SRCROOT%; any other as a file: URI. */
function artifactLocation(file: string, cwd: string): Record<string, string> {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileUri(abs) };
}

function pathToFileUri(abs: string): string {
  return pathToFileURL(path.resolve(abs)).href;
}
