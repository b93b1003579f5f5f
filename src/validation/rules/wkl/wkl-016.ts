import { isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const WKL_016: Rule = {
  id: 'WKL-016',
  severity: Severity.WARNING,
  family: RuleFamily.WORKLOAD,
  what: 'A StatefulSet persistentVolumeClaimRetentionPolicy with whenDeleted or whenScaled Delete deletes its claims.',
  why: 'With Delete, kubectl delete or a scale-down removes the claims, and with a Delete reclaim policy the data is gone for good.',
  fix: 'Keep the default Retain for both, and delete claims by hand when the data is no longer needed.',
  check(ctx) {
    for (const o of ctx.ofKind('StatefulSet')) {
      const p = isObject(o.obj.spec) ? o.obj.spec.persistentVolumeClaimRetentionPolicy : undefined;
      if (!isObject(p)) continue;
      for (const f of ['whenDeleted', 'whenScaled']) {
        if (p[f] === 'Delete') {
          ctx.report(o, `persistentVolumeClaimRetentionPolicy.${f} is Delete: claims are deleted when the StatefulSet is ${f === 'whenDeleted' ? 'deleted' : 'scaled down'}`);
        }
      }
    }
  },
};
