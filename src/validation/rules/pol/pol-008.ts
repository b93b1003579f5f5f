import { policyRule } from './helpers';
import { Rule } from '../../rule';

export const POL_008: Rule = policyRule('POL-008',
  'Objects must carry the annotations the platform requires (policy requiredAnnotations), e.g. an owner contact.',
  'On-call and cost tooling find the owner of an object through them; an object nobody owns is never cleaned up.',
  'Set the annotations, for example once for the app with PlatformDefaults.set(app, { annotations: {...} }).',
  (ctx, o, policy) => {
    const required = policy.requiredAnnotations;
    if (!required) return;
    const ann = o.annotations;
    const missing = required.filter((a) => typeof ann[a] !== 'string' || ann[a] === '');
    if (missing.length) ctx.report(o, `missing required annotation(s) ${missing.join(', ')}`);
  });
