import { classOf, pathsOf } from './helpers';
import { str } from '../../../core/values';
import { matchKey } from '../../../knowledge/routing/paths';
import { RuleFamily, Severity } from '../../finding';
import { annotationsOf } from '../../metadata';
import { ManifestObject, Rule } from '../../rule';

/** An Ingress with where it was written, for messages. */
function describeObject(o: ManifestObject): string {
  const where = o.constructPath ?? (o.file ? `${o.file}${o.line ? `:${o.line}` : ''}` : undefined);
  return `Ingress ${o.namespace ? o.namespace + '/' : ''}${o.name}${where ? ` (${where})` : ''}`;
}

/** Traefik serves the routers of different entry points separately: their paths do not compete. */
const TRAEFIK_ENTRYPOINTS = 'traefik.ingress.kubernetes.io/router.entrypoints';

export const ING_009: Rule = {
  id: 'ING-009',
  severity: Severity.ERROR,
  family: RuleFamily.INGRESS,
  what: 'No two Ingress paths of the same class may match the same requests of a host with the same precedence (same path and path type; a trailing slash does not change a Prefix path). Exact /api and Prefix /api do not conflict: an exact match takes precedence.',
  why: 'ingress-nginx\'s admission webhook refuses the second Ingress; other controllers, or ingress-nginx without the webhook, let one of them silently win.',
  fix: 'Keep the host and path in one Ingress, or change the path or host of one of them.',
  check(ctx) {
    const seen = new Map<string, Array<{ o: ManifestObject; where: string; path: string; pathType: string }>>();
    for (const o of ctx.ofKind('Ingress')) {
      const cls = classOf(o) ?? '(cluster default)';
      const ann = annotationsOf(o.obj);
      const entryPoints = str(ann[TRAEFIK_ENTRYPOINTS])?.split(',').map((e) => e.trim()).sort().join(',') ?? '';
      for (const p of pathsOf(o)) {
        if (typeof p.path !== 'string' || typeof p.pathType !== 'string') continue;
        // ingress-nginx's use-regex (or rewrite-target) on one Ingress turns every path of the host into a regex
        // location, its other Ingresses' included: the annotation does not set one Ingress's paths apart
        const key = JSON.stringify([cls, entryPoints, p.host ?? '*', matchKey(p.path, p.pathType)]);
        let list = seen.get(key);
        if (!list) seen.set(key, list = []);
        list.push({ o, where: p.where, path: p.path, pathType: p.pathType });
      }
    }
    for (const [key, list] of seen) {
      if (list.length < 2) continue;
      const [cls, , host] = JSON.parse(key);
      for (const me of list) {
        const others = list.filter((x) => x !== me)
          .map((x) => (x.o === me.o ? `${x.where} of the same Ingress` : describeObject(x.o)) + (x.path !== me.path || x.pathType !== me.pathType ? ` as ${x.path} (${x.pathType})` : ''));
        ctx.report(me.o, `host ${host} path ${me.path} (${me.pathType}) in class ${cls} is also routed by ${[...new Set(others)].join(', ')}`);
      }
    }
  },
};
