import { policyRule } from './helpers';
import { asArray, isObject, str } from '../../../core/values';
import { tlsCovers } from '../../../knowledge/routing/paths';
import { Rule } from '../../rule';

export const POL_002: Rule = policyRule('POL-002',
  'Every Ingress host must be served with TLS (policy requireTls).',
  'Plain HTTP exposes credentials and session cookies on the network.',
  'Give the route a TLS source (a Secret or a cert-manager issuer) covering every host.',
  (ctx, o, policy) => {
    if (!policy.requireTls || o.kind !== 'Ingress' || !isObject(o.obj.spec)) return;
    const tlsHosts = asArray(o.obj.spec.tls).flatMap((t) => asArray(t?.hosts)).filter((h): h is string => typeof h === 'string');
    for (const rule of asArray(o.obj.spec.rules)) {
      const host = str(rule?.host);
      if (host && !tlsCovers(tlsHosts, host)) {
        ctx.report(o, `host ${host} is served without TLS, which the platform policy forbids`);
      }
    }
  });
