import { ApiObject, Chart, Size } from 'cdk8s';
import { AbstractPod, Container, PersistentVolumeAccessMode, PersistentVolumeClaim, PersistentVolumeMode, PersistentVolumeReclaimPolicy, Volume } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { useStorageClass } from './existing-storage-class';
import { SharedVolumeBackend } from './shared-volume-backend';
import { absolute, Quantity, quantityOf, SHARED_MODES, SharedVolumeBinding, StaticVolume } from './shared-volume-binding';
import { isDnsLabel, isDnsSubdomain, toDnsLabel } from '../core/names';
import { Problems } from '../core/problems';
import { isSize } from '../core/quantity';
import { clusterScoped } from '../core/scope';
import { asText } from '../core/values';
import { applyConventions } from '../platform/conventions';
import { PlatformDefaults } from '../platform/defaults';
import { GoldenPathValidation } from '../validation/app-validation';
import { RenderedOnceApiObject } from '../validation/render-cache';

/** Props of {@link SharedRwxVolume}. */
export interface SharedRwxVolumeProps {
  /**
   * Where the files live.
   * @default - a claim against `PlatformDefaults.sharedVolumeStorageClass`; without it, backend is required
   */
  readonly backend?: SharedVolumeBackend;
  /**
   * Size the claim requests (NFS, EFS and S3 do not enforce it; block-backed RWX systems such as Longhorn do).
   */
  readonly size: Size;
  /**
   * How pods share the volume: ReadWriteMany, or ReadOnlyMany for content that pods only read.
   * @default PersistentVolumeAccessMode.READ_WRITE_MANY - the point of a shared volume
   * @see https://kubernetes.io/docs/concepts/storage/persistent-volumes/#access-modes
   */
  readonly accessMode?: PersistentVolumeAccessMode;
  /**
   * What happens to a static volume when its claim is deleted (dynamic volumes follow their StorageClass).
   * @default PersistentVolumeReclaimPolicy.RETAIN - deleting the claim never touches the files
   */
  readonly reclaimPolicy?: PersistentVolumeReclaimPolicy;
  /**
   * Mount options of a static volume, e.g. `["nfsvers=4.1", "hard"]` (dynamic volumes take them from their StorageClass).
   * @default - none (for S3, the options derived from the backend)
   */
  readonly mountOptions?: string[];
  /**
   * Name of the PersistentVolumeClaim.
   * @default - the construct id in lower case
   */
  readonly claimName?: string;
  /**
   * Name of the PersistentVolume of a static backend; cluster-wide, so it must be unique in the cluster.
   * @default - `<namespace>-<claim name>`
   */
  readonly persistentVolumeName?: string;
  /**
   * Name of the pod volume when mounted into workloads.
   * @default - the claim name
   */
  readonly volumeName?: string;
}

/** Options for mounting a {@link SharedRwxVolume}. */
export interface SharedVolumeMountOptions {
  /**
   * Mount read-only.
   * @default - true for ReadOnlyMany volumes, false for ReadWriteMany
   */
  readonly readOnly?: boolean;
  /**
   * Mount only this sub-directory of the volume (relative, no `..`).
   * @default - the whole volume
   */
  readonly subPath?: string;
}

/** The volume as resolved from its props: every check passed. */
interface SharedVolumePlan {
  readonly backend: SharedVolumeBackend;
  readonly claimName: string;
  readonly claimNamespace?: string;
  readonly podVolumeName: string;
  readonly mode: PersistentVolumeAccessMode;
  readonly request: Quantity;
  readonly binding: SharedVolumeBinding;
}

/**
 * One volume mounted by many pods on many nodes (ReadWriteMany), or read by many (ReadOnlyMany), only on
 * backends that can do it. Emits a PersistentVolumeClaim, plus a PersistentVolume bound to it for static
 * backends (existing NFS export, EFS file system, S3 bucket, host directory).
 *
 * Refuses block storage classes (a block device attaches to one node), classes whose system lacks the asked
 * access mode, S3 with ReadWriteOnce, a static volume smaller than the claim, and GlusterFS.
 *
 * @example
 * const uploads = new SharedRwxVolume(chart, 'uploads', {
 *   backend: SharedVolumeBackend.nfs({ server: 'nfs.internal', path: '/exports/uploads' }),
 *   size: Size.gibibytes(50),
 * });
 * uploads.mount(deployment.containers[0], '/var/www/uploads');
 */
export class SharedRwxVolume extends Construct {
  /** The PersistentVolumeClaim. */
  public readonly claim: ApiObject;
  /**
   * The PersistentVolume of a static backend, bound to the claim.
   * @default - none: dynamic backends provision it
   */
  public readonly persistentVolume?: ApiObject;
  /** Name of the claim. */
  public readonly claimName: string;
  /**
   * Name of the PersistentVolume of a static backend.
   * @default - none: dynamic backends name it
   */
  public readonly persistentVolumeName?: string;
  /** `storageClassName` of the claim (`""` for a static volume without class). */
  public readonly storageClassName: string;
  /** Access mode of the claim. */
  public readonly accessMode: PersistentVolumeAccessMode;
  /** Size the claim requests. */
  public readonly size: Size;
  /** The backend. */
  public readonly backend: SharedVolumeBackend;
  /** The claim as a cdk8s-plus volume, for wiring it into pods by hand. */
  public readonly volume: Volume;

  constructor(scope: Construct, id: string, props: SharedRwxVolumeProps) {
    super(scope, id);
    const plan = this.resolve(id, props ?? {});
    const volume = plan.binding.persistentVolume;
    if (volume) this.persistentVolume = this.renderPersistentVolume(plan, volume);
    this.claim = this.renderClaim(plan, volume);
    this.claimName = plan.claimName;
    this.persistentVolumeName = volume?.name;
    this.storageClassName = plan.binding.storageClassName;
    this.accessMode = plan.mode;
    this.size = props.size;
    this.backend = plan.backend;
    this.volume = Volume.fromPersistentVolumeClaim(this, 'Volume', PersistentVolumeClaim.fromClaimName(this, 'ClaimRef', plan.claimName), {
      name: plan.podVolumeName,
      readOnly: plan.mode === PersistentVolumeAccessMode.READ_ONLY_MANY ? true : undefined,
    });
    GoldenPathValidation.of(this)._register(this);
  }

  /** Every check of the props and the backend, all problems at once; throws them, or returns the plan. */
  private resolve(id: string, p: Partial<SharedRwxVolumeProps>): SharedVolumePlan {
    const problems = new Problems(this);
    const chartNamespace = Chart.of(this).namespace;
    const backend = this.resolveBackend(problems, p.backend);
    const refusal = backend._refusal();
    if (refusal) {
      problems.addAll([refusal]);
      problems.throwIfAny();
    }
    const request = checkSize(problems, p.size);
    const mode = checkAccessMode(problems, backend, p.accessMode);
    const claimName = p.claimName ?? toDnsLabel(id);
    if (!isDnsSubdomain(claimName)) {
      problems.add('claimName', claimName, 'is not a valid object name (lower-case letters, digits, - and ., at most 253 characters)', 'Use e.g. "uploads".');
    }
    const podVolumeName = p.volumeName ?? toDnsLabel(claimName);
    if (!isDnsLabel(podVolumeName)) {
      problems.add('volumeName', podVolumeName, 'is not a valid volume name (DNS label, at most 63 characters)', 'Use e.g. "uploads".');
    }
    if (p.mountOptions !== undefined && (!Array.isArray(p.mountOptions) || p.mountOptions.some((m) => typeof m !== 'string' || m.trim() === ''))) {
      problems.add('mountOptions', p.mountOptions, 'must be a list of non-empty strings', 'Write options as strings, e.g. ["nfsvers=4.1"].');
    }
    const claimNamespace = backend.isStatic ? (chartNamespace ?? 'default') : undefined;
    const binding = backend._bind({
      problems,
      mode,
      request,
      claimName,
      claimNamespace,
      reclaimPolicy: p.reclaimPolicy,
      mountOptions: p.mountOptions,
      persistentVolumeName: p.persistentVolumeName,
    });
    problems.throwIfAny();
    if (binding.storageClass) useStorageClass(this, binding.storageClass);
    return { backend, claimName, claimNamespace, podVolumeName, mode, request: request!, binding };
  }

  /** The backend of the props, or a claim against the platform's default shared class. */
  private resolveBackend(problems: Problems, given: SharedVolumeBackend | undefined): SharedVolumeBackend {
    let backend = given;
    if (backend === undefined) {
      const cls = PlatformDefaults.of(this).sharedVolumeStorageClass;
      if (cls) backend = SharedVolumeBackend.storageClass(cls);
    }
    if (!(backend instanceof SharedVolumeBackend)) {
      problems.add('backend', backend, backend === undefined ? 'is required (no PlatformDefaults.sharedVolumeStorageClass is set either)' : 'is not a SharedVolumeBackend',
        'Use SharedVolumeBackend.storageClass(cls), .nfs({...}), .efs({...}), .s3({...}) or .hostPath({...}), or set PlatformDefaults.set(app, { sharedVolumeStorageClass }).');
      problems.throwIfAny();
    }
    return backend!;
  }

  private renderPersistentVolume(plan: SharedVolumePlan, volume: StaticVolume): ApiObject {
    const pv = new RenderedOnceApiObject(this, 'PersistentVolume', {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: volume.name },
      spec: {
        capacity: { storage: volume.capacity },
        accessModes: [plan.mode],
        volumeMode: PersistentVolumeMode.FILE_SYSTEM,
        persistentVolumeReclaimPolicy: volume.reclaimPolicy,
        storageClassName: plan.binding.storageClassName,
        mountOptions: volume.mountOptions.length ? volume.mountOptions : undefined,
        claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: plan.claimNamespace, name: plan.claimName },
        ...volume.source,
      },
    } as any);
    clusterScoped(pv);
    applyConventions(this, pv);
    return pv;
  }

  private renderClaim(plan: SharedVolumePlan, volume: StaticVolume | undefined): ApiObject {
    const claim = new RenderedOnceApiObject(this, 'Claim', {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: plan.claimName, namespace: plan.claimNamespace },
      spec: {
        accessModes: [plan.mode],
        volumeMode: PersistentVolumeMode.FILE_SYSTEM,
        resources: { requests: { storage: plan.request.quantity } },
        storageClassName: plan.binding.storageClassName,
        volumeName: volume?.name,
      },
    } as any);
    applyConventions(this, claim);
    return claim;
  }

  /**
   * Mounts the volume into one container at `path`.
   *
   * @param container a cdk8s-plus container (e.g. `deployment.containers[0]`)
   * @param path absolute mount path in the container
   */
  public mount(container: Container, path: string, options: SharedVolumeMountOptions = {}): void {
    this.mountAll([container], path, options, 'container');
  }

  /**
   * Mounts the volume into every container of a workload (Deployment, StatefulSet, DaemonSet, Job, Pod) at `path`.
   * Containers added to the workload later are not mounted.
   *
   * @param workload a cdk8s-plus workload or pod
   * @param path absolute mount path in the containers
   */
  public mountInWorkload(workload: AbstractPod, path: string, options: SharedVolumeMountOptions = {}): void {
    const containers = workload && Array.isArray((workload as any).containers) ? (workload as any).containers : undefined;
    if (!containers || containers.length === 0) {
      const errors = new Problems(this);
      errors.add('mountInWorkload(workload)', containers ? '(no containers)' : workload, containers ? 'has no containers yet' : 'is not a cdk8s-plus workload',
        'Add the containers first (addContainer), then mount; or call mount(container, path) per container.');
      errors.throwIfAny();
    }
    this.mountAll(containers, path, options, 'workload');
  }

  private mountAll(containers: Container[], path: string, options: SharedVolumeMountOptions, what: string): void {
    const errors = new Problems(this);
    const o: SharedVolumeMountOptions = options ?? {};
    for (const c of containers) {
      if (!c || typeof (c as any).mount !== 'function') {
        errors.add(`mount(${what})`, c, 'is not a cdk8s-plus container', 'Pass a container of a cdk8s-plus-27 workload, e.g. deployment.containers[0].');
      }
    }
    if (!absolute(path) || path.includes(':')) {
      errors.add('mount path', path, 'is not an absolute path', 'Use e.g. /var/www/uploads.');
    }
    if (o.subPath !== undefined && (typeof o.subPath !== 'string' || o.subPath === '' || o.subPath.startsWith('/') || o.subPath.split('/').includes('..'))) {
      errors.add('mount subPath', o.subPath, 'must be a relative path without ..', 'Use e.g. "images".');
    }
    if (o.readOnly !== undefined && typeof o.readOnly !== 'boolean') {
      errors.add('mount readOnly', o.readOnly, 'is not a boolean', 'Use true or false.');
    }
    if (o.readOnly === false && this.accessMode === PersistentVolumeAccessMode.READ_ONLY_MANY) {
      errors.add('mount readOnly', false, 'contradicts the volume\'s ReadOnlyMany access mode', 'Remove readOnly, or make the volume PersistentVolumeAccessMode.READ_WRITE_MANY.');
    }
    errors.throwIfAny();
    const readOnly = o.readOnly ?? this.accessMode === PersistentVolumeAccessMode.READ_ONLY_MANY;
    for (const c of containers) c.mount(path, this.volume, { readOnly, subPath: o.subPath });
  }
}

/** The size the claim requests: a positive whole number of bytes. */
function checkSize(problems: Problems, size: unknown): Quantity | undefined {
  if (!isSize(size)) {
    problems.add('size', size, 'is not a Size', 'Use Size.gibibytes(10) (from cdk8s).');
    return undefined;
  }
  const request = quantityOf(size);
  if (!request || request.bytes <= 0) {
    problems.add('size', size, 'must be a positive whole number of bytes', 'Use e.g. Size.gibibytes(10).');
    return undefined;
  }
  return request;
}

/** The access mode: one that shares the volume between nodes, and that a static backend's system serves. */
function checkAccessMode(problems: Problems, backend: SharedVolumeBackend, accessMode: PersistentVolumeAccessMode | undefined): PersistentVolumeAccessMode {
  const mode = accessMode ?? PersistentVolumeAccessMode.READ_WRITE_MANY;
  const modeName = asText(mode);
  const system = backend.system;
  if (!Object.values(PersistentVolumeAccessMode).includes(mode)) {
    problems.add('accessMode', mode, 'is not an access mode', 'Use PersistentVolumeAccessMode.READ_WRITE_MANY or PersistentVolumeAccessMode.READ_ONLY_MANY.');
  } else if (system && backend.isStatic && !system.filesystemAccessModes.includes(mode)) {
    problems.add('accessMode', modeName, `is not supported by ${system.name} (it supports ${system.filesystemAccessModes.join(', ')})`,
      `Use PersistentVolumeAccessMode.READ_WRITE_MANY, or PersistentVolumeAccessMode.READ_ONLY_MANY for data the pods only read.${system.notes[0] ? ' ' + system.notes[0] : ''}`);
  } else if (!SHARED_MODES.includes(mode)) {
    problems.add('accessMode', modeName, 'does not share the volume between nodes', 'Use PersistentVolumeAccessMode.READ_WRITE_MANY (or READ_ONLY_MANY); for a volume of one pod, use a plain PersistentVolumeClaim.');
  }
  return mode;
}
