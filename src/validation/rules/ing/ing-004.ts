import { pathsOf } from './helpers';
import { PATH_TYPES } from '../../../knowledge/routing/paths';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const ING_004: Rule = {
  id: 'ING-004',
  severity: Severity.ERROR,
  family: RuleFamily.INGRESS,
  what: 'Every Ingress path must have a pathType of Exact, Prefix or ImplementationSpecific.',
  why: 'pathType is required in networking.k8s.io/v1: the API server refuses a path without it.',
  fix: 'Set pathType: Prefix (the path and everything under it) or Exact.',
  check(ctx) {
    for (const o of ctx.ofKind('Ingress')) {
      for (const p of pathsOf(o)) {
        if (p.pathType === undefined) ctx.report(o, `${p.where}.pathType is missing`);
        else if (!PATH_TYPES.includes(p.pathType as string)) ctx.report(o, `${p.where}.pathType ${JSON.stringify(p.pathType)} is not Exact, Prefix or ImplementationSpecific`);
      }
    }
  },
};
