import type { PersistentVolumeAccessMode } from 'cdk8s-plus-27';
import { systemOfPv, volumeModeOf } from './helpers';
import { accessModesFor } from '../../../knowledge/storage/catalog';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';
import { KNOWN_MODES, modesOf, pvSpec } from '../../volumes';

export const STO_018: Rule = {
  id: 'STO-018',
  severity: Severity.ERROR,
  family: RuleFamily.STORAGE,
  what: 'A PersistentVolume may only offer access modes its driver supports (Mountpoint for S3: ReadWriteMany and ReadOnlyMany only).',
  why: 'The driver refuses to mount the volume with a mode it lacks: the pods stay in ContainerCreating.',
  fix: 'Use an access mode the driver supports (see the message).',
  check(ctx) {
    for (const pv of ctx.ofKind('PersistentVolume')) {
      const spec = pvSpec(pv);
      const system = systemOfPv(spec);
      if (!system) continue;
      const vm = volumeModeOf(spec);
      const supported = accessModesFor(system, vm);
      for (const m of modesOf(spec)) {
        if (typeof m !== 'string' || !KNOWN_MODES.has(m) || supported.includes(m as PersistentVolumeAccessMode)) continue;
        ctx.report(pv, `${m} with volumeMode ${vm} is not supported by ${system.name}; it supports ${supported.join(', ') || 'no access mode'}`);
      }
    }
  },
};
