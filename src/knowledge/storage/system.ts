import { StorageCapabilities, StorageParameterInfo } from './types';

/**
 * Every storage system the library knows, by id.
 */
export enum StorageSystemId {
  /** Exoscale Block Storage (SBS), `csi.exoscale.com`. */
  EXOSCALE_BLOCK_STORAGE = 'exoscale-block-storage',
  /** Amazon EBS, `ebs.csi.aws.com`. */
  AWS_EBS = 'aws-ebs',
  /** Azure Disk, `disk.csi.azure.com`. */
  AZURE_DISK = 'azure-disk',
  /** Azure Files, `file.csi.azure.com`. */
  AZURE_FILES = 'azure-files',
  /** Google Compute Engine persistent disk, `pd.csi.storage.gke.io`. */
  GCE_PD = 'gce-pd',
  /** OpenStack Cinder, `cinder.csi.openstack.org`. */
  OPENSTACK_CINDER = 'openstack-cinder',
  /** VMware vSphere CNS, `csi.vsphere.vmware.com` (block volumes; file volumes on vSAN File Services). */
  VSPHERE = 'vsphere',
  /** Ceph RBD through ceph-csi / Rook, `<operator-namespace>.rbd.csi.ceph.com`. */
  CEPH_RBD = 'ceph-rbd',
  /** CephFS through ceph-csi / Rook, `<operator-namespace>.cephfs.csi.ceph.com`. */
  CEPHFS = 'cephfs',
  /** Longhorn, `driver.longhorn.io`. */
  LONGHORN = 'longhorn',
  /** OpenEBS Mayastor (replicated PV), `io.openebs.csi-mayastor`. */
  OPENEBS_MAYASTOR = 'openebs-mayastor',
  /** OpenEBS LocalPV hostpath, `openebs.io/local`. */
  OPENEBS_LOCALPV = 'openebs-localpv',
  /** Portworx, `pxd.portworx.com`. */
  PORTWORX = 'portworx',
  /** StorageOS / Ondat, `csi.storageos.com`. */
  STORAGEOS = 'storageos',
  /** NFS through csi-driver-nfs, `nfs.csi.k8s.io` (or the in-tree `nfs` volume for static PVs). */
  NFS = 'nfs',
  /** Amazon EFS, `efs.csi.aws.com`. */
  AWS_EFS = 'aws-efs',
  /** S3 buckets through Mountpoint, `s3.csi.aws.com` (static PVs only). */
  S3_MOUNTPOINT = 's3-mountpoint',
  /** GlusterFS: in-tree plugin removed in Kubernetes 1.26, no maintained CSI driver. */
  GLUSTERFS = 'glusterfs',
  /** iSCSI: static PVs only (in-tree `iscsi` volume). */
  ISCSI = 'iscsi',
  /** Local persistent volumes, `kubernetes.io/no-provisioner` (static, node-bound). */
  LOCAL = 'local',
  /** hostPath: a directory on one node, for single-node development clusters only. */
  HOST_PATH = 'host-path',
}

/**
 * Everything the library knows about one storage system.
 */
export interface StorageSystemInfo extends StorageCapabilities {
  /** Catalog id. */
  readonly id: StorageSystemId;
  /** Human name. */
  readonly name: string;
  /**
   * The cloud or project a system belongs to (`aws`, `azure`, `ceph`, `openebs`): when the library suggests another
   * system, those of the same family come first (Amazon EFS for an EBS claim that asked to share).
   * @default - a family of its own
   */
  readonly family?: string;
  /**
   * CSI provisioner / driver name used in StorageClasses and PVs.
   * @default - none: the system has no dynamic provisioner
   */
  readonly provisioner?: string;
  /**
   * Whether the provisioner name may carry a prefix (Rook names ceph-csi drivers `<operator-namespace>.rbd.csi.ceph.com`).
   * @default false
   */
  readonly provisionerMayBePrefixed?: boolean;
  /** Whether a StorageClass can provision volumes dynamically. */
  readonly dynamicProvisioning: boolean;
  /**
   * VolumeSnapshotClass `driver` (equal to the provisioner).
   * @default - no snapshots
   */
  readonly snapshotDriver?: string;
  /**
   * In-tree volume plugin name (`spec.awsElasticBlockStore`, ...).
   * @default - none
   */
  readonly inTreePlugin?: string;
  /**
   * In-tree provisioner name as once used in StorageClasses (`kubernetes.io/aws-ebs`, ...).
   * @default - none
   */
  readonly inTreeProvisioner?: string;
  /**
   * Kubernetes minor version that removed the in-tree plugin, e.g. `1.27`.
   * @default - not removed
   */
  readonly inTreeRemovedIn?: string;
  /**
   * StorageClass parameter key holding the file system type.
   * @default - no file-system parameter
   */
  readonly fsTypeParameter?: string;
  /**
   * File systems the driver can create.
   * @default - none
   */
  readonly fsTypes?: string[];
  /**
   * ReadWriteMany and ReadOnlyMany for Filesystem claims only when the class sets this parameter to this value
   * (vSphere file volumes: `csi.storage.k8s.io/fstype: nfs4`; Portworx: `sharedv4: "true"`).
   * @default - the listed access modes hold for every class
   */
  readonly sharedAccessRequires?: SharedAccessCondition;
  /**
   * The prefix of the topology keys the driver reports when they are deployment-specific (vSphere:
   * `topology.csi.vmware.com/<label>`), for systems without one `topologyKey`.
   * @default - the driver reports `topologyKey` only, or no topology at all
   */
  readonly topologyKeyPrefix?: string;
  /**
   * Size limits that hold only for classes with some parameter values (Azure Files: Premium shares are 100 GiB at
   * least). Constructs and the validator both read them.
   * @default - the system's own limits hold for every class
   */
  readonly sizeLimitsWhen?: ConditionalSizeLimits[];
  /** StorageClass parameters the driver reads. */
  readonly parameters: StorageParameterInfo[];
  /** Caveats that matter in production. */
  readonly notes: string[];
  /** Where the facts come from (repository@commit:path or documentation URL). */
  readonly sources: string[];
}

/** The provisioner name of classes for statically created volumes (local PVs): Kubernetes provisions nothing. */
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

/**
 * A StorageClass parameter value a storage system needs before it shares volumes across nodes.
 */
export interface SharedAccessCondition {
  /** Parameter key. */
  readonly parameter: string;
  /** Required value. */
  readonly value: string;
}

/**
 * Size limits of the classes whose parameter has one of some values.
 */
export interface ConditionalSizeLimits {
  /** Parameter key. */
  readonly parameter: string;
  /** The values the limits hold for. */
  readonly values: string[];
  /**
   * Smallest volume, in GiB.
   * @default - the system's own minimum
   */
  readonly minSizeGib?: number;
  /**
   * Largest volume, in GiB.
   * @default - the system's own maximum
   */
  readonly maxSizeGib?: number;
}
