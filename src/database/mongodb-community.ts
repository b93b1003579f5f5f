import { ApiObject, Chart } from 'cdk8s';
import { k8s, PersistentVolumeAccessMode } from 'cdk8s-plus-27';
import { RuntimeContext, RuntimeOutput } from './runtime-context';
import { DATABASE_ROLE, ROLE_ANNOTATION } from '../core/conventions';
import { sizeQuantity } from '../core/quantity';
import { RemovalPolicy } from '../core/removal-policy';
import { objectMeta } from '../platform/conventions';
import { rendersOnce } from '../validation/render-cache';

/**
 * MongoDB through MongoDB's Kubernetes operator (mongodbcommunity.mongodb.com/v1, mongodb-kubernetes 1.10): a
 * `MongoDBCommunity` replica set whose members elect a new primary by themselves when the primary is lost. The operator
 * creates one headless Service `<name>-svc`, pods labelled `app: <name>-svc`, and a Secret per user with its
 * connection strings (`<name>-<db>-<user>`). It creates no PodDisruptionBudget: the library adds one.
 * Facts: mongodb-kubernetes 1.10.0 (mongodb-community-operator/controllers/construct/mongodbstatefulset.go,
 * controllers/replica_set_controller.go, helm_chart/templates/database-roles.yaml).
 */

const MongoObject = rendersOnce(ApiObject);
const KubePodDisruptionBudgetObject = rendersOnce(k8s.KubePodDisruptionBudget);
const KubeServiceAccountObject = rendersOnce(k8s.KubeServiceAccount);
const KubeRoleObject = rendersOnce(k8s.KubeRole);
const KubeRoleBindingObject = rendersOnce(k8s.KubeRoleBinding);

/** The ServiceAccount the operator's database pods run as, in every namespace that holds a replica set. */
const APPDB_SERVICE_ACCOUNT = 'mongodb-kubernetes-appdb';

/** Options of the MongoDB runtime, resolved. */
export interface MongoDbSettings {
  readonly operatorNamespace: string;
}

/** A name made a DNS-1123 subdomain as the operator makes it: lower case, other characters as `-`. */
function dnsSubdomain(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9.-]+/g, '-');
}

/** The name of the Secret the operator writes a user's connection strings to: `<name>-<db>-<user>`, DNS-1123. */
export function connectionSecretName(name: string, db: string, user: string): string {
  return dnsSubdomain(`${name}-${db}-${user}`);
}

/** The MongoDBCommunity, its PodDisruptionBudget and the pods' ServiceAccount where the operator does not create it. */
export function renderMongoDbCommunity(ctx: RuntimeContext, settings: MongoDbSettings): RuntimeOutput {
  const { plan, meta } = ctx;
  const creds = plan.credentials!;
  const cluster = new MongoObject(ctx.scope, 'MongoDBCommunity', {
    apiVersion: 'mongodbcommunity.mongodb.com/v1',
    kind: 'MongoDBCommunity',
    metadata: objectMeta(meta, plan.name, { annotations: { [ROLE_ANNOTATION]: DATABASE_ROLE } }),
    spec: {
      members: plan.replicas,
      type: 'ReplicaSet',
      version: plan.engine.version,
      security: { authentication: { modes: ['SCRAM'] } },
      users: [{
        name: creds.username,
        db: 'admin',
        passwordSecretRef: { name: creds.secretName, key: creds.passwordKey },
        roles: [{ name: 'readWrite', db: plan.database }, { name: 'dbAdmin', db: plan.database }],
        scramCredentialsSecretName: dnsSubdomain(`${plan.name}-${creds.username}`),
      }],
      statefulSet: { spec: statefulSetOverride(ctx) },
    },
  });
  const podSelector = { app: `${plan.name}-svc` };
  const podDisruptionBudget = plan.replicas > 1 ? new KubePodDisruptionBudgetObject(ctx.scope, 'PodDisruptionBudget', {
    metadata: objectMeta(meta, plan.name),
    spec: { maxUnavailable: k8s.IntOrString.fromNumber(1), selector: { matchLabels: podSelector }, unhealthyPodEvictionPolicy: 'AlwaysAllow' }, // as the StatefulSet runtime's
  }) : undefined;
  if (ctx.namespace !== settings.operatorNamespace) appDbServiceAccount(ctx);
  const uri = { secretName: connectionSecretName(plan.name, 'admin', creds.username!), key: 'connectionString.standardSrv' };
  return {
    cluster,
    podDisruptionBudget,
    backupResources: [],
    // members replicate and heartbeat on 27017; the operator reaches no pod (it works through the Kubernetes API)
    network: { podSelector, clientPort: 27017, peerPorts: [27017] },
    endpoints: { host: `${plan.name}-svc`, uri },
    dump: plan.backup?.method === 'logical-dump' ? {
      host: `${plan.name}-svc`,
      script: 'mongodump --uri="$DB_URI" --gzip --archive="$BACKUP_DIR/dump-$(date -u +%Y%m%dT%H%M%SZ).archive.gz"',
      env: [{ name: 'DB_URI', valueFrom: { secretKeyRef: { name: uri.secretName, key: uri.key } } }],
    } : undefined,
  };
}

/** What the library merges into the operator's StatefulSet: resources, spread, the data claim and its retention. */
function statefulSetOverride(ctx: RuntimeContext): Record<string, unknown> {
  const { plan } = ctx;
  const podSelector = { matchLabels: { app: `${plan.name}-svc` } };
  const destroy = plan.removalPolicy === RemovalPolicy.DESTROY;
  return {
    persistentVolumeClaimRetentionPolicy: destroy ? { whenDeleted: 'Delete', whenScaled: 'Delete' } : { whenDeleted: 'Retain', whenScaled: 'Retain' },
    template: {
      spec: {
        containers: [{
          name: 'mongod',
          resources: {
            requests: { cpu: plan.cpu.amount, memory: sizeQuantity(plan.memory) },
            limits: { memory: sizeQuantity(plan.memory), ...(plan.cpuLimit ? { cpu: plan.cpuLimit.amount } : {}) },
          },
        }],
        affinity: {
          podAntiAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: podSelector } }],
          },
        },
        topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: podSelector }],
      },
    },
    volumeClaimTemplates: [{
      metadata: { name: 'data-volume' },
      spec: {
        accessModes: [PersistentVolumeAccessMode.READ_WRITE_ONCE],
        storageClassName: plan.storage.storageClass?.storageClassName,
        resources: { requests: { storage: sizeQuantity(plan.storage.size) } },
      },
    }],
  };
}

/**
 * The operator's database pods run as ServiceAccount `mongodb-kubernetes-appdb` (get Secrets; get, patch and delete
 * Pods). Its Helm chart creates it only in the namespaces the operator was installed or told to watch: the library
 * adds it to the database's namespace, once per chart.
 */
function appDbServiceAccount(ctx: RuntimeContext): void {
  const chart = Chart.of(ctx.scope);
  if (chart.node.tryFindChild('MongoDbAppDbServiceAccount')) return;
  const meta = { name: APPDB_SERVICE_ACCOUNT, labels: { 'app.kubernetes.io/managed-by': 'cdk8s-golden-paths' } };
  new KubeServiceAccountObject(chart, 'MongoDbAppDbServiceAccount', { metadata: meta });
  new KubeRoleObject(chart, 'MongoDbAppDbRole', {
    metadata: meta,
    rules: [
      { apiGroups: [''], resources: ['secrets'], verbs: ['get'] },
      { apiGroups: [''], resources: ['pods'], verbs: ['get', 'patch', 'delete'] },
    ],
  });
  new KubeRoleBindingObject(chart, 'MongoDbAppDbRoleBinding', {
    metadata: meta,
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: APPDB_SERVICE_ACCOUNT },
    subjects: [{ kind: 'ServiceAccount', name: APPDB_SERVICE_ACCOUNT }],
  });
}
