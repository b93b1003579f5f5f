import { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';
import { IConstruct } from 'constructs';
import { PlatformDefaults } from './defaults';
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE } from '../core/conventions';

/**
 * Labels and annotations every object of this library carries: the managed-by label, then the platform
 * defaults of the scope (an explicit label already on the object wins).
 * @internal
 */
export function applyConventions(scope: IConstruct, obj: ApiObject): void {
  const defaults = PlatformDefaults.of(scope);
  const meta = obj.metadata.toJson();
  const existingLabels = meta.labels ?? {};
  const existingAnnotations = meta.annotations ?? {};
  for (const [k, v] of Object.entries(defaults.labels ?? {})) if (!(k in existingLabels)) obj.metadata.addLabel(k, v);
  for (const [k, v] of Object.entries(defaults.annotations ?? {})) if (!(k in existingAnnotations)) obj.metadata.addAnnotation(k, v);
  obj.metadata.addLabel(MANAGED_BY_LABEL, MANAGED_BY_VALUE);
}

/** Labels and annotations shared by every object of one construct: platform defaults, its selector, managed-by. */
export interface ConventionalMeta {
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
}

/** The labels and annotations of a construct's objects: platform defaults of the scope, the selector, managed-by. */
export function conventionalMeta(scope: IConstruct, selector: Record<string, string>): ConventionalMeta {
  const d = PlatformDefaults.of(scope);
  return {
    labels: { ...(d.labels ?? {}), ...selector, [MANAGED_BY_LABEL]: MANAGED_BY_VALUE },
    annotations: { ...(d.annotations ?? {}) },
  };
}

/** Object metadata from a construct's conventional meta, a name and extra labels or annotations. */
export function objectMeta(meta: ConventionalMeta, name: string,
  extra: { labels?: Record<string, string>; annotations?: Record<string, string> } = {}): k8s.ObjectMeta {
  const annotations = { ...meta.annotations, ...(extra.annotations ?? {}) };
  return {
    name,
    labels: { ...meta.labels, ...(extra.labels ?? {}) },
    annotations: Object.keys(annotations).length ? annotations : undefined,
  };
}
