import { INGRESS_CLASS_ANNOTATION } from '../../../core/conventions';
import { isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const ING_010: Rule = {
  id: 'ING-010',
  severity: Severity.ERROR,
  family: RuleFamily.INGRESS,
  what: 'The kubernetes.io/ingress.class annotation must equal spec.ingressClassName when both are set.',
  why: 'The API server refuses to create an Ingress whose annotation and class disagree.',
  fix: 'Remove the deprecated kubernetes.io/ingress.class annotation and keep spec.ingressClassName.',
  check(ctx) {
    for (const o of ctx.ofKind('Ingress')) {
      const ann = o.annotations[INGRESS_CLASS_ANNOTATION];
      const cls = isObject(o.obj.spec) ? o.obj.spec.ingressClassName : undefined;
      if (ann !== undefined && cls !== undefined && ann !== cls) {
        ctx.report(o, `annotation ${INGRESS_CLASS_ANNOTATION} ${JSON.stringify(ann)} disagrees with spec.ingressClassName ${JSON.stringify(cls)}`);
      }
    }
  },
};
