import { StorageSystemInfo } from './catalog';
import { ParameterType } from './types';

/** A problem with one StorageClass parameter. */
export interface ParameterProblem {
  readonly key: string;
  /** error: the driver fails or misbehaves; warning: the driver ignores the key. */
  readonly severity: 'error' | 'warning';
  /** The full message: `parameter <key> <value> <problem>`. */
  readonly message: string;
  /** What is wrong, without key and value. */
  readonly problem: string;
  readonly fix: string;
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
export function checkParameters(system: StorageSystemInfo, params: Record<string, unknown>): ParameterProblem[] {
  const problems: ParameterProblem[] = [];
  const specs = new Map(system.parameters.map((p) => [p.key, p]));
  for (const [key, raw] of Object.entries(params)) {
    const spec = specs.get(key);
    if (!spec) {
      if (key.startsWith(SIDECAR_PREFIX)) continue;
      problems.push({
        key,
        severity: 'warning',
        message: `parameter ${key} is not read by ${system.provisioner} (${system.name})`,
        problem: `is not read by ${system.provisioner} (${system.name})`,
        fix: system.parameters.length > 0
          ? `Remove it; ${system.name} reads: ${system.parameters.map((p) => p.key).join(', ')}.`
          : `Remove it; ${system.name} reads no parameters besides the csi.storage.k8s.io/ sidecar keys.`,
      });
      continue;
    }
    const value = typeof raw === 'string' ? raw : String(raw);
    const known = spec.allowedValues;
    if (spec.type === ParameterType.INTEGER) {
      if (!/^-?\d+$/.test(value)) {
        problems.push({ key, severity: 'error', message: `parameter ${key} is ${JSON.stringify(value)}, not a whole number`, problem: 'is not a whole number', fix: `Write ${key} as a whole number in a string, e.g. "${spec.min ?? 1}".` });
        continue;
      }
      const n = Number(value);
      if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
        problems.push({
          key,
          severity: 'error',
          message: `parameter ${key} is ${value}, outside the range ${system.name} accepts (${spec.min ?? '-inf'} to ${spec.max ?? 'inf'})`,
          problem: `is outside the range ${system.name} accepts (${spec.min ?? '-inf'} to ${spec.max ?? 'inf'})`,
          fix: `Set ${key} between ${spec.min ?? '-inf'} and ${spec.max ?? 'inf'}.`,
        });
      }
    } else if (known && !known.includes(value)) {
      problems.push({
        key,
        severity: 'error',
        message: `parameter ${key} is ${JSON.stringify(value)}, which ${system.name} does not accept`,
        problem: `is not accepted by ${system.name}`,
        fix: `Use one of: ${known.join(', ')}.`,
      });
    }
  }
  for (const spec of system.parameters) {
    if (spec.required && params[spec.key] === undefined) {
      problems.push({ key: spec.key, severity: 'error', message: `parameter ${spec.key} is required by ${system.name} but missing`, problem: `is required by ${system.name} but missing`, fix: `Set ${spec.key} (${spec.description}).` });
    }
  }
  return problems;
}

/** Size in bytes of the parameters as the API server counts them (keys plus values). */
export function parametersSize(params: Record<string, unknown>): number {
  let n = 0;
  for (const [k, v] of Object.entries(params)) n += Buffer.byteLength(k) + Buffer.byteLength(String(v));
  return n;
}
