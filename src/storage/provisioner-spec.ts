import { Problem, ProblemSeverity } from '../core/problems';
import { describe, isScalar } from '../core/values';
import { effectiveCapabilities, StorageCatalog, StorageSystemId, StorageSystemInfo } from '../knowledge/storage/catalog';
import { checkParameters } from '../knowledge/storage/parameters';
import { StorageCapabilities } from '../knowledge/storage/types';

/**
 * What a StorageClass needs from its provisioner: shared by block and file storage classes. Problems found while
 * building the provisioner are kept here and reported by the StorageClass with its construct path.
 */
export interface ProvisionerSpec {
  readonly provisioner: string;
  readonly system?: StorageSystemInfo;
  readonly capabilities: StorageCapabilities;
  readonly parameters: Record<string, string>;
  readonly annotations: Record<string, string>;
  readonly problems: Problem[];
}

/** Options of {@link catalogProvisioner}. */
export interface CatalogProvisionerOptions {
  /** The provisioner name, when it is not the catalog's (Rook prefixes ceph-csi names). */
  readonly provisioner?: string;
  /** Annotations of the StorageClass (OpenEBS LocalPV is configured through them). */
  readonly annotations?: Record<string, string>;
  /** Problems the factory found in its options; a parameter already flagged here is not checked again. */
  readonly problems?: Problem[];
  /**
   * The option each parameter comes from, by parameter key, for messages: a problem the catalog finds with the
   * parameter names the option and its value as the caller gave it (`provisioner.iops 20000`).
   */
  readonly props?: Record<string, { readonly prop: string; readonly value: unknown }>;
}

/**
 * Builds a provisioner spec for a catalog system: parameters are checked against the catalog
 * (types, allowed values, ranges, required keys), problems are kept for the StorageClass to report.
 */
export function catalogProvisioner(id: StorageSystemId, params: Record<string, string | number | boolean | undefined>,
  options: CatalogProvisionerOptions = {}): ProvisionerSpec {
  const system = StorageCatalog.get(id);
  const problems: Problem[] = [...(options.problems ?? [])];
  const parameters = scalarParameters(params, problems);
  const flagged = new Set(problems.map((x) => x.key));
  for (const p of checkParameters(system, parameters)) {
    if (p.severity !== ProblemSeverity.ERROR || flagged.has(p.key)) continue;
    const option = p.key !== undefined ? options.props?.[p.key] : undefined;
    problems.push(option ? { ...p, prop: option.prop, value: option.value } : { ...p, prop: `provisioner ${p.prop}` });
  }
  return {
    provisioner: options.provisioner ?? system.provisioner!,
    system,
    capabilities: effectiveCapabilities(system, parameters),
    parameters,
    annotations: options.annotations ?? {},
    problems,
  };
}

/** The set parameters as strings. Options of the wrong type (an object, NaN, ...) from JavaScript callers are refused. */
function scalarParameters(params: Record<string, string | number | boolean | undefined>, problems: Problem[]): Record<string, string> {
  const parameters: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    // refused here, never written as "[object Object]"
    if (!isScalar(v)) {
      if (!problems.some((x) => x.key === k)) {
        problems.push({ key: k, prop: `provisioner parameter ${k}`, value: v, problem: 'is not a string, number or boolean', fix: `Set it to a plain value, or remove it (got ${describe(v)}).` });
      }
      continue;
    }
    parameters[k] = String(v);
  }
  return parameters;
}
