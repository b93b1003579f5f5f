import { parseQuantity } from '../../../core/quantity';
import { isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';
import { pvSpec } from '../../volumes';

export const API_014: Rule = {
  id: 'API-014',
  severity: Severity.ERROR,
  family: RuleFamily.API_SERVER,
  what: 'A PersistentVolume capacity holds exactly one key, storage, more than zero.',
  why: 'The API server rejects a volume without capacity.storage, with other capacity keys, or with a zero size.',
  fix: 'Write capacity: { storage: 10Gi } and nothing else.',
  check(ctx) {
    for (const pv of ctx.ofKind('PersistentVolume')) {
      const cap = pvSpec(pv).capacity;
      if (!isObject(cap) || cap.storage === undefined || cap.storage === null) {
        ctx.report(pv, 'capacity.storage is missing');
        continue;
      }
      const extra = Object.keys(cap).filter((k) => k !== 'storage');
      if (extra.length) ctx.report(pv, `capacity has keys other than storage: ${extra.join(', ')}`);
      const n = parseQuantity(cap.storage);
      if (n !== undefined && n <= 0) ctx.report(pv, `capacity.storage ${JSON.stringify(cap.storage)} is not more than zero`);
    }
  },
};
