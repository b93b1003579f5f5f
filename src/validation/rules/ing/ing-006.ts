import { serviceBackends } from './helpers';
import { asArray, isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const ING_006: Rule = {
  id: 'ING-006',
  severity: Severity.ERROR,
  family: RuleFamily.INGRESS,
  what: 'A backend port must be a port the Service exposes (by spec.ports[].port or spec.ports[].name).',
  why: 'The controller finds no endpoint for a port the Service does not expose: every request to the path gets a 503.',
  fix: 'Use a port the Service exposes (the Service port, not the container targetPort), or add the port to the Service.',
  check(ctx) {
    for (const o of ctx.ofKind('Ingress')) {
      for (const b of serviceBackends(ctx, o)) {
        if (!b.service || !isObject(b.port)) continue;
        const spec = isObject(b.service.obj.spec) ? b.service.obj.spec : {};
        if (spec.type === 'ExternalName') continue;
        const ports = asArray(spec.ports).filter(isObject);
        const exposed = ports.map((p) => (p.name ? `${p.port} (${p.name})` : String(p.port))).join(', ') || 'none';
        if (typeof b.port.number === 'number' && !ports.some((p) => p.port === b.port.number)) {
          ctx.report(o, `${b.where} port ${b.port.number} is not a port Service ${b.name} exposes (exposed: ${exposed})`);
        } else if (typeof b.port.name === 'string' && b.port.number === undefined && !ports.some((p) => p.name === b.port.name)) {
          ctx.report(o, `${b.where} port name ${JSON.stringify(b.port.name)} is not a port name of Service ${b.name} (exposed: ${exposed})`);
        }
      }
    }
  },
};
