import { backendsOf } from './helpers';
import { isObject, str } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const ING_005: Rule = {
  id: 'ING-005',
  severity: Severity.ERROR,
  family: RuleFamily.INGRESS,
  what: 'A backend is a service or a resource, not both; a service backend has a name and exactly one of port.name and port.number.',
  why: 'The API server refuses any other backend shape.',
  fix: 'Keep service (with name and one of port.number or port.name) or resource, not both.',
  check(ctx) {
    for (const o of ctx.ofKind('Ingress')) {
      for (const b of backendsOf(o)) {
        if (!isObject(b.backend)) {
          ctx.report(o, `${b.where} is missing`);
          continue;
        }
        const { service, resource } = b.backend;
        if (service !== undefined && resource !== undefined) {
          ctx.report(o, `${b.where} has both service and resource`);
        } else if (service === undefined && resource === undefined) {
          ctx.report(o, `${b.where} has neither service nor resource`);
        }
        if (!isObject(service)) continue;
        if (!str(service.name)) ctx.report(o, `${b.where}.service.name is missing`);
        const port = isObject(service.port) ? service.port : {};
        const hasName = port.name !== undefined && port.name !== '';
        const hasNumber = port.number !== undefined && port.number !== 0;
        if (hasName && hasNumber) ctx.report(o, `${b.where}.service.port sets both name ${JSON.stringify(port.name)} and number ${port.number}`);
        else if (!hasName && !hasNumber) ctx.report(o, `${b.where}.service.port has neither name nor number`);
      }
    }
  },
};
