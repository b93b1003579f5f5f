import { str } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { podSpecs } from '../../pod-spec';
import { Rule } from '../../rule';

export const WKL_030: Rule = {
  id: 'WKL-030',
  severity: Severity.WARNING,
  family: RuleFamily.WORKLOAD,
  what: 'Pods should name their ServiceAccount with serviceAccountName, not the deprecated serviceAccount field.',
  why: 'serviceAccount is a deprecated alias: tools and policies read serviceAccountName only, and when the two differ serviceAccountName wins, so the pod runs with another identity than the one written.',
  fix: 'Rename serviceAccount to serviceAccountName (or remove it when both are set).',
  check(ctx) {
    for (const info of podSpecs(ctx)) {
      const deprecated = str(info.spec.serviceAccount);
      if (deprecated === undefined) continue;
      const name = str(info.spec.serviceAccountName);
      if (name === undefined) ctx.report(info.owner, `serviceAccount ${deprecated} is deprecated; use serviceAccountName`);
      else if (name !== deprecated) ctx.report(info.owner, `serviceAccount ${deprecated} differs from serviceAccountName ${name}, which wins`);
    }
  },
};
