import { portNameError, PROTOCOLS } from './names';
import { isPort } from '../../../core/names';
import { asArray, isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { podSpecs } from '../../pod-spec';
import { Rule } from '../../rule';

export const API_032: Rule = {
  id: 'API-032',
  severity: Severity.ERROR,
  family: RuleFamily.API_SERVER,
  what: 'Container ports must be 1-65535 (hostPort too) with protocol TCP, UDP or SCTP; port names must be IANA service names (at most 15 characters, with a letter) and unique within the pod.',
  why: 'The API server rejects the pod; Services and probes refer to ports by these names.',
  fix: 'Fix the number or protocol; shorten the name (http, metrics, grpc) and make it unique.',
  check(ctx) {
    for (const info of podSpecs(ctx)) {
      const names = new Set<string>();
      for (const c of info.containers) {
        asArray(c.container.ports).forEach((p, i) => {
          if (!isObject(p)) return;
          const where = `container ${c.name}: ports[${i}]`;
          if (typeof p.containerPort === 'number' && !isPort(p.containerPort)) ctx.report(info.owner, `${where}.containerPort ${p.containerPort} is not between 1 and 65535`);
          if (typeof p.hostPort === 'number' && p.hostPort !== 0 && !isPort(p.hostPort)) ctx.report(info.owner, `${where}.hostPort ${p.hostPort} is not between 1 and 65535`);
          if (typeof p.protocol === 'string' && !PROTOCOLS.has(p.protocol)) ctx.report(info.owner, `${where}.protocol ${JSON.stringify(p.protocol)} is not TCP, UDP or SCTP`);
          if (typeof p.name === 'string' && p.name !== '') {
            const e = portNameError(p.name);
            if (e) ctx.report(info.owner, `${where}.name ${JSON.stringify(p.name)} ${e}`);
            if (names.has(p.name)) ctx.report(info.owner, `${where}.name ${JSON.stringify(p.name)} is used twice in the pod`);
            names.add(p.name);
          }
        });
      }
    }
  },
};
