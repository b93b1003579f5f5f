import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';
import { claimsOf, modesOf, pvSpec } from '../../volumes';

export const API_010: Rule = {
  id: 'API-010',
  severity: Severity.ERROR,
  family: RuleFamily.API_SERVER,
  what: 'A PersistentVolumeClaim (or claim template) and a PersistentVolume need at least one access mode.',
  why: 'The API server rejects claims and volumes without accessModes ("at least 1 access mode is required").',
  fix: 'Set accessModes, e.g. [ReadWriteOnce] for one node or [ReadWriteMany] on a file storage system.',
  check(ctx) {
    for (const c of claimsOf(ctx)) {
      if (modesOf(c.spec).length === 0) ctx.report(c.target, `${c.where}accessModes is empty or missing`);
    }
    for (const pv of ctx.ofKind('PersistentVolume')) {
      if (modesOf(pvSpec(pv)).length === 0) ctx.report(pv, 'accessModes is empty or missing');
    }
  },
};
