import { policyRule } from './helpers';
import { asArray, isObject, str } from '../../../core/values';
import { GATEWAY_GROUP } from '../../../knowledge/routing/gateway-api';
import { tlsCovers } from '../../../knowledge/routing/paths';
import { ManifestObject, Rule, RuleContext } from '../../rule';
import { hostnamesOf, matchesOf, parentsOf } from '../gwy/helpers';

/** The hosts of an Ingress no TLS host covers. */
function ingressHosts(o: ManifestObject): string[] {
  if (!isObject(o.obj.spec)) return [];
  const tlsHosts = asArray(o.obj.spec.tls).flatMap((t) => asArray(t?.hosts)).filter((h): h is string => typeof h === 'string');
  return asArray(o.obj.spec.rules).map((rule) => str(rule?.host)).filter((h): h is string => !!h && !tlsCovers(tlsHosts, h));
}

/** The hostnames an HTTPRoute serves (not only redirects) on a plain HTTP listener of a Gateway among the objects. */
function httpRouteHosts(ctx: RuleContext, o: ManifestObject): string[] {
  if (!o.apiVersion.startsWith(`${GATEWAY_GROUP}/`) || matchesOf(o).every((m) => m.redirect)) return [];
  const plain = parentsOf(ctx, o).some((p) => p.listeners.some((l) => l.protocol === 'HTTP'));
  return plain ? (hostnamesOf(o).length ? hostnamesOf(o) : ['(every hostname)']) : [];
}

export const POL_002: Rule = policyRule('POL-002',
  'Every Ingress host, and every HTTPRoute hostname on a Gateway among the objects, must be served with TLS (policy requireTls).',
  'Plain HTTP exposes credentials and session cookies on the network.',
  'Give the route a TLS source (a Secret or a cert-manager issuer) covering every host, or attach the HTTPRoute to an HTTPS listener (a redirect route may stay on the HTTP one).',
  (ctx, o, policy) => {
    if (!policy.requireTls) return;
    const hosts = o.kind === 'Ingress' ? ingressHosts(o) : o.kind === 'HTTPRoute' ? httpRouteHosts(ctx, o) : [];
    for (const host of hosts) ctx.report(o, `host ${host} is served without TLS, which the platform policy forbids`);
  });
