import { isObject, str } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';
import { claimsOf } from '../../volumes';

/** The object a claim's data source names, as the API server compares them (apiGroup left out = the core group ''). */
function reference(ref: Record<string, any>): string {
  return JSON.stringify([str(ref.apiGroup) ?? '', ref.kind, ref.name]);
}

export const API_018: Rule = {
  id: 'API-018',
  severity: Severity.ERROR,
  family: RuleFamily.API_SERVER,
  what: 'A claim\'s (or claim template\'s) dataSource and dataSourceRef need a kind and a name; without apiGroup the kind must be PersistentVolumeClaim; when both are set (dataSourceRef without namespace), they name the same object.',
  why: 'The API server rejects the claim (for a claim template, the claim the StatefulSet controller creates, so its pods stay Pending): "must be \'PersistentVolumeClaim\' when referencing the default apiGroup", "must match dataSourceRef". A VolumeSnapshot reference without apiGroup snapshot.storage.k8s.io is the usual slip: no restore happens.',
  fix: 'Set apiGroup: snapshot.storage.k8s.io for a VolumeSnapshot (the populator\'s group for any other kind); leave apiGroup out only to clone a PersistentVolumeClaim. Set one of dataSource and dataSourceRef, or the same object in both.',
  check(ctx) {
    for (const c of claimsOf(ctx)) {
      for (const field of ['dataSource', 'dataSourceRef']) {
        const ref = c.spec[field];
        if (ref === undefined || ref === null) continue;
        if (!isObject(ref)) {
          ctx.report(c.target, `${c.where}${field} is not an object with kind and name`);
          continue;
        }
        const missing = ['kind', 'name'].filter((k) => !str(ref[k]));
        if (missing.length) ctx.report(c.target, `${c.where}${field} has no ${missing.join(' and no ')}`);
        const kind = str(ref.kind);
        if (kind && kind !== 'PersistentVolumeClaim' && !str(ref.apiGroup)) {
          ctx.report(c.target, `${c.where}${field} kind ${kind} has no apiGroup, so it names a core kind: only PersistentVolumeClaim may be referenced without apiGroup`,
            { fix: kind === 'VolumeSnapshot' ? 'Set apiGroup: snapshot.storage.k8s.io.' : `Set apiGroup to the API group of ${kind}.` });
        }
      }
      const ds = c.spec.dataSource;
      const dsr = c.spec.dataSourceRef;
      if (isObject(ds) && isObject(dsr) && !str(dsr.namespace) && reference(ds) !== reference(dsr)) {
        ctx.report(c.target, `${c.where}dataSource and dataSourceRef name different objects: when both are set they must be the same`,
          { fix: 'Keep only dataSourceRef (it replaces dataSource), or set both to the same object.' });
      }
    }
  },
};
