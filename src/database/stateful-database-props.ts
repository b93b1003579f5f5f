import { Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { PersistentVolumeAccessMode } from 'cdk8s-plus-27';
import { DatabaseBackupOptions } from './backup-job';
import { DatabaseCredentials } from './credentials';
import { DatabaseEngine } from './engines';
import { DatabaseRuntime } from './runtime';
import { RemovalPolicy } from '../core/removal-policy';
import { IStorageClass } from '../knowledge/storage/storage-class';
import { ResourcePreset } from '../platform/presets';
import { StatefulUpdateStrategy } from '../workload/update-strategy';

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
 * Props of {@link StatefulDatabase}.
 */
export interface StatefulDatabaseProps {
  /** The engine, e.g. `DatabaseEngine.postgres({ version: '16.4' })`. */
  readonly engine: DatabaseEngine;
  /**
   * What runs the database: a StatefulSet the library writes, or an operator that replicates and fails over
   * (`DatabaseRuntime.cloudNativePg()`, `.mariadbOperator()`, `.mongodbCommunity()`).
   * @default DatabaseRuntime.statefulSet() - one server per replica; more than one replica is refused for engines that do not replicate by themselves
   */
  readonly runtime?: DatabaseRuntime;
  /**
   * Name of the application database the engine or the operator creates (`POSTGRES_DB`, `MYSQL_DATABASE`, CloudNativePG's
   * `bootstrap.initdb.database`, mariadb-operator's `database`, the MongoDB user's role database).
   * @default - 'app' in operator mode; in a StatefulSet, none beyond the engine's default (required for MySQL/MariaDB with an application user)
   */
  readonly database?: string;
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
   * Number of replicas (instances, members). In a StatefulSet of an official image each replica would be an
   * independent server, so more than one is refused there: run several through the engine's operator (`runtime`).
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
   * @default StatefulUpdateStrategy.rollingUpdate() - one pod at a time, highest ordinal first
   */
  readonly updateStrategy?: StatefulUpdateStrategy;
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
   * What happens to the volumes when the StatefulSet is deleted or scaled down. `RemovalPolicy.DESTROY` sets
   * `persistentVolumeClaimRetentionPolicy` Delete/Delete: the claims, and with the usual Delete reclaim policy the
   * data, are gone for good. Only for throw-away environments.
   * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#persistentvolumeclaim-retention
   * @default RemovalPolicy.RETAIN - Retain/Retain: the claims outlive the StatefulSet; delete them by hand when you mean it
   */
  readonly removalPolicy?: RemovalPolicy;
}
