import { formatLoadError } from './load-errors';
import { loadManifestFiles } from './load-manifests';
import { isCrd } from '../knowledge/kubernetes/crd-schema';
import { KubernetesVersion, parseKubernetesVersion, supportedVersionsText } from '../knowledge/kubernetes/versions';

/**
 * The options every command that validates shares (`validate`, `graph`): the target Kubernetes minor and the CRD
 * files. Each returns either the value or the usage error to print. Not part of the jsii API.
 */

/** The value of --kubernetes-version, or the usage error. */
export function parseVersionArg(v: string | undefined): KubernetesVersion | { readonly error: string } {
  const parsed = v === undefined ? undefined : parseKubernetesVersion(v);
  if (!parsed) return { error: `--kubernetes-version must be a minor from ${supportedVersionsText()} (e.g. 1.33), not ${JSON.stringify(v ?? '')}` };
  return parsed;
}

/** The CustomResourceDefinitions of the --crd files; a file that cannot be read or holds none is a usage error. */
export async function loadCrdFiles(files: readonly string[]): Promise<{ readonly crds: unknown[]; readonly error?: string }> {
  if (files.length === 0) return { crds: [] };
  const loaded = await loadManifestFiles([...files]);
  if (loaded.errors.length > 0) return { crds: [], error: `--crd: ${loaded.errors.map(formatLoadError).join('; ')}` };
  const crds = loaded.inputs.map((i) => i.object).filter((o) => isCrd(o));
  for (const file of files) {
    if (!loaded.inputs.some((i) => i.file?.startsWith(file) && isCrd(i.object))) {
      return { crds: [], error: `--crd ${file}: no CustomResourceDefinition (apiextensions.k8s.io/v1 with spec.group, spec.names and spec.versions) in it` };
    }
  }
  return { crds };
}
