import type { PersistentVolumeAccessMode } from 'cdk8s-plus-27';
import { SHARED, sharedAlternatives, volumeModeOf } from './helpers';
import { isObject } from '../../../core/values';
import { StorageKind } from '../../../knowledge/storage/types';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';
import { claimsOf, modesOf } from '../../volumes';

export const STO_010: Rule = {
  id: 'STO-010',
  severity: Severity.ERROR,
  family: RuleFamily.STORAGE,
  what: 'A claim must not ask ReadWriteMany or ReadOnlyMany of a block storage class.',
  why: 'A block device is attached to one node at a time: the claim never binds, or, on multi-attach disks, two nodes writing ext4/xfs corrupt it.',
  fix: 'Use a class of a system that gives the mode to Filesystem claims (the message lists them for the mode asked): SharedRwxVolume checks it.',
  check(ctx) {
    for (const c of claimsOf(ctx)) {
      const cls = ctx.classOfClaim(c.spec);
      const caps = cls?.capabilities;
      if (!cls || !caps || (caps.kind !== StorageKind.BLOCK && caps.kind !== StorageKind.LOCAL)) continue;
      if (volumeModeOf(c.spec) === 'Block') continue;
      const supported = caps.filesystemAccessModes;
      for (const m of modesOf(c.spec)) {
        if (typeof m !== 'string' || !SHARED.has(m) || supported.includes(m as PersistentVolumeAccessMode)) continue;
        const name = cls.system?.name ?? cls.provisioner ?? 'unknown driver';
        const why = caps.kind === StorageKind.LOCAL
          ? 'node-local storage: its volume lives on one node, so pods on other nodes never get it'
          : 'a block device attaches to one node at a time';
        const params = isObject(cls.object?.obj.parameters) ? cls.object!.obj.parameters : undefined;
        const alternatives = sharedAlternatives(m, cls.system, params);
        ctx.report(c.target, `${c.where}${m} on storage class ${cls.name} (${name}, ${caps.kind} storage, Filesystem modes: ${supported.join(', ') || 'none'}): ${why}`,
          { fix: alternatives ? `Use a class of a system that gives ${m} to Filesystem claims: ${alternatives}.` : `No storage system the library knows gives ${m} to Filesystem claims: use ReadWriteOnce.` });
      }
    }
  },
};
