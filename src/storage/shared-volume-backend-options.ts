import { Size } from 'cdk8s';
import { HostPathVolumeType } from 'cdk8s-plus-27';

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
