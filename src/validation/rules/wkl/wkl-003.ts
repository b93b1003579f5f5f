import { asArray, isObject, str } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { podSpecs, volumeNames } from '../../pod-spec';
import { Rule } from '../../rule';

export const WKL_003: Rule = {
  id: 'WKL-003',
  severity: Severity.ERROR,
  family: RuleFamily.WORKLOAD,
  what: 'Every volumeMount and volumeDevice must name a pod volume (or, in a StatefulSet, a volumeClaimTemplate).',
  why: 'The API server accepts the controller, but every pod it creates is rejected: the workload never starts, with the error only in its events.',
  fix: 'Add the volume to spec.template.spec.volumes (or a volumeClaimTemplate of that name), or correct the mount name.',
  check(ctx) {
    for (const info of podSpecs(ctx)) {
      const names = volumeNames(info.spec);
      for (const t of info.claimTemplates) names.add(t.name);
      for (const c of info.containers) {
        for (const field of ['volumeMounts', 'volumeDevices'] as const) {
          for (const m of asArray(c.container[field])) {
            const name = isObject(m) ? str(m.name) : undefined;
            if (name === undefined || names.has(name)) continue;
            const known = [...names];
            ctx.report(info.owner, `container ${c.name}: ${field === 'volumeMounts' ? 'volumeMount' : 'volumeDevice'} ${name} has no volume`
              + `${info.owner.kind === 'StatefulSet' ? ' or volumeClaimTemplate' : ''} of that name (${known.length ? `known: ${known.join(', ')}` : 'the pod has no volumes'})`);
          }
        }
      }
    }
  },
};
