/**
 * Storage classes a platform team installs once per cluster: Exoscale Block Storage as SKS names it, EBS gp3,
 * Longhorn and Ceph RBD through Rook, each with a companion VolumeSnapshotClass where the system has snapshots.
 *
 * In your own app, import from 'cdk8s-golden-paths' instead of '../../src'.
 */
import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { BlockProvisioner, BlockStorageClass, EbsVolumeType } from '../../src';

export class StorageClassesChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    // The class Exoscale SKS users know, made explicit: csi.exoscale.com, whole-GiB sizes, zonal, offline expansion.
    new BlockStorageClass(this, 'exoscale-block-storage', {
      provisioner: BlockProvisioner.exoscale(),
      fsType: 'ext4',
      snapshotClass: { name: 'exoscale-snapshot' },
    });

    new BlockStorageClass(this, 'ebs-gp3', {
      provisioner: BlockProvisioner.awsEbs({ volumeType: EbsVolumeType.GP3, iops: 6000, throughputMiBps: 250 }),
      fsType: 'xfs',
      allowedZones: ['eu-central-1a', 'eu-central-1b', 'eu-central-1c'],
      snapshotClass: {},
    });

    new BlockStorageClass(this, 'longhorn-replicated', {
      provisioner: BlockProvisioner.longhorn({ numberOfReplicas: 3 }),
      snapshotClass: {},
    });

    new BlockStorageClass(this, 'ceph-rbd', {
      provisioner: BlockProvisioner.cephRbd({ pool: 'replicapool' }),
      fsType: 'ext4',
      snapshotClass: {},
    });
  }
}

const app = new App();
new StorageClassesChart(app, 'storage-classes');
app.synth();
