import { ApiObject, Chart, Cron, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { k8s, PersistentVolumeAccessMode } from 'cdk8s-plus-27';
import { Construct, IConstruct } from 'constructs';
import { DatabaseEngine, ReplicationSupport } from './engines';
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE, POD_SECURITY_LABEL, ROLE_ANNOTATION, DEFAULT_CLASS_ANNOTATION } from '../core/conventions';
import { isDnsLabel, toDnsLabel } from '../core/names';
import { Problems } from '../core/problems';
import { wholeKibibytes } from '../core/quantity';
import { asText, Shown } from '../core/values';
import { IStorageClass } from '../knowledge/storage/storage-class';
import { capabilitiesProblem } from '../knowledge/storage/types';
import { PlatformDefaults } from '../platform/defaults';
import { ResourcePreset } from '../platform/presets';
import { checkClaimAccessMode, checkClaimSize, checkZonalBinding, systemName } from '../storage/claim-check';
import { useStorageClass } from '../storage/existing-storage-class';
import { GoldenPathValidation } from '../validation/app-validation';
import { rendersOnce } from '../validation/render-cache';

// The objects a database emits render once per synth (validation and output share the JSON).
const KubeServiceObject = rendersOnce(k8s.KubeService);
const KubeStatefulSetObject = rendersOnce(k8s.KubeStatefulSet);
const KubePodDisruptionBudgetObject = rendersOnce(k8s.KubePodDisruptionBudget);
const KubeNetworkPolicyObject = rendersOnce(k8s.KubeNetworkPolicy);
const KubePersistentVolumeClaimObject = rendersOnce(k8s.KubePersistentVolumeClaim);
const KubeCronJobObject = rendersOnce(k8s.KubeCronJob);

/** Value of the {@link ROLE_ANNOTATION} on the objects of a database. */
export const DATABASE_ROLE = 'database';

/** Shortest termination grace period a database gets: time to checkpoint and flush before SIGKILL. */
export const MIN_TERMINATION_GRACE_SECONDS = 120;

/** Longest StatefulSet name: the controller-revision-hash label `<name>-<10 chars>` must fit in 63 characters. */
const MAX_NAME_LENGTH = 52;

/**
 * Storage of each database replica: one claim per replica, created from the StatefulSet's volumeClaimTemplates.
 */
export interface DatabaseStorageOptions {
  /**
   * Size of each replica's volume, e.g. `Size.gibibytes(20)`. Required: there is no size that is right for every database.
   * Checked against the class (Exoscale Block Storage takes whole GiB only, 1 to 10000).
   */
  readonly size: Size;
  /**
   * The StorageClass: a `BlockStorageClass` of this app or an existing class such as `ExistingStorageClass.exoscaleBlockStorage()`.
   * @default - `PlatformDefaults.databaseStorageClass`, else the app's default StorageClass (refused when the app declares none)
   */
  readonly storageClass?: IStorageClass;
  /**
   * Access mode of each claim. `READ_WRITE_ONCE_POD` guarantees a single writer even on one node; ReadWriteMany and
   * ReadOnlyMany are refused: a database needs exactly one writer per volume.
   * @default PersistentVolumeAccessMode.READ_WRITE_ONCE - supported by every block storage system
   * @see https://kubernetes.io/docs/concepts/storage/persistent-volumes/#access-modes
   */
  readonly accessMode?: PersistentVolumeAccessMode;
  /**
   * Name of the claim template; claims are named `<claimName>-<statefulset>-<ordinal>`.
   * @default 'data'
   */
  readonly claimName?: string;
  /**
   * Name of a VolumeSnapshot (in the database's namespace) to restore every new claim from. Needs a class whose system
   * supports CSI snapshots. Only claims that do not exist yet are restored: existing volumes are never touched.
   * @default - empty volumes
   * @see https://kubernetes.io/docs/concepts/storage/persistent-volumes/#volume-snapshot-and-restore-volume-from-snapshot-support
   */
  readonly restoreFromSnapshot?: string;
}

/**
 * A reference to an existing Secret holding the database credentials. Never a literal: the Secret is created out of band
 * (External Secrets, Sealed Secrets, Vault, `kubectl create secret`), so manifests carry no password and synth stays deterministic.
 */
export interface DatabaseCredentials {
  /** The Secret, e.g. `Secret.fromSecretName(this, 'db-secret', 'orders-db-credentials')`. */
  readonly secret: kplus.ISecret;
  /**
   * Key of the password in the Secret.
   * @default 'password'
   */
  readonly passwordKey?: string;
  /**
   * Key of the user name in the Secret.
   * @default - the engine's superuser (postgres, root, ...)
   */
  readonly usernameKey?: string;
}

/**
 * Options of {@link DatabaseUpdateStrategy.rollingUpdate}.
 */
export interface DatabaseRollingUpdateOptions {
  /**
   * Only pods with an ordinal >= partition are updated: stage an upgrade on the highest ordinals first.
   * @default 0 - every pod is updated, highest ordinal first
   */
  readonly partition?: number;
}

/**
 * How pods pick up a changed pod template.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#update-strategies
 */
export class DatabaseUpdateStrategy {
  /** Replace pods one at a time from the highest ordinal, each Ready before the next; optionally only down to a partition. */
  public static rollingUpdate(options: DatabaseRollingUpdateOptions = {}): DatabaseUpdateStrategy {
    return new DatabaseUpdateStrategy('RollingUpdate', options?.partition);
  }

  /** Never replace pods automatically: a changed template applies when you delete a pod yourself. */
  public static onDelete(): DatabaseUpdateStrategy {
    return new DatabaseUpdateStrategy('OnDelete', undefined);
  }

  /** `RollingUpdate` or `OnDelete`. */
  public readonly type: string;
  /**
   * The partition of a rolling update.
   * @default - none
   */
  public readonly partition?: number;

  private constructor(type: string, partition: number | undefined) {
    this.type = type;
    this.partition = partition;
  }
}

/**
 * A scheduled logical backup: a CronJob that dumps the database to its own claim.
 */
export interface DatabaseBackupOptions {
  /** Size of the backup claim; hold `keepDays` dumps. */
  readonly size: Size;
  /**
   * When to run (UTC).
   * @default Cron.daily() - midnight UTC
   */
  readonly schedule?: Cron;
  /**
   * StorageClass of the backup claim. Prefer another storage system than the database's: a backup on the same
   * system shares its failures.
   * @default - the database's class
   */
  readonly storageClass?: IStorageClass;
  /**
   * Dumps older than this many days are deleted after a successful run.
   * @default 7
   */
  readonly keepDays?: number;
}

/**
 * Options of {@link IDatabase.connect}.
 */
export interface DatabaseConnectOptions {
  /**
   * Prefix of the environment variables: `<prefix>_HOST`, `<prefix>_PORT`, `<prefix>_USER`, `<prefix>_PASSWORD`.
   * @default 'DATABASE'
   */
  readonly envPrefix?: string;
  /**
   * Name of the container that gets the variables.
   * @default - every container of the workload
   */
  readonly containerName?: string;
}

/**
 * How clients reach a database: the same whether it runs in the cluster or as a managed service.
 */
export interface DatabaseConnection {
  /** DNS name of the client Service, e.g. `orders-db.shop.svc` (just the Service name when the chart has no namespace). */
  readonly host: string;
  /** Port clients connect to. */
  readonly port: number;
  /** Name of the Secret holding the credentials. */
  readonly secretName: string;
  /** Key of the password in the Secret. */
  readonly passwordKey: string;
  /**
   * Key of the user name in the Secret.
   * @default - use `username`
   */
  readonly usernameKey?: string;
  /**
   * User name when the Secret holds none.
   * @default - none
   */
  readonly username?: string;
}

/**
 * A database clients connect to: a {@link StatefulDatabase} in the cluster or a {@link ManagedDatabase} outside it.
 */
export interface IDatabase extends IConstruct {
  /** Host, port and credential reference. */
  readonly connection: DatabaseConnection;
  /** Let a workload's pods open connections (a NetworkPolicy rule where the database runs in the cluster). */
  allowFrom(workload: kplus.Workload): void;
  /** Let a workload connect: `allowFrom` plus environment variables for host, port, user and password (from the Secret). */
  connect(workload: kplus.Workload, options?: DatabaseConnectOptions): void;
}

/**
 * Props of {@link StatefulDatabase}.
 */
export interface StatefulDatabaseProps {
  /** The engine, e.g. `DatabaseEngine.postgres({ version: '16.4' })`. */
  readonly engine: DatabaseEngine;
  /** Per-replica storage: size required, class and access mode checked against the storage system. */
  readonly storage: DatabaseStorageOptions;
  /**
   * Reference to the Secret with the credentials. Required for every built-in engine.
   * @default - none: only for custom engines without `passwordEnv`
   */
  readonly credentials?: DatabaseCredentials;
  /**
   * Name of the StatefulSet and the client Service (the host clients use).
   * @default - the construct id as a DNS label
   */
  readonly name?: string;
  /**
   * Number of replicas. With the official images each replica is an independent server: clients go to ordinal 0.
   * @default 1 - with a warning (DBS-001): a single replica gets no PodDisruptionBudget
   */
  readonly replicas?: number;
  /**
   * CPU request of the database container.
   * @default - the `resources` preset's, else `PlatformDefaults.databaseCpu` (or `databaseResources`); required when none is set
   */
  readonly cpu?: kplus.Cpu;
  /**
   * CPU limit.
   * @default - none: a CPU limit throttles a database at its busiest moment; the request guarantees its share
   */
  readonly cpuLimit?: kplus.Cpu;
  /**
   * Memory request and limit (equal, so the pod is never the first evicted under memory pressure and never overcommits).
   * @default - the `resources` preset's, else `PlatformDefaults.databaseMemory` (or `databaseResources`); required when none is set
   */
  readonly memory?: Size;
  /**
   * A named size (CPU request, memory request and limit): `ResourcePreset.SMALL`, `.MEDIUM`, `.LARGE` or the platform's own.
   * `cpu` and `memory` win over it.
   * @default - `PlatformDefaults.databaseCpu` and `databaseMemory` (a platform's `databaseResources` sets both)
   */
  readonly resources?: ResourcePreset;
  /**
   * How pods pick up template changes.
   * @default DatabaseUpdateStrategy.rollingUpdate() - one pod at a time, highest ordinal first
   */
  readonly updateStrategy?: DatabaseUpdateStrategy;
  /**
   * Time between SIGTERM and SIGKILL, at least 120 seconds.
   * @default Duration.seconds(120) - room for a checkpoint and a clean shutdown; a killed database replays its log at start
   */
  readonly terminationGracePeriod?: Duration;
  /**
   * How long a starting database may take before it is restarted (crash recovery can be long).
   * @default Duration.minutes(10)
   */
  readonly startupTimeout?: Duration;
  /**
   * Extra literal environment variables. Names that look like secrets (PASSWORD, TOKEN, ...) are refused: use `credentials`.
   * @default - none
   */
  readonly env?: { [name: string]: string };
  /**
   * A scheduled logical backup to its own claim.
   * @default - none: take VolumeSnapshots, or set this
   */
  readonly backup?: DatabaseBackupOptions;
  /**
   * Delete the volumes when the StatefulSet is deleted or scaled down (`persistentVolumeClaimRetentionPolicy` Delete/Delete).
   * The data is gone for good. Only for throw-away environments.
   * @default false - Retain/Retain: the claims outlive the StatefulSet; delete them by hand when you mean it
   */
  readonly dangerouslyDeleteVolumesOnScaleDownAndDelete?: boolean;
}

/** Names that hold secrets by convention. */
const SECRET_LIKE = /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL)/i;


/** A size as Kubernetes writes it, in the largest binary unit that keeps it whole. */
export function quantityOf(size: Size): string {
  const kib = size.toKibibytes();
  const units: Array<[string, number]> = [['Pi', 1024 ** 4], ['Ti', 1024 ** 3], ['Gi', 1024 ** 2], ['Mi', 1024], ['Ki', 1]];
  for (const [u, f] of units) {
    if (kib % f === 0) return `${kib / f}${u}`;
  }
  return `${Math.ceil(kib)}Ki`;
}

function isSize(x: unknown): x is Size {
  return x instanceof Size || (typeof x === 'object' && x !== null && typeof (x as any).toKibibytes === 'function');
}

/** Whether a value is a storage class this library can check claims against (JavaScript callers pass anything). */
function isStorageClass(x: unknown): x is IStorageClass {
  return typeof x === 'object' && x !== null && typeof (x as any).storageClassName === 'string' && typeof (x as any).provisioner === 'string'
    && capabilitiesProblem((x as any).capabilities) === undefined;
}

function isDuration(x: unknown): x is Duration {
  return x instanceof Duration || (typeof x === 'object' && x !== null && typeof (x as any).toSeconds === 'function');
}

/** Metadata labels and annotations shared by every object of a construct. */
interface Meta {
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
}

function metaOf(scope: IConstruct, selector: Record<string, string>): Meta {
  const d = PlatformDefaults.of(scope);
  return {
    labels: { ...(d.labels ?? {}), ...selector, [MANAGED_BY_LABEL]: MANAGED_BY_VALUE },
    annotations: { ...(d.annotations ?? {}) },
  };
}

function metadata(meta: Meta, name: string, extra: { labels?: Record<string, string>; annotations?: Record<string, string> } = {}): k8s.ObjectMeta {
  const annotations = { ...meta.annotations, ...(extra.annotations ?? {}) };
  return {
    name,
    labels: { ...meta.labels, ...(extra.labels ?? {}) },
    annotations: Object.keys(annotations).length ? annotations : undefined,
  };
}

/** The namespace a construct's objects land in, when its chart sets one. */
function namespaceOf(scope: IConstruct): string | undefined {
  return Chart.of(scope).namespace;
}

/** Restricted container security context for a uid/gid. */
function restrictedContainer(uid: number, gid: number): k8s.SecurityContext {
  return {
    runAsNonRoot: true,
    runAsUser: uid,
    runAsGroup: gid,
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    privileged: false,
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

function restrictedPod(uid: number, gid: number): k8s.PodSecurityContext {
  return {
    runAsNonRoot: true,
    runAsUser: uid,
    runAsGroup: gid,
    fsGroup: gid,
    fsGroupChangePolicy: 'OnRootMismatch',
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

function emptyDirs(dirs: string[]): { volumes: k8s.Volume[]; mounts: k8s.VolumeMount[] } {
  const volumes: k8s.Volume[] = [];
  const mounts: k8s.VolumeMount[] = [];
  dirs.forEach((dir, i) => {
    const name = `scratch-${i}`;
    volumes.push({ name, emptyDir: {} });
    mounts.push({ name, mountPath: dir });
  });
  return { volumes, mounts };
}

/** Resolved credentials. */
interface Creds {
  readonly secretName: string;
  readonly passwordKey: string;
  readonly usernameKey?: string;
}

/** Checks a claim of the database against its class: single-writer mode, block storage, size, zonal binding. */
function checkClaim(errors: Problems, prop: string, cls: IStorageClass, size: Size, accessMode: PersistentVolumeAccessMode, replicas: number): void {
  const caps = cls.capabilities;
  if (accessMode === PersistentVolumeAccessMode.READ_WRITE_MANY || accessMode === PersistentVolumeAccessMode.READ_ONLY_MANY) {
    errors.add(`${prop}.accessMode`, accessMode, 'is refused for a database: two writers on one data directory corrupt it, and a read-only volume cannot hold one',
      'Use PersistentVolumeAccessMode.READ_WRITE_ONCE (default) or PersistentVolumeAccessMode.READ_WRITE_ONCE_POD; replicate at the database level instead of sharing a volume.');
  } else {
    checkClaimAccessMode(errors, `${prop}.accessMode`, cls, accessMode, SINGLE_WRITER);
  }
  if (caps?.kind !== undefined && caps.kind !== 'block' && caps.kind !== 'local') {
    errors.add(`${prop}.storageClass`, cls.storageClassName, `is ${caps.kind} storage (${systemName(cls)}); databases need block storage (network file systems break fsync and locking guarantees)`,
      'Use a block storage class, e.g. ExistingStorageClass.exoscaleBlockStorage() or a BlockStorageClass.');
  }
  checkClaimSize(errors, `${prop}.size`, cls, size);
  checkZonalBinding(errors, `${prop}.storageClass`, cls, replicas);
}

const SINGLE_WRITER = [PersistentVolumeAccessMode.READ_WRITE_ONCE, PersistentVolumeAccessMode.READ_WRITE_ONCE_POD];

/** Whether the app declares a default StorageClass among its objects (so far). */
function appHasDefaultClass(scope: IConstruct): boolean {
  return scope.node.root.node.findAll().some((c) => {
    if (!ApiObject.isApiObject(c) || c.kind !== 'StorageClass') return false;
    try {
      return (c.metadata.toJson() as any)?.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true';
    } catch {
      return false;
    }
  });
}

function secretOf(scope: IConstruct, errors: Problems, engine: DatabaseEngine, credentials: DatabaseCredentials | undefined): Creds | undefined {
  if (credentials === undefined || credentials === null) {
    if (engine.passwordEnv) {
      errors.add('credentials', undefined, `are required for ${engine.name}`,
        'Reference an existing Secret: credentials: { secret: Secret.fromSecretName(this, \'creds\', \'<name>\'), passwordKey: \'password\' }.');
    }
    return undefined;
  }
  const secret = credentials.secret;
  const passwordKey = credentials.passwordKey ?? 'password';
  if (!secret || typeof (secret as any).name !== 'string') {
    errors.add('credentials.secret', secret, 'is not a Secret reference', 'Use Secret.fromSecretName(this, \'creds\', \'<name>\').');
    return undefined;
  }
  for (const [k, v] of [['passwordKey', passwordKey], ['usernameKey', credentials.usernameKey]] as const) {
    if (v !== undefined && (typeof v !== 'string' || !/^[-._a-zA-Z0-9]+$/.test(v))) {
      errors.add(`credentials.${k}`, v, 'is not a valid Secret key', 'Use letters, digits, -, _ and ., e.g. "password".');
    }
  }
  if (secret instanceof kplus.Secret && (secret.getStringData(passwordKey) !== undefined)) {
    errors.add('credentials.secret', secret.name, `holds a literal ${passwordKey} written into the manifests (and into git)`,
      'Create the Secret out of band (External Secrets, Sealed Secrets, kubectl create secret) and reference it with Secret.fromSecretName.');
  }
  void scope;
  return { secretName: secret.name, passwordKey, usernameKey: credentials.usernameKey };
}

function checkLiteralEnv(errors: Problems, prop: string, env: Record<string, string> | undefined): void {
  if (env === undefined) return;
  if (typeof env !== 'object' || env === null) {
    errors.add(prop, env, 'is not a map of names to values', 'Use e.g. { TZ: "UTC" }.');
    return;
  }
  for (const [k, v] of Object.entries(env)) {
    if (SECRET_LIKE.test(k)) {
      errors.add(`${prop}.${k}`, new Shown('(literal value)'), 'looks like a secret written as a literal into the manifests',
        'Put it in a Secret and reference it through credentials; never write a password into the app.');
    } else if (typeof v !== 'string') {
      errors.add(`${prop}.${k}`, v, 'is not a string', `Write it as "${asText(v)}".`);
    }
  }
}

function connectionHost(scope: IConstruct, serviceName: string): string {
  const ns = namespaceOf(scope);
  return ns ? `${serviceName}.${ns}.svc` : serviceName;
}

/** Adds host, port, user and password variables to a workload's containers. */
function wireEnv(db: IDatabase, workload: kplus.Workload, options: DatabaseConnectOptions = {}): void {
  const errors = new Problems(db);
  const prefix = options.envPrefix ?? 'DATABASE';
  if (typeof prefix !== 'string' || !/^[A-Z_][A-Z0-9_]*$/.test(prefix)) {
    errors.add('connect options.envPrefix', prefix, 'is not an environment variable prefix', 'Use upper-case letters, digits and _, e.g. "ORDERS_DB".');
  }
  if (!(workload instanceof kplus.Workload)) {
    errors.add('connect workload', (workload as any)?.node?.path ?? workload, 'is not a cdk8s-plus workload', 'Pass a Deployment, StatefulSet, Job or DaemonSet of cdk8s-plus-27.');
  }
  const containers = errors.any ? [] : workload.containers.filter((c) => options.containerName === undefined || c.name === options.containerName);
  if (!errors.any && containers.length === 0) {
    errors.add('connect options.containerName', options.containerName, `matches no container of ${workload.node.path}`,
      'Add the container before calling connect(), or name one of its containers.');
  }
  errors.throwIfAny();
  const c = db.connection;
  const secret = (db.node.tryFindChild('CredentialsRef') as kplus.ISecret | undefined)
    ?? kplus.Secret.fromSecretName(db, 'CredentialsRef', c.secretName);
  for (const container of containers) {
    container.env.addVariable(`${prefix}_HOST`, kplus.EnvValue.fromValue(c.host));
    container.env.addVariable(`${prefix}_PORT`, kplus.EnvValue.fromValue(String(c.port)));
    if (c.usernameKey) {
      container.env.addVariable(`${prefix}_USER`, kplus.EnvValue.fromSecretValue({ secret, key: c.usernameKey }));
    } else if (c.username) {
      container.env.addVariable(`${prefix}_USER`, kplus.EnvValue.fromValue(c.username));
    }
    container.env.addVariable(`${prefix}_PASSWORD`, kplus.EnvValue.fromSecretValue({ secret, key: c.passwordKey }));
  }
}

/**
 * A production database on Kubernetes: a StatefulSet with per-replica block storage that is retained by default, a
 * headless governing Service, a client Service, a PodDisruptionBudget, a default-deny NetworkPolicy, a dedicated
 * ServiceAccount without a token, Pod Security "restricted", probes, resources, zone spread, and optional backups.
 *
 * @example
 * const db = new StatefulDatabase(chart, 'orders-db', {
 *   engine: DatabaseEngine.postgres({ version: '16.4' }),
 *   storage: { size: Size.gibibytes(20), storageClass: ExistingStorageClass.exoscaleBlockStorage() },
 *   credentials: { secret: Secret.fromSecretName(chart, 'creds', 'orders-db-credentials') },
 *   cpu: Cpu.millis(500), memory: Size.gibibytes(2),
 *   replicas: 3,
 * });
 * db.connect(api);
 */
export class StatefulDatabase extends Construct implements IDatabase {
  /** The StatefulSet. */
  public readonly statefulSet: k8s.KubeStatefulSet;
  /** The headless governing Service (stable per-pod DNS names, not-ready addresses published). */
  public readonly headlessService: k8s.KubeService;
  /** The client Service (a cdk8s-plus Service). */
  public readonly service: kplus.Service;
  /**
   * The PodDisruptionBudget.
   * @default - none at one replica
   */
  public readonly podDisruptionBudget?: k8s.KubePodDisruptionBudget;
  /** The default-deny NetworkPolicy; add clients with `allowFrom`, `allowFromNamespace` or `connect`. */
  public readonly networkPolicy: k8s.KubeNetworkPolicy;
  /** The dedicated ServiceAccount (no token mounted). */
  public readonly serviceAccount: kplus.ServiceAccount;
  /**
   * The backup CronJob.
   * @default - no backup configured
   */
  public readonly backup?: k8s.KubeCronJob;
  /**
   * The backup claim.
   * @default - no backup configured
   */
  public readonly backupClaim?: k8s.KubePersistentVolumeClaim;
  /** Host, port and credential reference for clients. */
  public readonly connection: DatabaseConnection;
  /** The engine profile. */
  public readonly engine: DatabaseEngine;
  /** Name of the StatefulSet and the client Service. */
  public readonly name: string;
  /** Number of replicas. */
  public readonly replicas: number;
  /** Labels that select the database's pods. */
  public readonly selectorLabels: { [key: string]: string };
  /**
   * The StorageClass the claims use.
   * @default - the cluster's default class
   */
  public readonly storageClass?: IStorageClass;

  private readonly ingressRules: k8s.NetworkPolicyIngressRule[] = [];
  private readonly allowed = new Set<string>();

  constructor(scope: Construct, id: string, props: StatefulDatabaseProps) {
    super(scope, id);
    const errors = new Problems(this);
    const p: StatefulDatabaseProps = props ?? ({} as StatefulDatabaseProps);
    const defaults = PlatformDefaults.of(this);

    // ---- engine
    const engine = p.engine;
    if (!(engine instanceof DatabaseEngine)) {
      errors.add('engine', engine, 'is not a DatabaseEngine', 'Use a factory such as DatabaseEngine.postgres({ version: \'16.4\' }).');
      errors.throwIfAny();
    }
    for (const e of engine._problems) errors.add(e.prop, e.value, e.problem, e.fix);

    // ---- name, replicas, update strategy
    const name = p.name ?? toDnsLabel(id);
    if (!isDnsLabel(name) || name.length > MAX_NAME_LENGTH) {
      errors.add('name', name, `is not a valid database name (lower-case DNS label of at most ${MAX_NAME_LENGTH} characters, so the StatefulSet's revision label fits)`, 'Use e.g. "orders-db".');
    }
    const replicas = p.replicas ?? 1;
    if (!Number.isInteger(replicas) || replicas < 1) {
      errors.add('replicas', replicas, 'must be a whole number of at least 1 (0 replicas is a stopped database: scale it with kubectl, not in the definition)', 'Use replicas: 1 or more.');
    }
    const strategy = p.updateStrategy ?? DatabaseUpdateStrategy.rollingUpdate();
    if (!(strategy instanceof DatabaseUpdateStrategy)) {
      errors.add('updateStrategy', strategy, 'is not a DatabaseUpdateStrategy', 'Use DatabaseUpdateStrategy.rollingUpdate({ partition }) or DatabaseUpdateStrategy.onDelete().');
    } else if (strategy.partition !== undefined) {
      if (!Number.isInteger(strategy.partition) || strategy.partition < 0) {
        errors.add('updateStrategy.partition', strategy.partition, 'must be a whole number of at least 0', 'Use e.g. rollingUpdate({ partition: 2 }).');
      } else if (Number.isInteger(replicas) && strategy.partition > replicas) {
        errors.add('updateStrategy.partition', strategy.partition, `is greater than replicas (${replicas}), so no pod would ever be updated`,
          `Use a partition between 0 and ${replicas} (pods with ordinal >= partition are updated).`);
      }
    }

    // ---- resources
    let preset: ResourcePreset | undefined = p.resources;
    if (preset !== undefined && !(preset instanceof ResourcePreset)) {
      errors.add('resources', preset, 'is not a ResourcePreset', 'Use ResourcePreset.SMALL, .MEDIUM, .LARGE or ResourcePreset.custom(name, { cpu, memory }).');
      preset = undefined;
    }
    const cpu = p.cpu ?? preset?.cpu ?? defaults.databaseCpu;
    const memory = p.memory ?? preset?.memory ?? defaults.databaseMemory;
    if (cpu === undefined) {
      errors.add('cpu', undefined, 'is required: a database without a CPU request is scheduled anywhere and starved first',
        'Set cpu: Cpu.millis(500) or resources: ResourcePreset.MEDIUM, or PlatformDefaults.set(app, { databaseResources: ResourcePreset.MEDIUM }).');
    } else if (typeof (cpu as any).amount !== 'string') {
      errors.add('cpu', cpu, 'is not a Cpu', 'Use Cpu.millis(500) or Cpu.units(1).');
    }
    if (p.cpuLimit !== undefined && typeof (p.cpuLimit as any)?.amount !== 'string') {
      errors.add('cpuLimit', p.cpuLimit, 'is not a Cpu', 'Use Cpu.units(2).');
    }
    if (memory === undefined) {
      errors.add('memory', undefined, 'is required: without a memory limit the database is the first process the kernel kills under pressure',
        'Set memory: Size.gibibytes(2) or resources: ResourcePreset.MEDIUM, or PlatformDefaults.set(app, { databaseResources: ResourcePreset.MEDIUM }).');
    } else if (!isSize(memory) || !((wholeKibibytes(memory) ?? 0) > 0)) {
      errors.add('memory', memory, 'is not a positive Size', 'Use Size.gibibytes(2).');
    }

    // ---- durations
    const grace = p.terminationGracePeriod ?? Duration.seconds(MIN_TERMINATION_GRACE_SECONDS);
    let graceSeconds = MIN_TERMINATION_GRACE_SECONDS;
    if (!isDuration(grace)) {
      errors.add('terminationGracePeriod', grace, 'is not a Duration', 'Use Duration.seconds(120).');
    } else {
      graceSeconds = grace.toSeconds();
      if (graceSeconds < MIN_TERMINATION_GRACE_SECONDS) {
        errors.add('terminationGracePeriod', new Shown(`${graceSeconds}s`), `is shorter than ${MIN_TERMINATION_GRACE_SECONDS}s: a database killed mid-checkpoint replays its log at start, or worse`,
          `Use Duration.seconds(${MIN_TERMINATION_GRACE_SECONDS}) or more.`);
      }
    }
    const startup = p.startupTimeout ?? Duration.minutes(10);
    let startupSeconds = 600;
    if (!isDuration(startup) || startup.toSeconds() < 10) {
      errors.add('startupTimeout', startup, 'is not a Duration of at least 10 seconds', 'Use Duration.minutes(10).');
    } else {
      startupSeconds = startup.toSeconds();
    }

    // ---- storage
    const storage = p.storage;
    const accessMode = storage?.accessMode ?? PersistentVolumeAccessMode.READ_WRITE_ONCE;
    const claimName = storage?.claimName ?? 'data';
    let storageClass: IStorageClass | undefined;
    if (!storage || !isSize(storage.size)) {
      errors.add('storage.size', storage?.size, 'is required', 'Set storage: { size: Size.gibibytes(20) }.');
    }
    if (storage) {
      storageClass = storage.storageClass ?? defaults.databaseStorageClass;
      if (storageClass !== undefined && !isStorageClass(storageClass)) {
        errors.add('storage.storageClass', storageClass, 'is not a storage class', 'Pass a BlockStorageClass or an ExistingStorageClass, e.g. ExistingStorageClass.exoscaleBlockStorage().');
        storageClass = undefined;
      }
      if (!storageClass && !appHasDefaultClass(this)) {
        errors.add('storage.storageClass', undefined, 'is not set, and the app has no default StorageClass and no PlatformDefaults.databaseStorageClass',
          'Set storage.storageClass (e.g. ExistingStorageClass.exoscaleBlockStorage()), or PlatformDefaults.set(app, { databaseStorageClass }), or declare a default BlockStorageClass (isDefault: true) before the database.');
      }
      if (storageClass && isSize(storage.size)) {
        checkClaim(errors, 'storage', storageClass, storage.size, accessMode, Number.isInteger(replicas) ? replicas : 1);
      }
      if (!isDnsLabel(claimName)) errors.add('storage.claimName', claimName, 'is not a DNS label', 'Use e.g. "data".');
      if (storage.restoreFromSnapshot !== undefined) {
        if (typeof storage.restoreFromSnapshot !== 'string' || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(storage.restoreFromSnapshot)) {
          errors.add('storage.restoreFromSnapshot', storage.restoreFromSnapshot, 'is not a VolumeSnapshot name', 'Use the name `kubectl get volumesnapshot` shows.');
        }
        if (storageClass && !storageClass.capabilities.snapshots) {
          errors.add('storage.restoreFromSnapshot', storage.restoreFromSnapshot, `cannot be restored: ${storageClass.system?.name ?? storageClass.provisioner} (class ${storageClass.storageClassName}) does not support CSI snapshots`,
            'Restore into a class whose storage system has snapshots, or restore a logical dump instead.');
        }
        if (!storageClass && storage.storageClass === undefined) {
          errors.add('storage.restoreFromSnapshot', storage.restoreFromSnapshot, 'needs a known storage class to check snapshot support', 'Set storage.storageClass.');
        }
      }
    }

    // ---- credentials and env
    const creds = secretOf(this, errors, engine, p.credentials);
    checkLiteralEnv(errors, 'env', p.env);
    checkLiteralEnv(errors, 'engine.env', engine.env);
    if (p.dangerouslyDeleteVolumesOnScaleDownAndDelete !== undefined && typeof p.dangerouslyDeleteVolumesOnScaleDownAndDelete !== 'boolean') {
      errors.add('dangerouslyDeleteVolumesOnScaleDownAndDelete', p.dangerouslyDeleteVolumesOnScaleDownAndDelete, 'is not a boolean', 'Remove it (volumes are retained).');
    }

    // ---- backup
    const backup = p.backup;
    let backupClass = backup && typeof backup === 'object' ? (backup.storageClass ?? storageClass) : undefined;
    if (backup && typeof backup === 'object' && backup.storageClass !== undefined && !isStorageClass(backup.storageClass)) {
      errors.add('backup.storageClass', backup.storageClass, 'is not a storage class', 'Pass a BlockStorageClass or an ExistingStorageClass.');
      backupClass = undefined;
    }
    const keepDays = backup?.keepDays ?? 7;
    if (backup) {
      if (!engine.backupScript) {
        errors.add('backup', new Shown('{...}'), `cannot be scheduled: engine ${engine.name} has no logical backup script`, 'Set backupScript on the custom engine, or use VolumeSnapshots.');
      }
      if (!isSize(backup.size)) {
        errors.add('backup.size', backup.size, 'is required', 'Set backup: { size: Size.gibibytes(50) }.');
      } else if (backupClass) {
        checkClaim(errors, 'backup', backupClass, backup.size, PersistentVolumeAccessMode.READ_WRITE_ONCE, 1);
      }
      if (!Number.isInteger(keepDays) || keepDays < 1) errors.add('backup.keepDays', keepDays, 'must be a whole number of at least 1', 'Use keepDays: 7.');
      if (backup.schedule !== undefined && typeof (backup.schedule as any)?.expressionString !== 'string') {
        errors.add('backup.schedule', backup.schedule, 'is not a Cron', 'Use Cron.daily() or Cron.schedule({ minute: \'0\', hour: \'3\' }).');
      }
    }
    errors.throwIfAny();

    // ---- everything is valid: build
    this.engine = engine;
    this.name = name;
    this.replicas = replicas;
    this.storageClass = storageClass;
    if (storageClass) useStorageClass(this, storageClass);
    if (backupClass && backupClass !== storageClass) useStorageClass(this, backupClass);

    const selector: Record<string, string> = {
      'app.kubernetes.io/name': engine.name,
      'app.kubernetes.io/instance': name,
      'app.kubernetes.io/component': 'database',
    };
    this.selectorLabels = { ...selector };
    const meta = metaOf(this, selector);
    const roleAnnotation = { [ROLE_ANNOTATION]: DATABASE_ROLE };
    const headlessName = `${name}-headless`;
    const port = engine.port;
    const image = PlatformDefaults.image(this, engine.image);

    // ServiceAccount: no API access needed, no token mounted
    this.serviceAccount = new kplus.ServiceAccount(this, 'ServiceAccount', {
      metadata: metadata(meta, name),
      automountToken: false,
    });

    // Services
    this.headlessService = new KubeServiceObject(this, 'HeadlessService', {
      metadata: metadata(meta, headlessName, { annotations: roleAnnotation }),
      spec: {
        clusterIp: 'None',
        // peers must find each other before they are Ready (replication bootstrap, cluster formation)
        publishNotReadyAddresses: true,
        selector: { ...selector },
        ports: [{ name: engine.portName, port, targetPort: k8s.IntOrString.fromNumber(port), protocol: 'TCP' }],
      },
    });
    this.service = new kplus.Service(this, 'Service', {
      metadata: metadata(meta, name, { annotations: roleAnnotation }),
      ports: [{ name: engine.portName, port, targetPort: port, protocol: kplus.Protocol.TCP }],
    });
    for (const [k, v] of Object.entries(selector)) this.service.selectLabel(k, v);
    if (engine.replication === ReplicationSupport.NONE && replicas > 1) {
      // independent servers: one address for writes, or they diverge
      this.service.selectLabel('statefulset.kubernetes.io/pod-name', `${name}-0`);
    }

    // Pod
    const scratch = emptyDirs(engine.writableDirs);
    const env: k8s.EnvVar[] = [];
    for (const [k, v] of Object.entries(engine.env)) env.push({ name: k, value: v });
    if (creds && engine.passwordEnv) {
      env.push({ name: engine.passwordEnv, valueFrom: { secretKeyRef: { name: creds.secretName, key: creds.passwordKey } } });
    }
    if (engine.usernameEnv) {
      if (creds?.usernameKey) {
        env.push({ name: engine.usernameEnv, valueFrom: { secretKeyRef: { name: creds.secretName, key: creds.usernameKey } } });
      } else if (engine.defaultUsername) {
        env.push({ name: engine.usernameEnv, value: engine.defaultUsername });
      }
    }
    for (const [k, v] of Object.entries(p.env ?? {})) env.push({ name: k, value: v });

    const probe = (command: string[] | undefined) => command
      ? { exec: { command: [...command] } }
      : { tcpSocket: { port: k8s.IntOrString.fromNumber(port) } };
    const resources: k8s.ResourceRequirements = {
      requests: { cpu: k8s.Quantity.fromString(cpu!.amount), memory: k8s.Quantity.fromString(quantityOf(memory!)) },
      limits: {
        memory: k8s.Quantity.fromString(quantityOf(memory!)),
        ...(p.cpuLimit ? { cpu: k8s.Quantity.fromString(p.cpuLimit.amount) } : {}),
      },
    };
    const podLabels = { ...meta.labels, [POD_SECURITY_LABEL]: 'restricted' };
    const podAnnotations = Object.keys(meta.annotations).length ? { ...meta.annotations } : undefined;

    const claimSpec: k8s.PersistentVolumeClaimSpec = {
      accessModes: [accessMode],
      storageClassName: storageClass?.storageClassName,
      resources: { requests: { storage: k8s.Quantity.fromString(quantityOf(storage.size)) } },
      dataSource: storage.restoreFromSnapshot
        ? { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: storage.restoreFromSnapshot }
        : undefined,
    };
    const deleteVolumes = p.dangerouslyDeleteVolumesOnScaleDownAndDelete === true;

    this.statefulSet = new KubeStatefulSetObject(this, 'StatefulSet', {
      metadata: metadata(meta, name, { annotations: roleAnnotation }),
      spec: {
        serviceName: headlessName,
        replicas,
        podManagementPolicy: engine.podManagementPolicy,
        selector: { matchLabels: { ...selector } },
        updateStrategy: strategy.type === 'OnDelete'
          ? { type: 'OnDelete' }
          : { type: 'RollingUpdate', rollingUpdate: strategy.partition !== undefined ? { partition: strategy.partition } : undefined },
        persistentVolumeClaimRetentionPolicy: deleteVolumes
          ? { whenDeleted: 'Delete', whenScaled: 'Delete' }
          : { whenDeleted: 'Retain', whenScaled: 'Retain' },
        revisionHistoryLimit: 10,
        template: {
          metadata: { labels: podLabels, annotations: podAnnotations },
          spec: {
            serviceAccountName: name,
            automountServiceAccountToken: false,
            enableServiceLinks: false,
            terminationGracePeriodSeconds: graceSeconds,
            securityContext: restrictedPod(engine.uid, engine.gid),
            affinity: {
              podAntiAffinity: {
                preferredDuringSchedulingIgnoredDuringExecution: [{
                  weight: 100,
                  podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { ...selector } } },
                }],
              },
            },
            topologySpreadConstraints: [{
              maxSkew: 1,
              topologyKey: 'topology.kubernetes.io/zone',
              whenUnsatisfiable: 'ScheduleAnyway',
              labelSelector: { matchLabels: { ...selector } },
            }],
            containers: [{
              name: engine.name,
              image,
              imagePullPolicy: 'IfNotPresent',
              command: engine.command ? [...engine.command] : undefined,
              args: engine.args ? [...engine.args] : undefined,
              ports: [{ name: engine.portName, containerPort: port, protocol: 'TCP' }],
              env: env.length ? env : undefined,
              resources,
              securityContext: restrictedContainer(engine.uid, engine.gid),
              startupProbe: { ...probe(engine.readinessCommand), periodSeconds: 10, timeoutSeconds: 5, failureThreshold: Math.ceil(startupSeconds / 10) },
              livenessProbe: { ...probe(engine.livenessCommand), periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 6 },
              readinessProbe: { ...probe(engine.readinessCommand), periodSeconds: 5, timeoutSeconds: 5, failureThreshold: 3 },
              volumeMounts: [{ name: claimName, mountPath: engine.dataDir }, ...scratch.mounts],
            }],
            volumes: scratch.volumes.length ? scratch.volumes : undefined,
          },
        },
        volumeClaimTemplates: [{
          metadata: { name: claimName, labels: { ...meta.labels }, annotations: podAnnotations },
          spec: claimSpec,
        }],
      },
    });

    // Disruption budget: one pod at a time; none at one replica (minAvailable 1 there blocks every node drain)
    if (replicas > 1) {
      this.podDisruptionBudget = new KubePodDisruptionBudgetObject(this, 'PodDisruptionBudget', {
        metadata: metadata(meta, name),
        spec: { maxUnavailable: k8s.IntOrString.fromNumber(1), selector: { matchLabels: { ...selector } } },
      });
    }

    // Network: deny all ingress but peers (replication) and the clients allowed through the API
    this.ingressRules.push({
      from: [{ podSelector: { matchLabels: { ...selector } } }],
      ports: [{ port: k8s.IntOrString.fromNumber(port), protocol: 'TCP' }],
    });
    this.networkPolicy = new KubeNetworkPolicyObject(this, 'NetworkPolicy', {
      metadata: metadata(meta, name),
      spec: {
        podSelector: { matchLabels: { ...selector } },
        policyTypes: ['Ingress'],
        ingress: this.ingressRules,
      },
    });

    this.connection = {
      host: connectionHost(this, name),
      port,
      secretName: creds?.secretName ?? '',
      passwordKey: creds?.passwordKey ?? 'password',
      usernameKey: creds?.usernameKey,
      username: creds?.usernameKey ? undefined : engine.defaultUsername,
    };

    if (backup && creds) {
      const r = this.buildBackup(meta, backup, backupClass, keepDays, creds, image);
      this.backup = r.cronJob;
      this.backupClaim = r.claim;
    }

    GoldenPathValidation.of(this)._register(this);
  }

  /**
   * Let the pods of a cdk8s-plus workload connect to the database port. Works across namespaces (the workload's chart namespace).
   */
  public allowFrom(workload: kplus.Workload): void {
    if (!(workload instanceof kplus.Workload)) {
      const errors = new Problems(this);
      errors.add('allowFrom workload', workload, 'is not a cdk8s-plus workload', 'Pass a Deployment, StatefulSet, Job or DaemonSet, or use allowFromPods(labels).');
      errors.throwIfAny();
    }
    this.allowFromPods(workload.matchLabels, Chart.of(workload).namespace);
  }

  /**
   * Let pods with these labels connect, in this database's namespace or in `namespace`.
   *
   * @param labels labels the client pods carry
   * @param namespace the clients' namespace
   */
  public allowFromPods(labels: { [key: string]: string }, namespace?: string): void {
    const errors = new Problems(this);
    if (typeof labels !== 'object' || labels === null || Object.keys(labels).length === 0) {
      errors.add('allowFromPods labels', labels, 'must name at least one label (an empty selector would allow every pod)', 'Pass the labels of the client pods, e.g. { app: "api" }.');
    }
    if (namespace !== undefined && !isDnsLabel(namespace)) errors.add('allowFromPods namespace', namespace, 'is not a namespace name', 'Use e.g. "shop".');
    errors.throwIfAny();
    const ours = namespaceOf(this);
    const peer: k8s.NetworkPolicyPeer = {
      podSelector: { matchLabels: { ...labels } },
      namespaceSelector: namespace !== undefined && namespace !== ours
        ? { matchLabels: { 'kubernetes.io/metadata.name': namespace } }
        : undefined,
    };
    this.addRule(peer);
  }

  /**
   * Let every pod of a namespace connect.
   *
   * @param namespace the clients' namespace
   */
  public allowFromNamespace(namespace: string): void {
    if (!isDnsLabel(namespace)) {
      const errors = new Problems(this);
      errors.add('allowFromNamespace namespace', namespace, 'is not a namespace name', 'Use e.g. "shop".');
      errors.throwIfAny();
    }
    this.addRule({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } } });
  }

  /**
   * Let a workload connect: the NetworkPolicy rule plus `<prefix>_HOST`, `_PORT`, `_USER` and `_PASSWORD` (from the Secret).
   */
  public connect(workload: kplus.Workload, options: DatabaseConnectOptions = {}): void {
    this.allowFrom(workload);
    wireEnv(this, workload, options);
  }

  private addRule(peer: k8s.NetworkPolicyPeer): void {
    const key = JSON.stringify(peer);
    if (this.allowed.has(key)) return;
    this.allowed.add(key);
    this.ingressRules.push({ from: [peer], ports: [{ port: k8s.IntOrString.fromNumber(this.engine.port), protocol: 'TCP' }] });
  }

  private buildBackup(meta: Meta, backup: DatabaseBackupOptions, cls: IStorageClass | undefined, keepDays: number, creds: Creds, image: string) {
    const engine = this.engine;
    const claimName = `${this.name}-backup`;
    const backupLabels = { 'app.kubernetes.io/name': engine.name, 'app.kubernetes.io/instance': this.name, 'app.kubernetes.io/component': 'backup' };
    const bmeta: Meta = { labels: { ...meta.labels, ...backupLabels }, annotations: meta.annotations };
    const claim = new KubePersistentVolumeClaimObject(this, 'BackupClaim', {
      metadata: metadata(bmeta, claimName),
      spec: {
        accessModes: [PersistentVolumeAccessMode.READ_WRITE_ONCE],
        storageClassName: cls?.storageClassName,
        resources: { requests: { storage: k8s.Quantity.fromString(quantityOf(backup.size)) } },
      },
    });
    const env: k8s.EnvVar[] = [
      { name: 'DB_HOST', value: this.name },
      { name: 'BACKUP_DIR', value: '/backup' },
      { name: 'HOME', value: '/tmp' },
      { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: creds.secretName, key: creds.passwordKey } } },
      creds.usernameKey
        ? { name: 'DB_USER', valueFrom: { secretKeyRef: { name: creds.secretName, key: creds.usernameKey } } }
        : { name: 'DB_USER', value: engine.defaultUsername ?? '' },
    ];
    // set -e: a failed dump fails the Job (and is retried), and old dumps are only pruned after a successful one
    const script = [
      'set -eu',
      engine.backupScript!,
      `find "$BACKUP_DIR" -name 'dump-*' -type f -mtime +${keepDays} -delete`,
    ].join('\n');
    const cronJob = new KubeCronJobObject(this, 'Backup', {
      metadata: metadata(bmeta, claimName),
      spec: {
        schedule: (backup.schedule ?? Cron.daily()).expressionString,
        timeZone: 'Etc/UTC',
        concurrencyPolicy: 'Forbid',
        startingDeadlineSeconds: 3600,
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 3,
        jobTemplate: {
          metadata: { labels: { ...bmeta.labels } },
          spec: {
            backoffLimit: 2,
            template: {
              metadata: {
                labels: { ...bmeta.labels, [POD_SECURITY_LABEL]: 'restricted' },
                annotations: Object.keys(bmeta.annotations).length ? { ...bmeta.annotations } : undefined,
              },
              spec: {
                restartPolicy: 'Never',
                serviceAccountName: this.name,
                automountServiceAccountToken: false,
                enableServiceLinks: false,
                securityContext: restrictedPod(engine.uid, engine.gid),
                containers: [{
                  name: 'backup',
                  image,
                  imagePullPolicy: 'IfNotPresent',
                  command: ['sh', '-c', script],
                  env,
                  resources: {
                    requests: { cpu: k8s.Quantity.fromString('100m'), memory: k8s.Quantity.fromString('256Mi') },
                    limits: { memory: k8s.Quantity.fromString('256Mi') },
                  },
                  securityContext: restrictedContainer(engine.uid, engine.gid),
                  volumeMounts: [{ name: 'backup', mountPath: '/backup' }, { name: 'tmp', mountPath: '/tmp' }],
                }],
                volumes: [{ name: 'backup', persistentVolumeClaim: { claimName } }, { name: 'tmp', emptyDir: {} }],
              },
            },
          },
        },
      },
    });
    this.allowFromPods(backupLabels);
    return { cronJob, claim };
  }
}

/**
 * Props of {@link ManagedDatabase}.
 */
export interface ManagedDatabaseProps {
  /** The engine, for its port and default user (e.g. `DatabaseEngine.postgres({ version: '16.4' })`, matching the managed service's version). */
  readonly engine: DatabaseEngine;
  /** DNS name of the managed database, e.g. `orders-db-exoscale-abc123.a.aivencloud.com`. */
  readonly externalHost: string;
  /** Reference to the Secret with the credentials of the managed database. */
  readonly credentials: DatabaseCredentials;
  /**
   * Port of the managed database.
   * @default - the engine's port
   */
  readonly port?: number;
  /**
   * Name of the ExternalName Service: keep the name of the in-cluster database it replaces, and clients do not change.
   * @default - the construct id as a DNS label
   */
  readonly name?: string;
}

/**
 * A database run outside the cluster (Exoscale DBaaS, RDS, Cloud SQL, ...), with the same connection interface as a
 * {@link StatefulDatabase}: an ExternalName Service under the same name, and the credentials Secret reference.
 * Moving a database in or out of the cluster changes this construct only, not its consumers.
 */
export class ManagedDatabase extends Construct implements IDatabase {
  /** The ExternalName Service clients resolve. */
  public readonly service: kplus.Service;
  /** Host, port and credential reference for clients. */
  public readonly connection: DatabaseConnection;

  constructor(scope: Construct, id: string, props: ManagedDatabaseProps) {
    super(scope, id);
    const errors = new Problems(this);
    const p: ManagedDatabaseProps = props ?? ({} as ManagedDatabaseProps);
    if (!(p.engine instanceof DatabaseEngine)) {
      errors.add('engine', p.engine, 'is not a DatabaseEngine', 'Use e.g. DatabaseEngine.postgres({ version: \'16.4\' }).');
      errors.throwIfAny();
    }
    const name = p.name ?? toDnsLabel(id);
    if (!isDnsLabel(name)) errors.add('name', name, 'is not a valid Service name (lower-case DNS label)', 'Use e.g. "orders-db".');
    if (typeof p.externalHost !== 'string' || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+$/i.test(p.externalHost)) {
      errors.add('externalHost', p.externalHost, 'is not a DNS name (an ExternalName Service needs a name, not an IP address)', 'Use the host name the provider gives, e.g. "db-abc.a.aivencloud.com".');
    }
    const port = p.port ?? p.engine.port;
    if (!Number.isInteger(port) || port < 1 || port > 65535) errors.add('port', port, 'is not a port number', 'Use e.g. 21699.');
    const creds = secretOf(this, errors, p.engine, p.credentials ?? undefined);
    if (!p.credentials) {
      // secretOf reports missing credentials only for engines with a password; a managed database always has one
      if (!p.engine.passwordEnv) errors.add('credentials', undefined, 'are required for a managed database', 'Reference the Secret with its credentials.');
    }
    errors.throwIfAny();

    const selector = { 'app.kubernetes.io/name': p.engine.name, 'app.kubernetes.io/instance': name, 'app.kubernetes.io/component': 'database' };
    const meta = metaOf(this, selector);
    this.service = new kplus.Service(this, 'Service', {
      metadata: metadata(meta, name, { annotations: { [ROLE_ANNOTATION]: DATABASE_ROLE } }),
      type: kplus.ServiceType.EXTERNAL_NAME,
      externalName: p.externalHost,
      ports: [{ name: p.engine.portName, port, protocol: kplus.Protocol.TCP }],
    });
    this.connection = {
      host: connectionHost(this, name),
      port,
      secretName: creds!.secretName,
      passwordKey: creds!.passwordKey,
      usernameKey: creds!.usernameKey,
      username: creds!.usernameKey ? undefined : p.engine.defaultUsername,
    };
  }

  /** Nothing to open in the cluster: reaching an external database is a matter of the clients' egress. */
  public allowFrom(_workload: kplus.Workload): void {
    return;
  }

  /** Environment variables for host, port, user and password (from the Secret). */
  public connect(workload: kplus.Workload, options: DatabaseConnectOptions = {}): void {
    wireEnv(this, workload, options);
  }
}
