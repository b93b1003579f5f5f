import { Size } from 'cdk8s';
import { PersistentVolumeAccessMode } from 'cdk8s-plus-27';
import { Problems } from '../core/problems';
import { alternativesFor } from '../knowledge/storage/alternatives';
import { IStorageClass } from '../knowledge/storage/storage-class';
import { StorageKind } from '../knowledge/storage/types';
import { checkClaimAccessMode, checkClaimSize, checkZonalBinding, systemName } from '../storage/claim-check';

/** The access modes that give a database volume exactly one writer. */
export const SINGLE_WRITER = [PersistentVolumeAccessMode.READ_WRITE_ONCE, PersistentVolumeAccessMode.READ_WRITE_ONCE_POD];

/** Checks a claim of the database against its class: single-writer mode, block storage, size, zonal binding. */
export function checkDatabaseClaim(problems: Problems, prop: string, cls: IStorageClass, size: Size, accessMode: PersistentVolumeAccessMode, replicas: number): void {
  const caps = cls.capabilities;
  if (accessMode === PersistentVolumeAccessMode.READ_WRITE_MANY || accessMode === PersistentVolumeAccessMode.READ_ONLY_MANY) {
    problems.add(`${prop}.accessMode`, accessMode, 'is refused for a database: two writers on one data directory corrupt it, and a read-only volume cannot hold one',
      'Use PersistentVolumeAccessMode.READ_WRITE_ONCE (default) or PersistentVolumeAccessMode.READ_WRITE_ONCE_POD; replicate at the database level instead of sharing a volume.');
  } else {
    checkClaimAccessMode(problems, `${prop}.accessMode`, cls, accessMode, SINGLE_WRITER);
  }
  if (caps?.kind !== undefined && caps.kind !== 'block' && caps.kind !== 'local') {
    const alternatives = alternativesFor(cls.system, [StorageKind.BLOCK]);
    problems.add(`${prop}.storageClass`, cls.storageClassName, `is ${caps.kind} storage (${systemName(cls)}); databases need block storage (network file systems break fsync and locking guarantees)`,
      `Use a block storage class${alternatives ? `, e.g. ${alternatives}` : ' (a BlockStorageClass)'}.`);
  }
  checkClaimSize(problems, `${prop}.size`, cls, size);
  checkZonalBinding(problems, `${prop}.storageClass`, cls, replicas);
}
