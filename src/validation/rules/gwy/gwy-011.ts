import { backendRefsOf, httpRoutes } from './helpers';
import { ROLE_ANNOTATION } from '../../../core/conventions';
import { RuleFamily, Severity } from '../../finding';
import { hasDatabaseRole } from '../../metadata';
import { Rule } from '../../rule';

export const GWY_011: Rule = {
  id: 'GWY-011',
  severity: Severity.ERROR,
  family: RuleFamily.GATEWAY,
  what: `An HTTPRoute must not route to a database Service (annotated ${ROLE_ANNOTATION}: database).`,
  why: 'A Gateway publishes its routes outside the cluster; a database is reached from inside only, and HTTP routing to it never works anyway.',
  fix: 'Route to the application that uses the database.',
  check(ctx) {
    for (const route of httpRoutes(ctx)) {
      for (const b of backendRefsOf(ctx, route)) {
        if (b.service && hasDatabaseRole(b.service.obj)) ctx.report(route, `${b.where} routes to Service ${b.namespace}/${b.name}, which fronts a database (${ROLE_ANNOTATION}: database)`);
      }
    }
  },
};
