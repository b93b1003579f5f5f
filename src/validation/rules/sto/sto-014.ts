import { staticPairs } from './static-pairs';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';
import { pvSpec } from '../../volumes';

function pvClass(spec: any): string {
  return typeof spec.storageClassName === 'string' ? spec.storageClassName : '';
}

export const STO_014: Rule = {
  id: 'STO-014',
  severity: Severity.ERROR,
  family: RuleFamily.STORAGE,
  what: 'A statically bound claim and volume must have the same storageClassName.',
  why: 'Kubernetes binds a claim only to a volume of its own class; a claim without storageClassName gets the default class and misses a volume with "".',
  fix: 'Write the same storageClassName on both, "" for no class.',
  check(ctx) {
    for (const { claim, pv } of staticPairs(ctx)) {
      const want = pvClass(pvSpec(pv));
      const has = claim.spec.storageClassName;
      if (has === undefined || has === null) {
        ctx.report(claim.target, `has no storageClassName: the cluster's default class is written into it, so it does not bind to volume ${pv.name} (storageClassName ${JSON.stringify(want)})`,
          { severity: want === '' ? Severity.ERROR : Severity.WARNING, fix: `Set storageClassName: ${JSON.stringify(want)} on the claim.` });
      } else if (has !== want) {
        ctx.report(claim.target, `storageClassName ${JSON.stringify(has)} differs from ${JSON.stringify(want)} of volume ${pv.name}`, { fix: `Set storageClassName: ${JSON.stringify(want)} on the claim.` });
      }
    }
  },
};
