import { KUBERNETES_VERSIONS, minorOf } from '../../../knowledge/kubernetes/versions';
import { RuleFamily, Severity } from '../../finding';
import { Rule, RuleContext } from '../../rule';
import { SchemaIssue } from '../../schema-check';
import { SchemaSet, schemaSetFor } from '../../schema-set';

/** The rule that reports each kind of schema issue. */
const CODES = {
  'unknown-field': 'SCH-001',
  'type': 'SCH-002',
  'quantity': 'SCH-002',
  'value': 'SCH-002',
  'required': 'SCH-003',
} as const;

/**
 * Whether an apiVersion is of an API group of Kubernetes itself (a CRD may reuse a built-in kind name, such as
 * Ingress, in its own group). Gateway API (gateway.networking.k8s.io) counts, but its kinds are no built-in kinds.
 */
export function isBuiltinGroup(apiVersion: string): boolean {
  if (!apiVersion.includes('/')) return true;
  const group = apiVersion.split('/')[0];
  return group.endsWith('.k8s.io') || ['apps', 'batch', 'policy', 'autoscaling', 'extensions'].includes(group);
}

/**
 * The schemas of a validation: the target minor's, the shipped CRDs', and the CRDs given with the validation or
 * among the objects (those among the objects win, as they are what gets applied).
 */
export function schemasOf(ctx: RuleContext): SchemaSet {
  return ctx.memo(findSchemas);
}

function findSchemas(ctx: RuleContext): SchemaSet {
  const inInput = ctx.ofKind('CustomResourceDefinition').filter((o) => o.apiVersion === 'apiextensions.k8s.io/v1').map((o) => o.obj);
  return schemaSetFor(ctx.kubernetesVersion, [...ctx.customResourceDefinitions, ...inInput]);
}

/** One issue of one object, with the fix when it differs from the rule's. */
interface ObjectIssue {
  readonly index: number;
  readonly message: string;
  readonly fix?: string;
}

/** One pass of the schema walker per object, shared by the three schema rules. */
function issuesFor(ctx: RuleContext, ruleId: string): ObjectIssue[] {
  return ctx.memo(issuesByRule).get(ruleId) ?? [];
}

/** The schema issues of every object, by the rule that reports them. */
function issuesByRule(ctx: RuleContext): Map<string, ObjectIssue[]> {
  const byRule = new Map<string, ObjectIssue[]>();
  const schemas = schemasOf(ctx);
  for (const o of ctx.objects) {
    const issues = schemas.check(o.obj);
    const newer = newerFields(ctx, o.obj, issues);
    for (const issue of issues) {
      const id = CODES[issue.code];
      let list = byRule.get(id);
      if (!list) byRule.set(id, (list = []));
      const since = newer.get(issue.path);
      list.push(since
        ? {
          index: o.index,
          message: `${issue.message.replace(/ \(did you mean [^)]*\)$/, '')} in Kubernetes ${ctx.kubernetesVersion} (the validation's target); it is a field from Kubernetes ${since} on`,
          fix: `If the cluster runs Kubernetes ${since} or later, set the target to its minor (--kubernetes-version, GoldenPathValidation.kubernetesVersion or PlatformDefaults kubernetesVersion); else remove the field.`,
        }
        : { index: o.index, message: issue.message });
    }
  }
  return byRule;
}

/**
 * For the unknown fields of a built-in object, the first newer minor whose schema has them (a native sidecar's
 * restartPolicy on a 1.27 target is no typo): path -> minor. Walks the object again only when it has unknown fields.
 */
function newerFields(ctx: RuleContext, obj: any, issues: readonly SchemaIssue[]): Map<string, string> {
  const found = new Map<string, string>();
  const unknown = new Set(issues.filter((i) => i.code === 'unknown-field').map((i) => i.path));
  if (unknown.size === 0 || !schemasOf(ctx).isBuiltin(obj.apiVersion, obj.kind)) return found;
  const newer = KUBERNETES_VERSIONS.filter((x) => minorOf(x) > minorOf(ctx.kubernetesVersion));
  if (newer.length === 0) return found;
  // a typo is unknown in the newest minor too: one more schema to look at, not every newer one
  const newest = schemaSetFor(newer[newer.length - 1], []);
  if (!newest.isBuiltin(obj.apiVersion, obj.kind)) return found;
  const inNewest = new Set(newest.check(obj).filter((i) => i.code === 'unknown-field').map((i) => i.path));
  for (const p of [...unknown]) if (inNewest.has(p)) unknown.delete(p);
  for (const v of newer) {
    if (unknown.size === 0) break;
    const set = schemaSetFor(v, []);
    if (!set.isBuiltin(obj.apiVersion, obj.kind)) break;
    const still = new Set(set.check(obj).filter((i) => i.code === 'unknown-field').map((i) => i.path));
    for (const p of unknown) {
      if (!still.has(p)) {
        found.set(p, v);
        unknown.delete(p);
      }
    }
  }
  return found;
}

/** A rule that reports the schema walker's issues of one kind (SCH-001..003). */
export function schemaRule(id: string, what: string, why: string, fix: string): Rule {
  return {
    id,
    severity: Severity.ERROR,
    family: RuleFamily.SCHEMA,
    what,
    why,
    fix,
    check(ctx) {
      const issues = issuesFor(ctx, id);
      if (issues.length === 0) return;
      const byIndex = new Map(ctx.objects.map((o) => [o.index, o]));
      for (const issue of issues) ctx.report(byIndex.get(issue.index)!, issue.message, { fix: issue.fix });
    },
  };
}
