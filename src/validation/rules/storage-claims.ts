import { PersistentVolumeAccessMode } from 'cdk8s-plus-27';
import { formatBytes, GIB, parseQuantity } from '../../core/quantity';
import { asArray, isObject, str } from '../../core/values';
import { accessModesFor, NO_PROVISIONER, StorageCatalog, StorageSystemInfo } from '../../knowledge/storage/catalog';
import { SizeGranularity, StorageKind } from '../../knowledge/storage/types';
import { RuleFamily, Severity } from '../finding';
import { ManifestObject, Rule, RuleContext } from '../rule';

/** A claim under validation: a PersistentVolumeClaim or one volumeClaimTemplate of a StatefulSet. */
interface Claim {
  /** The object findings are reported on. */
  readonly target: ManifestObject;
  readonly spec: any;
  readonly name: string;
  readonly namespace: string;
  /** Message prefix that says which claim (empty for a PVC object). */
  readonly where: string;
  readonly isTemplate: boolean;
}

const claimCache = new WeakMap<RuleContext, readonly Claim[]>();

/** The claims of a context, found once and shared by the claim rules (which only read the list). */
function claimsOf(ctx: RuleContext): readonly Claim[] {
  let cached = claimCache.get(ctx);
  if (!cached) claimCache.set(ctx, (cached = findClaims(ctx)));
  return cached;
}

function findClaims(ctx: RuleContext): Claim[] {
  const result: Claim[] = [];
  for (const o of ctx.ofKind('PersistentVolumeClaim')) {
    result.push({ target: o, spec: isObject(o.obj.spec) ? o.obj.spec : {}, name: o.name, namespace: ctx.namespaceOf(o) ?? 'default', where: '', isTemplate: false });
  }
  for (const o of ctx.ofKind('StatefulSet')) {
    asArray(isObject(o.obj.spec) ? o.obj.spec.volumeClaimTemplates : undefined).forEach((t, i) => {
      const name = str(isObject(t) && isObject(t.metadata) ? t.metadata.name : undefined) ?? `#${i}`;
      result.push({
        target: o,
        spec: isObject(t) && isObject(t.spec) ? t.spec : {},
        name,
        namespace: ctx.namespaceOf(o) ?? 'default',
        where: `volumeClaimTemplates[${i}] ${name}: `,
        isTemplate: true,
      });
    });
  }
  return result;
}

function pvSpec(o: ManifestObject): any {
  return isObject(o.obj.spec) ? o.obj.spec : {};
}

/** PV spec fields that are not a volume source. */
const PV_NON_SOURCE = new Set([
  'accessModes', 'capacity', 'claimRef', 'mountOptions', 'nodeAffinity', 'persistentVolumeReclaimPolicy', 'storageClassName',
  'volumeMode', 'volumeAttributesClassName',
]);

/** The volume source keys of a PV spec (`nfs`, `csi`, `hostPath`, ...). */
function sourcesOf(spec: any): string[] {
  return Object.keys(spec).filter((k) => !PV_NON_SOURCE.has(k) && spec[k] !== undefined && spec[k] !== null);
}

/** The storage system behind a PV: its CSI driver, or its in-tree volume plugin. */
function systemOfPv(spec: any): StorageSystemInfo | undefined {
  if (isObject(spec.csi)) {
    const driver = str(spec.csi.driver);
    return driver ? StorageCatalog.forProvisioner(driver) : undefined;
  }
  for (const key of sourcesOf(spec)) {
    const s = StorageCatalog.forInTreePlugin(key);
    if (s) return s;
  }
  return undefined;
}

function modesOf(spec: any): unknown[] {
  return asArray(spec.accessModes);
}

function requestOf(spec: any): unknown {
  return isObject(spec.resources) && isObject(spec.resources.requests) ? spec.resources.requests.storage : undefined;
}

function pvClass(spec: any): string {
  return typeof spec.storageClassName === 'string' ? spec.storageClassName : '';
}

function volumeModeOf(spec: any): string {
  return typeof spec.volumeMode === 'string' ? spec.volumeMode : 'Filesystem';
}

const SHARED = new Set<string>([PersistentVolumeAccessMode.READ_WRITE_MANY, PersistentVolumeAccessMode.READ_ONLY_MANY]);
const KNOWN_MODES = new Set<string>(Object.values(PersistentVolumeAccessMode));

function sharedAlternatives(): string {
  return StorageCatalog.sharedFileSystems().map((s) => s.name).join(', ');
}

/** Whether Kubernetes version a (e.g. "1.26") is at most b. */
function minorAtMost(a: string, b: string): boolean {
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1 < b1 || (a1 === b1 && a2 <= b2);
}

/** Kubernetes version the library targets. */
const TARGET = '1.27';

/** Volume types whose kubelet plugin refuses mount options (the mount fails: "mount options are not supported for this volume type"). */
const NO_MOUNT_OPTIONS = ['hostPath'];

/** A static pair: a claim and the PV it names by volumeName, or that names it by claimRef. */
interface Pair {
  readonly claim: Claim;
  readonly pv: ManifestObject;
}

function staticPairs(ctx: RuleContext): Pair[] {
  const pairs: Pair[] = [];
  const seen = new Set<string>();
  const claims = claimsOf(ctx).filter((c) => !c.isTemplate);
  for (const c of claims) {
    const vn = str(c.spec.volumeName);
    const pv = vn ? ctx.get('PersistentVolume', undefined, vn) : undefined;
    if (pv) {
      pairs.push({ claim: c, pv });
      seen.add(`${c.namespace}/${c.name}|${pv.name}`);
    }
  }
  for (const pv of ctx.ofKind('PersistentVolume')) {
    const ref = pvSpec(pv).claimRef;
    if (!isObject(ref) || typeof ref.name !== 'string' || typeof ref.namespace !== 'string') continue;
    const c = claims.find((x) => x.name === ref.name && x.namespace === ref.namespace);
    if (c && !seen.has(`${c.namespace}/${c.name}|${pv.name}`)) pairs.push({ claim: c, pv });
  }
  return pairs;
}

/** Rules over PersistentVolumeClaims (and StatefulSet volumeClaimTemplates) and PersistentVolumes. */
export const STORAGE_CLAIM_RULES: Rule[] = [
  // ---- API-server parity ----
  {
    id: 'API-010',
    severity: Severity.ERROR,
    family: RuleFamily.API_SERVER,
    what: 'A PersistentVolumeClaim (or claim template) and a PersistentVolume need at least one access mode.',
    why: 'The API server rejects claims and volumes without accessModes ("at least 1 access mode is required").',
    fix: 'Set accessModes, e.g. [ReadWriteOnce] for one node or [ReadWriteMany] on a file storage system.',
    check(ctx) {
      for (const c of claimsOf(ctx)) {
        if (modesOf(c.spec).length === 0) ctx.report(c.target, `${c.where}accessModes is empty or missing`);
      }
      for (const pv of ctx.ofKind('PersistentVolume')) {
        if (modesOf(pvSpec(pv)).length === 0) ctx.report(pv, 'accessModes is empty or missing');
      }
    },
  },
  {
    id: 'API-011',
    severity: Severity.ERROR,
    family: RuleFamily.API_SERVER,
    what: 'ReadWriteOncePod must be the only access mode of a claim or volume.',
    why: 'The API server rejects ReadWriteOncePod combined with any other access mode.',
    fix: 'Use [ReadWriteOncePod] alone, or drop it.',
    check(ctx) {
      const rwop = (modes: unknown[]) => modes.includes(PersistentVolumeAccessMode.READ_WRITE_ONCE_POD) && modes.length > 1;
      for (const c of claimsOf(ctx)) {
        if (rwop(modesOf(c.spec))) ctx.report(c.target, `${c.where}accessModes ${JSON.stringify(modesOf(c.spec))} combine ReadWriteOncePod with other modes`);
      }
      for (const pv of ctx.ofKind('PersistentVolume')) {
        if (rwop(modesOf(pvSpec(pv)))) ctx.report(pv, `accessModes ${JSON.stringify(modesOf(pvSpec(pv)))} combine ReadWriteOncePod with other modes`);
      }
    },
  },
  {
    id: 'API-012',
    severity: Severity.ERROR,
    family: RuleFamily.API_SERVER,
    what: 'A claim must request storage (resources.requests.storage), more than zero.',
    why: 'The API server rejects claims without a storage request or with a request of zero.',
    fix: 'Set resources.requests.storage, e.g. 10Gi.',
    check(ctx) {
      for (const c of claimsOf(ctx)) {
        const req = requestOf(c.spec);
        if (req === undefined || req === null) {
          ctx.report(c.target, `${c.where}resources.requests.storage is missing`);
          continue;
        }
        const n = parseQuantity(req);
        if (n !== undefined && n <= 0) ctx.report(c.target, `${c.where}resources.requests.storage ${JSON.stringify(req)} is not more than zero`);
      }
    },
  },
  {
    id: 'API-013',
    severity: Severity.ERROR,
    family: RuleFamily.API_SERVER,
    what: 'Access modes must be ReadWriteOnce, ReadOnlyMany, ReadWriteMany or ReadWriteOncePod; volumeMode Filesystem or Block.',
    why: 'The API server rejects any other value ("Unsupported value").',
    fix: 'Use the exact Kubernetes spelling, e.g. ReadWriteMany and Filesystem.',
    check(ctx) {
      const check = (o: ManifestObject, spec: any, where: string) => {
        for (const m of modesOf(spec)) {
          if (typeof m !== 'string' || !KNOWN_MODES.has(m)) ctx.report(o, `${where}access mode ${JSON.stringify(m)} is not a Kubernetes access mode`);
        }
        const vm = spec.volumeMode;
        if (vm !== undefined && vm !== null && vm !== 'Filesystem' && vm !== 'Block') ctx.report(o, `${where}volumeMode ${JSON.stringify(vm)} is not Filesystem or Block`);
      };
      for (const c of claimsOf(ctx)) check(c.target, c.spec, c.where);
      for (const pv of ctx.ofKind('PersistentVolume')) check(pv, pvSpec(pv), '');
    },
  },
  {
    id: 'API-014',
    severity: Severity.ERROR,
    family: RuleFamily.API_SERVER,
    what: 'A PersistentVolume capacity holds exactly one key, storage, more than zero.',
    why: 'The API server rejects a volume without capacity.storage, with other capacity keys, or with a zero size.',
    fix: 'Write capacity: { storage: 10Gi } and nothing else.',
    check(ctx) {
      for (const pv of ctx.ofKind('PersistentVolume')) {
        const cap = pvSpec(pv).capacity;
        if (!isObject(cap) || cap.storage === undefined || cap.storage === null) {
          ctx.report(pv, 'capacity.storage is missing');
          continue;
        }
        const extra = Object.keys(cap).filter((k) => k !== 'storage');
        if (extra.length) ctx.report(pv, `capacity has keys other than storage: ${extra.join(', ')}`);
        const n = parseQuantity(cap.storage);
        if (n !== undefined && n <= 0) ctx.report(pv, `capacity.storage ${JSON.stringify(cap.storage)} is not more than zero`);
      }
    },
  },
  {
    id: 'API-015',
    severity: Severity.ERROR,
    family: RuleFamily.API_SERVER,
    what: 'A PersistentVolume has exactly one volume source (nfs, csi, hostPath, local, ...).',
    why: 'The API server rejects a volume with no source or with several ("may not specify more than 1 volume type").',
    fix: 'Keep one volume source in the PersistentVolume spec.',
    check(ctx) {
      for (const pv of ctx.ofKind('PersistentVolume')) {
        const sources = sourcesOf(pvSpec(pv));
        if (sources.length === 0) ctx.report(pv, 'has no volume source');
        else if (sources.length > 1) ctx.report(pv, `has ${sources.length} volume sources: ${sources.join(', ')}`);
      }
    },
  },
  {
    id: 'API-016',
    severity: Severity.ERROR,
    family: RuleFamily.API_SERVER,
    what: 'A local PersistentVolume needs nodeAffinity.required.',
    why: 'The API server rejects local volumes without node affinity: the scheduler must know which node holds the data.',
    fix: 'Add nodeAffinity.required.nodeSelectorTerms matching kubernetes.io/hostname of the node with the disk.',
    check(ctx) {
      for (const pv of ctx.ofKind('PersistentVolume')) {
        const spec = pvSpec(pv);
        if (!isObject(spec.local)) continue;
        const terms = isObject(spec.nodeAffinity) && isObject(spec.nodeAffinity.required) ? asArray(spec.nodeAffinity.required.nodeSelectorTerms) : [];
        if (terms.length === 0) ctx.report(pv, 'is a local volume without nodeAffinity.required');
      }
    },
  },
  {
    id: 'API-017',
    severity: Severity.ERROR,
    family: RuleFamily.API_SERVER,
    what: 'A PersistentVolume reclaim policy must be Retain, Delete or Recycle.',
    why: 'The API server rejects any other value.',
    fix: 'Use Retain: the data stays when the claim is deleted.',
    check(ctx) {
      for (const pv of ctx.ofKind('PersistentVolume')) {
        const v = pvSpec(pv).persistentVolumeReclaimPolicy;
        if (v === undefined || v === null || v === 'Retain' || v === 'Delete' || v === 'Recycle') continue;
        ctx.report(pv, `persistentVolumeReclaimPolicy ${JSON.stringify(v)} is not Retain, Delete or Recycle`);
      }
    },
  },

  // ---- storage semantics ----
  {
    id: 'STO-010',
    severity: Severity.ERROR,
    family: RuleFamily.STORAGE,
    what: 'A claim must not ask ReadWriteMany or ReadOnlyMany of a block storage class.',
    why: 'A block device is attached to one node at a time: the claim never binds, or, on multi-attach disks, two nodes writing ext4/xfs corrupt it.',
    fix: 'Use a file storage class (NFS, CephFS, Azure Files, EFS, Longhorn RWX, Portworx sharedv4, vSphere file volumes): SharedRwxVolume does.',
    check(ctx) {
      for (const c of claimsOf(ctx)) {
        const cls = ctx.classOfClaim(c.spec);
        const caps = cls?.capabilities;
        if (!cls || !caps || (caps.kind !== StorageKind.BLOCK && caps.kind !== StorageKind.LOCAL)) continue;
        if (volumeModeOf(c.spec) === 'Block') continue;
        const supported = accessModesFor(caps, 'Filesystem');
        for (const m of modesOf(c.spec)) {
          if (typeof m !== 'string' || !SHARED.has(m) || supported.includes(m as PersistentVolumeAccessMode)) continue;
          const name = cls.system?.name ?? cls.provisioner ?? 'unknown driver';
          ctx.report(c.target, `${c.where}${m} on storage class ${cls.name} (${name}, ${caps.kind} storage, Filesystem modes: ${supported.join(', ') || 'none'}): a block device attaches to one node at a time`,
            { fix: `Use a class of a system that shares file systems: ${sharedAlternatives()}.` });
        }
      }
    },
  },
  {
    id: 'STO-011',
    severity: Severity.ERROR,
    family: RuleFamily.STORAGE,
    what: 'A claim may only ask access modes its class\'s storage system supports for the volume mode.',
    why: 'The driver refuses the volume: the claim stays Pending and the pods never start.',
    fix: 'Use an access mode and volume mode the system supports (see the message), or another storage class.',
    check(ctx) {
      for (const c of claimsOf(ctx)) {
        const cls = ctx.classOfClaim(c.spec);
        const caps = cls?.capabilities;
        if (!cls || !caps) continue;
        const vm = volumeModeOf(c.spec);
        const supported = accessModesFor(caps, vm);
        const blockOnly = (caps.kind === StorageKind.BLOCK || caps.kind === StorageKind.LOCAL) && vm !== 'Block';
        for (const m of modesOf(c.spec)) {
          if (typeof m !== 'string' || !KNOWN_MODES.has(m) || supported.includes(m as PersistentVolumeAccessMode)) continue;
          if (blockOnly && SHARED.has(m)) continue; // STO-010
          const name = cls.system?.name ?? cls.provisioner ?? 'unknown driver';
          ctx.report(c.target, `${c.where}${m} with volumeMode ${vm} is not supported by storage class ${cls.name} (${name}); it supports ${supported.join(', ') || 'no access mode'} for ${vm}`);
        }
      }
    },
  },
  {
    id: 'STO-012',
    severity: Severity.ERROR,
    family: RuleFamily.STORAGE,
    what: 'A claim\'s size must be one its storage system creates (whole GiB where required, within min and max).',
    why: 'The driver rejects the size: the volume is never created and the claim stays Pending.',
    fix: 'Use a size the driver accepts (see the message), in Gi units.',
    check(ctx) {
      for (const c of claimsOf(ctx)) {
        const cls = ctx.classOfClaim(c.spec);
        const caps = cls?.capabilities;
        const bytes = parseQuantity(requestOf(c.spec));
        if (!cls || !caps || bytes === undefined || bytes <= 0) continue;
        const name = cls.system?.name ?? cls.provisioner ?? 'the driver';
        const req = JSON.stringify(requestOf(c.spec));
        const gib = bytes / GIB;
        if (caps.sizeGranularity === SizeGranularity.EXACT_GIB && !Number.isInteger(gib)) {
          ctx.report(c.target, `${c.where}storage ${req} is not a whole number of GiB, which ${name} requires`, { fix: `Use ${Math.ceil(gib)}Gi.` });
        }
        if (caps.minSizeGib !== undefined && gib < caps.minSizeGib) {
          ctx.report(c.target, `${c.where}storage ${req} is below the ${caps.minSizeGib}Gi minimum of ${name}`, { fix: `Request at least ${caps.minSizeGib}Gi.` });
        }
        if (caps.maxSizeGib !== undefined && gib > caps.maxSizeGib) {
          ctx.report(c.target, `${c.where}storage ${req} is above the ${caps.maxSizeGib}Gi maximum of ${name}`, { fix: `Request at most ${caps.maxSizeGib}Gi, or split the data.` });
        }
      }
    },
  },
  {
    id: 'STO-013',
    severity: Severity.ERROR,
    family: RuleFamily.STORAGE,
    what: 'A claim\'s volumeName and the volume\'s claimRef must point at each other (claimRef with namespace).',
    why: 'A volume reserved by claimRef for another claim, or a claimRef without namespace, never binds: the claim stays Pending.',
    fix: 'Set the PV claimRef to the claim\'s namespace and name, and the claim volumeName to the PV name.',
    check(ctx) {
      for (const pv of ctx.ofKind('PersistentVolume')) {
        const ref = pvSpec(pv).claimRef;
        if (isObject(ref) && typeof ref.name === 'string' && (typeof ref.namespace !== 'string' || ref.namespace === '')) {
          ctx.report(pv, `claimRef ${ref.name} has no namespace, so it matches no claim`);
        }
      }
      for (const { claim, pv } of staticPairs(ctx)) {
        const ref = pvSpec(pv).claimRef;
        const vn = str(claim.spec.volumeName);
        if (vn === pv.name && isObject(ref) && typeof ref.name === 'string' && typeof ref.namespace === 'string'
          && (ref.name !== claim.name || ref.namespace !== claim.namespace)) {
          ctx.report(claim.target, `volumeName ${pv.name} names a volume reserved for claim ${ref.namespace}/${ref.name} by its claimRef, not for ${claim.namespace}/${claim.name}`);
        }
        if (vn !== undefined && vn !== pv.name) {
          ctx.report(pv, `claimRef names claim ${claim.namespace}/${claim.name}, but that claim asks for volume ${vn}`);
        }
      }
    },
  },
  {
    id: 'STO-014',
    severity: Severity.ERROR,
    family: RuleFamily.STORAGE,
    what: 'A statically bound claim and volume must have the same storageClassName.',
    why: 'Kubernetes binds a claim only to a volume of its own class; a claim without storageClassName gets the default class and misses a volume with "".',
    fix: 'Write the same storageClassName on both, "" for no class.',
    check(ctx) {
      for (const { claim, pv } of staticPairs(ctx)) {
        const want = pvClass(pvSpec(pv));
        const has = claim.spec.storageClassName;
        if (has === undefined || has === null) {
          ctx.report(claim.target, `has no storageClassName: the cluster's default class is written into it, so it does not bind to volume ${pv.name} (storageClassName ${JSON.stringify(want)})`,
            { severity: want === '' ? Severity.ERROR : Severity.WARNING, fix: `Set storageClassName: ${JSON.stringify(want)} on the claim.` });
        } else if (has !== want) {
          ctx.report(claim.target, `storageClassName ${JSON.stringify(has)} differs from ${JSON.stringify(want)} of volume ${pv.name}`, { fix: `Set storageClassName: ${JSON.stringify(want)} on the claim.` });
        }
      }
    },
  },
  {
    id: 'STO-015',
    severity: Severity.ERROR,
    family: RuleFamily.STORAGE,
    what: 'A statically bound volume\'s capacity must cover the claim\'s request.',
    why: 'Kubernetes binds a claim only to a volume at least as large as the request: the claim stays Pending.',
    fix: 'Raise the volume capacity to at least the request, or lower the request.',
    check(ctx) {
      for (const { claim, pv } of staticPairs(ctx)) {
        const cap = isObject(pvSpec(pv).capacity) ? pvSpec(pv).capacity.storage : undefined;
        const capBytes = parseQuantity(cap);
        const reqBytes = parseQuantity(requestOf(claim.spec));
        if (capBytes === undefined || reqBytes === undefined || capBytes >= reqBytes) continue;
        ctx.report(claim.target, `requests ${JSON.stringify(requestOf(claim.spec))}, more than the ${JSON.stringify(cap)} capacity of volume ${pv.name}`,
          { fix: `Set the volume capacity to at least ${formatBytes(reqBytes)}, or request at most ${JSON.stringify(cap)}.` });
      }
    },
  },
  {
    id: 'STO-016',
    severity: Severity.ERROR,
    family: RuleFamily.STORAGE,
    what: 'A statically bound volume must offer every access mode and the volume mode the claim asks.',
    why: 'Kubernetes binds a claim only to a volume that has all its access modes and the same volumeMode: the claim stays Pending.',
    fix: 'Write the same accessModes and volumeMode on the claim and the volume.',
    check(ctx) {
      for (const { claim, pv } of staticPairs(ctx)) {
        const pvModes = modesOf(pvSpec(pv));
        const missing = modesOf(claim.spec).filter((m) => !pvModes.includes(m));
        if (missing.length) ctx.report(claim.target, `asks ${missing.join(', ')}, which volume ${pv.name} does not offer (${pvModes.join(', ') || 'none'})`);
        const cm = volumeModeOf(claim.spec);
        const vm = volumeModeOf(pvSpec(pv));
        if (cm !== vm) ctx.report(claim.target, `volumeMode ${cm} differs from ${vm} of volume ${pv.name}`);
      }
    },
  },
  {
    id: 'STO-017',
    severity: Severity.ERROR,
    family: RuleFamily.STORAGE,
    what: 'A StorageClass (and a claim without volumeName) must not use a driver that cannot provision volumes, such as Mountpoint for S3.',
    why: 'The driver creates no volumes: every claim of the class stays Pending.',
    fix: 'Create a static PersistentVolume (storageClassName "") bound to the claim; SharedRwxVolume with SharedVolumeBackend.s3 does.',
    check(ctx) {
      const noDynamic = (prov: string | undefined) => {
        const s = prov ? StorageCatalog.forProvisioner(prov) : undefined;
        return s && !s.dynamicProvisioning && s.provisioner !== NO_PROVISIONER ? s : undefined;
      };
      for (const o of ctx.ofKind('StorageClass')) {
        const s = noDynamic(str(o.obj.provisioner));
        if (s) ctx.report(o, `provisioner ${s.provisioner} (${s.name}) cannot provision volumes dynamically`);
      }
      for (const c of claimsOf(ctx)) {
        if (str(c.spec.volumeName)) continue;
        const cls = ctx.classOfClaim(c.spec);
        const s = noDynamic(cls?.provisioner);
        if (s && !cls?.object) ctx.report(c.target, `${c.where}storage class ${cls!.name} uses ${s.provisioner} (${s.name}), which cannot provision volumes dynamically`);
      }
    },
  },
  {
    id: 'STO-018',
    severity: Severity.ERROR,
    family: RuleFamily.STORAGE,
    what: 'A PersistentVolume may only offer access modes its driver supports (Mountpoint for S3: ReadWriteMany and ReadOnlyMany only).',
    why: 'The driver refuses to mount the volume with a mode it lacks: the pods stay in ContainerCreating.',
    fix: 'Use an access mode the driver supports (see the message).',
    check(ctx) {
      for (const pv of ctx.ofKind('PersistentVolume')) {
        const spec = pvSpec(pv);
        const system = systemOfPv(spec);
        if (!system) continue;
        const vm = volumeModeOf(spec);
        const supported = accessModesFor(system, vm);
        for (const m of modesOf(spec)) {
          if (typeof m !== 'string' || !KNOWN_MODES.has(m) || supported.includes(m as PersistentVolumeAccessMode)) continue;
          ctx.report(pv, `${m} with volumeMode ${vm} is not supported by ${system.name}; it supports ${supported.join(', ') || 'no access mode'}`);
        }
      }
    },
  },
  {
    id: 'STO-019',
    severity: Severity.ERROR,
    family: RuleFamily.STORAGE,
    what: 'A PersistentVolume must not carry a namespace.',
    why: 'Volumes are cluster-scoped: the API server drops the namespace, so GitOps tools show endless drift, and readers assume an isolation that does not exist (claimRef is what ties a volume to a namespace).',
    fix: 'Remove metadata.namespace from the PersistentVolume; put the namespace in spec.claimRef.',
    check(ctx) {
      for (const pv of ctx.ofKind('PersistentVolume')) {
        if (pv.namespace) ctx.report(pv, `metadata.namespace ${JSON.stringify(pv.namespace)} is set on a cluster-scoped PersistentVolume`);
      }
    },
  },
  {
    id: 'STO-020',
    severity: Severity.ERROR,
    family: RuleFamily.STORAGE,
    what: 'A PersistentVolume must not use a removed in-tree volume plugin (glusterfs, awsElasticBlockStore, azureDisk, cinder, ...).',
    why: 'Kubernetes no longer has the code to mount it: the volume never mounts. Plugins removed after the target version warn before the upgrade breaks them.',
    fix: 'Use the CSI driver that replaced the plugin (a PV with spec.csi), or move the data to a system with a maintained driver.',
    check(ctx) {
      for (const pv of ctx.ofKind('PersistentVolume')) {
        for (const key of sourcesOf(pvSpec(pv))) {
          const s = StorageCatalog.forInTreePlugin(key);
          if (!s?.inTreeRemovedIn) continue;
          const fix = s.provisioner
            ? `Use the CSI driver ${s.provisioner}: a PersistentVolume with spec.csi.driver ${s.provisioner}.`
            : `${s.name} has no maintained CSI driver; move the data to ${sharedAlternatives()}.`;
          const removed = minorAtMost(s.inTreeRemovedIn, TARGET);
          ctx.report(pv, removed
            ? `spec.${key} (${s.name} in-tree plugin) was removed in Kubernetes ${s.inTreeRemovedIn}`
            : `spec.${key} (${s.name} in-tree plugin) is removed in Kubernetes ${s.inTreeRemovedIn}: the volume stops mounting after that upgrade`,
          { fix, severity: removed ? Severity.ERROR : Severity.WARNING });
        }
      }
    },
  },
  {
    id: 'STO-021',
    severity: Severity.WARNING,
    family: RuleFamily.STORAGE,
    what: 'A hostPath PersistentVolume works on single-node clusters only.',
    why: 'Each node sees its own directory: on a multi-node cluster pods on different nodes see different data, and data is lost with the node.',
    fix: 'Use it only on single-node dev clusters; elsewhere use a file storage class (NFS, CephFS, ...) or a local PV with nodeAffinity.',
    check(ctx) {
      for (const pv of ctx.ofKind('PersistentVolume')) {
        const hp = pvSpec(pv).hostPath;
        if (!isObject(hp)) continue;
        ctx.report(pv, `hostPath ${JSON.stringify(hp.path)} works on a single-node cluster only: each node sees its own directory`);
      }
    },
  },
  {
    id: 'STO-022',
    severity: Severity.WARNING,
    family: RuleFamily.STORAGE,
    what: 'An object-storage volume (S3 through Mountpoint) is not a POSIX file system.',
    why: 'No random writes, no rename, one writer per file, and every file operation is an S3 request: applications that expect a disk fail or crawl.',
    fix: 'Use it for large sequential reads and write-once output; use a file storage class for anything that edits files.',
    check(ctx) {
      for (const pv of ctx.ofKind('PersistentVolume')) {
        const s = systemOfPv(pvSpec(pv));
        if (s?.kind !== StorageKind.OBJECT) continue;
        ctx.report(pv, `${s.name}: ${s.notes.slice(1).join(' ')}`.replace(/\.$/, ''));
      }
    },
  },
  {
    id: 'STO-023',
    severity: Severity.WARNING,
    family: RuleFamily.STORAGE,
    what: 'A PersistentVolume should not use the deprecated Recycle reclaim policy.',
    why: 'Recycle runs rm -rf on the volume when the claim is deleted, and only nfs and hostPath ever supported it.',
    fix: 'Use Retain (keep the data) and clean up by hand, or Delete on a dynamic provisioner.',
    check(ctx) {
      for (const pv of ctx.ofKind('PersistentVolume')) {
        if (pvSpec(pv).persistentVolumeReclaimPolicy === 'Recycle') ctx.report(pv, 'persistentVolumeReclaimPolicy Recycle is deprecated and wipes the volume when its claim is deleted');
      }
    },
  },
  {
    id: 'STO-024',
    severity: Severity.ERROR,
    family: RuleFamily.STORAGE,
    what: 'Mount options only on volume types that take them (not hostPath).',
    why: 'The kubelet refuses to mount such a volume ("mount options are not supported for this volume type"): the pods never start.',
    fix: 'Remove mountOptions from the PersistentVolume.',
    check(ctx) {
      for (const pv of ctx.ofKind('PersistentVolume')) {
        const spec = pvSpec(pv);
        if (asArray(spec.mountOptions).length === 0) continue;
        for (const key of sourcesOf(spec)) {
          if (NO_MOUNT_OPTIONS.includes(key)) ctx.report(pv, `mountOptions are set on a ${key} volume`);
        }
      }
    },
  },
];
