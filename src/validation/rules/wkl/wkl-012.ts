import { accessModesOf, claimUses, describeUses, podCount, splitKey } from './claim-uses';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const WKL_012: Rule = {
  id: 'WKL-012',
  severity: Severity.ERROR,
  family: RuleFamily.WORKLOAD,
  what: 'A ReadWriteOncePod claim must be mounted by one pod only (one workload with one replica).',
  why: 'Only one pod can ever use a ReadWriteOncePod volume: every other pod stays Pending or ContainerCreating.',
  fix: 'Use a claim per pod (StatefulSet volumeClaimTemplates), one replica, or ReadWriteMany storage for shared data.',
  check(ctx) {
    for (const [key, uses] of claimUses(ctx)) {
      const [ns, name] = splitKey(key);
      const claim = ctx.get('PersistentVolumeClaim', ns, name);
      if (!claim) continue;
      const modes = accessModesOf(claim);
      if (!modes.includes('ReadWriteOncePod') || podCount(uses) <= 1) continue;
      for (const u of uses) {
        ctx.report(u.info.owner, `claim ${name} is ReadWriteOncePod but ${describeUses(uses)} mount it: only one pod can run`);
      }
    }
  },
};
