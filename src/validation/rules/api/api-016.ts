import { asArray, isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';
import { pvSpec } from '../../volumes';

export const API_016: Rule = {
  id: 'API-016',
  severity: Severity.ERROR,
  family: RuleFamily.API_SERVER,
  what: 'A local PersistentVolume needs nodeAffinity.required.',
  why: 'The API server rejects local volumes without node affinity: the scheduler must know which node holds the data.',
  fix: 'Add nodeAffinity.required.nodeSelectorTerms matching kubernetes.io/hostname of the node with the disk.',
  check(ctx) {
    for (const pv of ctx.ofKind('PersistentVolume')) {
      const spec = pvSpec(pv);
      if (!isObject(spec.local)) continue;
      const terms = isObject(spec.nodeAffinity) && isObject(spec.nodeAffinity.required) ? asArray(spec.nodeAffinity.required.nodeSelectorTerms) : [];
      if (terms.length === 0) ctx.report(pv, 'is a local volume without nodeAffinity.required');
    }
  },
};
