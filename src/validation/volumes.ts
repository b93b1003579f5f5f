import { ManifestObject, RuleContext } from './rule';
import { ACCESS_MODES } from '../core/access-modes';
import { asArray, isObject, str } from '../core/values';

/*
 * Claims and PersistentVolumes under validation, shared by the API-server (API-010..017), storage (STO) and policy rules.
 * Every helper treats every field as possibly missing or of the wrong type.
 */

/** A claim under validation: a PersistentVolumeClaim or one volumeClaimTemplate of a StatefulSet. */
export interface Claim {
  /** The object findings are reported on. */
  readonly target: ManifestObject;
  readonly spec: any;
  readonly name: string;
  readonly namespace: string;
  /** Message prefix that says which claim (empty for a PVC object). */
  readonly where: string;
  readonly isTemplate: boolean;
}

/** The claims of a context, found once and shared by the claim rules (which only read the list). */
export function claimsOf(ctx: RuleContext): readonly Claim[] {
  return ctx.memo(findClaims);
}

function findClaims(ctx: RuleContext): Claim[] {
  const result: Claim[] = [];
  for (const o of ctx.ofKind('PersistentVolumeClaim')) {
    result.push({ target: o, spec: isObject(o.obj.spec) ? o.obj.spec : {}, name: o.name, namespace: ctx.namespaceOf(o) ?? 'default', where: '', isTemplate: false });
  }
  for (const o of ctx.ofKind('StatefulSet')) {
    asArray(isObject(o.obj.spec) ? o.obj.spec.volumeClaimTemplates : undefined).forEach((t, i) => {
      const name = str(isObject(t) && isObject(t.metadata) ? t.metadata.name : undefined) ?? `#${i}`;
      result.push({
        target: o,
        spec: isObject(t) && isObject(t.spec) ? t.spec : {},
        name,
        namespace: ctx.namespaceOf(o) ?? 'default',
        where: `volumeClaimTemplates[${i}] ${name}: `,
        isTemplate: true,
      });
    });
  }
  return result;
}

/** The spec of a PersistentVolume ({} when it has none). */
export function pvSpec(o: ManifestObject): any {
  return isObject(o.obj.spec) ? o.obj.spec : {};
}

/** PV spec fields that are not a volume source. */
const PV_NON_SOURCE = new Set([
  'accessModes', 'capacity', 'claimRef', 'mountOptions', 'nodeAffinity', 'persistentVolumeReclaimPolicy', 'storageClassName',
  'volumeMode', 'volumeAttributesClassName',
]);

/** The volume source keys of a PV spec (`nfs`, `csi`, `hostPath`, ...). */
export function sourcesOf(spec: any): string[] {
  return Object.keys(spec).filter((k) => !PV_NON_SOURCE.has(k) && spec[k] !== undefined && spec[k] !== null);
}

/** The access modes of a claim or PV spec, as written. */
export function modesOf(spec: any): unknown[] {
  return asArray(spec.accessModes);
}

/** The storage request of a claim spec (resources.requests.storage), as written. */
export function requestOf(spec: unknown): unknown {
  return isObject(spec) && isObject(spec.resources) && isObject(spec.resources.requests) ? spec.resources.requests.storage : undefined;
}

/** The access modes Kubernetes knows. */
export const KNOWN_MODES: ReadonlySet<string> = new Set<string>(ACCESS_MODES);
