import { staticPairs } from './static-pairs';
import { formatBytes, parseQuantity } from '../../../core/quantity';
import { isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';
import { pvSpec, requestOf } from '../../volumes';

export const STO_015: Rule = {
  id: 'STO-015',
  severity: Severity.ERROR,
  family: RuleFamily.STORAGE,
  what: 'A statically bound volume\'s capacity must cover the claim\'s request.',
  why: 'Kubernetes binds a claim only to a volume at least as large as the request: the claim stays Pending.',
  fix: 'Raise the volume capacity to at least the request, or lower the request.',
  check(ctx) {
    for (const { claim, pv } of staticPairs(ctx)) {
      const cap = isObject(pvSpec(pv).capacity) ? pvSpec(pv).capacity.storage : undefined;
      const capBytes = parseQuantity(cap);
      const reqBytes = parseQuantity(requestOf(claim.spec));
      if (capBytes === undefined || reqBytes === undefined || capBytes >= reqBytes) continue;
      ctx.report(claim.target, `requests ${JSON.stringify(requestOf(claim.spec))}, more than the ${JSON.stringify(cap)} capacity of volume ${pv.name}`,
        { fix: `Set the volume capacity to at least ${formatBytes(reqBytes)}, or request at most ${JSON.stringify(cap)}.` });
    }
  },
};
