import { asArray, isObject } from '../../../core/values';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { podSpecs } from '../../pod-spec';
import { Rule } from '../../rule';

/** Whether the pod spec spreads its replicas: pod anti-affinity or a topology spread constraint over nodes or zones. */
function spreads(spec: Record<string, any>): boolean {
  const spreadKeys = new Set(['kubernetes.io/hostname', 'topology.kubernetes.io/zone']);
  const anti = isObject(spec.affinity) && isObject(spec.affinity.podAntiAffinity) ? spec.affinity.podAntiAffinity : undefined;
  if (anti) {
    const terms = [
      ...asArray(anti.requiredDuringSchedulingIgnoredDuringExecution),
      ...asArray(anti.preferredDuringSchedulingIgnoredDuringExecution).map((t) => (isObject(t) ? t.podAffinityTerm : undefined)),
    ];
    if (terms.some((t) => isObject(t) && spreadKeys.has(t.topologyKey))) return true;
  }
  return asArray(spec.topologySpreadConstraints).some((t) => isObject(t) && spreadKeys.has(t.topologyKey));
}

export const WKL_025: Rule = {
  id: 'WKL-025',
  severity: Severity.WARNING,
  family: RuleFamily.WORKLOAD,
  basis: RuleBasis.PRACTICE,
  what: 'A workload with several replicas should spread them over nodes (podAntiAffinity or topologySpreadConstraints on kubernetes.io/hostname or a zone).',
  why: 'Without it the scheduler may put every replica on one node, and losing that node loses them all.',
  fix: 'Add topologySpreadConstraints (maxSkew 1, topologyKey kubernetes.io/hostname, whenUnsatisfiable ScheduleAnyway) or a preferred podAntiAffinity on the pod labels.',
  check(ctx) {
    const replicated = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);
    for (const info of podSpecs(ctx)) {
      if (!replicated.has(info.owner.kind) || (info.replicas ?? 0) < 2) continue;
      if (!spreads(info.spec)) ctx.report(info.owner, `${info.replicas} replicas with no pod anti-affinity or topology spread over nodes or zones`);
    }
  },
};
