import { ProblemSeverity } from '../../../core/problems';
import { isObject, str } from '../../../core/values';
import { StorageCatalog } from '../../../knowledge/storage/catalog';
import { parameterFindings } from '../../../knowledge/storage/parameters';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const STO_002: Rule = {
  id: 'STO-002',
  severity: Severity.ERROR,
  family: RuleFamily.STORAGE,
  what: 'StorageClass parameters must be ones the driver reads, with values it accepts.',
  why: 'A value out of the driver\'s range fails every provisioning; an unknown key is ignored, so the setting you meant is not applied.',
  fix: 'Use the keys and values from the driver\'s documentation (see the message).',
  check(ctx) {
    for (const o of ctx.ofKind('StorageClass')) {
      const prov = str(o.obj.provisioner);
      const system = prov ? StorageCatalog.forProvisioner(prov) : undefined;
      if (!system || !isObject(o.obj.parameters)) continue;
      for (const f of parameterFindings(system, o.obj.parameters)) {
        ctx.report(o, f.message, { fix: f.problem.fix, severity: f.problem.severity === ProblemSeverity.WARNING ? Severity.WARNING : Severity.ERROR });
      }
    }
  },
};
