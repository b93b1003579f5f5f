import { pathsOf } from './helpers';
import { str } from '../../../core/values';
import { captureGroups, captureReferences, NGINX_ANNOTATION_PREFIX } from '../../../knowledge/routing/ingress-nginx';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const ING_013: Rule = {
  id: 'ING-013',
  severity: Severity.ERROR,
  family: RuleFamily.INGRESS,
  what: 'A rewrite-target that uses capture groups ($1, $2, ...) needs regex paths that hold them.',
  why: 'ingress-nginx replaces the whole URI with the target; a $n without a matching capture group in an ImplementationSpecific regex path rewrites every request to a broken path (Exact and Prefix paths cannot hold groups).',
  fix: 'Write the path as a regex such as /api(/|$)(.*) with pathType ImplementationSpecific and nginx.ingress.kubernetes.io/use-regex: "true".',
  check(ctx) {
    for (const o of ctx.ofKind('Ingress')) {
      const target = str(o.annotations[NGINX_ANNOTATION_PREFIX + 'rewrite-target']);
      const refs = target ? captureReferences(target) : 0;
      if (!refs) continue;
      for (const p of pathsOf(o)) {
        if (typeof p.path !== 'string') continue;
        if (p.pathType !== 'ImplementationSpecific') {
          ctx.report(o, `${p.where}.path ${p.path} is ${String(p.pathType)}, which cannot hold the capture group $${refs} rewrite-target ${target} uses`);
        } else if (captureGroups(p.path) < refs) {
          ctx.report(o, `${p.where}.path ${p.path} has ${captureGroups(p.path)} capture group(s), but rewrite-target ${target} uses $${refs}`);
        }
      }
    }
  },
};
