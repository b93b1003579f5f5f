import { IConstruct } from 'constructs';
import { WebGateway } from './web-gateway';
import { isDnsLabel, isDnsSubdomain } from '../core/names';
import { Problems } from '../core/problems';
import { GATEWAY_GROUP } from '../knowledge/routing/gateway-api';

/**
 * Options for {@link GatewayRef.platform}: a Gateway the platform team runs, which routes attach to by name.
 */
export interface PlatformGatewayOptions {
  /** Name of the Gateway. */
  readonly name: string;
  /**
   * Namespace of the Gateway. Its listeners' `allowedRoutes` must admit the route's namespace.
   * @default - the route's namespace
   */
  readonly namespace?: string;
  /**
   * The HTTPS listener routes attach to (`parentRefs[].sectionName`).
   * @default 'https' - the name the Gateway API guides use
   */
  readonly sectionName?: string;
  /**
   * The plain HTTP listener: routes without TLS attach to it, and the HTTP-to-HTTPS redirect route of routes with
   * TLS (unless `sslRedirect: false`, e.g. when the platform redirects on that listener itself).
   * @default 'http'
   */
  readonly httpSectionName?: string;
}

/**
 * A Gateway checked for one route: the parentRefs its HTTPRoutes carry.
 * @internal
 */
export interface GatewayBinding {
  /** `Gateway gateway-system/public`, for messages. */
  readonly description: string;
  /** Whether the Gateway serves HTTPS (a WebGateway with TLS, or any platform Gateway). */
  readonly https: boolean;
  /** Name and namespace of the Gateway. */
  readonly name: () => string;
  readonly namespace: string;
  /** Whether the Gateway admits routes of the route's namespace; undefined when it cannot tell. */
  readonly admits?: boolean;
  /** The parentRefs of the routes for these hosts: their HTTPS listeners, or the HTTP listener when `https` is false. */
  parentRefs(hosts: string[], https: boolean): any[];
  /** What is wrong with a host on this Gateway, at synth (no listener covers it), else undefined. */
  hostProblem(host: string): string | undefined;
  /** Records the route on a Gateway the app owns. */
  attach(route: IConstruct, hosts: () => string[]): void;
}

/**
 * The Gateway a route's HTTPRoutes attach to: one the platform runs (by name), or a {@link WebGateway} of the app.
 *
 * @example
 * GatewayRef.platform({ name: 'public', namespace: 'gateway-system' })
 * GatewayRef.of(new WebGateway(chart, 'gw', { gatewayClassName: 'cilium' }))
 */
export abstract class GatewayRef {
  /**
   * A Gateway the platform owns, attached by name, namespace and listener (sectionName).
   * @param options name, namespace and listener names
   */
  public static platform(options: PlatformGatewayOptions): GatewayRef {
    return new PlatformGateway(options);
  }

  /**
   * A Gateway of this app: its listeners follow the hosts of the routes attached to it.
   * @param gateway the WebGateway
   */
  public static of(gateway: WebGateway): GatewayRef {
    return new OwnGateway(gateway);
  }

  /**
   * The Gateway, as messages name it.
   * @internal
   */
  public abstract readonly _description: string;

  /** References are created with the static factories. */
  protected constructor() {}

  /**
   * Checks the reference for a route in `namespace` (problems named `<prop> ...`).
   * @internal
   */
  public abstract _bind(problems: Problems, prop: string, namespace: string): GatewayBinding;
}

/** A parentRef to a Gateway: group and kind written out, the namespace only when it is not the route's. */
function parentRef(name: string, namespace: string, routeNamespace: string, sectionName: string): any {
  return { group: GATEWAY_GROUP, kind: 'Gateway', name, ...(namespace !== routeNamespace ? { namespace } : {}), sectionName };
}

/** A Gateway the platform runs. */
class PlatformGateway extends GatewayRef {
  constructor(private readonly options: PlatformGatewayOptions) {
    super();
  }

  public get _description(): string {
    const o: any = this.options ?? {};
    return `Gateway ${o.namespace ? o.namespace + '/' : ''}${String(o.name)}`;
  }

  public _bind(problems: Problems, prop: string, namespace: string): GatewayBinding {
    const o: any = this.options && typeof this.options === 'object' ? this.options : {};
    if (!isDnsSubdomain(o.name)) problems.add(`${prop} gateway name`, o.name, 'is not a Gateway name', 'Use the name of the platform\'s Gateway, e.g. "public".');
    if (o.namespace !== undefined && !isDnsLabel(o.namespace)) problems.add(`${prop} gateway namespace`, o.namespace, 'is not a namespace name', 'Use e.g. "gateway-system".');
    const https = section(problems, `${prop} gateway sectionName`, o.sectionName, 'https');
    const http = section(problems, `${prop} gateway httpSectionName`, o.httpSectionName, 'http');
    if (https === http) problems.add(`${prop} gateway httpSectionName`, http, 'is the same listener as sectionName: a redirect to HTTPS on the HTTPS listener would loop', 'Name the plain HTTP listener, e.g. "http".');
    const ns = typeof o.namespace === 'string' ? o.namespace : namespace;
    return {
      description: `Gateway ${ns}/${String(o.name)}`,
      https: true,
      name: () => o.name,
      namespace: ns,
      parentRefs: (_hosts, tls) => [parentRef(o.name, ns, namespace, tls ? https : http)],
      hostProblem: () => undefined, // the platform's listeners are checked by GWY-001 when the app declares the Gateway
      attach: () => undefined,
    };
  }
}

/** A listener name (sectionName): a DNS subdomain. */
function section(problems: Problems, prop: string, value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  if (!isDnsSubdomain(value)) {
    problems.add(prop, value, 'is not a listener name (lower-case letters, digits, "-" and ".")', `Use the listener's name, e.g. "${fallback}".`);
    return fallback;
  }
  return value;
}

/** A WebGateway of the app. */
class OwnGateway extends GatewayRef {
  constructor(private readonly gateway: WebGateway) {
    super();
  }

  public get _description(): string {
    return this.gateway instanceof WebGateway ? `WebGateway ${this.gateway.node.path}` : 'a gateway';
  }

  public _bind(problems: Problems, prop: string, namespace: string): GatewayBinding {
    const gw = this.gateway;
    if (!(gw instanceof WebGateway)) {
      problems.add(`${prop} gateway`, gw, 'is not a WebGateway', 'Pass the WebGateway construct: GatewayRef.of(gateway), or use GatewayRef.platform({ name, namespace }).');
      return PLACEHOLDER;
    }
    const admits = gw._allowedRoutes._admits(namespace, gw.namespace);
    if (admits === false) {
      problems.add(`${prop} gateway`, gw.node.path, `is in namespace ${JSON.stringify(gw.namespace)} and admits routes of ${gw._allowedRoutes} only, but the route is in ${JSON.stringify(namespace)}`,
        `Create the route in namespace "${gw.namespace}", or set allowedRoutes: RouteNamespaces.all() (or a selector) on the WebGateway.`);
    }
    return {
      description: `WebGateway ${gw.node.path}`,
      https: gw.https,
      name: () => gw.gatewayName,
      namespace: gw.namespace,
      admits,
      parentRefs: (hosts, tls) => (tls
        ? [...new Set(hosts.map((h) => gw._listenerFor(h)).filter((l): l is string => l !== undefined))].map((l) => parentRef(gw.gatewayName, gw.namespace, namespace, l))
        : [parentRef(gw.gatewayName, gw.namespace, namespace, WebGateway.HTTP_LISTENER)]),
      hostProblem: (host) => (gw.https && gw._listenerFor(host) === undefined
        ? `is not covered by a listener of ${gw.node.path} (hosts ${JSON.stringify(gw.hosts)}; a wildcard covers exactly one label, as its certificate does)`
        : undefined),
      attach: (route, hosts) => gw._attach(route, namespace, hosts),
    };
  }
}

/** What a route plans with when its gateway was refused (the problem is already recorded). */
const PLACEHOLDER: GatewayBinding = {
  description: 'an unknown gateway',
  https: true,
  name: () => 'unknown',
  namespace: 'unknown',
  parentRefs: () => [],
  hostProblem: () => undefined,
  attach: () => undefined,
};
