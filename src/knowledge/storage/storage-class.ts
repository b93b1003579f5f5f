import { StorageSystemInfo } from './catalog';
import { capabilitiesProblem, StorageCapabilities, VolumeBindingMode } from './types';

/**
 * A StorageClass that claims can use, with what its storage system can do.
 * Implemented by {@link BlockStorageClass}, the file-storage classes and {@link ExistingStorageClass}.
 */
export interface IStorageClass {
  /** The StorageClass name claims reference in `storageClassName`. */
  readonly storageClassName: string;
  /** The CSI provisioner. */
  readonly provisioner: string;
  /** What the storage system behind the class can do. */
  readonly capabilities: StorageCapabilities;
  /**
   * The catalog entry of the storage system.
   * @default - a custom provisioner the catalog does not know
   */
  readonly system?: StorageSystemInfo;
  /** When volumes of this class are provisioned. */
  readonly volumeBindingMode: VolumeBindingMode;
  /** Whether claims of this class may grow. */
  readonly allowVolumeExpansion: boolean;
  /**
   * Name of a VolumeSnapshotClass for this class's driver.
   * @default - none known
   */
  readonly snapshotClassName?: string;
}

/** Whether a value is a storage class the library can check claims against (JavaScript callers pass anything). */
export function isStorageClass(x: unknown): x is IStorageClass {
  return typeof x === 'object' && x !== null && typeof (x as any).storageClassName === 'string' && typeof (x as any).provisioner === 'string'
    && capabilitiesProblem((x as any).capabilities) === undefined;
}
