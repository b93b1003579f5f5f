import { asArray } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';
import { pvSpec, sourcesOf } from '../../volumes';

export const STO_024: Rule = {
  id: 'STO-024',
  severity: Severity.ERROR,
  family: RuleFamily.STORAGE,
  what: 'Mount options only on volume types that take them (not hostPath).',
  why: 'The kubelet refuses to mount such a volume ("mount options are not supported for this volume type"): the pods never start.',
  fix: 'Remove mountOptions from the PersistentVolume.',
  check(ctx) {
    /** Volume types whose kubelet plugin refuses mount options (the mount fails: "mount options are not supported for this volume type"). */
    const NO_MOUNT_OPTIONS = ['hostPath'];
    for (const pv of ctx.ofKind('PersistentVolume')) {
      const spec = pvSpec(pv);
      if (asArray(spec.mountOptions).length === 0) continue;
      for (const key of sourcesOf(spec)) {
        if (NO_MOUNT_OPTIONS.includes(key)) ctx.report(pv, `mountOptions are set on a ${key} volume`);
      }
    }
  },
};
