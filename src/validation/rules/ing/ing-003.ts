import { classOf, isNginxClass, pathsOf } from './helpers';
import { str } from '../../../core/values';
import { nginxPathProblem, pathProblem } from '../../../knowledge/routing/paths';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const ING_003: Rule = {
  id: 'ING-003',
  severity: Severity.ERROR,
  family: RuleFamily.INGRESS,
  what: 'With an nginx class, Exact and Prefix paths hold only letters, digits, "-", "_" and "/".',
  why: 'ingress-nginx (strict-validate-path-type, on by default) refuses any other character in Exact and Prefix paths, so its admission webhook rejects the Ingress.',
  fix: 'Remove the characters, or write a regex path with pathType ImplementationSpecific and nginx.ingress.kubernetes.io/use-regex: "true".',
  check(ctx) {
    for (const o of ctx.ofKind('Ingress')) {
      const cls = classOf(o);
      if (!isNginxClass(cls)) continue;
      for (const p of pathsOf(o)) {
        if (pathProblem(p.path, str(p.pathType) ?? '')) continue; // reported by ING-002
        const problem = nginxPathProblem(p.path, str(p.pathType) ?? '');
        if (problem) ctx.report(o, `${p.where}.path ${JSON.stringify(p.path)} ${problem} (class ${cls})`);
      }
    }
  },
};
