import { PersistentVolumeReclaimPolicy } from 'cdk8s-plus-27';
import { VolumeBindingMode } from '../knowledge/storage/types';

/** Deletion policy of snapshot contents. */
export enum SnapshotDeletionPolicy {
  /** Keep the snapshot in the storage system when the VolumeSnapshot is deleted (safe). */
  RETAIN = 'Retain',
  /** Delete the snapshot in the storage system with the VolumeSnapshot. */
  DELETE = 'Delete',
}

/** A companion VolumeSnapshotClass. */
export interface SnapshotClassOptions {
  /**
   * VolumeSnapshotClass name.
   * @default - `<storage class name>-snapshots`
   */
  readonly name?: string;
  /**
   * What happens to the snapshot data when a VolumeSnapshot is deleted.
   * @default SnapshotDeletionPolicy.RETAIN - deleting a Kubernetes object never deletes backup data by default
   */
  readonly deletionPolicy?: SnapshotDeletionPolicy;
  /**
   * Mark it as the default VolumeSnapshotClass for its driver.
   * @default false
   */
  readonly isDefault?: boolean;
}

/** Props shared by the StorageClass constructs of this library. */
export interface StorageClassCommonProps {
  /**
   * StorageClass name (cluster-wide, so pick one that is unique in the cluster).
   * @default - the construct id in lower case, e.g. `gp3` for `new BlockStorageClass(this, 'gp3', ...)`
   */
  readonly name?: string;
  /**
   * What happens to a volume when its claim is deleted.
   * @default PersistentVolumeReclaimPolicy.RETAIN - this is storage for data people care about: deleting a claim (or a namespace, or an app) must not delete the data
   * @see https://kubernetes.io/docs/concepts/storage/persistent-volumes/#reclaiming
   */
  readonly reclaimPolicy?: PersistentVolumeReclaimPolicy;
  /**
   * When volumes are provisioned.
   * @default VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER - the volume is created in the zone where its pod is scheduled
   * @see https://kubernetes.io/docs/concepts/storage/storage-classes/#volume-binding-mode
   */
  readonly volumeBindingMode?: VolumeBindingMode;
  /**
   * Whether claims may grow.
   * @default - true where the storage system supports expansion
   */
  readonly allowVolumeExpansion?: boolean;
  /**
   * File system created on new volumes, e.g. `ext4` or `xfs`.
   * @default - the driver's default (ext4 for most)
   */
  readonly fsType?: string;
  /**
   * Mount options for every volume of the class.
   * @default - none
   */
  readonly mountOptions?: string[];
  /**
   * Zones volumes may be created in (values of the driver's topology key).
   * @default - any zone
   */
  readonly allowedZones?: string[];
  /**
   * Mark this class as the cluster's default StorageClass.
   * @default false
   */
  readonly isDefault?: boolean;
  /**
   * Also create a VolumeSnapshotClass for the class's driver.
   * @default - none
   */
  readonly snapshotClass?: SnapshotClassOptions;
  /**
   * Extra StorageClass parameters, checked against what the driver reads.
   * @default - none
   */
  readonly additionalParameters?: { [key: string]: string };
}
