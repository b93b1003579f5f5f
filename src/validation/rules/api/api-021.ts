import { dnsLabelError } from './names';
import { isClusterScoped } from '../../../core/scope';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const API_021: Rule = {
  id: 'API-021',
  severity: Severity.ERROR,
  family: RuleFamily.API_SERVER,
  what: 'metadata.namespace must be a DNS label.',
  why: 'Namespace names are DNS labels; the API server rejects the object (and kubectl cannot create the namespace).',
  fix: 'Use a namespace name of lowercase letters, digits and \'-\', at most 63 characters.',
  check(ctx) {
    for (const o of ctx.objects) {
      if (isClusterScoped(o.kind) || o.namespace === undefined) continue;
      const e = dnsLabelError(o.namespace);
      if (e) ctx.report(o, `metadata.namespace ${JSON.stringify(o.namespace)} ${e}`);
    }
  },
};
