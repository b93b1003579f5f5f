import { StorageCapabilities } from '../knowledge/storage/types';

/** EBS volume types. @see https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volume-types.html */
export enum EbsVolumeType {
  /** General purpose SSD, baseline 3000 IOPS and 125 MiB/s, both adjustable. */
  GP3 = 'gp3',
  /** Previous general purpose SSD (IOPS scale with size). */
  GP2 = 'gp2',
  /** Provisioned IOPS SSD. */
  IO1 = 'io1',
  /** Provisioned IOPS SSD, higher durability; the only type with Multi-Attach. */
  IO2 = 'io2',
  /** Throughput optimized HDD. */
  ST1 = 'st1',
  /** Cold HDD. */
  SC1 = 'sc1',
}

/** Options for {@link BlockProvisioner.awsEbs}. */
export interface AwsEbsOptions {
  /**
   * Volume type.
   * @default EbsVolumeType.GP3 - the current general purpose type, cheaper than gp2 at equal performance
   */
  readonly volumeType?: EbsVolumeType;
  /**
   * Provisioned IOPS (gp3: 3000-16000, io1: 100-64000, io2: 100-256000).
   * @default - the type's baseline (3000 for gp3)
   */
  readonly iops?: number;
  /**
   * Throughput in MiB/s (gp3 only: 125-1000).
   * @default - 125 for gp3
   */
  readonly throughputMiBps?: number;
  /**
   * Encrypt volumes at rest.
   * @default true - data at rest is encrypted unless you opt out
   */
  readonly encrypted?: boolean;
  /**
   * Full ARN of the KMS key used for encryption.
   * @default - the account's aws/ebs key
   */
  readonly kmsKeyId?: string;
}

/** Azure managed disk SKUs. */
export enum AzureDiskSku {
  /** Standard HDD, locally redundant. */
  STANDARD_LRS = 'Standard_LRS',
  /** Standard SSD, locally redundant. */
  STANDARDSSD_LRS = 'StandardSSD_LRS',
  /** Standard SSD, zone redundant. */
  STANDARDSSD_ZRS = 'StandardSSD_ZRS',
  /** Premium SSD, locally redundant. */
  PREMIUM_LRS = 'Premium_LRS',
  /** Premium SSD, zone redundant. */
  PREMIUM_ZRS = 'Premium_ZRS',
  /** Premium SSD v2 (IOPS and throughput set separately). */
  PREMIUMV2_LRS = 'PremiumV2_LRS',
  /** Ultra disk. */
  ULTRASSD_LRS = 'UltraSSD_LRS',
}

/** Options for {@link BlockProvisioner.azureDisk}. */
export interface AzureDiskOptions {
  /**
   * Disk SKU.
   * @default AzureDiskSku.PREMIUM_LRS - SSD with a latency SLA, the usual choice for databases
   */
  readonly skuName?: AzureDiskSku;
  /**
   * IOPS (UltraSSD_LRS and PremiumV2_LRS only).
   * @default - the SKU's baseline
   */
  readonly diskIopsReadWrite?: number;
  /**
   * Throughput in MB/s (UltraSSD_LRS and PremiumV2_LRS only).
   * @default - the SKU's baseline
   */
  readonly diskMbpsReadWrite?: number;
  /**
   * Disk encryption set resource id, for customer-managed keys.
   * @default - platform-managed keys
   */
  readonly diskEncryptionSetId?: string;
}

/** GCE persistent disk types. */
export enum GcePdType {
  /** Balanced SSD. */
  PD_BALANCED = 'pd-balanced',
  /** Performance SSD. */
  PD_SSD = 'pd-ssd',
  /** Standard HDD. */
  PD_STANDARD = 'pd-standard',
  /** Extreme PD (provisioned IOPS). */
  PD_EXTREME = 'pd-extreme',
}

/** Options for {@link BlockProvisioner.gcePd}. */
export interface GcePdOptions {
  /**
   * Disk type.
   * @default GcePdType.PD_BALANCED - SSD at a moderate price
   */
  readonly diskType?: GcePdType;
  /**
   * Regional (synchronously replicated across two zones) instead of zonal disks.
   * @default false
   */
  readonly regional?: boolean;
  /**
   * CMEK key resource id.
   * @default - Google-managed encryption
   */
  readonly kmsKey?: string;
}

/** Options for {@link BlockProvisioner.openstackCinder}. */
export interface OpenstackCinderOptions {
  /**
   * Cinder volume type (must exist in the cloud).
   * @default - the cloud's default type
   */
  readonly volumeType?: string;
}

/** Options for {@link BlockProvisioner.vsphere}. */
export interface VsphereOptions {
  /**
   * SPBM storage policy name.
   * @default - the datastore default
   */
  readonly storagePolicyName?: string;
  /**
   * Datastore URL (ds:///vmfs/volumes/...).
   * @default - chosen by the storage policy
   */
  readonly datastoreUrl?: string;
}

/** Options for {@link BlockProvisioner.cephRbd}. */
export interface CephRbdOptions {
  /**
   * Ceph cluster id; with Rook, the namespace of the CephCluster.
   * @default 'rook-ceph'
   */
  readonly clusterId?: string;
  /** RBD pool; with Rook, the CephBlockPool name. Replication is set on the pool, not here. */
  readonly pool: string;
  /**
   * Namespace of the Rook operator: the provisioner is `<namespace>.rbd.csi.ceph.com`.
   * @default 'rook-ceph'
   */
  readonly operatorNamespace?: string;
  /**
   * RBD image features.
   * @default 'layering' - supported by every kernel client
   */
  readonly imageFeatures?: string;
}

/** Longhorn data locality. */
export enum LonghornDataLocality {
  /** Replicas anywhere. */
  DISABLED = 'disabled',
  /** Try to keep a replica on the workload's node. */
  BEST_EFFORT = 'best-effort',
  /** Only a local replica (single replica). */
  STRICT_LOCAL = 'strict-local',
}

/** Options for {@link BlockProvisioner.longhorn}. */
export interface LonghornOptions {
  /**
   * Replicas of each volume.
   * @default 3 - survives the loss of two nodes
   */
  readonly numberOfReplicas?: number;
  /**
   * Data locality.
   * @default LonghornDataLocality.DISABLED
   */
  readonly dataLocality?: LonghornDataLocality;
  /**
   * Minutes before a failed replica is removed.
   * @default 2880 - Longhorn's example value (two days)
   */
  readonly staleReplicaTimeoutMinutes?: number;
}

/** Options for {@link BlockProvisioner.openebsMayastor}. */
export interface OpenebsMayastorOptions {
  /**
   * Synchronous replicas.
   * @default 3
   */
  readonly replicas?: number;
  /**
   * Thin provisioning.
   * @default false - thick provisioning cannot run out of pool space later
   */
  readonly thin?: boolean;
}

/** Options for {@link BlockProvisioner.openebsLocalPv}. */
export interface OpenebsLocalPvOptions {
  /**
   * Directory on each node that holds the volumes.
   * @default '/var/openebs/local'
   */
  readonly basePath?: string;
}

/** Options for {@link BlockProvisioner.portworx}. */
export interface PortworxOptions {
  /**
   * Synchronous replicas (1-3).
   * @default 3 - survives the loss of two nodes
   */
  readonly replicas?: number;
  /**
   * IO profile, e.g. `db` or `db_remote`.
   * @default 'auto'
   */
  readonly ioProfile?: string;
  /**
   * Encrypt volumes.
   * @default false
   */
  readonly secure?: boolean;
  /**
   * Shared volumes (`sharedv4: "true"`): Portworx serves the volume over NFSv4 so that pods on many nodes mount it
   * read-write (ReadWriteMany, Filesystem mode). Without it a Portworx volume is ReadWriteOnce.
   * @default false - a plain volume attaches to one node, which is what databases want
   */
  readonly sharedv4?: boolean;
}

/** Options for {@link BlockProvisioner.storageos}. */
export interface StorageosOptions {
  /**
   * Replicas of each volume (0-5).
   * @default 1
   */
  readonly replicas?: number;
  /**
   * Encryption at rest.
   * @default false
   */
  readonly encryption?: boolean;
}

/** Options for {@link BlockProvisioner.custom}. */
export interface CustomProvisionerOptions {
  /** CSI driver name. */
  readonly provisioner: string;
  /** What the driver can do: the library checks claims against this. */
  readonly capabilities: StorageCapabilities;
  /**
   * StorageClass parameters, passed as they are.
   * @default - none
   */
  readonly parameters?: { [key: string]: string };
}
