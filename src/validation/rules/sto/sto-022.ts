import { systemOfPv } from './helpers';
import { StorageKind } from '../../../knowledge/storage/types';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';
import { pvSpec } from '../../volumes';

export const STO_022: Rule = {
  id: 'STO-022',
  severity: Severity.WARNING,
  family: RuleFamily.STORAGE,
  what: 'An object-storage volume (S3 through Mountpoint) is not a POSIX file system.',
  why: 'No random writes, no rename, one writer per file, and every file operation is an S3 request: applications that expect a disk fail or crawl.',
  fix: 'Use it for large sequential reads and write-once output; use a file storage class for anything that edits files.',
  check(ctx) {
    for (const pv of ctx.ofKind('PersistentVolume')) {
      const s = systemOfPv(pvSpec(pv));
      if (s?.kind !== StorageKind.OBJECT) continue;
      ctx.report(pv, `${s.name}: ${s.notes.slice(1).join(' ')}`.replace(/\.$/, ''));
    }
  },
};
