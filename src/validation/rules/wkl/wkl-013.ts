import { accessModesOf, claimUses, describeUses, multiNodeOk, nodeLocal, podCount, splitKey } from './claim-uses';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const WKL_013: Rule = {
  id: 'WKL-013',
  severity: Severity.WARNING,
  family: RuleFamily.WORKLOAD,
  what: 'A ReadWriteOnce claim should not be mounted by several pods (replicas > 1, a DaemonSet or several workloads) unless its storage is node-local.',
  why: 'ReadWriteOnce attaches the volume to one node: pods scheduled on other nodes hang in ContainerCreating with Multi-Attach errors.',
  fix: 'Give each replica its own claim (StatefulSet volumeClaimTemplates), or use a ReadWriteMany storage system (SharedRwxVolume) for shared data.',
  check(ctx) {
    for (const [key, uses] of claimUses(ctx)) {
      const [ns, name] = splitKey(key);
      const claim = ctx.get('PersistentVolumeClaim', ns, name);
      if (!claim) continue;
      const modes = accessModesOf(claim);
      if (!modes.includes('ReadWriteOnce') || modes.includes('ReadWriteOncePod') || multiNodeOk(modes, uses)) continue;
      if (podCount(uses) <= 1 || nodeLocal(ctx, claim)) continue;
      for (const u of uses) {
        ctx.report(u.info.owner, `claim ${name} is ReadWriteOnce but ${describeUses(uses)} mount it: pods on other nodes cannot attach it (Multi-Attach error)`);
      }
    }
  },
};
