import { dnsLabelError } from './names';
import { RuleFamily, Severity } from '../../finding';
import { podSpecs } from '../../pod-spec';
import { Rule } from '../../rule';

export const API_030: Rule = {
  id: 'API-030',
  severity: Severity.ERROR,
  family: RuleFamily.API_SERVER,
  what: 'Every container (init and ephemeral too) needs a name that is a DNS label.',
  why: 'The API server rejects the pod, and for controllers every pod they try to create.',
  fix: 'Name the container with lowercase letters, digits and \'-\', at most 63 characters.',
  check(ctx) {
    for (const info of podSpecs(ctx)) {
      for (const c of info.containers) {
        const name = c.container.name;
        if (name === undefined || name === null || name === '') {
          ctx.report(info.owner, `${info.path}.${c.path} has no name`);
          continue;
        }
        if (typeof name !== 'string') continue;
        const e = dnsLabelError(name);
        if (e) ctx.report(info.owner, `${info.path}.${c.path}.name ${JSON.stringify(name)} ${e}`);
      }
    }
  },
};
