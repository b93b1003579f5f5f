import { Construct } from 'constructs';
import { BlockProvisioner } from './block-provisioner';
import { StorageClassBase, StorageClassSource } from './storage-class-base';
import { StorageClassCommonProps } from './storage-class-props';
import { Problems } from '../core/problems';
import { StorageKind } from '../knowledge/storage/types';

/** Props of {@link BlockStorageClass}. */
export interface BlockStorageClassProps extends StorageClassCommonProps {
  /** The block storage system, e.g. `BlockProvisioner.exoscale()` or `BlockProvisioner.awsEbs({ volumeType: EbsVolumeType.GP3 })`. */
  readonly provisioner: BlockProvisioner;
}

/**
 * A StorageClass for a block storage system, with the right CSI provisioner and typed parameters, safe
 * defaults (Retain, WaitForFirstConsumer) and the system's capabilities known to the rest of the library.
 *
 * @example
 * new BlockStorageClass(chart, 'gp3', {
 *   provisioner: BlockProvisioner.awsEbs({ volumeType: EbsVolumeType.GP3, iops: 6000 }),
 *   snapshotClass: {},
 * });
 */
export class BlockStorageClass extends StorageClassBase {
  constructor(scope: Construct, id: string, props: BlockStorageClassProps) {
    super(scope, id, props);
  }

  /** @internal */
  protected _source(props: StorageClassCommonProps): StorageClassSource {
    const p = props as BlockStorageClassProps | undefined;
    if (!p || !(p.provisioner instanceof BlockProvisioner)) {
      const problems = new Problems(this);
      problems.add('provisioner', p?.provisioner, 'is not a BlockProvisioner', 'Use a factory such as BlockProvisioner.exoscale() or BlockProvisioner.awsEbs({...}).');
      problems.throwIfAny();
    }
    return {
      spec: p!.provisioner._spec(),
      props: p!,
      kinds: [StorageKind.BLOCK, StorageKind.LOCAL],
      kindFix: 'Use FileStorageClass for file storage, or a BlockProvisioner factory for a block storage system.',
    };
  }
}
