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
    /** Keys the scheduler and every topology-aware driver understand. */
    const GENERIC_KEYS: ReadonlySet<string> = new Set(['topology.kubernetes.io/zone']);
    for (const o of ctx.ofKind('StorageClass')) {
      const prov = str(o.obj.provisioner);
      const system = prov ? StorageCatalog.forProvisioner(prov) : undefined;
      if (!system) continue;
      for (const term of asArray(o.obj.allowedTopologies)) {
        for (const expr of asArray(term?.matchLabelExpressions)) {
          const key = str(expr?.key);
          const zonal = system.topologyKey !== undefined || system.topologyKeyPrefix !== undefined;
          if (!key || key === system.topologyKey || (zonal && GENERIC_KEYS.has(key))) continue;
          if (system.topologyKeyPrefix) {
            if (!key.startsWith(system.topologyKeyPrefix)) {
              ctx.report(o, `allowedTopologies key ${key} is not reported by ${system.name}`, { fix: `Use a key of the form ${system.topologyKeyPrefix}<label> that your ${system.name} deployment sets.` });
            }
          } else if (system.topologyKey) {
            ctx.report(o, `allowedTopologies key ${key} is not reported by ${system.name}`, { fix: `Use ${system.topologyKey}.` });
          } else {
            // the scheduler still confines pods to the nodes the terms select, but the driver places volumes without them
            ctx.report(o, `allowedTopologies key ${key}: ${system.name} volumes are not zonal (the driver reports no topology), so the terms only confine pods`,
              { fix: 'Remove allowedTopologies; use node affinity on the workload if pods must run in some zones.', severity: Severity.WARNING });
          }
        }
      }
    }
  },
};
