import { k8s } from 'cdk8s-plus-27';
import { Problems } from '../core/problems';
import { checkPartition, renderOnDelete, renderRollingUpdate } from '../workload/update-strategy';

/**
 * Options of {@link DatabaseUpdateStrategy.rollingUpdate}.
 */
export interface DatabaseRollingUpdateOptions {
  /**
   * Only pods with an ordinal >= partition are updated: stage an upgrade on the highest ordinals first.
   * @default 0 - every pod is updated, highest ordinal first
   */
  readonly partition?: number;
}

/**
 * How pods pick up a changed pod template. Each strategy checks its own options and renders its own
 * `updateStrategy`: a new strategy is one new subclass.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#update-strategies
 */
export abstract class DatabaseUpdateStrategy {
  /** Replace pods one at a time from the highest ordinal, each Ready before the next; optionally only down to a partition. */
  public static rollingUpdate(options: DatabaseRollingUpdateOptions = {}): DatabaseUpdateStrategy {
    return new RollingUpdate(options?.partition);
  }

  /** Never replace pods automatically: a changed template applies when you delete a pod yourself. */
  public static onDelete(): DatabaseUpdateStrategy {
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

class RollingUpdate extends DatabaseUpdateStrategy {
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

class OnDelete extends DatabaseUpdateStrategy {
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
