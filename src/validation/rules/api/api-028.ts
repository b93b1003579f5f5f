import { asArray, isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

const SERVICE_TYPES = new Set(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']);

export const API_028: Rule = {
  id: 'API-028',
  severity: Severity.ERROR,
  family: RuleFamily.API_SERVER,
  what: 'A Service type must be ClusterIP, NodePort, LoadBalancer or ExternalName; it needs ports unless headless (clusterIP: None) or ExternalName, and ExternalName needs spec.externalName.',
  why: 'The API server rejects the Service.',
  fix: 'Add the ports the pods listen on, set clusterIP: None for a headless Service, or set externalName.',
  check(ctx) {
    for (const o of ctx.ofKind('Service')) {
      const spec = isObject(o.obj.spec) ? o.obj.spec : {};
      const type = spec.type ?? 'ClusterIP';
      if (typeof type === 'string' && !SERVICE_TYPES.has(type)) {
        ctx.report(o, `spec.type ${JSON.stringify(type)} is not ClusterIP, NodePort, LoadBalancer or ExternalName`);
        continue;
      }
      if (type === 'ExternalName') {
        if (typeof spec.externalName !== 'string' || spec.externalName === '') ctx.report(o, 'an ExternalName Service needs spec.externalName');
        continue;
      }
      if (spec.clusterIP === 'None' || type !== 'ClusterIP' && type !== 'NodePort' && type !== 'LoadBalancer') continue;
      if (asArray(spec.ports).length === 0) ctx.report(o, `a ${type} Service needs at least one port (or clusterIP: None for a headless Service)`);
    }
  },
};
