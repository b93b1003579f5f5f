import { Cron, Size } from 'cdk8s';
import { k8s, PersistentVolumeAccessMode } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { ResolvedCredentials } from './credentials';
import { DatabaseEngine } from './engines';
import { POD_SECURITY_LABEL, POD_SECURITY_RESTRICTED } from '../core/conventions';
import { Problems } from '../core/problems';
import { isSize, sizeQuantity } from '../core/quantity';
import { inEnum, Shown } from '../core/values';
import { alternativesFor } from '../knowledge/storage/alternatives';
import { IStorageClass, isStorageClass } from '../knowledge/storage/storage-class';
import { StorageKind } from '../knowledge/storage/types';
import { ConventionalMeta, objectMeta } from '../platform/conventions';
import { checkClaimAccessMode, checkClaimSize, systemName } from '../storage/claim-check';
import { rendersOnce } from '../validation/render-cache';
import { restrictedContainer, restrictedPod } from '../workload/pod-security';

const KubePersistentVolumeClaimObject = rendersOnce(k8s.KubePersistentVolumeClaim);
const KubeCronJobObject = rendersOnce(k8s.KubeCronJob);

/** A logical dump the generic backup CronJob runs against the database. */
export interface DumpSpec {
  /** Host the dump connects to. */
  readonly host: string;
  /** The dump script: writes into $BACKUP_DIR; reads $DB_HOST, $DB_USER, $DB_PASSWORD, $DB_NAME (and $DB_URI where set). */
  readonly script: string;
  /** Extra environment of the dump container. */
  readonly env: k8s.EnvVar[];
  /** ServiceAccount of the dump pods (no token is mounted). */
  readonly serviceAccountName?: string;
}

/**
 * How a database is backed up.
 */
export enum BackupMethod {
  /**
   * A logical dump (pg_dump, mariadb-dump, mongodump) on a schedule, into a claim of its own: the library's CronJob,
   * or the operator's backup resource where it has one (mariadb-operator's `Backup`). Needs `size`.
   */
  LOGICAL_DUMP = 'logical-dump',
  /**
   * CSI volume snapshots of the data volumes, taken by the operator (CloudNativePG's `ScheduledBackup`); needs a
   * storage system with snapshots, the CSI snapshot CRDs and a VolumeSnapshotClass in the cluster.
   */
  VOLUME_SNAPSHOT = 'volume-snapshot',
}

/**
 * Scheduled backups of a database.
 */
export interface DatabaseBackupOptions {
  /**
   * How backups are taken.
   * @default BackupMethod.LOGICAL_DUMP - works with every runtime and every storage system
   */
  readonly method?: BackupMethod;
  /**
   * Size of the backup claim of a logical dump: hold `keepDays` dumps. Required for `BackupMethod.LOGICAL_DUMP`.
   * @default - none (volume snapshots need no claim)
   */
  readonly size?: Size;
  /**
   * When to run (UTC).
   * @default Cron.daily() - midnight UTC
   */
  readonly schedule?: Cron;
  /**
   * StorageClass of the backup claim of a logical dump: block or file storage. Prefer another storage system than the
   * database's: a backup on the same system shares its failures.
   * @default - the database's class
   */
  readonly storageClass?: IStorageClass;
  /**
   * Dumps older than this many days are deleted after a successful run (the operator's retention where it runs the dumps).
   * @default 7
   */
  readonly keepDays?: number;
  /**
   * VolumeSnapshotClass of `BackupMethod.VOLUME_SNAPSHOT`.
   * @default - the database storage class's companion class (BlockStorageClass `snapshotClass`), else the cluster's default VolumeSnapshotClass for the driver
   */
  readonly snapshotClassName?: string;
}

/** A checked backup. */
export interface BackupPlan {
  readonly method: BackupMethod;
  readonly size?: Size;
  readonly schedule: Cron;
  readonly storageClass?: IStorageClass;
  readonly keepDays: number;
  readonly snapshotClassName?: string;
}

/** Checks the backup options against the engine, the method and the class the backup lands on. */
export function planBackup(problems: Problems, backup: DatabaseBackupOptions | undefined, engine: DatabaseEngine,
  databaseClass: IStorageClass | undefined): BackupPlan | undefined {
  if (!backup) return undefined;
  const method = backup.method ?? BackupMethod.LOGICAL_DUMP;
  if (!inEnum(method, BackupMethod)) {
    problems.add('backup.method', method, 'is not a BackupMethod', 'Use BackupMethod.LOGICAL_DUMP or BackupMethod.VOLUME_SNAPSHOT.');
  }
  let storageClass = typeof backup === 'object' ? (backup.storageClass ?? databaseClass) : undefined;
  if (typeof backup === 'object' && backup.storageClass !== undefined && !isStorageClass(backup.storageClass)) {
    problems.add('backup.storageClass', backup.storageClass, 'is not a storage class', 'Pass a BlockStorageClass, a FileStorageClass or an ExistingStorageClass.');
    storageClass = undefined;
  }
  const keepDays = backup.keepDays ?? 7;
  if (!Number.isInteger(keepDays) || keepDays < 1) problems.add('backup.keepDays', keepDays, 'must be a whole number of at least 1', 'Use keepDays: 7.');
  if (backup.schedule !== undefined && typeof (backup.schedule as any)?.expressionString !== 'string') {
    problems.add('backup.schedule', backup.schedule, 'is not a Cron', 'Use Cron.daily() or Cron.schedule({ minute: \'0\', hour: \'3\' }).');
  }
  if (method === BackupMethod.VOLUME_SNAPSHOT) {
    return { method, schedule: backup.schedule ?? Cron.daily(), keepDays, snapshotClassName: checkSnapshots(problems, backup, databaseClass) };
  }
  checkDump(problems, backup, engine, storageClass);
  return { method, size: backup.size, schedule: backup.schedule ?? Cron.daily(), storageClass, keepDays };
}

function checkDump(problems: Problems, backup: DatabaseBackupOptions, engine: DatabaseEngine, storageClass: IStorageClass | undefined): void {
  if (!engine.backupScript) {
    problems.add('backup', new Shown('{...}'), `cannot be scheduled: engine ${engine.name} has no logical backup script`, 'Set backupScript on the custom engine, or use VolumeSnapshots.');
  }
  if (!isSize(backup.size)) {
    problems.add('backup.size', backup.size, 'is required for a logical dump', 'Set backup: { size: Size.gibibytes(50) }.');
  } else if (storageClass) {
    checkBackupClass(problems, storageClass);
    checkClaimAccessMode(problems, 'backup.storageClass', storageClass, PersistentVolumeAccessMode.READ_WRITE_ONCE,
      [PersistentVolumeAccessMode.READ_WRITE_ONCE, PersistentVolumeAccessMode.READ_WRITE_MANY]);
    checkClaimSize(problems, 'backup.size', storageClass, backup.size);
  }
}

/** A dump is files: any class that holds files (block or file storage) will do, not object stores or one node's disks. */
function checkBackupClass(problems: Problems, cls: IStorageClass): void {
  const kind = cls.capabilities.kind;
  if (kind === StorageKind.BLOCK || kind === StorageKind.FILE) return;
  const alternatives = alternativesFor(cls.system, [StorageKind.FILE, StorageKind.BLOCK]);
  problems.add('backup.storageClass', cls.storageClassName, `is ${kind} storage (${systemName(cls)}): ${kind === StorageKind.LOCAL
    ? 'a dump on one node\'s disk is lost with the node'
    : 'an object store is not a POSIX file system the dump can write to'}`,
  `Back up to block or file storage${alternatives ? `, e.g. ${alternatives}` : ''}.`);
}

function checkSnapshots(problems: Problems, backup: DatabaseBackupOptions, databaseClass: IStorageClass | undefined): string | undefined {
  for (const key of ['size', 'storageClass'] as const) {
    if (backup[key] !== undefined) {
      problems.add(`backup.${key}`, backup[key] as unknown, 'has no meaning for volume snapshots (they live in the storage system, not in a claim)', `Remove backup.${key}.`);
    }
  }
  if (databaseClass && !databaseClass.capabilities.snapshots) {
    problems.add('backup.method', BackupMethod.VOLUME_SNAPSHOT, `needs CSI snapshots, which ${systemName(databaseClass)} (class ${databaseClass.storageClassName}) does not support`,
      'Use BackupMethod.LOGICAL_DUMP, or a storage class whose system takes snapshots.');
  }
  const name = backup.snapshotClassName ?? databaseClass?.snapshotClassName;
  if (name !== undefined && (typeof name !== 'string' || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name))) {
    problems.add('backup.snapshotClassName', name, 'is not a VolumeSnapshotClass name', 'Use the name `kubectl get volumesnapshotclass` shows.');
  }
  return name;
}

/** What the backup job needs to know of its database. */
export interface BackupTarget {
  /** The database's name. */
  readonly name: string;
  readonly engine: DatabaseEngine;
  readonly image: string;
  readonly credentials: ResolvedCredentials;
  readonly meta: ConventionalMeta;
  /** The application database, when there is one. */
  readonly database?: string;
  /** How the dump reaches the database. */
  readonly dump: DumpSpec;
}

/** The backup objects and the labels of the backup pods (the database lets them connect). */
export interface BackupObjects {
  readonly claim: k8s.KubePersistentVolumeClaim;
  readonly cronJob: k8s.KubeCronJob;
  readonly podLabels: Record<string, string>;
}

/** The backup claim and the CronJob that dumps the database into it. */
export function renderBackupJob(scope: Construct, plan: BackupPlan, db: BackupTarget): BackupObjects {
  const claimName = `${db.name}-backup`;
  const podLabels = { 'app.kubernetes.io/name': db.engine.name, 'app.kubernetes.io/instance': db.name, 'app.kubernetes.io/component': 'backup' };
  const meta: ConventionalMeta = { labels: { ...db.meta.labels, ...podLabels }, annotations: db.meta.annotations };
  const claim = new KubePersistentVolumeClaimObject(scope, 'BackupClaim', {
    metadata: objectMeta(meta, claimName),
    spec: {
      accessModes: [PersistentVolumeAccessMode.READ_WRITE_ONCE],
      storageClassName: plan.storageClass?.storageClassName,
      resources: { requests: { storage: k8s.Quantity.fromString(sizeQuantity(plan.size!)) } },
    },
  });
  const cronJob = new KubeCronJobObject(scope, 'Backup', {
    metadata: objectMeta(meta, claimName),
    spec: {
      schedule: plan.schedule.expressionString,
      timeZone: 'Etc/UTC',
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: 3600,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 3,
      jobTemplate: {
        metadata: { labels: { ...meta.labels } },
        spec: { backoffLimit: 2, template: backupPod(plan, db, meta, claimName) },
      },
    },
  });
  return { claim, cronJob, podLabels };
}

function backupEnv(db: BackupTarget): k8s.EnvVar[] {
  const { engine, credentials: creds } = db;
  const fromSecret = (name: string, key: string): k8s.EnvVar => ({ name, valueFrom: { secretKeyRef: { name: creds.secretName, key } } });
  const user = creds.usernameKey ? fromSecret('DB_USER', creds.usernameKey) : { name: 'DB_USER', value: creds.username ?? engine.defaultUsername ?? '' };
  return [
    { name: 'DB_HOST', value: db.dump.host },
    { name: 'BACKUP_DIR', value: '/backup' },
    { name: 'HOME', value: '/tmp' },
    fromSecret('DB_PASSWORD', creds.passwordKey),
    user,
    ...(db.database !== undefined ? [{ name: 'DB_NAME', value: db.database }] : []),
    ...db.dump.env,
  ];
}

function backupPod(plan: BackupPlan, db: BackupTarget, meta: ConventionalMeta, claimName: string): k8s.PodTemplateSpec {
  const engine = db.engine;
  // set -e: a failed dump fails the Job (and is retried), and old dumps are only pruned after a successful one
  const script = [
    'set -eu',
    db.dump.script,
    `find "$BACKUP_DIR" -name 'dump-*' -type f -mtime +${plan.keepDays} -delete`,
  ].join('\n');
  return {
    metadata: {
      labels: { ...meta.labels, [POD_SECURITY_LABEL]: POD_SECURITY_RESTRICTED },
      annotations: Object.keys(meta.annotations).length ? { ...meta.annotations } : undefined,
    },
    spec: {
      restartPolicy: 'Never',
      serviceAccountName: db.dump.serviceAccountName,
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      securityContext: restrictedPod(engine.uid, engine.gid),
      containers: [{
        name: 'backup',
        image: db.image,
        imagePullPolicy: 'IfNotPresent',
        command: ['sh', '-c', script],
        env: backupEnv(db),
        resources: {
          requests: { cpu: k8s.Quantity.fromString('100m'), memory: k8s.Quantity.fromString('256Mi') },
          limits: { memory: k8s.Quantity.fromString('256Mi') },
        },
        securityContext: restrictedContainer(engine.uid, engine.gid),
        volumeMounts: [{ name: 'backup', mountPath: '/backup' }, { name: 'tmp', mountPath: '/tmp' }],
      }],
      volumes: [{ name: 'backup', persistentVolumeClaim: { claimName } }, { name: 'tmp', emptyDir: {} }],
    },
  };
}
