import { CONTROLLER_LABELS, show } from './helpers';
import { isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { mapSelectorSelectsAny, selectsOperatorPods, workloadIndex } from '../../pod-spec';
import { Rule } from '../../rule';

export const WKL_026: Rule = {
  id: 'WKL-026',
  severity: Severity.WARNING,
  family: RuleFamily.WORKLOAD,
  what: 'A Service with a selector should select the pods of some workload among the objects, or of an operator\'s database cluster (checked only when the objects hold workloads).',
  why: 'A Service that selects no pod has no endpoints: every connection to it fails. Usually a label typo; only a warning, since the pods may be deployed by other means.',
  fix: 'Make spec.selector match the pod template labels of the workload, in the same namespace.',
  check(ctx) {
    const idx = workloadIndex(ctx);
    if (idx.byNamespace.size === 0) return; // a file of Services alone: the workloads are elsewhere
    for (const o of ctx.ofKind('Service')) {
      const spec = isObject(o.obj.spec) ? o.obj.spec : undefined;
      if (!spec || spec.type === 'ExternalName' || !isObject(spec.selector) || Object.keys(spec.selector).length === 0) continue;
      // labels the controllers add to the pods they create are not on the templates
      const ns = ctx.namespaceOf(o) ?? 'default';
      if (!mapSelectorSelectsAny(ctx, ns, spec.selector, CONTROLLER_LABELS) && !selectsOperatorPods(ctx, ns, spec.selector, true)) {
        ctx.report(o, `selector ${show(spec.selector)} selects no pods of the workloads in namespace ${ns}`);
      }
    }
  },
};
