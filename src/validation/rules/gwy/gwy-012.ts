import { hostnamesOf, httpRoutes, matchesOf } from './helpers';
import { gatewayPathProblem, hostProblem } from '../../../knowledge/routing/paths';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const GWY_012: Rule = {
  id: 'GWY-012',
  severity: Severity.ERROR,
  family: RuleFamily.GATEWAY,
  what: 'HTTPRoute hostnames are DNS names (a leading "*." allowed), not IP addresses; Exact and PathPrefix path values start with "/" and hold no "//", "/./", "/../", "%2f" or "#" and only RFC 3986 path characters.',
  why: 'The HTTPRoute CRD\'s validation rules refuse such paths (a JSON schema check alone does not run them); an IP address passes the hostname pattern but never matches, since the Gateway API matches Host headers against DNS names only.',
  fix: 'Write the path in its normalized form (percent-encode other characters), and route by DNS name.',
  check(ctx) {
    for (const route of httpRoutes(ctx)) {
      hostnamesOf(route).forEach((h, i) => {
        const p = hostProblem(h);
        if (p) ctx.report(route, `spec.hostnames[${i}] ${JSON.stringify(h)} ${p.replace('Ingress hosts', 'HTTPRoute hostnames')}`);
      });
      for (const m of matchesOf(route)) {
        if (m.type !== 'Exact' && m.type !== 'PathPrefix') continue;
        const p = gatewayPathProblem(m.path);
        if (p) ctx.report(route, `${m.where}.path.value ${JSON.stringify(m.path)} ${p}`);
      }
    }
  },
};
