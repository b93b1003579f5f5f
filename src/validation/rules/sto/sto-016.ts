import { volumeModeOf } from './helpers';
import { staticPairs } from './static-pairs';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';
import { modesOf, pvSpec } from '../../volumes';

export const STO_016: Rule = {
  id: 'STO-016',
  severity: Severity.ERROR,
  family: RuleFamily.STORAGE,
  what: 'A statically bound volume must offer every access mode and the volume mode the claim asks.',
  why: 'Kubernetes binds a claim only to a volume that has all its access modes and the same volumeMode: the claim stays Pending.',
  fix: 'Write the same accessModes and volumeMode on the claim and the volume.',
  check(ctx) {
    for (const { claim, pv } of staticPairs(ctx)) {
      const pvModes = modesOf(pvSpec(pv));
      const missing = modesOf(claim.spec).filter((m) => !pvModes.includes(m));
      if (missing.length) ctx.report(claim.target, `asks ${missing.join(', ')}, which volume ${pv.name} does not offer (${pvModes.join(', ') || 'none'})`);
      const cm = volumeModeOf(claim.spec);
      const vm = volumeModeOf(pvSpec(pv));
      if (cm !== vm) ctx.report(claim.target, `volumeMode ${cm} differs from ${vm} of volume ${pv.name}`);
    }
  },
};
