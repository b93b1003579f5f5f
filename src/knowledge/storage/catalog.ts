import type { PersistentVolumeAccessMode } from 'cdk8s-plus-27';
import { StorageSystemId, StorageSystemInfo } from './system';
import { StorageCapabilities } from './types';
import { ROX, RWX } from '../../core/access-modes';

// The catalog's types live in system.ts (the data files use them); re-exported here, where the rest of the library reads them.
export { ConditionalSizeLimits, NO_PROVISIONER, SharedAccessCondition, StorageSystemId, StorageSystemInfo } from './system';

/**
 * The storage catalog: facts per storage system, as data. Sources are cited per entry; facts the
 * research could not confirm in a primary source are marked "unverified" in the notes and are
 * never used to refuse a configuration.
 */
let CATALOG: StorageSystemInfo[] | undefined;
let BY_ID: Map<string, StorageSystemInfo> | undefined;

/** The entries, in the catalog's order; the data files load on first use, not at import. */
function catalog(): StorageSystemInfo[] {
  if (!CATALOG) {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const block = require('./systems/cloud-block') as typeof import('./systems/cloud-block');
    const file = require('./systems/file') as typeof import('./systems/file');
    const other = require('./systems/other') as typeof import('./systems/other');
    const software = require('./systems/software-block') as typeof import('./systems/software-block');
    /* eslint-enable @typescript-eslint/no-require-imports */
    CATALOG = [
      block.exoscaleBlockStorage, block.awsEbs, block.azureDisk, file.azureFiles, block.gcePd, block.openstackCinder, block.vsphere,
      software.cephRbd, file.cephfs, software.longhorn, software.openebsMayastor, other.openebsLocalpv, software.portworx,
      software.storageos, file.nfs, file.awsEfs, other.s3Mountpoint, file.glusterfs, software.iscsi, other.local, other.hostPath,
    ];
    BY_ID = new Map<string, StorageSystemInfo>(CATALOG.map((sys) => [sys.id, sys]));
  }
  return CATALOG;
}

let BY_PROVISIONER: Map<string, StorageSystemInfo | undefined> | undefined;
function byProvisioner(): Map<string, StorageSystemInfo | undefined> {
  return BY_PROVISIONER ?? (BY_PROVISIONER = new Map());
}

/** The catalog entry of a provisioner name, found by walking the catalog. */
function findByProvisioner(provisioner: string): StorageSystemInfo | undefined {
  for (const s of catalog()) {
    if (!s.provisioner) continue;
    if (s.provisioner === provisioner) return s;
    if (s.provisionerMayBePrefixed && provisioner.endsWith('.' + s.provisioner)) return s;
  }
  return undefined;
}

function byId(): Map<string, StorageSystemInfo> {
  catalog();
  return BY_ID!;
}

/**
 * Read access to the storage catalog.
 */
export class StorageCatalog {
  /** Every storage system the library knows. */
  public static all(): StorageSystemInfo[] {
    return [...catalog()];
  }

  /** The facts for one storage system. */
  public static get(id: StorageSystemId): StorageSystemInfo {
    const info = byId().get(id);
    if (!info) {
      throw new Error(`unknown storage system id ${JSON.stringify(id)}; known: ${catalog().map((s) => s.id).join(', ')}`);
    }
    return info;
  }

  /**
   * The storage system a CSI provisioner name belongs to, or undefined. Rook's prefixed ceph-csi names
   * (`rook-ceph.rbd.csi.ceph.com`) are recognised.
   */
  public static forProvisioner(provisioner: string): StorageSystemInfo | undefined {
    if (typeof provisioner !== 'string') return undefined;
    // classes of one provisioner are many (one per app, per tier): the answer is kept by name
    const cache = byProvisioner();
    if (cache.has(provisioner)) return cache.get(provisioner);
    const found = findByProvisioner(provisioner);
    if (cache.size < 1000) cache.set(provisioner, found);
    return found;
  }

  /**
   * The storage system whose removed or deprecated in-tree provisioner (`kubernetes.io/aws-ebs`, ...) this is, or undefined.
   */
  public static forInTreeProvisioner(provisioner: string): StorageSystemInfo | undefined {
    return catalog().find((s) => s.inTreeProvisioner !== undefined && s.inTreeProvisioner === provisioner);
  }

  /** The storage system of an in-tree volume plugin (`awsElasticBlockStore`, `nfs`, `hostPath`, ...), or undefined. */
  public static forInTreePlugin(plugin: string): StorageSystemInfo | undefined {
    return catalog().find((s) => s.inTreePlugin === plugin);
  }

  /** Storage systems that give ReadWriteMany to Filesystem claims through dynamic provisioning. */
  public static sharedFileSystems(): StorageSystemInfo[] {
    return catalog().filter((s) => s.dynamicProvisioning && s.filesystemAccessModes.includes(RWX));
  }

  private constructor() {}
}

/**
 * What a class of a system can do with its parameters: without the parameter that enables sharing (see
 * `sharedAccessRequires`), Filesystem claims get neither ReadWriteMany nor ReadOnlyMany; size limits that depend on a
 * parameter (see `sizeLimitsWhen`) replace the system's own.
 */
export function effectiveCapabilities(system: StorageSystemInfo, parameters: Record<string, unknown> | undefined): StorageCapabilities {
  const cond = system.sharedAccessRequires;
  const sizes = system.sizeLimitsWhen?.find((l) => parameters && l.values.includes(String(parameters[l.parameter])));
  if ((!cond || (parameters && String(parameters[cond.parameter]) === cond.value)) && !sizes) return system;
  return {
    ...system,
    filesystemAccessModes: !cond || (parameters && String(parameters[cond.parameter]) === cond.value)
      ? system.filesystemAccessModes : system.filesystemAccessModes.filter((m) => m !== RWX && m !== ROX),
    minSizeGib: sizes?.minSizeGib ?? system.minSizeGib,
    maxSizeGib: sizes?.maxSizeGib ?? system.maxSizeGib,
  };
}

/** Access modes a system supports for a volume mode. */
export function accessModesFor(caps: StorageCapabilities, volumeMode: string | undefined): PersistentVolumeAccessMode[] {
  return volumeMode === 'Block' ? caps.blockAccessModes : caps.filesystemAccessModes;
}

/**
 * The storage systems that give `mode` (ReadWriteMany or ReadOnlyMany) to Filesystem claims through dynamic
 * provisioning, as a list for a message: computed from the catalog for the mode asked for, never the system just
 * refused. The refused system comes first when a class parameter would enable the mode on it (a Portworx class with
 * `sharedv4: "true"`), then the systems of its family (Amazon EFS for Amazon EBS), then the others in catalog order;
 * a condition a class must meet is named with the system.
 *
 * @param mode the access mode asked for
 * @param refused the system of the class that was refused, if any
 * @param refusedParameters the parameters of that class (whether the sharing parameter is already set)
 */
export function sharingAlternatives(mode: string, refused?: StorageSystemInfo, refusedParameters?: Record<string, unknown>): string {
  const names: string[] = [];
  const withCondition = (s: StorageSystemInfo) => s.sharedAccessRequires
    ? `${s.name} (a class with ${s.sharedAccessRequires.parameter}: "${s.sharedAccessRequires.value}")` : s.name;
  const serves = (s: StorageSystemInfo) => s.dynamicProvisioning && (s.filesystemAccessModes as string[]).includes(mode);
  if (refused && serves(refused) && refused.sharedAccessRequires
    && String(refusedParameters?.[refused.sharedAccessRequires.parameter]) !== refused.sharedAccessRequires.value) {
    names.push(withCondition(refused));
  }
  const others = catalog().filter((s) => s !== refused && serves(s));
  const sameFamily = refused?.family ? others.filter((s) => s.family === refused.family) : [];
  for (const s of [...sameFamily, ...others.filter((x) => !sameFamily.includes(x))]) names.push(withCondition(s));
  return names.join(', ');
}
