import { asArray, isObject, str } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { podSpecs } from '../../pod-spec';
import { Rule } from '../../rule';

export const WKL_019: Rule = {
  id: 'WKL-019',
  severity: Severity.ERROR,
  family: RuleFamily.WORKLOAD,
  what: 'Names must be unique where the API server requires it: volumes of a pod, containers (with init and ephemeral containers) of a pod, mountPaths of a container.',
  why: 'The API server rejects the pod, or for controllers every pod they create, with a Duplicate value error.',
  fix: 'Rename or remove the duplicate (see the message).',
  check(ctx) {
    for (const info of podSpecs(ctx)) {
      const vols = new Set<string>();
      for (const v of asArray(info.spec.volumes)) {
        const n = isObject(v) ? str(v.name) : undefined;
        if (n === undefined) continue;
        if (vols.has(n)) ctx.report(info.owner, `volume ${n} is defined twice`);
        vols.add(n);
      }
      const names = new Set<string>();
      for (const c of info.containers) {
        const n = str(c.container.name);
        if (n !== undefined) {
          if (names.has(n)) ctx.report(info.owner, `container name ${n} is used twice`);
          names.add(n);
        }
        const paths = new Set<string>();
        for (const m of asArray(c.container.volumeMounts)) {
          const p = isObject(m) ? str(m.mountPath) : undefined;
          if (p === undefined) continue;
          if (paths.has(p)) ctx.report(info.owner, `container ${c.name}: mountPath ${p} is used twice`);
          paths.add(p);
        }
      }
    }
  },
};
