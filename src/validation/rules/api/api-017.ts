import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';
import { pvSpec } from '../../volumes';

export const API_017: Rule = {
  id: 'API-017',
  severity: Severity.ERROR,
  family: RuleFamily.API_SERVER,
  what: 'A PersistentVolume reclaim policy must be Retain, Delete or Recycle.',
  why: 'The API server rejects any other value.',
  fix: 'Use Retain: the data stays when the claim is deleted.',
  check(ctx) {
    for (const pv of ctx.ofKind('PersistentVolume')) {
      const v = pvSpec(pv).persistentVolumeReclaimPolicy;
      if (v === undefined || v === null || v === 'Retain' || v === 'Delete' || v === 'Recycle') continue;
      ctx.report(pv, `persistentVolumeReclaimPolicy ${JSON.stringify(v)} is not Retain, Delete or Recycle`);
    }
  },
};
