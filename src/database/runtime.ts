import { Size } from 'cdk8s';
import { CloudNativePgSettings, renderCloudNativePg } from './cloudnative-pg';
import { MariaDbSettings, MariaDbTopology, renderMariaDbOperator } from './mariadb-operator';
import { MongoDbSettings, renderMongoDbCommunity } from './mongodb-community';
import type { RuntimePlan } from './runtime-context';
import { RuntimeContext, RuntimeOutput } from './runtime-context';
import { renderStatefulSetRuntime } from './statefulset-runtime';
import { isDnsLabel } from '../core/names';
import { Problems } from '../core/problems';
import { isSize, wholeKibibytes } from '../core/quantity';
import { inEnum } from '../core/values';

/** Options of {@link DatabaseRuntime.statefulSet}. */
export interface StatefulSetRuntimeOptions {
  /**
   * Accept several replicas of an engine that does not replicate by itself: each replica is an independent server,
   * clients reach ordinal 0 only, and replication between them is wired by hand (engine args, scripts). Without it,
   * more than one replica is refused and the operator mode is named instead.
   * @default false - several replicas need an engine that replicates, or an operator
   */
  readonly replicationWiredByHand?: boolean;
}

/** Options of {@link DatabaseRuntime.cloudNativePg}. */
export interface CloudNativePgOptions {
  /**
   * Namespace the CloudNativePG operator runs in: its pods must reach the instances (ports 5432 and 8000).
   * @default 'cnpg-system' - where the release manifest and the Helm chart install it
   */
  readonly operatorNamespace?: string;
  /**
   * The PostgreSQL image of the instances.
   * @default - `ghcr.io/cloudnative-pg/postgresql:<engine version>` (the operator's images are tagged by PostgreSQL version)
   */
  readonly imageName?: string;
  /**
   * A separate volume for the write-ahead log, on the database's storage class: WAL writes no longer compete with data
   * writes, and a full data volume does not stop the WAL.
   * @see https://cloudnative-pg.io/documentation/current/storage/#volume-for-wal
   * @default - the WAL lives on the data volume
   */
  readonly walStorageSize?: Size;
}

/** Options of {@link DatabaseRuntime.mariadbOperator}. */
export interface MariaDbOperatorOptions {
  /**
   * How replicas replicate (with more than one replica).
   * @default MariaDbTopology.REPLICATION - one writable primary, promoted automatically; Galera needs an odd number of replicas
   */
  readonly topology?: MariaDbTopology;
  /**
   * Namespace mariadb-operator runs in: its pods must reach the instances (SQL on 3306, the agent on 5555).
   * @default 'mariadb-operator' - the namespace of the install step in README
   */
  readonly operatorNamespace?: string;
}

/** Options of {@link DatabaseRuntime.mongodbCommunity}. */
export interface MongoDbCommunityOptions {
  /**
   * Namespace MongoDB's Kubernetes operator runs in. In any other namespace the library adds the ServiceAccount
   * (`mongodb-kubernetes-appdb`) the database pods run as; the operator must watch the database's namespace
   * (Helm value `operator.watchNamespace`).
   * @default 'mongodb' - the namespace of MongoDB's install instructions
   */
  readonly operatorNamespace?: string;
}

/**
 * What runs the database: a StatefulSet the library writes (single instances, and engines that replicate by
 * themselves), or the resources of an operator that replicates and fails over (CloudNativePG for PostgreSQL,
 * mariadb-operator for MariaDB, MongoDB's operator for MongoDB). The intent props of a StatefulDatabase (engine,
 * replicas, storage, resources, credentials, backup, restore) mean the same in every runtime.
 *
 * @example
 * new StatefulDatabase(chart, 'orders-db', {
 *   engine: DatabaseEngine.postgres({ version: '16.4' }),
 *   runtime: DatabaseRuntime.cloudNativePg(),
 *   replicas: 3,
 *   storage: { size: Size.gibibytes(20), storageClass: ExistingStorageClass.exoscaleBlockStorage() },
 *   credentials: { secret: Secret.fromSecretName(chart, 'creds', 'orders-db-app') },
 *   resources: ResourcePreset.MEDIUM,
 * });
 */
export abstract class DatabaseRuntime {
  /** A StatefulSet the library writes: one independent server per replica unless the engine replicates by itself. */
  public static statefulSet(options: StatefulSetRuntimeOptions = {}): DatabaseRuntime {
    return new StatefulSetRuntime(options ?? {});
  }

  /**
   * PostgreSQL through CloudNativePG 1.30: a `Cluster` with streaming replication and automated failover; clients
   * write through `<name>-rw` and read from `<name>-ro`.
   * @see https://cloudnative-pg.io/documentation/current/
   */
  public static cloudNativePg(options: CloudNativePgOptions = {}): DatabaseRuntime {
    return new CloudNativePgRuntime(options ?? {});
  }

  /**
   * MariaDB through mariadb-operator 26.6: a `MariaDB` with replication or Galera and automatic primary failover;
   * clients write through `<name>-primary` and read from `<name>-secondary`.
   * @see https://github.com/mariadb-operator/mariadb-operator
   */
  public static mariadbOperator(options: MariaDbOperatorOptions = {}): DatabaseRuntime {
    return new MariaDbOperatorRuntime(options ?? {});
  }

  /**
   * MongoDB through MongoDB's Kubernetes operator 1.10: a `MongoDBCommunity` replica set; the members elect a new
   * primary themselves; clients connect with the connection string the operator writes to a Secret.
   * @see https://github.com/mongodb/mongodb-kubernetes
   */
  public static mongodbCommunity(options: MongoDbCommunityOptions = {}): DatabaseRuntime {
    return new MongoDbCommunityRuntime(options ?? {});
  }

  /** Short name of the runtime: `statefulset`, `cloudnative-pg`, `mariadb-operator` or `mongodb-community`. */
  public readonly name: string;
  /**
   * The engine the runtime runs (`postgres`, `mariadb`, `mongodb`).
   * @default - any engine (the StatefulSet runtime)
   */
  public readonly engineName?: string;

  protected constructor(name: string, engineName?: string) {
    this.name = name;
    this.engineName = engineName;
  }

  /**
   * Whether the runtime is an operator (it writes the operator's resources, not a StatefulSet).
   */
  public get isOperator(): boolean {
    return this.engineName !== undefined;
  }

  /**
   * Records what is wrong with the runtime for a database plan (engine, replicas, credentials, backup method).
   * @internal
   */
  public abstract _check(problems: Problems, plan: RuntimePlan): void;

  /**
   * Renders the runtime's objects.
   * @internal
   */
  public abstract _render(ctx: RuntimeContext): RuntimeOutput;
}

class StatefulSetRuntime extends DatabaseRuntime {
  constructor(private readonly options: StatefulSetRuntimeOptions) {
    super('statefulset');
  }

  public _check(problems: Problems, plan: RuntimePlan): void {
    const byHand = this.options.replicationWiredByHand;
    if (byHand !== undefined && typeof byHand !== 'boolean') {
      problems.add('runtime replicationWiredByHand', byHand, 'is not a boolean', 'Use true or false.');
    }
    const engine = plan.engine;
    if (plan.replicas > 1 && engine.replication === 'none' && (byHand !== true || engine.name === 'mongodb')) {
      problems.add('replicas', plan.replicas, replicasProblem(engine.name), replicasFix(engine.name));
    }
    if (plan.backup?.method === 'volume-snapshot') {
      problems.add('backup.method', plan.backup.method, 'is not available for a StatefulSet the library writes (nothing takes and prunes the snapshots)',
        'Use BackupMethod.LOGICAL_DUMP, or run the database through its operator (DatabaseRuntime.cloudNativePg() takes volume snapshots).');
    }
  }

  public _render(ctx: RuntimeContext): RuntimeOutput {
    return renderStatefulSetRuntime(ctx);
  }
}

const OPERATOR_OF: Record<string, string> = {
  postgres: 'DatabaseRuntime.cloudNativePg()',
  mariadb: 'DatabaseRuntime.mariadbOperator()',
  mysql: 'DatabaseEngine.mariadb({ version }) with DatabaseRuntime.mariadbOperator() (MySQL-compatible)',
  mongodb: 'DatabaseRuntime.mongodbCommunity()',
};

function replicasProblem(engine: string): string {
  if (engine === 'mongodb') {
    return 'would be independent mongod servers: the official image forms no replica set by itself (no --replSet, no rs.initiate)';
  }
  return `would be independent ${engine} servers: the official image does not replicate, so clients reach ordinal 0 only and a lost node takes the database with it`;
}

function replicasFix(engine: string): string {
  const operator = OPERATOR_OF[engine];
  if (operator) return `Run replicas that replicate and fail over through the operator: runtime: ${operator}; or use replicas: 1.`;
  return 'Use replicas: 1, or, if you wire replication yourself, runtime: DatabaseRuntime.statefulSet({ replicationWiredByHand: true }).';
}

/** Checks shared by the operator runtimes: the engine, a pinned version, the application user and the namespace. */
abstract class OperatorRuntime extends DatabaseRuntime {
  protected checkOperator(problems: Problems, plan: RuntimePlan, factory: string, operatorNamespace: unknown): void {
    if (plan.engine.name !== this.engineName) {
      const fix = plan.engine.name === 'mysql' && this.engineName === 'mariadb'
        ? 'mariadb-operator runs MariaDB (MySQL-compatible): use DatabaseEngine.mariadb({ version }).'
        : `Use DatabaseEngine.${this.engineName}({ version }), or the operator of ${plan.engine.name}${OPERATOR_OF[plan.engine.name] ? `: ${OPERATOR_OF[plan.engine.name]}` : ''}.`;
      problems.add('runtime', factory, `runs ${this.engineName}, not engine ${plan.engine.name}`, fix);
    } else if (plan.engine.version === undefined) {
      problems.add('engine', plan.engine.name, `has no pinned version the operator can read (a custom engine); ${factory} picks its image from the version`,
        `Use DatabaseEngine.${this.engineName}({ version: '...' }).`);
    }
    if (!isDnsLabel(operatorNamespace)) {
      problems.add('runtime operatorNamespace', operatorNamespace, 'is not a namespace name', 'Use the namespace the operator was installed in.');
    }
  }
}

class CloudNativePgRuntime extends OperatorRuntime {
  constructor(private readonly options: CloudNativePgOptions) {
    super('cloudnative-pg', 'postgres');
  }

  public _check(problems: Problems, plan: RuntimePlan): void {
    this.checkOperator(problems, plan, 'DatabaseRuntime.cloudNativePg()', this.settings().operatorNamespace);
    // CloudNativePG: DNS-1035 label of at most 50 characters (internal/webhook/v1/cluster_webhook.go validateName)
    if (!/^[a-z]([-a-z0-9]{0,48}[a-z0-9])?$/.test(plan.name)) {
      problems.add('name', plan.name, 'is not a CloudNativePG cluster name (a lower-case name starting with a letter, at most 50 characters)', 'Use e.g. "orders-db".');
    }
    const creds = plan.credentials;
    // bootstrap.initdb.secret: a basic-auth Secret; the instance manager reads the keys username and password
    if (creds && creds.passwordKey !== 'password') {
      problems.add('credentials.passwordKey', creds.passwordKey, 'must be "password": CloudNativePG reads the owner\'s password from that key', 'Store the password under "password" (a kubernetes.io/basic-auth Secret).');
    }
    if (creds?.usernameKey !== undefined && creds.usernameKey !== 'username') {
      problems.add('credentials.usernameKey', creds.usernameKey, 'must be "username": CloudNativePG reads the owner\'s name from that key', 'Store the user name under "username", equal to credentials.username.');
    }
    const wal = this.options.walStorageSize;
    if (wal !== undefined && !(isSize(wal) && (wholeKibibytes(wal) ?? 0) > 0)) {
      problems.add('runtime walStorageSize', wal, 'is not a positive Size', 'Use e.g. Size.gibibytes(5).');
    }
    if (this.options.imageName !== undefined && (typeof this.options.imageName !== 'string' || !/:[0-9]/.test(this.options.imageName))) {
      problems.add('runtime imageName', this.options.imageName, 'is not a CloudNativePG image tagged with a PostgreSQL version', 'Use e.g. "ghcr.io/cloudnative-pg/postgresql:16.4".');
    }
  }

  public _render(ctx: RuntimeContext): RuntimeOutput {
    return renderCloudNativePg(ctx, this.settings());
  }

  private settings(): CloudNativePgSettings {
    return { operatorNamespace: this.options.operatorNamespace ?? 'cnpg-system', imageName: this.options.imageName, walStorageSize: this.options.walStorageSize };
  }
}

class MariaDbOperatorRuntime extends OperatorRuntime {
  constructor(private readonly options: MariaDbOperatorOptions) {
    super('mariadb-operator', 'mariadb');
  }

  public _check(problems: Problems, plan: RuntimePlan): void {
    const settings = this.settings();
    this.checkOperator(problems, plan, 'DatabaseRuntime.mariadbOperator()', settings.operatorNamespace);
    if (!inEnum(settings.topology, MariaDbTopology)) {
      problems.add('runtime topology', settings.topology, 'is not a MariaDbTopology', 'Use MariaDbTopology.REPLICATION or MariaDbTopology.GALERA.');
    } else if (settings.topology === MariaDbTopology.GALERA && (plan.replicas < 3 || plan.replicas % 2 === 0)) {
      problems.add('replicas', plan.replicas, 'is not an odd number of at least 3, which Galera needs: it is quorum-based, and an even split stops every node (the MariaDB CRD refuses it)',
        `Use replicas: ${plan.replicas < 3 ? 3 : plan.replicas + 1}, or MariaDbTopology.REPLICATION.`);
    } else if (this.options.topology !== undefined && plan.replicas <= 1) {
      problems.add('runtime topology', settings.topology, 'needs more than one replica (mariadb-operator refuses replication or Galera on one)', 'Set replicas: 3, or leave topology out.');
    }
    if (plan.backup?.method === 'volume-snapshot') {
      problems.add('backup.method', plan.backup.method, 'is not supported for mariadb-operator by this library yet (its PhysicalBackup CRD is not among the schemas the validator checks)',
        'Use BackupMethod.LOGICAL_DUMP: the operator runs the dumps (a Backup resource).');
    }
  }

  public _render(ctx: RuntimeContext): RuntimeOutput {
    return renderMariaDbOperator(ctx, this.settings());
  }

  private settings(): MariaDbSettings {
    return { operatorNamespace: this.options.operatorNamespace ?? 'mariadb-operator', topology: this.options.topology ?? MariaDbTopology.REPLICATION };
  }
}

class MongoDbCommunityRuntime extends OperatorRuntime {
  constructor(private readonly options: MongoDbCommunityOptions) {
    super('mongodb-community', 'mongodb');
  }

  public _check(problems: Problems, plan: RuntimePlan): void {
    this.checkOperator(problems, plan, 'DatabaseRuntime.mongodbCommunity()', this.settings().operatorNamespace);
    if (plan.backup?.method === 'volume-snapshot') {
      problems.add('backup.method', plan.backup.method, 'is not available: MongoDB\'s community operator takes no backups', 'Use BackupMethod.LOGICAL_DUMP (a mongodump CronJob the library writes).');
    }
    if (plan.storage.restoreFromSnapshot !== undefined) {
      problems.add('storage.restoreFromSnapshot', plan.storage.restoreFromSnapshot, 'is not available: MongoDB\'s community operator has no restore',
        'Start the replica set empty and restore a dump with mongorestore.');
    }
  }

  public _render(ctx: RuntimeContext): RuntimeOutput {
    return renderMongoDbCommunity(ctx, this.settings());
  }

  private settings(): MongoDbSettings {
    return { operatorNamespace: this.options.operatorNamespace ?? 'mongodb' };
  }
}
