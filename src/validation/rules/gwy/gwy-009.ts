import { backendRefsOf, granted, httpRoutes, listenersOf } from './helpers';
import { asArray, isObject, str } from '../../../core/values';
import { GATEWAY_GROUP } from '../../../knowledge/routing/gateway-api';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const GWY_009: Rule = {
  id: 'GWY-009',
  severity: Severity.WARNING,
  family: RuleFamily.GATEWAY,
  what: 'A reference to another namespace (an HTTPRoute backendRef, a Gateway certificateRef) needs a ReferenceGrant in that namespace that allows it.',
  why: 'Without the grant the implementation refuses the reference (RefNotPermitted): the rule answers 500, the listener has no certificate. Only a warning: the grant belongs to the other namespace\'s owners and may be deployed by them.',
  fix: 'Add a ReferenceGrant in the target namespace (from: the route\'s or Gateway\'s kind and namespace; to: the Service or Secret), or ask its owners to; a WebRoute emits it for its backends.',
  check(ctx) {
    for (const route of httpRoutes(ctx)) {
      const ns = ctx.namespaceOf(route)!;
      for (const b of backendRefsOf(ctx, route)) {
        if (b.namespace === ns) continue;
        if (!granted(ctx, b.namespace, { group: GATEWAY_GROUP, kind: 'HTTPRoute', namespace: ns }, { group: b.group, kind: b.kind, name: b.name })) {
          ctx.report(route, `${b.where} refers to ${b.kind} ${b.namespace}/${b.name}, and no ReferenceGrant in namespace ${b.namespace} allows HTTPRoutes of ${ns} to`);
        }
      }
    }
    for (const gw of ctx.ofKind('Gateway').filter((g) => g.apiVersion.startsWith(`${GATEWAY_GROUP}/`))) {
      const ns = ctx.namespaceOf(gw)!;
      for (const l of listenersOf(gw)) {
        asArray(isObject(l.tls) ? l.tls.certificateRefs : undefined).forEach((ref, i) => {
          const target = isObject(ref) ? str(ref.namespace) : undefined;
          if (!target || target === ns || !str(ref.name)) return;
          const to = { group: str(ref.group) ?? '', kind: str(ref.kind) ?? 'Secret', name: ref.name };
          if (!granted(ctx, target, { group: GATEWAY_GROUP, kind: 'Gateway', namespace: ns }, to)) {
            ctx.report(gw, `${l.where}.tls.certificateRefs[${i}] refers to ${to.kind} ${target}/${ref.name}, and no ReferenceGrant in namespace ${target} allows Gateways of ${ns} to`);
          }
        });
      }
    }
  },
};
