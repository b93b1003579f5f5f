import { ApiObject, Size } from 'cdk8s';
import type { RuntimePlan } from './runtime-context';
import { RuntimeContext, RuntimeOutput } from './runtime-context';
import { DATABASE_ROLE, ROLE_ANNOTATION } from '../core/conventions';
import { sizeQuantity } from '../core/quantity';
import { objectMeta } from '../platform/conventions';
import { PlatformDefaults } from '../platform/defaults';
import { rendersOnce } from '../validation/render-cache';

/**
 * PostgreSQL through CloudNativePG (postgresql.cnpg.io/v1, operator 1.30): a `Cluster` the operator turns into
 * instances with streaming replication, automated failover and its own Services `<name>-rw` (primary), `<name>-ro`
 * (replicas) and `<name>-r` (any), plus a `ScheduledBackup` for volume-snapshot backups.
 * Facts: cloudnative-pg v1.30.0 (pkg/specs/pods.go labels, pkg/specs/services.go, docs/src/networking.md,
 * internal/webhook/v1/cluster_webhook.go).
 */

const ClusterObject = rendersOnce(ApiObject);

/** Options of the CloudNativePG runtime, resolved. */
export interface CloudNativePgSettings {
  readonly operatorNamespace: string;
  readonly imageName?: string;
  readonly walStorageSize?: Size;
}

/** The operator's image for the engine's version: CloudNativePG's tags start with the PostgreSQL major version. */
export function cnpgImage(plan: RuntimePlan, settings: CloudNativePgSettings): string {
  return settings.imageName ?? `ghcr.io/cloudnative-pg/postgresql:${plan.engine.version}`;
}

/** The Cluster (and its ScheduledBackup) of a database. */
export function renderCloudNativePg(ctx: RuntimeContext, settings: CloudNativePgSettings): RuntimeOutput {
  const { plan, meta } = ctx;
  const cluster = new ClusterObject(ctx.scope, 'Cluster', {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Cluster',
    metadata: objectMeta(meta, plan.name, { annotations: { [ROLE_ANNOTATION]: DATABASE_ROLE } }),
    spec: clusterSpec(ctx, settings),
  });
  const backupResources: ApiObject[] = [];
  if (plan.backup?.method === 'volume-snapshot') {
    backupResources.push(new ClusterObject(ctx.scope, 'ScheduledBackup', {
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'ScheduledBackup',
      metadata: objectMeta(meta, `${plan.name}-snapshots`),
      spec: {
        cluster: { name: plan.name },
        // CloudNativePG reads six fields, seconds first (robfig/cron): a cdk8s Cron has five
        schedule: `0 ${plan.backup.schedule.expressionString}`,
        method: 'volumeSnapshot',
        backupOwnerReference: 'self',
        target: 'prefer-standby',
      },
    }));
  }
  const clusterLabel = { 'cnpg.io/cluster': plan.name };
  return {
    cluster,
    backupResources,
    network: {
      podSelector: clusterLabel,
      clientPort: 5432,
      // replication on 5432, and the primary's isolation check pings its peers' status port 8000 (docs/src/instance_manager.md)
      peerPorts: [5432, 8000],
      operator: {
        peer: {
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': settings.operatorNamespace } },
          podSelector: { matchLabels: { 'app.kubernetes.io/name': 'cloudnative-pg' } },
        },
        ports: [5432, 8000],
      },
    },
    endpoints: { host: `${plan.name}-rw`, readOnlyHost: `${plan.name}-ro` },
    dump: plan.backup?.method === 'logical-dump' ? {
      host: `${plan.name}-rw`,
      script: 'PGPASSWORD="$DB_PASSWORD" pg_dump -h "$DB_HOST" -U "$DB_USER" -d "$DB_NAME" --format=custom --file="$BACKUP_DIR/dump-$(date -u +%Y%m%dT%H%M%SZ).pgdump"',
      env: [],
    } : undefined,
  };
}

function clusterSpec(ctx: RuntimeContext, settings: CloudNativePgSettings): Record<string, unknown> {
  const { plan } = ctx;
  const storage = plan.storage;
  const storageClass = storage.storageClass?.storageClassName;
  const clusterSelector = { matchLabels: { 'cnpg.io/cluster': plan.name } };
  return {
    instances: plan.replicas,
    imageName: PlatformDefaults.image(ctx.scope, cnpgImage(plan, settings)),
    // CloudNativePG's PDB on a single instance blocks every node drain (docs/src/kubernetes_upgrade.md)
    enablePDB: plan.replicas > 1,
    primaryUpdateStrategy: 'unsupervised',
    storage: { size: sizeQuantity(storage.size), storageClass },
    walStorage: settings.walStorageSize ? { size: sizeQuantity(settings.walStorageSize), storageClass } : undefined,
    resources: {
      requests: { cpu: plan.cpu.amount, memory: sizeQuantity(plan.memory) },
      limits: { memory: sizeQuantity(plan.memory), ...(plan.cpuLimit ? { cpu: plan.cpuLimit.amount } : {}) },
    },
    affinity: { enablePodAntiAffinity: true, topologyKey: 'kubernetes.io/hostname', podAntiAffinityType: 'preferred' },
    topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: clusterSelector }],
    inheritedMetadata: inheritedMetadata(ctx),
    env: Object.keys(plan.env).length ? Object.entries(plan.env).map(([name, value]) => ({ name, value })) : undefined,
    bootstrap: bootstrap(plan),
    backup: plan.backup?.method === 'volume-snapshot' ? { volumeSnapshot: { className: plan.backup.snapshotClassName } } : undefined,
  };
}

/** The platform's labels and annotations for the objects the operator creates (none when the platform sets none). */
function inheritedMetadata(ctx: RuntimeContext): Record<string, unknown> | undefined {
  const labels = platformLabels(ctx);
  const annotations = ctx.meta.annotations;
  if (!Object.keys(labels).length && !Object.keys(annotations).length) return undefined;
  return { labels: Object.keys(labels).length ? labels : undefined, annotations: Object.keys(annotations).length ? { ...annotations } : undefined };
}

/** The platform's labels (team, cost centre, ...) for the objects the operator creates; not the library's own. */
function platformLabels(ctx: RuntimeContext): Record<string, string> {
  const labels = { ...ctx.meta.labels };
  for (const k of Object.keys(ctx.selector)) delete labels[k];
  delete labels['app.kubernetes.io/managed-by'];
  return labels;
}

function bootstrap(plan: RuntimePlan): Record<string, unknown> {
  const app = { database: plan.database, owner: plan.credentials!.username, secret: { name: plan.credentials!.secretName } };
  if (plan.storage.restoreFromSnapshot) {
    return {
      recovery: {
        volumeSnapshots: { storage: { name: plan.storage.restoreFromSnapshot, kind: 'VolumeSnapshot', apiGroup: 'snapshot.storage.k8s.io' } },
        ...app,
      },
    };
  }
  return { initdb: app };
}
