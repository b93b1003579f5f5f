import { isBuiltinGroup, schemasOf } from './helpers';
import { RuleFamily, Severity } from '../../finding';
import { ManifestObject, Rule } from '../../rule';

export const SCH_005: Rule = {
  id: 'SCH-005',
  severity: Severity.WARNING,
  family: RuleFamily.SCHEMA,
  what: 'Objects of a kind with no known schema (neither built in for the target minor nor of a known CRD) are not validated; reported once per kind.',
  why: 'Their fields, types and required fields go unchecked: a typo reaches the cluster, where the CRD\'s schema prunes or refuses it.',
  fix: 'Give the validator the kind\'s CustomResourceDefinition: --crd FILE on the CLI, GoldenPathValidation.of(app).addCrd(crd) at synth, customResourceDefinitions in ValidateOptions, or the CRD among the objects.',
  check(ctx) {
    const schemas = schemasOf(ctx);
    const unknown = new Map<string, ManifestObject[]>();
    for (const o of ctx.objects) {
      if (schemas.lookup(o.apiVersion, o.kind)) continue;
      if (schemas.servedRange(o.apiVersion, o.kind) || (isBuiltinGroup(o.apiVersion) && schemas.builtinApiVersionsOf(o.kind).length > 0)) continue; // SCH-004
      const key = `${o.apiVersion}/${o.kind}`;
      const list = unknown.get(key) ?? [];
      list.push(o);
      unknown.set(key, list);
    }
    for (const [, list] of unknown) {
      const first = list[0];
      const versions = schemas.crdVersionsOf(first.apiVersion, first.kind);
      const count = list.length === 1 ? 'its object is' : `its ${list.length} objects are`;
      const known = versions.length > 0 ? ` (the known CustomResourceDefinition serves ${first.kind} in ${versions.join(', ')})` : '';
      ctx.report(first, `no schema known for ${first.kind} in apiVersion ${first.apiVersion}${known}: ${count} not validated against a schema`);
    }
  },
};
