import { asArray, isObject, str } from '../../../core/values';
import { tlsCovers } from '../../../knowledge/routing/paths';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const ING_008: Rule = {
  id: 'ING-008',
  severity: Severity.ERROR,
  family: RuleFamily.INGRESS,
  what: 'When an Ingress has TLS, every rule host must be covered by a TLS host (a wildcard covers exactly one label).',
  why: 'A host left out of spec.tls gets the controller\'s default (fake) certificate or plain HTTP; *.example.com covers a.example.com, not example.com nor a.b.example.com.',
  fix: 'Add the host (or a wildcard one label above it) to spec.tls[].hosts.',
  check(ctx) {
    for (const o of ctx.ofKind('Ingress')) {
      const spec = isObject(o.obj.spec) ? o.obj.spec : {};
      const tls = asArray(spec.tls).filter(isObject);
      if (tls.length === 0 || tls.some((t) => asArray(t.hosts).length === 0)) continue; // no TLS, or an entry for every host
      const tlsHosts = tls.flatMap((t) => asArray(t.hosts)).filter((h): h is string => typeof h === 'string');
      asArray(spec.rules).forEach((rule, i) => {
        const host = isObject(rule) ? str(rule.host) : undefined;
        if (host && !tlsCovers(tlsHosts, host)) {
          ctx.report(o, `spec.rules[${i}].host ${host} is not covered by the TLS hosts ${tlsHosts.join(', ')}`, { fix: `Add ${host} to spec.tls[].hosts.` });
        }
      });
    }
  },
};
