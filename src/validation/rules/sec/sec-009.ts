import { isLibraryPod } from './helpers';
import { str } from '../../../core/values';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { podSpecs } from '../../pod-spec';
import { Rule } from '../../rule';

export const SEC_009: Rule = {
  id: 'SEC-009',
  severity: Severity.ERROR,
  family: RuleFamily.SECURITY,
  basis: RuleBasis.PRACTICE,
  what: 'Pods this library emits must not mount a service account token: automountServiceAccountToken false on the pod (or its ServiceAccount).',
  why: 'A mounted token lets anyone who breaks into the container call the Kubernetes API as the pod.',
  fix: 'Set automountServiceAccountToken: false in the pod spec; mount a projected token only where the process needs the API.',
  check(ctx) {
    for (const info of podSpecs(ctx)) {
      if (!isLibraryPod(info) || info.owner.kind === 'PodTemplate') continue;
      const v = info.spec.automountServiceAccountToken;
      if (v === false) continue;
      if (v === undefined || v === null) {
        const saName = str(info.spec.serviceAccountName) ?? str(info.spec.serviceAccount) ?? 'default';
        const sa = ctx.get('ServiceAccount', ctx.namespaceOf(info.owner), saName);
        if (sa && sa.obj.automountServiceAccountToken === false) continue;
      }
      ctx.report(info.owner, `${info.path}.automountServiceAccountToken is ${v === true ? 'true' : 'not false'}: the service account token is mounted`);
    }
  },
};
