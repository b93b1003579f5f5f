import { MANAGED_BY_LABEL, MANAGED_BY_VALUE, POD_SECURITY_LABEL } from '../../core/conventions';
import { asArray, isObject, str } from '../../core/values';
import { RuleFamily, Severity } from '../finding';
import { PodSpecInfo, SAFE_SYSCTLS, checkRestricted, containersOf, effectiveSecurity, podSpecs } from '../pod-spec';
import { Rule, RuleContext } from '../rule';

/** Env var names that hold credentials. `*_FILE`, `*_PATH`, ... name where a secret is, not the secret. */
const SECRET_NAME = /PASSW(OR)?D|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL/i;
const SECRET_REFERENCE_SUFFIX = /_(FILE|PATH|DIR|NAME|REF)$/i;

/** Capabilities Pod Security "baseline" lets a container add. */
const BASELINE_CAPABILITIES = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP',
  'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

/** Host paths that give a container control of the node (kube-linter's sensitive-host-mounts and docker-sock sets). */
const SENSITIVE_HOST_PATHS = /^\/(boot|dev|etc|lib|proc|sys|usr)?\/?$|\.sock$/;

/** Whether the pod template is labelled for Pod Security "restricted" by this library. */
export function isRestrictedPod(info: PodSpecInfo): boolean {
  return info.labels[POD_SECURITY_LABEL] === 'restricted';
}

/** Whether the library emitted the object (managed-by label on the object or its pod template). */
export function isLibraryPod(info: PodSpecInfo): boolean {
  const meta = isObject(info.owner.obj.metadata) ? info.owner.obj.metadata : {};
  const labels = isObject(meta.labels) ? meta.labels : {};
  return labels[MANAGED_BY_LABEL] === MANAGED_BY_VALUE || info.labels[MANAGED_BY_LABEL] === MANAGED_BY_VALUE;
}

/**
 * Parses an image reference into its tag and digest. `registry:5000/app` has no tag: the colon is in the registry part.
 */
export function imageTag(image: string): { tag?: string; digest?: string } {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const name = at >= 0 ? image.slice(0, at) : image;
  const lastSlash = name.lastIndexOf('/');
  const colon = name.indexOf(':', lastSlash + 1);
  return { tag: colon >= 0 ? name.slice(colon + 1) : undefined, digest };
}

function forEachContainer(ctx: RuleContext, fn: (info: PodSpecInfo, c: ReturnType<typeof containersOf>[number]) => void): void {
  for (const info of podSpecs(ctx)) for (const c of info.containers) fn(info, c);
}

function hostPathVolumes(info: PodSpecInfo): Array<{ name: string; path: unknown }> {
  const result: Array<{ name: string; path: unknown }> = [];
  for (const v of asArray(info.spec.volumes)) {
    if (isObject(v) && isObject(v.hostPath)) result.push({ name: str(v.name) ?? '(unnamed)', path: v.hostPath.path });
  }
  return result;
}

/** Rules over Pod Security, secrets and privileges. */
export const SECURITY_RULES: Rule[] = [
  {
    id: 'SEC-001',
    severity: Severity.ERROR,
    family: RuleFamily.SECURITY,
    what: 'Environment variables named like credentials (*PASSWORD*, *SECRET*, *TOKEN*, *API_KEY*, *PRIVATE_KEY*, *CREDENTIAL*) must not hold a literal value.',
    why: 'A literal value is stored in plain text in the manifest, in git and in the object, readable by anyone who can read the workload.',
    fix: 'Put the value in a Secret and use valueFrom.secretKeyRef (or mount the Secret as a file).',
    check(ctx) {
      forEachContainer(ctx, (info, c) => {
        for (const e of asArray(c.container.env)) {
          if (!isObject(e)) continue;
          const name = str(e.name);
          const value = str(e.value);
          if (!name || !value || !SECRET_NAME.test(name) || SECRET_REFERENCE_SUFFIX.test(name)) continue;
          if (/^\$\([A-Za-z_][A-Za-z0-9_]*\)$/.test(value)) continue; // a reference to another variable
          ctx.report(info.owner, `container ${c.name}: env ${name} has a literal value; use valueFrom.secretKeyRef`);
        }
      });
    },
  },
  {
    id: 'SEC-002',
    severity: Severity.ERROR,
    family: RuleFamily.SECURITY,
    what: 'Containers must not run privileged.',
    why: 'A privileged container has every capability and all host devices: escaping to the node is trivial.',
    fix: 'Remove securityContext.privileged; add only the capability the process needs, if any.',
    check(ctx) {
      forEachContainer(ctx, (info, c) => {
        if (isObject(c.container.securityContext) && c.container.securityContext.privileged === true) {
          ctx.report(info.owner, `container ${c.name}: securityContext.privileged is true`);
        }
      });
    },
  },
  {
    id: 'SEC-003',
    severity: Severity.ERROR,
    family: RuleFamily.SECURITY,
    what: 'Containers must not set allowPrivilegeEscalation: true.',
    why: 'setuid binaries and file capabilities can then give the process more privileges than it started with.',
    fix: 'Set securityContext.allowPrivilegeEscalation: false.',
    check(ctx) {
      forEachContainer(ctx, (info, c) => {
        const sc = isObject(c.container.securityContext) ? c.container.securityContext : {};
        if (sc.allowPrivilegeEscalation === true && sc.privileged !== true) {
          ctx.report(info.owner, `container ${c.name}: securityContext.allowPrivilegeEscalation is true`);
        }
      });
    },
  },
  {
    id: 'SEC-004',
    severity: Severity.ERROR,
    family: RuleFamily.SECURITY,
    what: 'Containers must not run as root: no runAsUser 0 and no runAsNonRoot false (pod or container level).',
    why: 'Root in a container is root on the node after any container escape, and owns every file of the volumes it mounts.',
    fix: 'Set runAsNonRoot: true and a non-zero runAsUser (and fsGroup for volumes) in the securityContext.',
    check(ctx) {
      forEachContainer(ctx, (info, c) => {
        const user = effectiveSecurity(info.spec, c.container, 'runAsUser');
        const nonRoot = effectiveSecurity(info.spec, c.container, 'runAsNonRoot');
        if (user === 0) ctx.report(info.owner, `container ${c.name}: runs as runAsUser 0 (root)`);
        else if (nonRoot === false) ctx.report(info.owner, `container ${c.name}: runAsNonRoot is false`);
      });
    },
  },
  {
    id: 'SEC-005',
    severity: Severity.WARNING,
    family: RuleFamily.SECURITY,
    what: 'Containers should set runAsNonRoot: true (or a non-zero runAsUser).',
    why: 'Without it the image decides the user, and many images run as root.',
    fix: 'Set runAsNonRoot: true and runAsUser to the image\'s unprivileged uid in the pod securityContext.',
    check(ctx) {
      forEachContainer(ctx, (info, c) => {
        const user = effectiveSecurity(info.spec, c.container, 'runAsUser');
        const nonRoot = effectiveSecurity(info.spec, c.container, 'runAsNonRoot');
        if (nonRoot === undefined && !(typeof user === 'number' && user > 0)) {
          ctx.report(info.owner, `container ${c.name}: runAsNonRoot is not set; the image decides whether it runs as root`);
        }
      });
    },
  },
  {
    id: 'SEC-006',
    severity: Severity.WARNING,
    family: RuleFamily.SECURITY,
    what: 'Pods should not use hostPath volumes.',
    why: 'A hostPath volume exposes the node\'s file system, ties the pod\'s data to one node and is lost when the pod moves.',
    fix: 'Use a PersistentVolumeClaim (a static PV for dev clusters, as SharedRwxVolume\'s dev backend does), emptyDir, or a ConfigMap/Secret.',
    check(ctx) {
      for (const info of podSpecs(ctx)) {
        for (const v of hostPathVolumes(info)) ctx.report(info.owner, `volume ${v.name} is a hostPath (${show(v.path)})`);
      }
    },
  },
  {
    id: 'SEC-007',
    severity: Severity.ERROR,
    family: RuleFamily.SECURITY,
    what: 'Pods must not share the node\'s namespaces (hostNetwork, hostPID, hostIPC).',
    why: 'They let the pod see and reach every process, socket and shared memory segment of the node.',
    fix: 'Remove hostNetwork, hostPID and hostIPC; expose ports through a Service.',
    check(ctx) {
      for (const info of podSpecs(ctx)) {
        const on = ['hostNetwork', 'hostPID', 'hostIPC'].filter((f) => info.spec[f] === true);
        if (on.length) ctx.report(info.owner, `${on.join(', ')} ${on.length > 1 ? 'are' : 'is'} true`);
      }
    },
  },
  {
    id: 'SEC-008',
    severity: Severity.WARNING,
    family: RuleFamily.SECURITY,
    what: 'Images should be pinned: a tag other than latest, or a digest (an error for pods labelled for Pod Security restricted by this library).',
    why: 'latest or no tag pulls whatever was pushed last: two nodes can run different code and a rollback is impossible.',
    fix: 'Use an explicit version tag, ideally with its digest (image:1.2.3@sha256:...).',
    check(ctx) {
      forEachContainer(ctx, (info, c) => {
        const image = str(c.container.image);
        if (!image) return;
        const { tag, digest } = imageTag(image);
        if (digest) return;
        if (tag === undefined || tag === 'latest') {
          ctx.report(info.owner, `container ${c.name}: image ${image} ${tag ? 'uses the latest tag' : 'has no tag (pulls latest)'}`,
            { severity: isRestrictedPod(info) ? Severity.ERROR : Severity.WARNING });
        }
      });
    },
  },
  {
    id: 'SEC-009',
    severity: Severity.ERROR,
    family: RuleFamily.SECURITY,
    what: 'Pods this library emits must not mount a service account token: automountServiceAccountToken false on the pod (or its ServiceAccount).',
    why: 'A mounted token lets anyone who breaks into the container call the Kubernetes API as the pod.',
    fix: 'Set automountServiceAccountToken: false in the pod spec; mount a projected token only where the process needs the API.',
    check(ctx) {
      for (const info of podSpecs(ctx)) {
        if (!isLibraryPod(info) || info.owner.kind === 'PodTemplate') continue;
        const v = info.spec.automountServiceAccountToken;
        if (v === false) continue;
        if (v === undefined || v === null) {
          const saName = str(info.spec.serviceAccountName) ?? str(info.spec.serviceAccount) ?? 'default';
          const sa = ctx.get('ServiceAccount', ctx.namespaceOf(info.owner), saName);
          if (sa && sa.obj.automountServiceAccountToken === false) continue;
        }
        ctx.report(info.owner, `${info.path}.automountServiceAccountToken is ${v === true ? 'true' : 'not false'}: the service account token is mounted`);
      }
    },
  },
  {
    id: 'SEC-010',
    severity: Severity.ERROR,
    family: RuleFamily.SECURITY,
    what: `Pods labelled ${POD_SECURITY_LABEL}: restricted must meet Pod Security Standards "restricted" (Kubernetes 1.27).`,
    why: 'The library promises restricted pods: a namespace enforcing restricted rejects any other, and each control closes a known privilege escalation.',
    fix: 'Fix each listed violation (runAsNonRoot, allowPrivilegeEscalation false, capabilities drop ALL, seccompProfile RuntimeDefault, allowed volume types).',
    check(ctx) {
      for (const info of podSpecs(ctx)) {
        if (!isRestrictedPod(info)) continue;
        const violations = checkRestricted(info.spec, info.metadata);
        if (violations.length) {
          ctx.report(info.owner, `not Pod Security restricted: ${violations.join('; ')}`);
        }
      }
    },
  },
  {
    id: 'SEC-011',
    severity: Severity.ERROR,
    family: RuleFamily.SECURITY,
    what: 'Pods must not mount sensitive host paths (/, /boot, /dev, /etc, /lib, /proc, /sys, /usr) or a container runtime socket (*.sock).',
    why: 'These give the container control of the node: a runtime socket starts privileged containers, /etc and /proc rewrite the host.',
    fix: 'Remove the hostPath volume; talk to the runtime or node through an API with its own authorization.',
    check(ctx) {
      for (const info of podSpecs(ctx)) {
        for (const v of hostPathVolumes(info)) {
          if (typeof v.path === 'string' && SENSITIVE_HOST_PATHS.test(v.path)) {
            ctx.report(info.owner, `volume ${v.name} mounts the sensitive host path ${v.path}`);
          }
        }
      }
    },
  },
  {
    id: 'SEC-012',
    severity: Severity.ERROR,
    family: RuleFamily.SECURITY,
    what: 'Containers must not add capabilities beyond the Pod Security baseline set (SYS_ADMIN, NET_ADMIN, NET_RAW, ALL, ...).',
    why: 'These capabilities break container isolation (SYS_ADMIN is close to root on the node; NET_RAW allows spoofing).',
    fix: 'Remove the capability from securityContext.capabilities.add; only NET_BIND_SERVICE is needed for ports below 1024.',
    check(ctx) {
      forEachContainer(ctx, (info, c) => {
        const caps = isObject(c.container.securityContext) && isObject(c.container.securityContext.capabilities)
          ? c.container.securityContext.capabilities : {};
        for (const cap of asArray(caps.add)) {
          if (typeof cap !== 'string' || !BASELINE_CAPABILITIES.has(cap)) {
            ctx.report(info.owner, `container ${c.name}: capabilities.add ${show(cap)} is not allowed by Pod Security baseline`);
          }
        }
      });
    },
  },
  {
    id: 'SEC-013',
    severity: Severity.WARNING,
    family: RuleFamily.SECURITY,
    what: 'Containers should drop NET_RAW (best: drop ALL).',
    why: 'NET_RAW is granted by default by most runtimes and lets a compromised container craft packets to spoof or sniff its neighbours.',
    fix: 'Set securityContext.capabilities.drop: [ALL] and add back only what the process needs.',
    check(ctx) {
      forEachContainer(ctx, (info, c) => {
        const caps = isObject(c.container.securityContext) && isObject(c.container.securityContext.capabilities)
          ? c.container.securityContext.capabilities : {};
        const drop = asArray(caps.drop);
        if (!drop.includes('ALL') && !drop.includes('NET_RAW')) {
          ctx.report(info.owner, `container ${c.name}: capabilities.drop includes neither ALL nor NET_RAW`);
        }
      });
    },
  },
  {
    id: 'SEC-014',
    severity: Severity.WARNING,
    family: RuleFamily.SECURITY,
    what: 'Pods should set only safe sysctls (the Pod Security baseline list).',
    why: 'Unsafe sysctls affect the whole node; the kubelet rejects the pod (SysctlForbidden) unless the node explicitly allows them.',
    fix: `Remove the sysctl, or use only ${[...SAFE_SYSCTLS].join(', ')}.`,
    check(ctx) {
      for (const info of podSpecs(ctx)) {
        const sc = isObject(info.spec.securityContext) ? info.spec.securityContext : {};
        for (const s of asArray(sc.sysctls)) {
          const name = isObject(s) ? s.name : undefined;
          if (typeof name === 'string' && !SAFE_SYSCTLS.has(name)) ctx.report(info.owner, `sysctl ${name} is not a safe sysctl`);
        }
      }
    },
  },
  {
    id: 'SEC-015',
    severity: Severity.WARNING,
    family: RuleFamily.SECURITY,
    what: 'Containers should run with readOnlyRootFilesystem: true.',
    why: 'A writable root file system lets an attacker drop tools and persist changes; data belongs on volumes anyway.',
    fix: 'Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where the process writes scratch files (/tmp).',
    check(ctx) {
      forEachContainer(ctx, (info, c) => {
        if (c.list === 'ephemeralContainers') return;
        const sc = isObject(c.container.securityContext) ? c.container.securityContext : {};
        if (sc.readOnlyRootFilesystem !== true) ctx.report(info.owner, `container ${c.name}: readOnlyRootFilesystem is not true`);
      });
    },
  },
  {
    id: 'SEC-016',
    severity: Severity.WARNING,
    family: RuleFamily.SECURITY,
    what: 'Containers should not expose port 22 (SSH) or bind host ports.',
    why: 'An SSH server in a container is an unmanaged way in; a hostPort opens the port on the node outside any Service or NetworkPolicy and limits scheduling.',
    fix: 'Use kubectl exec instead of SSH; expose ports through a Service instead of hostPort.',
    check(ctx) {
      forEachContainer(ctx, (info, c) => {
        for (const p of asArray(c.container.ports)) {
          if (!isObject(p)) continue;
          const tcp = p.protocol === undefined || p.protocol === 'TCP';
          if (p.containerPort === 22 && tcp) ctx.report(info.owner, `container ${c.name}: exposes port 22 (SSH)`);
          if (typeof p.hostPort === 'number' && p.hostPort !== 0) ctx.report(info.owner, `container ${c.name}: binds hostPort ${p.hostPort}`);
        }
      });
    },
  },
];

function show(x: unknown): string {
  return JSON.stringify(x) ?? String(x);
}
