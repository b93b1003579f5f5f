import { forEachContainer } from './helpers';
import { asArray, isObject } from '../../../core/values';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { effectiveSecurity, podSpecs } from '../../pod-spec';
import { Rule } from '../../rule';

export const SEC_019: Rule = {
  id: 'SEC-019',
  severity: Severity.WARNING,
  family: RuleFamily.SECURITY,
  basis: RuleBasis.PRACTICE,
  what: 'Containers should not run with the root group: runAsGroup 0, fsGroup 0 or supplementalGroups holding 0.',
  why: 'Group 0 reads and writes every file of the image and the volumes that the root group owns (many images leave them group-writable); Pod Security does not check groups. OpenShift assigns group 0 on purpose, so only a warning.',
  fix: 'Set runAsGroup (and fsGroup) to the image\'s unprivileged gid, e.g. the same number as runAsUser.',
  check(ctx) {
    forEachContainer(ctx, (info, c) => {
      if (effectiveSecurity(info.spec, c.container, 'runAsGroup') === 0) ctx.report(info.owner, `container ${c.name}: runs with runAsGroup 0 (root group)`);
    });
    for (const info of podSpecs(ctx)) {
      const psc = isObject(info.spec.securityContext) ? info.spec.securityContext : {};
      if (psc.fsGroup === 0) ctx.report(info.owner, 'securityContext.fsGroup is 0 (root group owns the volumes)');
      if (asArray(psc.supplementalGroups).includes(0)) ctx.report(info.owner, 'securityContext.supplementalGroups holds 0 (root group)');
    }
  },
};
