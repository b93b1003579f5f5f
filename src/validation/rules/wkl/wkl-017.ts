import { show } from './helpers';
import { isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const WKL_017: Rule = {
  id: 'WKL-017',
  severity: Severity.ERROR,
  family: RuleFamily.WORKLOAD,
  what: 'persistentVolumeClaimRetentionPolicy whenDeleted and whenScaled must be Retain or Delete.',
  why: 'The API server rejects any other value.',
  fix: 'Use Retain (keeps the data, the safe default) or Delete.',
  check(ctx) {
    for (const o of ctx.ofKind('StatefulSet')) {
      const p = isObject(o.obj.spec) ? o.obj.spec.persistentVolumeClaimRetentionPolicy : undefined;
      if (!isObject(p)) continue;
      for (const f of ['whenDeleted', 'whenScaled']) {
        const v = p[f];
        if (v !== undefined && v !== null && v !== 'Retain' && v !== 'Delete') {
          ctx.report(o, `persistentVolumeClaimRetentionPolicy.${f} ${show(v)} is not Retain or Delete`);
        }
      }
    }
  },
};
