import { str } from '../../../core/values';
import { StorageCatalog } from '../../../knowledge/storage/catalog';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const STO_001: Rule = {
  id: 'STO-001',
  severity: Severity.ERROR,
  family: RuleFamily.STORAGE,
  what: 'A StorageClass must not use a removed in-tree provisioner.',
  why: 'In-tree volume plugins were removed from Kubernetes: claims of such a class stay Pending forever.',
  fix: 'Use the CSI driver that replaced it (see the message) and install it in the cluster.',
  check(ctx) {
    for (const o of ctx.ofKind('StorageClass')) {
      const prov = str(o.obj.provisioner);
      if (!prov) continue;
      const system = StorageCatalog.forInTreeProvisioner(prov);
      if (!system || !system.inTreeRemovedIn) continue;
      const replacement = system.provisioner
        ? `Use the CSI provisioner ${system.provisioner}.`
        : `${system.name} has no maintained CSI driver: ${system.notes[0] ?? 'choose another storage system.'}`;
      ctx.report(o, `provisioner ${prov} (${system.name} in-tree plugin) was removed in Kubernetes ${system.inTreeRemovedIn}`,
        { fix: replacement });
    }
  },
};
