import { databases, hasBudget } from './helpers';
import { isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const DBS_001: Rule = {
  id: 'DBS-001',
  severity: Severity.WARNING,
  family: RuleFamily.WORKLOAD,
  what: 'A database StatefulSet should run more than one replica under a PodDisruptionBudget.',
  why: 'A single replica cannot be protected: minAvailable 1 on one pod blocks every node drain, and without a budget each drain or upgrade stops the database.',
  fix: 'Run replicas: 2 or more (StatefulDatabase then adds maxUnavailable 1), or accept the downtime of each node drain.',
  check(ctx) {
    for (const o of databases(ctx)) {
      const replicas = isObject(o.obj.spec) ? (o.obj.spec.replicas ?? 1) : 1;
      if (typeof replicas !== 'number') continue;
      if (replicas <= 1) {
        ctx.report(o, `${replicas} replica: no PodDisruptionBudget can protect it, so every node drain stops the database`);
      } else if (!hasBudget(ctx, o)) {
        ctx.report(o, `${replicas} replicas and no PodDisruptionBudget selects them: a drain may evict them all at once`,
          { fix: 'Add a PodDisruptionBudget with maxUnavailable: 1 selecting the pod labels.' });
      }
    }
  },
};
