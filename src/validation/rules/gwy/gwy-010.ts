import { describeObject, hostnamesOf, httpRoutes, listenersOf, parentsOf } from './helpers';
import { asArray, isObject } from '../../../core/values';
import { listenerCovers } from '../../../knowledge/routing/paths';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const GWY_010: Rule = {
  id: 'GWY-010',
  severity: Severity.ERROR,
  family: RuleFamily.GATEWAY,
  what: 'An HTTPRoute that redirects to HTTPS (RequestRedirect scheme https) must attach to a Gateway (when it is among the objects) with an HTTPS listener for each of its hostnames.',
  why: 'The redirect sends clients to an HTTPS port that serves nothing for the host: the page is unreachable instead of merely unencrypted.',
  fix: 'Add an HTTPS listener for the hosts to the Gateway (a WebGateway with TLS has one per host), or remove the redirect.',
  check(ctx) {
    for (const route of httpRoutes(ctx)) {
      const spec = isObject(route.obj.spec) ? route.obj.spec : {};
      const redirects = asArray(spec.rules).some((r) => isObject(r) && asArray(r.filters).some((f) => isObject(f) && isObject(f.requestRedirect) && f.requestRedirect.scheme === 'https'));
      if (!redirects) continue;
      const hosts = hostnamesOf(route);
      for (const parent of parentsOf(ctx, route)) {
        if (!parent.gateway) continue;
        const https = listenersOf(parent.gateway).filter((l) => l.protocol === 'HTTPS');
        const missing = hosts.length ? hosts.filter((h) => !https.some((l) => listenerCovers(l.hostname, h))) : (https.length ? [] : ['(every hostname)']);
        if (missing.length) ctx.report(route, `redirects to HTTPS, but ${describeObject(parent.gateway)} has no HTTPS listener for ${missing.join(', ')}`);
      }
    }
  },
};
