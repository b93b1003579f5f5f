import { RuleFamily, Severity } from '../../finding';
import { ManifestObject, Rule } from '../../rule';

export const API_040: Rule = {
  id: 'API-040',
  severity: Severity.ERROR,
  family: RuleFamily.API_SERVER,
  what: 'Each object (API group, kind, namespace, name) must appear once in the input.',
  why: 'kubectl apply applies both in turn: the later one silently overwrites the earlier, so what runs is not what one of them says.',
  fix: 'Remove one of the two, or rename one (a different namespace or name).',
  check(ctx) {
    const seen = new Map<string, ManifestObject>();
    for (const o of ctx.sameKindAndName()) { // only these can be duplicates: no key string per object
      if (!o.name) continue;
      const slash = o.apiVersion.indexOf('/');
      const group = slash < 0 ? '' : o.apiVersion.slice(0, slash);
      const key = `${group}|${o.kind}|${ctx.namespaceOf(o) ?? ''}|${o.name}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, o);
        continue;
      }
      const where = first.file ? ` (first at ${first.file}${first.line ? `:${first.line}` : ''})` : first.constructPath ? ` (first at ${first.constructPath})` : '';
      ctx.report(o, `${o.kind} ${ctx.namespaceOf(o) ? ctx.namespaceOf(o) + '/' : ''}${o.name} is defined twice${where}`);
    }
  },
};
