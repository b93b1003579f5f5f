import { databases } from './helpers';
import { asArray, isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const DBS_003: Rule = {
  id: 'DBS-003',
  severity: Severity.ERROR,
  family: RuleFamily.STORAGE,
  what: 'The claim templates of a database StatefulSet must not request ReadWriteMany or ReadOnlyMany.',
  why: 'A database needs one writer per data directory: a shared volume lets two servers write the same files (corruption), and a read-only one cannot hold a database.',
  fix: 'Use ReadWriteOnce or ReadWriteOncePod on block storage, and replicate at the database level.',
  check(ctx) {
    for (const o of databases(ctx)) {
      const templates = isObject(o.obj.spec) ? asArray(o.obj.spec.volumeClaimTemplates) : [];
      for (const t of templates) {
        const modes = isObject(t) && isObject(t.spec) ? asArray(t.spec.accessModes) : [];
        const bad = modes.filter((m) => m === 'ReadWriteMany' || m === 'ReadOnlyMany');
        if (bad.length) {
          const name = isObject(t.metadata) ? t.metadata.name : '?';
          ctx.report(o, `claim template ${name} requests ${bad.join(', ')}`);
        }
      }
    }
  },
};
