import { backendRefsOf, httpRoutes } from './helpers';
import { asArray, isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const GWY_004: Rule = {
  id: 'GWY-004',
  severity: Severity.ERROR,
  family: RuleFamily.GATEWAY,
  what: 'A backendRef to a Service must give a port, and the port must be one the Service exposes (spec.ports[].port).',
  why: 'The HTTPRoute schema requires a port for Service backends; a port the Service does not expose has no endpoints: every request to the rule gets a 500 (ResolvedRefs false).',
  fix: 'Set port to a port of the Service (the Service port, not the container targetPort; HTTPRoutes name ports by number only).',
  check(ctx) {
    for (const route of httpRoutes(ctx)) {
      for (const b of backendRefsOf(ctx, route)) {
        if (b.group !== '' || b.kind !== 'Service') continue;
        if (b.port === undefined) {
          ctx.report(route, `${b.where} routes to Service ${b.name} without a port`);
          continue;
        }
        if (!b.service) continue;
        const spec = isObject(b.service.obj.spec) ? b.service.obj.spec : {};
        if (spec.type === 'ExternalName') continue;
        const ports = asArray(spec.ports).filter(isObject);
        if (!ports.some((p) => p.port === b.port)) {
          const exposed = ports.map((p) => (p.name ? `${p.port} (${p.name})` : String(p.port))).join(', ') || 'none';
          ctx.report(route, `${b.where} port ${JSON.stringify(b.port)} is not a port Service ${b.namespace}/${b.name} exposes (exposed: ${exposed})`);
        }
      }
    }
  },
};
