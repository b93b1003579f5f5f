import { isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';
import { pvSpec } from '../../volumes';

export const STO_021: Rule = {
  id: 'STO-021',
  severity: Severity.WARNING,
  family: RuleFamily.STORAGE,
  what: 'A hostPath PersistentVolume works on single-node clusters only.',
  why: 'Each node sees its own directory: on a multi-node cluster pods on different nodes see different data, and data is lost with the node.',
  fix: 'Use it only on single-node dev clusters; elsewhere use a file storage class (NFS, CephFS, ...) or a local PV with nodeAffinity.',
  check(ctx) {
    for (const pv of ctx.ofKind('PersistentVolume')) {
      const hp = pvSpec(pv).hostPath;
      if (!isObject(hp)) continue;
      ctx.report(pv, `hostPath ${JSON.stringify(hp.path)} works on a single-node cluster only: each node sees its own directory`);
    }
  },
};
