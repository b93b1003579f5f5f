import { DATABASE_ROLE, ROLE_ANNOTATION } from '../core/conventions';
import { isObject } from '../core/values';

/*
 * The metadata of objects under validation, read as plain JSON: every field may be missing or of the wrong type.
 */

/** The metadata of an object, when it is an object. */
export function metadataOf(obj: unknown): Record<string, any> | undefined {
  return isObject(obj) && isObject(obj.metadata) ? obj.metadata : undefined;
}

/** The annotations of an object ({} when it has none). */
export function annotationsOf(obj: unknown): Record<string, unknown> {
  const meta = metadataOf(obj);
  return meta && isObject(meta.annotations) ? meta.annotations : {};
}

/** The labels of an object ({} when it has none). */
export function labelsOf(obj: unknown): Record<string, unknown> {
  const meta = metadataOf(obj);
  return meta && isObject(meta.labels) ? meta.labels : {};
}

/** Whether an object is marked `golden-paths.dev/role: database` (StatefulDatabase marks its StatefulSet and Services). */
export function hasDatabaseRole(obj: unknown): boolean {
  return annotationsOf(obj)[ROLE_ANNOTATION] === DATABASE_ROLE;
}
