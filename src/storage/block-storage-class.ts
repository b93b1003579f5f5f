import { ApiObject } from 'cdk8s';
import { PersistentVolumeReclaimPolicy } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { DEFAULT_CLASS_ANNOTATION } from '../core/conventions';
import { isDnsLabel, isDnsSubdomain, toDnsLabel } from '../core/names';
import { Problems } from '../core/problems';
import { clusterScoped } from '../core/scope';
import { asText, describe, isScalar } from '../core/values';
import { effectiveCapabilities, NO_PROVISIONER, StorageCatalog, StorageSystemId, StorageSystemInfo } from '../knowledge/storage/catalog';
import { checkParameters } from '../knowledge/storage/parameters';
import { IStorageClass } from '../knowledge/storage/storage-class';
import { capabilitiesProblem, ExpansionSupport, SizeGranularity, StorageCapabilities, StorageKind, VolumeBindingMode } from '../knowledge/storage/types';
import { applyConventions } from '../platform/conventions';
import { GoldenPathValidation } from '../validation/app-validation';
import { RenderedOnceApiObject } from '../validation/render-cache';

/** A problem found while building a provisioner, reported by the StorageClass with its construct path. */
interface ProvisionerProblem {
  /** The StorageClass parameter the problem is about, when there is one. */
  readonly key?: string;
  readonly prop: string;
  readonly value: unknown;
  readonly problem: string;
  readonly fix: string;
}

/**
 * What a StorageClass needs from its provisioner: shared by block and file storage classes.
 */
export interface ProvisionerSpec {
  readonly provisioner: string;
  readonly system?: StorageSystemInfo;
  readonly capabilities: StorageCapabilities;
  readonly parameters: Record<string, string>;
  readonly annotations: Record<string, string>;
  readonly problems: ProvisionerProblem[];
}

/**
 * Builds a provisioner spec for a catalog system: parameters are checked against the catalog
 * (types, allowed values, ranges, required keys), problems are kept for the StorageClass to report.
 */
export function catalogProvisioner(id: StorageSystemId, params: Record<string, string | number | boolean | undefined>,
  options: { provisioner?: string; annotations?: Record<string, string>; problems?: ProvisionerProblem[] } = {}): ProvisionerSpec {
  const system = StorageCatalog.get(id);
  const parameters: Record<string, string> = {};
  const problems: ProvisionerProblem[] = [...(options.problems ?? [])];
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    // options of the wrong type (an object, NaN, ...) from JavaScript callers: refused here, never written as "[object Object]"
    if (!isScalar(v)) {
      if (!problems.some((x) => x.key === k)) {
        problems.push({ key: k, prop: `provisioner parameter ${k}`, value: v, problem: 'is not a string, number or boolean', fix: `Set it to a plain value, or remove it (got ${describe(v)}).` });
      }
      continue;
    }
    parameters[k] = String(v);
  }
  const flagged = new Set(problems.map((x) => x.key));
  for (const p of checkParameters(system, parameters)) {
    if (p.severity === 'error' && !flagged.has(p.key)) problems.push({ key: p.key, prop: `provisioner parameter ${p.key}`, value: parameters[p.key], problem: p.problem, fix: p.fix });
  }
  return {
    provisioner: options.provisioner ?? system.provisioner!,
    system,
    capabilities: effectiveCapabilities(system, parameters),
    parameters,
    annotations: options.annotations ?? {},
    problems,
  };
}

/** Stand-in for capabilities a JavaScript caller declared wrongly (reported as a problem, never rendered). */
const UNKNOWN_CAPABILITIES: StorageCapabilities = {
  kind: StorageKind.BLOCK,
  filesystemAccessModes: [],
  blockAccessModes: [],
  expansion: ExpansionSupport.NONE,
  snapshots: false,
  sizeGranularity: SizeGranularity.ANY,
  recommendedBindingMode: VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER,
};

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

/** IOPS and throughput ranges per EBS type (AWS EBS volume type docs). */
const EBS_LIMITS: Record<string, { iops?: [number, number]; throughput?: [number, number] }> = {
  gp3: { iops: [3000, 16000], throughput: [125, 1000] },
  io1: { iops: [100, 64000] },
  io2: { iops: [100, 256000] },
};

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

/**
 * The storage system behind a {@link BlockStorageClass}: one typed factory per block storage system,
 * plus {@link BlockProvisioner.custom} for anything else.
 */
export class BlockProvisioner {
  /** Exoscale Block Storage (`csi.exoscale.com`). The driver reads no parameters besides the file system type. */
  public static exoscale(): BlockProvisioner {
    return new BlockProvisioner(catalogProvisioner(StorageSystemId.EXOSCALE_BLOCK_STORAGE, {}));
  }

  /** Amazon EBS (`ebs.csi.aws.com`). */
  public static awsEbs(options: AwsEbsOptions = {}): BlockProvisioner {
    options = { ...options }; // JavaScript callers may pass null
    const type = options.volumeType ?? EbsVolumeType.GP3;
    const limits = typeof type === 'string' && Object.prototype.hasOwnProperty.call(EBS_LIMITS, type) ? EBS_LIMITS[type] : {};
    const problems: ProvisionerProblem[] = [];
    if (options.iops !== undefined) {
      if (!limits.iops) {
        problems.push({ key: 'iops', prop: 'provisioner.iops', value: options.iops, problem: `cannot be set for volume type ${asText(type)}`, fix: 'Remove iops, or use gp3, io1 or io2.' });
      } else if (!Number.isInteger(options.iops) || options.iops < limits.iops[0] || options.iops > limits.iops[1]) {
        problems.push({ key: 'iops', prop: 'provisioner.iops', value: options.iops, problem: `is outside the range of ${asText(type)} (${limits.iops[0]}-${limits.iops[1]})`, fix: `Set iops to a whole number from ${limits.iops[0]} to ${limits.iops[1]}.` });
      }
    }
    if (options.throughputMiBps !== undefined) {
      if (!limits.throughput) {
        problems.push({ key: 'throughput', prop: 'provisioner.throughputMiBps', value: options.throughputMiBps, problem: `cannot be set for volume type ${asText(type)}`, fix: 'Remove throughputMiBps, or use gp3.' });
      } else if (!Number.isInteger(options.throughputMiBps) || options.throughputMiBps < limits.throughput[0] || options.throughputMiBps > limits.throughput[1]) {
        problems.push({ key: 'throughput', prop: 'provisioner.throughputMiBps', value: options.throughputMiBps, problem: `is outside the range of ${asText(type)} (${limits.throughput[0]}-${limits.throughput[1]} MiB/s)`, fix: `Set throughputMiBps from ${limits.throughput[0]} to ${limits.throughput[1]}.` });
      }
    }
    const encrypted = options.encrypted ?? true;
    if (options.kmsKeyId !== undefined && !encrypted) {
      problems.push({ prop: 'provisioner.kmsKeyId', value: options.kmsKeyId, problem: 'is set but encrypted is false', fix: 'Remove kmsKeyId or set encrypted: true.' });
    }
    if (options.kmsKeyId !== undefined && (typeof options.kmsKeyId !== 'string' || !/^arn:aws[a-z-]*:kms:/.test(options.kmsKeyId))) {
      problems.push({ prop: 'provisioner.kmsKeyId', value: options.kmsKeyId, problem: 'is not a KMS key ARN', fix: 'Use the full ARN, arn:aws:kms:<region>:<account>:key/<id>.' });
    }
    return new BlockProvisioner(catalogProvisioner(StorageSystemId.AWS_EBS, {
      type,
      iops: options.iops,
      throughput: options.throughputMiBps,
      encrypted,
      kmsKeyId: options.kmsKeyId,
    }, { problems }));
  }

  /** Azure Disk (`disk.csi.azure.com`). */
  public static azureDisk(options: AzureDiskOptions = {}): BlockProvisioner {
    options = { ...options }; // JavaScript callers may pass null
    const sku = options.skuName ?? AzureDiskSku.PREMIUM_LRS;
    const problems: ProvisionerProblem[] = [];
    const tunable = sku === AzureDiskSku.ULTRASSD_LRS || sku === AzureDiskSku.PREMIUMV2_LRS;
    for (const [prop, value] of [['diskIopsReadWrite', options.diskIopsReadWrite], ['diskMbpsReadWrite', options.diskMbpsReadWrite]] as const) {
      if (value !== undefined && !tunable) {
        problems.push({ key: prop === 'diskIopsReadWrite' ? 'DiskIOPSReadWrite' : 'DiskMBpsReadWrite', prop: `provisioner.${prop}`, value, problem: `cannot be set for SKU ${asText(sku)}`, fix: 'Remove it, or use UltraSSD_LRS or PremiumV2_LRS.' });
      }
    }
    return new BlockProvisioner(catalogProvisioner(StorageSystemId.AZURE_DISK, {
      skuName: sku,
      // PremiumV2 and Ultra disks support no host caching (driver docs).
      cachingMode: tunable ? 'None' : undefined,
      DiskIOPSReadWrite: options.diskIopsReadWrite,
      DiskMBpsReadWrite: options.diskMbpsReadWrite,
      diskEncryptionSetID: options.diskEncryptionSetId,
    }, { problems }));
  }

  /** Google Compute Engine persistent disk (`pd.csi.storage.gke.io`). */
  public static gcePd(options: GcePdOptions = {}): BlockProvisioner {
    options = { ...options }; // JavaScript callers may pass null
    return new BlockProvisioner(catalogProvisioner(StorageSystemId.GCE_PD, {
      'type': options.diskType ?? GcePdType.PD_BALANCED,
      'replication-type': options.regional ? 'regional-pd' : undefined,
      'disk-encryption-kms-key': options.kmsKey,
    }));
  }

  /** OpenStack Cinder (`cinder.csi.openstack.org`). */
  public static openstackCinder(options: OpenstackCinderOptions = {}): BlockProvisioner {
    options = { ...options }; // JavaScript callers may pass null
    return new BlockProvisioner(catalogProvisioner(StorageSystemId.OPENSTACK_CINDER, { type: options.volumeType }));
  }

  /** VMware vSphere CNS block volumes (`csi.vsphere.vmware.com`). */
  public static vsphere(options: VsphereOptions = {}): BlockProvisioner {
    options = { ...options }; // JavaScript callers may pass null
    return new BlockProvisioner(catalogProvisioner(StorageSystemId.VSPHERE, {
      storagepolicyname: options.storagePolicyName,
      datastoreurl: options.datastoreUrl,
    }));
  }

  /**
   * Ceph RBD through Rook (`<operatorNamespace>.rbd.csi.ceph.com`), with Rook's default CSI secrets.
   */
  public static cephRbd(options: CephRbdOptions): BlockProvisioner {
    options = { ...options }; // JavaScript callers may pass null
    const clusterId = options.clusterId ?? 'rook-ceph';
    const operatorNamespace = options.operatorNamespace ?? 'rook-ceph';
    const problems: ProvisionerProblem[] = [];
    for (const [prop, v] of [['clusterId', clusterId], ['operatorNamespace', operatorNamespace]] as const) {
      if (!isDnsLabel(v)) problems.push({ prop: `provisioner.${prop}`, value: v, problem: 'is not a namespace name', fix: 'Use the Rook namespace, e.g. rook-ceph.' });
    }
    if (!options.pool || typeof options.pool !== 'string') {
      problems.push({ prop: 'provisioner.pool', value: options.pool, problem: 'must name the CephBlockPool', fix: 'Set pool to the name of a CephBlockPool, e.g. replicapool.' });
    }
    return new BlockProvisioner(catalogProvisioner(StorageSystemId.CEPH_RBD, {
      'clusterID': clusterId,
      'pool': options.pool,
      'imageFormat': '2',
      'imageFeatures': options.imageFeatures ?? 'layering',
      'csi.storage.k8s.io/provisioner-secret-name': 'rook-csi-rbd-provisioner',
      'csi.storage.k8s.io/provisioner-secret-namespace': clusterId,
      'csi.storage.k8s.io/controller-expand-secret-name': 'rook-csi-rbd-provisioner',
      'csi.storage.k8s.io/controller-expand-secret-namespace': clusterId,
      'csi.storage.k8s.io/node-stage-secret-name': 'rook-csi-rbd-node',
      'csi.storage.k8s.io/node-stage-secret-namespace': clusterId,
    }, { provisioner: `${asText(operatorNamespace)}.rbd.csi.ceph.com`, problems }));
  }

  /** Longhorn (`driver.longhorn.io`). */
  public static longhorn(options: LonghornOptions = {}): BlockProvisioner {
    options = { ...options }; // JavaScript callers may pass null
    return new BlockProvisioner(catalogProvisioner(StorageSystemId.LONGHORN, {
      numberOfReplicas: options.numberOfReplicas ?? 3,
      staleReplicaTimeout: options.staleReplicaTimeoutMinutes ?? 2880,
      dataLocality: options.dataLocality,
    }));
  }

  /** OpenEBS Mayastor replicated volumes (`io.openebs.csi-mayastor`). */
  public static openebsMayastor(options: OpenebsMayastorOptions = {}): BlockProvisioner {
    options = { ...options }; // JavaScript callers may pass null
    return new BlockProvisioner(catalogProvisioner(StorageSystemId.OPENEBS_MAYASTOR, {
      repl: options.replicas ?? 3,
      protocol: 'nvmf',
      thin: options.thin ?? false,
    }));
  }

  /** OpenEBS LocalPV hostpath (`openebs.io/local`): node-local volumes, configured through annotations. */
  public static openebsLocalPv(options: OpenebsLocalPvOptions = {}): BlockProvisioner {
    options = { ...options }; // JavaScript callers may pass null
    const basePath = options.basePath ?? '/var/openebs/local';
    const problems: ProvisionerProblem[] = [];
    if (typeof basePath !== 'string' || !basePath.startsWith('/')) {
      problems.push({ prop: 'provisioner.basePath', value: basePath, problem: 'is not an absolute path', fix: 'Use an absolute directory on the nodes, e.g. /var/openebs/local.' });
    }
    return new BlockProvisioner(catalogProvisioner(StorageSystemId.OPENEBS_LOCALPV, {}, {
      problems,
      annotations: {
        'openebs.io/cas-type': 'local',
        'cas.openebs.io/config': `- name: StorageType\n  value: hostpath\n- name: BasePath\n  value: ${JSON.stringify(basePath)}\n`,
      },
    }));
  }

  /** Portworx (`pxd.portworx.com`). */
  public static portworx(options: PortworxOptions = {}): BlockProvisioner {
    options = { ...options }; // JavaScript callers may pass null
    const spec = catalogProvisioner(StorageSystemId.PORTWORX, {
      repl: options.replicas ?? 3,
      io_profile: options.ioProfile,
      secure: options.secure,
      sharedv4: options.sharedv4 ? true : undefined,
    });
    // ReadWriteMany only for sharedv4 volumes (catalog: sharedAccessRequires).
    return new BlockProvisioner(spec);
  }

  /** StorageOS / Ondat (`csi.storageos.com`). */
  public static storageos(options: StorageosOptions = {}): BlockProvisioner {
    options = { ...options }; // JavaScript callers may pass null
    return new BlockProvisioner(catalogProvisioner(StorageSystemId.STORAGEOS, {
      'storageos.com/replicas': options.replicas ?? 1,
      'storageos.com/encryption': options.encryption,
    }));
  }

  /** Local persistent volumes (`kubernetes.io/no-provisioner`): the class for statically created, node-bound PVs. */
  public static localStatic(): BlockProvisioner {
    return new BlockProvisioner(catalogProvisioner(StorageSystemId.LOCAL, {}));
  }

  /** Any other CSI driver, with its capabilities declared so that claims can be checked against them. */
  public static custom(options: CustomProvisionerOptions): BlockProvisioner {
    options = { ...options }; // JavaScript callers may pass null
    const problems: ProvisionerProblem[] = [];
    if (!options.provisioner || typeof options.provisioner !== 'string' || !isDnsSubdomain(options.provisioner.toLowerCase())) {
      problems.push({ prop: 'provisioner.provisioner', value: options.provisioner, problem: 'is not a CSI driver name', fix: 'Use the driver name as `kubectl get csidrivers` shows it, e.g. csi.example.com.' });
    }
    const known = typeof options.provisioner === 'string' ? StorageCatalog.forInTreeProvisioner(options.provisioner) : undefined;
    if (known?.inTreeRemovedIn) {
      problems.push({
        prop: 'provisioner.provisioner',
        value: options.provisioner,
        problem: `is the in-tree ${known.name} provisioner, removed in Kubernetes ${known.inTreeRemovedIn}`,
        fix: known.provisioner ? `Use the CSI driver ${known.provisioner} (BlockProvisioner factory for ${known.name}).` : 'Choose a storage system with a CSI driver.',
      });
    }
    const capabilityProblem = capabilitiesProblem(options.capabilities);
    if (capabilityProblem) {
      problems.push({ prop: 'provisioner.capabilities', value: options.capabilities, problem: capabilityProblem, fix: 'Declare what the driver can do, e.g. BlockProvisioner.exoscale().capabilities as a template, with values of the enums StorageKind, PersistentVolumeAccessMode, ExpansionSupport, SizeGranularity and VolumeBindingMode.' });
    }
    const parameters: Record<string, string> = {};
    if (options.parameters !== undefined && (options.parameters === null || typeof options.parameters !== 'object' || Array.isArray(options.parameters))) {
      problems.push({ prop: 'provisioner.parameters', value: options.parameters, problem: 'is not a map of strings', fix: 'Pass e.g. { "csi.storage.k8s.io/fstype": "ext4" }.' });
    } else {
      for (const [k, v] of Object.entries(options.parameters ?? {})) {
        if (typeof v === 'string') parameters[k] = v;
        else problems.push({ key: k, prop: `provisioner.parameters.${k}`, value: v, problem: 'is not a string (StorageClass parameter values are strings)', fix: `Write it as "${asText(v)}".` });
      }
    }
    return new BlockProvisioner({
      provisioner: options.provisioner,
      system: typeof options.provisioner === 'string' ? StorageCatalog.forProvisioner(options.provisioner) : undefined,
      // a malformed declaration is reported above; the class is then never built, and nothing reads these
      capabilities: capabilityProblem ? UNKNOWN_CAPABILITIES : options.capabilities,
      parameters,
      annotations: {},
      problems,
    });
  }

  /** The CSI provisioner name. */
  public readonly provisioner: string;
  /** What the storage system can do. */
  public readonly capabilities: StorageCapabilities;
  /**
   * The catalog entry.
   * @default - a custom provisioner
   */
  public readonly system?: StorageSystemInfo;

  private readonly spec: ProvisionerSpec;

  private constructor(spec: ProvisionerSpec) {
    this.spec = spec;
    this.provisioner = spec.provisioner;
    this.capabilities = spec.capabilities;
    this.system = spec.system;
  }

  /** @internal */
  public _spec(): ProvisionerSpec {
    return this.spec;
  }
}

/** Deletion policy of snapshot contents. */
export enum SnapshotDeletionPolicy {
  /** Keep the snapshot in the storage system when the VolumeSnapshot is deleted (safe). */
  RETAIN = 'Retain',
  /** Delete the snapshot in the storage system with the VolumeSnapshot. */
  DELETE = 'Delete',
}

/** A companion VolumeSnapshotClass. */
export interface SnapshotClassOptions {
  /**
   * VolumeSnapshotClass name.
   * @default - `<storage class name>-snapshots`
   */
  readonly name?: string;
  /**
   * What happens to the snapshot data when a VolumeSnapshot is deleted.
   * @default SnapshotDeletionPolicy.RETAIN - deleting a Kubernetes object never deletes backup data by default
   */
  readonly deletionPolicy?: SnapshotDeletionPolicy;
  /**
   * Mark it as the default VolumeSnapshotClass for its driver.
   * @default false
   */
  readonly isDefault?: boolean;
}

/** Props shared by the StorageClass constructs of this library. */
export interface StorageClassCommonProps {
  /**
   * StorageClass name (cluster-wide, so pick one that is unique in the cluster).
   * @default - the construct id in lower case, e.g. `gp3` for `new BlockStorageClass(this, 'gp3', ...)`
   */
  readonly name?: string;
  /**
   * What happens to a volume when its claim is deleted.
   * @default PersistentVolumeReclaimPolicy.RETAIN - this is storage for data people care about: deleting a claim (or a namespace, or an app) must not delete the data
   * @see https://kubernetes.io/docs/concepts/storage/persistent-volumes/#reclaiming
   */
  readonly reclaimPolicy?: PersistentVolumeReclaimPolicy;
  /**
   * When volumes are provisioned.
   * @default VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER - the volume is created in the zone where its pod is scheduled
   * @see https://kubernetes.io/docs/concepts/storage/storage-classes/#volume-binding-mode
   */
  readonly volumeBindingMode?: VolumeBindingMode;
  /**
   * Whether claims may grow.
   * @default - true where the storage system supports expansion
   */
  readonly allowVolumeExpansion?: boolean;
  /**
   * File system created on new volumes, e.g. `ext4` or `xfs`.
   * @default - the driver's default (ext4 for most)
   */
  readonly fsType?: string;
  /**
   * Mount options for every volume of the class.
   * @default - none
   */
  readonly mountOptions?: string[];
  /**
   * Zones volumes may be created in (values of the driver's topology key).
   * @default - any zone
   */
  readonly allowedZones?: string[];
  /**
   * Mark this class as the cluster's default StorageClass.
   * @default false
   */
  readonly isDefault?: boolean;
  /**
   * Also create a VolumeSnapshotClass for the class's driver.
   * @default - none
   */
  readonly snapshotClass?: SnapshotClassOptions;
  /**
   * Extra StorageClass parameters, checked against what the driver reads.
   * @default - none
   */
  readonly additionalParameters?: { [key: string]: string };
}

/** Props of {@link BlockStorageClass}. */
export interface BlockStorageClassProps extends StorageClassCommonProps {
  /** The block storage system, e.g. `BlockProvisioner.exoscale()` or `BlockProvisioner.awsEbs({ volumeType: EbsVolumeType.GP3 })`. */
  readonly provisioner: BlockProvisioner;
}

/**
 * The StorageClass and optional VolumeSnapshotClass of one storage system, built and checked from the catalog.
 * @internal
 */
export function renderStorageClass(scope: Construct, id: string, spec: ProvisionerSpec, props: StorageClassCommonProps,
  allowedKinds: StorageKind[], kindFix: string) {
  const errors = new Problems(scope);
  for (const p of spec.problems) errors.add(p.prop, p.value, p.problem, p.fix);
  const caps = spec.capabilities;
  const systemName = spec.system?.name ?? asText(spec.provisioner);

  const name = props.name ?? toDnsLabel(id);
  if (!isDnsSubdomain(name)) {
    errors.add('name', name, 'is not a valid StorageClass name (lower-case letters, digits, - and ., at most 253 characters)', 'Set name to e.g. "fast-ssd".');
  }
  if (caps && !allowedKinds.includes(caps.kind)) {
    errors.add('provisioner', spec.provisioner, `is ${caps.kind} storage (${systemName})`, kindFix);
  }
  if (spec.system && !spec.system.dynamicProvisioning && spec.provisioner !== NO_PROVISIONER) {
    errors.add('provisioner', spec.provisioner, `(${systemName}) cannot provision volumes dynamically`, 'Create PersistentVolumes statically (SharedRwxVolume static backends, or local PVs) instead of a provisioning class.');
  }

  const reclaim = props.reclaimPolicy ?? PersistentVolumeReclaimPolicy.RETAIN;
  if ((reclaim as string) === 'Recycle') {
    errors.add('reclaimPolicy', reclaim, 'is deprecated and rejected on a StorageClass (only nfs and hostPath ever supported it)', 'Use PersistentVolumeReclaimPolicy.RETAIN (keeps the data) or PersistentVolumeReclaimPolicy.DELETE.');
  } else if (!Object.values(PersistentVolumeReclaimPolicy).includes(reclaim)) {
    errors.add('reclaimPolicy', reclaim, 'is not Delete or Retain', 'Use PersistentVolumeReclaimPolicy.RETAIN or PersistentVolumeReclaimPolicy.DELETE.');
  }
  const binding = props.volumeBindingMode ?? VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER;
  if (!Object.values(VolumeBindingMode).includes(binding)) {
    errors.add('volumeBindingMode', binding, 'is not Immediate or WaitForFirstConsumer', 'Use VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER.');
  }
  const canExpand = caps ? caps.expansion !== ExpansionSupport.NONE : false;
  const expansion = props.allowVolumeExpansion ?? canExpand;
  if (expansion && !canExpand) {
    errors.add('allowVolumeExpansion', true, `but ${systemName} cannot expand volumes`, 'Remove allowVolumeExpansion.');
  }

  const parameters: Record<string, string> = { ...spec.parameters };
  if (props.fsType !== undefined) {
    const key = spec.system?.fsTypeParameter ?? (spec.system ? undefined : 'csi.storage.k8s.io/fstype');
    const allowed = spec.system?.fsTypes;
    if (typeof props.fsType !== 'string' || !/^[a-z0-9]+$/.test(props.fsType)) {
      errors.add('fsType', props.fsType, 'is not a file system name', 'Use e.g. "ext4" or "xfs".');
    } else if (!key) {
      errors.add('fsType', props.fsType, `cannot be set: ${systemName} reads no file-system parameter`, 'Remove fsType.');
    } else if (allowed && !allowed.includes(props.fsType)) {
      errors.add('fsType', props.fsType, `is not a file system ${systemName} creates`, `Use one of: ${allowed.join(', ')}.`);
    } else {
      parameters[key] = props.fsType;
    }
  }
  for (const [k, v] of Object.entries(props.additionalParameters ?? {})) {
    if (typeof v !== 'string') {
      errors.add(`additionalParameters.${k}`, v, 'is not a string (StorageClass parameter values are strings)', `Write it as "${asText(v)}".`);
      continue;
    }
    parameters[k] = v;
  }
  if (spec.system) {
    // the provisioner's own parameters were checked when it was built; check what the props added or changed
    for (const p of checkParameters(spec.system, parameters)) {
      if (p.severity === 'error' && spec.parameters[p.key] !== parameters[p.key]) {
        errors.add(`parameter ${p.key}`, parameters[p.key], p.problem, p.fix);
      }
    }
  }

  let allowedTopologies: any[] | undefined;
  if (props.allowedZones !== undefined) {
    const key = caps?.topologyKey;
    if (!key) {
      errors.add('allowedZones', props.allowedZones, `cannot be used: ${systemName} volumes are not zonal (no topology key)`, 'Remove allowedZones.');
    } else if (!Array.isArray(props.allowedZones) || props.allowedZones.length === 0 || props.allowedZones.some((z) => typeof z !== 'string' || z === '')) {
      errors.add('allowedZones', props.allowedZones, 'must be a non-empty list of zone names', 'List the zones, e.g. ["ch-gva-2"], or remove allowedZones.');
    } else {
      allowedTopologies = [{ matchLabelExpressions: [{ key, values: [...props.allowedZones] }] }];
    }
  }
  if (props.mountOptions !== undefined && (!Array.isArray(props.mountOptions) || props.mountOptions.some((m) => typeof m !== 'string' || m === ''))) {
    errors.add('mountOptions', props.mountOptions, 'must be a list of non-empty strings', 'Write options as strings, e.g. ["noatime"].');
  }

  const snapshot = props.snapshotClass;
  const snapshotName = snapshot ? (snapshot.name ?? `${asText(name)}-snapshots`) : undefined;
  if (snapshot) {
    if (caps && !caps.snapshots) {
      errors.add('snapshotClass', snapshot, `cannot be created: ${systemName} does not support CSI snapshots`, 'Remove snapshotClass; back up at the application level instead.');
    }
    if (!isDnsSubdomain(snapshotName)) {
      errors.add('snapshotClass.name', snapshotName, 'is not a valid object name', 'Use lower-case letters, digits and -.');
    }
    if (snapshot.deletionPolicy !== undefined && !Object.values(SnapshotDeletionPolicy).includes(snapshot.deletionPolicy)) {
      errors.add('snapshotClass.deletionPolicy', snapshot.deletionPolicy, 'is not Retain or Delete', 'Use SnapshotDeletionPolicy.RETAIN.');
    }
  }
  errors.throwIfAny();

  const annotations: Record<string, string> = { ...spec.annotations };
  if (props.isDefault) annotations[DEFAULT_CLASS_ANNOTATION] = 'true';
  const storageClass = new RenderedOnceApiObject(scope, 'Resource', {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name, annotations: Object.keys(annotations).length ? annotations : undefined },
    provisioner: spec.provisioner,
    parameters: Object.keys(parameters).length ? parameters : undefined,
    reclaimPolicy: reclaim,
    volumeBindingMode: binding,
    allowVolumeExpansion: expansion,
    mountOptions: props.mountOptions?.length ? [...props.mountOptions] : undefined,
    allowedTopologies,
  } as any);
  clusterScoped(storageClass);

  let snapshotClass: ApiObject | undefined;
  if (snapshot) {
    snapshotClass = new RenderedOnceApiObject(scope, 'SnapshotClass', {
      apiVersion: 'snapshot.storage.k8s.io/v1',
      kind: 'VolumeSnapshotClass',
      metadata: {
        name: snapshotName,
        annotations: snapshot.isDefault ? { 'snapshot.storage.kubernetes.io/is-default-class': 'true' } : undefined,
      },
      driver: spec.provisioner,
      deletionPolicy: snapshot.deletionPolicy ?? SnapshotDeletionPolicy.RETAIN,
    } as any);
    clusterScoped(snapshotClass);
  }
  GoldenPathValidation.of(scope)._register(scope);
  return { name, storageClass, snapshotClass, snapshotName, binding, expansion };
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
export class BlockStorageClass extends Construct implements IStorageClass {
  public readonly storageClassName: string;
  public readonly provisioner: string;
  public readonly capabilities: StorageCapabilities;
  public readonly system?: StorageSystemInfo;
  public readonly volumeBindingMode: VolumeBindingMode;
  public readonly allowVolumeExpansion: boolean;
  public readonly snapshotClassName?: string;
  /** The StorageClass object. */
  public readonly storageClass: ApiObject;
  /**
   * The VolumeSnapshotClass object.
   * @default - none created
   */
  public readonly snapshotClass?: ApiObject;

  constructor(scope: Construct, id: string, props: BlockStorageClassProps) {
    super(scope, id);
    if (!props || !(props.provisioner instanceof BlockProvisioner)) {
      const errors = new Problems(this);
      errors.add('provisioner', props?.provisioner, 'is not a BlockProvisioner', 'Use a factory such as BlockProvisioner.exoscale() or BlockProvisioner.awsEbs({...}).');
      errors.throwIfAny();
    }
    const spec = props.provisioner._spec();
    const r = renderStorageClass(this, id, spec, props, [StorageKind.BLOCK, StorageKind.LOCAL],
      'Use FileStorageClass for file storage, or a BlockProvisioner factory for a block storage system.');
    this.storageClassName = r.name;
    this.provisioner = spec.provisioner;
    this.capabilities = spec.capabilities;
    this.system = spec.system;
    this.volumeBindingMode = r.binding;
    this.allowVolumeExpansion = r.expansion;
    this.snapshotClassName = r.snapshotName;
    this.storageClass = r.storageClass;
    this.snapshotClass = r.snapshotClass;
    applyConventions(this, r.storageClass);
    if (r.snapshotClass) applyConventions(this, r.snapshotClass);
  }
}
