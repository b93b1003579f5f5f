import { str } from '../../../core/values';
import { StorageCatalog } from '../../../knowledge/storage/catalog';
import { ExpansionSupport } from '../../../knowledge/storage/types';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const STO_006: Rule = {
  id: 'STO-006',
  severity: Severity.WARNING,
  family: RuleFamily.STORAGE,
  what: 'allowVolumeExpansion should be set only where the driver can grow volumes.',
  why: 'Resizing a claim of a driver without expansion leaves it stuck in a resize condition forever.',
  fix: 'Remove allowVolumeExpansion, or use a driver that supports expansion.',
  check(ctx) {
    for (const o of ctx.ofKind('StorageClass')) {
      const prov = str(o.obj.provisioner);
      const system = prov ? StorageCatalog.forProvisioner(prov) : undefined;
      if (system && o.obj.allowVolumeExpansion === true && system.expansion === ExpansionSupport.NONE) {
        ctx.report(o, `allowVolumeExpansion is true but ${system.name} cannot expand volumes`);
      }
    }
  },
};
