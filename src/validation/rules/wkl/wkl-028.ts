import { show } from './helpers';
import { asArray, isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { isEmptySelector, selectsOperatorPods, workloadIndex, workloadsSelectedBy } from '../../pod-spec';
import { Rule } from '../../rule';

export const WKL_028: Rule = {
  id: 'WKL-028',
  severity: Severity.WARNING,
  family: RuleFamily.WORKLOAD,
  what: 'A NetworkPolicy\'s podSelector, and the podSelector of each peer without a namespaceSelector, should select pods of some workload (or of an operator\'s database cluster) in its namespace (checked only when the objects hold workloads).',
  why: 'A policy that selects nothing isolates nothing, and a peer that selects nothing lets nothing in: usually a label typo that leaves pods open, or cuts off their clients.',
  fix: 'Make the selectors match the pod template labels of the workloads, in the same namespace.',
  check(ctx) {
    if (workloadIndex(ctx).byNamespace.size === 0) return;
    for (const o of ctx.ofKind('NetworkPolicy')) {
      const spec = isObject(o.obj.spec) ? o.obj.spec : undefined;
      if (!spec) continue;
      const ns = ctx.namespaceOf(o) ?? 'default';
      const none = (sel: unknown) => !isEmptySelector(sel) && workloadsSelectedBy(ctx, ns, sel).length === 0 && !selectsOperatorPods(ctx, ns, sel);
      if (none(spec.podSelector)) ctx.report(o, `podSelector ${show(spec.podSelector)} selects no pods in namespace ${ns}`);
      for (const [dir, peersKey] of [['ingress', 'from'], ['egress', 'to']] as const) {
        asArray(spec[dir]).forEach((r, i) => {
          asArray(isObject(r) ? r[peersKey] : undefined).forEach((peer, j) => {
            if (!isObject(peer) || peer.namespaceSelector !== undefined || !none(peer.podSelector)) return;
            ctx.report(o, `${dir}[${i}].${peersKey}[${j}].podSelector ${show(peer.podSelector)} selects no pods in namespace ${ns}`);
          });
        });
      }
    }
  },
};
