import { forEachContainer } from './helpers';
import { asArray, isObject } from '../../../core/values';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const SEC_021: Rule = {
  id: 'SEC-021',
  severity: Severity.WARNING,
  family: RuleFamily.SECURITY,
  basis: RuleBasis.PRACTICE,
  what: 'Containers should not listen on privileged ports (1-1023).',
  why: 'Binding a port below 1024 needs root or NET_BIND_SERVICE in most runtimes: a container that listens there usually runs with more privilege than it needs. Services map any port to a high container port.',
  fix: 'Listen on a port above 1023 (8080, 8443) and keep the well-known port on the Service (port 80, targetPort 8080).',
  check(ctx) {
    forEachContainer(ctx, (info, c) => {
      for (const p of asArray(c.container.ports)) {
        const port = isObject(p) ? p.containerPort : undefined;
        if (typeof port === 'number' && port > 0 && port < 1024 && port !== 22) { // port 22 is SEC-016's
          ctx.report(info.owner, `container ${c.name}: containerPort ${port} is a privileged port`);
        }
      }
    });
  },
};
