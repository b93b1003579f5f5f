import { str } from '../../../core/values';
import { StorageCatalog } from '../../../knowledge/storage/catalog';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const STO_004: Rule = {
  id: 'STO-004',
  severity: Severity.ERROR,
  family: RuleFamily.STORAGE,
  what: 'A VolumeSnapshotClass must name a driver that supports snapshots.',
  why: 'Snapshots of a driver without snapshot support never become ready, so backups silently do not exist.',
  fix: 'Remove the VolumeSnapshotClass, or use the CSI driver name of a system with snapshots.',
  check(ctx) {
    for (const o of ctx.ofKind('VolumeSnapshotClass')) {
      const driver = str(o.obj.driver);
      if (!driver) continue;
      const system = StorageCatalog.forProvisioner(driver);
      if (system && !system.snapshots) {
        ctx.report(o, `driver ${driver} (${system.name}) does not support CSI snapshots`);
      }
      const inTree = StorageCatalog.forInTreeProvisioner(driver);
      if (inTree) ctx.report(o, `driver ${driver} is an in-tree provisioner name; snapshots need a CSI driver${inTree.provisioner ? ` (${inTree.provisioner})` : ''}`);
    }
  },
};
