import { IConstruct } from 'constructs';
import { canExpand } from './storage-class-base';
import { isDnsSubdomain } from '../core/names';
import { Problems } from '../core/problems';
import { describe, Shown } from '../core/values';
import { StorageCatalog, StorageSystemId, StorageSystemInfo } from '../knowledge/storage/catalog';
import { IStorageClass } from '../knowledge/storage/storage-class';
import { capabilitiesProblem, StorageCapabilities, VolumeBindingMode } from '../knowledge/storage/types';
import { GoldenPathValidation } from '../validation/app-validation';

/**
 * Options for referring to a StorageClass that already exists in the cluster.
 */
export interface ExistingStorageClassOptions {
  /**
   * The class's binding mode, as installed.
   * @default - the system's recommended binding mode
   */
  readonly volumeBindingMode?: VolumeBindingMode;
  /**
   * Whether the installed class allows expansion.
   * @default - true where the system supports expansion
   */
  readonly allowVolumeExpansion?: boolean;
  /**
   * Name of an installed VolumeSnapshotClass for the class's driver.
   * @default - none
   */
  readonly snapshotClassName?: string;
  /**
   * The provisioner name as installed, when it differs from the catalog's (Rook prefixes ceph-csi names).
   * @default - the catalog's provisioner
   */
  readonly provisioner?: string;
}

/**
 * A StorageClass that exists in the cluster (installed by the platform or the cloud), with its capabilities
 * known from the catalog, so claims against it are checked like claims against classes this library creates.
 */
export class ExistingStorageClass implements IStorageClass {
  /**
   * A class installed in the cluster, backed by a storage system from the catalog.
   *
   * @param name the StorageClass name as installed
   * @param system the storage system behind it
   */
  public static fromName(name: string, system: StorageSystemId, options: ExistingStorageClassOptions = {}): ExistingStorageClass {
    const problems = new Problems(`ExistingStorageClass ${describe(name)}`);
    if (!(Object.values(StorageSystemId) as unknown[]).includes(system)) {
      problems.add('system', system, 'is not a StorageSystemId', 'Use a value of the enum, e.g. StorageSystemId.EXOSCALE_BLOCK_STORAGE.');
      problems.throwIfAny();
    }
    const info = StorageCatalog.get(system);
    options = options ?? {};
    const provisioner = options.provisioner ?? info.provisioner;
    if (!provisioner) {
      problems.add('system', new Shown(info.name), 'has no dynamic provisioner, so no StorageClass can provision it', info.notes[0] ?? 'Create PersistentVolumes statically instead.');
      problems.throwIfAny();
    }
    return new ExistingStorageClass(name, provisioner!, info, info, options);
  }

  /**
   * `exoscale-block-storage`, the class Exoscale SKS installs for Exoscale Block Storage
   * (WaitForFirstConsumer, expansion allowed; expansion is offline only).
   */
  public static exoscaleBlockStorage(options: ExistingStorageClassOptions = {}): ExistingStorageClass {
    return ExistingStorageClass.fromName('exoscale-block-storage', StorageSystemId.EXOSCALE_BLOCK_STORAGE, {
      volumeBindingMode: VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER,
      allowVolumeExpansion: true,
      ...options,
    });
  }

  /**
   * A class installed in the cluster whose provisioner the catalog does not know, with declared capabilities.
   *
   * @param name the StorageClass name as installed
   * @param driver the CSI driver (provisioner) name
   * @param capabilities what the driver can do
   */
  public static fromCapabilities(name: string, driver: string, capabilities: StorageCapabilities,
    options: ExistingStorageClassOptions = {}): ExistingStorageClass {
    const problems = new Problems(`ExistingStorageClass ${describe(name)}`);
    const problem = capabilitiesProblem(capabilities);
    if (problem) {
      problems.add('capabilities', capabilities, problem,
        'Declare what the driver can do, with values of the enums StorageKind, PersistentVolumeAccessMode, ExpansionSupport, SizeGranularity and VolumeBindingMode.');
    }
    const provisioner = options?.provisioner ?? driver;
    if (typeof provisioner !== 'string' || !isDnsSubdomain(provisioner.toLowerCase())) {
      problems.add('driver', provisioner, 'is not a CSI driver name', 'Use the driver name as `kubectl get csidrivers` shows it, e.g. csi.example.com.');
    }
    problems.throwIfAny();
    return new ExistingStorageClass(name, provisioner, capabilities, undefined, options ?? {});
  }

  public readonly storageClassName: string;
  public readonly provisioner: string;
  public readonly capabilities: StorageCapabilities;
  public readonly system?: StorageSystemInfo;
  public readonly volumeBindingMode: VolumeBindingMode;
  public readonly allowVolumeExpansion: boolean;
  public readonly snapshotClassName?: string;

  private constructor(name: string, provisioner: string, capabilities: StorageCapabilities, system: StorageSystemInfo | undefined,
    options: ExistingStorageClassOptions) {
    if (!isDnsSubdomain(name)) {
      const problems = new Problems('ExistingStorageClass');
      problems.add('name', name, 'is not a valid StorageClass name (lower-case DNS subdomain, at most 253 characters)', 'Use the name exactly as `kubectl get storageclass` shows it.');
      problems.throwIfAny();
    }
    this.storageClassName = name;
    this.provisioner = provisioner;
    this.capabilities = capabilities;
    this.system = system;
    this.volumeBindingMode = options.volumeBindingMode ?? capabilities.recommendedBindingMode;
    this.allowVolumeExpansion = options.allowVolumeExpansion ?? canExpand(capabilities);
    this.snapshotClassName = options.snapshotClassName;
  }
}

/**
 * Makes a class that is not an object of this app known to the app's validator, so claims using it are checked.
 * Classes created in the app (BlockStorageClass, ...) are found among the app's objects and need nothing.
 */
export function useStorageClass(scope: IConstruct, storageClass: IStorageClass): void {
  if (storageClass instanceof ExistingStorageClass) {
    GoldenPathValidation.of(scope).addKnownStorageClass({
      name: storageClass.storageClassName,
      provisioner: storageClass.provisioner,
      capabilities: storageClass.capabilities,
      volumeBindingMode: storageClass.volumeBindingMode,
      allowVolumeExpansion: storageClass.allowVolumeExpansion,
    });
  }
}
