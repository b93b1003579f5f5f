import { dnsLabelError } from './names';
import { asArray, isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const API_025: Rule = {
  id: 'API-025',
  severity: Severity.ERROR,
  family: RuleFamily.API_SERVER,
  what: 'Service port names must be DNS labels, unique, and present on every port when the Service has more than one.',
  why: 'The API server rejects the Service; Endpoints and Ingress backends refer to ports by these names.',
  fix: 'Give every port a distinct lowercase name such as http, https or metrics.',
  check(ctx) {
    for (const o of ctx.ofKind('Service')) {
      const ports = isObject(o.obj.spec) ? asArray(o.obj.spec.ports) : [];
      const names = new Set<string>();
      ports.forEach((p, i) => {
        if (!isObject(p)) return;
        const name = p.name;
        if (name === undefined || name === null || name === '') {
          if (ports.length > 1) ctx.report(o, `spec.ports[${i}] has no name; every port needs one when the Service has ${ports.length} ports`);
          return;
        }
        if (typeof name !== 'string') return;
        const e = dnsLabelError(name);
        if (e) ctx.report(o, `spec.ports[${i}].name ${JSON.stringify(name)} ${e}`);
        if (names.has(name)) ctx.report(o, `spec.ports[${i}].name ${JSON.stringify(name)} is used twice`);
        names.add(name);
      });
    }
  },
};
