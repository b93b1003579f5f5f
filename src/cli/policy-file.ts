import * as fs from 'fs';
import { Size } from 'cdk8s';
import { Document, LineCounter, isMap, isScalar, isSeq, parseDocument, Node as YamlNode } from 'yaml';
import { jsonLoadError } from './load-errors';
import { LoadError } from './load-manifests';
import { GIB, parseQuantity } from '../core/quantity';
import { PlatformPolicyProps } from '../validation/policy-options';

/**
 * `--policy FILE`: the platform policy (PlatformPolicyProps) as YAML or JSON, for teams whose platform is defined in
 * YAML. The same keys as in code; `maxClaimSize` is a Kubernetes quantity (`500Gi`):
 *
 *     allowedProvisioners: [ebs.csi.aws.com, efs.csi.aws.com]
 *     requireTls: true
 *     forbidHostPath: true
 *     minDatabaseReplicas: 3
 *     maxClaimSize: 500Gi
 *     requiredLabels: [acme.com/team, acme.com/cost-centre]
 *     allowedIngressClasses: [nginx-public, nginx-internal]
 *
 * Every problem is reported with its position (`file:line:column: message`), all at once.
 */

/** What reading a policy file gives: the policy, or the problems (never both). */
export interface PolicyFileResult {
  readonly policy?: PlatformPolicyProps;
  readonly errors: LoadError[];
}

type Check = (value: unknown) => { value?: unknown; problem?: string };

const stringList: Check = (v) => (Array.isArray(v) && v.every((x) => typeof x === 'string' && x !== '')
  ? { value: v }
  : { problem: 'must be a list of non-empty strings, e.g. [a, b]' });
const bool: Check = (v) => (typeof v === 'boolean' ? { value: v } : { problem: 'must be true or false' });

const KEYS: Record<keyof PlatformPolicyProps, Check> = {
  allowedProvisioners: stringList,
  requireTls: bool,
  forbidHostPath: bool,
  minDatabaseReplicas: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 1 ? { value: v } : { problem: 'must be a whole number of at least 1' }),
  maxClaimSize: (v) => {
    const bytes = parseQuantity(v);
    if (typeof v !== 'string' || bytes === undefined || bytes <= 0) return { problem: 'must be a Kubernetes quantity of bytes, e.g. 500Gi' };
    return { value: Size.gibibytes(bytes / GIB) };
  },
  requiredLabels: stringList,
  allowedIngressClasses: stringList,
};

/** Reads and checks a policy file. Never throws. */
export function readPolicyFile(file: string): PolicyFileResult {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    return { errors: [{ file, message: code === 'ENOENT' ? 'policy file: no such file' : `policy file: ${(e as Error).message}` }] };
  }
  return parsePolicyText(text, file);
}

/** Parses and checks the text of a policy file (YAML, or JSON, which is YAML too). Never throws. */
export function parsePolicyText(text: string, file: string): PolicyFileResult {
  if (/^\s*[{[]/.test(text)) {
    try {
      JSON.parse(text);
    } catch (e) {
      return { errors: [jsonLoadError(file, text, e)] };
    }
  }
  const lines = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, version: '1.1' });
  } catch (e) {
    return { errors: [{ file, message: `cannot parse the policy: ${(e as Error).message}` }] };
  }
  const at = (node: YamlNode | null | undefined, message: string): LoadError => {
    const offset = node?.range?.[0];
    if (offset === undefined) return { file, message };
    const pos = lines.linePos(offset);
    return { file, line: pos.line, column: pos.col, message };
  };
  if (doc.errors.length > 0) {
    return { errors: doc.errors.map((e) => ({ file, ...posOf(lines, e.pos[0]), message: `YAML syntax error: ${e.message.split('\n')[0]}` })) };
  }
  if (!isMap(doc.contents)) return { errors: [at(doc.contents, 'the policy must be a mapping of PlatformPolicyProps keys (e.g. requireTls: true)')] };
  return checkEntries(doc, at);
}

function posOf(lines: LineCounter, offset: number): { line: number; column: number } {
  const p = lines.linePos(offset);
  return { line: p.line, column: p.col };
}

function checkEntries(doc: Document, at: (node: YamlNode | null | undefined, message: string) => LoadError): PolicyFileResult {
  const errors: LoadError[] = [];
  const policy: Record<string, unknown> = {};
  const map = doc.contents;
  if (!isMap(map)) return { errors: [at(undefined, 'the policy must be a mapping')] };
  for (const pair of map.items) {
    const keyNode = pair.key as YamlNode;
    const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
    if (key === undefined || !Object.prototype.hasOwnProperty.call(KEYS, key)) {
      errors.push(at(keyNode, `unknown policy key ${JSON.stringify(key ?? '(not a string)')}; known: ${Object.keys(KEYS).join(', ')}`));
      continue;
    }
    const valueNode = pair.value as YamlNode | null;
    const value = valueNode && (isScalar(valueNode) || isSeq(valueNode) || isMap(valueNode)) ? valueNode.toJSON() : null;
    const result = KEYS[key as keyof PlatformPolicyProps](value);
    if (result.problem) errors.push(at(valueNode ?? keyNode, `${key} ${JSON.stringify(value)} ${result.problem}`));
    else policy[key] = result.value;
  }
  return errors.length > 0 ? { errors } : { policy: policy as PlatformPolicyProps, errors: [] };
}
