import type { PersistentVolumeAccessMode } from 'cdk8s-plus-27';
import { SHARED, volumeModeOf } from './helpers';
import { accessModesFor } from '../../../knowledge/storage/catalog';
import { StorageKind } from '../../../knowledge/storage/types';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';
import { claimsOf, KNOWN_MODES, modesOf } from '../../volumes';

export const STO_011: Rule = {
  id: 'STO-011',
  severity: Severity.ERROR,
  family: RuleFamily.STORAGE,
  what: 'A claim may only ask access modes its class\'s storage system supports for the volume mode.',
  why: 'The driver refuses the volume: the claim stays Pending and the pods never start.',
  fix: 'Use an access mode and volume mode the system supports (see the message), or another storage class.',
  check(ctx) {
    for (const c of claimsOf(ctx)) {
      const cls = ctx.classOfClaim(c.spec);
      const caps = cls?.capabilities;
      if (!cls || !caps) continue;
      const vm = volumeModeOf(c.spec);
      const supported = accessModesFor(caps, vm);
      const blockOnly = (caps.kind === StorageKind.BLOCK || caps.kind === StorageKind.LOCAL) && vm !== 'Block';
      for (const m of modesOf(c.spec)) {
        if (typeof m !== 'string' || !KNOWN_MODES.has(m) || supported.includes(m as PersistentVolumeAccessMode)) continue;
        if (blockOnly && SHARED.has(m)) continue; // STO-010
        const name = cls.system?.name ?? cls.provisioner ?? 'unknown driver';
        ctx.report(c.target, `${c.where}${m} with volumeMode ${vm} is not supported by storage class ${cls.name} (${name}); it supports ${supported.join(', ') || 'no access mode'} for ${vm}`);
      }
    }
  },
};
