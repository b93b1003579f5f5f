import { isObject } from '../../../core/values';
import { MAX_PARAMETERS, MAX_PARAMETERS_BYTES, parametersSize } from '../../../knowledge/storage/parameters';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const API_003: Rule = {
  id: 'API-003',
  severity: Severity.ERROR,
  family: RuleFamily.API_SERVER,
  what: `A StorageClass has at most ${MAX_PARAMETERS} parameters, ${MAX_PARAMETERS_BYTES / 1024} KiB in total, and a non-empty provisioner.`,
  why: 'The API server rejects larger parameter maps and an empty provisioner.',
  fix: 'Remove parameters the driver does not need; set the CSI driver name as provisioner.',
  check(ctx) {
    for (const o of ctx.ofKind('StorageClass')) {
      if (typeof o.obj.provisioner === 'string' && o.obj.provisioner.trim() === '') ctx.report(o, 'provisioner is empty');
      const params = isObject(o.obj.parameters) ? o.obj.parameters : {};
      const count = Object.keys(params).length;
      if (count > MAX_PARAMETERS) ctx.report(o, `${count} parameters, more than ${MAX_PARAMETERS}`);
      const size = parametersSize(params);
      if (size > MAX_PARAMETERS_BYTES) ctx.report(o, `parameters take ${size} bytes, more than ${MAX_PARAMETERS_BYTES}`);
    }
  },
};
