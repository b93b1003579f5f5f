import { str } from '../../../core/values';
import { StorageCatalog } from '../../../knowledge/storage/catalog';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const STO_005: Rule = {
  id: 'STO-005',
  severity: Severity.WARNING,
  family: RuleFamily.STORAGE,
  what: 'A StorageClass of a zonal driver should use WaitForFirstConsumer.',
  why: 'With Immediate binding the volume is created in a zone before the pod is scheduled; the pod then cannot run in any other zone ("volume node affinity conflict").',
  fix: 'Set volumeBindingMode: WaitForFirstConsumer.',
  check(ctx) {
    for (const o of ctx.ofKind('StorageClass')) {
      const prov = str(o.obj.provisioner);
      const system = prov ? StorageCatalog.forProvisioner(prov) : undefined;
      if (!system?.topologyKey) continue;
      const mode = o.obj.volumeBindingMode ?? 'Immediate';
      if (mode === 'Immediate') {
        ctx.report(o, `volumeBindingMode is Immediate but ${system.name} volumes are zonal (${system.topologyKey})`);
      }
    }
  },
};
