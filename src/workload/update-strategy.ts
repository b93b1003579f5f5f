import { k8s } from 'cdk8s-plus-27';
import { Problems } from '../core/problems';

/** Records what is wrong with a rolling update's partition for a StatefulSet of `replicas` pods. */
function checkPartition(problems: Problems, prop: string, partition: number | undefined, replicas: number): void {
  if (partition === undefined) return;
  if (!Number.isInteger(partition) || partition < 0) {
    problems.add(`${prop}.partition`, partition, 'must be a whole number of at least 0', 'Use e.g. rollingUpdate({ partition: 2 }).');
  } else if (Number.isInteger(replicas) && partition > replicas) {
    problems.add(`${prop}.partition`, partition, `is greater than replicas (${replicas}), so no pod would ever be updated`,
      `Use a partition between 0 and ${replicas} (pods with ordinal >= partition are updated).`);
  }
}

/** The StatefulSet `updateStrategy` of a rolling update (with its partition, when given). */
function renderRollingUpdate(partition: number | undefined): k8s.StatefulSetUpdateStrategy {
  return { type: 'RollingUpdate', rollingUpdate: partition !== undefined ? { partition } : undefined };
}

/** The StatefulSet `updateStrategy` that leaves pods alone until they are deleted. */
function renderOnDelete(): k8s.StatefulSetUpdateStrategy {
  return { type: 'OnDelete' };
}

/**
 * Options of {@link StatefulUpdateStrategy.rollingUpdate}.
 */
export interface StatefulRollingUpdateOptions {
  /**
   * Only pods with an ordinal >= partition are updated: stage a change on the highest ordinals first (a canary),
   * then lower the partition to roll it out.
   * @default 0 - every pod is updated, highest ordinal first
   * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#partitions
   */
  readonly partition?: number;
}

/**
 * How the pods of a {@link StatefulWorkload} or a {@link StatefulDatabase} (its StatefulSet) pick up a changed pod
 * template. Each strategy checks its own options and renders its own `updateStrategy`: a new strategy is one new
 * subclass.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#update-strategies
 */
export abstract class StatefulUpdateStrategy {
  /** Replace pods one at a time from the highest ordinal, each Ready before the next; optionally only down to a partition. */
  public static rollingUpdate(options: StatefulRollingUpdateOptions = {}): StatefulUpdateStrategy {
    return new RollingUpdate(options?.partition);
  }

  /** Never replace pods automatically: a changed template applies when you delete a pod yourself. */
  public static onDelete(): StatefulUpdateStrategy {
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

class RollingUpdate extends StatefulUpdateStrategy {
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

class OnDelete extends StatefulUpdateStrategy {
  constructor() {
    super('OnDelete');
  }

  public _check(): void {
    // OnDelete has no options, so nothing to check
  }

  public _render(): k8s.StatefulSetUpdateStrategy {
    return renderOnDelete();
  }
}
