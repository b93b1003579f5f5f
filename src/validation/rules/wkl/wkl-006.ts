import { isZero, show } from './helpers';
import { isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const WKL_006: Rule = {
  id: 'WKL-006',
  severity: Severity.ERROR,
  family: RuleFamily.WORKLOAD,
  what: 'Update strategies must be valid: Deployment Recreate or RollingUpdate; StatefulSet and DaemonSet RollingUpdate or OnDelete; rollingUpdate only with RollingUpdate; Deployment and DaemonSet maxSurge and maxUnavailable not both 0 (a DaemonSet maxSurge defaults to 0); partition >= 0.',
  why: 'The API server rejects any other strategy type, rollingUpdate settings with another type, and a rollout that may neither add nor remove a pod.',
  fix: 'Use one of the listed types; remove rollingUpdate when the type is not RollingUpdate; let maxSurge or maxUnavailable be at least 1.',
  check(ctx) {
    for (const o of ctx.ofKind('Deployment', 'StatefulSet', 'DaemonSet')) {
      if (!isObject(o.obj.spec)) continue;
      const field = o.kind === 'Deployment' ? 'strategy' : 'updateStrategy';
      const strategy = o.obj.spec[field];
      if (!isObject(strategy)) continue;
      const types = o.kind === 'Deployment' ? ['RollingUpdate', 'Recreate'] : ['RollingUpdate', 'OnDelete'];
      const type = strategy.type ?? 'RollingUpdate';
      if (!types.includes(type)) {
        ctx.report(o, `${field}.type ${show(type)} is not ${types.join(' or ')}`);
        continue;
      }
      const ru = strategy.rollingUpdate;
      if (type !== 'RollingUpdate' && isObject(ru) && o.kind !== 'DaemonSet') {
        ctx.report(o, `${field}.rollingUpdate is set but ${field}.type is ${type}`);
      }
      if (!isObject(ru) || type !== 'RollingUpdate') continue; // the API server checks rollingUpdate only for that type
      // a DaemonSet's maxSurge defaults to 0 (a Deployment's to 25%), so maxUnavailable 0 alone is both 0 there
      const surge = o.kind === 'DaemonSet' ? ru.maxSurge ?? 0 : ru.maxSurge;
      if (o.kind !== 'StatefulSet' && isZero(surge) && isZero(ru.maxUnavailable)) {
        ctx.report(o, `${field}.rollingUpdate.maxSurge and maxUnavailable are both 0: the rollout can never progress`);
      }
      if (o.kind === 'StatefulSet' && typeof ru.partition === 'number' && ru.partition < 0) {
        ctx.report(o, `updateStrategy.rollingUpdate.partition ${ru.partition} is negative`);
      }
    }
  },
};
