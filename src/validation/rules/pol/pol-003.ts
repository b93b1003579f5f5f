import { policyRule } from './helpers';
import { asArray, isObject, str } from '../../../core/values';
import { podSpecOf } from '../../pod-spec';
import { Rule } from '../../rule';

export const POL_003: Rule = policyRule('POL-003',
  'No hostPath volumes (policy forbidHostPath).',
  'hostPath ties data to one node and exposes the node file system to the pod.',
  'Use a PersistentVolumeClaim on a StorageClass (or a local PV with node affinity) instead of hostPath.',
  (ctx, o, policy) => {
    if (!policy.forbidHostPath) return;
    if (o.kind === 'PersistentVolume' && isObject(o.obj.spec) && o.obj.spec.hostPath !== undefined) {
      ctx.report(o, 'PersistentVolume uses hostPath, which the platform policy forbids');
    }
    const pod = podSpecOf(o);
    if (pod) {
      for (const v of asArray(pod.spec.volumes)) {
        if (isObject(v) && v.hostPath !== undefined) ctx.report(o, `volume ${str(v.name) ?? '(unnamed)'} uses hostPath, which the platform policy forbids`);
      }
    }
  });
