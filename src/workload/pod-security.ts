import { k8s } from 'cdk8s-plus-27';

/**
 * Pod Security "restricted", as the library writes it for every pod it emits.
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
 */

/** Container security context for a non-root uid/gid: no privilege, no capabilities, read-only root, RuntimeDefault seccomp. */
export function restrictedContainer(uid: number, gid: number): k8s.SecurityContext {
  return {
    runAsNonRoot: true,
    runAsUser: uid,
    runAsGroup: gid,
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    privileged: false,
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/** Pod security context for a non-root uid/gid; the gid is also the fsGroup, so volumes are writable by it. */
export function restrictedPod(uid: number, gid: number): k8s.PodSecurityContext {
  return {
    runAsNonRoot: true,
    runAsUser: uid,
    runAsGroup: gid,
    fsGroup: gid,
    fsGroupChangePolicy: 'OnRootMismatch',
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/** An emptyDir per directory a container writes outside its volumes (its root file system is read-only). */
export function scratchVolumes(dirs: readonly string[]): { volumes: k8s.Volume[]; mounts: k8s.VolumeMount[] } {
  const volumes: k8s.Volume[] = [];
  const mounts: k8s.VolumeMount[] = [];
  dirs.forEach((dir, i) => {
    const name = `scratch-${i}`;
    volumes.push({ emptyDir: {}, name });
    mounts.push({ name, mountPath: dir });
  });
  return { volumes, mounts };
}

// ---------------------------------------------------------------------------------------------------------------
// Hardening a pod spec someone else built (a cdk8s-plus workload, or the containers of a StatefulWorkload)

/** What a hardened pod runs as and may write. */
export interface HardeningPlan {
  /** The image's non-root user id. */
  readonly uid: number;
  /** The image's non-root group id; also the fsGroup unless the pod sets one. */
  readonly gid: number;
  /** Directories written outside volumes: an emptyDir each (the root file system is read-only). */
  readonly writableDirs: readonly string[];
  /** Whether the pod gets a service-account token. */
  readonly automountServiceAccountToken: boolean;
}

/** The only capability Pod Security "restricted" lets a container add. */
export const ALLOWED_ADDED_CAPABILITY = 'NET_BIND_SERVICE';

/** A copy of an object with its keys in code-point order (the order cdk8s writes Kubernetes objects in). */
function sorted<T extends Record<string, any>>(obj: T): T {
  const out: Record<string, any> = {};
  for (const k of Object.keys(obj).sort()) if (obj[k] !== undefined) out[k] = obj[k];
  return out as T;
}

function objectOr(x: unknown): Record<string, any> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? x as Record<string, any> : {};
}

/** A seccomp profile "restricted" accepts (RuntimeDefault, or a Localhost profile given), else RuntimeDefault. */
function seccomp(profile: unknown): Record<string, any> {
  const p = objectOr(profile);
  return p.type === 'Localhost' || p.type === 'RuntimeDefault' ? p : { type: 'RuntimeDefault' };
}

/** The pod security context made restricted: non-root uid/gid, fsGroup, RuntimeDefault seccomp; other fields kept. */
export function hardenPodSecurityContext(existing: unknown, plan: HardeningPlan): Record<string, any> {
  const sc = objectOr(existing);
  return sorted({
    ...sc,
    runAsNonRoot: true,
    runAsUser: plan.uid,
    runAsGroup: plan.gid,
    fsGroup: sc.fsGroup ?? plan.gid,
    // OnRootMismatch: a large volume is not chowned again at every start
    fsGroupChangePolicy: sc.fsGroupChangePolicy ?? 'OnRootMismatch',
    seccompProfile: seccomp(sc.seccompProfile),
  });
}

/**
 * A container security context made restricted: no privilege or escalation, every capability dropped (only
 * NET_BIND_SERVICE may stay added), read-only root, non-root (its own user when it names one, else the pod's).
 */
export function hardenContainerSecurityContext(existing: unknown, plan: HardeningPlan): Record<string, any> {
  const sc = objectOr(existing);
  const caps = objectOr(sc.capabilities);
  // cdk8s-plus-27 spells capabilities CAP_*: NET_BIND_SERVICE is the one "restricted" lets stay, as Kubernetes spells it
  const add = Array.isArray(caps.add) && caps.add.some((c: unknown) => c === ALLOWED_ADDED_CAPABILITY || c === `CAP_${ALLOWED_ADDED_CAPABILITY}`)
    ? [ALLOWED_ADDED_CAPABILITY] : [];
  return sorted({
    ...sc,
    runAsNonRoot: true,
    runAsUser: sc.runAsUser ?? plan.uid,
    runAsGroup: sc.runAsGroup ?? plan.gid,
    allowPrivilegeEscalation: false,
    privileged: false,
    readOnlyRootFilesystem: true,
    capabilities: sorted({ ...caps, drop: ['ALL'], add: add.length ? add : undefined }),
    seccompProfile: sc.seccompProfile === undefined ? undefined : seccomp(sc.seccompProfile),
  });
}

/** Volume name of a writable directory: the path as a DNS label (`/var/cache/nginx` -> `var-cache-nginx`), unique in the pod. */
function writableVolumeName(dir: string, taken: Set<string>): string {
  const base = (dir.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'writable').slice(0, 50).replace(/-+$/, '');
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  taken.add(name);
  return name;
}

/**
 * A pod spec (typed `k8s.PodSpec` or its JSON: the fields touched are spelled the same) made Pod Security
 * "restricted": pod and container security contexts, the service-account token, and an emptyDir for each
 * writable directory in every container that does not already mount something there. Returns a new spec.
 */
export function hardenPodSpec(spec: Record<string, any>, plan: HardeningPlan): Record<string, any> {
  const volumes: any[] = Array.isArray(spec.volumes) ? [...spec.volumes] : [];
  const taken = new Set<string>(volumes.map((v) => objectOr(v).name));
  const dirVolumes = new Map<string, string>();
  const volumeFor = (dir: string): string => {
    let name = dirVolumes.get(dir);
    if (name === undefined) {
      name = writableVolumeName(dir, taken);
      dirVolumes.set(dir, name);
      volumes.push({ emptyDir: {}, name });
    }
    return name;
  };
  const harden = (c: unknown) => {
    const container = objectOr(c);
    const mounts: any[] = Array.isArray(container.volumeMounts) ? [...container.volumeMounts] : [];
    for (const dir of plan.writableDirs) {
      if (!mounts.some((m) => objectOr(m).mountPath === dir)) mounts.push({ mountPath: dir, name: volumeFor(dir) });
    }
    return sorted({
      ...container,
      securityContext: hardenContainerSecurityContext(container.securityContext, plan),
      volumeMounts: mounts.length ? mounts : undefined,
    });
  };
  const containers = Array.isArray(spec.containers) ? spec.containers.map(harden) : spec.containers;
  const initContainers = Array.isArray(spec.initContainers) ? spec.initContainers.map(harden) : spec.initContainers;
  return sorted({
    ...spec,
    automountServiceAccountToken: plan.automountServiceAccountToken,
    securityContext: hardenPodSecurityContext(spec.securityContext, plan),
    containers,
    initContainers,
    volumes: volumes.length ? volumes : undefined,
  });
}

/**
 * Where the pods of a StatefulSet go: preferably one per node, and spread evenly over zones (both soft, so a small
 * cluster still schedules them). Shared by StatefulWorkload and the single-instance StatefulDatabase.
 */
export function spreadOverNodesAndZones(selector: Record<string, string>): Pick<k8s.PodSpec, 'affinity' | 'topologySpreadConstraints'> {
  return {
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
  };
}
