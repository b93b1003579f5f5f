import { Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { PersistentVolumeAccessMode } from 'cdk8s-plus-27';
import { StatefulUpdateStrategy } from './update-strategy';
import { RemovalPolicy } from '../core/removal-policy';
import { IStorageClass } from '../knowledge/storage/storage-class';

/**
 * A per-replica claim of a {@link StatefulWorkload}: the StatefulSet creates one PersistentVolumeClaim
 * `<name>-<statefulset>-<ordinal>` per replica from it, and keeps it when the pod moves.
 */
export interface StatefulClaimTemplate {
  /** Name of the claim template; mounts refer to it, and claims are named `<name>-<statefulset>-<ordinal>`. */
  readonly name: string;
  /**
   * Size of each replica's volume, e.g. `Size.gibibytes(10)`. Required: there is no size that is right for every
   * app. Checked against the class (Exoscale Block Storage takes whole GiB only, 1 to 10000).
   */
  readonly size: Size;
  /**
   * The StorageClass: a `BlockStorageClass` or `FileStorageClass` of this app, or an existing class such as
   * `ExistingStorageClass.exoscaleBlockStorage()`.
   * @default - the app's default StorageClass (refused when the app declares none), so data never lands on an unintended class
   */
  readonly storageClass?: IStorageClass;
  /**
   * Access mode of each claim. ReadWriteMany on block storage is refused (a block device attaches to one node: a
   * volume shared by every replica is a `SharedRwxVolume`), and ReadOnlyMany everywhere (an empty volume nobody
   * can write).
   * @default PersistentVolumeAccessMode.READ_WRITE_ONCE - one volume per replica, served by every storage system
   * @see https://kubernetes.io/docs/concepts/storage/persistent-volumes/#access-modes
   */
  readonly accessMode?: PersistentVolumeAccessMode;
}

/**
 * Where a claim template is mounted.
 */
export interface StatefulClaimMount {
  /** The name of a claim template of the workload (`volumeClaimTemplates[].name`). */
  readonly claim: string;
  /** Absolute path in the container, e.g. `/usr/share/nginx/html`. */
  readonly path: string;
  /**
   * Name of the container that mounts it.
   * @default - the first container
   */
  readonly container?: string;
  /**
   * Mount only this subdirectory of the volume.
   * @default - the whole volume
   */
  readonly subPath?: string;
  /**
   * Mount it read-only.
   * @default false
   */
  readonly readOnly?: boolean;
}

/**
 * Props of {@link StatefulWorkload}.
 */
export interface StatefulWorkloadProps {
  /**
   * The containers, as for any cdk8s-plus-27 workload. Each is hardened to Pod Security "restricted" (their own
   * `securityContext` may not contradict it), and images must be pinned (a tag other than `latest`, or a digest).
   */
  readonly containers: kplus.ContainerProps[];
  /**
   * The user id the images run as (their `USER`), e.g. 101 for `nginxinc/nginx-unprivileged`. Required and never 0:
   * Pod Security "restricted" refuses root, and the library cannot know an image's user.
   */
  readonly uid: number;
  /**
   * The group id the images run as; also the pod's fsGroup, so the claims are writable by it.
   * @default - the uid
   */
  readonly gid?: number;
  /**
   * Per-replica claims: name, size, class and access mode, checked against the class's storage system.
   * @default - none: a StatefulSet with stable names and ordered pods, without storage
   */
  readonly volumeClaimTemplates?: StatefulClaimTemplate[];
  /**
   * Where each claim template is mounted. Every claim template must be mounted, and every mount must name a claim
   * template.
   * @default - none
   */
  readonly mounts?: StatefulClaimMount[];
  /**
   * Name of the StatefulSet and of the client Service; the governing headless Service is `<name>-headless`.
   * @default - the construct id as a DNS label
   */
  readonly name?: string;
  /**
   * Number of replicas (pods `<name>-0` to `<name>-<replicas - 1>`), at least 1.
   * @default 1
   */
  readonly replicas?: number;
  /**
   * Absolute directories the containers write outside their claims: an emptyDir each, since the root file system
   * is read-only.
   * @default ['/tmp']
   */
  readonly writableDirs?: string[];
  /**
   * Whether to create a ClusterIP client Service `<name>` on every container port (for `RouteBackend.service` or
   * in-cluster clients).
   * @default - true when a container declares a port
   */
  readonly clientService?: boolean;
  /**
   * How the StatefulSet starts and stops pods: `OrderedReady` (ordinal 0 first, each Ready before the next) or
   * `Parallel`.
   * @default PodManagementPolicy.ORDERED_READY - the safe order for members that join a leader or each other
   * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#pod-management-policies
   */
  readonly podManagementPolicy?: kplus.PodManagementPolicy;
  /**
   * How pods pick up a changed template: a rolling update (optionally only down to a partition) or OnDelete.
   * @default StatefulUpdateStrategy.rollingUpdate() - one pod at a time, highest ordinal first
   */
  readonly updateStrategy?: StatefulUpdateStrategy;
  /**
   * What happens to the claims when the StatefulSet is deleted or scaled down. `RemovalPolicy.DESTROY` sets
   * `persistentVolumeClaimRetentionPolicy` Delete/Delete: the claims, and with the usual Delete reclaim policy the
   * data, are gone for good. Only for throw-away environments.
   * @default RemovalPolicy.RETAIN - Retain/Retain: the claims outlive the StatefulSet; delete them by hand when you mean it
   * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#persistentvolumeclaim-retention
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Time between SIGTERM and SIGKILL.
   * @default Duration.seconds(30) - the Kubernetes default
   */
  readonly terminationGracePeriod?: Duration;
}
