import { staticPairs } from './static-pairs';
import { isObject, str } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';
import { pvSpec } from '../../volumes';

export const STO_013: Rule = {
  id: 'STO-013',
  severity: Severity.ERROR,
  family: RuleFamily.STORAGE,
  what: 'A claim\'s volumeName and the volume\'s claimRef must point at each other (claimRef with namespace).',
  why: 'A volume reserved by claimRef for another claim, or a claimRef without namespace, never binds: the claim stays Pending.',
  fix: 'Set the PV claimRef to the claim\'s namespace and name, and the claim volumeName to the PV name.',
  check(ctx) {
    for (const pv of ctx.ofKind('PersistentVolume')) {
      const ref = pvSpec(pv).claimRef;
      if (isObject(ref) && typeof ref.name === 'string' && (typeof ref.namespace !== 'string' || ref.namespace === '')) {
        ctx.report(pv, `claimRef ${ref.name} has no namespace, so it matches no claim`);
      }
    }
    for (const { claim, pv } of staticPairs(ctx)) {
      const ref = pvSpec(pv).claimRef;
      const vn = str(claim.spec.volumeName);
      // a pair found by the volume's claimRef is that claim: a claimRef naming another claim was found by the claim's volumeName
      if (isObject(ref) && typeof ref.name === 'string' && typeof ref.namespace === 'string'
        && (ref.name !== claim.name || ref.namespace !== claim.namespace)) {
        ctx.report(claim.target, `volumeName ${pv.name} names a volume reserved for claim ${ref.namespace}/${ref.name} by its claimRef, not for ${claim.namespace}/${claim.name}`);
      }
      if (vn !== undefined && vn !== pv.name) {
        ctx.report(pv, `claimRef names claim ${claim.namespace}/${claim.name}, but that claim asks for volume ${vn}`);
      }
    }
  },
};
