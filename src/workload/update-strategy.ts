import { k8s } from 'cdk8s-plus-27';
import { Problems } from '../core/problems';

/**
 * How the pods of a StatefulSet pick up a changed pod template: the checks and the rendering shared by
 * {@link WorkloadUpdateStrategy} and the database's `DatabaseUpdateStrategy`, so both refuse the same partitions
 * with the same words.
 */

/** Records what is wrong with a rolling update's partition for a StatefulSet of `replicas` pods. */
export function checkPartition(problems: Problems, prop: string, partition: number | undefined, replicas: number): void {
  if (partition === undefined) return;
  if (!Number.isInteger(partition) || partition < 0) {
    problems.add(`${prop}.partition`, partition, 'must be a whole number of at least 0', 'Use e.g. rollingUpdate({ partition: 2 }).');
  } else if (Number.isInteger(replicas) && partition > replicas) {
    problems.add(`${prop}.partition`, partition, `is greater than replicas (${replicas}), so no pod would ever be updated`,
      `Use a partition between 0 and ${replicas} (pods with ordinal >= partition are updated).`);
  }
}

/** The StatefulSet `updateStrategy` of a rolling update (with its partition, when given). */
export function renderRollingUpdate(partition: number | undefined): k8s.StatefulSetUpdateStrategy {
  return { type: 'RollingUpdate', rollingUpdate: partition !== undefined ? { partition } : undefined };
}

/** The StatefulSet `updateStrategy` that leaves pods alone until they are deleted. */
export function renderOnDelete(): k8s.StatefulSetUpdateStrategy {
  return { type: 'OnDelete' };
}

/**
 * Options of {@link WorkloadUpdateStrategy.rollingUpdate}.
 */
export interface WorkloadRollingUpdateOptions {
  /**
   * Only pods with an ordinal >= partition are updated: stage a change on the highest ordinals first (a canary),
   * then lower the partition to roll it out.
   * @default 0 - every pod is updated, highest ordinal first
   * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#partitions
   */
  readonly partition?: number;
}

/**
 * How the pods of a {@link StatefulWorkload} pick up a changed pod template. Each strategy checks its own options
 * and renders its own `updateStrategy`: a new strategy is one new subclass.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#update-strategies
 */
export abstract class WorkloadUpdateStrategy {
  /** Replace pods one at a time from the highest ordinal, each Ready before the next; optionally only down to a partition. */
  public static rollingUpdate(options: WorkloadRollingUpdateOptions = {}): WorkloadUpdateStrategy {
    return new RollingUpdate(options?.partition);
  }

  /** Never replace pods automatically: a changed template applies when you delete a pod yourself. */
  public static onDelete(): WorkloadUpdateStrategy {
    return new OnDelete();
  }

  /** `RollingUpdate` or `OnDelete`. */
  public readonly type: string;
  /**
   * The partition of a rolling update.
   * @default - none
   */
  public readonly partition?: number;

  protected constructor(type: string, partition?: number) {
    this.type = type;
    this.partition = partition;
  }

  /**
   * Records what is wrong with the strategy for a StatefulSet of `replicas` pods.
   * @internal
   */
  public abstract _check(problems: Problems, prop: string, replicas: number): void;

  /**
   * The StatefulSet `updateStrategy`.
   * @internal
   */
  public abstract _render(): k8s.StatefulSetUpdateStrategy;
}

class RollingUpdate extends WorkloadUpdateStrategy {
  constructor(partition: number | undefined) {
    super('RollingUpdate', partition);
  }

  public _check(problems: Problems, prop: string, replicas: number): void {
    checkPartition(problems, prop, this.partition, replicas);
  }

  public _render(): k8s.StatefulSetUpdateStrategy {
    return renderRollingUpdate(this.partition);
  }
}

class OnDelete extends WorkloadUpdateStrategy {
  constructor() {
    super('OnDelete');
  }

  public _check(): void {
    return;
  }

  public _render(): k8s.StatefulSetUpdateStrategy {
    return renderOnDelete();
  }
}
