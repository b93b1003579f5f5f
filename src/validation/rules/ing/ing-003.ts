import { controllerOf, pathsOf } from './helpers';
import { str } from '../../../core/values';
import { pathProblem } from '../../../knowledge/routing/paths';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const ING_003: Rule = {
  id: 'ING-003',
  severity: Severity.ERROR,
  family: RuleFamily.INGRESS,
  what: 'Paths use only the characters the Ingress\'s controller accepts: ingress-nginx allows letters, digits, "-", "_" and "/" in Exact and Prefix paths; an ALB path condition holds at most 128 characters of letters, digits and _-.$/~"\'@:+&.',
  why: 'ingress-nginx (strict-validate-path-type, on by default) refuses other characters, so its admission webhook rejects the Ingress; the AWS Load Balancer Controller cannot build the ALB rule. Controllers without such rules are not checked.',
  fix: 'Remove the characters; with ingress-nginx, write a regex path with pathType ImplementationSpecific and nginx.ingress.kubernetes.io/use-regex: "true".',
  check(ctx) {
    for (const o of ctx.ofKind('Ingress')) {
      const controller = controllerOf(ctx, o);
      if (!controller?.pathProblem) continue;
      for (const p of pathsOf(o)) {
        if (pathProblem(p.path, str(p.pathType) ?? '')) continue; // reported by ING-002
        const problem = controller.pathProblem(p.path, str(p.pathType) ?? '');
        if (problem) ctx.report(o, `${p.where}.path ${JSON.stringify(p.path)} ${problem} (${controller.name})`);
      }
    }
  },
};
