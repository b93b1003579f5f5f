import { labelMaps } from './label-maps';
import { labelValueError, memo } from './names';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

const valueError = memo((v) => labelValueError(v));

export const API_023: Rule = {
  id: 'API-023',
  severity: Severity.ERROR,
  family: RuleFamily.API_SERVER,
  what: 'Label values (and selector values) must be empty or at most 63 letters, digits, \'-\', \'_\' or \'.\', starting and ending with a letter or digit.',
  why: 'The API server rejects the object; versions like "1.0+build" or long descriptions belong in annotations.',
  fix: 'Shorten or simplify the value, or move free text to an annotation.',
  check(ctx) {
    for (const m of labelMaps(ctx)) {
      for (const [key, value] of Object.entries(m.labels)) {
        if (typeof value !== 'string') continue; // the schema reports the type
        const e = valueError(value);
        if (e) ctx.report(m.owner, `${m.path}.${key} value ${JSON.stringify(value.length > 80 ? value.slice(0, 80) + '...' : value)} ${e}`);
      }
    }
  },
};
