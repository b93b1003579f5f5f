import { portNameError } from './names';
import { isPort } from '../../../core/names';
import { asArray, isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const API_027: Rule = {
  id: 'API-027',
  severity: Severity.ERROR,
  family: RuleFamily.API_SERVER,
  what: 'A Service targetPort must be a number 1-65535 or a container port name (IANA service name: at most 15 characters, with a letter).',
  why: 'The API server rejects the Service; a quoted number like "8080" is read as a port name and rejected.',
  fix: 'Write the number unquoted (targetPort: 8080) or use the name of a container port.',
  check(ctx) {
    for (const o of ctx.ofKind('Service')) {
      const ports = isObject(o.obj.spec) ? asArray(o.obj.spec.ports) : [];
      ports.forEach((p, i) => {
        if (!isObject(p) || p.targetPort === undefined || p.targetPort === null) return;
        const t = p.targetPort;
        if (typeof t === 'number') {
          if (!isPort(t)) ctx.report(o, `spec.ports[${i}].targetPort ${t} is not between 1 and 65535`);
        } else if (typeof t === 'string') {
          const e = /^\d+$/.test(t) ? 'is a quoted number, read as a port name (must contain at least one letter)' : portNameError(t);
          if (e) ctx.report(o, `spec.ports[${i}].targetPort ${JSON.stringify(t)} ${e}`);
        }
      });
    }
  },
};
