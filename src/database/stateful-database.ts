import { ApiObject, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { renderBackupJob } from './backup-job';
import { connectionHost, DatabaseConnection, DatabaseConnectOptions, IDatabase, wireEnv } from './connection';
import { DatabasePlan, MIN_TERMINATION_GRACE_SECONDS, planDatabase } from './database-plan';
import { DatabaseEngine, ReplicationSupport } from './engines';
import { StatefulDatabaseProps } from './stateful-database-props';
import { DATABASE_ROLE, POD_SECURITY_LABEL, POD_SECURITY_RESTRICTED, ROLE_ANNOTATION } from '../core/conventions';
import { isDnsLabel } from '../core/names';
import { Problems } from '../core/problems';
import { sizeQuantity } from '../core/quantity';
import { RemovalPolicy } from '../core/removal-policy';
import { IStorageClass } from '../knowledge/storage/storage-class';
import { ConventionalMeta, conventionalMeta, objectMeta } from '../platform/conventions';
import { PlatformDefaults } from '../platform/defaults';
import { useStorageClass } from '../storage/existing-storage-class';
import { GoldenPathValidation } from '../validation/app-validation';
import { renderOnce, rendersOnce } from '../validation/render-cache';
import { restrictedContainer, restrictedPod, scratchVolumes } from '../workload/pod-security';

// The objects a database emits render once per synth (validation and output share the JSON).
const KubeServiceObject = rendersOnce(k8s.KubeService);
const KubeStatefulSetObject = rendersOnce(k8s.KubeStatefulSet);
const KubePodDisruptionBudgetObject = rendersOnce(k8s.KubePodDisruptionBudget);
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
    const plan = planDatabase(this, id, props);
    const engine = plan.engine;
    this.engine = engine;
    this.name = plan.name;
    this.replicas = plan.replicas;
    this.storageClass = plan.storage.storageClass;
    if (plan.storage.storageClass) useStorageClass(this, plan.storage.storageClass);
    const backupClass = plan.backup?.storageClass;
    if (backupClass && backupClass !== plan.storage.storageClass) useStorageClass(this, backupClass);

    const selector: Record<string, string> = {
      'app.kubernetes.io/name': engine.name,
      'app.kubernetes.io/instance': plan.name,
      'app.kubernetes.io/component': 'database',
    };
    this.selectorLabels = { ...selector };
    const meta = conventionalMeta(this, selector);
    const image = PlatformDefaults.image(this, engine.image);

    // no API access needed, no token mounted
    this.serviceAccount = new kplus.ServiceAccount(this, 'ServiceAccount', { metadata: objectMeta(meta, plan.name), automountToken: false });
    renderOnce(ApiObject.of(this.serviceAccount));
    this.headlessService = this.renderHeadlessService(plan, meta, selector);
    this.service = this.renderClientService(plan, meta, selector);
    this.statefulSet = this.renderStatefulSet(plan, meta, selector, image);
    this.podDisruptionBudget = this.renderDisruptionBudget(plan, meta, selector);
    this.networkPolicy = this.renderNetworkPolicy(plan, meta, selector);
    this.connection = {
      host: connectionHost(this, plan.name),
      port: engine.port,
      secretName: plan.credentials?.secretName ?? '',
      passwordKey: plan.credentials?.passwordKey ?? 'password',
      usernameKey: plan.credentials?.usernameKey,
      username: plan.credentials?.usernameKey ? undefined : engine.defaultUsername,
    };
    if (plan.backup && plan.credentials) {
      const backup = renderBackupJob(this, plan.backup, { name: plan.name, engine, image, credentials: plan.credentials, meta });
      this.backup = backup.cronJob;
      this.backupClaim = backup.claim;
      this.allowFromPods(backup.podLabels);
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

  /** The headless governing Service: stable per-pod DNS names, not-ready addresses published. */
  private renderHeadlessService(plan: DatabasePlan, meta: ConventionalMeta, selector: Record<string, string>): k8s.KubeService {
    const port = plan.engine.port;
    return new KubeServiceObject(this, 'HeadlessService', {
      metadata: objectMeta(meta, `${plan.name}-headless`, { annotations: ROLE }),
      spec: {
        clusterIp: 'None',
        // peers must find each other before they are Ready (replication bootstrap, cluster formation)
        publishNotReadyAddresses: true,
        selector: { ...selector },
        ports: [{ name: plan.engine.portName, port, targetPort: k8s.IntOrString.fromNumber(port), protocol: 'TCP' }],
      },
    });
  }

  /** The client Service: every replica where the engine replicates by itself, else ordinal 0 only. */
  private renderClientService(plan: DatabasePlan, meta: ConventionalMeta, selector: Record<string, string>): kplus.Service {
    const port = plan.engine.port;
    const service = new kplus.Service(this, 'Service', {
      metadata: objectMeta(meta, plan.name, { annotations: ROLE }),
      ports: [{ name: plan.engine.portName, port, targetPort: port, protocol: kplus.Protocol.TCP }],
    });
    renderOnce(ApiObject.of(service));
    for (const [k, v] of Object.entries(selector)) service.selectLabel(k, v);
    if (plan.engine.replication === ReplicationSupport.NONE && plan.replicas > 1) {
      // independent servers: one address for writes, or they diverge
      service.selectLabel('statefulset.kubernetes.io/pod-name', `${plan.name}-0`);
    }
    return service;
  }

  private renderStatefulSet(plan: DatabasePlan, meta: ConventionalMeta, selector: Record<string, string>, image: string): k8s.KubeStatefulSet {
    const podAnnotations = Object.keys(meta.annotations).length ? { ...meta.annotations } : undefined;
    const destroy = plan.removalPolicy === RemovalPolicy.DESTROY;
    return new KubeStatefulSetObject(this, 'StatefulSet', {
      metadata: objectMeta(meta, plan.name, { annotations: ROLE }),
      spec: {
        serviceName: `${plan.name}-headless`,
        replicas: plan.replicas,
        podManagementPolicy: plan.engine.podManagementPolicy,
        selector: { matchLabels: { ...selector } },
        updateStrategy: plan.updateStrategy._render(),
        persistentVolumeClaimRetentionPolicy: destroy
          ? { whenDeleted: 'Delete', whenScaled: 'Delete' }
          : { whenDeleted: 'Retain', whenScaled: 'Retain' },
        revisionHistoryLimit: 10,
        template: {
          metadata: { labels: { ...meta.labels, [POD_SECURITY_LABEL]: POD_SECURITY_RESTRICTED }, annotations: podAnnotations },
          spec: this.podSpec(plan, selector, image),
        },
        volumeClaimTemplates: [{
          metadata: { name: plan.storage.claimName, labels: { ...meta.labels }, annotations: podAnnotations },
          spec: claimSpec(plan),
        }],
      },
    });
  }

  private podSpec(plan: DatabasePlan, selector: Record<string, string>, image: string): k8s.PodSpec {
    const engine = plan.engine;
    const scratch = scratchVolumes(engine.writableDirs);
    return {
      serviceAccountName: plan.name,
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      terminationGracePeriodSeconds: plan.graceSeconds,
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
        ports: [{ name: engine.portName, containerPort: engine.port, protocol: 'TCP' }],
        env: containerEnv(plan),
        resources: resources(plan),
        securityContext: restrictedContainer(engine.uid, engine.gid),
        ...probes(plan),
        volumeMounts: [{ name: plan.storage.claimName, mountPath: engine.dataDir }, ...scratch.mounts],
      }],
      volumes: scratch.volumes.length ? scratch.volumes : undefined,
    };
  }

  /** One pod at a time; none at one replica (minAvailable 1 there blocks every node drain). */
  private renderDisruptionBudget(plan: DatabasePlan, meta: ConventionalMeta, selector: Record<string, string>): k8s.KubePodDisruptionBudget | undefined {
    if (plan.replicas <= 1) return undefined;
    return new KubePodDisruptionBudgetObject(this, 'PodDisruptionBudget', {
      metadata: objectMeta(meta, plan.name),
      // AlwaysAllow: a replica that is not ready serves nothing, and evicting it never costs availability; the
      // default (IfHealthyBudget) lets crash-looping replicas block node drains (WKL-032)
      spec: { maxUnavailable: k8s.IntOrString.fromNumber(1), selector: { matchLabels: { ...selector } }, unhealthyPodEvictionPolicy: 'AlwaysAllow' },
    });
  }

  /** Deny all ingress but peers (replication) and the clients allowed through the API. */
  private renderNetworkPolicy(plan: DatabasePlan, meta: ConventionalMeta, selector: Record<string, string>): k8s.KubeNetworkPolicy {
    this.ingressRules.push({
      from: [{ podSelector: { matchLabels: { ...selector } } }],
      ports: [{ port: k8s.IntOrString.fromNumber(plan.engine.port), protocol: 'TCP' }],
    });
    return new KubeNetworkPolicyObject(this, 'NetworkPolicy', {
      metadata: objectMeta(meta, plan.name),
      spec: {
        podSelector: { matchLabels: { ...selector } },
        policyTypes: ['Ingress'],
        ingress: this.ingressRules,
      },
    });
  }
}

/** The role annotation on the database's Services and StatefulSet. */
const ROLE = { [ROLE_ANNOTATION]: DATABASE_ROLE };

function claimSpec(plan: DatabasePlan): k8s.PersistentVolumeClaimSpec {
  const storage = plan.storage;
  return {
    accessModes: [storage.accessMode],
    storageClassName: storage.storageClass?.storageClassName,
    resources: { requests: { storage: k8s.Quantity.fromString(sizeQuantity(storage.size)) } },
    dataSource: storage.restoreFromSnapshot
      ? { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: storage.restoreFromSnapshot }
      : undefined,
  };
}

/** The engine's literal env, credentials from the Secret, then the user's literal env. */
function containerEnv(plan: DatabasePlan): k8s.EnvVar[] | undefined {
  const { engine, credentials: creds } = plan;
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
  for (const [k, v] of Object.entries(plan.env)) env.push({ name: k, value: v });
  return env.length ? env : undefined;
}

/** CPU request (limit only when asked: a CPU limit throttles a database at its busiest), memory request = limit. */
function resources(plan: DatabasePlan): k8s.ResourceRequirements {
  const memory = k8s.Quantity.fromString(sizeQuantity(plan.memory));
  return {
    requests: { cpu: k8s.Quantity.fromString(plan.cpu.amount), memory },
    limits: { memory, ...(plan.cpuLimit ? { cpu: k8s.Quantity.fromString(plan.cpuLimit.amount) } : {}) },
  };
}

/** Startup (as long as the startup timeout), liveness and readiness probes from the engine's commands. */
function probes(plan: DatabasePlan): Pick<k8s.Container, 'startupProbe' | 'livenessProbe' | 'readinessProbe'> {
  const engine = plan.engine;
  const probe = (command: string[] | undefined) => command
    ? { exec: { command: [...command] } }
    : { tcpSocket: { port: k8s.IntOrString.fromNumber(engine.port) } };
  return {
    startupProbe: { ...probe(engine.readinessCommand), periodSeconds: 10, timeoutSeconds: 5, failureThreshold: Math.ceil(plan.startupSeconds / 10) },
    livenessProbe: { ...probe(engine.livenessCommand), periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 6 },
    readinessProbe: { ...probe(engine.readinessCommand), periodSeconds: 5, timeoutSeconds: 5, failureThreshold: 3 },
  };
}
