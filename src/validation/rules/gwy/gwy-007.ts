import { describeObject, hostnamesOf, httpRoutes, matchesOf } from './helpers';
import { matchKey } from '../../../knowledge/routing/paths';
import { RuleFamily, Severity } from '../../finding';
import { ManifestObject, Rule } from '../../rule';
import { pathsOf } from '../ing/helpers';

export const GWY_007: Rule = {
  id: 'GWY-007',
  severity: Severity.WARNING,
  family: RuleFamily.GATEWAY,
  what: 'An Ingress and an HTTPRoute of the same objects should not both route the same host and path.',
  why: 'The host\'s DNS name points at one of the two load balancers: the other route never receives traffic, and which one serves changes with a DNS edit. Only a warning: running both for a while is how a route moves from Ingress to Gateway API.',
  fix: 'Remove the route of the output you left, or suppress the rule on the HTTPRoute with the reason (e.g. "moving to Gateway API; DNS still on the Ingress until 2026-07-01").',
  check(ctx) {
    const ingress = new Map<string, ManifestObject[]>();
    for (const o of ctx.ofKind('Ingress')) {
      for (const p of pathsOf(o)) {
        if (!p.host || typeof p.path !== 'string' || typeof p.pathType !== 'string') continue;
        const key = `${p.host} ${matchKey(p.path, p.pathType)}`;
        ingress.set(key, [...(ingress.get(key) ?? []), o]);
      }
    }
    if (ingress.size === 0) return;
    for (const route of httpRoutes(ctx)) {
      for (const m of matchesOf(route)) {
        if (m.redirect) continue;
        for (const host of hostnamesOf(route)) {
          const twins = ingress.get(`${host} ${m.key}`);
          if (twins) ctx.report(route, `${m.where} routes host ${host} path ${m.path} (${m.type}), which ${[...new Set(twins.map(describeObject))].join(', ')} also routes`);
        }
      }
    }
  },
};
