import { RWOP } from '../../../core/access-modes';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';
import { claimsOf, modesOf, pvSpec } from '../../volumes';

export const API_011: Rule = {
  id: 'API-011',
  severity: Severity.ERROR,
  family: RuleFamily.API_SERVER,
  what: 'ReadWriteOncePod must be the only access mode of a claim or volume.',
  why: 'The API server rejects ReadWriteOncePod combined with any other access mode.',
  fix: 'Use [ReadWriteOncePod] alone, or drop it.',
  check(ctx) {
    const rwop = (modes: unknown[]) => modes.includes(RWOP) && modes.length > 1;
    for (const c of claimsOf(ctx)) {
      if (rwop(modesOf(c.spec))) ctx.report(c.target, `${c.where}accessModes ${JSON.stringify(modesOf(c.spec))} combine ReadWriteOncePod with other modes`);
    }
    for (const pv of ctx.ofKind('PersistentVolume')) {
      if (rwop(modesOf(pvSpec(pv)))) ctx.report(pv, `accessModes ${JSON.stringify(modesOf(pvSpec(pv)))} combine ReadWriteOncePod with other modes`);
    }
  },
};
