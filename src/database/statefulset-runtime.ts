import * as kplus from 'cdk8s-plus-27';
import { k8s } from 'cdk8s-plus-27';
import type { DatabasePlan } from './database-plan';
import { ReplicationSupport } from './engines';
import { RuntimeContext, RuntimeOutput } from './runtime-context';
import { DATABASE_ROLE, POD_SECURITY_LABEL, POD_SECURITY_RESTRICTED, ROLE_ANNOTATION } from '../core/conventions';
import { sizeQuantity } from '../core/quantity';
import { RemovalPolicy } from '../core/removal-policy';
import { objectMeta } from '../platform/conventions';
import { rendersOnce } from '../validation/render-cache';
import { restrictedContainer, restrictedPod, scratchVolumes, spreadOverNodesAndZones } from '../workload/pod-security';

/**
 * The database as a StatefulSet the library writes itself: one server per replica, for engines that replicate by
 * themselves or single instances.
 */

// The objects render once per synth (validation and output share the JSON).
const KubeServiceObject = rendersOnce(k8s.KubeService);
const KubeStatefulSetObject = rendersOnce(k8s.KubeStatefulSet);
const KubePodDisruptionBudgetObject = rendersOnce(k8s.KubePodDisruptionBudget);

/** ServiceAccount, headless and client Services, StatefulSet and PodDisruptionBudget of a database. */
export function renderStatefulSetRuntime(ctx: RuntimeContext): RuntimeOutput {
  const { plan, meta } = ctx;
  // no API access needed, no token mounted
  const serviceAccount = new kplus.ServiceAccount(ctx.scope, 'ServiceAccount', { metadata: objectMeta(meta, plan.name), automountToken: false });
  return {
    serviceAccount,
    headlessService: renderHeadlessService(ctx),
    service: renderClientService(ctx),
    statefulSet: renderStatefulSet(ctx),
    podDisruptionBudget: renderDisruptionBudget(ctx),
    network: { podSelector: { ...ctx.selector }, clientPort: plan.engine.port, peerPorts: [plan.engine.port] },
    endpoints: { host: plan.name },
    backupResources: [],
    dump: plan.engine.backupScript ? { host: plan.name, script: plan.engine.backupScript, env: [], serviceAccountName: plan.name } : undefined,
  };
}

/** The headless governing Service: stable per-pod DNS names, not-ready addresses published. */
function renderHeadlessService(ctx: RuntimeContext): k8s.KubeService {
  const { plan, meta, selector } = ctx;
  const port = plan.engine.port;
  return new KubeServiceObject(ctx.scope, 'HeadlessService', {
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
function renderClientService(ctx: RuntimeContext): kplus.Service {
  const { plan, meta, selector } = ctx;
  const port = plan.engine.port;
  const service = new kplus.Service(ctx.scope, 'Service', {
    metadata: objectMeta(meta, plan.name, { annotations: ROLE }),
    ports: [{ name: plan.engine.portName, port, targetPort: port, protocol: kplus.Protocol.TCP }],
  });
  for (const [k, v] of Object.entries(selector)) service.selectLabel(k, v);
  if (plan.engine.replication === ReplicationSupport.NONE && plan.replicas > 1) {
    // independent servers: one address for writes, or they diverge
    service.selectLabel('statefulset.kubernetes.io/pod-name', `${plan.name}-0`);
  }
  return service;
}

function renderStatefulSet(ctx: RuntimeContext): k8s.KubeStatefulSet {
  const { plan, meta, selector, image } = ctx;
  const podAnnotations = Object.keys(meta.annotations).length ? { ...meta.annotations } : undefined;
  const destroy = plan.removalPolicy === RemovalPolicy.DESTROY;
  return new KubeStatefulSetObject(ctx.scope, 'StatefulSet', {
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
        spec: podSpec(plan, selector, image),
      },
      volumeClaimTemplates: [{
        metadata: { name: plan.storage.claimName, labels: { ...meta.labels }, annotations: podAnnotations },
        spec: claimSpec(plan),
      }],
    },
  });
}

function podSpec(plan: DatabasePlan, selector: Record<string, string>, image: string): k8s.PodSpec {
  const engine = plan.engine;
  const scratch = scratchVolumes(engine.writableDirs);
  return {
    serviceAccountName: plan.name,
    automountServiceAccountToken: false,
    enableServiceLinks: false,
    terminationGracePeriodSeconds: plan.graceSeconds,
    securityContext: restrictedPod(engine.uid, engine.gid),
    ...spreadOverNodesAndZones(selector),
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
function renderDisruptionBudget(ctx: RuntimeContext): k8s.KubePodDisruptionBudget | undefined {
  const { plan, meta, selector } = ctx;
  if (plan.replicas <= 1) return undefined;
  return new KubePodDisruptionBudgetObject(ctx.scope, 'PodDisruptionBudget', {
    metadata: objectMeta(meta, plan.name),
    spec: { maxUnavailable: k8s.IntOrString.fromNumber(1), selector: { matchLabels: { ...selector } } },
  });
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

/**
 * The engine's literal env, the credentials from the Secret (an application user where the engine creates one, the
 * superuser otherwise), the database to create, then the user's literal env.
 */
function containerEnv(plan: DatabasePlan): k8s.EnvVar[] | undefined {
  const { engine, credentials: creds } = plan;
  const env: k8s.EnvVar[] = [];
  for (const [k, v] of Object.entries(engine.env)) env.push({ name: k, value: v });
  const fromSecret = (name: string, key: string): k8s.EnvVar => ({ name, valueFrom: { secretKeyRef: { name: creds!.secretName, key } } });
  if (creds?.usernameKey && engine.appUserEnv) {
    // an application user of its own: the superuser gets a random password and is not used by applications
    env.push(fromSecret(engine.appUserEnv, creds.usernameKey));
    if (engine.appPasswordEnv) env.push(fromSecret(engine.appPasswordEnv, creds.passwordKey));
    if (engine.randomRootPasswordEnv) env.push({ name: engine.randomRootPasswordEnv, value: '1' });
  } else {
    if (creds && engine.passwordEnv) env.push(fromSecret(engine.passwordEnv, creds.passwordKey));
    if (engine.usernameEnv) {
      if (creds?.usernameKey) env.push(fromSecret(engine.usernameEnv, creds.usernameKey));
      else if (engine.defaultUsername) env.push({ name: engine.usernameEnv, value: engine.defaultUsername });
    }
  }
  if (plan.database !== undefined && engine.databaseEnv) env.push({ name: engine.databaseEnv, value: plan.database });
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
