import { databases } from './helpers';
import { isObject } from '../../../core/values';
import { DATABASE_MIN_TERMINATION_GRACE_SECONDS } from '../../../knowledge/workload/database';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const DBS_004: Rule = {
  id: 'DBS-004',
  severity: Severity.ERROR,
  family: RuleFamily.WORKLOAD,
  basis: RuleBasis.PRACTICE,
  what: `A database StatefulSet must give its pods at least ${DATABASE_MIN_TERMINATION_GRACE_SECONDS} s to stop (terminationGracePeriodSeconds; the default is 30 s).`,
  why: 'A database killed in the middle of its shutdown checkpoint replays its log at the next start, or worse; StatefulDatabase refuses a shorter period for the same reason.',
  fix: `Set spec.template.spec.terminationGracePeriodSeconds to ${DATABASE_MIN_TERMINATION_GRACE_SECONDS} or more.`,
  check(ctx) {
    for (const o of databases(ctx)) {
      const spec = isObject(o.obj.spec) && isObject(o.obj.spec.template) && isObject(o.obj.spec.template.spec) ? o.obj.spec.template.spec : undefined;
      if (!spec) continue;
      const grace = spec.terminationGracePeriodSeconds;
      const seconds = typeof grace === 'number' ? grace : 30;
      if (seconds < DATABASE_MIN_TERMINATION_GRACE_SECONDS) {
        ctx.report(o, `terminationGracePeriodSeconds ${typeof grace === 'number' ? grace : 'is not set (30 s by default)'}${typeof grace === 'number' ? ' is' : ','} shorter than ${DATABASE_MIN_TERMINATION_GRACE_SECONDS} s`);
      }
    }
  },
};
