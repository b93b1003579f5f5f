import type { PersistentVolumeAccessMode } from 'cdk8s-plus-27';

/*
 * The PersistentVolume access modes as values of cdk8s-plus-27's enum (the same strings), for the layers the CLI and
 * the validator load: reading them from cdk8s-plus-27 itself loads that package (about 90 ms) in every CLI run.
 * test/core/access-modes.test.ts checks that they equal the enum's values.
 */

const mode = (m: string) => m as unknown as PersistentVolumeAccessMode;

/** ReadWriteOnce. */
export const RWO = mode('ReadWriteOnce');
/** ReadOnlyMany. */
export const ROX = mode('ReadOnlyMany');
/** ReadWriteMany. */
export const RWX = mode('ReadWriteMany');
/** ReadWriteOncePod. */
export const RWOP = mode('ReadWriteOncePod');

/** Every access mode, as the enum lists them. */
export const ACCESS_MODES: readonly PersistentVolumeAccessMode[] = [RWO, ROX, RWX, RWOP];
