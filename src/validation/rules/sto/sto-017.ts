import { str } from '../../../core/values';
import { NO_PROVISIONER, StorageCatalog } from '../../../knowledge/storage/catalog';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';
import { claimsOf } from '../../volumes';

export const STO_017: Rule = {
  id: 'STO-017',
  severity: Severity.ERROR,
  family: RuleFamily.STORAGE,
  what: 'A StorageClass (and a claim without volumeName) must not use a driver that cannot provision volumes, such as Mountpoint for S3.',
  why: 'The driver creates no volumes: every claim of the class stays Pending.',
  fix: 'Create a static PersistentVolume (storageClassName "") bound to the claim; SharedRwxVolume with SharedVolumeBackend.s3 does.',
  check(ctx) {
    const noDynamic = (prov: string | undefined) => {
      const s = prov ? StorageCatalog.forProvisioner(prov) : undefined;
      return s && !s.dynamicProvisioning && s.provisioner !== NO_PROVISIONER ? s : undefined;
    };
    for (const o of ctx.ofKind('StorageClass')) {
      const s = noDynamic(str(o.obj.provisioner));
      if (s) ctx.report(o, `provisioner ${s.provisioner} (${s.name}) cannot provision volumes dynamically`);
    }
    for (const c of claimsOf(ctx)) {
      if (str(c.spec.volumeName)) continue;
      const cls = ctx.classOfClaim(c.spec);
      const s = noDynamic(cls?.provisioner);
      if (s && !cls?.object) ctx.report(c.target, `${c.where}storage class ${cls!.name} uses ${s.provisioner} (${s.name}), which cannot provision volumes dynamically`);
    }
  },
};
