import {
  AwsEbsOptions, AzureDiskOptions, AzureDiskSku, CephRbdOptions, CustomProvisionerOptions, EbsVolumeType, GcePdOptions, GcePdType,
  LonghornOptions, OpenebsLocalPvOptions, OpenebsMayastorOptions, OpenstackCinderOptions, PortworxOptions, StorageosOptions, VsphereOptions,
} from './block-provisioner-options';
import { catalogProvisioner, ProvisionerSpec } from './provisioner-spec';
import { isDnsLabel, isDnsSubdomain } from '../core/names';
import { Problem } from '../core/problems';
import { asText } from '../core/values';
import { StorageCatalog, StorageSystemId, StorageSystemInfo } from '../knowledge/storage/catalog';
import { capabilitiesProblem, ExpansionSupport, SizeGranularity, StorageCapabilities, StorageKind, VolumeBindingMode } from '../knowledge/storage/types';

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
    const problems: Problem[] = [];
    // IOPS and throughput per volume type are catalog facts (the iops and throughput constraints of Amazon EBS): the
    // validator refuses the same StorageClass as YAML (STO-002). The options keep their names in the messages.
    const encrypted = options.encrypted ?? true;
    if (options.kmsKeyId !== undefined && !encrypted) {
      problems.push({ prop: 'provisioner.kmsKeyId', value: options.kmsKeyId, problem: 'is set but encrypted is false', fix: 'Remove kmsKeyId or set encrypted: true.' });
    }
    if (options.kmsKeyId !== undefined && typeof options.kmsKeyId !== 'string') {
      problems.push({ prop: 'provisioner.kmsKeyId', value: options.kmsKeyId, problem: 'is not a KMS key ARN', fix: 'Use the full ARN, arn:aws:kms:<region>:<account>:key/<id>.' });
    }
    return new BlockProvisioner(catalogProvisioner(StorageSystemId.AWS_EBS, {
      type,
      iops: options.iops,
      throughput: options.throughputMiBps,
      encrypted,
      kmsKeyId: options.kmsKeyId,
    }, {
      problems,
      props: {
        iops: { prop: 'provisioner.iops', value: options.iops },
        throughput: { prop: 'provisioner.throughputMiBps', value: options.throughputMiBps },
        kmsKeyId: { prop: 'provisioner.kmsKeyId', value: options.kmsKeyId },
      },
    }));
  }

  /** Azure Disk (`disk.csi.azure.com`). */
  public static azureDisk(options: AzureDiskOptions = {}): BlockProvisioner {
    options = { ...options }; // JavaScript callers may pass null
    const sku = options.skuName ?? AzureDiskSku.PREMIUM_LRS;
    const problems: Problem[] = [];
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
    const problems: Problem[] = [];
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
    const problems: Problem[] = [];
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
    const problems: Problem[] = [];
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
