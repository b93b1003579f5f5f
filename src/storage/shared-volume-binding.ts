import { Size, SizeRoundingBehavior } from 'cdk8s';
import { PersistentVolumeAccessMode, PersistentVolumeReclaimPolicy } from 'cdk8s-plus-27';
import { Problems } from '../core/problems';
import { formatBytes } from '../core/quantity';
import { IStorageClass } from '../knowledge/storage/storage-class';

/*
 * What a SharedRwxVolume and its backend exchange: the claim as the volume resolved it, and what the backend
 * gives back for the volume to render.
 */

/** The access modes that share a volume between nodes. @internal */
export const SHARED_MODES = [PersistentVolumeAccessMode.READ_WRITE_MANY, PersistentVolumeAccessMode.READ_ONLY_MANY];

/** A size as whole bytes with its quantity string. @internal */
export interface Quantity {
  readonly bytes: number;
  readonly quantity: string;
}

/** Quantity string of a Size (`3Gi`), or undefined when it is not whole bytes. @internal */
export function quantityOf(size: Size): Quantity | undefined {
  const kib = size.toKibibytes({ rounding: SizeRoundingBehavior.NONE });
  const bytes = kib * 1024;
  if (!Number.isFinite(bytes) || !Number.isInteger(bytes)) return undefined;
  return { bytes, quantity: formatBytes(bytes) };
}

/** Whether p is an absolute path without `..`. @internal */
export function absolute(p: unknown): boolean {
  return typeof p === 'string' && p.startsWith('/') && !p.split('/').includes('..');
}

/**
 * The claim a backend is bound to, as the {@link SharedRwxVolume} resolved it. Values the volume found wrong are
 * already reported; the backend checks what it alone knows about.
 * @internal
 */
export interface SharedVolumeClaim {
  /** Where the backend adds its problems. */
  readonly problems: Problems;
  /** The access mode of the claim. */
  readonly mode: PersistentVolumeAccessMode;
  /** The size the claim requests; undefined when the size is wrong. */
  readonly request?: Quantity;
  readonly claimName: string;
  /** Namespace of the claim; set for static backends, whose PersistentVolume refers to the claim. */
  readonly claimNamespace?: string;
  // the props as given
  readonly reclaimPolicy?: PersistentVolumeReclaimPolicy;
  readonly mountOptions?: string[];
  readonly persistentVolumeName?: string;
}

/** The PersistentVolume a static backend writes next to the claim. @internal */
export interface StaticVolume {
  readonly name: string;
  readonly capacity?: string;
  readonly reclaimPolicy: PersistentVolumeReclaimPolicy;
  readonly mountOptions: string[];
  /** The volume source fields of the PersistentVolume spec (`nfs`, `csi`, `hostPath`). */
  readonly source: Record<string, unknown>;
}

/** What the volume needs from its backend. @internal */
export interface SharedVolumeBinding {
  /** `storageClassName` of the claim (and of the PersistentVolume). */
  readonly storageClassName: string;
  /** The PersistentVolume of a static backend. */
  readonly persistentVolume?: StaticVolume;
  /** The class a dynamic backend provisions from: made known to the app's validator. */
  readonly storageClass?: IStorageClass;
}
