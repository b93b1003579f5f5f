import { Listener, describeObject, hostnamesOf, httpRoutes, listenersOf, parentsOf } from './helpers';
import { CERT_MANAGER_CLUSTER_ISSUER_ANNOTATION, CERT_MANAGER_ISSUER_ANNOTATION } from '../../../core/conventions';
import { listenerCovers, tlsHostCovers } from '../../../knowledge/routing/paths';
import { RuleFamily, Severity } from '../../finding';
import { annotationsOf } from '../../metadata';
import { Rule } from '../../rule';

/** A listener as messages show it. */
function show(l: Listener): string {
  return `${l.name ?? '?'} (${l.protocol ?? '?'}${l.hostname ? ' ' + l.hostname : ''})`;
}

export const GWY_001: Rule = {
  id: 'GWY-001',
  severity: Severity.ERROR,
  family: RuleFamily.GATEWAY,
  what: 'Every hostname of an HTTPRoute must be covered by a listener of the Gateway it attaches to (when the Gateway is among the objects), and a parentRef sectionName must name an HTTP or HTTPS listener of it.',
  why: 'A hostname no listener covers is ignored (the Gateway API drops it; with no hostname left the route is not accepted): the host answers 404. A wildcard listener whose certificate cert-manager issues covers one label only, as certificates do.',
  fix: 'Add a listener for the host (or a wildcard above it) to the Gateway, attach to the listener that serves it, or fix the hostname.',
  check(ctx) {
    for (const route of httpRoutes(ctx)) {
      const hosts = hostnamesOf(route);
      for (const parent of parentsOf(ctx, route)) {
        if (!parent.gateway) continue;
        const gw = describeObject(parent.gateway);
        if (parent.listeners.length === 0) {
          ctx.report(route, `${parent.where} ${parent.sectionName !== undefined ? `sectionName ${parent.sectionName}` : `port ${parent.port}`} names no HTTP or HTTPS listener of ${gw} (listeners: ${listenersOf(parent.gateway).map(show).join(', ') || 'none'})`);
          continue;
        }
        const issued = [CERT_MANAGER_CLUSTER_ISSUER_ANNOTATION, CERT_MANAGER_ISSUER_ANNOTATION].some((k) => annotationsOf(parent.gateway!.obj)[k] !== undefined);
        for (const host of hosts) {
          const covering = parent.listeners.filter((l) => listenerCovers(l.hostname, host));
          if (covering.length === 0) {
            ctx.report(route, `hostname ${host} is not covered by a listener of ${gw} that ${parent.where} selects (${parent.listeners.map(show).join(', ')})`);
          } else if (issued && covering.every((l) => l.protocol === 'HTTPS' && l.hostname && !tlsHostCovers(l.hostname, host))) {
            ctx.report(route, `hostname ${host} attaches to ${covering.map(show).join(', ')} of ${gw}, but the certificate cert-manager issues for a wildcard covers exactly one label`,
              { fix: `Add a listener for ${host} (cert-manager then issues its certificate), or use a host one label below the wildcard.` });
          }
        }
      }
    }
  },
};
