import { dnsLabelError } from './names';
import { asArray, isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { podSpecs } from '../../pod-spec';
import { Rule } from '../../rule';

export const API_033: Rule = {
  id: 'API-033',
  severity: Severity.ERROR,
  family: RuleFamily.API_SERVER,
  what: 'Pod volume names must be DNS labels.',
  why: 'The API server rejects the pod, and for controllers every pod they try to create.',
  fix: 'Name the volume with lowercase letters, digits and \'-\', at most 63 characters (and use the same name in volumeMounts).',
  check(ctx) {
    for (const info of podSpecs(ctx)) {
      asArray(info.spec.volumes).forEach((v, i) => {
        if (!isObject(v)) return;
        if (v.name === undefined || v.name === null || v.name === '') {
          ctx.report(info.owner, `${info.path}.volumes[${i}] has no name`);
          return;
        }
        if (typeof v.name !== 'string') return;
        const e = dnsLabelError(v.name);
        if (e) ctx.report(info.owner, `${info.path}.volumes[${i}].name ${JSON.stringify(v.name)} ${e}`);
      });
    }
  },
};
