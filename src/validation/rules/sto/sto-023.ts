import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';
import { pvSpec } from '../../volumes';

export const STO_023: Rule = {
  id: 'STO-023',
  severity: Severity.WARNING,
  family: RuleFamily.STORAGE,
  what: 'A PersistentVolume should not use the deprecated Recycle reclaim policy.',
  why: 'Recycle runs rm -rf on the volume when the claim is deleted, and only nfs and hostPath ever supported it.',
  fix: 'Use Retain (keep the data) and clean up by hand, or Delete on a dynamic provisioner.',
  check(ctx) {
    for (const pv of ctx.ofKind('PersistentVolume')) {
      if (pvSpec(pv).persistentVolumeReclaimPolicy === 'Recycle') ctx.report(pv, 'persistentVolumeReclaimPolicy Recycle is deprecated and wipes the volume when its claim is deleted');
    }
  },
};
