import { classOf, pathsOf } from './helpers';
import { RuleFamily, Severity } from '../../finding';
import { ManifestObject, Rule } from '../../rule';

/** An Ingress with where it was written, for messages. */
function describeObject(o: ManifestObject): string {
  const where = o.constructPath ?? (o.file ? `${o.file}${o.line ? `:${o.line}` : ''}` : undefined);
  return `Ingress ${o.namespace ? o.namespace + '/' : ''}${o.name}${where ? ` (${where})` : ''}`;
}

export const ING_009: Rule = {
  id: 'ING-009',
  severity: Severity.ERROR,
  family: RuleFamily.INGRESS,
  what: 'No two Ingress paths of the same class may claim the same host, path and pathType.',
  why: 'ingress-nginx\'s admission webhook refuses the second Ingress; without the webhook one of them silently wins.',
  fix: 'Keep the host and path in one Ingress, or change the path or host of one of them.',
  check(ctx) {
    const seen = new Map<string, Array<{ o: ManifestObject; where: string }>>();
    for (const o of ctx.ofKind('Ingress')) {
      const cls = classOf(o) ?? '(cluster default)';
      for (const p of pathsOf(o)) {
        if (typeof p.path !== 'string' || p.pathType === undefined) continue;
        const key = JSON.stringify([cls, p.host ?? '*', p.path, p.pathType]);
        let list = seen.get(key);
        if (!list) seen.set(key, list = []);
        list.push({ o, where: p.where });
      }
    }
    for (const [key, list] of seen) {
      if (list.length < 2) continue;
      const [cls, host, path, pathType] = JSON.parse(key);
      for (const me of list) {
        const others = list.filter((x) => x !== me)
          .map((x) => (x.o === me.o ? `${x.where} of the same Ingress` : describeObject(x.o)));
        ctx.report(me.o, `host ${host} path ${path} (${pathType}) in class ${cls} is also routed by ${[...new Set(others)].join(', ')}`);
      }
    }
  },
};
