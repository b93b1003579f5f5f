import { policyRule } from './helpers';
import { isObject, str } from '../../../core/values';
import { Rule } from '../../rule';

export const POL_001: Rule = policyRule('POL-001',
  'Storage must use a provisioner the platform allows (policy allowedProvisioners).',
  'The platform team supports, backs up and monitors only some storage systems.',
  'Use a StorageClass of an allowed provisioner, or ask the platform team to allow this one.',
  (ctx, o, policy) => {
    const allowed = policy.allowedProvisioners;
    if (!allowed) return;
    let used: string | undefined;
    if (o.kind === 'StorageClass') used = str(o.obj.provisioner);
    else if (o.kind === 'PersistentVolume' && isObject(o.obj.spec) && isObject(o.obj.spec.csi)) used = str(o.obj.spec.csi.driver);
    if (used !== undefined && !allowed.includes(used)) {
      ctx.report(o, `provisioner ${used} is not allowed by the platform policy (allowed: ${allowed.join(', ')})`);
    }
  });
