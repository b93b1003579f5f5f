import { asArray, isObject } from '../../../core/values';
import { hostProblem } from '../../../knowledge/routing/paths';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const ING_001: Rule = {
  id: 'ING-001',
  severity: Severity.ERROR,
  family: RuleFamily.INGRESS,
  what: 'Ingress rule hosts and TLS hosts must be DNS names (a single leading "*." allowed), not IP addresses.',
  why: 'The API server refuses the Ingress otherwise; Ingress routes by the Host header, which an IP never selects.',
  fix: 'Use a lower-case DNS name such as shop.example.com or *.example.com; expose IPs through a LoadBalancer Service.',
  check(ctx) {
    for (const o of ctx.ofKind('Ingress')) {
      const spec = isObject(o.obj.spec) ? o.obj.spec : {};
      asArray(spec.rules).forEach((rule, i) => {
        if (!isObject(rule) || rule.host === undefined || rule.host === '') return; // no host: the rule matches every host
        const p = hostProblem(rule.host);
        if (p) ctx.report(o, `spec.rules[${i}].host ${JSON.stringify(rule.host)} ${p}`);
      });
      asArray(spec.tls).forEach((tls, i) => {
        asArray(isObject(tls) ? tls.hosts : undefined).forEach((h, j) => {
          const p = hostProblem(h, true);
          if (p) ctx.report(o, `spec.tls[${i}].hosts[${j}] ${JSON.stringify(h)} ${p}`);
        });
      });
    }
  },
};
