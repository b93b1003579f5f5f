import { GraphContext } from './context';
import { claimDetails, classEdge, isDefaultClass } from './extract-workloads';
import { isObject, str } from '../core/values';
import { StorageCatalog } from '../knowledge/storage/catalog';
import { sourcesOf } from '../validation/volumes';

/**
 * Storage: claims -> PersistentVolumes -> StorageClasses -> provisioner (CSI driver), and the volume sources of
 * static PersistentVolumes (NFS export, host path, CSI volume handle).
 */

/** Creates the nodes of claims, volumes and classes (before workloads refer to them). */
export function storageNodes(ctx: GraphContext): void {
  for (const o of ctx.index.ofKind('PersistentVolumeClaim')) {
    if (!ctx.index.isFolded(o)) ctx.objectNode(o, 'claim', o.kind, [claimDetails(isObject(o.obj.spec) ? o.obj.spec : {})].filter((d) => d));
  }
  for (const o of ctx.index.ofKind('PersistentVolume')) {
    const spec = isObject(o.obj.spec) ? o.obj.spec : {};
    const capacity = isObject(spec.capacity) ? str(spec.capacity.storage) : undefined;
    const details = [[capacity, claimDetails({ accessModes: spec.accessModes })].filter((x) => x).join(' ')];
    if (typeof spec.persistentVolumeReclaimPolicy === 'string') details.push(spec.persistentVolumeReclaimPolicy);
    ctx.objectNode(o, 'volume', o.kind, details.filter((d) => d));
  }
  for (const o of ctx.index.ofKind('StorageClass')) {
    const details = [str(o.obj.reclaimPolicy) ?? 'Delete', str(o.obj.volumeBindingMode) ?? 'Immediate'];
    if (isDefaultClass(o.obj)) details.unshift('default class');
    ctx.objectNode(o, 'storageClass', o.kind, [details.join(', ')]);
  }
  for (const o of ctx.index.ofKind('VolumeSnapshotClass')) {
    ctx.objectNode(o, 'snapshotClass', o.kind, [`deletionPolicy ${str(o.obj.deletionPolicy) ?? '(not set)'}`]);
  }
  for (const o of ctx.index.ofKind('CSIDriver')) ctx.objectNode(o, 'driver', 'CSIDriver');
}

/** Edges of claims, volumes and classes. */
export function storageEdges(ctx: GraphContext): void {
  for (const o of ctx.index.ofKind('PersistentVolumeClaim')) {
    const node = ctx.nodeOf(o);
    const spec = isObject(o.obj.spec) ? o.obj.spec : {};
    if (!node || node.category !== 'claim') continue; // drawn on its claim template
    classEdge(ctx, node, typeof spec.storageClassName === 'string' ? spec.storageClassName : null);
    const volume = str(spec.volumeName);
    if (volume) ctx.topo.edge(node, ctx.ref('PersistentVolume', undefined, volume, 'volume'), 'flow', 'bound');
  }
  for (const o of ctx.index.ofKind('PersistentVolume')) volumeEdges(ctx, o.obj, o.key);
  for (const o of ctx.index.ofKind('StorageClass')) {
    const p = str(o.obj.provisioner);
    if (p) ctx.topo.edge(ctx.nodeOf(o)!, ctx.driver(p, driverDetails(p)), 'flow');
  }
  for (const o of ctx.index.ofKind('VolumeSnapshotClass')) {
    const d = str(o.obj.driver);
    if (d) ctx.topo.edge(ctx.nodeOf(o)!, ctx.driver(d, driverDetails(d)), 'flow');
  }
}

function volumeEdges(ctx: GraphContext, obj: Record<string, any>, key: string): void {
  const node = ctx.topo.nodes.get(key);
  if (!node) return;
  const spec = isObject(obj.spec) ? obj.spec : {};
  const ref = isObject(spec.claimRef) ? spec.claimRef : undefined;
  const claimName = ref ? str(ref.name) : undefined;
  if (claimName) {
    const claim = ctx.ref('PersistentVolumeClaim', str(ref!.namespace), claimName, 'claim');
    ctx.topo.edge(claim, node, 'flow', 'bound');
  }
  const cls = str(spec.storageClassName);
  if (cls) ctx.topo.edge(node, ctx.ref('StorageClass', undefined, cls, 'storageClass'), 'flow');
  const csi = isObject(spec.csi) ? str(spec.csi.driver) : undefined;
  if (csi) {
    ctx.topo.edge(node, ctx.driver(csi, driverDetails(csi)), 'flow', `handle ${str(spec.csi.volumeHandle) ?? '(none)'}`);
    return;
  }
  for (const source of sourcesOf(spec)) {
    if (source !== 'csi') ctx.topo.edge(node, ctx.outside('backend', source, backendName(source, spec[source])), 'flow');
  }
}

/** How a volume source reads: `nfs.internal:/exports/uploads`, `/mnt/data`, ... */
function backendName(source: string, value: unknown): string {
  if (!isObject(value)) return source;
  if (source === 'nfs') return `${str(value.server) ?? '?'}:${str(value.path) ?? '?'}`;
  if (source === 'hostPath' || source === 'local') return str(value.path) ?? source;
  const id = str(value.volumeID) ?? str(value.pdName) ?? str(value.diskName) ?? str(value.volumePath) ?? str(value.path);
  return id ?? source;
}

/** The storage system of a provisioner, from the catalog. */
function driverDetails(provisioner: string): string[] {
  const sys = StorageCatalog.forProvisioner(provisioner) ?? StorageCatalog.forInTreeProvisioner(provisioner);
  return sys ? [sys.name] : [];
}
