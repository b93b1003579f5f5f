import { isBuiltinGroup, schemasOf } from './helpers';
import { RuleFamily, Severity } from '../../finding';
import { ManifestObject, Rule, RuleContext } from '../../rule';

/** The minor after `version` (`'1.28'` -> `'1.29'`). */
function nextMinor(version: string): string {
  const [major, minor] = version.split('.').map(Number);
  return `${major}.${minor + 1}`;
}

/** `apiVersion a or b` (never called with an empty list). */
function served(apiVersions: string[]): string {
  return `apiVersion ${apiVersions.join(' or ')}`;
}

/** An object whose apiVersion the target serves: a warning when a later minor (that the library knows) removes it. */
function checkServed(ctx: RuleContext, o: ManifestObject): void {
  const schemas = schemasOf(ctx);
  const range = schemas.servedRange(o.apiVersion, o.kind);
  if (!range || range.last === schemas.newestKnown) return;
  const removedIn = nextMinor(range.last);
  // the apiVersions the newest known minor serves for the kind (never this one: it is removed before then)
  const later = schemas.currentApiVersionsOf(o.kind)
    .map((v) => (schemas.isAfterTarget(v.since) ? `${v.apiVersion} (served from ${v.since})` : v.apiVersion));
  const fix = later.length > 0
    ? `Move to ${served(later)} before the cluster is upgraded to ${removedIn}.`
    : `Plan its replacement before the cluster is upgraded to ${removedIn}: no later Kubernetes minor the library knows (up to ${schemas.newestKnown}) serves ${o.kind} in any apiVersion.`;
  ctx.report(o, `${o.kind} in apiVersion ${o.apiVersion} is removed in Kubernetes ${removedIn} (served up to ${range.last}; the target is ${ctx.kubernetesVersion})`,
    { severity: Severity.WARNING, fix });
}

export const SCH_004: Rule = {
  id: 'SCH-004',
  severity: Severity.ERROR,
  family: RuleFamily.SCHEMA,
  what: 'A built-in kind must use an apiVersion the target Kubernetes minor serves; one a later minor removes is a warning that names the version.',
  why: 'APIs such as extensions/v1beta1 Ingress or flowcontrol.apiserver.k8s.io/v1beta2 were removed: apply fails with "no matches for kind". One removed in a later minor breaks at that upgrade.',
  fix: 'Use the apiVersion the target serves for the kind (see the message).',
  check(ctx) {
    const schemas = schemasOf(ctx);
    for (const o of ctx.objects) {
      if (schemas.isBuiltin(o.apiVersion, o.kind)) {
        checkServed(ctx, o);
        continue;
      }
      const inTarget = schemas.builtinApiVersionsOf(o.kind);
      const range = schemas.servedRange(o.apiVersion, o.kind);
      if (!range && (inTarget.length === 0 || !isBuiltinGroup(o.apiVersion))) continue; // a CRD kind: SCH-005's business
      const fix = inTarget.length > 0 ? `Use ${served(inTarget)}.` : `Use a target of Kubernetes ${range!.first} or later, where the kind is served.`;
      if (!range) {
        ctx.report(o, `${o.kind} in apiVersion ${o.apiVersion} is not served by Kubernetes ${ctx.kubernetesVersion}`, { fix });
      } else if (schemas.isAfterTarget(range.first)) {
        ctx.report(o, `${o.kind} in apiVersion ${o.apiVersion} is not served by Kubernetes ${ctx.kubernetesVersion}: it is served from ${range.first} on`, { fix });
      } else {
        ctx.report(o, `${o.kind} in apiVersion ${o.apiVersion} was removed in Kubernetes ${nextMinor(range.last)}; the target is ${ctx.kubernetesVersion}`, { fix });
      }
    }
  },
};
