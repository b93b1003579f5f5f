import { isObject } from '../../../core/values';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const WKL_031: Rule = {
  id: 'WKL-031',
  severity: Severity.WARNING,
  family: RuleFamily.WORKLOAD,
  basis: RuleBasis.PRACTICE,
  what: 'A standalone Job should set ttlSecondsAfterFinished; the job template of a CronJob should not (its history limits keep finished jobs).',
  why: 'Finished Jobs and their pods stay forever without a TTL and crowd the namespace and the API server; in a CronJob a TTL deletes jobs the history limits were meant to keep for inspection.',
  fix: 'Set spec.ttlSecondsAfterFinished on the Job (e.g. 86400); on a CronJob, remove it from jobTemplate and use successfulJobsHistoryLimit / failedJobsHistoryLimit.',
  check(ctx) {
    for (const o of ctx.ofKind('Job')) {
      if (o.apiVersion !== 'batch/v1' || !isObject(o.obj.spec)) continue;
      if (o.obj.spec.ttlSecondsAfterFinished === undefined || o.obj.spec.ttlSecondsAfterFinished === null) ctx.report(o, 'no ttlSecondsAfterFinished: the finished Job stays');
    }
    for (const o of ctx.ofKind('CronJob')) {
      const spec = isObject(o.obj.spec) && isObject(o.obj.spec.jobTemplate) && isObject(o.obj.spec.jobTemplate.spec) ? o.obj.spec.jobTemplate.spec : undefined;
      if (o.apiVersion === 'batch/v1' && spec && typeof spec.ttlSecondsAfterFinished === 'number') {
        ctx.report(o, `jobTemplate.spec.ttlSecondsAfterFinished ${spec.ttlSecondsAfterFinished} deletes jobs the history limits keep`);
      }
    }
  },
};
