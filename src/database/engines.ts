import { PodManagementPolicy } from 'cdk8s-plus-27';
import { Problem } from '../core/problems';

/**
 * Database engine profiles: what a StatefulDatabase needs to know to run one database image safely.
 *
 * User and group ids of the official images, as their Dockerfiles create them:
 * - postgres: `groupadd -r postgres --gid=999; useradd -r -g postgres --uid=999` (docker-library/postgres 17/bookworm/Dockerfile)
 * - mysql: `groupadd --system --gid 999 mysql; useradd --system --uid 999 --gid 999` (docker-library/mysql 8.4/Dockerfile.oracle)
 * - mongo: `groupadd --gid 999 --system mongodb; useradd --uid 999 --system --gid mongodb --home-dir /data/db` (image history)
 * - redis: `groupadd -r -g 999 redis; useradd -r -g redis -u 999 redis` (image history)
 * - mariadb: `groupadd -r mysql && useradd -r -g mysql mysql` (MariaDB/mariadb-docker 11.4/Dockerfile): the id is not pinned;
 *   it is the first system id of the Ubuntu base, 999 on current images. Unverified for every tag: check with
 *   `docker run --rm --entrypoint id mariadb:<tag> mysql` when you pin a new version.
 */

/**
 * Whether the engine's image replicates data between the replicas of a StatefulSet by itself.
 */
export enum ReplicationSupport {
  /**
   * Each replica is an independent database (the official images): clients are routed to ordinal 0 only, so that
   * writes never split across instances; the other replicas are standbys you wire up yourself (or through an operator).
   */
  NONE = 'none',
  /** The image forms a replicated cluster by itself (Patroni, Galera, a replica set with a sidecar, ...): clients may use every Ready replica. */
  BUILT_IN = 'built-in',
}

/**
 * Options of the built-in engine factories.
 */
export interface EngineVersionOptions {
  /**
   * Image tag (or `@sha256:` digest) to run, e.g. `16.4`. Required, and never `latest`: an unpinned image changes
   * under a running database at the next pod restart, including major versions whose data directory format differs.
   */
  readonly version: string;
  /**
   * Image repository, without tag.
   * @default - the official image on Docker Hub, e.g. `docker.io/library/postgres`
   */
  readonly repository?: string;
}

/**
 * A custom engine profile, for images the built-in factories do not cover.
 */
export interface CustomEngineOptions {
  /** Short engine name, used in labels (`app.kubernetes.io/name`) and Service port names, e.g. `nginx`. */
  readonly name: string;
  /** Full image reference with a pinned tag or digest, e.g. `docker.io/nginxinc/nginx-unprivileged:1.27.3`. */
  readonly image: string;
  /** Port the engine listens on. */
  readonly port: number;
  /** User id the image runs as (must not be 0: Pod Security "restricted" requires a non-root user). */
  readonly uid: number;
  /** Group id of that user; also the pod's fsGroup, so the volume is writable by it. */
  readonly gid: number;
  /** Where the data volume is mounted. */
  readonly dataDir: string;
  /**
   * Name of the Service port.
   * @default - the engine name
   */
  readonly portName?: string;
  /**
   * Environment variable that receives the password from the credentials Secret.
   * @default - the engine takes no password: credentials are optional
   */
  readonly passwordEnv?: string;
  /**
   * Environment variable that receives the user name from the credentials Secret, when `usernameKey` is set.
   * @default - none
   */
  readonly usernameEnv?: string;
  /**
   * User name clients use when the credentials carry none.
   * @default - none
   */
  readonly defaultUsername?: string;
  /**
   * Environment variable that receives the name of the application user to create, from the credentials Secret's
   * `usernameKey` (MySQL's `MYSQL_USER`). With it, the superuser gets a random password (`randomRootPasswordEnv`) and the
   * application user the Secret's password (`appPasswordEnv`).
   * @default - the Secret's user is the engine's superuser (`usernameEnv`)
   */
  readonly appUserEnv?: string;
  /**
   * Environment variable that receives the application user's password (MySQL's `MYSQL_PASSWORD`), with `appUserEnv`.
   * @default - none
   */
  readonly appPasswordEnv?: string;
  /**
   * Environment variable that makes the image generate a random superuser password (MySQL's `MYSQL_RANDOM_ROOT_PASSWORD`),
   * with `appUserEnv`: the superuser is then not used by applications.
   * @default - none
   */
  readonly randomRootPasswordEnv?: string;
  /**
   * Environment variable that receives the name of the database to create (`POSTGRES_DB`, `MYSQL_DATABASE`), from the
   * database's `database` prop.
   * @default - the engine creates no database of its own
   */
  readonly databaseEnv?: string;
  /**
   * Non-secret environment variables. Values are literal and end up in the manifest: never put a password here.
   * @default - none
   */
  readonly env?: { [name: string]: string };
  /**
   * Container command (entrypoint).
   * @default - the image's entrypoint
   */
  readonly command?: string[];
  /**
   * Container arguments.
   * @default - the image's command
   */
  readonly args?: string[];
  /**
   * Command that exits 0 when the engine accepts connections: used by the startup and readiness probes.
   * @default - a TCP connection to the port
   */
  readonly readinessCommand?: string[];
  /**
   * Command that exits 0 while the engine process is alive: used by the liveness probe.
   * @default - the readiness command (or a TCP connection to the port)
   */
  readonly livenessCommand?: string[];
  /**
   * Directories the engine writes outside its data directory; each gets an emptyDir, since the root file system is read-only.
   * @default ['/tmp']
   */
  readonly writableDirs?: string[];
  /**
   * How the StatefulSet starts and stops pods.
   * @default PodManagementPolicy.ORDERED_READY - ordinal 0 comes up first, the safe order for primary/replica setups
   */
  readonly podManagementPolicy?: PodManagementPolicy;
  /**
   * Whether the image replicates between replicas by itself.
   * @default ReplicationSupport.NONE - clients are routed to ordinal 0 when there are several replicas
   */
  readonly replication?: ReplicationSupport;
  /**
   * Shell script (run with `sh -c`) that writes a logical dump to the directory in `$BACKUP_DIR`, connecting to `$DB_HOST`
   * with the password in `$DB_PASSWORD` (and user in `$DB_USER`). Needed for scheduled backups.
   * @default - the engine has no logical backup; StatefulDatabase refuses `backup`
   */
  readonly backupScript?: string;
}

/**
 * A database engine profile: pinned image, port, user, data directory, credential wiring, probes and the writable
 * directories it needs under a read-only root file system.
 *
 * @example
 * DatabaseEngine.postgres({ version: '16.4' })
 */
export class DatabaseEngine {
  /**
   * PostgreSQL, official image (`docker.io/library/postgres`). Data in `/var/lib/postgresql/data/pgdata` (a subdirectory,
   * because a fresh ext4 volume holds `lost+found` and initdb refuses a non-empty directory); password in `POSTGRES_PASSWORD`;
   * probes with `pg_isready`.
   */
  public static postgres(options: EngineVersionOptions): DatabaseEngine {
    return DatabaseEngine.official('postgres', 'docker.io/library/postgres', options, {
      port: 5432,
      portName: 'postgres',
      uid: 999,
      gid: 999,
      dataDir: '/var/lib/postgresql/data',
      passwordEnv: 'POSTGRES_PASSWORD',
      usernameEnv: 'POSTGRES_USER',
      defaultUsername: 'postgres',
      databaseEnv: 'POSTGRES_DB',
      env: { PGDATA: '/var/lib/postgresql/data/pgdata' },
      readinessCommand: ['sh', '-c', 'exec pg_isready -q -h 127.0.0.1 -p 5432 -U "${POSTGRES_USER:-postgres}"'],
      livenessCommand: ['sh', '-c', 'exec pg_isready -q -h 127.0.0.1 -p 5432 -U "${POSTGRES_USER:-postgres}"'],
      writableDirs: ['/var/run/postgresql', '/tmp'],
      podManagementPolicy: PodManagementPolicy.ORDERED_READY,
      backupScript: 'PGPASSWORD="$DB_PASSWORD" pg_dumpall -h "$DB_HOST" -U "$DB_USER" | gzip > "$BACKUP_DIR/dump-$(date -u +%Y%m%dT%H%M%SZ).sql.gz"',
    });
  }

  /**
   * MySQL, official image (`docker.io/library/mysql`). Data in `/var/lib/mysql/data` (subdirectory: `mysqld --initialize`
   * refuses the `lost+found` of a fresh volume); root password in `MYSQL_ROOT_PASSWORD`; probes with `mysqladmin ping`
   * (exits 0 whenever the server answers, even with access denied, so it needs no credentials).
   */
  public static mysql(options: EngineVersionOptions): DatabaseEngine {
    return DatabaseEngine.official('mysql', 'docker.io/library/mysql', options, {
      port: 3306,
      portName: 'mysql',
      uid: 999,
      gid: 999,
      dataDir: '/var/lib/mysql',
      passwordEnv: 'MYSQL_ROOT_PASSWORD',
      defaultUsername: 'root',
      appUserEnv: 'MYSQL_USER',
      appPasswordEnv: 'MYSQL_PASSWORD',
      randomRootPasswordEnv: 'MYSQL_RANDOM_ROOT_PASSWORD',
      databaseEnv: 'MYSQL_DATABASE',
      args: ['--datadir=/var/lib/mysql/data'],
      readinessCommand: ['mysqladmin', 'ping', '-h', '127.0.0.1', '--silent'],
      livenessCommand: ['mysqladmin', 'ping', '-h', '127.0.0.1', '--silent'],
      writableDirs: ['/var/run/mysqld', '/tmp'],
      podManagementPolicy: PodManagementPolicy.ORDERED_READY,
      backupScript: 'if [ -n "${DB_NAME:-}" ]; then SCOPE="--databases $DB_NAME"; else SCOPE=--all-databases; fi; MYSQL_PWD="$DB_PASSWORD" mysqldump -h "$DB_HOST" -u "$DB_USER" $SCOPE --single-transaction --routines --events | gzip > "$BACKUP_DIR/dump-$(date -u +%Y%m%dT%H%M%SZ).sql.gz"',
    });
  }

  /**
   * MariaDB, official image (`docker.io/library/mariadb`). Data in `/var/lib/mysql/data`; root password in
   * `MARIADB_ROOT_PASSWORD`; probes with `mariadb-admin ping` (MariaDB 10.5 and later).
   */
  public static mariadb(options: EngineVersionOptions): DatabaseEngine {
    return DatabaseEngine.official('mariadb', 'docker.io/library/mariadb', options, {
      port: 3306,
      portName: 'mysql',
      uid: 999,
      gid: 999,
      dataDir: '/var/lib/mysql',
      passwordEnv: 'MARIADB_ROOT_PASSWORD',
      defaultUsername: 'root',
      appUserEnv: 'MARIADB_USER',
      appPasswordEnv: 'MARIADB_PASSWORD',
      randomRootPasswordEnv: 'MARIADB_RANDOM_ROOT_PASSWORD',
      databaseEnv: 'MARIADB_DATABASE',
      args: ['--datadir=/var/lib/mysql/data'],
      readinessCommand: ['mariadb-admin', 'ping', '-h', '127.0.0.1', '--silent'],
      livenessCommand: ['mariadb-admin', 'ping', '-h', '127.0.0.1', '--silent'],
      writableDirs: ['/run/mysqld', '/tmp'],
      podManagementPolicy: PodManagementPolicy.ORDERED_READY,
      backupScript: 'if [ -n "${DB_NAME:-}" ]; then SCOPE="--databases $DB_NAME"; else SCOPE=--all-databases; fi; MYSQL_PWD="$DB_PASSWORD" mariadb-dump -h "$DB_HOST" -u "$DB_USER" $SCOPE --single-transaction --routines --events | gzip > "$BACKUP_DIR/dump-$(date -u +%Y%m%dT%H%M%SZ).sql.gz"',
    });
  }

  /**
   * MongoDB, official image (`docker.io/library/mongo`). Data in `/data/db`; root user and password in
   * `MONGO_INITDB_ROOT_USERNAME` / `MONGO_INITDB_ROOT_PASSWORD` (the image needs both); probes with `mongosh` ping
   * (mongosh ships with MongoDB 6 and later images). Pods start in parallel: replica set members must all be up to elect.
   */
  public static mongodb(options: EngineVersionOptions): DatabaseEngine {
    return DatabaseEngine.official('mongodb', 'docker.io/library/mongo', options, {
      port: 27017,
      portName: 'mongodb',
      uid: 999,
      gid: 999,
      dataDir: '/data/db',
      passwordEnv: 'MONGO_INITDB_ROOT_PASSWORD',
      usernameEnv: 'MONGO_INITDB_ROOT_USERNAME',
      defaultUsername: 'root',
      databaseEnv: 'MONGO_INITDB_DATABASE',
      // mongosh keeps history and logs under $HOME, which would be the data volume (the image's home is /data/db)
      env: { HOME: '/tmp' },
      readinessCommand: ['mongosh', '--quiet', '--norc', '--eval', 'quit(db.adminCommand({ ping: 1 }).ok ? 0 : 1)'],
      livenessCommand: ['mongosh', '--quiet', '--norc', '--eval', 'quit(db.adminCommand({ ping: 1 }).ok ? 0 : 1)'],
      writableDirs: ['/data/configdb', '/tmp'],
      podManagementPolicy: PodManagementPolicy.PARALLEL,
      backupScript: 'mongodump --host "$DB_HOST" --username "$DB_USER" --password "$DB_PASSWORD" --authenticationDatabase admin --gzip --archive="$BACKUP_DIR/dump-$(date -u +%Y%m%dT%H%M%SZ).archive.gz"',
    });
  }

  /**
   * Redis, official image (`docker.io/library/redis`). Data in `/data` with the append-only file on (the image's default
   * keeps only periodic RDB snapshots, losing the writes since the last one on a crash); password from `REDIS_PASSWORD`
   * through `--requirepass`; probes with `redis-cli ping` (expecting PONG). Pods start in parallel.
   */
  public static redis(options: EngineVersionOptions): DatabaseEngine {
    return DatabaseEngine.official('redis', 'docker.io/library/redis', options, {
      port: 6379,
      portName: 'redis',
      uid: 999,
      gid: 999,
      dataDir: '/data',
      passwordEnv: 'REDIS_PASSWORD',
      defaultUsername: 'default',
      command: ['sh', '-c', 'exec redis-server --dir /data --appendonly yes --appendfsync everysec --requirepass "$REDIS_PASSWORD"'],
      readinessCommand: ['sh', '-c', 'test "$(REDISCLI_AUTH="$REDIS_PASSWORD" redis-cli -h 127.0.0.1 ping)" = PONG'],
      livenessCommand: ['sh', '-c', 'REDISCLI_AUTH="$REDIS_PASSWORD" redis-cli -h 127.0.0.1 ping | grep -qE "PONG|LOADING"'],
      writableDirs: ['/tmp'],
      podManagementPolicy: PodManagementPolicy.PARALLEL,
      backupScript: 'REDISCLI_AUTH="$DB_PASSWORD" redis-cli -h "$DB_HOST" --rdb "$BACKUP_DIR/dump-$(date -u +%Y%m%dT%H%M%SZ).rdb"',
    });
  }

  /**
   * An engine profile for any other image. The image must carry a pinned tag or digest and run as a non-root user.
   */
  public static custom(props: CustomEngineOptions): DatabaseEngine {
    return new DatabaseEngine(props ?? ({} as CustomEngineOptions));
  }

  private static official(name: string, repository: string, options: EngineVersionOptions, profile: Omit<CustomEngineOptions, 'name' | 'image'>): DatabaseEngine {
    const version = options?.version;
    const repo = options?.repository ?? repository;
    const problems: Problem[] = [];
    const fix = `Pin the image, e.g. DatabaseEngine.${name}({ version: '${EXAMPLE_VERSIONS[name]}' }).`;
    if (typeof version !== 'string' || version.trim() === '') {
      problems.push({ prop: 'engine.version', value: version, problem: `is required for ${name}: without it the image is untagged and pulls latest`, fix });
    } else if (version === 'latest' || /\s|\//.test(version) || (version.includes(':') && !/^sha256:[0-9a-f]+$/.test(version))) {
      problems.push({ prop: 'engine.version', value: version, problem: `is not a pinned ${name} version (latest changes under a running database, and a major upgrade changes the data format)`, fix });
    }
    const image = problems.length ? `${repo}:invalid` : version!.startsWith('sha256:') ? `${repo}@${version}` : `${repo}:${version}`;
    return new DatabaseEngine({ name, image, ...profile }, problems, problems.length ? undefined : version);
  }

  /** Short engine name, e.g. `postgres`. */
  public readonly name: string;
  /**
   * The pinned version of an official engine (`16.4`), which operators read to pick their own image.
   * @default - a custom engine: only its image is known
   */
  public readonly version?: string;
  /** Image reference, pinned. */
  public readonly image: string;
  /** Port the engine listens on. */
  public readonly port: number;
  /** Name of the Service port. */
  public readonly portName: string;
  /** User id the container runs as. */
  public readonly uid: number;
  /** Group id (also the pod's fsGroup). */
  public readonly gid: number;
  /** Mount path of the data volume. */
  public readonly dataDir: string;
  /**
   * Environment variable that receives the password.
   * @default - no password
   */
  public readonly passwordEnv?: string;
  /**
   * Environment variable that receives the user name.
   * @default - none
   */
  public readonly usernameEnv?: string;
  /**
   * User name clients use when the credentials name none.
   * @default - none
   */
  public readonly defaultUsername?: string;
  /** Literal, non-secret environment. */
  public readonly env: { [name: string]: string };
  /**
   * Container command.
   * @default - the image's entrypoint
   */
  public readonly command?: string[];
  /**
   * Container arguments.
   * @default - the image's command
   */
  public readonly args?: string[];
  /**
   * Readiness (and startup) probe command.
   * @default - TCP probe on the port
   */
  public readonly readinessCommand?: string[];
  /**
   * Liveness probe command.
   * @default - TCP probe on the port
   */
  public readonly livenessCommand?: string[];
  /** Directories that get a writable emptyDir. */
  public readonly writableDirs: string[];
  /** Pod management policy of the StatefulSet. */
  public readonly podManagementPolicy: PodManagementPolicy;
  /** Whether the image replicates by itself. */
  public readonly replication: ReplicationSupport;
  /**
   * Logical backup script.
   * @default - no logical backup
   */
  public readonly backupScript?: string;
  /**
   * Environment variable of the application user's name (see CustomEngineOptions.appUserEnv).
   * @default - none
   */
  public readonly appUserEnv?: string;
  /**
   * Environment variable of the application user's password.
   * @default - none
   */
  public readonly appPasswordEnv?: string;
  /**
   * Environment variable that asks for a random superuser password.
   * @default - none
   */
  public readonly randomRootPasswordEnv?: string;
  /**
   * Environment variable of the database to create.
   * @default - none
   */
  public readonly databaseEnv?: string;

  /**
   * Problems found while building the profile, reported by the StatefulDatabase with its construct path.
   * @internal
   */
  public readonly _problems: Problem[];

  private constructor(props: CustomEngineOptions, problems: Problem[] = [], version?: string) {
    const p = props;
    this._problems = [...problems];
    const bad = (field: string, value: unknown, text: string) => {
      const dot = text.indexOf('. ');
      this._problems.push({ prop: `engine.${field}`, value, problem: dot > 0 ? text.slice(0, dot) : text, fix: dot > 0 ? text.slice(dot + 2) : '' });
    };
    if (typeof p.name !== 'string' || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(p.name) || p.name.length > 15) {
      bad('name', p.name, 'is not a short DNS label (lower-case letters, digits and -, at most 15 characters, as Service port names require). Use e.g. "nginx".');
    }
    if (problems.length === 0) {
      const imageProblem = imagePinProblem(p.image);
      if (imageProblem) bad('image', p.image, imageProblem);
    }
    if (!Number.isInteger(p.port) || p.port < 1 || p.port > 65535) bad('port', p.port, 'is not a port number (1-65535). Set the port the engine listens on.');
    if (!Number.isInteger(p.uid) || p.uid < 1) bad('uid', p.uid, 'is not a non-root user id: Pod Security "restricted" refuses uid 0. Use the uid the image creates for the engine (e.g. 999).');
    if (!Number.isInteger(p.gid) || p.gid < 1) bad('gid', p.gid, 'is not a non-root group id. Use the gid the image creates for the engine (e.g. 999).');
    if (typeof p.dataDir !== 'string' || !p.dataDir.startsWith('/')) bad('dataDir', p.dataDir, 'is not an absolute path. Set where the engine keeps its data, e.g. "/var/lib/postgresql/data".');
    for (const d of p.writableDirs ?? []) {
      if (typeof d !== 'string' || !d.startsWith('/')) bad('writableDirs', d, 'is not an absolute path. List directories such as "/tmp".');
    }
    if (p.podManagementPolicy !== undefined && !Object.values(PodManagementPolicy).includes(p.podManagementPolicy)) {
      bad('podManagementPolicy', p.podManagementPolicy, 'is not OrderedReady or Parallel. Use PodManagementPolicy.ORDERED_READY.');
    }
    if (p.replication !== undefined && !Object.values(ReplicationSupport).includes(p.replication)) {
      bad('replication', p.replication, 'is not a ReplicationSupport value. Use ReplicationSupport.NONE.');
    }
    this.name = p.name;
    this.image = p.image;
    this.port = p.port;
    this.portName = p.portName ?? (typeof p.name === 'string' ? p.name.slice(0, 15) : 'db');
    this.uid = p.uid;
    this.gid = p.gid;
    this.dataDir = p.dataDir;
    this.passwordEnv = p.passwordEnv;
    this.usernameEnv = p.usernameEnv;
    this.defaultUsername = p.defaultUsername;
    this.env = { ...(p.env ?? {}) };
    this.command = p.command ? [...p.command] : undefined;
    this.args = p.args ? [...p.args] : undefined;
    this.readinessCommand = p.readinessCommand ? [...p.readinessCommand] : undefined;
    this.livenessCommand = p.livenessCommand ? [...p.livenessCommand] : (p.readinessCommand ? [...p.readinessCommand] : undefined);
    this.writableDirs = [...(p.writableDirs ?? ['/tmp'])];
    this.podManagementPolicy = p.podManagementPolicy ?? PodManagementPolicy.ORDERED_READY;
    this.replication = p.replication ?? ReplicationSupport.NONE;
    this.backupScript = p.backupScript;
    this.appUserEnv = p.appUserEnv;
    this.appPasswordEnv = p.appPasswordEnv;
    this.randomRootPasswordEnv = p.randomRootPasswordEnv;
    this.databaseEnv = p.databaseEnv;
    this.version = version;
  }
}

const EXAMPLE_VERSIONS: Record<string, string> = { postgres: '16.4', mysql: '8.4.2', mariadb: '11.4.3', mongodb: '7.0.14', redis: '7.4.0' };


/**
 * Why an image reference is not pinned, or undefined when it is: a tag other than `latest`, or a digest.
 */
export function imagePinProblem(image: unknown): string | undefined {
  if (typeof image !== 'string' || image.trim() === '') return 'is not an image reference. Set e.g. "docker.io/library/postgres:16.4".';
  if (/\s/.test(image)) return 'contains white space. Write the reference as registry/repository:tag.';
  if (image.includes('@sha256:')) return undefined;
  const lastSegment = image.split('/').pop()!;
  const colon = lastSegment.lastIndexOf(':');
  if (colon < 0) return 'has no tag, so it pulls latest, which changes under a running database. Pin a version, e.g. "<repository>:1.2.3", or a digest.';
  const tag = lastSegment.slice(colon + 1);
  if (tag === '' || tag === 'latest') return 'is not pinned (latest changes under a running database). Pin a version, e.g. "<repository>:1.2.3", or a digest.';
  return undefined;
}
