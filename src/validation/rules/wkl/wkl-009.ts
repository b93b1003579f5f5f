import { isJobKind, show } from './helpers';
import { RuleFamily, Severity } from '../../finding';
import { podSpecs } from '../../pod-spec';
import { Rule } from '../../rule';

export const WKL_009: Rule = {
  id: 'WKL-009',
  severity: Severity.ERROR,
  family: RuleFamily.WORKLOAD,
  what: 'restartPolicy must fit the controller: Always for Deployments, StatefulSets, DaemonSets and ReplicaSets; OnFailure or Never (set explicitly) for Jobs and CronJobs.',
  why: 'The API server rejects other values; a Job template without restartPolicy gets the default Always, which Jobs reject.',
  fix: 'Remove restartPolicy from long-running controllers (Always is the default); set OnFailure or Never on Job templates.',
  check(ctx) {
    const alwaysRestart = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController']);
    for (const info of podSpecs(ctx)) {
      const kind = info.owner.kind;
      const v = info.spec.restartPolicy;
      if (alwaysRestart.has(kind)) {
        if (v !== undefined && v !== null && v !== 'Always') ctx.report(info.owner, `${info.path}.restartPolicy ${show(v)} is not Always`);
      } else if (isJobKind(kind)) {
        if (v !== 'OnFailure' && v !== 'Never') {
          ctx.report(info.owner, v === undefined || v === null
            ? `${info.path}.restartPolicy is not set: the default Always is not allowed for a ${kind}`
            : `${info.path}.restartPolicy ${show(v)} is not OnFailure or Never`);
        }
      } else if (v !== undefined && v !== null && v !== 'Always' && v !== 'OnFailure' && v !== 'Never') {
        ctx.report(info.owner, `${info.path}.restartPolicy ${show(v)} is not Always, OnFailure or Never`);
      }
    }
  },
};
