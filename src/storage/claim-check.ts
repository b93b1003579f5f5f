import { ApiObject, Size } from 'cdk8s';
import { PersistentVolumeAccessMode, PersistentVolumeMode } from 'cdk8s-plus-27';
import { IConstruct } from 'constructs';
import { DEFAULT_CLASS_ANNOTATION } from '../core/conventions';
import { Problems } from '../core/problems';
import { sizeQuantity, wholeKibibytes } from '../core/quantity';
import { Shown } from '../core/values';
import { accessModesFor } from '../knowledge/storage/catalog';
import { IStorageClass } from '../knowledge/storage/storage-class';
import { SizeGranularity, StorageCapabilities, VolumeBindingMode } from '../knowledge/storage/types';

/**
 * Checks of a claim (a PersistentVolumeClaim, or a claim template of a StatefulSet) against the class it asks for:
 * the same checks wherever a claim is made, so a database, a stateful workload and a shared volume refuse the same
 * sizes and modes with the same words.
 */

/** The name users know the class's storage system by. */
export function systemName(cls: IStorageClass): string {
  return cls.system?.name ?? cls.provisioner;
}

/** Size: a positive whole number of KiB, whole GiB where the driver requires it, within the driver's limits. */
export function checkClaimSize(problems: Problems, prop: string, cls: IStorageClass | undefined, size: unknown): void {
  const kib = wholeKibibytes(size);
  if (kib === undefined || !(kib > 0)) {
    problems.add(prop, size, 'is not a positive size in whole KiB', 'Use e.g. Size.gibibytes(10).');
    return;
  }
  const caps = cls?.capabilities;
  if (!cls || !caps) return;
  checkSizeLimits(problems, prop, new Shown(sizeQuantity(size as Size)), kib / (1024 * 1024), caps,
    { requiredBy: cls.provisioner, limitsOf: systemName(cls), unit: ' GiB' });
}

/** How {@link checkSizeLimits} names the class in its messages. */
export interface SizeLimitWords {
  /** Who requires whole GiB, e.g. the provisioner. */
  readonly requiredBy: string;
  /** Whose minimum and maximum they are, e.g. the storage system. */
  readonly limitsOf: string;
  /** Unit written after a limit (` GiB`, `Gi`). */
  readonly unit: string;
}

/** Granularity and limits: whole GiB where the driver requires it, within the driver's minimum and maximum. */
export function checkSizeLimits(problems: Problems, prop: string, shown: unknown, gib: number, caps: StorageCapabilities, words: SizeLimitWords): void {
  if (caps.sizeGranularity === SizeGranularity.EXACT_GIB && !Number.isInteger(gib)) {
    problems.add(prop, shown, `is not a whole number of GiB, which ${words.requiredBy} requires`, `Use Size.gibibytes(${Math.ceil(gib)}).`);
  }
  if (caps.minSizeGib !== undefined && gib < caps.minSizeGib) {
    problems.add(prop, shown, `is below the ${caps.minSizeGib}${words.unit} minimum of ${words.limitsOf}`, `Use at least Size.gibibytes(${caps.minSizeGib}).`);
  }
  if (caps.maxSizeGib !== undefined && gib > caps.maxSizeGib) {
    problems.add(prop, shown, `is above the ${caps.maxSizeGib}${words.unit} maximum of ${words.limitsOf}`, `Use at most Size.gibibytes(${caps.maxSizeGib}).`);
  }
}

/**
 * Access mode: a value of the enum that the class's system serves for the volume mode. `wanted` lists the modes that
 * make sense for the caller (single-writer modes for a database), used in the fix.
 */
export function checkClaimAccessMode(problems: Problems, prop: string, cls: IStorageClass | undefined, mode: unknown,
  wanted: readonly PersistentVolumeAccessMode[], volumeMode: PersistentVolumeMode = PersistentVolumeMode.FILE_SYSTEM): void {
  if (!(Object.values(PersistentVolumeAccessMode) as unknown[]).includes(mode)) {
    problems.add(prop, mode, 'is not an access mode', `Use PersistentVolumeAccessMode.${enumKey(wanted[0])}.`);
    return;
  }
  if (!cls?.capabilities) return;
  const served = accessModesFor(cls.capabilities, volumeMode);
  if (!served.includes(mode as PersistentVolumeAccessMode)) {
    const usable = served.filter((m) => wanted.includes(m));
    problems.add(prop, mode, `is not supported by ${systemName(cls)} (class ${cls.storageClassName})`,
      usable.length ? `Use one of: ${usable.join(', ')}.` : `Use another storage class: ${systemName(cls)} serves ${served.join(', ') || 'no access mode'} for ${volumeMode} volumes.`);
  }
}

/** A zonal class that binds Immediately scatters the volumes of several replicas before their pods are scheduled. */
export function checkZonalBinding(problems: Problems, prop: string, cls: IStorageClass | undefined, replicas: number): void {
  const caps = cls?.capabilities;
  if (!cls || !caps?.topologyKey || cls.volumeBindingMode !== VolumeBindingMode.IMMEDIATE || replicas <= 1) return;
  problems.add(prop, cls.storageClassName, `binds Immediately but ${systemName(cls)} volumes are zonal (${caps.topologyKey}): each volume is created in a zone before its pod is scheduled, which defeats the zone spread of the replicas`,
    'Use a class with VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER (BlockStorageClass defaults to it).');
}

/** Access modes in the order a fix suggests them: per-replica single-writer modes first. */
const ALL_MODES: readonly PersistentVolumeAccessMode[] = [
  PersistentVolumeAccessMode.READ_WRITE_ONCE, PersistentVolumeAccessMode.READ_WRITE_ONCE_POD,
  PersistentVolumeAccessMode.READ_WRITE_MANY, PersistentVolumeAccessMode.READ_ONLY_MANY,
];

/**
 * A StatefulSet claim template (one claim per replica) against its class: the access mode, size and zonal binding
 * checks every claim gets, and, before them, the two modes that make no sense per replica: ReadWriteMany or
 * ReadOnlyMany on block storage (a block device attaches to one node; one volume shared by every replica is a
 * SharedRwxVolume on a file system), and ReadOnlyMany anywhere (each replica would get a new, empty volume it cannot
 * write).
 */
export function checkClaimTemplate(problems: Problems, prop: string, cls: IStorageClass | undefined, size: unknown, accessMode: unknown, replicas: number): void {
  const kind = cls?.capabilities?.kind;
  const shared = accessMode === PersistentVolumeAccessMode.READ_WRITE_MANY || accessMode === PersistentVolumeAccessMode.READ_ONLY_MANY;
  if (cls && shared && (kind === 'block' || kind === 'local')) {
    problems.add(`${prop}.accessMode`, accessMode, `is refused on ${systemName(cls)} (class ${cls.storageClassName}), ${kind} storage: a claim template gives each replica its own volume, and a ${kind} volume attaches to one node at a time`,
      'Use PersistentVolumeAccessMode.READ_WRITE_ONCE for per-replica data; for one volume every replica shares, use a SharedRwxVolume on a file storage class and mount it with mountInWorkload (or mount(container, path)).');
  } else if (accessMode === PersistentVolumeAccessMode.READ_ONLY_MANY) {
    problems.add(`${prop}.accessMode`, accessMode, 'is refused for a claim template: each replica would get a new, empty volume it cannot write',
      'Use PersistentVolumeAccessMode.READ_WRITE_ONCE; to share read-only content between replicas, use a SharedRwxVolume with accessMode READ_ONLY_MANY.');
  } else {
    checkClaimAccessMode(problems, `${prop}.accessMode`, cls, accessMode, ALL_MODES);
  }
  checkClaimSize(problems, `${prop}.size`, cls, size);
  checkZonalBinding(problems, `${prop}.storageClass`, cls, replicas);
}

/** Whether the app declares a default StorageClass among its objects (so far). */
export function appHasDefaultClass(scope: IConstruct): boolean {
  return scope.node.root.node.findAll().some((c) => {
    if (!ApiObject.isApiObject(c) || c.kind !== 'StorageClass') return false;
    try {
      return (c.metadata.toJson() as any)?.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true';
    } catch {
      return false;
    }
  });
}

function enumKey(mode: PersistentVolumeAccessMode | undefined): string {
  const entry = Object.entries(PersistentVolumeAccessMode).find(([, v]) => v === mode);
  return entry ? entry[0] : 'READ_WRITE_ONCE';
}
