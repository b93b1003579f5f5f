import { Listener, describeObject, httpRoutes, parentsOf } from './helpers';
import { asArray, isObject } from '../../../core/values';
import { GATEWAY_GROUP } from '../../../knowledge/routing/gateway-api';
import { RuleFamily, Severity } from '../../finding';
import { labelsOf } from '../../metadata';
import { ManifestObject, Rule, RuleContext } from '../../rule';

/** Whether a listener admits an HTTPRoute of `namespace`: true, false, or undefined when the namespace's labels are unknown. */
function admits(ctx: RuleContext, l: Listener, gateway: ManifestObject, namespace: string): boolean | undefined {
  const allowed = isObject(l.allowedRoutes) ? l.allowedRoutes : {};
  const kinds = asArray(allowed.kinds).filter(isObject);
  if (kinds.length && !kinds.some((k) => k.kind === 'HTTPRoute' && (k.group ?? GATEWAY_GROUP) === GATEWAY_GROUP)) return false;
  const ns = isObject(allowed.namespaces) ? allowed.namespaces : {};
  const from = ns.from ?? 'Same';
  if (from === 'All') return true;
  if (from === 'Same') return namespace === ctx.namespaceOf(gateway);
  if (from !== 'Selector') return false;
  const nsObject = ctx.get('Namespace', undefined, namespace);
  const selector = isObject(ns.selector) ? ns.selector : {};
  if (!nsObject || asArray(selector.matchExpressions).length) return undefined;
  const labels = labelsOf(nsObject.obj);
  return Object.entries(isObject(selector.matchLabels) ? selector.matchLabels : {}).every(([k, v]) => labels[k] === v);
}

export const GWY_008: Rule = {
  id: 'GWY-008',
  severity: Severity.ERROR,
  family: RuleFamily.GATEWAY,
  what: 'A listener an HTTPRoute attaches to must admit it: its allowedRoutes.namespaces (Same by default) must include the route\'s namespace and its allowedRoutes.kinds, when set, HTTPRoute.',
  why: 'A route no listener admits is not accepted (NotAllowedByListeners): its hosts answer 404.',
  fix: 'Create the route in the Gateway\'s namespace, or have the platform team admit the namespace (allowedRoutes.namespaces.from: All, or a Selector the namespace\'s labels match).',
  check(ctx) {
    for (const route of httpRoutes(ctx)) {
      const ns = ctx.namespaceOf(route)!;
      for (const parent of parentsOf(ctx, route)) {
        if (!parent.gateway || parent.listeners.length === 0) continue; // no such listener: GWY-001
        const verdicts = parent.listeners.map((l) => admits(ctx, l, parent.gateway!, ns));
        if (verdicts.some((v) => v !== false)) continue;
        ctx.report(route, `${parent.where}: no listener of ${describeObject(parent.gateway)} it selects (${parent.listeners.map((l) => l.name ?? '?').join(', ')}) admits HTTPRoutes of namespace ${ns}`);
      }
    }
  },
};
