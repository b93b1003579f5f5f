import { HostPathVolumeType, PersistentVolumeAccessMode, PersistentVolumeMode, PersistentVolumeReclaimPolicy } from 'cdk8s-plus-27';
import { checkSizeLimits, systemName } from './claim-check';
import { EfsFileSystemOptions, HostPathBackendOptions, NfsExportOptions, S3BucketOptions, StaticVolumeOptions } from './shared-volume-backend-options';
import { absolute, Quantity, quantityOf, SHARED_MODES, SharedVolumeBinding, SharedVolumeClaim } from './shared-volume-binding';
import { isDnsSubdomain } from '../core/names';
import { Problem, Problems } from '../core/problems';
import { GIB, isSize } from '../core/quantity';
import { asText } from '../core/values';
import { accessModesFor, sharingAlternatives, StorageCatalog, StorageSystemId, StorageSystemInfo } from '../knowledge/storage/catalog';
import { IStorageClass } from '../knowledge/storage/storage-class';
import { StorageKind } from '../knowledge/storage/types';

/**
 * Where a {@link SharedRwxVolume} keeps its files: a storage class that provisions file volumes (dynamic), or an
 * existing NFS export, EFS file system, S3 bucket or host directory (static: a PersistentVolume bound to the claim).
 */
export abstract class SharedVolumeBackend {
  /**
   * A claim against a storage class that gives ReadWriteMany: a {@link FileStorageClass}, a Longhorn or Portworx
   * sharedv4 {@link BlockStorageClass}, or an {@link ExistingStorageClass}.
   */
  public static storageClass(storageClass: IStorageClass): SharedVolumeBackend {
    return new ClassBackend(storageClass);
  }

  /** An existing NFS export (static PersistentVolume with the in-tree `nfs` volume source). */
  public static nfs(options: NfsExportOptions): SharedVolumeBackend {
    return new NfsBackend(options);
  }

  /** An existing EFS file system (static PersistentVolume of `efs.csi.aws.com`). */
  public static efs(options: EfsFileSystemOptions): SharedVolumeBackend {
    return new EfsBackend(options);
  }

  /**
   * An S3 bucket through Mountpoint (static PersistentVolume of `s3.csi.aws.com`, storageClassName `""`).
   * ReadWriteMany or ReadOnlyMany only; the validator warns about Mountpoint's semantics.
   */
  public static s3(options: S3BucketOptions): SharedVolumeBackend {
    return new S3Backend(options);
  }

  /**
   * A directory on the node: single-node development clusters only (each node of a bigger cluster sees its own,
   * different directory). The validator warns.
   */
  public static hostPath(options: HostPathBackendOptions): SharedVolumeBackend {
    return new HostPathBackend(options);
  }

  /**
   * GlusterFS: refused. Its in-tree plugin was removed in Kubernetes 1.26 and no CSI driver is maintained; the
   * construct's error names the alternatives.
   */
  public static glusterfs(): SharedVolumeBackend {
    return new GlusterfsBackend();
  }

  /** Whether the backend is an existing volume (a PersistentVolume is emitted) rather than a provisioning class. */
  public readonly isStatic: boolean;
  /**
   * The storage system behind the backend.
   * @default - a class of a provisioner the catalog does not know
   */
  public readonly system?: StorageSystemInfo;

  /**
   * @param isStatic whether the backend is an existing volume
   * @param system the storage system behind the backend
   */
  protected constructor(isStatic: boolean, system?: StorageSystemInfo) {
    this.isStatic = isStatic;
    this.system = system;
  }

  /**
   * A problem that makes every other check moot (a backend that can never mount): reported alone, before the claim
   * is checked.
   * @internal
   */
  public _refusal(): Problem | undefined {
    return undefined;
  }

  /**
   * Checks the backend's options against the claim and returns what the volume needs.
   * @internal
   */
  public abstract _bind(claim: SharedVolumeClaim): SharedVolumeBinding;
}

/** A claim against a provisioning class: the class must give the claim's access mode, and its size rules hold. */
class ClassBackend extends SharedVolumeBackend {
  constructor(private readonly storageClass: IStorageClass) {
    super(false, storageClass?.system);
  }

  public _bind(claim: SharedVolumeClaim): SharedVolumeBinding {
    const { problems } = claim;
    const cls = this.storageClass;
    if (!cls || typeof cls.storageClassName !== 'string' || typeof cls.capabilities !== 'object' || cls.capabilities === null) {
      problems.add('backend', cls, 'is not a storage class', 'Pass a FileStorageClass, a BlockStorageClass or an ExistingStorageClass to SharedVolumeBackend.storageClass().');
      problems.throwIfAny();
    }
    const classDesc = `storage class ${JSON.stringify(cls.storageClassName)} (${systemName(cls)})`;
    this.checkMode(claim, classDesc);
    if (claim.request) {
      checkSizeLimits(problems, 'size', claim.request.quantity, claim.request.bytes / GIB, cls.capabilities,
        { requiredBy: systemName(cls), limitsOf: classDesc, unit: 'Gi' });
    }
    if (claim.reclaimPolicy !== undefined) {
      problems.add('reclaimPolicy', claim.reclaimPolicy, 'cannot be set for a dynamically provisioned volume', `Set reclaimPolicy on the StorageClass ${cls.storageClassName}.`);
    }
    if (claim.mountOptions !== undefined) {
      problems.add('mountOptions', claim.mountOptions, 'cannot be set for a dynamically provisioned volume', `Set mountOptions on the StorageClass ${cls.storageClassName}.`);
    }
    if (claim.persistentVolumeName !== undefined) {
      problems.add('persistentVolumeName', claim.persistentVolumeName, 'cannot be set for a dynamically provisioned volume (the provisioner names it)', 'Remove persistentVolumeName.');
    }
    return { storageClassName: cls.storageClassName, storageClass: cls };
  }

  /** The class must provision dynamically and serve the shared access mode to Filesystem claims. */
  private checkMode(claim: SharedVolumeClaim, classDesc: string): void {
    const cls = this.storageClass;
    const caps = cls.capabilities;
    const sysName = systemName(cls);
    const modeName = asText(claim.mode);
    const modes = accessModesFor(caps, PersistentVolumeMode.FILE_SYSTEM);
    if (cls.system && !cls.system.dynamicProvisioning) {
      claim.problems.add('backend', cls.storageClassName, `is a class of ${sysName}, which cannot provision volumes dynamically: the claim would stay Pending`,
        cls.system.kind === StorageKind.OBJECT ? 'Use SharedVolumeBackend.s3({ bucketName }) (a static volume without class).' : 'Use a static backend (SharedVolumeBackend.nfs/efs/hostPath).');
    } else if (SHARED_MODES.includes(claim.mode) && !modes.includes(claim.mode)) {
      if (caps.kind === StorageKind.BLOCK || caps.kind === StorageKind.LOCAL) {
        const why = caps.kind === StorageKind.LOCAL
          ? 'node-local storage: its volume lives on one node, so pods on other nodes never get it'
          : 'a block device is attached to one node at a time, so a ' + modeName + ' claim never binds (or, on multi-attach disks, corrupts ext4/xfs when two nodes write)';
        claim.problems.add('backend', cls.storageClassName, `is ${classDesc}, ${caps.kind} storage: ${why}`, sharingFix(claim.mode, cls.system));
      } else {
        claim.problems.add('accessMode', modeName, `is not supported by ${classDesc} for Filesystem volumes (it supports ${modes.join(', ') || 'none'})`,
          `Use ${modes.filter((m) => SHARED_MODES.includes(m)).join(' or ') || 'another storage class'}${cls.system?.notes.length ? '. ' + cls.system.notes[0] : ''}`.replace(/\.?$/, '.'));
      }
    }
  }
}

/** How to build a class of each system that can share, for fixes. */
const SHARING_FACTORIES: Partial<Record<StorageSystemId, string>> = {
  [StorageSystemId.NFS]: 'FileProvisioner.nfs',
  [StorageSystemId.CEPHFS]: 'FileProvisioner.cephfs',
  [StorageSystemId.AZURE_FILES]: 'FileProvisioner.azureFiles',
  [StorageSystemId.AWS_EFS]: 'FileProvisioner.awsEfs',
  [StorageSystemId.VSPHERE]: 'FileProvisioner.vsphereFile',
  [StorageSystemId.LONGHORN]: 'BlockProvisioner.longhorn',
  [StorageSystemId.PORTWORX]: 'BlockProvisioner.portworx({ sharedv4: true })',
};

/**
 * The fix of a shared mode refused on a class: the systems that give that mode (from the catalog, never the one
 * refused, its family first), and the factories that build their classes.
 */
function sharingFix(mode: PersistentVolumeAccessMode, refused: StorageSystemInfo | undefined): string {
  const alternatives = sharingAlternatives(mode, refused);
  if (!alternatives) return `No storage system the library knows gives ${mode} to Filesystem claims: use a static backend (SharedVolumeBackend.nfs/efs).`;
  const factories = StorageCatalog.all()
    .filter((s) => s !== refused && s.dynamicProvisioning && s.filesystemAccessModes.includes(mode) && SHARING_FACTORIES[s.id])
    .map((s) => SHARING_FACTORIES[s.id]);
  return `Use a class of a system that gives ${mode} to Filesystem claims: ${alternatives}${factories.length ? ` (${factories.join(', ')}, or an ExistingStorageClass)` : ''}.`;
}

/** The volume source of a static backend's PersistentVolume, and its mount options. */
interface StaticSource {
  readonly source: Record<string, unknown>;
  readonly mountOptions: string[];
}

/**
 * An existing volume: a PersistentVolume bound to the claim, with the reclaim policy, name, class and capacity every
 * static backend shares; the subclass checks its own options and gives the volume source.
 */
abstract class StaticBackend<O extends StaticVolumeOptions> extends SharedVolumeBackend {
  protected readonly options: Partial<O>;

  constructor(id: StorageSystemId, options: O) {
    super(true, StorageCatalog.get(id));
    this.options = options ?? {};
  }

  public _bind(claim: SharedVolumeClaim): SharedVolumeBinding {
    const { problems } = claim;
    const reclaimPolicy = claim.reclaimPolicy ?? PersistentVolumeReclaimPolicy.RETAIN;
    if (!Object.values(PersistentVolumeReclaimPolicy).includes(reclaimPolicy)) {
      problems.add('reclaimPolicy', reclaimPolicy, 'is not Retain or Delete (Recycle is deprecated)', 'Use PersistentVolumeReclaimPolicy.RETAIN.');
    }
    const name = claim.persistentVolumeName ?? `${claim.claimNamespace}-${asText(claim.claimName)}`;
    if (!isDnsSubdomain(name)) {
      problems.add('persistentVolumeName', name, 'is not a valid object name', 'Use lower-case letters, digits and -, e.g. "shop-uploads".');
    }
    const storageClassName = this.className(problems);
    const capacity = this.capacity(claim);
    const given = Array.isArray(claim.mountOptions) ? [...claim.mountOptions] : [];
    const { source, mountOptions } = this.volumeSource(claim, name, given);
    return { storageClassName, persistentVolume: { name, capacity, reclaimPolicy, mountOptions, source } };
  }

  /** `storageClassName` of the volume and claim: `""` unless the options name a class. */
  protected className(problems: Problems): string {
    const name = this.options.storageClassName;
    if (name === undefined) return '';
    if (typeof name !== 'string' || (name !== '' && !isDnsSubdomain(name))) {
      problems.add('backend.storageClassName', name, 'is not a StorageClass name', 'Use "" (no class) or a name like "dev".');
      return '';
    }
    return name;
  }

  /** Capacity of the volume: the claim's size unless the options set one, which must cover the claim. */
  private capacity(claim: SharedVolumeClaim): string | undefined {
    const { problems, request } = claim;
    let cap: Quantity | undefined = request;
    if (this.options.capacity !== undefined) {
      cap = isSize(this.options.capacity) ? quantityOf(this.options.capacity) : undefined;
      if (!cap || cap.bytes <= 0) {
        problems.add('backend.capacity', this.options.capacity, 'is not a positive Size', 'Use e.g. Size.gibibytes(10).');
      } else if (request && cap.bytes < request.bytes) {
        problems.add('backend.capacity', cap.quantity, `is smaller than size ${request.quantity}: a claim binds only to a volume at least as large as its request, so it would stay Pending`,
          `Set capacity to at least ${request.quantity}, or lower size.`);
      }
    }
    return cap?.quantity;
  }

  /** Whether the volume is mounted read-only (`true` for ReadOnlyMany, else unset). */
  protected readOnly(claim: SharedVolumeClaim): true | undefined {
    return claim.mode === PersistentVolumeAccessMode.READ_ONLY_MANY ? true : undefined;
  }

  /** Checks the backend's own options; the volume source and the mount options (`given`: the props' own). */
  protected abstract volumeSource(claim: SharedVolumeClaim, volumeName: string, given: string[]): StaticSource;
}

/** An existing NFS export through the in-tree `nfs` volume type. */
class NfsBackend extends StaticBackend<NfsExportOptions> {
  constructor(options: NfsExportOptions) {
    super(StorageSystemId.NFS, options);
  }

  protected volumeSource(claim: SharedVolumeClaim, _volumeName: string, given: string[]): StaticSource {
    const o = this.options;
    if (typeof o.server !== 'string' || o.server.trim() === '') {
      claim.problems.add('backend.server', o.server, 'must name the NFS server', 'Set server to a host name or IP, e.g. nfs.internal.example.com.');
    }
    if (!absolute(o.path)) {
      claim.problems.add('backend.path', o.path, 'must be the absolute exported path', 'Set path to the export, e.g. /exports/uploads.');
    }
    return { source: { nfs: { server: o.server, path: o.path, readOnly: this.readOnly(claim) } }, mountOptions: given };
  }
}

/** An existing EFS file system through `efs.csi.aws.com`. */
class EfsBackend extends StaticBackend<EfsFileSystemOptions> {
  constructor(options: EfsFileSystemOptions) {
    super(StorageSystemId.AWS_EFS, options);
  }

  protected volumeSource(claim: SharedVolumeClaim, _volumeName: string, given: string[]): StaticSource {
    const o = this.options;
    if (typeof o.fileSystemId !== 'string' || !/^fs-[0-9a-f]+$/.test(o.fileSystemId)) {
      claim.problems.add('backend.fileSystemId', o.fileSystemId, 'is not an EFS file system id', 'Use the id of the file system, e.g. fs-0123456789abcdef0.');
    }
    if (o.path !== undefined && !absolute(o.path)) {
      claim.problems.add('backend.path', o.path, 'is not an absolute path', 'Use e.g. /uploads.');
    }
    if (o.accessPointId !== undefined && (typeof o.accessPointId !== 'string' || !/^fsap-[0-9a-f]+$/.test(o.accessPointId))) {
      claim.problems.add('backend.accessPointId', o.accessPointId, 'is not an EFS access point id', 'Use e.g. fsap-0123456789abcdef0.');
    }
    // volumeHandle: <fileSystemId>[:<path>[:<accessPointId>]] (aws-efs-csi-driver docs, static provisioning)
    const [fsId, fsPath, apId] = [asText(o.fileSystemId), asText(o.path ?? ''), asText(o.accessPointId)]; // wrong types were reported above
    const handle = o.accessPointId ? `${fsId}:${fsPath}:${apId}` : o.path ? `${fsId}:${fsPath}` : o.fileSystemId;
    return { source: { csi: { driver: this.system!.provisioner, volumeHandle: handle, readOnly: this.readOnly(claim) } }, mountOptions: given };
  }
}

/**
 * An S3 bucket through Mountpoint (`s3.csi.aws.com`): a static volume without class, configured through mount
 * options derived from the options (they come before the props' own).
 */
class S3Backend extends StaticBackend<S3BucketOptions & StaticVolumeOptions> {
  constructor(options: S3BucketOptions) {
    super(StorageSystemId.S3_MOUNTPOINT, options);
  }

  protected className(problems: Problems): string {
    const name = this.options.storageClassName;
    if (name !== undefined && name !== '') {
      problems.add('backend.storageClassName', name, 'cannot be used with S3: Mountpoint volumes are static only and must have storageClassName ""', 'Remove storageClassName.');
    }
    return '';
  }

  protected volumeSource(claim: SharedVolumeClaim, volumeName: string, given: string[]): StaticSource {
    const o = this.options;
    if (typeof o.bucketName !== 'string' || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(o.bucketName)) {
      claim.problems.add('backend.bucketName', o.bucketName, 'is not an S3 bucket name (3-63 lower-case letters, digits, . and -)', 'Use the bucket name as created, e.g. "shop-media".');
    }
    const derived = this.mountpointOptions(claim.problems);
    // volumeHandle must be unique among the cluster's PVs: the PV name is.
    const source = {
      csi: { driver: this.system!.provisioner, volumeHandle: volumeName, volumeAttributes: { bucketName: o.bucketName }, readOnly: this.readOnly(claim) },
    };
    return { source, mountOptions: [...derived, ...given] };
  }

  /** Mountpoint's options from the backend's: permissions (allow-delete, allow-overwrite), owner, region, prefix, endpoint. */
  private mountpointOptions(problems: Problems): string[] {
    const o = this.options;
    const derived: string[] = [];
    if (o.allowDelete) derived.push('allow-delete');
    if (o.allowOverwrite) derived.push('allow-overwrite');
    for (const [key, v] of [['uid', o.uid], ['gid', o.gid]] as const) {
      if (v === undefined) continue;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
        problems.add(`backend.${key}`, v, 'is not a POSIX id', `Set ${key} to a whole number, e.g. 1000.`);
      } else {
        derived.push(`${key}=${v}`);
      }
    }
    if (o.uid !== undefined || o.gid !== undefined) derived.push('allow-other');
    if (o.region !== undefined) {
      if (typeof o.region !== 'string' || !/^[a-z0-9-]+$/.test(o.region)) problems.add('backend.region', o.region, 'is not a region name', 'Use e.g. eu-central-1.');
      else derived.push(`region ${o.region}`);
    }
    if (o.prefix !== undefined) {
      if (typeof o.prefix !== 'string' || !o.prefix.endsWith('/') || o.prefix.startsWith('/')) problems.add('backend.prefix', o.prefix, 'must be a key prefix ending with / (and not starting with /)', 'Use e.g. "media/".');
      else derived.push(`prefix ${o.prefix}`);
    }
    if (o.endpointUrl !== undefined) {
      if (typeof o.endpointUrl !== 'string' || !/^https?:\/\/\S+$/.test(o.endpointUrl)) problems.add('backend.endpointUrl', o.endpointUrl, 'is not a URL', 'Use e.g. https://sos-ch-gva-2.exo.io.');
      else derived.push(`endpoint-url ${o.endpointUrl}`);
    }
    return derived;
  }
}

/** A directory on the node. */
class HostPathBackend extends StaticBackend<HostPathBackendOptions> {
  constructor(options: HostPathBackendOptions) {
    super(StorageSystemId.HOST_PATH, options);
  }

  protected volumeSource(claim: SharedVolumeClaim, _volumeName: string, given: string[]): StaticSource {
    const o = this.options;
    if (!absolute(o.path)) {
      claim.problems.add('backend.path', o.path, 'is not an absolute path on the node', 'Use e.g. /mnt/data.');
    }
    const type = o.type ?? HostPathVolumeType.DIRECTORY_OR_CREATE;
    if (!Object.values(HostPathVolumeType).includes(type)) {
      claim.problems.add('backend.type', type, 'is not a hostPath type', 'Use HostPathVolumeType.DIRECTORY_OR_CREATE.');
    }
    if (given.length) {
      claim.problems.add('mountOptions', claim.mountOptions, 'cannot be used with hostPath: the API server rejects mount options on hostPath volumes', 'Remove mountOptions.');
    }
    return { source: { hostPath: { path: o.path, type } }, mountOptions: given };
  }
}

/** GlusterFS: refused before anything else, with the alternatives. */
class GlusterfsBackend extends SharedVolumeBackend {
  constructor() {
    super(true, StorageCatalog.get(StorageSystemId.GLUSTERFS));
  }

  public _refusal(): Problem {
    const alternatives = sharingAlternatives(PersistentVolumeAccessMode.READ_WRITE_MANY, this.system);
    return {
      prop: 'backend',
      value: 'glusterfs',
      problem: `cannot be used: the in-tree glusterfs volume plugin was removed in Kubernetes ${this.system?.inTreeRemovedIn ?? '1.26'} and no GlusterFS CSI driver is maintained, so the volume would never mount`,
      fix: `Move the data to a file system with a maintained driver: ${alternatives} (SharedVolumeBackend.storageClass with a FileStorageClass), or an existing NFS export (SharedVolumeBackend.nfs: GlusterFS can export NFS).`,
    };
  }

  public _bind(claim: SharedVolumeClaim): SharedVolumeBinding {
    // never reached: the volume reports the refusal before it binds
    claim.problems.addAll([this._refusal()]);
    claim.problems.throwIfAny();
    return { storageClassName: '' };
  }
}
