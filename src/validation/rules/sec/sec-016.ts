import { forEachContainer } from './helpers';
import { asArray, isObject } from '../../../core/values';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const SEC_016: Rule = {
  id: 'SEC-016',
  severity: Severity.WARNING,
  family: RuleFamily.SECURITY,
  basis: RuleBasis.PRACTICE,
  what: 'Containers should not expose port 22 (SSH) or bind host ports.',
  why: 'An SSH server in a container is an unmanaged way in; a hostPort opens the port on the node outside any Service or NetworkPolicy and limits scheduling.',
  fix: 'Use kubectl exec instead of SSH; expose ports through a Service instead of hostPort.',
  check(ctx) {
    forEachContainer(ctx, (info, c) => {
      for (const p of asArray(c.container.ports)) {
        if (!isObject(p)) continue;
        const tcp = p.protocol === undefined || p.protocol === 'TCP';
        if (p.containerPort === 22 && tcp) ctx.report(info.owner, `container ${c.name}: exposes port 22 (SSH)`);
        if (typeof p.hostPort === 'number' && p.hostPort !== 0) ctx.report(info.owner, `container ${c.name}: binds hostPort ${p.hostPort}`);
      }
    });
  },
};
