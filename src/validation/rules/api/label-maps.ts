import { asArray, isObject } from '../../../core/values';
import { metadataOf } from '../../metadata';
import { podSpecs } from '../../pod-spec';
import { ManifestObject, RuleContext } from '../../rule';

/** A map of labels (or of selector labels) with its owner and a path for messages. */
export interface LabelMap {
  readonly owner: ManifestObject;
  readonly path: string;
  readonly labels: Record<string, unknown>;
}

/** Every label map of an object: its own, its pod template's and its claim templates', with a path for messages. */
export function labelMaps(ctx: RuleContext): LabelMap[] {
  return ctx.memo(findLabelMaps);
}

function findLabelMaps(ctx: RuleContext): LabelMap[] {
  const result: LabelMap[] = [];
  for (const o of ctx.objects) {
    if (isObject(o.meta.labels)) result.push({ owner: o, path: 'metadata.labels', labels: o.labels });
    if (o.kind === 'Service' && isObject(o.obj.spec) && isObject(o.obj.spec.selector)) {
      result.push({ owner: o, path: 'spec.selector', labels: o.obj.spec.selector });
    }
  }
  for (const info of podSpecs(ctx)) {
    if (info.path !== 'spec' && isObject(info.metadata.labels)) {
      result.push({ owner: info.owner, path: info.path.replace(/spec$/, 'metadata.labels'), labels: info.metadata.labels });
    }
    const sel = info.selector;
    if (isObject(sel) && isObject(sel.matchLabels)) {
      result.push({ owner: info.owner, path: info.owner.kind === 'CronJob' ? 'spec.jobTemplate.spec.selector.matchLabels' : 'spec.selector.matchLabels', labels: sel.matchLabels });
    }
    if (info.owner.kind === 'StatefulSet' && isObject(info.owner.obj.spec)) {
      asArray(info.owner.obj.spec.volumeClaimTemplates).forEach((t, i) => {
        const m = metadataOf(t);
        if (m && isObject(m.labels)) result.push({ owner: info.owner, path: `spec.volumeClaimTemplates[${i}].metadata.labels`, labels: m.labels });
      });
    }
  }
  return result;
}
