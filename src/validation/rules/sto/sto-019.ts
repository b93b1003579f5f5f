import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const STO_019: Rule = {
  id: 'STO-019',
  severity: Severity.ERROR,
  family: RuleFamily.STORAGE,
  what: 'A PersistentVolume must not carry a namespace.',
  why: 'Volumes are cluster-scoped: the API server drops the namespace, so GitOps tools show endless drift, and readers assume an isolation that does not exist (claimRef is what ties a volume to a namespace).',
  fix: 'Remove metadata.namespace from the PersistentVolume; put the namespace in spec.claimRef.',
  check(ctx) {
    for (const pv of ctx.ofKind('PersistentVolume')) {
      if (pv.namespace) ctx.report(pv, `metadata.namespace ${JSON.stringify(pv.namespace)} is set on a cluster-scoped PersistentVolume`);
    }
  },
};
