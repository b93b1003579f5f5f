import { StorageSystemInfo } from './catalog';
import { ParameterConstraint, ParameterType, StorageParameterInfo } from './types';
import { Problem, ProblemSeverity } from '../../core/problems';

/**
 * A problem with one StorageClass parameter, as the validator reports it: the {@link Problem} (prop
 * `parameter <key>`, `key` the parameter key, severity error when the driver fails or misbehaves, warning when it
 * ignores the key) and the sentence of the finding, `parameter <key> <value> <problem>`.
 */
export interface ParameterFinding {
  /** The problem, as constructs report it. */
  readonly problem: Problem;
  /** The finding's message. */
  readonly message: string;
}

/** Kubernetes limits on StorageClass parameters (pkg/apis/storage/validation). */
export const MAX_PARAMETERS = 512;
export const MAX_PARAMETERS_BYTES = 256 * 1024;

/** Keys every CSI provisioner sidecar understands, whatever the driver. */
const SIDECAR_PREFIX = 'csi.storage.k8s.io/';

/**
 * Checks StorageClass parameters against what the driver reads (catalog facts): value types, allowed
 * values and ranges, required keys, and keys the driver does not read.
 */
export function checkParameters(system: StorageSystemInfo, params: Record<string, unknown>): Problem[] {
  return parameterFindings(system, params).map((f) => f.problem);
}

/** {@link checkParameters}, with the validator's message of each problem. */
export function parameterFindings(system: StorageSystemInfo, params: Record<string, unknown>): ParameterFinding[] {
  const findings: ParameterFinding[] = [];
  const specs = new Map(system.parameters.map((p) => [p.key, p]));
  for (const [key, raw] of Object.entries(params)) {
    const spec = specs.get(key);
    if (spec) {
      const found = checkValue(system, spec, raw, params, specs) ?? checkConstraints(spec, raw, params, specs);
      if (found) findings.push(found);
    } else if (!key.startsWith(SIDECAR_PREFIX)) {
      findings.push(unreadKey(system, key, raw));
    }
  }
  for (const spec of system.parameters) {
    if (spec.required && params[spec.key] === undefined) {
      const problem = `is required by ${system.name} but missing`;
      findings.push(finding(spec.key, undefined, ProblemSeverity.ERROR, problem, `Set ${spec.key} (${spec.description}).`, `parameter ${spec.key} ${problem}`));
    }
  }
  return findings;
}

/** A key the driver does not read: ignored, so whatever it was meant to set is not applied. */
function unreadKey(system: StorageSystemInfo, key: string, raw: unknown): ParameterFinding {
  const problem = `is not read by ${system.provisioner} (${system.name})`;
  const fix = system.parameters.length > 0
    ? `Remove it; ${system.name} reads: ${system.parameters.map((p) => p.key).join(', ')}.`
    : `Remove it; ${system.name} reads no parameters besides the csi.storage.k8s.io/ sidecar keys.`;
  return finding(key, raw, ProblemSeverity.WARNING, problem, fix, `parameter ${key} ${problem}`);
}

/**
 * The constraint of a parameter that holds for the class's other parameters (the first whose selecting parameter,
 * or its default, has one of the constraint's values), or undefined.
 */
function constraintFor(spec: StorageParameterInfo, params: Record<string, unknown>, specs: Map<string, StorageParameterInfo>): ParameterConstraint | undefined {
  for (const c of spec.constraints ?? []) {
    const set = params[c.whenParameter];
    const value = set === undefined || set === null ? specs.get(c.whenParameter)?.defaultValue : String(set);
    if (value !== undefined && c.whenValues.includes(value)) return c;
  }
  return undefined;
}

/** The selecting value of a constraint as the class has it, and a note when it is the driver's default. */
function selecting(c: ParameterConstraint, params: Record<string, unknown>, specs: Map<string, StorageParameterInfo>): { when: string; note: string } {
  const set = params[c.whenParameter];
  if (set !== undefined && set !== null) return { when: `${c.whenParameter} ${String(set)}`, note: '' };
  const dflt = specs.get(c.whenParameter)?.defaultValue;
  return { when: `${c.whenParameter} ${dflt}`, note: `; ${c.whenParameter} is not set, so ${dflt}, the driver's default` };
}

/** A whole-number value against the constraint that holds for the other parameters: banned, or out of its range. */
function checkConstraints(spec: StorageParameterInfo, raw: unknown, params: Record<string, unknown>,
  specs: Map<string, StorageParameterInfo>): ParameterFinding | undefined {
  const c = constraintFor(spec, params, specs);
  if (!c) return undefined;
  const key = spec.key;
  const value = typeof raw === 'string' ? raw : String(raw);
  const { when, note } = selecting(c, params, specs);
  if (c.notAllowed) {
    const others = spec.constraints!.filter((x) => !x.notAllowed && x.whenParameter === c.whenParameter).flatMap((x) => x.whenValues);
    return finding(key, raw, ProblemSeverity.ERROR, `cannot be set for ${when}${note ? ` (${note.slice(2)})` : ''}`,
      `Remove it${others.length ? `, or use ${c.whenParameter} ${others.join(', ')}` : ''}.`,
      `parameter ${key} ${value} cannot be set for ${when}${note ? ` (${note.slice(2)})` : ''}`);
  }
  if (c.allowedValues) {
    if (c.allowedValues.includes(value)) return undefined;
    return finding(key, raw, ProblemSeverity.ERROR, `is not accepted for ${when}${note ? ` (${note.slice(2)})` : ''}`,
      `Use one of: ${c.allowedValues.join(', ')}.`, `parameter ${key} is ${JSON.stringify(value)}, not accepted for ${when}${note ? ` (${note.slice(2)})` : ''}`);
  }
  const n = Number(value);
  const min = c.min ?? spec.min;
  const max = c.max ?? spec.max;
  if (!/^-?\d+$/.test(value) || (min !== undefined && n < min) || (max !== undefined && n > max)) {
    const range = `${min ?? '-inf'}-${max ?? 'inf'}${spec.unit ? ' ' + spec.unit : ''}${note}`;
    return finding(key, raw, ProblemSeverity.ERROR, `is outside the range for ${when} (${range})`,
      `Use a whole number from ${min ?? '-inf'} to ${max ?? 'inf'}${spec.unit ? ' ' + spec.unit : ''}.`,
      `parameter ${key} is ${value}, outside the range for ${when} (${range})`);
  }
  return undefined;
}

/** The value of a key the driver reads: a whole number within range, or one of the allowed values. */
function checkValue(system: StorageSystemInfo, spec: StorageParameterInfo, raw: unknown, params: Record<string, unknown>,
  specs: Map<string, StorageParameterInfo>): ParameterFinding | undefined {
  const key = spec.key;
  const value = typeof raw === 'string' ? raw : String(raw);
  const known = spec.allowedValues;
  if (spec.type === ParameterType.INTEGER) {
    if (!/^-?\d+$/.test(value)) {
      return finding(key, raw, ProblemSeverity.ERROR, 'is not a whole number', `Write ${key} as a whole number in a string, e.g. "${spec.min ?? 1}".`,
        `parameter ${key} is ${JSON.stringify(value)}, not a whole number`);
    }
    const n = Number(value);
    if (constraintFor(spec, params, specs) !== undefined) return undefined; // the constraint of the selecting value decides
    if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
      const range = `${spec.min ?? '-inf'} to ${spec.max ?? 'inf'}`;
      return finding(key, raw, ProblemSeverity.ERROR, `is outside the range ${system.name} accepts (${range})`,
        `Set ${key} between ${spec.min ?? '-inf'} and ${spec.max ?? 'inf'}.`, `parameter ${key} is ${value}, outside the range ${system.name} accepts (${range})`);
    }
  } else if (known && !known.includes(value)) {
    return finding(key, raw, ProblemSeverity.ERROR, `is not accepted by ${system.name}`, `Use one of: ${known.join(', ')}.`,
      `parameter ${key} is ${JSON.stringify(value)}, which ${system.name} does not accept`);
  } else if (spec.pattern !== undefined && !new RegExp(spec.pattern).test(value)) {
    const what = spec.patternDescription ?? `a value matching ${spec.pattern}`;
    return finding(key, raw, ProblemSeverity.ERROR, `is not ${what}`, `Write ${key} as ${what}${spec.example ? `, e.g. ${spec.example}` : ''}.`,
      `parameter ${key} is ${JSON.stringify(value)}, not ${what}`);
  }
  return undefined;
}

function finding(key: string, value: unknown, severity: ProblemSeverity, problem: string, fix: string, message: string): ParameterFinding {
  return { problem: { prop: `parameter ${key}`, value, problem, fix, severity, key }, message };
}

/** Size in bytes of the parameters as the API server counts them (keys plus values). */
export function parametersSize(params: Record<string, unknown>): number {
  let n = 0;
  for (const [k, v] of Object.entries(params)) n += Buffer.byteLength(k) + Buffer.byteLength(String(v));
  return n;
}
