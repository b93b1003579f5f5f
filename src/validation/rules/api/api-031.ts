import { asArray, isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { podSpecs } from '../../pod-spec';
import { Rule, RuleContext } from '../../rule';

/** Names before Kubernetes 1.32: letters, digits, '_', '-' or '.', not starting with a digit. */
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
/**
 * Names from Kubernetes 1.32 (RelaxedEnvironmentVariableValidation, KEP-4369: beta and on by default in 1.32, GA in
 * 1.34): any printable ASCII character (space to ~) except '='.
 */
const RELAXED_ENV_VAR_NAME = /^[ -<>-~]+$/;
/** The minor from which the API server accepts the relaxed names by default. */
const RELAXED_SINCE = '1.32';

function validName(ctx: RuleContext, name: string): boolean {
  return ctx.targetAtLeast(RELAXED_SINCE) ? RELAXED_ENV_VAR_NAME.test(name) : ENV_VAR_NAME.test(name);
}

export const API_031: Rule = {
  id: 'API-031',
  severity: Severity.ERROR,
  family: RuleFamily.API_SERVER,
  what: 'Environment variable names must be valid for the target minor: from 1.32 any printable ASCII but \'=\'; before, letters, digits, \'_\', \'-\' or \'.\', not starting with a digit.',
  why: 'The API server rejects the pod, and for controllers every pod they try to create.',
  fix: 'Rename the variable, e.g. MY_SETTING instead of "my=setting" (or "my setting" before Kubernetes 1.32).',
  check(ctx) {
    for (const info of podSpecs(ctx)) {
      for (const c of info.containers) {
        asArray(c.container.env).forEach((e, i) => {
          if (!isObject(e)) return;
          const n = e.name;
          if (n === undefined || n === null || n === '') ctx.report(info.owner, `container ${c.name}: env[${i}] has no name`);
          else if (typeof n === 'string' && !validName(ctx, n)) ctx.report(info.owner, `container ${c.name}: env name ${JSON.stringify(n)} is not a valid variable name in Kubernetes ${ctx.kubernetesVersion}`);
        });
        asArray(c.container.envFrom).forEach((e, i) => {
          if (isObject(e) && typeof e.prefix === 'string' && e.prefix !== '' && !validName(ctx, e.prefix)) {
            ctx.report(info.owner, `container ${c.name}: envFrom[${i}].prefix ${JSON.stringify(e.prefix)} is not a valid variable name in Kubernetes ${ctx.kubernetesVersion}`);
          }
        });
      }
    }
  },
};
