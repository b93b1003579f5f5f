import { show } from './helpers';
import { isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const WKL_008: Rule = {
  id: 'WKL-008',
  severity: Severity.ERROR,
  family: RuleFamily.WORKLOAD,
  what: 'A StatefulSet podManagementPolicy must be OrderedReady or Parallel.',
  why: 'The API server rejects any other value.',
  fix: 'Use OrderedReady (one pod at a time, the safe default for databases) or Parallel.',
  check(ctx) {
    for (const o of ctx.ofKind('StatefulSet')) {
      const v = isObject(o.obj.spec) ? o.obj.spec.podManagementPolicy : undefined;
      if (v === undefined || v === null || v === 'OrderedReady' || v === 'Parallel') continue;
      ctx.report(o, `podManagementPolicy ${show(v)} is not OrderedReady or Parallel`);
    }
  },
};
