import { str } from '../../../core/values';
import { InTreeRemoval, removedInTreeProvisioner } from '../../../knowledge/storage/in-tree';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

/** How to replace a removed in-tree provisioner. */
function replacement(r: InTreeRemoval): string {
  if (r.system?.provisioner) return `Use the CSI provisioner ${r.system.provisioner}.`;
  if (r.system) return `${r.name}: ${r.system.notes[0] ?? 'it has no maintained CSI driver; choose another storage system.'}`;
  return `${r.name} has no in-tree support left: use its vendor's CSI driver, or move the data to a storage system of the catalog.`;
}

export const STO_001: Rule = {
  id: 'STO-001',
  severity: Severity.ERROR,
  family: RuleFamily.STORAGE,
  what: 'A StorageClass must not use an in-tree provisioner the target Kubernetes minor no longer has (one removed later is a warning that names the version).',
  why: 'In-tree volume plugins were removed from Kubernetes: claims of such a class stay Pending forever.',
  fix: 'Use the CSI driver that replaced it (see the message) and install it in the cluster.',
  check(ctx) {
    for (const o of ctx.ofKind('StorageClass')) {
      const prov = str(o.obj.provisioner);
      if (!prov) continue;
      const r = removedInTreeProvisioner(prov);
      if (!r) continue;
      const gone = ctx.removedOnTarget(r.removedIn);
      ctx.report(o, gone
        ? `provisioner ${prov} (${r.name} in-tree plugin) was removed in Kubernetes ${r.removedIn}`
        : `provisioner ${prov} (${r.name} in-tree plugin) is removed in Kubernetes ${r.removedIn} (the target is ${ctx.kubernetesVersion}): its claims stay Pending after that upgrade`,
      { fix: replacement(r), severity: gone ? Severity.ERROR : Severity.WARNING });
    }
  },
};
