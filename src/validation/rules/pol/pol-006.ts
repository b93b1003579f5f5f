import { policyRule } from './helpers';
import { Rule } from '../../rule';

export const POL_006: Rule = policyRule('POL-006',
  'Objects must carry the labels the platform requires (policy requiredLabels).',
  'Cost reports, ownership and alert routing read these labels.',
  'Set the labels, for example once for the app with PlatformDefaults.set(app, { labels: {...} }).',
  (ctx, o, policy) => {
    const required = policy.requiredLabels;
    if (!required) return;
    const labels = o.labels;
    const missing = required.filter((l) => typeof labels[l] !== 'string' || labels[l] === '');
    if (missing.length) ctx.report(o, `missing required label(s) ${missing.join(', ')}`);
  });
