import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const API_002: Rule = {
  id: 'API-002',
  severity: Severity.ERROR,
  family: RuleFamily.API_SERVER,
  what: 'A StorageClass volumeBindingMode must be Immediate or WaitForFirstConsumer.',
  why: 'The API server rejects any other value.',
  fix: 'Use WaitForFirstConsumer (provision in the zone of the pod) or Immediate.',
  check(ctx) {
    for (const o of ctx.ofKind('StorageClass')) {
      const v = o.obj.volumeBindingMode;
      if (v === undefined || v === null || v === 'Immediate' || v === 'WaitForFirstConsumer') continue;
      ctx.report(o, `volumeBindingMode ${JSON.stringify(v)} is not Immediate or WaitForFirstConsumer`);
    }
  },
};
