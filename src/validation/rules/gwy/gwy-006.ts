import { describeObject, hostnamesOf, httpRoutes, matchesOf, parentsOf } from './helpers';
import { RuleFamily, Severity } from '../../finding';
import { ManifestObject, Rule } from '../../rule';

export const GWY_006: Rule = {
  id: 'GWY-006',
  severity: Severity.ERROR,
  family: RuleFamily.GATEWAY,
  what: 'No two HTTPRoute matches on the same Gateway listener may match the same requests of a hostname with the same precedence (same path and type, same header, method and query matches; a trailing slash does not change a PathPrefix).',
  why: 'The Gateway API breaks such ties by the oldest route, then by namespace/name: one of them silently never receives traffic, and which one changes when a route is recreated.',
  fix: 'Keep the hostname and path in one HTTPRoute, or change the path, headers or hostname of one of them.',
  check(ctx) {
    const seen = new Map<string, Array<{ o: ManifestObject; where: string }>>();
    for (const route of httpRoutes(ctx)) {
      const hosts = hostnamesOf(route);
      const matches = matchesOf(route);
      for (const parent of parentsOf(ctx, route)) {
        const listeners = parent.gateway ? parent.listeners.map((l) => l.name ?? '?') : [parent.sectionName ?? '*'];
        for (const listener of listeners) {
          for (const host of hosts.length ? hosts : ['*']) {
            for (const m of matches) {
              const key = JSON.stringify([parent.namespace, parent.name, listener, host, m.key]);
              let list = seen.get(key);
              if (!list) seen.set(key, list = []);
              if (!list.some((x) => x.o === route && x.where === m.where)) list.push({ o: route, where: m.where });
            }
          }
        }
      }
    }
    const reported = new Set<string>();
    for (const [key, list] of seen) {
      if (list.length < 2) continue;
      const [ns, gw, listener, host, match] = JSON.parse(key);
      for (const me of list) {
        const others = [...new Set(list.filter((x) => x !== me).map((x) => (x.o === me.o ? `${x.where} of the same HTTPRoute` : describeObject(x.o))))];
        const text = `${me.where} (${match.replace(/^(\w+(-\w+)*):/, '$1 ')}) for hostname ${host} on listener ${listener} of Gateway ${ns}/${gw} is also matched by ${others.join(', ')}`;
        if (reported.has(`${me.o.index} ${text}`)) continue;
        reported.add(`${me.o.index} ${text}`);
        ctx.report(me.o, text);
      }
    }
  },
};
