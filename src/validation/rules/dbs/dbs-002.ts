import { databases } from './helpers';
import { isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const DBS_002: Rule = {
  id: 'DBS-002',
  severity: Severity.WARNING,
  family: RuleFamily.STORAGE,
  what: 'A database StatefulSet should retain its volumes when deleted or scaled down.',
  why: 'persistentVolumeClaimRetentionPolicy Delete removes the claims, and with the usual Delete reclaim policy the data, on a kubectl delete or a scale-down.',
  fix: 'Set persistentVolumeClaimRetentionPolicy whenDeleted: Retain and whenScaled: Retain (StatefulDatabase does unless removalPolicy is RemovalPolicy.DESTROY).',
  check(ctx) {
    for (const o of databases(ctx)) {
      const policy = isObject(o.obj.spec) && isObject(o.obj.spec.persistentVolumeClaimRetentionPolicy) ? o.obj.spec.persistentVolumeClaimRetentionPolicy : {};
      const deleting = (['whenDeleted', 'whenScaled'] as const).filter((k) => policy[k] === 'Delete');
      if (deleting.length) {
        ctx.report(o, `persistentVolumeClaimRetentionPolicy deletes the database volumes (${deleting.map((k) => `${k}: Delete`).join(', ')})`);
      }
    }
  },
};
