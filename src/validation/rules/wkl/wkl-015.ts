import { claimUses, splitKey } from './claim-uses';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const WKL_015: Rule = {
  id: 'WKL-015',
  severity: Severity.WARNING,
  family: RuleFamily.WORKLOAD,
  what: 'A claim a pod mounts should be among the validated objects (same namespace).',
  why: 'A pod whose claim does not exist stays Pending; the claim may exist in the cluster already, which the validator cannot see, hence a warning.',
  fix: 'Add the PersistentVolumeClaim, correct claimName or the namespace, or suppress with the reason if the claim is managed elsewhere.',
  check(ctx) {
    for (const [key, uses] of claimUses(ctx)) {
      const [ns, name] = splitKey(key);
      if (ctx.get('PersistentVolumeClaim', ns, name)) continue;
      for (const u of uses) ctx.report(u.info.owner, `claim ${name} is not among the objects in namespace ${ns}`);
    }
  },
};
