import { isLongRunning, mainContainers } from './helpers';
import { isObject } from '../../../core/values';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { podSpecs } from '../../pod-spec';
import { Rule } from '../../rule';

export const WKL_022: Rule = {
  id: 'WKL-022',
  severity: Severity.WARNING,
  family: RuleFamily.WORKLOAD,
  basis: RuleBasis.PRACTICE,
  what: 'Containers of long-running workloads should have a readiness probe.',
  why: 'Without one a pod receives traffic as soon as its process starts, before it can answer: every rollout and restart drops requests.',
  fix: 'Add readinessProbe (httpGet on a health path, tcpSocket, grpc or exec) to each container that serves.',
  check(ctx) {
    for (const info of podSpecs(ctx)) {
      if (!isLongRunning(info)) continue;
      for (const c of mainContainers(info)) {
        if (!isObject(c.container.readinessProbe)) ctx.report(info.owner, `container ${c.name}: no readinessProbe`);
      }
    }
  },
};
