import { accessModesOf, claimUses, multiNodeOk, nodeLocal, podCount, splitKey } from './claim-uses';
import { isZero, ownerSpec } from './helpers';
import { isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const WKL_014: Rule = {
  id: 'WKL-014',
  severity: Severity.WARNING,
  family: RuleFamily.WORKLOAD,
  what: 'A single-replica Deployment that mounts a ReadWriteOnce or ReadWriteOncePod claim should use the Recreate strategy.',
  why: 'A rolling update starts the new pod before stopping the old one: it cannot attach the volume (on another node, or ever with ReadWriteOncePod), so the rollout hangs.',
  fix: 'Set spec.strategy.type: Recreate, or move the data to a StatefulSet.',
  check(ctx) {
    for (const [key, uses] of claimUses(ctx)) {
      const [ns, name] = splitKey(key);
      const claim = ctx.get('PersistentVolumeClaim', ns, name);
      if (!claim || podCount(uses) > 1) continue;
      const modes = accessModesOf(claim);
      const rwop = modes.includes('ReadWriteOncePod');
      if (!rwop && (!modes.includes('ReadWriteOnce') || multiNodeOk(modes, uses) || nodeLocal(ctx, claim))) continue;
      for (const u of uses) {
        if (u.info.owner.kind !== 'Deployment') continue;
        const s = ownerSpec(u.info).strategy;
        const type = isObject(s) ? (s.type ?? 'RollingUpdate') : 'RollingUpdate';
        if (type !== 'RollingUpdate') continue;
        if (isObject(s) && isObject(s.rollingUpdate) && isZero(s.rollingUpdate.maxSurge) && !rwop) continue;
        ctx.report(u.info.owner, `strategy is RollingUpdate and claim ${name} is ${rwop ? 'ReadWriteOncePod' : 'ReadWriteOnce'}: the new pod cannot attach it while the old one runs`);
      }
    }
  },
};
