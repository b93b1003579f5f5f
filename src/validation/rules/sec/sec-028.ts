import { asArray, isObject } from '../../../core/values';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { podSpecs, workloadsSelectedBy } from '../../pod-spec';
import { ManifestObject, Rule, RuleContext } from '../../rule';

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Pod']);

/** The pod-bearing objects whose pods a NetworkPolicy restricting ingress selects (indexed by label, no pairwise test). */
function isolated(ctx: RuleContext): Set<ManifestObject> {
  const result = new Set<ManifestObject>();
  for (const o of ctx.ofKind('NetworkPolicy')) {
    const spec = isObject(o.obj.spec) ? o.obj.spec : undefined;
    if (!spec) continue;
    const types = asArray(spec.policyTypes);
    if (types.length > 0 && !types.includes('Ingress')) continue;
    for (const w of workloadsSelectedBy(ctx, ctx.namespaceOf(o) ?? 'default', spec.podSelector ?? {})) result.add(w.owner);
  }
  return result;
}

export const SEC_028: Rule = {
  id: 'SEC-028',
  severity: Severity.WARNING,
  family: RuleFamily.SECURITY,
  basis: RuleBasis.PRACTICE,
  what: 'The pods of long-running workloads should be selected by a NetworkPolicy that restricts their ingress.',
  why: 'Without one every pod of the cluster can connect to them: one compromised pod reaches every database and admin port.',
  fix: 'Add a NetworkPolicy for the namespace: a default deny of ingress (podSelector: {}), then policies that allow each client (StatefulDatabase.connect does this for databases).',
  check(ctx) {
    const covered = isolated(ctx);
    for (const info of podSpecs(ctx)) {
      if (!WORKLOADS.has(info.owner.kind) || covered.has(info.owner)) continue;
      const ns = ctx.namespaceOf(info.owner) ?? 'default';
      ctx.report(info.owner, `no NetworkPolicy among the objects selects its pods in namespace ${ns}: any pod can connect to them`);
    }
  },
};
