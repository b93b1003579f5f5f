import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const API_001: Rule = {
  id: 'API-001',
  severity: Severity.ERROR,
  family: RuleFamily.API_SERVER,
  what: 'A StorageClass reclaimPolicy must be Delete or Retain.',
  why: 'The API server rejects any other value; Recycle is deprecated and never valid on a StorageClass.',
  fix: 'Use Retain to keep the data after the claim is deleted (safe), or Delete to remove it.',
  check(ctx) {
    for (const o of ctx.ofKind('StorageClass')) {
      const v = o.obj.reclaimPolicy;
      if (v === undefined || v === null || v === 'Delete' || v === 'Retain') continue;
      ctx.report(o, v === 'Recycle'
        ? 'reclaimPolicy Recycle is deprecated and rejected on a StorageClass (only nfs and hostPath ever supported it)'
        : `reclaimPolicy ${JSON.stringify(v)} is not Delete or Retain`);
    }
  },
};
