import { isObject } from '../../../core/values';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { podSpecs } from '../../pod-spec';
import { Rule } from '../../rule';

/** Whether a resources map (requests or limits) sets a resource. */
function sets(resources: unknown, which: 'requests' | 'limits', name: string): boolean {
  if (!isObject(resources) || !isObject(resources[which])) return false;
  const v = resources[which][name];
  return v !== undefined && v !== null && v !== '';
}

export const WKL_023: Rule = {
  id: 'WKL-023',
  severity: Severity.WARNING,
  family: RuleFamily.WORKLOAD,
  basis: RuleBasis.PRACTICE,
  what: 'Containers should request CPU and memory and limit memory (resources.requests.cpu, requests.memory, limits.memory).',
  why: 'Without requests the scheduler packs pods blindly and they are the first evicted under pressure; without a memory limit one leak takes memory from every pod of the node.',
  fix: 'Set resources.requests.cpu, resources.requests.memory and resources.limits.memory (a CPU limit is optional: it throttles).',
  check(ctx) {
    for (const info of podSpecs(ctx)) {
      for (const c of info.containers) {
        if (c.list === 'ephemeralContainers') continue;
        const r = c.container.resources;
        const missing = [['requests', 'cpu'], ['requests', 'memory'], ['limits', 'memory']]
          .filter(([which, name]) => !sets(r, which as 'requests' | 'limits', name)).map(([which, name]) => `${which}.${name}`);
        if (missing.length) ctx.report(info.owner, `container ${c.name}: resources ${missing.join(', ')} not set`);
      }
    }
  },
};
