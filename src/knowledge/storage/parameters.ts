import { StorageSystemInfo } from './catalog';
import { ParameterType, StorageParameterInfo } from './types';
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
      const found = checkValue(system, spec, raw);
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

/** The value of a key the driver reads: a whole number within range, or one of the allowed values. */
function checkValue(system: StorageSystemInfo, spec: StorageParameterInfo, raw: unknown): ParameterFinding | undefined {
  const key = spec.key;
  const value = typeof raw === 'string' ? raw : String(raw);
  const known = spec.allowedValues;
  if (spec.type === ParameterType.INTEGER) {
    if (!/^-?\d+$/.test(value)) {
      return finding(key, raw, ProblemSeverity.ERROR, 'is not a whole number', `Write ${key} as a whole number in a string, e.g. "${spec.min ?? 1}".`,
        `parameter ${key} is ${JSON.stringify(value)}, not a whole number`);
    }
    const n = Number(value);
    if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
      const range = `${spec.min ?? '-inf'} to ${spec.max ?? 'inf'}`;
      return finding(key, raw, ProblemSeverity.ERROR, `is outside the range ${system.name} accepts (${range})`,
        `Set ${key} between ${spec.min ?? '-inf'} and ${spec.max ?? 'inf'}.`, `parameter ${key} is ${value}, outside the range ${system.name} accepts (${range})`);
    }
  } else if (known && !known.includes(value)) {
    return finding(key, raw, ProblemSeverity.ERROR, `is not accepted by ${system.name}`, `Use one of: ${known.join(', ')}.`,
      `parameter ${key} is ${JSON.stringify(value)}, which ${system.name} does not accept`);
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
