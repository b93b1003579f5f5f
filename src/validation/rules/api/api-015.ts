import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';
import { pvSpec, sourcesOf } from '../../volumes';

export const API_015: Rule = {
  id: 'API-015',
  severity: Severity.ERROR,
  family: RuleFamily.API_SERVER,
  what: 'A PersistentVolume has exactly one volume source (nfs, csi, hostPath, local, ...).',
  why: 'The API server rejects a volume with no source or with several ("may not specify more than 1 volume type").',
  fix: 'Keep one volume source in the PersistentVolume spec.',
  check(ctx) {
    for (const pv of ctx.ofKind('PersistentVolume')) {
      const sources = sourcesOf(pvSpec(pv));
      if (sources.length === 0) ctx.report(pv, 'has no volume source');
      else if (sources.length > 1) ctx.report(pv, `has ${sources.length} volume sources: ${sources.join(', ')}`);
    }
  },
};
