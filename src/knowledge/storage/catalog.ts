import { PersistentVolumeAccessMode } from 'cdk8s-plus-27';
import { StorageSystemId, StorageSystemInfo } from './system';
import { awsEbs, azureDisk, exoscaleBlockStorage, gcePd, openstackCinder, vsphere } from './systems/cloud-block';
import { awsEfs, azureFiles, cephfs, glusterfs, nfs } from './systems/file';
import { ROX, RWX } from './systems/helpers';
import { hostPath, local, openebsLocalpv, s3Mountpoint } from './systems/other';
import { cephRbd, iscsi, longhorn, openebsMayastor, portworx, storageos } from './systems/software-block';
import { StorageCapabilities } from './types';

// The catalog's types live in system.ts (the data files use them); re-exported here, where the rest of the library reads them.
export { NO_PROVISIONER, SharedAccessCondition, StorageSystemId, StorageSystemInfo } from './system';

/**
 * The storage catalog: facts per storage system, as data. Sources are cited per entry; facts the
 * research could not confirm in a primary source are marked "unverified" in the notes and are
 * never used to refuse a configuration.
 */
const CATALOG: StorageSystemInfo[] = [
  exoscaleBlockStorage, awsEbs, azureDisk, azureFiles, gcePd, openstackCinder, vsphere, cephRbd, cephfs, longhorn,
  openebsMayastor, openebsLocalpv, portworx, storageos, nfs, awsEfs, s3Mountpoint, glusterfs, iscsi, local, hostPath,
];

const BY_ID = new Map<string, StorageSystemInfo>(CATALOG.map((s) => [s.id, s]));

/**
 * Read access to the storage catalog.
 */
export class StorageCatalog {
  /** Every storage system the library knows. */
  public static all(): StorageSystemInfo[] {
    return [...CATALOG];
  }

  /** The facts for one storage system. */
  public static get(id: StorageSystemId): StorageSystemInfo {
    const info = BY_ID.get(id);
    if (!info) {
      throw new Error(`unknown storage system id ${JSON.stringify(id)}; known: ${CATALOG.map((s) => s.id).join(', ')}`);
    }
    return info;
  }

  /**
   * The storage system a CSI provisioner name belongs to, or undefined. Rook's prefixed ceph-csi names
   * (`rook-ceph.rbd.csi.ceph.com`) are recognised.
   */
  public static forProvisioner(provisioner: string): StorageSystemInfo | undefined {
    if (typeof provisioner !== 'string') return undefined;
    for (const s of CATALOG) {
      if (!s.provisioner) continue;
      if (s.provisioner === provisioner) return s;
      if (s.provisionerMayBePrefixed && provisioner.endsWith('.' + s.provisioner)) return s;
    }
    return undefined;
  }

  /**
   * The storage system whose removed or deprecated in-tree provisioner (`kubernetes.io/aws-ebs`, ...) this is, or undefined.
   */
  public static forInTreeProvisioner(provisioner: string): StorageSystemInfo | undefined {
    return CATALOG.find((s) => s.inTreeProvisioner !== undefined && s.inTreeProvisioner === provisioner);
  }

  /** The storage system of an in-tree volume plugin (`awsElasticBlockStore`, `nfs`, `hostPath`, ...), or undefined. */
  public static forInTreePlugin(plugin: string): StorageSystemInfo | undefined {
    return CATALOG.find((s) => s.inTreePlugin === plugin);
  }

  /** Storage systems that give ReadWriteMany to Filesystem claims through dynamic provisioning. */
  public static sharedFileSystems(): StorageSystemInfo[] {
    return CATALOG.filter((s) => s.dynamicProvisioning && s.filesystemAccessModes.includes(PersistentVolumeAccessMode.READ_WRITE_MANY));
  }

  private constructor() {}
}

/**
 * What a class of a system can do with its parameters: without the parameter that enables sharing (see
 * `sharedAccessRequires`), Filesystem claims get neither ReadWriteMany nor ReadOnlyMany.
 */
export function effectiveCapabilities(system: StorageSystemInfo, parameters: Record<string, unknown> | undefined): StorageCapabilities {
  const cond = system.sharedAccessRequires;
  if (!cond || (parameters && String(parameters[cond.parameter]) === cond.value)) return system;
  return {
    ...system,
    filesystemAccessModes: system.filesystemAccessModes.filter((m) => m !== RWX && m !== ROX),
  };
}

/** Access modes a system supports for a volume mode. */
export function accessModesFor(caps: StorageCapabilities, volumeMode: string | undefined): PersistentVolumeAccessMode[] {
  return volumeMode === 'Block' ? caps.blockAccessModes : caps.filesystemAccessModes;
}
