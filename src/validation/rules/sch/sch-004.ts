import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';
import { isKnownKind, knownApiVersionsOf } from '../../schema-check';

export const SCH_004: Rule = {
  id: 'SCH-004',
  severity: Severity.ERROR,
  family: RuleFamily.SCHEMA,
  what: 'A built-in kind must use an apiVersion Kubernetes 1.27 serves.',
  why: 'APIs such as extensions/v1beta1 Ingress or policy/v1beta1 PodDisruptionBudget were removed: apply fails with "no matches for kind".',
  fix: 'Use the apiVersion Kubernetes 1.27 serves for the kind (see the message).',
  check(ctx) {
    for (const o of ctx.objects) {
      if (isKnownKind(o.apiVersion, o.kind)) continue;
      const served = knownApiVersionsOf(o.kind);
      if (served.length === 0) continue; // a kind Kubernetes does not know (CRD): passes through
      const builtinGroup = !o.apiVersion.includes('/') || o.apiVersion.split('/')[0].endsWith('.k8s.io')
        || ['apps', 'batch', 'policy', 'autoscaling', 'extensions'].includes(o.apiVersion.split('/')[0]);
      if (!builtinGroup) continue; // same kind name in a CRD group (e.g. a custom Ingress)
      ctx.report(o, `${o.kind} in apiVersion ${o.apiVersion} is not served by Kubernetes 1.27`,
        { fix: `Use apiVersion ${served.join(' or ')}.` });
    }
  },
};
