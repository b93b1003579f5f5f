import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const STO_003: Rule = {
  id: 'STO-003',
  severity: Severity.ERROR,
  family: RuleFamily.STORAGE,
  what: 'At most one StorageClass may be marked as the default class.',
  why: 'With several defaults, claims without storageClassName get whichever the cluster picks (the newest since 1.26): data lands on the wrong storage.',
  fix: 'Keep storageclass.kubernetes.io/is-default-class: "true" on one class only.',
  check(ctx) {
    const defaults = ctx.defaultStorageClasses();
    if (defaults.length < 2) return;
    const names = defaults.map((d) => d.name).join(', ');
    for (const d of defaults) {
      if (d.object) ctx.report(d.object, `${defaults.length} default StorageClasses: ${names}`);
    }
  },
};
