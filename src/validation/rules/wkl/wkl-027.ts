import { isObject, str } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { workloadIndex } from '../../pod-spec';
import { Rule } from '../../rule';

export const WKL_027: Rule = {
  id: 'WKL-027',
  severity: Severity.WARNING,
  family: RuleFamily.WORKLOAD,
  what: 'A HorizontalPodAutoscaler should scale a workload among the objects (scaleTargetRef kind and name, same namespace; checked only when the objects hold workloads).',
  why: 'An autoscaler whose target does not exist scales nothing, and the workload it was meant for keeps a fixed replica count under load.',
  fix: 'Set scaleTargetRef to the apiVersion, kind and name of the Deployment or StatefulSet.',
  check(ctx) {
    if (workloadIndex(ctx).byNamespace.size === 0) return;
    for (const o of ctx.ofKind('HorizontalPodAutoscaler')) {
      const ref = isObject(o.obj.spec) && isObject(o.obj.spec.scaleTargetRef) ? o.obj.spec.scaleTargetRef : undefined;
      const kind = ref ? str(ref.kind) : undefined;
      const name = ref ? str(ref.name) : undefined;
      if (!kind || !name) continue; // SCH-003 reports what is missing
      if (!ctx.get(kind, ctx.namespaceOf(o), name)) {
        ctx.report(o, `scaleTargetRef ${kind}/${name} is not among the objects in namespace ${ctx.namespaceOf(o) ?? 'default'}`);
      }
    }
  },
};
