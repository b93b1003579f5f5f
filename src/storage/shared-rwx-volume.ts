import { ApiObject, Chart, Size, SizeRoundingBehavior } from 'cdk8s';
import { AbstractPod, Container, HostPathVolumeType, PersistentVolumeAccessMode, PersistentVolumeClaim, PersistentVolumeMode, PersistentVolumeReclaimPolicy, Volume } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { useStorageClass } from './existing-storage-class';
import { isDnsLabel, isDnsSubdomain, toDnsLabel } from '../core/names';
import { Problems } from '../core/problems';
import { formatBytes, GIB } from '../core/quantity';
import { clusterScoped } from '../core/scope';
import { asText } from '../core/values';
import { accessModesFor, StorageCatalog, StorageSystemId, StorageSystemInfo } from '../knowledge/storage/catalog';
import { IStorageClass } from '../knowledge/storage/storage-class';
import { SizeGranularity, StorageKind } from '../knowledge/storage/types';
import { applyConventions } from '../platform/conventions';
import { PlatformDefaults } from '../platform/defaults';
import { GoldenPathValidation } from '../validation/app-validation';
import { RenderedOnceApiObject } from '../validation/render-cache';

/** Options every static backend shares: the PersistentVolume written next to the claim. */
export interface StaticVolumeOptions {
  /**
   * Capacity written on the PersistentVolume. Must cover the claim's size, or the claim never binds.
   * NFS, EFS and hostPath enforce no quota: this is bookkeeping for the scheduler and for people.
   * @default - the claim's size
   */
  readonly capacity?: Size;
  /**
   * `storageClassName` on both the PersistentVolume and the claim: they must be equal to bind.
   * @default '' - no class: the cluster's default class is not applied and no provisioner is asked to create a volume
   */
  readonly storageClassName?: string;
}

/** An existing NFS export, mounted through the in-tree `nfs` volume type (still supported, unlike GlusterFS). */
export interface NfsExportOptions extends StaticVolumeOptions {
  /** NFS server host name or IP address. */
  readonly server: string;
  /** Exported path, absolute, e.g. `/exports/uploads`. */
  readonly path: string;
}

/** An existing Amazon EFS file system, mounted through `efs.csi.aws.com`. */
export interface EfsFileSystemOptions extends StaticVolumeOptions {
  /** File system id, e.g. `fs-0123456789abcdef0`. */
  readonly fileSystemId: string;
  /**
   * Directory of the file system to mount, absolute.
   * @default - the file system root (or the access point root)
   */
  readonly path?: string;
  /**
   * EFS access point id (`fsap-...`), which enforces a POSIX user and a root directory.
   * @default - no access point
   */
  readonly accessPointId?: string;
}

/**
 * An S3 bucket through Mountpoint for Amazon S3 (`s3.csi.aws.com`). Mountpoint is not a POSIX file system:
 * files are written once, sequentially, by one writer; no rename, no random writes, no links; every file
 * operation is an S3 request. Good for large sequential reads and write-once output, never for databases.
 *
 * @see https://github.com/awslabs/mountpoint-s3/blob/main/doc/SEMANTICS.md
 */
export interface S3BucketOptions {
  /** Bucket name. */
  readonly bucketName: string;
  /**
   * Bucket region.
   * @default - the driver's region detection
   */
  readonly region?: string;
  /**
   * Key prefix to mount instead of the whole bucket; ends with `/`.
   * @default - the whole bucket
   */
  readonly prefix?: string;
  /**
   * Endpoint of an S3-compatible store, e.g. `https://sos-ch-gva-2.exo.io` for Exoscale SOS.
   * @default - AWS S3
   */
  readonly endpointUrl?: string;
  /**
   * Let pods delete objects (`allow-delete`).
   * @default false - deleting through a file system mount is easy to do by accident
   */
  readonly allowDelete?: boolean;
  /**
   * Let pods replace existing objects (`allow-overwrite`; the file must be opened with O_TRUNC).
   * @default false - objects are written once
   */
  readonly allowOverwrite?: boolean;
  /**
   * Owner uid of the files as seen in the pod; also sets `allow-other` so a non-root pod can read them.
   * @default - root, readable only by root pods
   */
  readonly uid?: number;
  /**
   * Owner gid of the files as seen in the pod; also sets `allow-other`.
   * @default - root
   */
  readonly gid?: number;
  /**
   * Capacity written on the PersistentVolume (required by Kubernetes, ignored by Mountpoint).
   * @default - the claim's size
   */
  readonly capacity?: Size;
}

/** A directory on the node, for single-node development clusters (kind, minikube, Docker Desktop) only. */
export interface HostPathBackendOptions extends StaticVolumeOptions {
  /** Absolute directory on the node. */
  readonly path: string;
  /**
   * What must exist at the path.
   * @default HostPathVolumeType.DIRECTORY_OR_CREATE - the directory is created on first use
   */
  readonly type?: HostPathVolumeType;
}

type BackendKind = 'class' | 'nfs' | 'efs' | 's3' | 'host-path' | 'glusterfs';

/**
 * Where a {@link SharedRwxVolume} keeps its files: a storage class that provisions file volumes (dynamic), or an
 * existing NFS export, EFS file system, S3 bucket or host directory (static: a PersistentVolume bound to the claim).
 */
export class SharedVolumeBackend {
  /**
   * A claim against a storage class that gives ReadWriteMany: a {@link FileStorageClass}, a Longhorn or Portworx
   * sharedv4 {@link BlockStorageClass}, or an {@link ExistingStorageClass}.
   */
  public static storageClass(storageClass: IStorageClass): SharedVolumeBackend {
    return new SharedVolumeBackend('class', storageClass?.system, { storageClass });
  }

  /** An existing NFS export (static PersistentVolume with the in-tree `nfs` volume source). */
  public static nfs(options: NfsExportOptions): SharedVolumeBackend {
    return new SharedVolumeBackend('nfs', StorageCatalog.get(StorageSystemId.NFS), options);
  }

  /** An existing EFS file system (static PersistentVolume of `efs.csi.aws.com`). */
  public static efs(options: EfsFileSystemOptions): SharedVolumeBackend {
    return new SharedVolumeBackend('efs', StorageCatalog.get(StorageSystemId.AWS_EFS), options);
  }

  /**
   * An S3 bucket through Mountpoint (static PersistentVolume of `s3.csi.aws.com`, storageClassName `""`).
   * ReadWriteMany or ReadOnlyMany only; the validator warns about Mountpoint's semantics.
   */
  public static s3(options: S3BucketOptions): SharedVolumeBackend {
    return new SharedVolumeBackend('s3', StorageCatalog.get(StorageSystemId.S3_MOUNTPOINT), options);
  }

  /**
   * A directory on the node: single-node development clusters only (each node of a bigger cluster sees its own,
   * different directory). The validator warns.
   */
  public static hostPath(options: HostPathBackendOptions): SharedVolumeBackend {
    return new SharedVolumeBackend('host-path', StorageCatalog.get(StorageSystemId.HOST_PATH), options);
  }

  /**
   * GlusterFS: refused. Its in-tree plugin was removed in Kubernetes 1.26 and no CSI driver is maintained; the
   * construct's error names the alternatives.
   */
  public static glusterfs(): SharedVolumeBackend {
    return new SharedVolumeBackend('glusterfs', StorageCatalog.get(StorageSystemId.GLUSTERFS), {});
  }

  /** Whether the backend is an existing volume (a PersistentVolume is emitted) rather than a provisioning class. */
  public readonly isStatic: boolean;
  /**
   * The storage system behind the backend.
   * @default - a class of a provisioner the catalog does not know
   */
  public readonly system?: StorageSystemInfo;

  private constructor(private readonly kind: BackendKind, system: StorageSystemInfo | undefined, private readonly options: any) {
    this.isStatic = kind !== 'class';
    this.system = system;
  }

  /** @internal */
  public _kind(): string {
    return this.kind;
  }

  /** @internal */
  public _options(): any {
    return this.options ?? {};
  }
}

/** Props of {@link SharedRwxVolume}. */
export interface SharedRwxVolumeProps {
  /**
   * Where the files live.
   * @default - a claim against `PlatformDefaults.sharedVolumeStorageClass`; without it, backend is required
   */
  readonly backend?: SharedVolumeBackend;
  /**
   * Size the claim requests (NFS, EFS and S3 do not enforce it; block-backed RWX systems such as Longhorn do).
   */
  readonly size: Size;
  /**
   * How pods share the volume: ReadWriteMany, or ReadOnlyMany for content that pods only read.
   * @default PersistentVolumeAccessMode.READ_WRITE_MANY - the point of a shared volume
   * @see https://kubernetes.io/docs/concepts/storage/persistent-volumes/#access-modes
   */
  readonly accessMode?: PersistentVolumeAccessMode;
  /**
   * What happens to a static volume when its claim is deleted (dynamic volumes follow their StorageClass).
   * @default PersistentVolumeReclaimPolicy.RETAIN - deleting the claim never touches the files
   */
  readonly reclaimPolicy?: PersistentVolumeReclaimPolicy;
  /**
   * Mount options of a static volume, e.g. `["nfsvers=4.1", "hard"]` (dynamic volumes take them from their StorageClass).
   * @default - none (for S3, the options derived from the backend)
   */
  readonly mountOptions?: string[];
  /**
   * Name of the PersistentVolumeClaim.
   * @default - the construct id in lower case
   */
  readonly claimName?: string;
  /**
   * Name of the PersistentVolume of a static backend; cluster-wide, so it must be unique in the cluster.
   * @default - `<namespace>-<claim name>`
   */
  readonly persistentVolumeName?: string;
  /**
   * Name of the pod volume when mounted into workloads.
   * @default - the claim name
   */
  readonly volumeName?: string;
}

/** Options for mounting a {@link SharedRwxVolume}. */
export interface SharedVolumeMountOptions {
  /**
   * Mount read-only.
   * @default - true for ReadOnlyMany volumes, false for ReadWriteMany
   */
  readonly readOnly?: boolean;
  /**
   * Mount only this sub-directory of the volume (relative, no `..`).
   * @default - the whole volume
   */
  readonly subPath?: string;
}

/** Quantity string of a Size (`3Gi`), or undefined when it is not whole bytes. */
function quantityOf(size: Size): { bytes: number; quantity: string } | undefined {
  const kib = size.toKibibytes({ rounding: SizeRoundingBehavior.NONE });
  const bytes = kib * 1024;
  if (!Number.isFinite(bytes) || !Number.isInteger(bytes)) return undefined;
  return { bytes, quantity: formatBytes(bytes) };
}

function isSize(x: unknown): x is Size {
  return x instanceof Size || (typeof x === 'object' && x !== null && typeof (x as any).toKibibytes === 'function');
}

function absolute(p: unknown): boolean {
  return typeof p === 'string' && p.startsWith('/') && !p.split('/').includes('..');
}

const SHARED_MODES = [PersistentVolumeAccessMode.READ_WRITE_MANY, PersistentVolumeAccessMode.READ_ONLY_MANY];

/**
 * One volume mounted by many pods on many nodes (ReadWriteMany), or read by many (ReadOnlyMany), only on
 * backends that can do it. Emits a PersistentVolumeClaim, plus a PersistentVolume bound to it for static
 * backends (existing NFS export, EFS file system, S3 bucket, host directory).
 *
 * Refuses block storage classes (a block device attaches to one node), classes whose system lacks the asked
 * access mode, S3 with ReadWriteOnce, a static volume smaller than the claim, and GlusterFS.
 *
 * @example
 * const uploads = new SharedRwxVolume(chart, 'uploads', {
 *   backend: SharedVolumeBackend.nfs({ server: 'nfs.internal', path: '/exports/uploads' }),
 *   size: Size.gibibytes(50),
 * });
 * uploads.mount(deployment.containers[0], '/var/www/uploads');
 */
export class SharedRwxVolume extends Construct {
  /** The PersistentVolumeClaim. */
  public readonly claim: ApiObject;
  /**
   * The PersistentVolume of a static backend, bound to the claim.
   * @default - none: dynamic backends provision it
   */
  public readonly persistentVolume?: ApiObject;
  /** Name of the claim. */
  public readonly claimName: string;
  /**
   * Name of the PersistentVolume of a static backend.
   * @default - none: dynamic backends name it
   */
  public readonly persistentVolumeName?: string;
  /** `storageClassName` of the claim (`""` for a static volume without class). */
  public readonly storageClassName: string;
  /** Access mode of the claim. */
  public readonly accessMode: PersistentVolumeAccessMode;
  /** Size the claim requests. */
  public readonly size: Size;
  /** The backend. */
  public readonly backend: SharedVolumeBackend;
  /** The claim as a cdk8s-plus volume, for wiring it into pods by hand. */
  public readonly volume: Volume;

  constructor(scope: Construct, id: string, props: SharedRwxVolumeProps) {
    super(scope, id);
    const errors = new Problems(this);
    const p: Partial<SharedRwxVolumeProps> = props ?? {};
    const chartNamespace = Chart.of(this).namespace;

    // backend
    let backend = p.backend;
    if (backend === undefined) {
      const cls = PlatformDefaults.of(this).sharedVolumeStorageClass;
      if (cls) backend = SharedVolumeBackend.storageClass(cls);
    }
    if (!(backend instanceof SharedVolumeBackend)) {
      errors.add('backend', backend, backend === undefined ? 'is required (no PlatformDefaults.sharedVolumeStorageClass is set either)' : 'is not a SharedVolumeBackend',
        'Use SharedVolumeBackend.storageClass(cls), .nfs({...}), .efs({...}), .s3({...}) or .hostPath({...}), or set PlatformDefaults.set(app, { sharedVolumeStorageClass }).');
      errors.throwIfAny();
    }
    const b = backend as SharedVolumeBackend;
    const kind = b._kind() as BackendKind;
    const opts = b._options();
    const system = b.system;

    if (kind === 'glusterfs') {
      const alternatives = StorageCatalog.sharedFileSystems().map((s) => s.name).join(', ');
      errors.add('backend', 'glusterfs', `cannot be used: the in-tree glusterfs volume plugin was removed in Kubernetes ${system?.inTreeRemovedIn ?? '1.26'} and no GlusterFS CSI driver is maintained, so the volume would never mount`,
        `Move the data to a file system with a maintained driver: ${alternatives} (SharedVolumeBackend.storageClass with a FileStorageClass), or an existing NFS export (SharedVolumeBackend.nfs: GlusterFS can export NFS).`);
      errors.throwIfAny();
    }

    // size
    let request: { bytes: number; quantity: string } | undefined;
    if (!isSize(p.size)) {
      errors.add('size', p.size, 'is not a Size', 'Use Size.gibibytes(10) (from cdk8s).');
    } else {
      request = quantityOf(p.size);
      if (!request || request.bytes <= 0) {
        errors.add('size', p.size, 'must be a positive whole number of bytes', 'Use e.g. Size.gibibytes(10).');
        request = undefined;
      }
    }

    // access mode
    const mode = p.accessMode ?? PersistentVolumeAccessMode.READ_WRITE_MANY;
    const modeName = asText(mode);
    if (!Object.values(PersistentVolumeAccessMode).includes(mode)) {
      errors.add('accessMode', mode, 'is not an access mode', 'Use PersistentVolumeAccessMode.READ_WRITE_MANY or PersistentVolumeAccessMode.READ_ONLY_MANY.');
    } else if (system && b.isStatic && !system.filesystemAccessModes.includes(mode)) {
      errors.add('accessMode', modeName, `is not supported by ${system.name} (it supports ${system.filesystemAccessModes.join(', ')})`,
        `Use PersistentVolumeAccessMode.READ_WRITE_MANY, or PersistentVolumeAccessMode.READ_ONLY_MANY for data the pods only read.${system.notes[0] ? ' ' + system.notes[0] : ''}`);
    } else if (!SHARED_MODES.includes(mode)) {
      errors.add('accessMode', modeName, 'does not share the volume between nodes', 'Use PersistentVolumeAccessMode.READ_WRITE_MANY (or READ_ONLY_MANY); for a volume of one pod, use a plain PersistentVolumeClaim.');
    }

    // names
    const claimName = p.claimName ?? toDnsLabel(id);
    if (!isDnsSubdomain(claimName)) {
      errors.add('claimName', claimName, 'is not a valid object name (lower-case letters, digits, - and ., at most 253 characters)', 'Use e.g. "uploads".');
    }
    const podVolumeName = p.volumeName ?? toDnsLabel(claimName);
    if (!isDnsLabel(podVolumeName)) {
      errors.add('volumeName', podVolumeName, 'is not a valid volume name (DNS label, at most 63 characters)', 'Use e.g. "uploads".');
    }
    if (p.mountOptions !== undefined && (!Array.isArray(p.mountOptions) || p.mountOptions.some((m) => typeof m !== 'string' || m.trim() === ''))) {
      errors.add('mountOptions', p.mountOptions, 'must be a list of non-empty strings', 'Write options as strings, e.g. ["nfsvers=4.1"].');
    }
    const reclaim = p.reclaimPolicy ?? PersistentVolumeReclaimPolicy.RETAIN;

    let storageClassName = '';
    let pvName: string | undefined;
    let capacity: string | undefined;
    let source: Record<string, any> = {};
    let mountOptions: string[] = Array.isArray(p.mountOptions) ? [...p.mountOptions] : [];
    const claimNamespace = b.isStatic ? (chartNamespace ?? 'default') : undefined;

    if (kind === 'class') {
      const cls: IStorageClass | undefined = opts.storageClass;
      if (!cls || typeof cls.storageClassName !== 'string' || typeof cls.capabilities !== 'object' || cls.capabilities === null) {
        errors.add('backend', cls, 'is not a storage class', 'Pass a FileStorageClass, a BlockStorageClass or an ExistingStorageClass to SharedVolumeBackend.storageClass().');
        errors.throwIfAny();
      }
      const c = cls as IStorageClass;
      storageClassName = c.storageClassName;
      const caps = c.capabilities;
      const sysName = c.system?.name ?? c.provisioner;
      const modes = accessModesFor(caps, PersistentVolumeMode.FILE_SYSTEM);
      const classDesc = `storage class ${JSON.stringify(c.storageClassName)} (${sysName})`;
      if (c.system && !c.system.dynamicProvisioning) {
        errors.add('backend', c.storageClassName, `is a class of ${sysName}, which cannot provision volumes dynamically: the claim would stay Pending`,
          c.system.kind === StorageKind.OBJECT ? 'Use SharedVolumeBackend.s3({ bucketName }) (a static volume without class).' : 'Use a static backend (SharedVolumeBackend.nfs/efs/hostPath).');
      } else if (SHARED_MODES.includes(mode) && !modes.includes(mode)) {
        const alternatives = StorageCatalog.sharedFileSystems().map((s) => s.name).join(', ');
        if (caps.kind === StorageKind.BLOCK || caps.kind === StorageKind.LOCAL) {
          errors.add('backend', c.storageClassName, `is ${classDesc}, ${caps.kind} storage: a block device is attached to one node at a time, so a ${modeName} claim never binds (or, on multi-attach disks, corrupts ext4/xfs when two nodes write)`,
            `Use a file storage class that gives ${modeName}: ${alternatives} (FileStorageClass, BlockProvisioner.longhorn(), BlockProvisioner.portworx({ sharedv4: true })).`);
        } else {
          errors.add('accessMode', modeName, `is not supported by ${classDesc} for Filesystem volumes (it supports ${modes.join(', ') || 'none'})`,
            `Use ${modes.filter((m) => SHARED_MODES.includes(m)).join(' or ') || 'another storage class'}${c.system?.notes.length ? '. ' + c.system.notes[0] : ''}`.replace(/\.?$/, '.'));
        }
      }
      if (request) {
        const gib = request.bytes / GIB;
        if (caps.sizeGranularity === SizeGranularity.EXACT_GIB && !Number.isInteger(gib)) {
          errors.add('size', request.quantity, `is not a whole number of GiB, which ${sysName} requires`, `Use Size.gibibytes(${Math.ceil(gib)}).`);
        }
        if (caps.minSizeGib !== undefined && gib < caps.minSizeGib) {
          errors.add('size', request.quantity, `is below the ${caps.minSizeGib}Gi minimum of ${classDesc}`, `Use at least Size.gibibytes(${caps.minSizeGib}).`);
        }
        if (caps.maxSizeGib !== undefined && gib > caps.maxSizeGib) {
          errors.add('size', request.quantity, `is above the ${caps.maxSizeGib}Gi maximum of ${classDesc}`, `Use at most Size.gibibytes(${caps.maxSizeGib}).`);
        }
      }
      if (p.reclaimPolicy !== undefined) {
        errors.add('reclaimPolicy', p.reclaimPolicy, 'cannot be set for a dynamically provisioned volume', `Set reclaimPolicy on the StorageClass ${c.storageClassName}.`);
      }
      if (p.mountOptions !== undefined) {
        errors.add('mountOptions', p.mountOptions, 'cannot be set for a dynamically provisioned volume', `Set mountOptions on the StorageClass ${c.storageClassName}.`);
      }
      if (p.persistentVolumeName !== undefined) {
        errors.add('persistentVolumeName', p.persistentVolumeName, 'cannot be set for a dynamically provisioned volume (the provisioner names it)', 'Remove persistentVolumeName.');
      }
      if (!errors.any) useStorageClass(this, c);
    } else {
      // static backends: a PersistentVolume bound to the claim
      if (!Object.values(PersistentVolumeReclaimPolicy).includes(reclaim)) {
        errors.add('reclaimPolicy', reclaim, 'is not Retain or Delete (Recycle is deprecated)', 'Use PersistentVolumeReclaimPolicy.RETAIN.');
      }
      pvName = p.persistentVolumeName ?? `${claimNamespace}-${asText(claimName)}`;
      if (!isDnsSubdomain(pvName)) {
        errors.add('persistentVolumeName', pvName, 'is not a valid object name', 'Use lower-case letters, digits and -, e.g. "shop-uploads".');
      }
      if (kind === 's3') {
        if (opts.storageClassName !== undefined && opts.storageClassName !== '') {
          errors.add('backend.storageClassName', opts.storageClassName, 'cannot be used with S3: Mountpoint volumes are static only and must have storageClassName ""', 'Remove storageClassName.');
        }
      } else if (opts.storageClassName !== undefined) {
        if (typeof opts.storageClassName !== 'string' || (opts.storageClassName !== '' && !isDnsSubdomain(opts.storageClassName))) {
          errors.add('backend.storageClassName', opts.storageClassName, 'is not a StorageClass name', 'Use "" (no class) or a name like "dev".');
        } else {
          storageClassName = opts.storageClassName;
        }
      }
      let cap: { bytes: number; quantity: string } | undefined = request;
      if (opts.capacity !== undefined) {
        cap = isSize(opts.capacity) ? quantityOf(opts.capacity) : undefined;
        if (!cap || cap.bytes <= 0) {
          errors.add('backend.capacity', opts.capacity, 'is not a positive Size', 'Use e.g. Size.gibibytes(10).');
        } else if (request && cap.bytes < request.bytes) {
          errors.add('backend.capacity', cap.quantity, `is smaller than size ${request.quantity}: a claim binds only to a volume at least as large as its request, so it would stay Pending`,
            `Set capacity to at least ${request.quantity}, or lower size.`);
        }
      }
      capacity = cap?.quantity;
      const readOnly = mode === PersistentVolumeAccessMode.READ_ONLY_MANY ? true : undefined;
      switch (kind) {
        case 'nfs':
          if (typeof opts.server !== 'string' || opts.server.trim() === '') {
            errors.add('backend.server', opts.server, 'must name the NFS server', 'Set server to a host name or IP, e.g. nfs.internal.example.com.');
          }
          if (!absolute(opts.path)) {
            errors.add('backend.path', opts.path, 'must be the absolute exported path', 'Set path to the export, e.g. /exports/uploads.');
          }
          source = { nfs: { server: opts.server, path: opts.path, readOnly } };
          break;
        case 'efs': {
          if (typeof opts.fileSystemId !== 'string' || !/^fs-[0-9a-f]+$/.test(opts.fileSystemId)) {
            errors.add('backend.fileSystemId', opts.fileSystemId, 'is not an EFS file system id', 'Use the id of the file system, e.g. fs-0123456789abcdef0.');
          }
          if (opts.path !== undefined && !absolute(opts.path)) {
            errors.add('backend.path', opts.path, 'is not an absolute path', 'Use e.g. /uploads.');
          }
          if (opts.accessPointId !== undefined && (typeof opts.accessPointId !== 'string' || !/^fsap-[0-9a-f]+$/.test(opts.accessPointId))) {
            errors.add('backend.accessPointId', opts.accessPointId, 'is not an EFS access point id', 'Use e.g. fsap-0123456789abcdef0.');
          }
          // volumeHandle: <fileSystemId>[:<path>[:<accessPointId>]] (aws-efs-csi-driver docs, static provisioning)
          const [fsId, fsPath, apId] = [asText(opts.fileSystemId), asText(opts.path ?? ''), asText(opts.accessPointId)]; // wrong types were reported above
          const handle = opts.accessPointId ? `${fsId}:${fsPath}:${apId}` : opts.path ? `${fsId}:${fsPath}` : opts.fileSystemId;
          source = { csi: { driver: system!.provisioner, volumeHandle: handle, readOnly } };
          break;
        }
        case 's3': {
          if (typeof opts.bucketName !== 'string' || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(opts.bucketName)) {
            errors.add('backend.bucketName', opts.bucketName, 'is not an S3 bucket name (3-63 lower-case letters, digits, . and -)', 'Use the bucket name as created, e.g. "shop-media".');
          }
          const derived: string[] = [];
          if (opts.allowDelete) derived.push('allow-delete');
          if (opts.allowOverwrite) derived.push('allow-overwrite');
          for (const [key, v] of [['uid', opts.uid], ['gid', opts.gid]] as const) {
            if (v === undefined) continue;
            if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
              errors.add(`backend.${key}`, v, 'is not a POSIX id', `Set ${key} to a whole number, e.g. 1000.`);
            } else {
              derived.push(`${key}=${v}`);
            }
          }
          if (opts.uid !== undefined || opts.gid !== undefined) derived.push('allow-other');
          if (opts.region !== undefined) {
            if (typeof opts.region !== 'string' || !/^[a-z0-9-]+$/.test(opts.region)) errors.add('backend.region', opts.region, 'is not a region name', 'Use e.g. eu-central-1.');
            else derived.push(`region ${opts.region}`);
          }
          if (opts.prefix !== undefined) {
            if (typeof opts.prefix !== 'string' || !opts.prefix.endsWith('/') || opts.prefix.startsWith('/')) errors.add('backend.prefix', opts.prefix, 'must be a key prefix ending with / (and not starting with /)', 'Use e.g. "media/".');
            else derived.push(`prefix ${opts.prefix}`);
          }
          if (opts.endpointUrl !== undefined) {
            if (typeof opts.endpointUrl !== 'string' || !/^https?:\/\/\S+$/.test(opts.endpointUrl)) errors.add('backend.endpointUrl', opts.endpointUrl, 'is not a URL', 'Use e.g. https://sos-ch-gva-2.exo.io.');
            else derived.push(`endpoint-url ${opts.endpointUrl}`);
          }
          mountOptions = [...derived, ...mountOptions];
          // volumeHandle must be unique among the cluster's PVs: the PV name is.
          source = { csi: { driver: system!.provisioner, volumeHandle: pvName, volumeAttributes: { bucketName: opts.bucketName }, readOnly } };
          break;
        }
        case 'host-path': {
          if (!absolute(opts.path)) {
            errors.add('backend.path', opts.path, 'is not an absolute path on the node', 'Use e.g. /mnt/data.');
          }
          const type = opts.type ?? HostPathVolumeType.DIRECTORY_OR_CREATE;
          if (!Object.values(HostPathVolumeType).includes(type)) {
            errors.add('backend.type', type, 'is not a hostPath type', 'Use HostPathVolumeType.DIRECTORY_OR_CREATE.');
          }
          if (mountOptions.length) {
            errors.add('mountOptions', p.mountOptions, 'cannot be used with hostPath: the API server rejects mount options on hostPath volumes', 'Remove mountOptions.');
          }
          source = { hostPath: { path: opts.path, type } };
          break;
        }
      }
    }
    errors.throwIfAny();

    // objects
    const accessModes = [mode];
    if (b.isStatic) {
      this.persistentVolume = new RenderedOnceApiObject(this, 'PersistentVolume', {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: { name: pvName },
        spec: {
          capacity: { storage: capacity },
          accessModes,
          volumeMode: PersistentVolumeMode.FILE_SYSTEM,
          persistentVolumeReclaimPolicy: reclaim,
          storageClassName,
          mountOptions: mountOptions.length ? mountOptions : undefined,
          claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: claimNamespace, name: claimName },
          ...source,
        },
      } as any);
      clusterScoped(this.persistentVolume);
      applyConventions(this, this.persistentVolume);
    }
    this.claim = new RenderedOnceApiObject(this, 'Claim', {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: claimName, namespace: claimNamespace },
      spec: {
        accessModes,
        volumeMode: PersistentVolumeMode.FILE_SYSTEM,
        resources: { requests: { storage: request!.quantity } },
        storageClassName,
        volumeName: pvName,
      },
    } as any);
    applyConventions(this, this.claim);

    this.claimName = claimName;
    this.persistentVolumeName = pvName;
    this.storageClassName = storageClassName;
    this.accessMode = mode;
    this.size = p.size as Size;
    this.backend = b;
    this.volume = Volume.fromPersistentVolumeClaim(this, 'Volume', PersistentVolumeClaim.fromClaimName(this, 'ClaimRef', claimName), {
      name: podVolumeName,
      readOnly: mode === PersistentVolumeAccessMode.READ_ONLY_MANY ? true : undefined,
    });
    GoldenPathValidation.of(this)._register(this);
  }

  /**
   * Mounts the volume into one container at `path`.
   *
   * @param container a cdk8s-plus container (e.g. `deployment.containers[0]`)
   * @param path absolute mount path in the container
   */
  public mount(container: Container, path: string, options: SharedVolumeMountOptions = {}): void {
    this.mountAll([container], path, options, 'container');
  }

  /**
   * Mounts the volume into every container of a workload (Deployment, StatefulSet, DaemonSet, Job, Pod) at `path`.
   * Containers added to the workload later are not mounted.
   *
   * @param workload a cdk8s-plus workload or pod
   * @param path absolute mount path in the containers
   */
  public mountInWorkload(workload: AbstractPod, path: string, options: SharedVolumeMountOptions = {}): void {
    const containers = workload && Array.isArray((workload as any).containers) ? (workload as any).containers : undefined;
    if (!containers || containers.length === 0) {
      const errors = new Problems(this);
      errors.add('mountInWorkload(workload)', containers ? '(no containers)' : workload, containers ? 'has no containers yet' : 'is not a cdk8s-plus workload',
        'Add the containers first (addContainer), then mount; or call mount(container, path) per container.');
      errors.throwIfAny();
    }
    this.mountAll(containers, path, options, 'workload');
  }

  private mountAll(containers: Container[], path: string, options: SharedVolumeMountOptions, what: string): void {
    const errors = new Problems(this);
    const o: SharedVolumeMountOptions = options ?? {};
    for (const c of containers) {
      if (!c || typeof (c as any).mount !== 'function') {
        errors.add(`mount(${what})`, c, 'is not a cdk8s-plus container', 'Pass a container of a cdk8s-plus-27 workload, e.g. deployment.containers[0].');
      }
    }
    if (!absolute(path) || path.includes(':')) {
      errors.add('mount path', path, 'is not an absolute path', 'Use e.g. /var/www/uploads.');
    }
    if (o.subPath !== undefined && (typeof o.subPath !== 'string' || o.subPath === '' || o.subPath.startsWith('/') || o.subPath.split('/').includes('..'))) {
      errors.add('mount subPath', o.subPath, 'must be a relative path without ..', 'Use e.g. "images".');
    }
    if (o.readOnly !== undefined && typeof o.readOnly !== 'boolean') {
      errors.add('mount readOnly', o.readOnly, 'is not a boolean', 'Use true or false.');
    }
    if (o.readOnly === false && this.accessMode === PersistentVolumeAccessMode.READ_ONLY_MANY) {
      errors.add('mount readOnly', false, 'contradicts the volume\'s ReadOnlyMany access mode', 'Remove readOnly, or make the volume PersistentVolumeAccessMode.READ_WRITE_MANY.');
    }
    errors.throwIfAny();
    const readOnly = o.readOnly ?? this.accessMode === PersistentVolumeAccessMode.READ_ONLY_MANY;
    for (const c of containers) c.mount(path, this.volume, { readOnly, subPath: o.subPath });
  }
}
