/**
 * Parity of the constructs and the validator (issue 17): every refusal a construct makes about an object it would
 * emit has a rule that catches the same object written as YAML, and both read the same facts from the catalog.
 *
 * The table names each construct refusal (an id of ours), the construct call that is refused, and the YAML object
 * the rule must flag. Where the rule only warns about what the construct refuses, the row says so and why; the
 * refusals that are about the construct's input rather than an object (a wrong type from JavaScript, a missing
 * option, a safe default that has an explicit opt-out) are listed in INTENT_ONLY with the reason.
 */
import { App, Chart, Duration, Size } from 'cdk8s';
import { Cpu, PersistentVolumeAccessMode, PersistentVolumeReclaimPolicy, Secret, Service } from 'cdk8s-plus-27';
import {
  AzureFilesProtocol, AzureFilesSku, BlockProvisioner, BlockStorageClass, DatabaseEngine, EbsVolumeType,
  ExistingStorageClass, FileProvisioner, FileStorageClass, IngressController, KnownStorageClass, RouteBackend, RouteOutput, SharedRwxVolume,
  SharedVolumeBackend, Severity, StatefulDatabase, StatefulUpdateStrategy, StorageSystemId, TlsSource, Validator, Warnings, WebRoute,
} from '../../src';

/** The routes of the table run on ingress-nginx, whose path and annotation rules ING-003 and ING-008 know. */
const NGINX = RouteOutput.ingress(IngressController.ingressNginx());

interface ParityRow {
  /** The construct refusal. */
  readonly refusal: string;
  /** The rule that catches the same object as YAML. */
  readonly rule: string;
  /** Builds the refused construct. */
  readonly construct: (chart: Chart) => void;
  /** What the construct's error says. */
  readonly refused: string;
  /** The same object as YAML (with what it needs around it). */
  readonly yaml: any[];
  /** What the rule's finding says. */
  readonly finding: string;
  readonly knownStorageClasses?: KnownStorageClass[];
  /** Warning: the construct refuses its own explicit prop, the cluster accepts the object (the reason follows). */
  readonly ruleWarnsBecause?: string;
}

const sc = (name: string, provisioner: string, extra: Record<string, any> = {}): any => ({
  apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name }, provisioner, reclaimPolicy: 'Retain', volumeBindingMode: 'WaitForFirstConsumer', ...extra,
});
const pvc = (name: string, spec: Record<string, any>, namespace = 'test'): any => ({
  apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace }, spec: { resources: { requests: { storage: '10Gi' } }, ...spec },
});
const EXO: KnownStorageClass[] = [{ name: 'exoscale-block-storage', provisioner: 'csi.exoscale.com' }];
const CM = TlsSource.certManagerClusterIssuer('letsencrypt-prod');
const dbLabels = { 'app.kubernetes.io/name': 'postgres', 'app.kubernetes.io/instance': 'db' };

/** A database StatefulSet as YAML (StatefulDatabase's shape, cut to what the rules read). */
function dbYaml(spec: Record<string, any> = {}, pod: Record<string, any> = {}, labels: Record<string, string> = {}): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db', namespace: 'test', annotations: { 'golden-paths.dev/role': 'database' }, labels: { 'app.kubernetes.io/managed-by': 'cdk8s-golden-paths' } },
    spec: {
      replicas: 3,
      serviceName: 'db-headless',
      selector: { matchLabels: dbLabels },
      template: {
        metadata: { labels: { ...dbLabels, ...labels } },
        spec: { terminationGracePeriodSeconds: 120, containers: [{ name: 'postgres', image: 'docker.io/library/postgres:16.4' }], ...pod },
      },
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'exoscale-block-storage', resources: { requests: { storage: '20Gi' } } } }],
      ...spec,
    },
  };
}

/** A StatefulDatabase with one prop changed. */
function database(chart: Chart, props: Record<string, any> = {}): StatefulDatabase {
  return new StatefulDatabase(chart, 'db', {
    engine: DatabaseEngine.postgres({ version: '16.4' }),
    replicas: 3,
    storage: { size: Size.gibibytes(20), storageClass: ExistingStorageClass.exoscaleBlockStorage() },
    credentials: { secret: Secret.fromSecretName(chart, 'creds', 'db-credentials') },
    cpu: Cpu.millis(500),
    memory: Size.gibibytes(2),
    ...props,
  });
}

/** An Ingress as YAML with one rule. */
function ingressYaml(host: string, path: string, extra: Record<string, any> = {}, pathType = 'Prefix'): any {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'r', namespace: 'test', ...extra.metadata },
    spec: {
      ingressClassName: 'nginx',
      rules: [{ host, http: { paths: [{ path, pathType, backend: { service: { name: 'web', port: { number: 80 } } } }] } }],
      ...extra.spec,
    },
  };
}
const webService: any = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'test' }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }] } };
const webSvc = (chart: Chart) => new Service(chart, 'web', { metadata: { name: 'web' }, selector: undefined, ports: [{ name: 'http', port: 80 }] });

const ROWS: ParityRow[] = [
  // StorageClasses (BlockStorageClass, FileStorageClass): parameters come from the catalog in both doors
  {
    refusal: 'storage-class/reclaim-recycle',
    rule: 'API-001',
    construct: (c) => new BlockStorageClass(c, 'sbs', { provisioner: BlockProvisioner.exoscale(), reclaimPolicy: 'Recycle' as PersistentVolumeReclaimPolicy }),
    refused: 'reclaimPolicy "Recycle" is deprecated and rejected on a StorageClass',
    yaml: [sc('sbs', 'csi.exoscale.com', { reclaimPolicy: 'Recycle' })],
    finding: 'Recycle',
  },
  {
    refusal: 'storage-class/in-tree-provisioner',
    rule: 'STO-001',
    construct: (c) => new BlockStorageClass(c, 'gp2', { provisioner: BlockProvisioner.custom({ provisioner: 'kubernetes.io/aws-ebs', capabilities: BlockProvisioner.awsEbs().capabilities }) }),
    refused: 'is the in-tree Amazon EBS provisioner, removed in Kubernetes 1.27',
    yaml: [sc('gp2', 'kubernetes.io/aws-ebs')],
    finding: 'provisioner kubernetes.io/aws-ebs (Amazon EBS in-tree plugin) was removed in Kubernetes 1.27',
  },
  {
    refusal: 'storage-class/ebs-iops-per-type',
    rule: 'STO-002',
    construct: (c) => new BlockStorageClass(c, 'gp3', { provisioner: BlockProvisioner.awsEbs({ volumeType: EbsVolumeType.GP3, iops: 20000 }) }),
    refused: 'provisioner.iops 20000 is outside the range for type gp3 (3000-16000)',
    yaml: [sc('gp3', 'ebs.csi.aws.com', { parameters: { type: 'gp3', iops: '20000' } })],
    finding: 'parameter iops is 20000, outside the range for type gp3 (3000-16000)',
  },
  {
    refusal: 'storage-class/ebs-throughput-per-type',
    rule: 'STO-002',
    construct: (c) => new BlockStorageClass(c, 'gp3', { provisioner: BlockProvisioner.awsEbs({ throughputMiBps: 1500 }) }),
    refused: 'provisioner.throughputMiBps 1500 is outside the range for type gp3 (125-1000 MiB/s)',
    yaml: [sc('gp3', 'ebs.csi.aws.com', { parameters: { type: 'gp3', throughput: '1500' } })],
    finding: 'parameter throughput is 1500, outside the range for type gp3 (125-1000 MiB/s)',
  },
  {
    refusal: 'storage-class/ebs-iops-not-for-type',
    rule: 'STO-002',
    construct: (c) => new BlockStorageClass(c, 'st1', { provisioner: BlockProvisioner.awsEbs({ volumeType: EbsVolumeType.ST1, iops: 500 }) }),
    refused: 'provisioner.iops 500 cannot be set for type st1',
    yaml: [sc('st1', 'ebs.csi.aws.com', { parameters: { type: 'st1', iops: '500' } })],
    finding: 'parameter iops 500 cannot be set for type st1',
  },
  {
    refusal: 'storage-class/ebs-kms-key-arn',
    rule: 'STO-002',
    construct: (c) => new BlockStorageClass(c, 'gp3', { provisioner: BlockProvisioner.awsEbs({ kmsKeyId: 'alias/my-key' }) }),
    refused: 'provisioner.kmsKeyId "alias/my-key" is not a KMS key ARN',
    yaml: [sc('gp3', 'ebs.csi.aws.com', { parameters: { kmsKeyId: 'alias/my-key' } })],
    finding: 'parameter kmsKeyId is "alias/my-key", not a KMS key ARN',
  },
  {
    refusal: 'storage-class/parameter-range',
    rule: 'STO-002',
    construct: (c) => new BlockStorageClass(c, 'lh', { provisioner: BlockProvisioner.longhorn({ numberOfReplicas: 0 }) }),
    refused: 'provisioner parameter numberOfReplicas "0" is outside the range Longhorn accepts (1 to 20)',
    yaml: [sc('lh', 'driver.longhorn.io', { parameters: { numberOfReplicas: '0' } })],
    finding: 'parameter numberOfReplicas is 0, outside the range Longhorn accepts (1 to 20)',
  },
  {
    refusal: 'storage-class/fs-type',
    rule: 'STO-002',
    construct: (c) => new BlockStorageClass(c, 'sbs', { provisioner: BlockProvisioner.exoscale(), fsType: 'ntfs' }),
    refused: 'fsType "ntfs" is not a file system Exoscale Block Storage creates',
    yaml: [sc('sbs', 'csi.exoscale.com', { parameters: { 'csi.storage.k8s.io/fstype': 'ntfs' } })],
    finding: 'parameter csi.storage.k8s.io/fstype is "ntfs", which Exoscale Block Storage does not accept',
  },
  {
    refusal: 'storage-class/additional-parameter',
    rule: 'STO-002',
    construct: (c) => new BlockStorageClass(c, 'ebs', { provisioner: BlockProvisioner.awsEbs(), additionalParameters: { type: 'gp9' } }),
    refused: 'parameter type "gp9" is not accepted by Amazon EBS',
    yaml: [sc('ebs', 'ebs.csi.aws.com', { parameters: { type: 'gp9' } })],
    finding: 'parameter type is "gp9", which Amazon EBS does not accept',
  },
  {
    refusal: 'storage-class/required-parameter',
    rule: 'STO-002',
    construct: (c) => new FileStorageClass(c, 'nfs', { provisioner: FileProvisioner.nfs({ server: 'nfs.internal', share: undefined as any }) }),
    refused: 'provisioner.share (not set) must be the absolute exported path',
    yaml: [sc('nfs', 'nfs.csi.k8s.io', { parameters: { server: 'nfs.internal' } })],
    finding: 'parameter share is required by NFS (csi-driver-nfs) but missing',
  },
  {
    refusal: 'storage-class/nfs-share-path',
    rule: 'STO-002',
    construct: (c) => new FileStorageClass(c, 'nfs', { provisioner: FileProvisioner.nfs({ server: 'nfs.internal', share: 'exports' }) }),
    refused: 'provisioner.share "exports" is not an absolute path',
    yaml: [sc('nfs', 'nfs.csi.k8s.io', { parameters: { server: 'nfs.internal', share: 'exports' } })],
    finding: 'parameter share is "exports", not an absolute path',
  },
  {
    refusal: 'storage-class/octal-permissions',
    rule: 'STO-002',
    construct: (c) => new FileStorageClass(c, 'nfs', { provisioner: FileProvisioner.nfs({ server: 'nfs.internal', share: '/exports', mountPermissions: '999' }) }),
    refused: 'provisioner.mountPermissions "999" is not octal permissions',
    yaml: [sc('nfs', 'nfs.csi.k8s.io', { parameters: { server: 'nfs.internal', share: '/exports', mountPermissions: '999' } })],
    finding: 'parameter mountPermissions is "999", not octal permissions',
  },
  {
    refusal: 'storage-class/efs-file-system-id',
    rule: 'STO-002',
    construct: (c) => new FileStorageClass(c, 'efs', { provisioner: FileProvisioner.awsEfs({ fileSystemId: 'vol-123' }) }),
    refused: 'provisioner.fileSystemId "vol-123" is not an EFS file system id',
    yaml: [sc('efs', 'efs.csi.aws.com', { parameters: { provisioningMode: 'efs-ap', fileSystemId: 'vol-123', directoryPerms: '700' } })],
    finding: 'parameter fileSystemId is "vol-123", not an EFS file system id',
  },
  {
    refusal: 'storage-class/azure-files-nfs-sku',
    rule: 'STO-002',
    construct: (c) => new FileStorageClass(c, 'af', { provisioner: FileProvisioner.azureFiles({ protocol: AzureFilesProtocol.NFS, skuName: AzureFilesSku.STANDARD_LRS }) }),
    refused: 'provisioner.skuName "Standard_LRS" is not accepted for protocol nfs',
    yaml: [sc('af', 'file.csi.azure.com', { parameters: { protocol: 'nfs', skuName: 'Standard_LRS' } })],
    finding: 'parameter skuName is "Standard_LRS", not accepted for protocol nfs',
  },
  {
    refusal: 'storage-class/cannot-provision',
    rule: 'STO-017',
    construct: (c) => new BlockStorageClass(c, 's3', { provisioner: BlockProvisioner.custom({ provisioner: 's3.csi.aws.com', capabilities: BlockProvisioner.exoscale().capabilities }) }),
    refused: '(S3 via Mountpoint) cannot provision volumes dynamically',
    yaml: [sc('s3', 's3.csi.aws.com')],
    finding: 'S3 via Mountpoint',
  },
  {
    refusal: 'storage-class/snapshots-unsupported',
    rule: 'STO-004',
    construct: (c) => new BlockStorageClass(c, 'local', { provisioner: BlockProvisioner.openebsLocalPv(), snapshotClass: { name: 'local-snap' } }),
    refused: 'snapshotClass',
    yaml: [{ apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshotClass', metadata: { name: 'local-snap' }, driver: 'openebs.io/local', deletionPolicy: 'Retain' }],
    finding: 'driver openebs.io/local (OpenEBS LocalPV hostpath) does not support CSI snapshots',
  },
  {
    refusal: 'storage-class/two-defaults',
    rule: 'STO-003',
    construct: (c) => {
      new BlockStorageClass(c, 'a', { provisioner: BlockProvisioner.exoscale(), isDefault: true });
      new BlockStorageClass(c, 'b', { provisioner: BlockProvisioner.exoscale(), isDefault: true });
    },
    refused: 'STO-003',
    yaml: ['a', 'b'].map((n) => sc(n, 'csi.exoscale.com', { metadata: { name: n, annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } })),
    finding: 'default',
  },
  {
    refusal: 'storage-class/zones-not-zonal',
    rule: 'STO-007',
    construct: (c) => new BlockStorageClass(c, 'lh', { provisioner: BlockProvisioner.longhorn(), allowedZones: ['a'] }),
    refused: 'allowedZones ["a"] cannot be used: Longhorn volumes are not zonal',
    yaml: [sc('lh', 'driver.longhorn.io', { allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: ['a'] }] }] })],
    finding: 'Longhorn volumes are not zonal',
    ruleWarnsBecause: 'the cluster accepts the class: the scheduler confines pods to the zones, the driver ignores them',
  },
  {
    refusal: 'storage-class/expansion-unsupported',
    rule: 'STO-006',
    construct: (c) => new FileStorageClass(c, 'efs', { provisioner: FileProvisioner.awsEfs({ fileSystemId: 'fs-1' }), allowVolumeExpansion: true }),
    refused: 'allowVolumeExpansion true but Amazon EFS cannot expand volumes',
    yaml: [sc('efs', 'efs.csi.aws.com', { allowVolumeExpansion: true, parameters: { provisioningMode: 'efs-ap', fileSystemId: 'fs-1', directoryPerms: '700' } })],
    finding: 'allowVolumeExpansion is true but Amazon EFS cannot expand volumes',
    ruleWarnsBecause: 'the cluster accepts the class and a resize request only stays pending; some facts behind it are unverified',
  },

  // SharedRwxVolume: claims and static volumes
  {
    refusal: 'shared-volume/shared-mode-on-block',
    rule: 'STO-010',
    construct: (c) => new SharedRwxVolume(c, 'uploads', { backend: SharedVolumeBackend.storageClass(ExistingStorageClass.exoscaleBlockStorage()), size: Size.gibibytes(10) }),
    refused: 'a block device is attached to one node at a time, so a ReadWriteMany claim never binds',
    yaml: [pvc('uploads', { accessModes: ['ReadWriteMany'], storageClassName: 'exoscale-block-storage' })],
    knownStorageClasses: EXO,
    finding: 'ReadWriteMany on storage class exoscale-block-storage (Exoscale Block Storage, block storage',
  },
  {
    refusal: 'shared-volume/read-only-many-on-block',
    rule: 'STO-010',
    construct: (c) => new SharedRwxVolume(c, 'docs', {
      backend: SharedVolumeBackend.storageClass(ExistingStorageClass.fromName('lh', StorageSystemId.LONGHORN)), size: Size.gibibytes(1), accessMode: PersistentVolumeAccessMode.READ_ONLY_MANY,
    }),
    refused: 'so a ReadOnlyMany claim never binds',
    yaml: [pvc('docs', { accessModes: ['ReadOnlyMany'], storageClassName: 'lh' })],
    knownStorageClasses: [{ name: 'lh', provisioner: 'driver.longhorn.io' }],
    finding: 'ReadOnlyMany on storage class lh (Longhorn, block storage',
  },
  {
    refusal: 'shared-volume/size-below-minimum',
    rule: 'STO-012',
    construct: (c) => new SharedRwxVolume(c, 'files', {
      backend: SharedVolumeBackend.storageClass(new FileStorageClass(c, 'premium', { provisioner: FileProvisioner.azureFiles({ protocol: AzureFilesProtocol.NFS }) })), size: Size.gibibytes(10),
    }),
    refused: 'is below the 100Gi minimum',
    yaml: [sc('premium', 'file.csi.azure.com', { parameters: { protocol: 'nfs', skuName: 'Premium_LRS' } }), pvc('files', { accessModes: ['ReadWriteMany'], storageClassName: 'premium' })],
    finding: 'below',
  },
  {
    refusal: 'shared-volume/s3-as-storage-class',
    rule: 'STO-017',
    construct: (c) => new SharedRwxVolume(c, 'a', { backend: SharedVolumeBackend.storageClass(ExistingStorageClass.fromName('s3', StorageSystemId.S3_MOUNTPOINT)), size: Size.gibibytes(1) }),
    refused: 'cannot provision volumes dynamically: the claim would stay Pending',
    yaml: [pvc('a', { accessModes: ['ReadWriteMany'], storageClassName: 's3' })],
    knownStorageClasses: [{ name: 's3', provisioner: 's3.csi.aws.com' }],
    finding: 'S3 via Mountpoint',
  },
  {
    refusal: 'shared-volume/hostpath-mount-options',
    rule: 'STO-024',
    construct: (c) => new SharedRwxVolume(c, 'dev', { backend: SharedVolumeBackend.hostPath({ path: '/mnt/dev' }), size: Size.gibibytes(1), mountOptions: ['noatime'] }),
    refused: 'mountOptions ["noatime"] cannot be used with hostPath',
    yaml: [{ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'dev' }, spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteMany'], mountOptions: ['noatime'], hostPath: { path: '/mnt/dev' } } }],
    finding: 'mountOptions',
  },

  // StatefulDatabase
  {
    refusal: 'database/shared-claim-template',
    rule: 'DBS-003',
    construct: (c) => database(c, {
      storage: { size: Size.gibibytes(20), storageClass: ExistingStorageClass.exoscaleBlockStorage(), accessMode: PersistentVolumeAccessMode.READ_WRITE_MANY },
    }),
    refused: 'ReadWriteMany',
    yaml: [dbYaml({ volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteMany'], storageClassName: 'exoscale-block-storage', resources: { requests: { storage: '20Gi' } } } }] })],
    knownStorageClasses: EXO,
    finding: 'claim template data requests ReadWriteMany',
  },
  {
    refusal: 'database/size-not-whole-gib',
    rule: 'STO-012',
    construct: (c) => database(c, { storage: { size: Size.mebibytes(10_500), storageClass: ExistingStorageClass.exoscaleBlockStorage() } }),
    refused: 'is not a whole number of GiB, which csi.exoscale.com requires',
    yaml: [dbYaml({ volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'exoscale-block-storage', resources: { requests: { storage: '10500Mi' } } } }] })],
    knownStorageClasses: EXO,
    finding: 'is not a whole number of GiB, which Exoscale Block Storage requires',
  },
  {
    refusal: 'database/restore-without-snapshots',
    rule: 'STO-025',
    construct: (c) => database(c, { storage: { size: Size.gibibytes(20), storageClass: ExistingStorageClass.fromName('local', StorageSystemId.OPENEBS_LOCALPV), restoreFromSnapshot: 'snap-1' } }),
    refused: 'storage.restoreFromSnapshot "snap-1" cannot be restored',
    yaml: [dbYaml({
      volumeClaimTemplates: [{
        metadata: { name: 'data' },
        spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'local', dataSource: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'snap-1' }, resources: { requests: { storage: '20Gi' } } },
      }],
    })],
    knownStorageClasses: [{ name: 'local', provisioner: 'openebs.io/local' }],
    finding: 'restores VolumeSnapshot snap-1 into storage class local',
  },
  {
    refusal: 'database/short-grace-period',
    rule: 'DBS-004',
    construct: (c) => database(c, { terminationGracePeriod: Duration.seconds(30) }),
    refused: 'terminationGracePeriod 30s is shorter than 120s',
    yaml: [dbYaml({}, { terminationGracePeriodSeconds: 30 })],
    finding: 'terminationGracePeriodSeconds 30 is shorter than 120 s',
  },
  {
    refusal: 'database/literal-password',
    rule: 'SEC-001',
    construct: (c) => database(c, { env: { POSTGRES_PASSWORD: 'hunter2' } }),
    refused: 'POSTGRES_PASSWORD',
    yaml: [dbYaml({}, { containers: [{ name: 'postgres', image: 'docker.io/library/postgres:16.4', env: [{ name: 'POSTGRES_PASSWORD', value: 'hunter2' }] }] })],
    finding: 'env POSTGRES_PASSWORD has a literal value',
  },
  {
    refusal: 'database/unpinned-image',
    rule: 'SEC-008',
    construct: (c) => database(c, { engine: DatabaseEngine.postgres({ version: 'latest' }) }),
    refused: 'engine.version "latest" is not a pinned postgres version',
    yaml: [dbYaml({}, { containers: [{ name: 'postgres', image: 'docker.io/library/postgres:latest' }] }, { 'golden-paths.dev/pod-security': 'restricted', 'app.kubernetes.io/managed-by': 'cdk8s-golden-paths' })],
    finding: 'uses the latest tag',
  },
  {
    refusal: 'database/partition-above-replicas',
    rule: 'WKL-007',
    construct: (c) => database(c, { updateStrategy: StatefulUpdateStrategy.rollingUpdate({ partition: 4 }) }),
    refused: 'updateStrategy.partition 4 is greater than replicas (3)',
    yaml: [dbYaml({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 4 } } })],
    finding: 'partition 4',
    ruleWarnsBecause: 'a partition above replicas is valid: it pauses the rollout, which may be intended during a staged upgrade',
  },

  // WebRoute (on ingress-nginx: the controller whose rules the YAML rules know by its class and annotations)
  {
    refusal: 'route/host-is-ip',
    rule: 'ING-001',
    construct: (c) => new WebRoute(c, 'r', { output: NGINX, tls: CM, rules: [{ host: '10.0.0.1', backend: RouteBackend.service(webSvc(c)) }] }),
    refused: 'is an IP address',
    yaml: [ingressYaml('10.0.0.1', '/'), webService],
    finding: '10.0.0.1',
  },
  {
    refusal: 'route/path-not-normalized',
    rule: 'ING-002',
    construct: (c) => new WebRoute(c, 'r', { output: NGINX, tls: CM, rules: [{ host: 'a.example.com', path: '/a//b', backend: RouteBackend.service(webSvc(c)) }] }),
    refused: 'holds "//"',
    yaml: [ingressYaml('a.example.com', '/a//b'), webService],
    finding: '//',
  },
  {
    refusal: 'route/nginx-path-characters',
    rule: 'ING-003',
    construct: (c) => new WebRoute(c, 'r', { output: NGINX, tls: CM, rules: [{ host: 'a.example.com', path: '/favicon.ico', backend: RouteBackend.service(webSvc(c)) }] }),
    refused: 'which ingress-nginx refuses',
    // ingress-nginx known by its annotations (the class "nginx" is also F5 NGINX's default)
    yaml: [ingressYaml('a.example.com', '/favicon.ico', { metadata: { annotations: { 'nginx.ingress.kubernetes.io/ssl-redirect': 'true' } } }), webService],
    finding: '/favicon.ico',
  },
  {
    refusal: 'route/port-not-exposed',
    rule: 'ING-006',
    construct: (c) => new WebRoute(c, 'r', { output: NGINX, tls: CM, rules: [{ host: 'a.example.com', backend: RouteBackend.service(webSvc(c), { port: 8080 }) }] }),
    refused: 'backend port 8080 is not a port Service',
    yaml: [{ ...ingressYaml('a.example.com', '/'), spec: { ingressClassName: 'nginx', rules: [{ host: 'a.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 8080 } } } }] } }] } }, webService],
    finding: '8080',
  },
  {
    refusal: 'route/database-service',
    rule: 'ING-011',
    construct: (c) => new WebRoute(c, 'r', { output: NGINX, tls: CM, rules: [{ host: 'db.example.com', backend: RouteBackend.service(new Service(c, 'db', { metadata: { name: 'web', annotations: { 'golden-paths.dev/role': 'database' } }, ports: [{ port: 80 }] })) }] }),
    refused: 'is the Service of a database',
    yaml: [ingressYaml('db.example.com', '/'), { ...webService, metadata: { ...webService.metadata, annotations: { 'golden-paths.dev/role': 'database' } } }],
    finding: 'fronts a database',
  },
  {
    refusal: 'route/tls-does-not-cover-host',
    rule: 'ING-008',
    construct: (c) => new WebRoute(c, 'r', { output: NGINX, tls: TlsSource.secret('wild', { hosts: ['*.example.com'] }), rules: [{ host: 'example.com', backend: RouteBackend.service(webSvc(c)) }] }),
    refused: 'is not covered by the TLS hosts',
    yaml: [ingressYaml('example.com', '/', { spec: { tls: [{ hosts: ['*.example.com'], secretName: 'wild' }] } }), webService],
    finding: 'example.com',
  },
  {
    refusal: 'route/class-annotation-disagrees',
    rule: 'ING-010',
    construct: (c) => new WebRoute(c, 'r', { output: NGINX, tls: CM, annotations: { 'kubernetes.io/ingress.class': 'traefik' }, rules: [{ host: 'a.example.com', backend: RouteBackend.service(webSvc(c)) }] }),
    refused: 'disagrees with the class "nginx"',
    yaml: [ingressYaml('a.example.com', '/', { metadata: { annotations: { 'kubernetes.io/ingress.class': 'traefik' } } }), webService],
    finding: 'traefik',
  },
  {
    refusal: 'route/rewrite-capture-groups',
    rule: 'ING-013',
    construct: (c) => new WebRoute(c, 'r', { tls: CM, output: RouteOutput.ingress(IngressController.ingressNginx({ rewriteTarget: '/$2' })), rules: [{ host: 'a.example.com', path: '/api', backend: RouteBackend.service(webSvc(c)) }] }),
    refused: 'has no capture group $2',
    yaml: [ingressYaml('a.example.com', '/api', { metadata: { annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/$2' } } }), webService],
    finding: '$2',
  },
  {
    refusal: 'route/no-rules',
    rule: 'ING-012',
    construct: (c) => new WebRoute(c, 'r', { output: NGINX, tls: CM }),
    refused: 'rules [] is empty and there is no defaultBackend',
    yaml: [{ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'r', namespace: 'test' }, spec: { ingressClassName: 'nginx' } }],
    finding: 'rules',
  },
  {
    refusal: 'route/service-in-other-namespace',
    rule: 'ING-007',
    construct: (c) => {
      const other = new Chart(c.node.root as App, 'payments', { namespace: 'payments' });
      new WebRoute(c, 'r', { output: NGINX, tls: CM, rules: [{ host: 'pay.example.com', backend: RouteBackend.service(new Service(other, 'pay', { metadata: { name: 'web' }, ports: [{ port: 80 }] })) }] });
    },
    refused: 'is in namespace "payments", but the route is in "test"',
    yaml: [ingressYaml('pay.example.com', '/'), { ...webService, metadata: { name: 'web', namespace: 'payments' } }],
    finding: 'which is not among the objects in namespace test',
    ruleWarnsBecause: 'the validator cannot tell a Service of another namespace from one deployed by other means (an Ingress backend is always in its own namespace)',
  },
];

/**
 * Refusals about the construct's input, not about an object it would emit: no rule can see them in YAML. Reasons.
 */
const INTENT_ONLY: Record<string, string> = {
  'input types from JavaScript (not a Size, not a Duration, not a BlockProvisioner, ...)': 'the object is never built; YAML has its own type checks (SCH-002)',
  'database/replicas-below-one': 'replicas 0 is a valid StatefulSet (scaled down); the construct refuses a database that runs nothing',
  'database/no-storage-class': 'YAML without storageClassName gets the cluster\'s default class, which the validator knows only through --known-storage-class / addKnownStorageClass',
  'database/literal-secret-data': 'the construct refuses a cdk8s-plus Secret with literal data as credentials so that no password lands in git; a Secret object in YAML is how Kubernetes stores them',
  'route/no-tls-source': 'a safe default with an explicit opt-out (TlsSource.noneInsecurePlainHttp()); plain-HTTP Ingresses are valid, refused by POL-002 under a requireTls policy',
  'route/ssl-redirect-without-tls': 'ingress-nginx ignores the ssl-redirect annotation on an Ingress without TLS: the construct refuses a prop that would do nothing',
  'route/duplicate-rule-in-one-route': 'within one Ingress the API server keeps both paths; ING-009 catches two Ingresses claiming the same host and path',
  'efs/gid-range-order': 'the EFS driver reads gidRangeStart and gidRangeEnd separately; a reversed range fails at provisioning, and the catalog has no cross-parameter order fact yet',
};

/** The app's findings through the validator, with the known classes. */
function yamlFindings(row: ParityRow) {
  return Validator.validate(row.yaml, { knownStorageClasses: row.knownStorageClasses }).filter((f) => f.ruleId === row.rule);
}

function constructError(row: ParityRow): string {
  const app = new App();
  Warnings.of(app).sink = Warnings.SILENT;
  const chart = new Chart(app, 'test', { namespace: 'test' });
  try {
    row.construct(chart);
    app.synthYaml();
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

describe('construct refusals and the rules that catch the same object as YAML', () => {
  test('the table is complete for its constructs and each refusal id is unique', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(35);
    expect(new Set(ROWS.map((r) => r.refusal)).size).toBe(ROWS.length);
    expect(Object.keys(INTENT_ONLY).length).toBeGreaterThan(0);
    const ruleIds = new Set(Validator.rules().map((r) => r.id));
    for (const r of ROWS) expect(`${r.refusal} -> ${r.rule} ${ruleIds.has(r.rule)}`).toBe(`${r.refusal} -> ${r.rule} true`);
  });

  test.each(ROWS.map((r) => [r.refusal, r.rule, r] as const))('%s -> %s', (_refusal, _rule, row) => {
    expect(constructError(row)).toContain(row.refused);
    const found = yamlFindings(row);
    expect(found.map((f) => f.message).join('\n')).toContain(row.finding);
    const severity = row.ruleWarnsBecause ? Severity.WARNING : Severity.ERROR;
    expect(found.map((f) => f.severity)).toContain(severity);
  });
});
