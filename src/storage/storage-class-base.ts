import { ApiObject } from 'cdk8s';
import { PersistentVolumeReclaimPolicy } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { ProvisionerSpec } from './provisioner-spec';
import { SnapshotClassOptions, SnapshotDeletionPolicy, StorageClassCommonProps } from './storage-class-props';
import { DEFAULT_CLASS_ANNOTATION } from '../core/conventions';
import { isDnsSubdomain, toDnsLabel } from '../core/names';
import { Problem, Problems } from '../core/problems';
import { clusterScoped } from '../core/scope';
import { asText } from '../core/values';
import { NO_PROVISIONER, StorageSystemInfo } from '../knowledge/storage/catalog';
import { checkParameters } from '../knowledge/storage/parameters';
import { IStorageClass } from '../knowledge/storage/storage-class';
import { ExpansionSupport, StorageCapabilities, StorageKind, VolumeBindingMode } from '../knowledge/storage/types';
import { applyConventions } from '../platform/conventions';
import { GoldenPathValidation } from '../validation/app-validation';
import { RenderedOnceApiObject } from '../validation/render-cache';

/**
 * What a StorageClass construct gives {@link StorageClassBase}: the provisioner's spec, the props to render (as the
 * subclass adjusted them) and the storage kinds the class accepts.
 * @internal
 */
export interface StorageClassSource {
  readonly spec: ProvisionerSpec;
  readonly props: StorageClassCommonProps;
  /** Kinds of storage the class may be backed by. */
  readonly kinds: StorageKind[];
  /** Fix for a provisioner of another kind. */
  readonly kindFix: string;
  /** Problems the subclass found in its own props, reported with the common ones (all at once). */
  readonly problems?: readonly Problem[];
}

/** The StorageClass and its VolumeSnapshotClass as checked, ready to render. */
interface StorageClassPlan {
  readonly name: string;
  readonly reclaimPolicy: PersistentVolumeReclaimPolicy;
  readonly volumeBindingMode: VolumeBindingMode;
  readonly allowVolumeExpansion: boolean;
  readonly parameters: Record<string, string>;
  readonly allowedTopologies?: any[];
  readonly snapshot?: { readonly name: string; readonly options: SnapshotClassOptions };
}

/**
 * Whether volumes of a system with these capabilities can grow: the default of `allowVolumeExpansion` for every
 * class of the library, created or existing.
 * @internal
 */
export function canExpand(capabilities: StorageCapabilities | undefined): boolean {
  return capabilities ? capabilities.expansion !== ExpansionSupport.NONE : false;
}

/**
 * A StorageClass of this library, with an optional companion VolumeSnapshotClass, built from a provisioner and
 * checked against what its storage system can do. {@link BlockStorageClass} and {@link FileStorageClass} extend it;
 * they differ in the provisioners they take and the kinds of storage they accept.
 */
export abstract class StorageClassBase extends Construct implements IStorageClass {
  /** The StorageClass name claims reference in `storageClassName`. */
  public readonly storageClassName: string;
  /** The CSI provisioner. */
  public readonly provisioner: string;
  /** What the storage system behind the class can do. */
  public readonly capabilities: StorageCapabilities;
  /**
   * The catalog entry of the storage system.
   * @default - a custom provisioner the catalog does not know
   */
  public readonly system?: StorageSystemInfo;
  /** When volumes of this class are provisioned. */
  public readonly volumeBindingMode: VolumeBindingMode;
  /** Whether claims of this class may grow. */
  public readonly allowVolumeExpansion: boolean;
  /**
   * Name of the VolumeSnapshotClass created with the class.
   * @default - none created
   */
  public readonly snapshotClassName?: string;
  /** The StorageClass object. */
  public readonly storageClass: ApiObject;
  /**
   * The VolumeSnapshotClass object.
   * @default - none created
   */
  public readonly snapshotClass?: ApiObject;
  /** Whether the class is marked as the cluster's default (claims without a class get it). */
  public readonly isDefault: boolean;

  /**
   * Checks the props against the provisioner's storage system (all problems at once), then renders the objects.
   * @param props the props of the subclass; its `_source` reads the provisioner from them
   */
  protected constructor(scope: Construct, id: string, props: StorageClassCommonProps) {
    super(scope, id);
    const source = this._source(props);
    const plan = planStorageClass(this, id, source);
    this.storageClass = renderStorageClass(this, source, plan);
    this.snapshotClass = plan.snapshot ? renderSnapshotClass(this, source.spec, plan.snapshot) : undefined;
    GoldenPathValidation.of(this)._register(this);
    this.storageClassName = plan.name;
    this.provisioner = source.spec.provisioner;
    this.capabilities = source.spec.capabilities;
    this.system = source.spec.system;
    this.volumeBindingMode = plan.volumeBindingMode;
    this.allowVolumeExpansion = plan.allowVolumeExpansion;
    this.snapshotClassName = plan.snapshot?.name;
    this.isDefault = source.props.isDefault === true;
    applyConventions(this, this.storageClass);
    if (this.snapshotClass) applyConventions(this, this.snapshotClass);
  }

  /**
   * The provisioner of the props, checked to be of the subclass's kind (throws otherwise), and the props to render.
   * @internal
   */
  protected abstract _source(props: StorageClassCommonProps): StorageClassSource;
}

/** Every check of the props against the provisioner; throws all problems at once. */
function planStorageClass(scope: Construct, id: string, source: StorageClassSource): StorageClassPlan {
  const { spec, props } = source;
  const problems = new Problems(scope);
  problems.addAll(spec.problems);
  problems.addAll(source.problems ?? []);
  const name = props.name ?? toDnsLabel(id);
  checkIdentity(problems, source, name);
  const policies = checkPolicies(problems, spec, props);
  const parameters = resolveParameters(problems, spec, props);
  const allowedTopologies = resolveZones(problems, spec, props);
  if (props.mountOptions !== undefined && (!Array.isArray(props.mountOptions) || props.mountOptions.some((m) => typeof m !== 'string' || m === ''))) {
    problems.add('mountOptions', props.mountOptions, 'must be a list of non-empty strings', 'Write options as strings, e.g. ["noatime"].');
  }
  const snapshot = resolveSnapshot(problems, spec, props, name);
  problems.throwIfAny();
  return { name, ...policies, parameters, allowedTopologies, snapshot };
}

/** The name users know the provisioner's storage system by. */
function systemName(spec: ProvisionerSpec): string {
  return spec.system?.name ?? asText(spec.provisioner);
}

/** The class's name, and whether its provisioner is of the right kind and provisions dynamically. */
function checkIdentity(problems: Problems, source: StorageClassSource, name: string): void {
  const spec = source.spec;
  if (!isDnsSubdomain(name)) {
    problems.add('name', name, 'is not a valid StorageClass name (lower-case letters, digits, - and ., at most 253 characters)', 'Set name to e.g. "fast-ssd".');
  }
  if (spec.capabilities && !source.kinds.includes(spec.capabilities.kind)) {
    problems.add('provisioner', spec.provisioner, `is ${spec.capabilities.kind} storage (${systemName(spec)})`, source.kindFix);
  }
  if (spec.system && !spec.system.dynamicProvisioning && spec.provisioner !== NO_PROVISIONER) {
    problems.add('provisioner', spec.provisioner, `(${systemName(spec)}) cannot provision volumes dynamically`, 'Create PersistentVolumes statically (SharedRwxVolume static backends, or local PVs) instead of a provisioning class.');
  }
}

/** Reclaim policy, binding mode and expansion, with the library's defaults (Retain, WaitForFirstConsumer). */
function checkPolicies(problems: Problems, spec: ProvisionerSpec, props: StorageClassCommonProps) {
  const reclaimPolicy = props.reclaimPolicy ?? PersistentVolumeReclaimPolicy.RETAIN;
  if ((reclaimPolicy as string) === 'Recycle') {
    problems.add('reclaimPolicy', reclaimPolicy, 'is deprecated and rejected on a StorageClass (only nfs and hostPath ever supported it)', 'Use PersistentVolumeReclaimPolicy.RETAIN (keeps the data) or PersistentVolumeReclaimPolicy.DELETE.');
  } else if (!Object.values(PersistentVolumeReclaimPolicy).includes(reclaimPolicy)) {
    problems.add('reclaimPolicy', reclaimPolicy, 'is not Delete or Retain', 'Use PersistentVolumeReclaimPolicy.RETAIN or PersistentVolumeReclaimPolicy.DELETE.');
  }
  const volumeBindingMode = props.volumeBindingMode ?? VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER;
  if (!Object.values(VolumeBindingMode).includes(volumeBindingMode)) {
    problems.add('volumeBindingMode', volumeBindingMode, 'is not Immediate or WaitForFirstConsumer', 'Use VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER.');
  }
  const expandable = canExpand(spec.capabilities);
  const allowVolumeExpansion = props.allowVolumeExpansion ?? expandable;
  if (allowVolumeExpansion && !expandable) {
    problems.add('allowVolumeExpansion', true, `but ${systemName(spec)} cannot expand volumes`, 'Remove allowVolumeExpansion.');
  }
  return { reclaimPolicy, volumeBindingMode, allowVolumeExpansion };
}

/** The provisioner's parameters plus fsType and additionalParameters; what the props add or change is checked. */
function resolveParameters(problems: Problems, spec: ProvisionerSpec, props: StorageClassCommonProps): Record<string, string> {
  const parameters: Record<string, string> = { ...spec.parameters };
  if (props.fsType !== undefined) {
    const key = spec.system?.fsTypeParameter ?? (spec.system ? undefined : 'csi.storage.k8s.io/fstype');
    const allowed = spec.system?.fsTypes;
    if (typeof props.fsType !== 'string' || !/^[a-z0-9]+$/.test(props.fsType)) {
      problems.add('fsType', props.fsType, 'is not a file system name', 'Use e.g. "ext4" or "xfs".');
    } else if (!key) {
      problems.add('fsType', props.fsType, `cannot be set: ${systemName(spec)} reads no file-system parameter`, 'Remove fsType.');
    } else if (allowed && !allowed.includes(props.fsType)) {
      problems.add('fsType', props.fsType, `is not a file system ${systemName(spec)} creates`, `Use one of: ${allowed.join(', ')}.`);
    } else {
      parameters[key] = props.fsType;
    }
  }
  for (const [k, v] of Object.entries(props.additionalParameters ?? {})) {
    if (typeof v !== 'string') {
      problems.add(`additionalParameters.${k}`, v, 'is not a string (StorageClass parameter values are strings)', `Write it as "${asText(v)}".`);
      continue;
    }
    parameters[k] = v;
  }
  if (spec.system) {
    // the provisioner's own parameters were checked when it was built; check what the props added or changed
    problems.addAll(checkParameters(spec.system, parameters).filter((p) => spec.parameters[p.key!] !== parameters[p.key!]));
  }
  return parameters;
}

/** allowedTopologies from allowedZones, for zonal systems only. */
function resolveZones(problems: Problems, spec: ProvisionerSpec, props: StorageClassCommonProps): any[] | undefined {
  if (props.allowedZones === undefined) return undefined;
  const key = spec.capabilities?.topologyKey;
  if (!key) {
    problems.add('allowedZones', props.allowedZones, `cannot be used: ${systemName(spec)} volumes are not zonal (no topology key)`, 'Remove allowedZones.');
  } else if (!Array.isArray(props.allowedZones) || props.allowedZones.length === 0 || props.allowedZones.some((z) => typeof z !== 'string' || z === '')) {
    problems.add('allowedZones', props.allowedZones, 'must be a non-empty list of zone names', 'List the zones, e.g. ["ch-gva-2"], or remove allowedZones.');
  } else {
    return [{ matchLabelExpressions: [{ key, values: [...props.allowedZones] }] }];
  }
  return undefined;
}

/** The companion VolumeSnapshotClass, when asked for: the driver must support snapshots. */
function resolveSnapshot(problems: Problems, spec: ProvisionerSpec, props: StorageClassCommonProps, className: string): StorageClassPlan['snapshot'] {
  const options = props.snapshotClass;
  if (!options) return undefined;
  const name = options.name ?? `${asText(className)}-snapshots`;
  if (spec.capabilities && !spec.capabilities.snapshots) {
    problems.add('snapshotClass', options, `cannot be created: ${systemName(spec)} does not support CSI snapshots`, 'Remove snapshotClass; back up at the application level instead.');
  }
  if (!isDnsSubdomain(name)) {
    problems.add('snapshotClass.name', name, 'is not a valid object name', 'Use lower-case letters, digits and -.');
  }
  if (options.deletionPolicy !== undefined && !Object.values(SnapshotDeletionPolicy).includes(options.deletionPolicy)) {
    problems.add('snapshotClass.deletionPolicy', options.deletionPolicy, 'is not Retain or Delete', 'Use SnapshotDeletionPolicy.RETAIN.');
  }
  return { name, options };
}

function renderStorageClass(scope: Construct, source: StorageClassSource, plan: StorageClassPlan): ApiObject {
  const { spec, props } = source;
  const annotations: Record<string, string> = { ...spec.annotations };
  if (props.isDefault) annotations[DEFAULT_CLASS_ANNOTATION] = 'true';
  const storageClass = new RenderedOnceApiObject(scope, 'Resource', {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: plan.name, annotations: Object.keys(annotations).length ? annotations : undefined },
    provisioner: spec.provisioner,
    parameters: Object.keys(plan.parameters).length ? plan.parameters : undefined,
    reclaimPolicy: plan.reclaimPolicy,
    volumeBindingMode: plan.volumeBindingMode,
    allowVolumeExpansion: plan.allowVolumeExpansion,
    mountOptions: props.mountOptions?.length ? [...props.mountOptions] : undefined,
    allowedTopologies: plan.allowedTopologies,
  } as any);
  clusterScoped(storageClass);
  return storageClass;
}

function renderSnapshotClass(scope: Construct, spec: ProvisionerSpec, snapshot: NonNullable<StorageClassPlan['snapshot']>): ApiObject {
  const snapshotClass = new RenderedOnceApiObject(scope, 'SnapshotClass', {
    apiVersion: 'snapshot.storage.k8s.io/v1',
    kind: 'VolumeSnapshotClass',
    metadata: {
      name: snapshot.name,
      annotations: snapshot.options.isDefault ? { 'snapshot.storage.kubernetes.io/is-default-class': 'true' } : undefined,
    },
    driver: spec.provisioner,
    deletionPolicy: snapshot.options.deletionPolicy ?? SnapshotDeletionPolicy.RETAIN,
  } as any);
  clusterScoped(snapshotClass);
  return snapshotClass;
}
