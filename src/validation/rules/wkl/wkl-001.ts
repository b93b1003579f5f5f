import { isAppsController, isJobKind, jobSpecOf, show } from './helpers';
import { isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { mapSelectorMatches, podSpecs, selectorMatches } from '../../pod-spec';
import { Rule } from '../../rule';

export const WKL_001: Rule = {
  id: 'WKL-001',
  severity: Severity.ERROR,
  family: RuleFamily.WORKLOAD,
  what: 'The selector of a Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController or manual-selector Job must match its pod template labels.',
  why: 'The API server rejects a controller whose selector does not select its own pods ("selector does not match template labels").',
  fix: 'Put every selector label on spec.template.metadata.labels with the same value (or correct the selector).',
  check(ctx) {
    for (const info of podSpecs(ctx)) {
      const kind = info.owner.kind;
      if (kind === 'ReplicationController') {
        // an absent selector defaults to the template labels; {} matches them
        if (isObject(info.selector) && !mapSelectorMatches(info.selector, info.labels)) {
          ctx.report(info.owner, `selector ${show(info.selector)} does not match template labels ${show(info.labels)}`);
        }
        continue;
      }
      const manualJob = isJobKind(kind) && jobSpecOf(info)?.manualSelector === true;
      if (!isAppsController(kind) && !manualJob) continue;
      // an empty or absent selector matches any labels (WKL-002 / SCH-003 report it)
      if (!selectorMatches(info.selector, info.labels)) {
        ctx.report(info.owner, `selector ${show(info.selector)} does not match template labels ${show(info.labels)}`);
      }
    }
  },
};
