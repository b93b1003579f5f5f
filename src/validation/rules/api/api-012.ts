import { parseQuantity } from '../../../core/quantity';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';
import { claimsOf, requestOf } from '../../volumes';

export const API_012: Rule = {
  id: 'API-012',
  severity: Severity.ERROR,
  family: RuleFamily.API_SERVER,
  what: 'A claim must request storage (resources.requests.storage), more than zero.',
  why: 'The API server rejects claims without a storage request or with a request of zero.',
  fix: 'Set resources.requests.storage, e.g. 10Gi.',
  check(ctx) {
    for (const c of claimsOf(ctx)) {
      const req = requestOf(c.spec);
      if (req === undefined || req === null) {
        ctx.report(c.target, `${c.where}resources.requests.storage is missing`);
        continue;
      }
      const n = parseQuantity(req);
      if (n !== undefined && n <= 0) ctx.report(c.target, `${c.where}resources.requests.storage ${JSON.stringify(req)} is not more than zero`);
    }
  },
};
