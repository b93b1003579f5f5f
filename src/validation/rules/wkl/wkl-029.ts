import { str } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { podSpecs } from '../../pod-spec';
import { Rule } from '../../rule';

export const WKL_029: Rule = {
  id: 'WKL-029',
  severity: Severity.WARNING,
  family: RuleFamily.WORKLOAD,
  what: 'The ServiceAccount a pod names (other than default) should be among the objects, in the pod\'s namespace.',
  why: 'The API server refuses to create pods whose ServiceAccount does not exist: the workload stays at zero pods. Only a warning: it may be created by other means.',
  fix: 'Add the ServiceAccount to the manifests, fix the name or namespace, or suppress the rule with the reason it exists elsewhere.',
  check(ctx) {
    for (const info of podSpecs(ctx)) {
      const name = str(info.spec.serviceAccountName) ?? str(info.spec.serviceAccount);
      if (!name || name === 'default') continue;
      const ns = ctx.namespaceOf(info.owner);
      if (!ctx.get('ServiceAccount', ns, name)) ctx.report(info.owner, `serviceAccountName ${name} is not among the objects in namespace ${ns ?? 'default'}`);
    }
  },
};
