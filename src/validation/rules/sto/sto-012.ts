import { GIB, parseQuantity } from '../../../core/quantity';
import { SizeGranularity } from '../../../knowledge/storage/types';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';
import { claimsOf, requestOf } from '../../volumes';

export const STO_012: Rule = {
  id: 'STO-012',
  severity: Severity.ERROR,
  family: RuleFamily.STORAGE,
  what: 'A claim\'s size must be one its storage system creates (whole GiB where required, within min and max).',
  why: 'The driver rejects the size: the volume is never created and the claim stays Pending.',
  fix: 'Use a size the driver accepts (see the message), in Gi units.',
  check(ctx) {
    for (const c of claimsOf(ctx)) {
      const cls = ctx.classOfClaim(c.spec);
      const caps = cls?.capabilities;
      const bytes = parseQuantity(requestOf(c.spec));
      if (!cls || !caps || bytes === undefined || bytes <= 0) continue;
      const name = cls.system?.name ?? cls.provisioner ?? 'the driver';
      const req = JSON.stringify(requestOf(c.spec));
      const gib = bytes / GIB;
      if (caps.sizeGranularity === SizeGranularity.EXACT_GIB && !Number.isInteger(gib)) {
        ctx.report(c.target, `${c.where}storage ${req} is not a whole number of GiB, which ${name} requires`, { fix: `Use ${Math.ceil(gib)}Gi.` });
      }
      if (caps.minSizeGib !== undefined && gib < caps.minSizeGib) {
        ctx.report(c.target, `${c.where}storage ${req} is below the ${caps.minSizeGib}Gi minimum of ${name}`, { fix: `Request at least ${caps.minSizeGib}Gi.` });
      }
      if (caps.maxSizeGib !== undefined && gib > caps.maxSizeGib) {
        ctx.report(c.target, `${c.where}storage ${req} is above the ${caps.maxSizeGib}Gi maximum of ${name}`, { fix: `Request at most ${caps.maxSizeGib}Gi, or split the data.` });
      }
    }
  },
};
