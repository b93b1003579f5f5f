import { Size } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-27';
import { IConstruct } from 'constructs';
import { ResourcePreset } from './presets';
import { IRouteOutput } from './route-output-choice';
import { isDnsLabel } from '../core/names';
import { NO_VALUE, Problems } from '../core/problems';
import { KubernetesVersion } from '../knowledge/kubernetes/versions';
import { IStorageClass } from '../knowledge/storage/storage-class';
import { GoldenPathValidation } from '../validation/app-validation';

const DEFAULTS = Symbol.for('cdk8s-golden-paths.PlatformDefaults');

/**
 * Organisation-wide defaults a platform team sets once for an App or a Chart. Every construct of this library
 * under that scope picks them up; a prop set on a construct always wins.
 *
 * Resolution order, for each field separately: the construct's own prop, then the defaults set on the nearest
 * enclosing scope that sets the field (Chart before App), then the library's built-in default. Labels and
 * annotations merge along the path instead (inner scopes win per key, a construct's own labels win over all).
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
   * Where WebRoutes under this scope send their traffic: `RouteOutput.ingress(IngressController.traefik())`,
   * `RouteOutput.gatewayApi({ gateway: GatewayRef.platform({ name: 'public', namespace: 'gateway-system' }) })`, ...
   * A route's own `output` prop wins.
   * @default - none: a WebRoute without an `output` prop refuses to synthesize (there is no safe default controller)
   */
  readonly routeOutput?: IRouteOutput;
  /**
   * Ingress class for WebRoutes whose Ingress controller is chosen without a `className` option (e.g. a platform
   * whose Traefik serves the class `public`).
   * @default - the controller's own default class (`traefik`, `haproxy`, `nginx`, `alb`, `gce`)
   */
  readonly ingressClassName?: string;
  /**
   * cert-manager ClusterIssuer for the TLS of WebRoutes with Ingress output and of WebGateways.
   * @default - none: each route or gateway names its TLS source
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
  /**
   * Named CPU and memory size for database containers (`ResourcePreset.SMALL`, `.MEDIUM`, `.LARGE` or a custom one).
   * Setting it sets `databaseCpu` and `databaseMemory` for the scope; `databaseCpu` or `databaseMemory` given in the
   * same call win over the preset's.
   * @default - no preset: `databaseCpu` and `databaseMemory`, else the construct's own props
   */
  readonly databaseResources?: ResourcePreset;
  /**
   * Namespace convention: put in front of every namespace a `PlatformChart` under this scope asks for,
   * e.g. `payments-` so team payments' `orders` chart lands in `payments-orders`.
   * @default - no prefix
   */
  readonly namespacePrefix?: string;
  /**
   * Namespace convention: put after every namespace a `PlatformChart` under this scope asks for, e.g. `-prod`.
   * @default - no suffix
   */
  readonly namespaceSuffix?: string;
  /**
   * Namespace (before prefix and suffix) of `PlatformChart`s under this scope that name none, e.g. the team's namespace.
   * @default - none: a PlatformChart without a namespace leaves objects without one, like a Chart
   */
  readonly defaultNamespace?: string;
  /**
   * The Kubernetes minor the whole app is validated against at synth (the minor of the oldest cluster it is deployed
   * to): its schema, the apiVersions it serves, the in-tree volume plugins it still has. App-wide: set it on the App;
   * two scopes that set different versions are refused. `GoldenPathValidation.of(app).kubernetesVersion` set
   * directly wins.
   * @default KubernetesVersion.V1_33 - `Validator.DEFAULT_KUBERNETES_VERSION` (see the README, Compatibility)
   */
  readonly kubernetesVersion?: KubernetesVersion;
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
    checkDefaults(scope, defaults);
    const s = scope as any;
    const existing: PlatformDefaultsProps = s[DEFAULTS] ?? {};
    const preset = defaults.databaseResources;
    const fromPreset = preset ? { databaseCpu: preset.cpu, databaseMemory: preset.memory } : {};
    const merged = { ...existing, ...fromPreset, ...stripUndefined(defaults) };
    if (defaults.kubernetesVersion !== undefined) GoldenPathValidation.of(scope)._setKubernetesVersionFromDefaults(defaults.kubernetesVersion, scope);
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

  /**
   * The namespace a chart under `scope` gets by the namespace convention: `namespacePrefix` + `name` (else
   * `defaultNamespace`) + `namespaceSuffix`. Undefined when neither `name` nor a `defaultNamespace` is given.
   * Throws when the result is not a valid namespace name (a DNS label of at most 63 characters).
   *
   * @param name the namespace the chart asks for, before prefix and suffix
   */
  public static namespace(scope: IConstruct, name?: string): string | undefined {
    return conventionalNamespace(scope, PlatformDefaults.of(scope), name);
  }

  private constructor() {}
}

/** @internal */
export function conventionalNamespace(scope: IConstruct, d: PlatformDefaultsProps, name?: string): string | undefined {
  const base = name ?? d.defaultNamespace;
  if (base === undefined) return undefined;
  const ns = `${d.namespacePrefix ?? ''}${base}${d.namespaceSuffix ?? ''}`;
  if (!isDnsLabel(ns)) {
    const problems = new Problems(scope.node.path ? scope : '(app)');
    problems.add('namespace', ns, `(namespacePrefix ${JSON.stringify(d.namespacePrefix ?? '')} + ${JSON.stringify(base)} + namespaceSuffix ${JSON.stringify(d.namespaceSuffix ?? '')}) is not a valid namespace name (lower-case letters, digits and "-", at most 63 characters)`,
      'Use a shorter or lower-case name.');
    problems.throwIfAny();
  }
  return ns;
}

const PART = /^[a-z0-9-]*$/;

function checkDefaults(scope: IConstruct, d: PlatformDefaultsProps): void {
  const problems = new Problems(scope.node.path ? scope : '(app)');
  if (d === null || typeof d !== 'object') {
    problems.add('defaults', d, 'is not a PlatformDefaultsProps object', 'Pass e.g. { ingressClassName: \'nginx\' }.');
    problems.throwIfAny();
  }
  for (const key of ['ingressClassName', 'certManagerClusterIssuer', 'imageRegistry', 'defaultNamespace'] as const) {
    const v = d[key];
    if (v !== undefined && (typeof v !== 'string' || v.trim() === '')) problems.add(key, v, 'must be a non-empty string', `Set ${key} to a name, or leave it out.`);
  }
  if (typeof d.imageRegistry === 'string' && /^[a-z]+:\/\//i.test(d.imageRegistry)) {
    problems.add('imageRegistry', d.imageRegistry, 'must not carry a scheme', 'Use e.g. "registry.acme.internal/mirror".');
  }
  for (const key of ['namespacePrefix', 'namespaceSuffix'] as const) {
    const v = d[key];
    if (v !== undefined && (typeof v !== 'string' || !PART.test(v))) problems.add(key, v, 'may hold only lower-case letters, digits and "-"', 'Use e.g. "payments-".');
  }
  for (const key of ['labels', 'annotations'] as const) {
    const v = d[key];
    if (v !== undefined && (v === null || typeof v !== 'object' || Object.values(v).some((x) => typeof x !== 'string'))) {
      problems.add(key, NO_VALUE, 'must map names to string values', 'Use e.g. { team: "payments" }.');
    }
  }
  if (d.routeOutput !== undefined && (d.routeOutput === null || typeof d.routeOutput !== 'object' || typeof d.routeOutput.description !== 'string')) {
    problems.add('routeOutput', NO_VALUE, 'must be a RouteOutput', 'Use e.g. RouteOutput.ingress(IngressController.traefik()).');
  }
  if (d.databaseResources !== undefined && !(d.databaseResources instanceof ResourcePreset)) {
    problems.add('databaseResources', NO_VALUE, 'must be a ResourcePreset', 'Use e.g. ResourcePreset.MEDIUM.');
  }
  problems.throwIfAny();
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
