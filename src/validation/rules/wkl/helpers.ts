import { isObject } from '../../../core/values';
import { PodSpecInfo } from '../../pod-spec';

/** Whether a kind is a controller of the apps group, whose selector must select its template. */
export function isAppsController(kind: string): boolean {
  return ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'].includes(kind);
}

/** Whether a kind runs pods to completion. */
export function isJobKind(kind: string): boolean {
  return kind === 'Job' || kind === 'CronJob';
}

/** A value as JSON in a message, cut at 120 characters. */
export function show(x: unknown): string {
  const s = JSON.stringify(x);
  return s === undefined ? String(x) : s.length > 120 ? s.slice(0, 117) + '...' : s;
}

/** The job spec (Job.spec or CronJob.spec.jobTemplate.spec) of a pod spec's owner. */
export function jobSpecOf(info: PodSpecInfo): Record<string, any> | undefined {
  // podSpecOf found the pod template inside that spec, so it is an object; read defensively all the same (a rule
  // that throws becomes a VAL-002 finding instead of its own)
  const o = info.owner.obj;
  if (info.owner.kind === 'Job') return o.spec;
  if (info.owner.kind === 'CronJob') return o.spec?.jobTemplate?.spec;
  return undefined;
}

/** The spec of a pod spec's owner ({} when it has none). */
export function ownerSpec(info: PodSpecInfo): Record<string, any> {
  return isObject(info.owner.obj.spec) ? info.owner.obj.spec : {};
}

/** Whether an int-or-string is zero (0, "0", "0%"). */
export function isZero(x: unknown): boolean {
  return x === 0 || x === '0' || x === '0%';
}

/** The number of a percentage string ("50%" is 50), or undefined. */
export function percent(x: unknown): number | undefined {
  if (typeof x !== 'string') return undefined;
  const m = /^(\d+)%$/.exec(x);
  return m ? Number(m[1]) : undefined;
}

/**
 * Whether a pod spec's pods run until replaced (probes, spreading and isolation concern them): a long-running
 * controller, or a Pod restarted Always.
 */
export function isLongRunning(info: PodSpecInfo): boolean {
  if (!['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Pod'].includes(info.owner.kind)) return false;
  return info.owner.kind !== 'Pod' || info.spec.restartPolicy === undefined || info.spec.restartPolicy === 'Always';
}

/** The main containers of a pod spec (not init or ephemeral containers: probes and ports apply to these). */
export function mainContainers(info: PodSpecInfo): PodSpecInfo['containers'] {
  return info.containers.filter((c) => c.list === 'containers');
}

/**
 * Labels the controllers add to the pods they create, which selectors may use but pod templates never carry
 * (a Service selecting one StatefulSet pod by statefulset.kubernetes.io/pod-name).
 */
export const CONTROLLER_LABELS: ReadonlySet<string> = new Set([
  'statefulset.kubernetes.io/pod-name', 'apps.kubernetes.io/pod-index', 'controller-revision-hash', 'pod-template-hash',
  'batch.kubernetes.io/job-name', 'job-name', 'batch.kubernetes.io/controller-uid', 'controller-uid',
]);
