import { IConstruct } from 'constructs';
import { describe } from './values';

/**
 * The one error model of the library. Every check, whichever layer it runs in (a provisioner factory, an engine
 * profile, a construct's props, a StorageClass parameter), describes what it found as a {@link Problem}; a construct
 * collects them with {@link Problems} and throws them all at once as a {@link GoldenPathError}.
 */

/** How bad a problem is. */
export enum ProblemSeverity {
  /** The input cannot work: the construct refuses to synthesize. */
  ERROR = 'error',
  /** The input works but is risky or ignored: reported, never fatal. */
  WARNING = 'warning',
}

/** One thing wrong with an input. */
export interface Problem {
  /** The prop, parameter or field the problem is about, as the user wrote it (`storage.size`, `provisioner parameter iops`). */
  readonly prop: string;
  /** The value given; shown as JSON, or as its `toString()` for value objects ({@link NO_VALUE}: not shown). */
  readonly value?: unknown;
  /** What is wrong with it, without the prop and value (`is not a whole number of GiB`). */
  readonly problem: string;
  /** How to fix it, as a sentence (`Use Size.gibibytes(10).`). */
  readonly fix: string;
  /**
   * Error or warning.
   * @default ProblemSeverity.ERROR
   */
  readonly severity?: ProblemSeverity;
  /**
   * A key for de-duplication when two checks look at the same thing (a StorageClass parameter key).
   * @default - none
   */
  readonly key?: string;
}

/** The value of a problem about a prop as a whole (`createNamespace is set but ...`): the message shows no value. */
export const NO_VALUE: unique symbol = Symbol('no value');

/** One problem as one line: `<prop> <value> <problem>. <fix>`. */
export function problemText(p: Problem): string {
  return p.value === NO_VALUE ? `${p.prop} ${p.problem}. ${p.fix}` : `${p.prop} ${describe(p.value)} ${p.problem}. ${p.fix}`;
}

/**
 * What a construct throws when its input is wrong: the construct path and every problem found, one per line,
 * `<construct path>: <prop> <value> <problem>. <fix>`.
 */
export class GoldenPathError extends Error {
  /** Construct path of the construct (or name of the factory) that refused its input. */
  public readonly path: string;
  /** Every problem found, in the order found. */
  public readonly problems: readonly Problem[];

  constructor(path: string, problems: readonly Problem[]) {
    const head = problems.length === 1 ? 'invalid configuration' : `${problems.length} problems in the configuration`;
    super(`${head}:\n  ${problems.map((p) => `${path}: ${problemText(p)}`).join('\n  ')}`);
    this.name = 'GoldenPathError';
    this.path = path;
    this.problems = [...problems];
  }
}

/**
 * Collects the problems of one construct (or factory), then throws them together. Checks add to it and go on,
 * so the user sees every problem at once.
 */
export class Problems {
  private readonly list: Problem[] = [];
  private readonly path: string;

  /** @param scope the construct whose input is checked, or a name for checks outside a construct tree */
  constructor(scope: IConstruct | string) {
    this.path = typeof scope === 'string' ? scope : (scope.node.path || '(app)');
  }

  /** Record a problem with one prop. */
  public add(prop: string, value: unknown, problem: string, fix: string): void {
    this.list.push({ prop, value, problem, fix });
  }

  /** Record problems found elsewhere (by a factory or a knowledge check), errors only unless `withWarnings`. */
  public addAll(problems: readonly Problem[], withWarnings = false): void {
    for (const p of problems) {
      if (withWarnings || (p.severity ?? ProblemSeverity.ERROR) === ProblemSeverity.ERROR) this.list.push(p);
    }
  }

  /** Number of problems recorded so far: a check can compare it before and after to know whether it found any. */
  public get count(): number {
    return this.list.length;
  }

  /** Whether any problem was recorded. */
  public get any(): boolean {
    return this.list.length > 0;
  }

  /** The problems recorded so far. */
  public get all(): readonly Problem[] {
    return this.list;
  }

  /** Throw every recorded problem at once, if there is any. */
  public throwIfAny(): void {
    if (this.list.length) throw new GoldenPathError(this.path, this.list);
  }
}
