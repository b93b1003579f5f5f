import { Size } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-27';
import { NO_VALUE, Problems } from '../core/problems';
import { wholeKibibytes } from '../core/quantity';

/** Options for {@link ResourcePreset.custom}. */
export interface ResourcePresetOptions {
  /** CPU request. */
  readonly cpu: Cpu;
  /** Memory request and limit. */
  readonly memory: Size;
}

/**
 * A named size for a database container: a CPU request and a memory request (= limit). Platform teams pick one
 * per scope with `PlatformDefaults.set(scope, { databaseResources: ResourcePreset.MEDIUM })`; a StatefulDatabase
 * takes one with its `resources` prop. The explicit `cpu` and `memory` props still win over a preset.
 */
export class ResourcePreset {
  /** 250m CPU, 1 GiB memory: development and small internal services. */
  public static readonly SMALL = new ResourcePreset('small', Cpu.millis(250), Size.gibibytes(1));
  /** 1 CPU, 4 GiB memory: a typical production service database. */
  public static readonly MEDIUM = new ResourcePreset('medium', Cpu.units(1), Size.gibibytes(4));
  /** 4 CPU, 16 GiB memory: busy production databases. */
  public static readonly LARGE = new ResourcePreset('large', Cpu.units(4), Size.gibibytes(16));

  /**
   * A preset of the platform's own.
   *
   * @param name a short name shown in error messages, e.g. "gpu-small"
   */
  public static custom(name: string, options: ResourcePresetOptions): ResourcePreset {
    const problems = new Problems('ResourcePreset.custom');
    if (typeof name !== 'string' || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)) problems.add('name', name, 'is not a short lower-case name', 'Use e.g. "gpu-small".');
    if (!options || typeof (options.cpu as any)?.amount !== 'string') problems.add('cpu', NO_VALUE, 'is not a Cpu', 'Use Cpu.millis(500) or Cpu.units(2).');
    if (!options || !(options.memory instanceof Size) || !((wholeKibibytes(options.memory) ?? 0) > 0)) {
      problems.add('memory', NO_VALUE, 'is not a positive Size', 'Use Size.gibibytes(2).');
    }
    problems.throwIfAny();
    return new ResourcePreset(name, options.cpu, options.memory);
  }

  /** Name of the preset (small, medium, large or a custom name). */
  public readonly name: string;
  /** CPU request. */
  public readonly cpu: Cpu;
  /** Memory request and limit. */
  public readonly memory: Size;

  private constructor(name: string, cpu: Cpu, memory: Size) {
    this.name = name;
    this.cpu = cpu;
    this.memory = memory;
  }
}
