import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { podSpecs } from '../../pod-spec';
import { Rule } from '../../rule';

export const SEC_007: Rule = {
  id: 'SEC-007',
  severity: Severity.ERROR,
  family: RuleFamily.SECURITY,
  basis: RuleBasis.PRACTICE,
  what: 'Pods must not share the node\'s namespaces (hostNetwork, hostPID, hostIPC).',
  why: 'They let the pod see and reach every process, socket and shared memory segment of the node.',
  fix: 'Remove hostNetwork, hostPID and hostIPC; expose ports through a Service.',
  check(ctx) {
    for (const info of podSpecs(ctx)) {
      const on = ['hostNetwork', 'hostPID', 'hostIPC'].filter((f) => info.spec[f] === true);
      if (on.length) ctx.report(info.owner, `${on.join(', ')} ${on.length > 1 ? 'are' : 'is'} true`);
    }
  },
};
