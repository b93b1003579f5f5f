import { PersistentVolumeAccessMode } from 'cdk8s-plus-27';
import { catalogProvisioner, ProvisionerSpec } from './provisioner-spec';
import { isDnsLabel } from '../core/names';
import { Problem } from '../core/problems';
import { asText } from '../core/values';
import { StorageSystemId, StorageSystemInfo } from '../knowledge/storage/catalog';
import { StorageCapabilities, StorageKind } from '../knowledge/storage/types';

function notString(x: unknown): boolean {
  return typeof x !== 'string' || x.trim() === '';
}

function wholeNumber(x: unknown, min: number, max: number): boolean {
  return typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;
}

/** What the NFS CSI driver does with a volume's directory when the volume is deleted. */
export enum NfsOnDelete {
  /** Remove the directory and its files. */
  DELETE = 'delete',
  /** Keep the directory. */
  RETAIN = 'retain',
  /** Rename the directory to `archived-<name>`. */
  ARCHIVE = 'archive',
}

/** Options for {@link FileProvisioner.nfs}. */
export interface NfsProvisionerOptions {
  /** NFS server host name or IP address, e.g. `nfs.internal.example.com`. */
  readonly server: string;
  /** Exported path on the server, e.g. `/exports/k8s`. Each volume is a sub-directory of it. */
  readonly share: string;
  /**
   * Sub-directory per volume; supports the driver's templates `${pvc.metadata.namespace}`, `${pvc.metadata.name}`, `${pv.metadata.name}`.
   * @default - the driver's default: one directory per volume, named after the PV
   */
  readonly subDir?: string;
  /**
   * Octal permissions applied to the volume directory after mount, e.g. `0770`.
   * @default - the directory keeps the server's permissions
   */
  readonly mountPermissions?: string;
  /**
   * What happens to the directory when the volume is deleted.
   * @default - the driver's default (delete); the class's reclaim policy defaults to Retain, so the driver is not asked to delete
   */
  readonly onDelete?: NfsOnDelete;
}

/** Options for {@link FileProvisioner.cephfs}. */
export interface CephFsOptions {
  /** Name of the CephFilesystem (Rook) the volumes are created in, e.g. `myfs`. */
  readonly fsName: string;
  /**
   * Data pool of the file system, e.g. `myfs-replicated`.
   * @default - the file system's default data pool
   */
  readonly pool?: string;
  /**
   * Ceph cluster id; with Rook, the namespace of the CephCluster.
   * @default 'rook-ceph' - Rook's default cluster namespace
   */
  readonly clusterId?: string;
  /**
   * Namespace of the Rook operator: the provisioner is `<namespace>.cephfs.csi.ceph.com`.
   * @default 'rook-ceph' - Rook's default operator namespace
   */
  readonly operatorNamespace?: string;
}

/** Azure Files storage account SKUs. */
export enum AzureFilesSku {
  /** Standard (HDD), locally redundant. */
  STANDARD_LRS = 'Standard_LRS',
  /** Standard (HDD), zone redundant. */
  STANDARD_ZRS = 'Standard_ZRS',
  /** Standard (HDD), geo redundant. */
  STANDARD_GRS = 'Standard_GRS',
  /** Premium (SSD), locally redundant; 100 GiB minimum share size. */
  PREMIUM_LRS = 'Premium_LRS',
  /** Premium (SSD), zone redundant; 100 GiB minimum share size. */
  PREMIUM_ZRS = 'Premium_ZRS',
}

/** Protocol of an Azure file share. */
export enum AzureFilesProtocol {
  /** SMB 3 (the default of the driver). */
  SMB = 'smb',
  /** NFS 4.1: POSIX permissions, needs a Premium SKU. */
  NFS = 'nfs',
}

/** Options for {@link FileProvisioner.azureFiles}. */
export interface AzureFilesOptions {
  /**
   * Storage account SKU.
   * @default - AzureFilesSku.STANDARD_LRS for SMB, AzureFilesSku.PREMIUM_LRS for NFS (the only SKUs each protocol accepts without surprises)
   */
  readonly skuName?: AzureFilesSku;
  /**
   * Share protocol.
   * @default AzureFilesProtocol.SMB - works with every SKU
   */
  readonly protocol?: AzureFilesProtocol;
}

/** Options for {@link FileProvisioner.awsEfs}. */
export interface AwsEfsOptions {
  /** Existing EFS file system id, e.g. `fs-0123456789abcdef0` (the file system is created outside Kubernetes). */
  readonly fileSystemId: string;
  /**
   * Octal permissions of each access point's root directory.
   * @default '700' - only the access point's user can read the data
   */
  readonly directoryPerms?: string;
  /**
   * POSIX user id the access point enforces for every file operation.
   * @default - a uid from the gid range, chosen by the driver
   */
  readonly uid?: number;
  /**
   * POSIX group id the access point enforces.
   * @default - a gid from gidRangeStart..gidRangeEnd, chosen by the driver
   */
  readonly gid?: number;
  /**
   * Start of the gid range for access points.
   * @default - the driver's default (50000)
   */
  readonly gidRangeStart?: number;
  /**
   * End of the gid range for access points.
   * @default - the driver's default (7000000)
   */
  readonly gidRangeEnd?: number;
  /**
   * Base path under which access point directories are created, e.g. `/dynamic`.
   * @default - the file system root
   */
  readonly basePath?: string;
}

/** Options for {@link FileProvisioner.vsphereFile}. */
export interface VsphereFileOptions {
  /**
   * SPBM storage policy name of a vSAN datastore with File Services enabled.
   * @default - the datastore default
   */
  readonly storagePolicyName?: string;
}

/** The options a factory passes as parameters of the same name, for messages: `provisioner.<key>` and the value given. */
function optionProps(o: Record<string, any>, keys: string[]): Record<string, { prop: string; value: unknown }> {
  const props: Record<string, { prop: string; value: unknown }> = {};
  for (const key of keys) props[key] = { prop: `provisioner.${key}`, value: o[key] };
  return props;
}

/**
 * The file storage system behind a {@link FileStorageClass}: one typed factory per system that gives
 * ReadWriteMany through dynamic provisioning. Longhorn RWX and Portworx sharedv4 are block systems that
 * share volumes over NFS: use {@link BlockProvisioner.longhorn} and `BlockProvisioner.portworx({ sharedv4: true })`.
 */
export class FileProvisioner {
  /** NFS through csi-driver-nfs (`nfs.csi.k8s.io`): one sub-directory of an existing export per volume. */
  public static nfs(options: NfsProvisionerOptions): FileProvisioner {
    const o: Partial<NfsProvisionerOptions> = options ?? {};
    const problems: Problem[] = [];
    if (notString(o.server)) {
      problems.push({ key: 'server', prop: 'provisioner.server', value: o.server, problem: 'must name the NFS server', fix: 'Set server to a host name or IP, e.g. nfs.internal.example.com.' });
    }
    if (notString(o.share)) {
      problems.push({ key: 'share', prop: 'provisioner.share', value: o.share, problem: 'must be the absolute exported path', fix: 'Set share to the export, e.g. /exports/k8s.' });
    }
    // the share's form and the permissions are catalog facts (csi-driver-nfs parameters), read by STO-002 too
    return new FileProvisioner(catalogProvisioner(StorageSystemId.NFS, {
      server: o.server, share: o.share, subDir: o.subDir, mountPermissions: o.mountPermissions, onDelete: o.onDelete,
    }, { problems, props: optionProps(o, ['share', 'mountPermissions']) }));
  }

  /** CephFS through Rook (`<operatorNamespace>.cephfs.csi.ceph.com`), with Rook's default CSI secrets. */
  public static cephfs(options: CephFsOptions): FileProvisioner {
    const o: Partial<CephFsOptions> = options ?? {};
    const clusterId = o.clusterId ?? 'rook-ceph';
    const operatorNamespace = o.operatorNamespace ?? 'rook-ceph';
    const problems: Problem[] = [];
    if (notString(o.fsName)) {
      problems.push({ key: 'fsName', prop: 'provisioner.fsName', value: o.fsName, problem: 'must name the CephFilesystem', fix: 'Set fsName to the name of a CephFilesystem, e.g. myfs.' });
    }
    for (const [prop, v] of [['clusterId', clusterId], ['operatorNamespace', operatorNamespace]] as const) {
      if (!isDnsLabel(v)) problems.push({ prop: `provisioner.${prop}`, value: v, problem: 'must be a namespace name', fix: 'Use the Rook namespace, e.g. rook-ceph.' });
    }
    // Secret names as Rook creates them (rook/rook deploy/examples/csi/cephfs/storageclass.yaml).
    return new FileProvisioner(catalogProvisioner(StorageSystemId.CEPHFS, {
      'clusterID': clusterId,
      'fsName': o.fsName,
      'pool': o.pool,
      'csi.storage.k8s.io/provisioner-secret-name': 'rook-csi-cephfs-provisioner',
      'csi.storage.k8s.io/provisioner-secret-namespace': clusterId,
      'csi.storage.k8s.io/controller-expand-secret-name': 'rook-csi-cephfs-provisioner',
      'csi.storage.k8s.io/controller-expand-secret-namespace': clusterId,
      'csi.storage.k8s.io/node-stage-secret-name': 'rook-csi-cephfs-node',
      'csi.storage.k8s.io/node-stage-secret-namespace': clusterId,
    }, { provisioner: `${asText(operatorNamespace)}.cephfs.csi.ceph.com`, problems }));
  }

  /** Azure Files (`file.csi.azure.com`): an SMB or NFS share per volume. */
  public static azureFiles(options: AzureFilesOptions = {}): FileProvisioner {
    const o = options ?? {};
    const protocol = o.protocol ?? AzureFilesProtocol.SMB;
    const sku = o.skuName ?? (protocol === AzureFilesProtocol.NFS ? AzureFilesSku.PREMIUM_LRS : AzureFilesSku.STANDARD_LRS);
    const problems: Problem[] = [];
    // NFS needs a Premium SKU: a catalog fact (the skuName constraint of Azure Files), read by STO-002 too
    // Premium shares have a 100 GiB minimum: a catalog fact (sizeLimitsWhen), in the capabilities of the class
    return new FileProvisioner(catalogProvisioner(StorageSystemId.AZURE_FILES, { skuName: sku, protocol }, { problems, props: { skuName: { prop: 'provisioner.skuName', value: sku } } }));
  }

  /** Amazon EFS (`efs.csi.aws.com`): an access point per volume on an existing file system. */
  public static awsEfs(options: AwsEfsOptions): FileProvisioner {
    const o: Partial<AwsEfsOptions> = options ?? {};
    const problems: Problem[] = [];
    if (typeof o.fileSystemId !== 'string') {
      problems.push({ key: 'fileSystemId', prop: 'provisioner.fileSystemId', value: o.fileSystemId, problem: 'is not an EFS file system id', fix: 'Use the id of an existing file system, e.g. fs-0123456789abcdef0.' });
    }
    const perms = o.directoryPerms ?? '700';
    if (typeof perms !== 'string') {
      problems.push({ key: 'directoryPerms', prop: 'provisioner.directoryPerms', value: perms, problem: 'is not octal permissions', fix: 'Write it as an octal string, e.g. "700".' });
    }
    const ids: Array<[string, unknown]> = [['uid', o.uid], ['gid', o.gid], ['gidRangeStart', o.gidRangeStart], ['gidRangeEnd', o.gidRangeEnd]];
    for (const [key, v] of ids) {
      if (v !== undefined && !wholeNumber(v, 0, 4294967295)) {
        problems.push({ key, prop: `provisioner.${key}`, value: v, problem: 'is not a POSIX id (a whole number from 0 to 4294967295)', fix: `Set ${key} to a whole number, e.g. 1000.` });
      }
    }
    if (typeof o.gidRangeStart === 'number' && typeof o.gidRangeEnd === 'number' && o.gidRangeStart > o.gidRangeEnd) {
      problems.push({ prop: 'provisioner.gidRangeEnd', value: o.gidRangeEnd, problem: `is below gidRangeStart ${o.gidRangeStart}`, fix: 'Swap the two, or widen the range.' });
    }
    if (o.basePath !== undefined && typeof o.basePath !== 'string') {
      problems.push({ key: 'basePath', prop: 'provisioner.basePath', value: o.basePath, problem: 'is not an absolute path', fix: 'Use a path like /dynamic.' });
    }
    return new FileProvisioner(catalogProvisioner(StorageSystemId.AWS_EFS, {
      provisioningMode: 'efs-ap',
      fileSystemId: o.fileSystemId,
      directoryPerms: perms,
      uid: o.uid,
      gid: o.gid,
      gidRangeStart: o.gidRangeStart,
      gidRangeEnd: o.gidRangeEnd,
      basePath: o.basePath,
    }, { problems, props: { ...optionProps(o, ['fileSystemId', 'basePath']), directoryPerms: { prop: 'provisioner.directoryPerms', value: perms } } }));
  }

  /**
   * vSphere CNS file volumes (`csi.vsphere.vmware.com` with `csi.storage.k8s.io/fstype: nfs4`): NFS shares on vSAN
   * File Services. The same driver makes block volumes for any other fstype; this factory always sets nfs4.
   */
  public static vsphereFile(options: VsphereFileOptions = {}): FileProvisioner {
    const o = options ?? {};
    const spec = catalogProvisioner(StorageSystemId.VSPHERE, {
      'csi.storage.k8s.io/fstype': 'nfs4',
      'storagepolicyname': o.storagePolicyName,
    });
    // The catalog lists vSphere as block storage; with fstype nfs4 the volumes are file shares (RWX, ROX, no raw block).
    const fsModes = [PersistentVolumeAccessMode.READ_WRITE_ONCE, PersistentVolumeAccessMode.READ_ONLY_MANY, PersistentVolumeAccessMode.READ_WRITE_MANY];
    return new FileProvisioner({ ...spec, capabilities: { ...spec.capabilities, kind: StorageKind.FILE, filesystemAccessModes: fsModes, blockAccessModes: [] } }, 'nfs4');
  }

  /** The CSI provisioner name. */
  public readonly provisioner: string;
  /** What the storage system can do. */
  public readonly capabilities: StorageCapabilities;
  /** The catalog entry. */
  public readonly system: StorageSystemInfo;

  private readonly spec: ProvisionerSpec;
  private readonly fixedFsType?: string;

  private constructor(spec: ProvisionerSpec, fixedFsType?: string) {
    this.spec = spec;
    this.fixedFsType = fixedFsType;
    this.provisioner = spec.provisioner;
    this.capabilities = spec.capabilities;
    this.system = spec.system!;
  }

  /** @internal */
  public _spec(): ProvisionerSpec {
    return this.spec;
  }

  /** @internal */
  public _fixedFsType(): string | undefined {
    return this.fixedFsType;
  }
}
