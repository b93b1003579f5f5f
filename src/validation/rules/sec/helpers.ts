import { MANAGED_BY_LABEL, MANAGED_BY_VALUE, POD_SECURITY_LABEL } from '../../../core/conventions';
import { asArray, isObject, str } from '../../../core/values';
import { ContainerInfo, PodSpecInfo, podSpecs } from '../../pod-spec';
import { RuleContext } from '../../rule';

/** Whether the pod template is labelled for Pod Security "restricted" by this library. */
export function isRestrictedPod(info: PodSpecInfo): boolean {
  return info.labels[POD_SECURITY_LABEL] === 'restricted';
}

/** Whether the library emitted the object (managed-by label on the object or its pod template). */
export function isLibraryPod(info: PodSpecInfo): boolean {
  return info.owner.labels[MANAGED_BY_LABEL] === MANAGED_BY_VALUE || info.labels[MANAGED_BY_LABEL] === MANAGED_BY_VALUE;
}

/**
 * Parses an image reference into its tag and digest. `registry:5000/app` has no tag: the colon is in the registry part.
 */
export function imageTag(image: string): { tag?: string; digest?: string } {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const name = at >= 0 ? image.slice(0, at) : image;
  const lastSlash = name.lastIndexOf('/');
  const colon = name.indexOf(':', lastSlash + 1);
  return { tag: colon >= 0 ? name.slice(colon + 1) : undefined, digest };
}

/** Calls fn for every container (init and ephemeral too) of every pod spec. */
export function forEachContainer(ctx: RuleContext, fn: (info: PodSpecInfo, c: ContainerInfo) => void): void {
  for (const info of podSpecs(ctx)) for (const c of info.containers) fn(info, c);
}

/** The hostPath volumes of a pod spec. */
export function hostPathVolumes(info: PodSpecInfo): Array<{ name: string; path: unknown }> {
  const result: Array<{ name: string; path: unknown }> = [];
  for (const v of asArray(info.spec.volumes)) {
    if (isObject(v) && isObject(v.hostPath)) result.push({ name: str(v.name) ?? '(unnamed)', path: v.hostPath.path });
  }
  return result;
}

/** A value as JSON in a message. */
export function show(x: unknown): string {
  return JSON.stringify(x) ?? String(x);
}
