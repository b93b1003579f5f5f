import { isObject, str } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';
import { claimsOf } from '../../volumes';

export const STO_025: Rule = {
  id: 'STO-025',
  severity: Severity.ERROR,
  family: RuleFamily.STORAGE,
  what: 'A claim restored from a VolumeSnapshot (dataSource or dataSourceRef) must use a class whose storage system supports snapshots.',
  why: 'A driver without CSI snapshots cannot create a volume from one: the claim stays Pending and the restore never happens.',
  fix: 'Restore into a class of the system that took the snapshot (one with snapshots), or restore at the application level.',
  check(ctx) {
    for (const c of claimsOf(ctx)) {
      const source = snapshotSource(c.spec);
      if (!source) continue;
      const cls = ctx.classOfClaim(c.spec);
      if (!cls?.capabilities || cls.capabilities.snapshots) continue;
      ctx.report(c.target, `${c.where}restores VolumeSnapshot ${source} into storage class ${cls.name} (${cls.system?.name ?? cls.provisioner ?? 'unknown driver'}), which does not support CSI snapshots`);
    }
  },
};

/**
 * The name of the VolumeSnapshot a claim spec restores, if any. A reference without apiGroup names a kind of the core
 * group, which has no VolumeSnapshot: the API server refuses it ("must be 'PersistentVolumeClaim' when referencing the
 * default apiGroup"), so nothing is restored.
 */
function snapshotSource(spec: Record<string, any>): string | undefined {
  for (const ref of [spec.dataSourceRef, spec.dataSource]) {
    if (isObject(ref) && ref.kind === 'VolumeSnapshot' && ref.apiGroup === 'snapshot.storage.k8s.io') return str(ref.name) ?? '(unnamed)';
  }
  return undefined;
}
