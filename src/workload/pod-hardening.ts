import { ApiObject, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { ALLOWED_ADDED_CAPABILITY, HardeningPlan, hardenPodSpec } from './pod-security';
import { POD_SECURITY_LABEL, POD_SECURITY_RESTRICTED } from '../core/conventions';
import { Problems } from '../core/problems';
import { isObject } from '../core/values';
import { GoldenPathValidation } from '../validation/app-validation';

/**
 * Options of {@link PodHardening.apply}.
 */
export interface PodHardeningOptions {
  /**
   * The user id the image runs as (its `USER`), e.g. 101 for `nginxinc/nginx-unprivileged`. Must not be 0: an image
   * that needs root cannot run under Pod Security "restricted". Find it with
   * `docker run --rm --entrypoint id <image>`.
   */
  readonly uid: number;
  /**
   * The group id the image runs as; also the pod's fsGroup (unless the pod sets one), so mounted volumes are
   * writable by it. Must not be 0.
   * @default - the uid
   */
  readonly gid?: number;
  /**
   * Absolute directories the containers write outside their volumes: each gets an emptyDir, since the root file
   * system becomes read-only. A container that already mounts something at a path keeps its own mount.
   * @default ['/tmp'] - where most programs write temporary files (nginx its pid file and buffers)
   */
  readonly writableDirs?: string[];
  /**
   * Whether the pods get a service-account token (only pods that call the Kubernetes API need one).
   * @default false - a stolen token is an API credential; a workload that set `automountServiceAccountToken: true`
   * is refused unless this asks for the token too
   * @see https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting
   */
  readonly automountServiceAccountToken?: boolean;
}

/** The workload kinds cdk8s-plus-27 builds pods for. */
const HARDENED_KINDS = 'Pod, Deployment, StatefulSet, DaemonSet, Job, CronJob';

/** Where the pod spec sits in the JSON of a workload kind cdk8s-plus-27 builds (undefined for other kinds). */
function podSpecPath(kind: string): readonly string[] | undefined {
  switch (kind) {
    case 'Pod': return ['spec'];
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job': return ['spec', 'template', 'spec'];
    case 'CronJob': return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
    default: return undefined;
  }
}

const HARDENED = Symbol.for('cdk8s-golden-paths.PodHardening');

/**
 * Hardens any cdk8s-plus-27 workload (Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod) to Pod Security
 * "restricted" in one call: seccomp RuntimeDefault, every capability dropped, non-root uid/gid, no privilege
 * escalation, a read-only root file system with an emptyDir for each directory named, and no service-account token
 * unless asked. cdk8s-plus-27 has no setting for seccomp nor a capability `ALL`, so the library writes them into
 * the pod spec itself at synth, after everything the app added to the workload (containers added after the call and
 * CronJob's nested template included), as a JSON patch of the workload's object: no JSON patch in the app.
 * Containers added after the first synth of the app are not hardened (and the validator then refuses them).
 * The pod template is labelled `golden-paths.dev/pod-security: restricted`, so the validator
 * holds it to "restricted" at synth (rule SEC-010).
 *
 * @example
 * const web = new kplus.Deployment(chart, 'web', { containers: [{ image: 'docker.io/nginxinc/nginx-unprivileged:1.27.3-alpine', portNumber: 8080 }] });
 * PodHardening.apply(web, { uid: 101, writableDirs: ['/tmp'] });
 *
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
 */
export class PodHardening {
  /**
   * Hardens the workload's pods. Refuses uid or gid 0, and settings of the workload that contradict "restricted"
   * (a container that runs as root, is privileged, allows privilege escalation, writes its root file system or
   * adds a capability other than NET_BIND_SERVICE; host networking; another pod user or group).
   *
   * @param workload a cdk8s-plus-27 Deployment, StatefulSet, DaemonSet, Job, CronJob or Pod
   * @param options the image's uid and gid, the directories it writes
   */
  public static apply(workload: kplus.AbstractPod, options: PodHardeningOptions): void {
    const problems = new Problems(workload instanceof Construct ? workload : 'PodHardening.apply');
    const target = hardeningTarget(problems, workload);
    problems.throwIfAny();
    const plan = planHardening(problems, options);
    checkWorkload(problems, workload, plan, isObject(options) && options.automountServiceAccountToken === true);
    problems.throwIfAny();
    const { apiObject, path } = target!;
    Object.defineProperty(workload, HARDENED, { value: true });
    workload.podMetadata.addLabel(POD_SECURITY_LABEL, POD_SECURITY_RESTRICTED);
    // Before the app's first render (at synth, after everything the app adds to the workload), the pod spec as
    // cdk8s-plus renders it is hardened and written back as a JSON patch of the workload's object.
    const validation = GoldenPathValidation.of(workload);
    validation._beforeRender(() => {
      // JSON patches apply before the typed serializer of cdk8s-plus's L1 classes: patch the object in that shape
      const spec = path.reduce((x: any, k) => x[k], ApiObject.prototype.toJson.call(apiObject));
      apiObject.addJsonPatch(JsonPatch.replace(`/${path.join('/')}`, hardenPodSpec(spec, plan!)));
    });
    validation._register(workload);
  }

  private constructor() {}
}

/** The workload's ApiObject and the path of its pod spec, or a problem saying what can be hardened. */
function hardeningTarget(problems: Problems, workload: unknown): { apiObject: ApiObject; path: readonly string[] } | undefined {
  if (!(workload instanceof Construct) || !isObject((workload as any).podMetadata) || !Array.isArray((workload as any).containers)) {
    problems.add('workload', workload, 'is not a cdk8s-plus-27 workload', `Pass a ${HARDENED_KINDS}.`);
    return undefined;
  }
  let apiObject: ApiObject;
  try {
    apiObject = ApiObject.of(workload);
  } catch {
    problems.add('workload', workload.node.path, 'has no Kubernetes object to harden', `Pass a ${HARDENED_KINDS}.`);
    return undefined;
  }
  const path = podSpecPath(apiObject.kind);
  if (!path) problems.add('workload', apiObject.kind, 'is not a kind PodHardening knows where to find the pod spec of', `Pass a ${HARDENED_KINDS}.`);
  if ((workload as any)[HARDENED]) {
    problems.add('workload', workload.node.path, 'is already hardened', 'Call PodHardening.apply once per workload, with all its writable directories.');
  }
  return path ? { apiObject, path } : undefined;
}

/** A user or group id a restricted pod may run as (0 refused with the reason). */
function checkId(problems: Problems, prop: string, id: unknown): boolean {
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id > 2147483647) {
    problems.add(prop, id, 'is not a user or group id (a whole number from 1 to 2147483647)', 'Use the id the image runs as, e.g. 101 for nginxinc/nginx-unprivileged (docker run --rm --entrypoint id <image>).');
    return false;
  }
  if (id === 0) {
    problems.add(prop, id, 'is root: Pod Security "restricted" refuses pods that run as root, and an image that needs root cannot be hardened',
      'Use an image built to run as a non-root user (e.g. docker.io/nginxinc/nginx-unprivileged instead of nginx) and pass its uid and gid.');
    return false;
  }
  return true;
}

/** Options checked into a plan (undefined when uid or gid is unusable). */
export function planHardening(problems: Problems, options: unknown): HardeningPlan | undefined {
  if (!isObject(options)) {
    problems.add('options', options, 'is required', 'Pass at least the image\'s uid, e.g. { uid: 101 }.');
    return undefined;
  }
  const o = options as PodHardeningOptions;
  const uidOk = checkId(problems, 'uid', o.uid);
  const gid = o.gid ?? o.uid;
  const gidOk = o.gid === undefined ? uidOk : checkId(problems, 'gid', o.gid);
  const writableDirs = checkWritableDirs(problems, 'writableDirs', o.writableDirs ?? ['/tmp']);
  if (o.automountServiceAccountToken !== undefined && typeof o.automountServiceAccountToken !== 'boolean') {
    problems.add('automountServiceAccountToken', o.automountServiceAccountToken, 'is not a boolean', 'Use true only for pods that call the Kubernetes API, else leave it out.');
  }
  if (!uidOk || !gidOk) return undefined;
  return { uid: o.uid, gid, writableDirs, automountServiceAccountToken: o.automountServiceAccountToken === true };
}

/** An absolute, normalized path other than `/`: no `//`, `/./`, `/../`, trailing `/` or control characters. */
export function isAbsoluteDir(dir: unknown): dir is string {
  return typeof dir === 'string' && /^\/[^\0]*[^/]$/.test(dir) && !/\/\.{0,2}\/|\/\.{1,2}$/.test(dir) && !/[\x00-\x1f]/.test(dir);
}

/** Absolute, normalized, distinct directories other than `/`. */
export function checkWritableDirs(problems: Problems, prop: string, dirs: unknown): string[] {
  if (!Array.isArray(dirs)) {
    problems.add(prop, dirs, 'is not a list of directories', 'Use e.g. [\'/tmp\'].');
    return [];
  }
  const distinct: string[] = [];
  dirs.forEach((dir, i) => {
    if (!isAbsoluteDir(dir)) {
      problems.add(`${prop}[${i}]`, dir, 'is not an absolute directory (a path like /tmp, without //, /./, /../ or a trailing /; not / itself)', 'Use e.g. \'/tmp\' or \'/var/cache/nginx\'.');
    } else if (distinct.includes(dir)) {
      problems.add(`${prop}[${i}]`, dir, 'is named twice', 'Name each directory once.');
    } else {
      distinct.push(dir);
    }
  });
  return distinct;
}

/** Settings of the workload (as built so far) that contradict "restricted" or the ids given. */
function checkWorkload(problems: Problems, w: kplus.AbstractPod, plan: HardeningPlan | undefined, tokenAsked: boolean): void {
  const psc = w.securityContext;
  if (plan && psc.user !== undefined && psc.user !== plan.uid) {
    problems.add('uid', plan.uid, `differs from the workload's securityContext.user (${psc.user})`, 'Pass the uid the image runs as and leave securityContext.user out (or set both to the same id).');
  }
  if (plan && psc.group !== undefined && psc.group !== plan.gid) {
    problems.add('gid', plan.gid, `differs from the workload's securityContext.group (${psc.group})`, 'Pass the gid the image runs as and leave securityContext.group out (or set both to the same id).');
  }
  if (psc.ensureNonRoot === false) problems.add('workload securityContext.ensureNonRoot', false, 'contradicts Pod Security "restricted"', 'Remove it.');
  if (w.hostNetwork === true) problems.add('workload hostNetwork', true, 'is not allowed under Pod Security "restricted"', 'Remove hostNetwork; expose the pod through a Service.');
  if (w.automountServiceAccountToken === true && !tokenAsked) {
    problems.add('workload automountServiceAccountToken', true, 'mounts a service-account token, but the hardening does not ask for one',
      'Pass automountServiceAccountToken: true to PodHardening.apply if the pod calls the Kubernetes API; else remove it from the workload.');
  }
  const containers = [...w.containers.map((c) => ({ c, kind: 'containers' })), ...w.initContainers.map((c) => ({ c, kind: 'initContainers' }))];
  for (const { c, kind } of containers) checkContainer(problems, `workload ${kind} ${c.name}`, c);
}

/** Container settings that contradict "restricted" (root, privileged, escalation, writable root, added capabilities). */
export function checkContainer(problems: Problems, where: string, c: kplus.Container): void {
  const sc = c.securityContext;
  if (sc.user === 0) {
    problems.add(`${where} securityContext.user`, 0, 'is root: Pod Security "restricted" refuses containers that run as root', 'Use an image that runs as a non-root user and remove user: 0.');
  }
  if (sc.privileged === true) problems.add(`${where} securityContext.privileged`, true, 'contradicts Pod Security "restricted"', 'Remove it.');
  if (sc.allowPrivilegeEscalation === true) problems.add(`${where} securityContext.allowPrivilegeEscalation`, true, 'contradicts Pod Security "restricted"', 'Remove it.');
  if (sc.readOnlyRootFilesystem === false) {
    problems.add(`${where} securityContext.readOnlyRootFilesystem`, false, 'contradicts the hardening (the root file system is read-only)', 'Remove it and name the directories the container writes in writableDirs.');
  }
  const added = Array.isArray(sc.capabilities?.add) ? sc.capabilities!.add.map(String) : [];
  const refused = added.filter((cap) => cap !== ALLOWED_ADDED_CAPABILITY && cap !== `CAP_${ALLOWED_ADDED_CAPABILITY}`);
  if (refused.length) {
    problems.add(`${where} securityContext.capabilities.add`, refused, `is not allowed under Pod Security "restricted" (only ${ALLOWED_ADDED_CAPABILITY})`, 'Remove them; listen on a port above 1024 instead of adding capabilities.');
  }
}
