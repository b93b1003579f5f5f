import { serviceBackends } from './helpers';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const ING_007: Rule = {
  id: 'ING-007',
  severity: Severity.WARNING,
  family: RuleFamily.INGRESS,
  what: 'A backend Service should be among the validated objects (same namespace as the Ingress).',
  why: 'A backend Service that does not exist makes every request to the path fail with 503. Only a warning: the Service may be deployed by other means, and the CLI often validates a subset of manifests.',
  fix: 'Add the Service to the manifests, fix the name or namespace, or suppress the rule with the reason the Service exists elsewhere.',
  check(ctx) {
    for (const o of ctx.ofKind('Ingress')) {
      for (const b of serviceBackends(ctx, o)) {
        if (!b.service) ctx.report(o, `${b.where} routes to Service ${b.name}, which is not among the objects in namespace ${ctx.namespaceOf(o)}`);
      }
    }
  },
};
