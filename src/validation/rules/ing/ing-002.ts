import { pathsOf } from './helpers';
import { str } from '../../../core/values';
import { pathProblem } from '../../../knowledge/routing/paths';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const ING_002: Rule = {
  id: 'ING-002',
  severity: Severity.ERROR,
  family: RuleFamily.INGRESS,
  what: 'Exact and Prefix paths must start with "/" and hold no "//", "/./", "/../" or "%2f"; other paths must start with "/".',
  why: 'The API server refuses such paths: they would let a request escape the path it was routed by after normalization.',
  fix: 'Write the path in its normalized form, e.g. /api/v1.',
  check(ctx) {
    for (const o of ctx.ofKind('Ingress')) {
      for (const p of pathsOf(o)) {
        if (p.path === undefined && p.pathType === 'ImplementationSpecific') continue;
        if (p.path === undefined) {
          ctx.report(o, `${p.where}.path is missing (required for pathType ${String(p.pathType)})`, { fix: 'Set path, e.g. "/".' });
          continue;
        }
        const problem = pathProblem(p.path, str(p.pathType) ?? 'Prefix');
        if (problem) ctx.report(o, `${p.where}.path ${JSON.stringify(p.path)} ${problem}`);
      }
    }
  },
};
