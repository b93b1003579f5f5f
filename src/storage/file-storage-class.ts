import { Construct } from 'constructs';
import { FileProvisioner } from './file-provisioner';
import { StorageClassBase, StorageClassSource } from './storage-class-base';
import { StorageClassCommonProps } from './storage-class-props';
import { Problems } from '../core/problems';
import { StorageKind } from '../knowledge/storage/types';

/** Props of {@link FileStorageClass}. */
export interface FileStorageClassProps extends StorageClassCommonProps {
  /** The file storage system, e.g. `FileProvisioner.nfs({ server: 'nfs.internal', share: '/exports/k8s' })`. */
  readonly provisioner: FileProvisioner;
}

/**
 * A StorageClass for a network file system that many nodes mount at once (NFS, CephFS, Azure Files, EFS,
 * vSphere file volumes): claims of this class may be ReadWriteMany. Safe defaults as for every class of
 * this library: Retain, WaitForFirstConsumer.
 *
 * @example
 * new FileStorageClass(chart, 'shared', {
 *   provisioner: FileProvisioner.nfs({ server: 'nfs.internal', share: '/exports/k8s' }),
 *   mountOptions: ['nfsvers=4.1'],
 * });
 */
export class FileStorageClass extends StorageClassBase {
  constructor(scope: Construct, id: string, props: FileStorageClassProps) {
    super(scope, id, props);
  }

  /** @internal */
  protected _source(props: StorageClassCommonProps): StorageClassSource {
    const p = props as FileStorageClassProps | undefined;
    const problems = new Problems(this);
    if (!p || !(p.provisioner instanceof FileProvisioner)) {
      problems.add('provisioner', p?.provisioner, 'is not a FileProvisioner',
        'Use a factory such as FileProvisioner.nfs({...}), FileProvisioner.cephfs({...}) or FileProvisioner.awsEfs({...}); for Longhorn RWX or Portworx sharedv4 use BlockStorageClass.');
      problems.throwIfAny();
    }
    const provisioner = p!.provisioner;
    const fixed = provisioner._fixedFsType();
    let fsType = p!.fsType;
    if (fixed !== undefined) {
      if (fsType !== undefined && fsType !== fixed) {
        problems.add('fsType', fsType, `would turn ${provisioner.system.name} file volumes into block volumes (file volumes need ${fixed})`,
          'Remove fsType, or use BlockStorageClass with BlockProvisioner.vsphere() for ReadWriteOnce block volumes.');
      }
      fsType = undefined; // already in the provisioner's parameters
    }
    return { spec: provisioner._spec(), props: { ...p!, fsType }, kinds: [StorageKind.FILE], kindFix: 'Use BlockStorageClass for block storage.', problems: problems.all };
  }
}
