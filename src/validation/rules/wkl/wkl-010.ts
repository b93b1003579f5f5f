import { isZero, percent, show } from './helpers';
import { isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { workloadsSelectedBy } from '../../pod-spec';
import { Rule } from '../../rule';

export const WKL_010: Rule = {
  id: 'WKL-010',
  severity: Severity.ERROR,
  family: RuleFamily.WORKLOAD,
  what: 'A PodDisruptionBudget must allow at least one disruption: not maxUnavailable 0, not minAvailable 100%, not minAvailable >= the replicas it selects.',
  why: 'Such a budget blocks every voluntary eviction: kubectl drain, node upgrades and cluster autoscaling hang on its pods forever.',
  fix: 'Use maxUnavailable: 1 (or minAvailable below the replica count); for a single replica, run more replicas or drop the PDB.',
  check(ctx) {
    for (const o of ctx.ofKind('PodDisruptionBudget')) {
      const spec = isObject(o.obj.spec) ? o.obj.spec : undefined;
      // policy/v1: a budget without a selector selects no pod, so it blocks nothing (WKL-011 reports it)
      if (!spec || !isObject(spec.selector)) continue;
      if (isZero(spec.maxUnavailable)) {
        ctx.report(o, `maxUnavailable ${show(spec.maxUnavailable)} allows no disruption`);
        continue;
      }
      const min = spec.minAvailable;
      const p = percent(min);
      if (p !== undefined && p >= 100) {
        ctx.report(o, `minAvailable ${show(min)} allows no disruption`);
        continue;
      }
      const ns = ctx.namespaceOf(o) ?? 'default';
      const selected = workloadsSelectedBy(ctx, ns, spec.selector);
      if (selected.some((w) => w.perNode)) continue; // a DaemonSet's pod count is the cluster's node count
      const total = selected.reduce((n, w) => n + (w.replicas ?? 0), 0);
      if (total === 0) continue; // no workload selected, or all scaled to 0: nothing to disrupt
      const needed = p !== undefined ? Math.ceil((p * total) / 100) : (typeof min === 'number' ? min : undefined);
      if (needed !== undefined && needed >= total) {
        const names = selected.map((w) => `${w.owner.kind}/${w.owner.name}`).join(', ');
        ctx.report(o, `minAvailable ${show(min)} with ${total} selected pod${total === 1 ? '' : 's'} (${names}) allows no disruption`);
      }
    }
  },
};
