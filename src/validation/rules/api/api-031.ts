import { asArray, isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { podSpecs } from '../../pod-spec';
import { Rule } from '../../rule';

const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

export const API_031: Rule = {
  id: 'API-031',
  severity: Severity.ERROR,
  family: RuleFamily.API_SERVER,
  what: 'Environment variable names must be letters, digits, \'_\', \'-\' or \'.\', not starting with a digit (Kubernetes 1.27).',
  why: 'The API server rejects the pod, and for controllers every pod they try to create.',
  fix: 'Rename the variable, e.g. MY_SETTING instead of "my setting" or 1ST_VALUE.',
  check(ctx) {
    for (const info of podSpecs(ctx)) {
      for (const c of info.containers) {
        asArray(c.container.env).forEach((e, i) => {
          if (!isObject(e)) return;
          const n = e.name;
          if (n === undefined || n === null || n === '') ctx.report(info.owner, `container ${c.name}: env[${i}] has no name`);
          else if (typeof n === 'string' && !ENV_VAR_NAME.test(n)) ctx.report(info.owner, `container ${c.name}: env name ${JSON.stringify(n)} is not a valid variable name`);
        });
        asArray(c.container.envFrom).forEach((e, i) => {
          if (isObject(e) && typeof e.prefix === 'string' && e.prefix !== '' && !ENV_VAR_NAME.test(e.prefix)) {
            ctx.report(info.owner, `container ${c.name}: envFrom[${i}].prefix ${JSON.stringify(e.prefix)} is not a valid variable name`);
          }
        });
      }
    }
  },
};
