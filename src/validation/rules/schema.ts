import { RuleFamily, Severity } from '../finding';
import { Rule, RuleContext } from '../rule';
import { checkAgainstSchema, isKnownKind, knownApiVersionsOf } from '../schema-check';

const CODES = {
  'unknown-field': 'SCH-001',
  'type': 'SCH-002',
  'quantity': 'SCH-002',
  'required': 'SCH-003',
} as const;

/** One pass of the schema walker per object, shared by the three schema rules. */
const cache = new WeakMap<RuleContext, Map<string, Array<{ index: number; message: string }>>>();
function issuesFor(ctx: RuleContext, ruleId: string): Array<{ index: number; message: string }> {
  let byRule = cache.get(ctx);
  if (!byRule) {
    byRule = new Map();
    for (const o of ctx.objects) {
      for (const issue of checkAgainstSchema(o.obj)) {
        const id = CODES[issue.code];
        let list = byRule.get(id);
        if (!list) byRule.set(id, (list = []));
        list.push({ index: o.index, message: issue.message });
      }
    }
    cache.set(ctx, byRule);
  }
  return byRule.get(ruleId) ?? [];
}

function schemaRule(id: string, what: string, why: string, fix: string): Rule {
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
      for (const issue of issues) ctx.report(byIndex.get(issue.index)!, issue.message);
    },
  };
}

export const SCHEMA_RULES: Rule[] = [
  schemaRule('SCH-001',
    'Every field of a Kubernetes 1.27 object must exist in its schema.',
    'An unknown field is dropped silently: a typo like storageClass for storageClassName gives the claim the default class.',
    'Correct the field name (see the suggestion) or remove the field.'),
  schemaRule('SCH-002',
    'Every field must have the type its schema gives (string, integer, boolean, object, list, quantity).',
    'The API server rejects the whole object when one field has the wrong type.',
    'Write the value with the right type: quote strings such as "true" in labels, write sizes as quantities like 10Gi.'),
  schemaRule('SCH-003',
    'Fields the schema requires must be set.',
    'The API server rejects an object that lacks a required field.',
    'Set the required field.'),
  {
    id: 'SCH-004',
    severity: Severity.ERROR,
    family: RuleFamily.SCHEMA,
    what: 'A built-in kind must use an apiVersion Kubernetes 1.27 serves.',
    why: 'APIs such as extensions/v1beta1 Ingress or policy/v1beta1 PodDisruptionBudget were removed: apply fails with "no matches for kind".',
    fix: 'Use the apiVersion Kubernetes 1.27 serves for the kind (see the message).',
    check(ctx) {
      for (const o of ctx.objects) {
        if (isKnownKind(o.apiVersion, o.kind)) continue;
        const served = knownApiVersionsOf(o.kind);
        if (served.length === 0) continue; // a kind Kubernetes does not know (CRD): passes through
        const builtinGroup = !o.apiVersion.includes('/') || o.apiVersion.split('/')[0].endsWith('.k8s.io')
          || ['apps', 'batch', 'policy', 'autoscaling', 'extensions'].includes(o.apiVersion.split('/')[0]);
        if (!builtinGroup) continue; // same kind name in a CRD group (e.g. a custom Ingress)
        ctx.report(o, `${o.kind} in apiVersion ${o.apiVersion} is not served by Kubernetes 1.27`,
          { fix: `Use apiVersion ${served.join(' or ')}.` });
      }
    },
  },
];
