import { isAppsController, jobSpecOf } from './helpers';
import { isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { isEmptySelector, podSpecs } from '../../pod-spec';
import { Rule } from '../../rule';

export const WKL_002: Rule = {
  id: 'WKL-002',
  severity: Severity.ERROR,
  family: RuleFamily.WORKLOAD,
  what: 'A Deployment, StatefulSet, DaemonSet or ReplicaSet selector must not be empty; a Job sets a selector only with manualSelector: true.',
  why: 'The API server rejects an empty selector (it would adopt every pod of the namespace), and a Job selector without manualSelector.',
  fix: 'Select on a label unique to the workload, e.g. app.kubernetes.io/name; on a Job remove the selector and let Kubernetes generate it.',
  check(ctx) {
    for (const info of podSpecs(ctx)) {
      const kind = info.owner.kind;
      if (isAppsController(kind) && info.selector !== undefined && info.selector !== null && isEmptySelector(info.selector)) {
        ctx.report(info.owner, 'spec.selector is empty');
      }
      const job = jobSpecOf(info); // undefined unless a Job or CronJob
      if (job && isObject(job.selector) && job.manualSelector !== true) {
        ctx.report(info.owner, 'selector is set but manualSelector is not true (Kubernetes generates the Job selector)');
      }
    }
  },
};
