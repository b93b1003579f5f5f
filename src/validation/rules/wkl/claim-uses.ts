import { asArray, isObject, str } from '../../../core/values';
import { StorageKind } from '../../../knowledge/storage/types';
import { PodSpecInfo, podSpecs, push } from '../../pod-spec';
import { ManifestObject, RuleContext } from '../../rule';

/*
 * Which pods mount which claims, built once per context and shared by the claim rules of the family (WKL-012..015).
 */

/** A pod spec that mounts a claim. */
export interface ClaimUse {
  readonly info: PodSpecInfo;
  readonly readOnly: boolean;
}

/** Pod specs that mount each claim, keyed by `namespace/claimName`. */
export function claimUses(ctx: RuleContext): Map<string, ClaimUse[]> {
  return ctx.memo(findClaimUses);
}

function findClaimUses(ctx: RuleContext): Map<string, ClaimUse[]> {
  const m = new Map<string, ClaimUse[]>();
  for (const info of podSpecs(ctx)) {
    if (info.owner.kind === 'PodTemplate') continue;
    const ns = ctx.namespaceOf(info.owner) ?? 'default';
    const seen = new Set<string>();
    for (const vol of asArray(info.spec.volumes)) {
      const pvc = isObject(vol) && isObject(vol.persistentVolumeClaim) ? vol.persistentVolumeClaim : undefined;
      const claim = pvc ? str(pvc.claimName) : undefined;
      if (!claim || seen.has(claim)) continue;
      seen.add(claim);
      push(m, `${ns}/${claim}`, { info, readOnly: pvc!.readOnly === true });
    }
  }
  return m;
}

/** The `namespace` and `name` of a claimUses key. */
export function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return [key.slice(0, i), key.slice(i + 1)];
}

/** How many pods mount the claim at once (infinite for a DaemonSet). */
export function podCount(uses: ClaimUse[]): number {
  let n = 0;
  for (const u of uses) n += u.info.perNode ? Number.POSITIVE_INFINITY : (u.info.replicas ?? 0);
  return n;
}

/** The workloads that mount a claim, for messages. */
export function describeUses(uses: ClaimUse[]): string {
  return uses.map((u) => `${u.info.owner.kind}/${u.info.owner.name}${u.info.perNode ? ' (one pod per node)' : ` (${u.info.replicas} replica${u.info.replicas === 1 ? '' : 's'})`}`).join(', ');
}

/** Whether the pods of a claim are all forced onto one node anyway (node-local storage), so RWO sharing is safe. */
export function nodeLocal(ctx: RuleContext, claim: ManifestObject): boolean {
  const spec = isObject(claim.obj.spec) ? claim.obj.spec : {};
  const pvName = str(spec.volumeName);
  if (pvName) {
    const pv = ctx.get('PersistentVolume', undefined, pvName);
    if (pv && isObject(pv.obj.spec) && (isObject(pv.obj.spec.local) || isObject(pv.obj.spec.hostPath))) return true;
  }
  const cls = ctx.classOfClaim(spec);
  return cls?.capabilities?.kind === StorageKind.LOCAL;
}

/** The access modes of a PersistentVolumeClaim object (strings only). */
export function accessModesOf(claim: ManifestObject): string[] {
  const spec = isObject(claim.obj.spec) ? claim.obj.spec : {};
  return asArray(spec.accessModes).filter((m): m is string => typeof m === 'string');
}

/** Whether the uses of a claim can share it across nodes: RWX, or ROX mounted read-only everywhere. */
export function multiNodeOk(modes: string[], uses: ClaimUse[]): boolean {
  if (modes.includes('ReadWriteMany')) return true;
  return modes.includes('ReadOnlyMany') && uses.every((u) => u.readOnly);
}
