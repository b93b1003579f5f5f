import { asArray, str } from '../../../core/values';
import { StorageCatalog } from '../../../knowledge/storage/catalog';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const STO_007: Rule = {
  id: 'STO-007',
  severity: Severity.ERROR,
  family: RuleFamily.STORAGE,
  what: 'allowedTopologies must use the topology key the driver reports.',
  why: 'A key the driver does not report matches no node: no volume is ever provisioned.',
  fix: 'Use the driver\'s topology key (see the message).',
  check(ctx) {
    for (const o of ctx.ofKind('StorageClass')) {
      const prov = str(o.obj.provisioner);
      const system = prov ? StorageCatalog.forProvisioner(prov) : undefined;
      if (!system?.topologyKey) continue;
      for (const term of asArray(o.obj.allowedTopologies)) {
        for (const expr of asArray(term?.matchLabelExpressions)) {
          const key = str(expr?.key);
          if (key && key !== system.topologyKey && key !== 'topology.kubernetes.io/zone') {
            ctx.report(o, `allowedTopologies key ${key} is not reported by ${system.name}`, { fix: `Use ${system.topologyKey}.` });
          }
        }
      }
    }
  },
};
