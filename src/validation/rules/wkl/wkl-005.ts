import { isObject, str } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const WKL_005: Rule = {
  id: 'WKL-005',
  severity: Severity.WARNING,
  family: RuleFamily.WORKLOAD,
  what: 'The headless Service a StatefulSet names in serviceName should be among the validated objects.',
  why: 'Without that Service the pods have no stable DNS names; it may exist in the cluster already, which the validator cannot see, hence a warning.',
  fix: 'Add a headless Service (clusterIP: None) of that name selecting the pods, or suppress with the reason if it is managed elsewhere.',
  check(ctx) {
    for (const o of ctx.ofKind('StatefulSet')) {
      const name = isObject(o.obj.spec) ? str(o.obj.spec.serviceName) : undefined;
      if (!name || name.trim() === '') continue;
      if (!ctx.get('Service', ctx.namespaceOf(o), name)) {
        ctx.report(o, `serviceName ${name}: no Service ${name} in namespace ${ctx.namespaceOf(o)} among the objects`);
      }
    }
  },
};
