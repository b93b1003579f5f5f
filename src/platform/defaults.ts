import { Size } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-27';
import { IConstruct } from 'constructs';
import { IStorageClass } from '../storage/storage-class';

const DEFAULTS = Symbol.for('cdk8s-golden-paths.PlatformDefaults');

/**
 * Organisation-wide defaults a platform team sets once for an App or a Chart. Every construct of this library
 * under that scope picks them up; a prop set on a construct always wins.
 *
 * Resolution order, for each field separately: the construct's own prop, then the defaults set on the nearest
 * enclosing scope that sets the field (Chart before App), then the library's built-in default.
 */
export interface PlatformDefaultsProps {
  /**
   * Storage class for StatefulDatabase volumes.
   * @default - the construct's own storage prop is required
   */
  readonly databaseStorageClass?: IStorageClass;
  /**
   * Storage class for dynamically provisioned SharedRwxVolumes.
   * @default - the construct's own backend prop is required
   */
  readonly sharedVolumeStorageClass?: IStorageClass;
  /**
   * Ingress class for IngressRoutes.
   * @default - 'nginx'
   */
  readonly ingressClassName?: string;
  /**
   * cert-manager ClusterIssuer for IngressRoute TLS.
   * @default - none: each route names its TLS source
   */
  readonly certManagerClusterIssuer?: string;
  /**
   * Registry mirror prefix put in front of every image the library's constructs pull, e.g. `registry.acme.internal/mirror`.
   * `docker.io/library/postgres:16.4` becomes `registry.acme.internal/mirror/library/postgres:16.4`.
   * @default - images from their public registries
   */
  readonly imageRegistry?: string;
  /**
   * Labels added to every object the library's constructs emit (team, cost centre, ...).
   * @default - none
   */
  readonly labels?: { [key: string]: string };
  /**
   * Annotations added to every object the library's constructs emit.
   * @default - none
   */
  readonly annotations?: { [key: string]: string };
  /**
   * CPU request and limit for database containers.
   * @default - the construct's own resources prop is required
   */
  readonly databaseCpu?: Cpu;
  /**
   * Memory request and limit for database containers.
   * @default - the construct's own resources prop is required
   */
  readonly databaseMemory?: Size;
}

/**
 * Reads and sets platform defaults on a construct scope.
 */
export class PlatformDefaults {
  /**
   * Set defaults for everything under `scope` (an App, a Chart or any construct). Fields not given are inherited.
   * Calling it again on the same scope merges, the later call winning per field.
   */
  public static set(scope: IConstruct, defaults: PlatformDefaultsProps): void {
    const s = scope as any;
    const existing: PlatformDefaultsProps = s[DEFAULTS] ?? {};
    const merged = { ...existing, ...stripUndefined(defaults) };
    Object.defineProperty(s, DEFAULTS, { value: merged, configurable: true, enumerable: false });
  }

  /**
   * The defaults in force at `scope`: per field, the nearest enclosing scope that sets it.
   * Labels and annotations are merged along the path, inner scopes winning per key.
   */
  public static of(scope: IConstruct): PlatformDefaultsProps {
    const chain = scope.node.scopes; // root first
    let result: any = {};
    let labels: Record<string, string> = {};
    let annotations: Record<string, string> = {};
    for (const c of chain) {
      const d: PlatformDefaultsProps | undefined = (c as any)[DEFAULTS];
      if (!d) continue;
      result = { ...result, ...d };
      labels = { ...labels, ...(d.labels ?? {}) };
      annotations = { ...annotations, ...(d.annotations ?? {}) };
    }
    return {
      ...result,
      labels: Object.keys(labels).length ? labels : undefined,
      annotations: Object.keys(annotations).length ? annotations : undefined,
    };
  }

  /**
   * An image reference with the registry mirror of `scope` applied (unchanged when no mirror is set).
   */
  public static image(scope: IConstruct, image: string): string {
    const mirror = PlatformDefaults.of(scope).imageRegistry;
    if (!mirror) return image;
    // drop the registry host of the original reference (a first segment with a dot, a colon or "localhost")
    const parts = image.split('/');
    const hasRegistry = parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost');
    const path = hasRegistry ? parts.slice(1).join('/') : image;
    return `${mirror.replace(/\/+$/, '')}/${path}`;
  }

  private constructor() {}
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
