import { forEachContainer } from './helpers';
import { isObject } from '../../../core/values';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const SEC_015: Rule = {
  id: 'SEC-015',
  severity: Severity.WARNING,
  family: RuleFamily.SECURITY,
  basis: RuleBasis.PRACTICE,
  what: 'Containers should run with readOnlyRootFilesystem: true.',
  why: 'A writable root file system lets an attacker drop tools and persist changes; data belongs on volumes anyway.',
  fix: 'Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where the process writes scratch files (/tmp).',
  check(ctx) {
    forEachContainer(ctx, (info, c) => {
      if (c.list === 'ephemeralContainers') return;
      const sc = isObject(c.container.securityContext) ? c.container.securityContext : {};
      if (sc.readOnlyRootFilesystem !== true) ctx.report(info.owner, `container ${c.name}: readOnlyRootFilesystem is not true`);
    });
  },
};
