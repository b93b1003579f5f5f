import { ManifestObject, manifestObject, RuleContext } from './rule';
import { asArray, isObject, str } from '../core/values';
import { OPERATOR_SHAPES } from '../knowledge/operators';

/**
 * Where pod specs live in the workload kinds Kubernetes 1.27 knows, and how many pods each runs.
 * Only the built-in API groups count: a CRD that happens to be called `Job` (Volcano, ...) has another shape.
 */
interface PodKindShape {
  /** API groups the kind is served from ('' = core). */
  readonly groups: readonly string[];
  /** Path from the object root to the pod template (whose metadata and spec we read); empty for Pod. */
  readonly template: readonly string[];
  /** How many pods run at once: a number, or undefined for one per node. */
  replicas(obj: Record<string, any>): number | undefined;
}

function count(x: unknown, dflt: number): number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0 ? x : dflt;
}

function at(obj: unknown, path: readonly string[]): unknown {
  let cur: unknown = obj;
  for (const p of path) {
    if (!isObject(cur)) return undefined;
    cur = cur[p];
  }
  return cur;
}

const SHAPES: Record<string, PodKindShape> = {
  Pod: { groups: [''], template: [], replicas: () => 1 },
  PodTemplate: { groups: [''], template: ['template'], replicas: () => 0 },
  ReplicationController: { groups: [''], template: ['spec', 'template'], replicas: (o) => count(at(o, ['spec', 'replicas']), 1) },
  Deployment: { groups: ['apps', 'extensions'], template: ['spec', 'template'], replicas: (o) => count(at(o, ['spec', 'replicas']), 1) },
  ReplicaSet: { groups: ['apps', 'extensions'], template: ['spec', 'template'], replicas: (o) => count(at(o, ['spec', 'replicas']), 1) },
  StatefulSet: { groups: ['apps'], template: ['spec', 'template'], replicas: (o) => count(at(o, ['spec', 'replicas']), 1) },
  DaemonSet: { groups: ['apps', 'extensions'], template: ['spec', 'template'], replicas: () => undefined },
  Job: { groups: ['batch'], template: ['spec', 'template'], replicas: (o) => count(at(o, ['spec', 'parallelism']), 1) },
  CronJob: {
    groups: ['batch'],
    template: ['spec', 'jobTemplate', 'spec', 'template'],
    replicas: (o) => count(at(o, ['spec', 'jobTemplate', 'spec', 'parallelism']), 1),
  },
};

/** Kinds whose objects hold a pod spec. */
export const POD_KINDS: readonly string[] = Object.keys(SHAPES);
const SPEC_PATHS: Record<string, string> = Object.fromEntries(POD_KINDS.map((k) => [k, [...SHAPES[k].template, 'spec'].join('.')]));

/** A StatefulSet volumeClaimTemplate. */
export interface ClaimTemplate {
  /** `metadata.name` of the template: the volume name mounts refer to. */
  readonly name: string;
  /** The claim spec (an empty object when absent or malformed). */
  readonly spec: Record<string, any>;
}

/**
 * One pod spec found in an object set, with its owner and what the owner says about its pods.
 */
export interface PodSpecInfo {
  /** The object that holds the spec (a Pod, Deployment, CronJob, ...). */
  readonly owner: ManifestObject;
  /** The pod spec itself; always an object. */
  readonly spec: Record<string, any>;
  /** JSON path of the spec in the owner, e.g. `spec.template.spec`. */
  readonly path: string;
  /** Metadata of the pod template (of the Pod itself for a Pod); an empty object when absent. */
  readonly metadata: Record<string, any>;
  /** Labels of the pods (string values only). */
  readonly labels: Record<string, string>;
  /**
   * How many pods run at once: `spec.replicas` (default 1) of controllers, `parallelism` of Jobs, 1 for a Pod,
   * 0 for a PodTemplate; undefined for a DaemonSet (one per node).
   */
  readonly replicas: number | undefined;
  /** Whether one pod runs per node (DaemonSet). */
  readonly perNode: boolean;
  /** The owner's selector as written (undefined for Pods and PodTemplates). */
  readonly selector: unknown;
  /** StatefulSet volumeClaimTemplates (empty for other kinds). */
  readonly claimTemplates: ClaimTemplate[];
  /** Every container of the spec (containers, initContainers, ephemeralContainers), found once. */
  readonly containers: ContainerInfo[];
}

/** A container of a pod spec with where it sits. */
export interface ContainerInfo {
  /** The container; always an object. */
  readonly container: Record<string, any>;
  /** `containers`, `initContainers` or `ephemeralContainers`. */
  readonly list: 'containers' | 'initContainers' | 'ephemeralContainers';
  /** Its name, or `#<index>` when it has none. */
  readonly name: string;
  /** Path below the pod spec, e.g. `containers[0]`. */
  readonly path: string;
}

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

function stringLabels(x: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(x)) return out;
  for (const [key, v] of Object.entries(x)) if (typeof v === 'string') out[key] = v;
  return out;
}

/** The pod spec of one object, or undefined when the object holds none (or holds a malformed one). */
export function podSpecOf(o: ManifestObject): PodSpecInfo | undefined {
  const shape = Object.prototype.hasOwnProperty.call(SHAPES, o.kind) ? SHAPES[o.kind] : undefined;
  if (!shape || !shape.groups.includes(groupOf(o.apiVersion)) || !isObject(o.obj)) return undefined;
  const template = shape.template.length === 0 ? o.obj : at(o.obj, shape.template);
  if (!isObject(template) || !isObject(template.spec)) return undefined;
  const metadata = isObject(template.metadata) ? template.metadata : {};
  const claimTemplates: ClaimTemplate[] = [];
  if (o.kind === 'StatefulSet') {
    for (const t of asArray(at(o.obj, ['spec', 'volumeClaimTemplates']))) {
      const name = isObject(t) && isObject(t.metadata) ? str(t.metadata.name) : undefined;
      if (name !== undefined) claimTemplates.push({ name, spec: isObject(t.spec) ? t.spec : {} });
    }
  }
  let selector: unknown;
  if (o.kind === 'CronJob') selector = at(o.obj, ['spec', 'jobTemplate', 'spec', 'selector']);
  else if (o.kind !== 'Pod' && o.kind !== 'PodTemplate') selector = at(o.obj, ['spec', 'selector']);
  return {
    owner: o,
    spec: template.spec,
    path: SPEC_PATHS[o.kind],
    metadata,
    labels: stringLabels(metadata.labels),
    replicas: shape.replicas(o.obj),
    perNode: o.kind === 'DaemonSet',
    selector,
    claimTemplates,
    containers: containersOf(template.spec),
  };
}

/** Every pod spec in a set of objects, in input order. */
export function findPodSpecs(objects: readonly ManifestObject[]): PodSpecInfo[] {
  const result: PodSpecInfo[] = [];
  for (const o of objects) {
    if (!Object.prototype.hasOwnProperty.call(SHAPES, o.kind)) continue;
    const info = podSpecOf(o);
    if (info) result.push(info);
  }
  return result;
}

/**
 * Every pod spec in plain Kubernetes objects (as parsed from YAML or from `chart.toJson()`): for tests and audits
 * that do not go through the validator.
 */
export function findPodSpecsInJson(docs: readonly unknown[]): PodSpecInfo[] {
  const objects: ManifestObject[] = [];
  docs.forEach((obj, index) => {
    if (!isObject(obj)) return;
    const meta = isObject(obj.metadata) ? obj.metadata : {};
    objects.push(manifestObject({
      obj,
      apiVersion: str(obj.apiVersion) ?? '',
      kind: str(obj.kind) ?? '',
      name: str(meta.name) ?? '',
      namespace: str(meta.namespace),
      index,
    }));
  });
  return findPodSpecs(objects);
}

/** The pod specs of a rule context, found once and shared by every rule that looks at pods. */
export function podSpecs(ctx: RuleContext): PodSpecInfo[] {
  return ctx.memo(podSpecsInOrder);
}

function podSpecsInOrder(ctx: RuleContext): PodSpecInfo[] {
  return findPodSpecs(ctx.ofKind(...POD_KINDS)).sort((a, b) => a.owner.index - b.owner.index);
}

const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'] as const;

/** Every container of a pod spec (containers, then initContainers, then ephemeralContainers); non-objects are skipped. */
export function containersOf(spec: Record<string, any>): ContainerInfo[] {
  const result: ContainerInfo[] = [];
  for (const list of CONTAINER_LISTS) {
    const items = spec[list];
    if (!Array.isArray(items)) continue;
    for (let i = 0; i < items.length; i++) {
      const c = items[i];
      if (!isObject(c)) continue;
      result.push({ container: c, list, name: typeof c.name === 'string' ? c.name : `#${i}`, path: `${list}[${i}]` });
    }
  }
  return result;
}

/** Names of the volumes of a pod spec. */
export function volumeNames(spec: Record<string, any>): Set<string> {
  const names = new Set<string>();
  for (const v of asArray(spec.volumes)) {
    const n = isObject(v) ? str(v.name) : undefined;
    if (n !== undefined) names.add(n);
  }
  return names;
}

/**
 * A pod-level securityContext field as it applies to a container: the container's own value wins.
 */
export function effectiveSecurity(spec: Record<string, any>, container: Record<string, any>, field: string): unknown {
  const c = isObject(container.securityContext) ? container.securityContext[field] : undefined;
  if (c !== undefined && c !== null) return c;
  return isObject(spec.securityContext) ? spec.securityContext[field] : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Label selectors

/** Whether a label selector (`matchLabels` / `matchExpressions`) selects nothing specific: absent, `{}` or empty lists. */
export function isEmptySelector(selector: unknown): boolean {
  if (!isObject(selector)) return true;
  const ml = isObject(selector.matchLabels) ? Object.keys(selector.matchLabels).length : 0;
  return ml === 0 && asArray(selector.matchExpressions).length === 0;
}

/**
 * Whether a LabelSelector matches a set of labels. An empty selector matches everything, as in Kubernetes;
 * a malformed expression matches nothing.
 */
export function selectorMatches(selector: unknown, labels: Record<string, string>): boolean {
  if (!isObject(selector)) return true;
  if (isObject(selector.matchLabels)) {
    for (const [key, v] of Object.entries(selector.matchLabels)) if (labels[key] !== v) return false;
  }
  for (const e of asArray(selector.matchExpressions)) {
    if (!isObject(e)) return false;
    const key = str(e.key);
    if (key === undefined) return false;
    const values = asArray(e.values);
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    switch (e.operator) {
      case 'In': if (!has || !values.includes(labels[key])) return false; break;
      case 'NotIn': if (has && values.includes(labels[key])) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: return false;
    }
  }
  return true;
}

/** Whether an equality-based selector (a plain map, as on Services and ReplicationControllers) matches labels. */
export function mapSelectorMatches(selector: unknown, labels: Record<string, string>): boolean {
  if (!isObject(selector)) return false;
  for (const [key, v] of Object.entries(selector)) if (labels[key] !== v) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Pod Security Standards "restricted" (v1.27)
// Control list from https://kubernetes.io/docs/concepts/security/pod-security-standards/ (policy version v1.27),
// cross-checked against the behaviour of the pod-security-admission checks.

/** Volume types the restricted profile allows. */
export const RESTRICTED_VOLUME_TYPES: ReadonlySet<string> = new Set([
  'configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret',
]);

/** Sysctls the baseline profile allows at policy version v1.27 (net.ipv4.ip_local_reserved_ports was added in 1.27). */
export const SAFE_SYSCTLS: ReadonlySet<string> = new Set([
  'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_local_reserved_ports',
]);

const SELINUX_TYPES = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t']);
const APPARMOR_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

function seccompOk(profile: unknown): boolean | undefined {
  if (!isObject(profile) || profile.type === undefined || profile.type === null) return undefined;
  return profile.type === 'RuntimeDefault' || profile.type === 'Localhost';
}

/**
 * Checks a pod spec against the Pod Security Standards "restricted" profile of Kubernetes 1.27, which includes
 * every baseline control. Returns one message per violation (empty when the pod complies). Never throws.
 *
 * @param podSpec the pod spec (`spec` of a Pod, `spec.template.spec` of a Deployment, ...)
 * @param podMetadata the pod's metadata, for the AppArmor annotations (baseline)
 */
export function checkRestricted(podSpec: unknown, podMetadata?: unknown): string[] {
  const v: string[] = [];
  if (!isObject(podSpec)) return ['pod spec is not an object'];
  const spec = podSpec;
  const psc = isObject(spec.securityContext) ? spec.securityContext : {};
  const windows = isObject(spec.os) && spec.os.name === 'windows';
  const containers = containersOf(spec);

  // baseline: host namespaces
  for (const f of ['hostNetwork', 'hostPID', 'hostIPC']) if (spec[f] === true) v.push(`${f} is true (host namespaces are not allowed)`);

  // baseline: HostProcess
  if (isObject(psc.windowsOptions) && psc.windowsOptions.hostProcess === true) v.push('securityContext.windowsOptions.hostProcess is true');

  // baseline: SELinux, sysctls (pod level)
  checkSeLinux(psc.seLinuxOptions, 'securityContext', v);
  for (const s of asArray(psc.sysctls)) {
    const name = isObject(s) ? s.name : undefined;
    if (typeof name !== 'string' || !SAFE_SYSCTLS.has(name)) v.push(`securityContext.sysctls ${JSON.stringify(name)} is not a safe sysctl`);
  }

  // baseline: AppArmor annotations
  const ann = isObject(podMetadata) && isObject(podMetadata.annotations) ? podMetadata.annotations : {};
  for (const [key, value] of Object.entries(ann)) {
    if (!key.startsWith(APPARMOR_PREFIX)) continue;
    if (value !== 'runtime/default' && !(typeof value === 'string' && value.startsWith('localhost/'))) {
      v.push(`annotation ${key}: ${JSON.stringify(value)} is not runtime/default or localhost/*`);
    }
  }

  // restricted: volume types (baseline: no hostPath)
  asArray(spec.volumes).forEach((vol, i) => {
    if (!isObject(vol)) return;
    const name = str(vol.name) ?? `#${i}`;
    for (const key of Object.keys(vol)) {
      if (key === 'name' || vol[key] === undefined || vol[key] === null) continue;
      if (!RESTRICTED_VOLUME_TYPES.has(key)) {
        v.push(`volume ${name}: ${key} volumes are not allowed (only ${[...RESTRICTED_VOLUME_TYPES].join(', ')})`);
      }
    }
  });

  // restricted: runAsNonRoot at pod level, or on every container
  if (psc.runAsNonRoot === false) v.push('securityContext.runAsNonRoot is false');
  if (psc.runAsUser === 0) v.push('securityContext.runAsUser is 0 (root)');
  const podSeccomp = seccompOk(psc.seccompProfile);
  if (!windows && podSeccomp === false) v.push(`securityContext.seccompProfile.type ${JSON.stringify(psc.seccompProfile.type)} is not RuntimeDefault or Localhost`);

  for (const { container: c, name } of containers) {
    const sc = isObject(c.securityContext) ? c.securityContext : {};
    const where = `container ${name}`;
    // baseline
    if (sc.privileged === true) v.push(`${where}: securityContext.privileged is true`);
    if (isObject(sc.windowsOptions) && sc.windowsOptions.hostProcess === true) v.push(`${where}: securityContext.windowsOptions.hostProcess is true`);
    checkSeLinux(sc.seLinuxOptions, `${where}: securityContext`, v);
    if (sc.procMount !== undefined && sc.procMount !== null && sc.procMount !== 'Default') v.push(`${where}: securityContext.procMount ${JSON.stringify(sc.procMount)} is not Default`);
    asArray(c.ports).forEach((p, i) => {
      if (isObject(p) && p.hostPort !== undefined && p.hostPort !== null && p.hostPort !== 0) v.push(`${where}: ports[${i}].hostPort ${JSON.stringify(p.hostPort)} (host ports are not allowed)`);
    });
    // restricted
    if (sc.runAsNonRoot === false) v.push(`${where}: securityContext.runAsNonRoot is false`);
    else if (sc.runAsNonRoot !== true && psc.runAsNonRoot !== true) v.push(`${where}: runAsNonRoot is not true (set it in the pod or container securityContext)`);
    if (sc.runAsUser === 0) v.push(`${where}: securityContext.runAsUser is 0 (root)`);
    if (!windows) {
      if (sc.allowPrivilegeEscalation !== false) v.push(`${where}: securityContext.allowPrivilegeEscalation is not false`);
      const cs = seccompOk(sc.seccompProfile);
      if (cs === false) v.push(`${where}: securityContext.seccompProfile.type ${JSON.stringify(sc.seccompProfile.type)} is not RuntimeDefault or Localhost`);
      else if (cs === undefined && podSeccomp === undefined) v.push(`${where}: seccompProfile is not set (set type RuntimeDefault in the pod or container securityContext)`);
      const caps = isObject(sc.capabilities) ? sc.capabilities : {};
      if (!asArray(caps.drop).includes('ALL')) v.push(`${where}: securityContext.capabilities.drop does not include ALL`);
      for (const add of asArray(caps.add)) {
        if (add !== 'NET_BIND_SERVICE') v.push(`${where}: securityContext.capabilities.add ${JSON.stringify(add)} (only NET_BIND_SERVICE may be added)`);
      }
    }
  }
  return v;
}

function checkSeLinux(opts: unknown, where: string, v: string[]): void {
  if (!isObject(opts)) return;
  if (opts.type !== undefined && opts.type !== null && !SELINUX_TYPES.has(opts.type)) {
    v.push(`${where}.seLinuxOptions.type ${JSON.stringify(opts.type)} is not container_t, container_init_t or container_kvm_t`);
  }
  for (const f of ['user', 'role']) {
    if (opts[f] !== undefined && opts[f] !== null && opts[f] !== '') v.push(`${where}.seLinuxOptions.${f} must not be set`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Which workloads a label selector selects: indexed, built once per context (PDBs, NetworkPolicies, Services)

interface WorkloadIndex {
  /** Pod-bearing objects by namespace. */
  readonly byNamespace: Map<string, PodSpecInfo[]>;
  /** Pod-bearing objects by namespace, then label key, then label value of their pods (no key string built per lookup). */
  readonly byLabel: Map<string, Map<string, Map<string, PodSpecInfo[]>>>;
}

const NO_WORKLOADS: PodSpecInfo[] = [];

/** Pod-bearing objects (PodTemplates excluded: they run no pods) by namespace and by label. */
export function workloadIndex(ctx: RuleContext): WorkloadIndex {
  return ctx.memo(buildWorkloadIndex);
}

function buildWorkloadIndex(ctx: RuleContext): WorkloadIndex {
  const idx: WorkloadIndex = { byNamespace: new Map(), byLabel: new Map() };
  for (const info of podSpecs(ctx)) {
    if (info.owner.kind === 'PodTemplate') continue;
    const ns = ctx.namespaceOf(info.owner) ?? 'default';
    push(idx.byNamespace, ns, info);
    let byKey = idx.byLabel.get(ns);
    if (!byKey) idx.byLabel.set(ns, (byKey = new Map()));
    for (const key in info.labels) {
      let byValue = byKey.get(key);
      if (!byValue) byKey.set(key, (byValue = new Map()));
      push(byValue, info.labels[key], info);
    }
  }
  return idx;
}

/** Append to a list in a map of lists. */
export function push<K, V>(m: Map<K, V[]>, key: K, v: V): void {
  const list = m.get(key);
  if (list) list.push(v);
  else m.set(key, [v]);
}

/**
 * The workloads of a namespace that carry the rarest of some label pairs (all of them when no pair is given): the
 * only candidates a selector holding those pairs can select. Keys in `ignore` are skipped.
 */
function candidatesFor(idx: WorkloadIndex, ns: string, labels: Record<string, unknown> | undefined, ignore?: ReadonlySet<string>): PodSpecInfo[] {
  let candidates = idx.byNamespace.get(ns) ?? NO_WORKLOADS;
  if (!labels || candidates.length === 0) return candidates;
  const byKey = idx.byLabel.get(ns);
  for (const k in labels) {
    if (ignore?.has(k)) continue;
    const list = byKey?.get(k)?.get(String(labels[k])) ?? NO_WORKLOADS;
    if (list.length < candidates.length) candidates = list;
    if (candidates.length === 0) break;
  }
  return candidates;
}

/**
 * Workloads in a namespace whose pods a LabelSelector selects. With matchLabels, only the workloads carrying the
 * rarest of its label pairs are tested, so a thousand databases sharing `component: database` stay linear.
 */
export function workloadsSelectedBy(ctx: RuleContext, ns: string, selector: unknown): PodSpecInfo[] {
  const idx = workloadIndex(ctx);
  const matchLabels = isObject(selector) && isObject(selector.matchLabels) ? selector.matchLabels : undefined;
  const candidates = candidatesFor(idx, ns, matchLabels);
  if (candidates.length === 0) return NO_WORKLOADS;
  return candidates.filter((w) => selectorMatches(selector, w.labels));
}

/**
 * Whether the equality selector of a Service (a plain map) selects the pods of some workload of the namespace; keys
 * in `ignore` (labels the controllers add to pods, absent from templates) are not compared.
 */
export function mapSelectorSelectsAny(ctx: RuleContext, ns: string, selector: Record<string, unknown>, ignore: ReadonlySet<string>): boolean {
  for (const w of candidatesFor(workloadIndex(ctx), ns, selector, ignore)) {
    let all = true;
    for (const k in selector) {
      if (!ignore.has(k) && w.labels[k] !== selector[k]) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

/**
 * Whether a LabelSelector (or a Service's label map) selects the pods an operator runs for one of its cluster
 * resources among the objects (a CloudNativePG Cluster, a MariaDB, a MongoDBCommunity): those pods have no template
 * among the objects, only the labels the operator gives them. A selector with matchExpressions counts as selecting
 * them (not judged).
 */
export function selectsOperatorPods(ctx: RuleContext, ns: string, selector: unknown, mapSelector = false): boolean {
  const wanted = mapSelector ? selector : isObject(selector) ? selector.matchLabels : undefined;
  if (!mapSelector && isObject(selector) && asArray(selector.matchExpressions).length > 0) return operatorPodsIn(ctx, ns).length > 0;
  const labels = isObject(wanted) ? wanted : {};
  return operatorPodsIn(ctx, ns).some((pods) => Object.keys(labels).every((k) => pods[k] === labels[k]));
}

/** Pod labels of the operator clusters of a namespace. */
function operatorPodsIn(ctx: RuleContext, ns: string): Array<Record<string, string>> {
  return ctx.memo(operatorPodsByNamespace).get(ns) ?? [];
}

function operatorPodsByNamespace(ctx: RuleContext): Map<string, Array<Record<string, string>>> {
  const byNs = new Map<string, Array<Record<string, string>>>();
  for (const shape of OPERATOR_SHAPES) {
    for (const o of ctx.ofKind(shape.kind)) {
      if (o.apiVersion.split('/')[0] !== shape.group) continue;
      push(byNs, ctx.namespaceOf(o) ?? 'default', shape.podLabels(o.name));
    }
  }
  return byNs;
}
