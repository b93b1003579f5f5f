import { hostPathVolumes, show } from './helpers';
import { asArray, isObject } from '../../../core/values';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { podSpecs } from '../../pod-spec';
import { Rule } from '../../rule';

export const SEC_006: Rule = {
  id: 'SEC-006',
  severity: Severity.WARNING,
  family: RuleFamily.SECURITY,
  basis: RuleBasis.PRACTICE,
  what: 'Pods should not use hostPath volumes (the message says which containers mount one writable).',
  why: 'A hostPath volume exposes the node\'s file system, ties the pod\'s data to one node and is lost when the pod moves; mounted writable, the container can change the node.',
  fix: 'Use a PersistentVolumeClaim (a static PV for dev clusters, as SharedRwxVolume\'s dev backend does), emptyDir, or a ConfigMap/Secret.',
  check(ctx) {
    for (const info of podSpecs(ctx)) {
      for (const v of hostPathVolumes(info)) {
        const writers = info.containers.filter((c) => asArray(c.container.volumeMounts)
          .some((m) => isObject(m) && m.name === v.name && m.readOnly !== true)).map((c) => c.name);
        ctx.report(info.owner, `volume ${v.name} is a hostPath (${show(v.path)})${writers.length ? `, mounted writable by ${writers.join(', ')}` : ''}`);
      }
    }
  },
};
