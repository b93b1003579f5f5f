import { serviceBackends } from './helpers';
import { ROLE_ANNOTATION } from '../../../core/conventions';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { hasDatabaseRole } from '../../metadata';
import { Rule } from '../../rule';

export const ING_011: Rule = {
  id: 'ING-011',
  severity: Severity.ERROR,
  family: RuleFamily.INGRESS,
  basis: RuleBasis.PRACTICE,
  what: `An Ingress must not route to a database Service (annotated ${ROLE_ANNOTATION}: database).`,
  why: 'An Ingress publishes its backends outside the cluster; a database is reached from inside only, and HTTP routing to it never works anyway.',
  fix: 'Route to the application that uses the database.',
  check(ctx) {
    for (const o of ctx.ofKind('Ingress')) {
      for (const b of serviceBackends(ctx, o)) {
        if (!b.service) continue;
        if (hasDatabaseRole(b.service.obj)) ctx.report(o, `${b.where} routes to Service ${b.name}, which fronts a database (${ROLE_ANNOTATION}: database)`);
      }
    }
  },
};
