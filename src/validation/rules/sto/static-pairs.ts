import { isObject, str } from '../../../core/values';
import { ManifestObject, RuleContext } from '../../rule';
import { Claim, claimsOf, pvSpec } from '../../volumes';

/** A static pair: a claim and the PV it names by volumeName, or that names it by claimRef. */
export interface Pair {
  readonly claim: Claim;
  readonly pv: ManifestObject;
}

/** The statically bound claims and volumes among the objects (STO-013..016). */
export function staticPairs(ctx: RuleContext): Pair[] {
  const pairs: Pair[] = [];
  const seen = new Set<string>();
  const claims = claimsOf(ctx).filter((c) => !c.isTemplate);
  for (const c of claims) {
    const vn = str(c.spec.volumeName);
    const pv = vn ? ctx.get('PersistentVolume', undefined, vn) : undefined;
    if (pv) {
      pairs.push({ claim: c, pv });
      seen.add(`${c.namespace}/${c.name}|${pv.name}`);
    }
  }
  for (const pv of ctx.ofKind('PersistentVolume')) {
    const ref = pvSpec(pv).claimRef;
    if (!isObject(ref)) continue;
    // a claim's name and namespace are strings: a claimRef without them matches none
    const c = claims.find((x) => x.name === ref.name && x.namespace === ref.namespace);
    if (c && !seen.has(`${c.namespace}/${c.name}|${pv.name}`)) pairs.push({ claim: c, pv });
  }
  return pairs;
}
