import { show } from './helpers';
import { isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { mapSelectorMatches } from '../../pod-spec';
import { Rule } from '../../rule';

export const WKL_004: Rule = {
  id: 'WKL-004',
  severity: Severity.ERROR,
  family: RuleFamily.WORKLOAD,
  what: 'A StatefulSet serviceName must name a headless Service (clusterIP: None) in its namespace that selects its pods, when that Service is among the objects.',
  why: 'The pods of a StatefulSet get their stable DNS names (db-0.db) only from a headless Service that selects them; with a normal Service, peers cannot find each other.',
  fix: 'Set clusterIP: None on the governing Service and make its selector match the pod template labels (a separate ClusterIP Service can serve clients).',
  check(ctx) {
    for (const o of ctx.ofKind('StatefulSet')) {
      const spec = isObject(o.obj.spec) ? o.obj.spec : {};
      const name = spec.serviceName;
      if (typeof name !== 'string') continue; // absent: SCH-003; not a string: SCH-002
      if (name.trim() === '') {
        ctx.report(o, 'serviceName is empty');
        continue;
      }
      const svc = ctx.get('Service', ctx.namespaceOf(o), name);
      if (!svc) continue; // WKL-005
      const svcSpec = isObject(svc.obj.spec) ? svc.obj.spec : {};
      if (svcSpec.clusterIP !== 'None') {
        ctx.report(o, `serviceName ${name} is not a headless Service (clusterIP is ${show(svcSpec.clusterIP ?? '(allocated)')}, not None)`);
      }
      const template = isObject(spec.template) && isObject(spec.template.metadata) ? spec.template.metadata.labels : undefined;
      const labels: Record<string, string> = {};
      if (isObject(template)) for (const [key, v] of Object.entries(template)) if (typeof v === 'string') labels[key] = v;
      if (isObject(svcSpec.selector) && !mapSelectorMatches(svcSpec.selector, labels)) { // {} matches any labels
        ctx.report(o, `Service ${name} selector ${show(svcSpec.selector)} does not select the pods (labels ${show(labels)})`);
      }
    }
  },
};
