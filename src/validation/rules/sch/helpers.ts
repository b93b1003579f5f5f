import { RuleFamily, Severity } from '../../finding';
import { Rule, RuleContext } from '../../rule';
import { checkAgainstSchema } from '../../schema-check';

/** The rule that reports each kind of schema issue. */
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
      for (const issue of issues) ctx.report(byIndex.get(issue.index)!, issue.message);
    },
  };
}
