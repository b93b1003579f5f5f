import { sharedAlternatives } from './helpers';
import { StorageCatalog } from '../../../knowledge/storage/catalog';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';
import { pvSpec, sourcesOf } from '../../volumes';

/** Whether Kubernetes version a (e.g. "1.26") is at most b. */
function minorAtMost(a: string, b: string): boolean {
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1 < b1 || (a1 === b1 && a2 <= b2);
}

/** Kubernetes version the library targets. */
const TARGET = '1.27';

export const STO_020: Rule = {
  id: 'STO-020',
  severity: Severity.ERROR,
  family: RuleFamily.STORAGE,
  what: 'A PersistentVolume must not use a removed in-tree volume plugin (glusterfs, awsElasticBlockStore, azureDisk, cinder, ...).',
  why: 'Kubernetes no longer has the code to mount it: the volume never mounts. Plugins removed after the target version warn before the upgrade breaks them.',
  fix: 'Use the CSI driver that replaced the plugin (a PV with spec.csi), or move the data to a system with a maintained driver.',
  check(ctx) {
    for (const pv of ctx.ofKind('PersistentVolume')) {
      for (const key of sourcesOf(pvSpec(pv))) {
        const s = StorageCatalog.forInTreePlugin(key);
        if (!s?.inTreeRemovedIn) continue;
        const fix = s.provisioner
          ? `Use the CSI driver ${s.provisioner}: a PersistentVolume with spec.csi.driver ${s.provisioner}.`
          : `${s.name} has no maintained CSI driver; move the data to ${sharedAlternatives()}.`;
        const removed = minorAtMost(s.inTreeRemovedIn, TARGET);
        ctx.report(pv, removed
          ? `spec.${key} (${s.name} in-tree plugin) was removed in Kubernetes ${s.inTreeRemovedIn}`
          : `spec.${key} (${s.name} in-tree plugin) is removed in Kubernetes ${s.inTreeRemovedIn}: the volume stops mounting after that upgrade`,
        { fix, severity: removed ? Severity.ERROR : Severity.WARNING });
      }
    }
  },
};
