import { IConstruct } from 'constructs';

/**
 * For a validation that writes a file at synth (the lock file, the topology picture): whether any other validation
 * of the app fails, in which case synth fails and nothing may be written. Asking runs every validation of the app,
 * this one's too: while it asks, {@link asking} is true and the owner's validation must report nothing.
 */
export class OtherValidations {
  private running = false;

  constructor(private readonly root: IConstruct) {}

  /** True while {@link fail} runs the app's validations. */
  public get asking(): boolean {
    return this.running;
  }

  /** Whether another validation of the app fails (or throws). */
  public fail(): boolean {
    this.running = true;
    try {
      return this.root.node.findAll().some((c) => c.node.validate().length > 0);
    } catch {
      return true;
    } finally {
      this.running = false;
    }
  }
}
