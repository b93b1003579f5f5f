import { policyRule } from './helpers';
import { formatBytes, GIB, parseQuantity } from '../../../core/quantity';
import { asArray, isObject, str } from '../../../core/values';
import { Rule } from '../../rule';
import { requestOf } from '../../volumes';

export const POL_005: Rule = policyRule('POL-005',
  'Claims must not request more storage than the platform allows (policy maxClaimSize).',
  'Large volumes cost money and take long to back up and restore; the platform caps them.',
  'Request less storage, or ask the platform team to raise the limit.',
  (ctx, o, policy) => {
    if (!policy.maxClaimSize) return;
    const max = policy.maxClaimSize.toGibibytes() * GIB;
    const check = (spec: any, what: string) => {
      const bytes = parseQuantity(requestOf(spec));
      if (bytes !== undefined && bytes > max) {
        ctx.report(o, `${what} requests ${formatBytes(bytes)}, more than the platform maximum ${formatBytes(max)}`);
      }
    };
    if (o.kind === 'PersistentVolumeClaim') check(o.obj.spec, 'claim');
    if (o.kind === 'StatefulSet' && isObject(o.obj.spec)) {
      for (const t of asArray(o.obj.spec.volumeClaimTemplates)) check(t?.spec, `claim template ${str(t?.metadata?.name) ?? ''}`.trim());
    }
  });
