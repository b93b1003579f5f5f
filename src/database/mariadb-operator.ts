import { ApiObject } from 'cdk8s';
import { PersistentVolumeAccessMode } from 'cdk8s-plus-27';
import { RuntimeContext, RuntimeOutput } from './runtime-context';
import { DATABASE_ROLE, ROLE_ANNOTATION } from '../core/conventions';
import { sizeQuantity } from '../core/quantity';
import { RemovalPolicy } from '../core/removal-policy';
import { objectMeta } from '../platform/conventions';
import { PlatformDefaults } from '../platform/defaults';
import { rendersOnce } from '../validation/render-cache';

/**
 * MariaDB through mariadb-operator (k8s.mariadb.com/v1alpha1, operator 26.6): a `MariaDB` with asynchronous (semi-sync)
 * replication or Galera, automatic primary failover, and its Services `<name>` (all), `<name>-primary` and
 * `<name>-secondary`; scheduled logical backups as a `Backup`.
 * Facts: mariadb-operator v26.6.0 (pkg/builder/labels, pkg/galera/config, internal/webhook/v1alpha1/mariadb_webhook.go).
 */

const MariaDbObject = rendersOnce(ApiObject);

/** How the replicas of a MariaDB replicate. */
export enum MariaDbTopology {
  /** One primary, replicas through (semi-synchronous) binlog replication; the operator promotes a replica on failure. */
  REPLICATION = 'replication',
  /** Galera multi-primary, synchronous: every committed write is on every node; needs an odd number of at least 3. */
  GALERA = 'galera',
}

/** Options of the mariadb-operator runtime, resolved. */
export interface MariaDbSettings {
  readonly operatorNamespace: string;
  readonly topology: MariaDbTopology;
}

/** The MariaDB (and its Backup) of a database. */
export function renderMariaDbOperator(ctx: RuntimeContext, settings: MariaDbSettings): RuntimeOutput {
  const { plan, meta } = ctx;
  const ha = plan.replicas > 1;
  const cluster = new MariaDbObject(ctx.scope, 'MariaDB', {
    apiVersion: 'k8s.mariadb.com/v1alpha1',
    kind: 'MariaDB',
    metadata: objectMeta(meta, plan.name, { annotations: { [ROLE_ANNOTATION]: DATABASE_ROLE } }),
    spec: mariaDbSpec(ctx, settings),
  });
  const backupLabels = { 'app.kubernetes.io/name': 'mariadb-backup', 'app.kubernetes.io/instance': plan.name };
  const backupResources: ApiObject[] = [];
  if (plan.backup?.method === 'logical-dump') {
    backupResources.push(new MariaDbObject(ctx.scope, 'Backup', {
      apiVersion: 'k8s.mariadb.com/v1alpha1',
      kind: 'Backup',
      metadata: objectMeta(meta, `${plan.name}-backup`),
      spec: {
        mariaDbRef: { name: plan.name },
        schedule: { cron: plan.backup.schedule.expressionString },
        maxRetention: `${plan.backup.keepDays * 24}h`,
        storage: {
          persistentVolumeClaim: {
            accessModes: [PersistentVolumeAccessMode.READ_WRITE_ONCE],
            storageClassName: plan.backup.storageClass?.storageClassName,
            resources: { requests: { storage: sizeQuantity(plan.backup.size!) } },
          },
        },
        inheritMetadata: { labels: backupLabels },
        ...restricted(plan.engine.uid, plan.engine.gid),
      },
    }));
  }
  const peerPorts = settings.topology === MariaDbTopology.GALERA && ha ? [3306, 4444, 4567, 4568] : [3306];
  return {
    cluster,
    backupResources,
    backupPodLabels: backupResources.length ? backupLabels : undefined,
    network: {
      podSelector: { 'app.kubernetes.io/name': 'mariadb', 'app.kubernetes.io/instance': plan.name },
      clientPort: 3306,
      peerPorts,
      operator: {
        peer: {
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': settings.operatorNamespace } },
          podSelector: { matchLabels: { 'app.kubernetes.io/name': 'mariadb-operator' } },
        },
        // SQL for users and replication, and the agent the operator drives failover through (HA only)
        ports: ha ? [3306, 5555] : [3306],
      },
    },
    endpoints: ha ? { host: `${plan.name}-primary`, readOnlyHost: `${plan.name}-secondary` } : { host: plan.name },
  };
}

function mariaDbSpec(ctx: RuntimeContext, settings: MariaDbSettings): Record<string, unknown> {
  const { plan } = ctx;
  const ha = plan.replicas > 1;
  const creds = plan.credentials!;
  const instance = { matchLabels: { 'app.kubernetes.io/instance': plan.name } };
  const destroy = plan.removalPolicy === RemovalPolicy.DESTROY;
  return {
    image: PlatformDefaults.image(ctx.scope, plan.engine.image),
    replicas: plan.replicas,
    replication: ha && settings.topology === MariaDbTopology.REPLICATION ? { enabled: true } : undefined,
    galera: ha && settings.topology === MariaDbTopology.GALERA ? { enabled: true } : undefined,
    storage: {
      size: sizeQuantity(plan.storage.size),
      storageClassName: plan.storage.storageClass?.storageClassName,
      resizeInUseVolumes: true,
      pvcRetentionPolicy: destroy ? { whenDeleted: 'Delete', whenScaled: 'Delete' } : { whenDeleted: 'Retain', whenScaled: 'Retain' },
    },
    username: creds.username,
    passwordSecretKeyRef: { name: creds.secretName, key: creds.passwordKey },
    database: plan.database,
    resources: {
      requests: { cpu: plan.cpu.amount, memory: sizeQuantity(plan.memory) },
      limits: { memory: sizeQuantity(plan.memory), ...(plan.cpuLimit ? { cpu: plan.cpuLimit.amount } : {}) },
    },
    affinity: { antiAffinityEnabled: true },
    topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: instance }],
    podDisruptionBudget: ha ? { maxUnavailable: 1 } : undefined,
    bootstrapFrom: plan.storage.restoreFromSnapshot ? { volumeSnapshotRef: { name: plan.storage.restoreFromSnapshot } } : undefined,
    env: Object.keys(plan.env).length ? Object.entries(plan.env).map(([name, value]) => ({ name, value })) : undefined,
    // mariadb-operator's pods are not Pod Security "restricted" by default: no seccomp profile, no dropped capabilities
    ...restricted(plan.engine.uid, plan.engine.gid),
  };
}

/** Pod Security "restricted" for the operator's pods (the root file system stays writable: the operator's images write to it). */
function restricted(uid: number, gid: number): Record<string, unknown> {
  return {
    podSecurityContext: { runAsNonRoot: true, runAsUser: uid, runAsGroup: gid, fsGroup: gid, seccompProfile: { type: 'RuntimeDefault' } },
    securityContext: { runAsNonRoot: true, runAsUser: uid, runAsGroup: gid, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
  };
}
