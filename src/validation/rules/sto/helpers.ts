import { ROX, RWX } from '../../../core/access-modes';
import { str, isObject } from '../../../core/values';
import { sharingAlternatives, StorageCatalog, StorageSystemInfo } from '../../../knowledge/storage/catalog';
import { sourcesOf } from '../../volumes';

/** The volume mode of a claim or PV spec (Filesystem when not set). */
export function volumeModeOf(spec: any): string {
  return typeof spec.volumeMode === 'string' ? spec.volumeMode : 'Filesystem';
}

/** Access modes that let several nodes use a volume. */
export const SHARED: ReadonlySet<string> = new Set<string>([RWX, ROX]);

/**
 * The storage systems that give a shared mode to Filesystem claims, for fixes: computed from the catalog for the mode
 * asked for, never the refused system (see sharingAlternatives).
 */
export function sharedAlternatives(mode: string = RWX, refused?: StorageSystemInfo,
  refusedParameters?: Record<string, unknown>): string {
  return sharingAlternatives(mode, refused, refusedParameters);
}

/** The storage system behind a PV: its CSI driver, or its in-tree volume plugin. */
export function systemOfPv(spec: any): StorageSystemInfo | undefined {
  if (isObject(spec.csi)) {
    const driver = str(spec.csi.driver);
    return driver ? StorageCatalog.forProvisioner(driver) : undefined;
  }
  for (const key of sourcesOf(spec)) {
    const s = StorageCatalog.forInTreePlugin(key);
    if (s) return s;
  }
  return undefined;
}
