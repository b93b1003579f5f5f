import { ApiObject, Duration, Size, SizeRoundingBehavior } from 'cdk8s';
import { Construct } from 'constructs';
import { isDnsSubdomain } from '../../core/names';
import { Problems } from '../../core/problems';
import { wholeKibibytes } from '../../core/quantity';
import { Shown } from '../../core/values';
import { IngressControllerFacts } from '../../knowledge/routing/controllers';
import { TlsBinding } from '../tls';

/**
 * What an Ingress controller contributes to a route: its class, the annotations its typed options and the route's TLS
 * and redirect become, its path rules, and the objects it needs besides the Ingress. Each controller is one file of
 * this folder exporting a `bind<Controller>` function; `IngressController` (../ingress-controller.ts) calls it.
 */

/** What a controller binds to. */
export interface ControllerInput {
  /** How problems name the controller's options: `output` or `PlatformDefaults routeOutput`. */
  readonly prop: string;
  /** The route's TLS. */
  readonly tls: TlsBinding;
  /** Whether HTTP is redirected to HTTPS (true only with TLS). */
  readonly sslRedirect: boolean;
  /** PlatformDefaults `ingressClassName`, the class when the options name none. */
  readonly defaultClass?: string;
}

/** What a controller renders from, once the Ingress exists. */
export interface ControllerRender {
  /** The route: extra objects are created under it. */
  readonly scope: Construct;
  /** The Ingress. */
  readonly ingress: ApiObject;
  /** The route's namespace. */
  readonly namespace: string;
  /** Labels and annotations of the objects the route creates. */
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  /** The Ingress spec, produced at synth (to copy for a second Ingress). */
  readonly spec: () => any;
  /** Names of the Services the route's backends use, at synth. */
  readonly serviceNames: () => string[];
}

/** A controller checked for one route. */
export interface ControllerBinding {
  /** The controller, as messages name it: `Traefik (class traefik)`. */
  readonly description: string;
  /** Its facts, undefined for a custom controller. */
  readonly facts?: IngressControllerFacts;
  /** The IngressClass. */
  readonly className: string;
  /** Whether the class goes in the `kubernetes.io/ingress.class` annotation instead of `spec.ingressClassName` (GKE). */
  readonly classByAnnotation: boolean;
  /** The annotations known when the route is planned. */
  readonly annotations: Record<string, string>;
  /** Every annotation key the controller sets (now or at render), with the prop that sets it. */
  readonly ownedBy: Record<string, string>;
  /** Why an ImplementationSpecific path is refused, else undefined (accepted). */
  readonly implementationSpecific?: string;
  /** Whether paths are regular expressions (ingress-nginx `use-regex`). */
  readonly regex?: boolean;
  /** ingress-nginx `rewrite-target`, which the paths must fit. */
  readonly rewriteTarget?: string;
  /** Why resource backends are refused, else undefined. */
  readonly noResourceBackends?: string;
  /** A warning the route reports at construction (a retired controller). */
  readonly warning?: string;
  /** Adds what depends on the finished Ingress: annotations that name other objects, the objects themselves. */
  render?(ctx: ControllerRender): void;
}

/** A Size or Duration as a user reads it in an error message; other values as they are. */
export function shown(x: unknown): unknown {
  try {
    if (x instanceof Duration) return new Shown(x.toHumanString());
    if (x instanceof Size) return new Shown(`${x.toKibibytes({ rounding: SizeRoundingBehavior.NONE })} KiB`);
  } catch {
    // fall through
  }
  return x;
}

/** A size as nginx reads it: whole mebibytes as `Nm`, else whole kibibytes as `Nk`; undefined when not whole KiB. */
export function nginxSize(size: unknown): string | undefined {
  if (!(size instanceof Size)) return undefined;
  const kib = wholeKibibytes(size);
  if (kib === undefined) return undefined;
  return kib % 1024 === 0 ? `${kib / 1024}m` : `${kib}k`;
}

/** Whole positive seconds of a Duration, undefined for anything else. */
export function wholeSeconds(d: unknown): number | undefined {
  if (!(d instanceof Duration)) return undefined;
  const s = d.toSeconds({ integral: false });
  return Number.isInteger(s) && s > 0 ? s : undefined;
}

/** Checks an optional Duration option that must be whole seconds (within `max`); returns the seconds. */
export function secondsOption(problems: Problems, prop: string, d: unknown, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (d === undefined) return undefined;
  const s = wholeSeconds(d);
  if (s === undefined || s > max) {
    problems.add(prop, shown(d), `is not a positive whole number of seconds${max < Number.MAX_SAFE_INTEGER ? ` up to ${max}` : ''} (the controller reads this timeout in seconds)`, 'Use e.g. Duration.seconds(30).');
    return undefined;
  }
  return s;
}

/** Checks an optional Size option nginx reads (whole KiB); returns it as nginx writes it. */
export function nginxSizeOption(problems: Problems, prop: string, size: unknown): string | undefined {
  if (size === undefined) return undefined;
  const v = nginxSize(size);
  if (v === undefined) problems.add(prop, shown(size), 'is not a whole, non-negative number of KiB', 'Use Size.mebibytes(8) or Size.kibibytes(512).');
  return v;
}

/** The options object, or {} after reporting anything else (a JavaScript caller may pass anything). */
export function optionsObject(problems: Problems, prop: string, options: unknown, what: string, example: string): any {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    problems.add(`${prop} options`, options, `is not ${what}`, `Pass e.g. ${example}.`);
    return {};
  }
  return options;
}

/** The class name: the option, else the platform default, else the controller's; reported when it is not a valid name. */
export function className(problems: Problems, option: unknown, input: ControllerInput, fallback: string): string {
  const name = option ?? input.defaultClass ?? fallback;
  if (!isDnsSubdomain(name)) {
    problems.add(option !== undefined ? `${input.prop} className` : 'PlatformDefaults ingressClassName', name,
      'is not a valid IngressClass name', `Use the name of an IngressClass in the cluster, e.g. "${fallback}".`);
    return fallback; // reported: other messages name the controller's own class
  }
  return name;
}

/**
 * The annotations of a controller's own custom resource the route writes (Traefik's Middleware, GKE's FrontendConfig):
 * the route's annotations plus a suppression of SCH-005 saying why the object is not checked against a schema. The
 * library writes these objects to the controller's documented shape, and their CRDs are not shipped, so without it
 * every synth of every app on that controller would warn about an object the app team did not write. Giving the CRD
 * (`addCrd`, `--crd`) still validates the object: a suppression only silences SCH-005.
 */
export function controllerResourceAnnotations(ctx: ControllerRender, controller: string): Record<string, string> | undefined {
  const all: Record<string, string> = {
    ...ctx.annotations,
    'golden-paths.dev/suppress.SCH-005': `written by cdk8s-golden-paths to ${controller}'s documented shape; its CRD is not shipped with the validator`,
  };
  return Object.fromEntries(Object.keys(all).sort().map((k) => [k, all[k]]));
}
