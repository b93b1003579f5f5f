import { RuleFamily, Severity } from '../../finding';
import { PlatformPolicyProps } from '../../policy-options';
import { ManifestObject, Rule, RuleContext } from '../../rule';

/** A policy rule: runs `check` on every object with each policy that applies to it (none when no policy is set). */
export function policyRule(id: string, what: string, why: string, fix: string,
  check: (ctx: RuleContext, o: ManifestObject, policy: PlatformPolicyProps) => void): Rule {
  return {
    id,
    severity: Severity.ERROR,
    family: RuleFamily.POLICY,
    what,
    why,
    fix,
    check(ctx) {
      if (ctx.policies.length === 0) return;
      for (const o of ctx.objects) {
        for (const policy of ctx.policiesFor(o)) check(ctx, o, policy);
      }
    },
  };
}
