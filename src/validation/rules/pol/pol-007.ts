import { policyRule } from './helpers';
import { Rule } from '../../rule';
import { classOf } from '../ing/helpers';

export const POL_007: Rule = policyRule('POL-007',
  'Ingresses must use an ingress class the platform runs (policy allowedIngressClasses).',
  'An Ingress of a class no controller serves is never routed: the site is simply down.',
  'Use one of the allowed ingress classes.',
  (ctx, o, policy) => {
    const allowed = policy.allowedIngressClasses;
    if (!allowed || o.kind !== 'Ingress') return;
    const cls = classOf(o); // spec.ingressClassName, else the annotation (GKE reads only the annotation)
    if (!cls || !allowed.includes(cls)) {
      ctx.report(o, `ingress class ${cls ?? '(none)'} is not allowed by the platform policy (allowed: ${allowed.join(', ')})`);
    }
  });
