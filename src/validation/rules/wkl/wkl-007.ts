import { ownerSpec } from './helpers';
import { isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { podSpecs } from '../../pod-spec';
import { Rule } from '../../rule';

export const WKL_007: Rule = {
  id: 'WKL-007',
  severity: Severity.WARNING,
  family: RuleFamily.WORKLOAD,
  what: 'A StatefulSet rollingUpdate partition should not exceed its replicas.',
  why: 'Only pods with an ordinal >= partition are updated: with partition above replicas, template changes reach no pod and the update silently does nothing.',
  fix: 'Lower the partition to stage a canary (replicas - 1) or to 0 to roll out to all pods.',
  check(ctx) {
    for (const info of podSpecs(ctx)) {
      if (info.owner.kind !== 'StatefulSet') continue;
      const s = ownerSpec(info).updateStrategy;
      const p = isObject(s) && isObject(s.rollingUpdate) ? s.rollingUpdate.partition : undefined;
      if (typeof p === 'number' && info.replicas !== undefined && p > info.replicas) {
        ctx.report(info.owner, `updateStrategy.rollingUpdate.partition ${p} is greater than replicas ${info.replicas}: no pod will be updated`);
      }
    }
  },
};
