import { sharedAlternatives } from './helpers';
import { asArray, isObject } from '../../../core/values';
import { InTreeRemoval, removedInTreePlugin } from '../../../knowledge/storage/in-tree';
import { RuleFamily, Severity } from '../../finding';
import { podSpecs } from '../../pod-spec';
import { ManifestObject, Rule, RuleContext } from '../../rule';
import { pvSpec, sourcesOf } from '../../volumes';

function fixFor(r: InTreeRemoval, inline: boolean): string {
  const driver = r.system?.provisioner;
  if (driver) {
    return inline
      ? `Use the CSI driver ${driver}: a PersistentVolumeClaim of a StorageClass with provisioner ${driver} (or a csi volume), mounted by the pod.`
      : `Use the CSI driver ${driver}: a PersistentVolume with spec.csi.driver ${driver}.`;
  }
  return `${r.name} has no maintained in-tree support; move the data to ${sharedAlternatives()}.`;
}

/** Reports one use of a removed plugin: an error when the target no longer has it, else a warning naming the version. */
function reportUse(ctx: RuleContext, o: ManifestObject, where: string, r: InTreeRemoval, inline: boolean): void {
  const gone = ctx.removedOnTarget(r.removedIn);
  ctx.report(o, gone
    ? `${where} (${r.name} in-tree plugin) was removed in Kubernetes ${r.removedIn}`
    : `${where} (${r.name} in-tree plugin) is removed in Kubernetes ${r.removedIn} (the target is ${ctx.kubernetesVersion}): the volume stops mounting after that upgrade`,
  { fix: fixFor(r, inline), severity: gone ? Severity.ERROR : Severity.WARNING });
}

export const STO_020: Rule = {
  id: 'STO-020',
  severity: Severity.ERROR,
  family: RuleFamily.STORAGE,
  what: 'A PersistentVolume or a pod\'s inline volume must not use an in-tree volume plugin the target minor no longer has (glusterfs, awsElasticBlockStore, quobyte, scaleIO, ...).',
  why: 'Kubernetes no longer has the code to mount it: the volume never mounts. Plugins removed after the target version warn before the upgrade breaks them.',
  fix: 'Use the CSI driver that replaced the plugin (a PV with spec.csi), or move the data to a system with a maintained driver.',
  check(ctx) {
    for (const pv of ctx.ofKind('PersistentVolume')) {
      for (const key of sourcesOf(pvSpec(pv))) {
        const r = removedInTreePlugin(key);
        if (r) reportUse(ctx, pv, `spec.${key}`, r, false);
      }
    }
    for (const info of podSpecs(ctx)) {
      asArray(info.spec.volumes).forEach((v: unknown, i: number) => {
        if (!isObject(v)) return;
        for (const key of Object.keys(v)) {
          if (v[key] === undefined || v[key] === null) continue; // Kubernetes reads a null source as absent
          const r = removedInTreePlugin(key);
          if (r) reportUse(ctx, info.owner, `${info.path}.volumes[${i}].${key}`, r, true);
        }
      });
    }
  },
};
