import { ApiObject, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { renderBackupJob } from './backup-job';
import { checkDatabaseClaim } from './claims';
import { connectionHost, DatabaseConnection, DatabaseConnectOptions, IDatabase, wireEnv } from './connection';
import { DatabasePlan, MIN_TERMINATION_GRACE_SECONDS, planDatabase } from './database-plan';
import { DatabaseEngine } from './engines';
import { DatabaseRuntime } from './runtime';
import { RuntimeEndpoints, RuntimeNetwork } from './runtime-context';
import { StatefulDatabaseProps } from './stateful-database-props';
import { isDnsLabel } from '../core/names';
import { Problems, problemText } from '../core/problems';
import { IStorageClass } from '../knowledge/storage/storage-class';
import { ConventionalMeta, conventionalMeta, objectMeta } from '../platform/conventions';
import { PlatformDefaults } from '../platform/defaults';
import { appHasDefaultClass } from '../storage/claim-check';
import { useStorageClass } from '../storage/existing-storage-class';
import { StorageClassBase } from '../storage/storage-class-base';
import { GoldenPathValidation } from '../validation/app-validation';
import { rendersOnce } from '../validation/render-cache';

// The objects a database emits render once per synth (validation and output share the JSON).
const KubeNetworkPolicyObject = rendersOnce(k8s.KubeNetworkPolicy);

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
  /** Shortest termination grace period a database gets (seconds): time to checkpoint and flush before SIGKILL. */
  public static readonly MIN_TERMINATION_GRACE_SECONDS = MIN_TERMINATION_GRACE_SECONDS;

  /** What runs the database. */
  public readonly runtime: DatabaseRuntime;
  /**
   * The StatefulSet.
   * @default - none in operator mode (the operator creates it)
   */
  public readonly statefulSet?: k8s.KubeStatefulSet;
  /**
   * The headless governing Service (stable per-pod DNS names, not-ready addresses published).
   * @default - none in operator mode
   */
  public readonly headlessService?: k8s.KubeService;
  /**
   * The client Service (a cdk8s-plus Service).
   * @default - none in operator mode: the operator's Services are named in `connection`
   */
  public readonly service?: kplus.Service;
  /**
   * The operator's resource: a CloudNativePG `Cluster`, a mariadb-operator `MariaDB` or a `MongoDBCommunity`.
   * @default - none in the StatefulSet runtime
   */
  public readonly cluster?: ApiObject;
  /**
   * The PodDisruptionBudget the library writes.
   * @default - none at one replica, and none where the operator writes its own (CloudNativePG, mariadb-operator)
   */
  public readonly podDisruptionBudget?: k8s.KubePodDisruptionBudget;
  /** The default-deny NetworkPolicy; add clients with `allowFrom`, `allowFromNamespace` or `connect`. */
  public readonly networkPolicy: k8s.KubeNetworkPolicy;
  /**
   * The dedicated ServiceAccount (no token mounted).
   * @default - none in operator mode
   */
  public readonly serviceAccount?: kplus.ServiceAccount;
  /**
   * The backup CronJob (logical dumps the library runs).
   * @default - no backup configured, or the operator runs the backups (see `backupResources`)
   */
  public readonly backup?: k8s.KubeCronJob;
  /**
   * The backup claim of the library's dumps.
   * @default - no backup configured, or the operator runs the backups
   */
  public readonly backupClaim?: k8s.KubePersistentVolumeClaim;
  /** The operator's backup resources (CloudNativePG `ScheduledBackup`, mariadb-operator `Backup`); empty otherwise. */
  public readonly backupResources: ApiObject[];
  /** Host, port and credential reference for clients. */
  public readonly connection: DatabaseConnection;
  /** The engine profile. */
  public readonly engine: DatabaseEngine;
  /** Name of the database (StatefulSet and client Service, or the operator's resource). */
  public readonly name: string;
  /** Number of replicas. */
  public readonly replicas: number;
  /** Labels that select the database's pods (the operator's labels in operator mode). */
  public readonly selectorLabels: { [key: string]: string };
  /**
   * The StorageClass the claims use.
   * @default - the cluster's default class
   */
  public readonly storageClass?: IStorageClass;

  private readonly ingressRules: k8s.NetworkPolicyIngressRule[] = [];
  private readonly allowed = new Set<string>();
  private readonly clientPort: number;

  constructor(scope: Construct, id: string, props: StatefulDatabaseProps) {
    super(scope, id);
    const plan = planDatabase(this, id, props);
    this.engine = plan.engine;
    this.runtime = plan.runtime;
    this.name = plan.name;
    this.replicas = plan.replicas;
    this.storageClass = plan.storage.storageClass;
    if (plan.storage.storageClass) useStorageClass(this, plan.storage.storageClass);
    const backupClass = plan.backup?.storageClass;
    if (backupClass && backupClass !== plan.storage.storageClass) useStorageClass(this, backupClass);
    if (!plan.storage.storageClass) checkDefaultClassAtSynth(this, plan);

    const selector: Record<string, string> = {
      'app.kubernetes.io/name': plan.engine.name,
      'app.kubernetes.io/instance': plan.name,
      'app.kubernetes.io/component': 'database',
    };
    const meta = conventionalMeta(this, selector);
    const image = PlatformDefaults.image(this, plan.engine.image);
    const out = plan.runtime._render({ scope: this, plan, meta, selector, image, namespace: Chart.of(this).namespace });
    this.serviceAccount = out.serviceAccount;
    this.headlessService = out.headlessService;
    this.service = out.service;
    this.statefulSet = out.statefulSet;
    this.podDisruptionBudget = out.podDisruptionBudget;
    this.cluster = out.cluster;
    this.backupResources = out.backupResources;
    this.selectorLabels = { ...out.network.podSelector };
    this.clientPort = out.network.clientPort;
    this.networkPolicy = this.renderNetworkPolicy(plan, meta, out.network);
    this.connection = connectionOf(this, plan, out.endpoints);
    if (out.backupPodLabels) this.allowFromPods(out.backupPodLabels);
    if (plan.backup && plan.credentials && out.dump) {
      const target = { name: plan.name, engine: plan.engine, image, credentials: plan.credentials, meta, database: plan.database, dump: out.dump };
      const backup = renderBackupJob(this, plan.backup, target);
      this.backup = backup.cronJob;
      this.backupClaim = backup.claim;
      this.allowFromPods(backup.podLabels);
    }
    GoldenPathValidation.of(this)._register(this);
  }

  /**
   * Let the pods of a cdk8s-plus workload (Deployment, StatefulSet, DaemonSet, Job, CronJob or Pod) connect to the
   * database port. Works across namespaces (the workload's chart namespace).
   */
  public allowFrom(workload: kplus.AbstractPod): void {
    this.allowFromPods(clientPodLabels(this, workload, 'allowFrom'), Chart.of(workload).namespace);
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
    const ours = Chart.of(this).namespace;
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
   * Let a workload connect: the NetworkPolicy rule plus environment variables for host, port, user, password (from the
   * Secret) and, where known, the database and the read-only host; names from `options.env`, else `<prefix>_HOST`, ...
   */
  public connect(workload: kplus.AbstractPod, options: DatabaseConnectOptions = {}): void {
    this.allowFrom(workload);
    wireEnv(this, workload, options);
  }

  private addRule(peer: k8s.NetworkPolicyPeer): void {
    const key = JSON.stringify(peer);
    if (this.allowed.has(key)) return;
    this.allowed.add(key);
    this.ingressRules.push({ from: [peer], ports: [{ port: k8s.IntOrString.fromNumber(this.clientPort), protocol: 'TCP' }] });
  }

  /** Deny all ingress but the database's own pods, the operator, and the clients allowed through the API. */
  private renderNetworkPolicy(plan: DatabasePlan, meta: ConventionalMeta, network: RuntimeNetwork): k8s.KubeNetworkPolicy {
    const ports = (list: number[]) => list.map((port) => ({ port: k8s.IntOrString.fromNumber(port), protocol: 'TCP' }));
    this.ingressRules.push({ from: [{ podSelector: { matchLabels: { ...network.podSelector } } }], ports: ports(network.peerPorts) });
    if (network.operator) this.ingressRules.push({ from: [network.operator.peer], ports: ports(network.operator.ports) });
    return new KubeNetworkPolicyObject(this, 'NetworkPolicy', {
      metadata: objectMeta(meta, plan.name),
      spec: {
        podSelector: { matchLabels: { ...network.podSelector } },
        policyTypes: ['Ingress'],
        ingress: this.ingressRules,
      },
    });
  }
}

/**
 * The labels that select a client's pods: its selector, or, for pods without one (Jobs, CronJobs, bare Pods), a label
 * the library adds to the pod template (`cdk8s.io/metadata.addr`, as cdk8s-plus selects Deployments).
 */
function clientPodLabels(db: Construct, workload: kplus.AbstractPod, method: string): Record<string, string> {
  if (!workload || typeof (workload as any).podMetadata !== 'object' || typeof (workload as any).node !== 'object') {
    const problems = new Problems(db);
    problems.add(`${method} workload`, (workload as any)?.node?.path ?? workload, 'is not a cdk8s-plus workload or pod',
      'Pass a Deployment, StatefulSet, DaemonSet, Job, CronJob or Pod of cdk8s-plus-27, or use allowFromPods(labels).');
    problems.throwIfAny();
  }
  const matchLabels = workload instanceof kplus.Workload ? workload.matchLabels : {};
  if (Object.keys(matchLabels).length) return { ...matchLabels };
  const key = 'cdk8s.io/metadata.addr';
  const existing = workload.podMetadata.getLabel(key);
  if (existing) return { [key]: existing };
  workload.podMetadata.addLabel(key, workload.node.addr);
  return { [key]: workload.node.addr };
}

/** How clients reach the database: the runtime's endpoints in the database's namespace, and the credential reference. */
function connectionOf(scope: Construct, plan: DatabasePlan, endpoints: RuntimeEndpoints): DatabaseConnection {
  const creds = plan.credentials;
  const host = connectionHost(scope, endpoints.host);
  return {
    host,
    readOnlyHost: endpoints.readOnlyHost ? connectionHost(scope, endpoints.readOnlyHost) : undefined,
    port: plan.engine.port,
    secretName: creds?.secretName ?? '',
    passwordKey: creds?.passwordKey ?? 'password',
    usernameKey: creds?.usernameKey,
    username: creds?.usernameKey ? undefined : (creds?.username ?? plan.engine.defaultUsername),
    database: plan.database,
    tlsServerName: host,
    uriSecretName: endpoints.uri?.secretName,
    uriSecretKey: endpoints.uri?.key,
  };
}

/**
 * A database without a class of its own lands on the app's default class: it is checked against that class at synth,
 * when every class of the app is declared (before or after the database), with the same checks as a class given as a
 * prop; an app without any default class is refused then.
 */
function checkDefaultClassAtSynth(db: Construct, plan: DatabasePlan): void {
  db.node.addValidation({
    validate: () => {
      const problems = new Problems(db);
      const defaults = db.node.root.node.findAll().filter((c): c is StorageClassBase => c instanceof StorageClassBase && c.isDefault);
      if (defaults.length === 1) {
        checkDatabaseClaim(problems, 'storage (the app\'s default class)', defaults[0], plan.storage.size, plan.storage.accessMode, plan.replicas);
      } else if (defaults.length === 0 && !appHasDefaultClass(db)) {
        problems.add('storage.storageClass', undefined, 'is not set, and the app has no default StorageClass and no PlatformDefaults.databaseStorageClass',
          'Set storage.storageClass (e.g. an ExistingStorageClass of the cluster, or a BlockStorageClass), or PlatformDefaults.set(app, { databaseStorageClass }), or declare a default BlockStorageClass (isDefault: true).');
      }
      return problems.all.map((p) => `${db.node.path}: ${problemText(p)}`);
    },
  });
}
