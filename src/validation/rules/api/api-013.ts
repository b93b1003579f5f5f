import { RuleFamily, Severity } from '../../finding';
import { ManifestObject, Rule } from '../../rule';
import { claimsOf, KNOWN_MODES, modesOf, pvSpec } from '../../volumes';

export const API_013: Rule = {
  id: 'API-013',
  severity: Severity.ERROR,
  family: RuleFamily.API_SERVER,
  what: 'Access modes must be ReadWriteOnce, ReadOnlyMany, ReadWriteMany or ReadWriteOncePod; volumeMode Filesystem or Block.',
  why: 'The API server rejects any other value ("Unsupported value").',
  fix: 'Use the exact Kubernetes spelling, e.g. ReadWriteMany and Filesystem.',
  check(ctx) {
    const check = (o: ManifestObject, spec: any, where: string) => {
      for (const m of modesOf(spec)) {
        if (typeof m !== 'string' || !KNOWN_MODES.has(m)) ctx.report(o, `${where}access mode ${JSON.stringify(m)} is not a Kubernetes access mode`);
      }
      const vm = spec.volumeMode;
      if (vm !== undefined && vm !== null && vm !== 'Filesystem' && vm !== 'Block') ctx.report(o, `${where}volumeMode ${JSON.stringify(vm)} is not Filesystem or Block`);
    };
    for (const c of claimsOf(ctx)) check(c.target, c.spec, c.where);
    for (const pv of ctx.ofKind('PersistentVolume')) check(pv, pvSpec(pv), '');
  },
};
