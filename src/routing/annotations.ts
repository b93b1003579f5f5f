import { TLS_SOURCE_ANNOTATIONS, TlsBinding } from './tls';
import { INGRESS_CLASS_ANNOTATION, MANAGED_BY_LABEL, MANAGED_BY_VALUE } from '../core/conventions';
import { Problems } from '../core/problems';
import { asText } from '../core/values';

/**
 * The labels and annotations of a route: on the Ingress or HTTPRoutes (platform, user, then what the typed props own)
 * and on the objects the route creates besides (platform and managed-by only).
 */

/** Labels and annotations of the objects a route emits. */
export interface RouteMetadata {
  /** Labels of the Ingress or HTTPRoutes. */
  readonly labels: Record<string, string>;
  /** Annotations of the Ingress or HTTPRoutes. */
  readonly annotations: Record<string, string>;
  /** Labels of the Services the route creates. */
  readonly objectLabels: Record<string, string>;
  /** Annotations of the Services the route creates. */
  readonly objectAnnotations: Record<string, string>;
}

/** What the metadata of a route is made of. */
export interface MetadataInput {
  /** The `annotations` prop, unchecked. */
  readonly annotations: unknown;
  /** The `labels` prop, unchecked. */
  readonly labels: unknown;
  /** PlatformDefaults labels. */
  readonly defaultLabels?: Record<string, string>;
  /** PlatformDefaults annotations. */
  readonly defaultAnnotations?: Record<string, string>;
  /** The annotations the output (the Ingress controller) sets now, and every key it sets with the prop that sets it. */
  readonly owned: Record<string, string>;
  readonly ownedBy: Record<string, string>;
  /** The route's TLS. */
  readonly tls: TlsBinding;
  /** The Ingress class, when the class must agree with the deprecated class annotation (Ingress output). */
  readonly className?: string;
}

/** Checks the `annotations` and `labels` props against what the typed props own and returns the route's metadata. */
export function planMetadata(problems: Problems, input: MetadataInput): RouteMetadata {
  const owned: Record<string, string> = { ...input.owned, ...input.tls.annotations };
  const ownedBy: Record<string, string> = { ...input.ownedBy };
  for (const k of Object.keys(input.tls.annotations)) ownedBy[k] = 'tls';
  const userAnnotations = checkStringMap(input.annotations, 'annotations', problems);
  for (const k of Object.keys(userAnnotations)) {
    if (k in ownedBy) {
      problems.add(`annotations["${k}"]`, userAnnotations[k], `is set by ${ownedBy[k]}`, `Remove it from annotations and use ${ownedBy[k]}.`);
    } else if (TLS_SOURCE_ANNOTATIONS.includes(k)) {
      problems.add(`annotations["${k}"]`, userAnnotations[k], 'configures TLS behind the tls prop\'s back', 'Use tls: TlsSource.certManagerClusterIssuer(...), TlsSource.certManagerIssuer(...) or TlsSource.awsCertificateManager(...).');
    }
  }
  const annotations = { ...(input.defaultAnnotations ?? {}), ...userAnnotations, ...owned };
  const classAnnotation = annotations[INGRESS_CLASS_ANNOTATION];
  if (input.className !== undefined && classAnnotation !== undefined && classAnnotation !== input.className) {
    problems.add(`annotations["${INGRESS_CLASS_ANNOTATION}"]`, classAnnotation,
      `disagrees with the class ${JSON.stringify(input.className)}; the API server refuses an Ingress whose annotation and class differ`,
      'Remove the deprecated annotation; the controller sets the class.');
  }
  const userLabels = checkStringMap(input.labels, 'labels', problems);
  return {
    labels: { ...(input.defaultLabels ?? {}), ...userLabels, [MANAGED_BY_LABEL]: MANAGED_BY_VALUE },
    annotations,
    objectLabels: { ...(input.defaultLabels ?? {}), [MANAGED_BY_LABEL]: MANAGED_BY_VALUE },
    objectAnnotations: { ...(input.defaultAnnotations ?? {}) },
  };
}

/** The string entries of a label or annotation map; the map itself and every other entry are reported. */
export function checkStringMap(map: unknown, prop: string, problems: Problems): Record<string, string> {
  if (map === undefined) return {};
  if (map === null || typeof map !== 'object' || Array.isArray(map)) {
    problems.add(prop, map, 'is not a map of strings', 'Pass e.g. { "team": "shop" }.');
    return {};
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(map)) {
    if (typeof v !== 'string') problems.add(`${prop}["${k}"]`, v, 'is not a string (Kubernetes label and annotation values are strings)', `Write it as "${asText(v)}".`);
    else out[k] = v;
  }
  return out;
}
