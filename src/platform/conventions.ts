import { ApiObject } from 'cdk8s';
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
