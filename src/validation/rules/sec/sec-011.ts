import { hostPathVolumes } from './helpers';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { podSpecs } from '../../pod-spec';
import { Rule } from '../../rule';

/** Host system directories that give a container control of the node (kube-linter's sensitive-host-mounts set). */
const SENSITIVE_DIRS = new Set(['/', '/boot', '/dev', '/etc', '/lib', '/proc', '/sys', '/usr']);

/**
 * Container runtime sockets at the paths runtimes and distributions install them (Docker, containerd, CRI-O,
 * cri-dockerd, the dockershim, k3s and RKE2's containerd, Podman), and the directories that hold them: whoever
 * reaches one starts privileged containers on the node. Other sockets (a CSI plugin's, an application's) are not.
 */
const RUNTIME_SOCKETS = new Set([
  '/var/run/docker.sock', '/run/docker.sock',
  '/var/run/containerd/containerd.sock', '/run/containerd/containerd.sock',
  '/var/run/crio/crio.sock', '/run/crio/crio.sock',
  '/var/run/cri-dockerd.sock', '/run/cri-dockerd.sock', '/var/run/dockershim.sock', '/run/dockershim.sock',
  '/run/k3s/containerd/containerd.sock', '/var/run/k3s/containerd/containerd.sock',
  '/var/run/podman/podman.sock', '/run/podman/podman.sock',
]);
const RUNTIME_SOCKET_DIRS = new Set(['/run', '/var/run', '/run/containerd', '/var/run/containerd', '/run/crio', '/var/run/crio',
  '/run/k3s/containerd', '/var/run/k3s/containerd', '/run/podman', '/var/run/podman', '/var/lib/docker']);

/** A host path without repeated or trailing slashes (`/var//run/` is `/var/run`). */
function normalize(path: string): string {
  const p = path.replace(/\/+/g, '/');
  return p.length > 1 ? p.replace(/\/$/, '') : p;
}

/** What a host path gives the container, or undefined when it is not one of the sensitive ones. */
function sensitivity(path: string): string | undefined {
  const p = normalize(path);
  if (SENSITIVE_DIRS.has(p)) return `the sensitive host path ${path}`;
  if (RUNTIME_SOCKETS.has(p)) return `the container runtime socket ${path}`;
  if (RUNTIME_SOCKET_DIRS.has(p)) return `${path}, the host directory of the container runtime socket`;
  return undefined;
}

export const SEC_011: Rule = {
  id: 'SEC-011',
  severity: Severity.ERROR,
  family: RuleFamily.SECURITY,
  basis: RuleBasis.PRACTICE,
  what: 'Pods must not mount sensitive host paths (/, /boot, /dev, /etc, /lib, /proc, /sys, /usr) or a container runtime socket (docker.sock, containerd.sock, crio.sock, cri-dockerd.sock, ... at their known paths, or their directories).',
  why: 'These give the container control of the node: a runtime socket starts privileged containers, /etc and /proc rewrite the host.',
  fix: 'Remove the hostPath volume; talk to the runtime or node through an API with its own authorization.',
  check(ctx) {
    for (const info of podSpecs(ctx)) {
      for (const v of hostPathVolumes(info)) {
        const what = typeof v.path === 'string' ? sensitivity(v.path) : undefined;
        if (what) ctx.report(info.owner, `volume ${v.name} mounts ${what}`);
      }
    }
  },
};
