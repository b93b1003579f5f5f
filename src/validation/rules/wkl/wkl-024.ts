import { isLongRunning, mainContainers } from './helpers';
import { isObject } from '../../../core/values';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { podSpecs } from '../../pod-spec';
import { Rule } from '../../rule';

export const WKL_024: Rule = {
  id: 'WKL-024',
  severity: Severity.WARNING,
  family: RuleFamily.WORKLOAD,
  basis: RuleBasis.PRACTICE,
  what: 'Containers of long-running workloads should have a liveness probe.',
  why: 'A process that hangs without exiting (a deadlock, an exhausted pool) is never restarted without one. Make it cheaper and more tolerant than the readiness probe, or it kills slow but healthy pods.',
  fix: 'Add livenessProbe (with a startupProbe for slow starts), checking only that the process itself responds.',
  check(ctx) {
    for (const info of podSpecs(ctx)) {
      if (!isLongRunning(info)) continue;
      for (const c of mainContainers(info)) {
        if (!isObject(c.container.livenessProbe)) ctx.report(info.owner, `container ${c.name}: no livenessProbe`);
      }
    }
  },
};
