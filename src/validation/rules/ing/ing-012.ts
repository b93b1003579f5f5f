import { asArray, isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const ING_012: Rule = {
  id: 'ING-012',
  severity: Severity.ERROR,
  family: RuleFamily.INGRESS,
  what: 'An Ingress must have rules or a default backend.',
  why: 'The API server refuses an Ingress with neither: it would route nothing.',
  fix: 'Add a rule with a host and path, or set spec.defaultBackend.',
  check(ctx) {
    for (const o of ctx.ofKind('Ingress')) {
      const spec = isObject(o.obj.spec) ? o.obj.spec : {};
      if (asArray(spec.rules).length === 0 && spec.defaultBackend === undefined) ctx.report(o, 'spec has neither rules nor defaultBackend');
    }
  },
};
