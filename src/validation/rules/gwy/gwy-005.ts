import { backendRefsOf, httpRoutes } from './helpers';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const GWY_005: Rule = {
  id: 'GWY-005',
  severity: Severity.WARNING,
  family: RuleFamily.GATEWAY,
  what: 'A Service an HTTPRoute routes to should be among the validated objects.',
  why: 'A backend Service that does not exist makes the rule answer 500. Only a warning: the Service may be deployed by other means (a WebRoute records why for RouteBackend.serviceName backends).',
  fix: 'Add the Service to the manifests, fix its name or namespace, or suppress the rule with the reason the Service exists elsewhere.',
  check(ctx) {
    for (const route of httpRoutes(ctx)) {
      for (const b of backendRefsOf(ctx, route)) {
        if (b.group === '' && b.kind === 'Service' && !b.service) ctx.report(route, `${b.where} routes to Service ${b.namespace}/${b.name}, which is not among the objects`);
      }
    }
  },
};
