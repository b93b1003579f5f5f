import { labelMaps } from './label-maps';
import { memo, qualifiedNameError } from './names';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

const keyError = memo((k) => qualifiedNameError(k));

export const API_022: Rule = {
  id: 'API-022',
  severity: Severity.ERROR,
  family: RuleFamily.API_SERVER,
  what: 'Label and annotation keys must be qualified names: an optional DNS-subdomain prefix and \'/\', then at most 63 letters, digits, \'-\', \'_\' or \'.\'.',
  why: 'The API server rejects the object with an invalid key.',
  fix: 'Rename the key, e.g. example.com/my-key; keys with spaces, several \'/\' or a capitalized prefix are invalid.',
  check(ctx) {
    for (const m of labelMaps(ctx)) {
      for (const key of Object.keys(m.labels)) {
        const e = keyError(key);
        if (e) ctx.report(m.owner, `${m.path} key ${JSON.stringify(key)} ${e}`);
      }
    }
    for (const o of ctx.objects) {
      for (const key in o.annotations) {
        const e = keyError(key);
        if (e) ctx.report(o, `metadata.annotations key ${JSON.stringify(key)} ${e}`);
      }
    }
  },
};
