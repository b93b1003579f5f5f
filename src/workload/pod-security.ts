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
    volumes.push({ name, emptyDir: {} });
    mounts.push({ name, mountPath: dir });
  });
  return { volumes, mounts };
}
