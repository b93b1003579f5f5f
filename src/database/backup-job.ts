import { Cron, Size } from 'cdk8s';
import { k8s, PersistentVolumeAccessMode } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { checkDatabaseClaim } from './claims';
import { ResolvedCredentials } from './credentials';
import { DatabaseEngine } from './engines';
import { POD_SECURITY_LABEL, POD_SECURITY_RESTRICTED } from '../core/conventions';
import { Problems } from '../core/problems';
import { isSize, sizeQuantity } from '../core/quantity';
import { Shown } from '../core/values';
import { IStorageClass, isStorageClass } from '../knowledge/storage/storage-class';
import { ConventionalMeta, objectMeta } from '../platform/conventions';
import { rendersOnce } from '../validation/render-cache';
import { restrictedContainer, restrictedPod } from '../workload/pod-security';

const KubePersistentVolumeClaimObject = rendersOnce(k8s.KubePersistentVolumeClaim);
const KubeCronJobObject = rendersOnce(k8s.KubeCronJob);

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

/** A checked backup. */
export interface BackupPlan {
  readonly size: Size;
  readonly schedule: Cron;
  readonly storageClass?: IStorageClass;
  readonly keepDays: number;
}

/** Checks the backup options against the engine and the class the backup claim lands on. */
export function planBackup(problems: Problems, backup: DatabaseBackupOptions | undefined, engine: DatabaseEngine,
  databaseClass: IStorageClass | undefined): BackupPlan | undefined {
  if (!backup) return undefined;
  let storageClass = typeof backup === 'object' ? (backup.storageClass ?? databaseClass) : undefined;
  if (typeof backup === 'object' && backup.storageClass !== undefined && !isStorageClass(backup.storageClass)) {
    problems.add('backup.storageClass', backup.storageClass, 'is not a storage class', 'Pass a BlockStorageClass or an ExistingStorageClass.');
    storageClass = undefined;
  }
  const keepDays = backup.keepDays ?? 7;
  if (!engine.backupScript) {
    problems.add('backup', new Shown('{...}'), `cannot be scheduled: engine ${engine.name} has no logical backup script`, 'Set backupScript on the custom engine, or use VolumeSnapshots.');
  }
  if (!isSize(backup.size)) {
    problems.add('backup.size', backup.size, 'is required', 'Set backup: { size: Size.gibibytes(50) }.');
  } else if (storageClass) {
    checkDatabaseClaim(problems, 'backup', storageClass, backup.size, PersistentVolumeAccessMode.READ_WRITE_ONCE, 1);
  }
  if (!Number.isInteger(keepDays) || keepDays < 1) problems.add('backup.keepDays', keepDays, 'must be a whole number of at least 1', 'Use keepDays: 7.');
  if (backup.schedule !== undefined && typeof (backup.schedule as any)?.expressionString !== 'string') {
    problems.add('backup.schedule', backup.schedule, 'is not a Cron', 'Use Cron.daily() or Cron.schedule({ minute: \'0\', hour: \'3\' }).');
  }
  return { size: backup.size, schedule: backup.schedule ?? Cron.daily(), storageClass, keepDays };
}

/** What the backup job needs to know of its database. */
export interface BackupTarget {
  /** The database's name (its client Service and ServiceAccount). */
  readonly name: string;
  readonly engine: DatabaseEngine;
  readonly image: string;
  readonly credentials: ResolvedCredentials;
  readonly meta: ConventionalMeta;
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
      resources: { requests: { storage: k8s.Quantity.fromString(sizeQuantity(plan.size)) } },
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

function backupPod(plan: BackupPlan, db: BackupTarget, meta: ConventionalMeta, claimName: string): k8s.PodTemplateSpec {
  const { engine, credentials: creds } = db;
  const env: k8s.EnvVar[] = [
    { name: 'DB_HOST', value: db.name },
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
    `find "$BACKUP_DIR" -name 'dump-*' -type f -mtime +${plan.keepDays} -delete`,
  ].join('\n');
  return {
    metadata: {
      labels: { ...meta.labels, [POD_SECURITY_LABEL]: POD_SECURITY_RESTRICTED },
      annotations: Object.keys(meta.annotations).length ? { ...meta.annotations } : undefined,
    },
    spec: {
      restartPolicy: 'Never',
      serviceAccountName: db.name,
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      securityContext: restrictedPod(engine.uid, engine.gid),
      containers: [{
        name: 'backup',
        image: db.image,
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
  };
}
