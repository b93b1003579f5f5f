import { ApiObject, Chart, JsonPatch } from 'cdk8s';

/**
 * Namespaces and cluster scope.
 */

/** Kinds that live outside namespaces (built-in and of the CRDs the library knows). */
const CLUSTER_SCOPED = new Set([
  'StorageClass', 'PersistentVolume', 'VolumeSnapshotClass', 'VolumeSnapshotContent', 'Namespace', 'ClusterRole', 'ClusterRoleBinding',
  'CustomResourceDefinition', 'IngressClass', 'PriorityClass', 'CSIDriver', 'CSINode', 'Node', 'VolumeAttachment',
  'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'APIService', 'RuntimeClass', 'ClusterIssuer', 'GatewayClass',
]);

/** Whether objects of this kind live outside namespaces. */
export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind);
}

/**
 * Cluster-scoped objects carry no namespace, even in a Chart that has one (cdk8s stamps the chart's namespace on every object).
 */
export function clusterScoped(obj: ApiObject): void {
  if (Chart.of(obj).namespace) obj.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
}
