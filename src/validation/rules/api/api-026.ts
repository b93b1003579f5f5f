import { PROTOCOLS } from './names';
import { isPort } from '../../../core/names';
import { asArray, isObject, str } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const API_026: Rule = {
  id: 'API-026',
  severity: Severity.ERROR,
  family: RuleFamily.API_SERVER,
  what: 'Service ports must be 1-65535 with protocol TCP, UDP or SCTP, each port and protocol pair once; nodePort only on NodePort and LoadBalancer Services.',
  why: 'The API server rejects the Service.',
  fix: 'Fix the port number or protocol, remove the duplicate, or drop nodePort (or set type NodePort).',
  check(ctx) {
    for (const o of ctx.ofKind('Service')) {
      const spec = isObject(o.obj.spec) ? o.obj.spec : {};
      const type = str(spec.type) ?? 'ClusterIP';
      const seen = new Set<string>();
      asArray(spec.ports).forEach((p, i) => {
        if (!isObject(p)) return;
        if (p.port !== undefined && typeof p.port === 'number' && !isPort(p.port)) ctx.report(o, `spec.ports[${i}].port ${p.port} is not between 1 and 65535`);
        const protocol = p.protocol ?? 'TCP';
        if (typeof protocol === 'string' && !PROTOCOLS.has(protocol)) ctx.report(o, `spec.ports[${i}].protocol ${JSON.stringify(protocol)} is not TCP, UDP or SCTP`);
        const key = `${p.port}/${protocol}`;
        if (typeof p.port === 'number') {
          if (seen.has(key)) ctx.report(o, `spec.ports[${i}] repeats port ${key}`);
          seen.add(key);
        }
        if (p.nodePort !== undefined && p.nodePort !== null) {
          if (type !== 'NodePort' && type !== 'LoadBalancer') ctx.report(o, `spec.ports[${i}].nodePort is set on a ${type} Service`);
          else if (typeof p.nodePort === 'number' && !isPort(p.nodePort)) ctx.report(o, `spec.ports[${i}].nodePort ${p.nodePort} is not between 1 and 65535`);
        }
      });
    }
  },
};
