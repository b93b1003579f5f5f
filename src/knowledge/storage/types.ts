import type { PersistentVolumeAccessMode } from 'cdk8s-plus-27';
import { ACCESS_MODES } from '../../core/access-modes';

/**
 * What kind of storage a system provides.
 */
export enum StorageKind {
  /** A block device attached to one node at a time (EBS, Azure Disk, Exoscale Block Storage, Ceph RBD, ...). */
  BLOCK = 'block',
  /** A network file system many nodes can mount at once (NFS, CephFS, Azure Files, EFS, ...). */
  FILE = 'file',
  /** An object store exposed as files (S3 via Mountpoint): not a POSIX file system. */
  OBJECT = 'object',
  /** Storage on one node's own disks (local PVs, hostPath, OpenEBS LocalPV). */
  LOCAL = 'local',
}

/**
 * When a volume is provisioned and bound.
 *
 * @see https://kubernetes.io/docs/concepts/storage/storage-classes/#volume-binding-mode
 */
export enum VolumeBindingMode {
  /** Provision as soon as the claim exists, in whatever zone the driver picks. */
  IMMEDIATE = 'Immediate',
  /** Provision only once a pod using the claim is scheduled, in that pod's zone. */
  WAIT_FOR_FIRST_CONSUMER = 'WaitForFirstConsumer',
}

/**
 * Whether and how a storage system can grow a volume.
 */
export enum ExpansionSupport {
  /** Volumes cannot grow (or capacity means nothing, as on EFS). */
  NONE = 'none',
  /** Volumes grow while in use. */
  ONLINE = 'online',
  /** Volumes grow only while detached: scale the workload to zero first. */
  OFFLINE = 'offline',
}

/**
 * How a storage system treats the size a claim requests.
 */
export enum SizeGranularity {
  /** Any size is taken as it is. */
  ANY = 'any',
  /** Sizes are rounded up to the next whole GiB. */
  ROUND_UP_GIB = 'round-up-gib',
  /** Sizes must be an exact whole number of GiB; anything else is rejected. */
  EXACT_GIB = 'exact-gib',
  /** Capacity is recorded but not enforced (NFS, EFS, S3). */
  NOT_ENFORCED = 'not-enforced',
}

/**
 * Value type of a StorageClass parameter. Every value is written as a string; this is what the string must hold.
 */
export enum ParameterType {
  /** Free text. */
  STRING = 'string',
  /** A whole number written as a string, e.g. "3000". */
  INTEGER = 'integer',
  /** "true" or "false". */
  BOOLEAN = 'boolean',
  /** One of a fixed list of values. */
  ENUM = 'enum',
}

/**
 * One StorageClass parameter a driver reads.
 */
export interface StorageParameterInfo {
  /** Parameter key, exactly as the driver reads it. */
  readonly key: string;
  /** What the value must hold. */
  readonly type: ParameterType;
  /** What it does. */
  readonly description: string;
  /**
   * Allowed values for `ENUM` parameters.
   * @default - any value of the type
   */
  readonly allowedValues?: string[];
  /**
   * Smallest allowed value for `INTEGER` parameters.
   * @default - no lower bound
   */
  readonly min?: number;
  /**
   * Largest allowed value for `INTEGER` parameters.
   * @default - no upper bound
   */
  readonly max?: number;
  /**
   * Whether the driver fails without it.
   * @default false
   */
  readonly required?: boolean;
  /**
   * The value the driver uses when the key is not set (read by constraints of other parameters that depend on it).
   * @default - no default the library relies on
   */
  readonly defaultValue?: string;
  /**
   * A regular expression a `STRING` value must match (JavaScript syntax, anchored by the expression itself).
   * @default - any text
   */
  readonly pattern?: string;
  /**
   * What a value matching `pattern` is, for messages (`an absolute path`).
   * @default - the expression itself
   */
  readonly patternDescription?: string;
  /**
   * An example of a good value, for messages.
   * @default - none
   */
  readonly example?: string;
  /**
   * Unit of `INTEGER` values, for messages (`MiB/s`).
   * @default - none
   */
  readonly unit?: string;
  /**
   * Ranges and bans that hold only for some values of another parameter (Amazon EBS: iops 3000-16000 for type gp3,
   * not settable for gp2). Constructs and the validator both read them, so both refuse the same classes.
   * @default - the parameter's own range holds whatever the other parameters say
   */
  readonly constraints?: ParameterConstraint[];
}

/**
 * A range or a ban of one StorageClass parameter that holds only when another parameter has one of some values.
 */
export interface ParameterConstraint {
  /** The parameter whose value selects the constraint, e.g. `type`. */
  readonly whenParameter: string;
  /** The values of `whenParameter` the constraint holds for (its `defaultValue` counts when it is not set). */
  readonly whenValues: string[];
  /**
   * Smallest allowed value.
   * @default - the parameter's own minimum
   */
  readonly min?: number;
  /**
   * Largest allowed value.
   * @default - the parameter's own maximum
   */
  readonly max?: number;
  /**
   * The values the parameter may take for these values of the other (Azure Files: only Premium SKUs serve NFS).
   * @default - the parameter's own values
   */
  readonly allowedValues?: string[];
  /**
   * The parameter cannot be set at all for these values (the driver or the cloud refuses the volume).
   * @default false
   */
  readonly notAllowed?: boolean;
}

/**
 * What a storage system can do: the facts the other constructs and the validator check claims against.
 */
export interface StorageCapabilities {
  /** Block, file, object or local storage. */
  readonly kind: StorageKind;
  /** Access modes for `volumeMode: Filesystem` claims. */
  readonly filesystemAccessModes: PersistentVolumeAccessMode[];
  /** Access modes for `volumeMode: Block` claims (empty when raw block is not supported). */
  readonly blockAccessModes: PersistentVolumeAccessMode[];
  /** Whether volumes can grow, and whether online. */
  readonly expansion: ExpansionSupport;
  /** Whether CSI VolumeSnapshots are supported. */
  readonly snapshots: boolean;
  /** How requested sizes are treated. */
  readonly sizeGranularity: SizeGranularity;
  /**
   * Smallest volume the driver creates, in GiB.
   * @default - no known minimum
   */
  readonly minSizeGib?: number;
  /**
   * Largest volume the driver creates, in GiB.
   * @default - no known maximum
   */
  readonly maxSizeGib?: number;
  /**
   * Node label key the driver uses for zones. Set for zonal systems, whose classes need `WaitForFirstConsumer`.
   * @default - not zonal (or the key is deployment-specific)
   */
  readonly topologyKey?: string;
  /** Binding mode the driver's documentation recommends. */
  readonly recommendedBindingMode: VolumeBindingMode;
}

/**
 * What is wrong with declared capabilities, if anything (custom provisioners, existing classes): JavaScript callers
 * can pass anything. @internal
 */
export function capabilitiesProblem(caps: unknown): string | undefined {
  if (caps === null || typeof caps !== 'object' || Array.isArray(caps)) return 'is not a StorageCapabilities object';
  const c = caps as Record<string, unknown>;
  const inEnum = (v: unknown, e: object) => (Object.values(e) as unknown[]).includes(v);
  const modes = (v: unknown) => Array.isArray(v) && v.every((m) => (ACCESS_MODES as unknown[]).includes(m));
  const wrong: string[] = [];
  if (!inEnum(c.kind, StorageKind)) wrong.push('kind');
  if (!modes(c.filesystemAccessModes)) wrong.push('filesystemAccessModes');
  if (!modes(c.blockAccessModes)) wrong.push('blockAccessModes');
  if (!inEnum(c.expansion, ExpansionSupport)) wrong.push('expansion');
  if (typeof c.snapshots !== 'boolean') wrong.push('snapshots');
  if (!inEnum(c.sizeGranularity, SizeGranularity)) wrong.push('sizeGranularity');
  if (!inEnum(c.recommendedBindingMode, VolumeBindingMode)) wrong.push('recommendedBindingMode');
  for (const k of ['minSizeGib', 'maxSizeGib']) {
    if (c[k] !== undefined && !(typeof c[k] === 'number' && Number.isFinite(c[k]) && (c[k] as number) >= 0)) wrong.push(k);
  }
  if (c.topologyKey !== undefined && (typeof c.topologyKey !== 'string' || c.topologyKey === '')) wrong.push('topologyKey');
  return wrong.length ? `has missing or wrong ${wrong.join(', ')}` : undefined;
}
