import { IConstruct } from 'constructs';

const STATE = Symbol.for('cdk8s-golden-paths.Warnings');

/**
 * Where synth-time warnings go. Implement it to send them elsewhere (a logger, a test's list).
 */
export interface IWarningSink {
  /** Receives one warning, a single line without trailing newline. */
  warn(message: string): void;
}

/** The default sink: one line on stderr per warning. */
class StderrSink implements IWarningSink {
  public warn(message: string): void {
    process.stderr.write(`${message}\n`);
  }
}

/**
 * The warnings of one app: what the library's checks report without failing synth (validator warnings, lock
 * changes with a caveat). Every warning reaches the sink once, and stays readable through {@link Warnings.messages},
 * so tests can assert on them.
 *
 * @example
 * const warnings = Warnings.of(app);
 * warnings.sink = { warn: (m) => seen.push(m) }; // or: warnings.sink = Warnings.SILENT
 * app.synth();
 * warnings.messages(); // every warning of the synth
 */
export class Warnings {
  /** A sink that drops every warning (they are still kept in {@link Warnings.messages}). */
  public static readonly SILENT: IWarningSink = { warn: () => undefined };

  /** The warnings of the app that `scope` belongs to (created on first use). */
  public static of(scope: IConstruct): Warnings {
    const root = scope.node.root as any;
    if (!root[STATE]) Object.defineProperty(root, STATE, { value: new Warnings(), enumerable: false });
    return root[STATE];
  }

  /**
   * Where warnings go as they are reported.
   * @default - stderr, one line per warning
   */
  public sink: IWarningSink = new StderrSink();

  private readonly seen = new Set<string>();
  private readonly list: string[] = [];

  private constructor() {}

  /** Report a warning; the same text is reported once per app. */
  public add(message: string): void {
    if (this.seen.has(message)) return;
    this.seen.add(message);
    this.list.push(message);
    this.sink.warn(message);
  }

  /** Every warning reported so far, in order. */
  public messages(): string[] {
    return [...this.list];
  }
}
