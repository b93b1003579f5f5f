import { ApiObject, Chart, Lazy } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { checkStringMap } from './annotations';
import { TlsBinding, TlsSource } from './tls';
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE } from '../core/conventions';
import { isDnsSubdomain } from '../core/names';
import { Problems } from '../core/problems';
import { describe, sortKeys } from '../core/values';
import { GATEWAY_API_VERSION, MAX_LISTENERS } from '../knowledge/routing/gateway-api';
import { hostProblem, tlsCovers } from '../knowledge/routing/paths';
import { PlatformDefaults } from '../platform/defaults';
import { GoldenPathValidation } from '../validation/app-validation';
import { RenderedOnceApiObject } from '../validation/render-cache';

/**
 * Which namespaces may attach routes to a WebGateway's listeners (`allowedRoutes.namespaces`).
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#routenamespaces
 */
export class RouteNamespaces {
  /** Only routes in the Gateway's own namespace (the Gateway API default). */
  public static same(): RouteNamespaces {
    return new RouteNamespaces('Same');
  }

  /** Routes in any namespace: anyone who can create an HTTPRoute can publish a host on this Gateway. */
  public static all(): RouteNamespaces {
    return new RouteNamespaces('All');
  }

  /**
   * Routes in namespaces whose labels match.
   * @param matchLabels labels a namespace must have, e.g. `{ 'gateway-access': 'public' }`
   */
  public static selector(matchLabels: { [key: string]: string }): RouteNamespaces {
    return new RouteNamespaces('Selector', matchLabels);
  }

  /** The Gateway API `from` value: `Same`, `All` or `Selector`. */
  public readonly from: string;
  /**
   * The labels a namespace must have (a selector).
   * @default - none: `Same` or `All`
   */
  public readonly matchLabels?: { [key: string]: string };

  private constructor(from: string, matchLabels?: { [key: string]: string }) {
    this.from = from;
    this.matchLabels = matchLabels;
  }

  /** As messages show it. */
  public toString(): string {
    return this.from === 'Selector' ? `RouteNamespaces.selector(${describe(this.matchLabels)})` : `RouteNamespaces.${this.from.toLowerCase()}()`;
  }

  /**
   * The `allowedRoutes` of a listener.
   * @internal
   */
  public _render(): any {
    return { namespaces: this.from === 'Selector' ? { from: 'Selector', selector: { matchLabels: sortKeys(this.matchLabels ?? {}) } } : { from: this.from } };
  }

  /**
   * Whether a route in `routeNamespace` may attach to a Gateway in `gatewayNamespace`; undefined when only the
   * namespace's labels can tell (a selector).
   * @internal
   */
  public _admits(routeNamespace: string, gatewayNamespace: string): boolean | undefined {
    if (this.from === 'All') return true;
    if (this.from === 'Same') return routeNamespace === gatewayNamespace;
    return undefined;
  }
}

/** Props of {@link WebGateway}. */
export interface WebGatewayProps {
  /**
   * Name of the Gateway.
   * @default - generated from the construct path, stable across synths
   */
  readonly name?: string;
  /**
   * The GatewayClass: which implementation runs the Gateway (e.g. `cilium`, `eg` for Envoy Gateway, `istio`,
   * `gke-l7-global-external-managed`). There is no safe default.
   * @see https://gateway-api.sigs.k8s.io/api-types/gatewayclass/
   */
  readonly gatewayClassName: string;
  /**
   * Where the certificates of the HTTPS listeners come from: one Secret for every listener (`TlsSource.secret`), or
   * cert-manager's Gateway support (`TlsSource.certManagerClusterIssuer`: the Gateway is annotated and cert-manager
   * issues one Secret per listener host; cert-manager must run with Gateway API support enabled). Plain HTTP only
   * through `TlsSource.noneInsecurePlainHttp()`.
   * @see https://cert-manager.io/docs/usage/gateway/
   * @default - a cert-manager certificate from the nearest PlatformDefaults certManagerClusterIssuer; without one the
   * gateway refuses to synthesize rather than serve plain HTTP
   */
  readonly tls?: TlsSource;
  /**
   * Host names of the HTTPS listeners, one listener each (a wildcard `*.example.com` covers one label of routes' hosts,
   * as its certificate does).
   * @default - the TLS source's hosts, else one listener per host of the routes attached to the gateway
   */
  readonly hosts?: string[];
  /**
   * Namespaces whose routes may attach.
   * @default RouteNamespaces.same() - only routes of the gateway's namespace can publish hosts on it
   */
  readonly allowedRoutes?: RouteNamespaces;
  /**
   * Extra labels on the Gateway.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
  /**
   * Extra annotations on the Gateway.
   * @default - none
   */
  readonly annotations?: { [key: string]: string };
}

/** A route attached to the gateway. */
interface Attached {
  readonly path: string;
  readonly namespace: string;
  readonly hosts: () => string[];
}

/**
 * A Gateway (gateway.networking.k8s.io/v1) the app owns: one HTTPS listener per host, with certificates from a Secret
 * or from cert-manager, and a plain HTTP listener for the redirect routes. WebRoutes attach to it with
 * `RouteOutput.gatewayApi({ gateway: GatewayRef.of(gateway) })`; its listeners follow their hosts.
 *
 * @example
 * const gateway = new WebGateway(chart, 'public', { gatewayClassName: 'cilium', tls: TlsSource.certManagerClusterIssuer('letsencrypt-prod') });
 * new WebRoute(chart, 'shop', { output: RouteOutput.gatewayApi({ gateway: GatewayRef.of(gateway) }), rules: [...] });
 */
export class WebGateway extends Construct {
  /** The name of the plain HTTP listener. */
  public static readonly HTTP_LISTENER = 'http';

  /** The Gateway object. */
  public readonly gateway: ApiObject;
  /** Name of the Gateway. */
  public readonly gatewayName: string;
  /** Namespace of the Gateway. */
  public readonly namespace: string;
  /** Its GatewayClass. */
  public readonly gatewayClassName: string;

  private readonly tls: TlsBinding;
  private readonly fixedHosts?: string[];
  private readonly allowed: RouteNamespaces;
  private readonly attached: Attached[] = [];

  constructor(scope: Construct, id: string, props: WebGatewayProps) {
    super(scope, id);
    const problems = new Problems(this);
    const p: any = props && typeof props === 'object' ? props : {};
    if (props === null || typeof props !== 'object') problems.add('props', props, 'is not a WebGatewayProps object', 'Pass e.g. { gatewayClassName: "cilium" }.');
    const defaults = PlatformDefaults.of(this);
    this.namespace = Chart.of(this).namespace ?? 'default';
    if (p.name !== undefined && !isDnsSubdomain(p.name)) problems.add('name', p.name, 'is not a valid object name', 'Use e.g. "public".');
    if (!isDnsSubdomain(p.gatewayClassName)) {
      problems.add('gatewayClassName', p.gatewayClassName, 'is not a GatewayClass name', 'Use the GatewayClass of your Gateway implementation, e.g. "cilium" or "eg".');
    }
    this.gatewayClassName = p.gatewayClassName;
    this.tls = gatewayTls(problems, p.tls, defaults.certManagerClusterIssuer);
    this.fixedHosts = listenerHosts(problems, p.hosts, this.tls.hosts);
    if (p.allowedRoutes !== undefined && !(p.allowedRoutes instanceof RouteNamespaces)) {
      problems.add('allowedRoutes', p.allowedRoutes, 'is not a RouteNamespaces', 'Use RouteNamespaces.same(), .all() or .selector({ ... }).');
    }
    this.allowed = p.allowedRoutes instanceof RouteNamespaces ? p.allowedRoutes : RouteNamespaces.same();
    const labels = checkStringMap(p.labels, 'labels', problems);
    const annotations = checkStringMap(p.annotations, 'annotations', problems);
    problems.throwIfAny();
    this.gateway = this.render(p.name, { ...(defaults.labels ?? {}), ...labels, [MANAGED_BY_LABEL]: MANAGED_BY_VALUE },
      { ...(defaults.annotations ?? {}), ...annotations, ...this.tls.annotations });
    this.gatewayName = this.gateway.name;
    this.node.addValidation({ validate: () => this.validateGateway() });
    GoldenPathValidation.of(this)._register(this);
  }

  /** Whether the gateway serves HTTPS (false only with `TlsSource.noneInsecurePlainHttp()`). */
  public get https(): boolean {
    return this.tls.https;
  }

  /** Host names of the HTTPS listeners, in order. */
  public get hosts(): string[] {
    if (!this.tls.https) return [];
    return this.fixedHosts ?? [...new Set(this.attached.flatMap((a) => a.hosts()))];
  }

  /**
   * Records a route attached to the gateway; its hosts get listeners (when the gateway's hosts are not fixed).
   * @internal
   */
  public _attach(route: IConstruct, namespace: string, hosts: () => string[]): void {
    this.attached.push({ path: route.node.path, namespace, hosts });
  }

  /**
   * The HTTPS listener that serves a host, else undefined: its own listener, or a fixed host covering it.
   * @internal
   */
  public _listenerFor(host: string): string | undefined {
    if (!this.tls.https) return undefined;
    if (!this.fixedHosts) return listenerName(host);
    const exact = this.fixedHosts.find((h) => h === host);
    const covering = exact ?? this.fixedHosts.find((h) => tlsCovers([h], host));
    return covering === undefined ? undefined : listenerName(covering);
  }

  /**
   * The gateway's allowedRoutes.
   * @internal
   */
  public get _allowedRoutes(): RouteNamespaces {
    return this.allowed;
  }

  private render(name: string | undefined, labels: Record<string, string>, annotations: Record<string, string>): ApiObject {
    return new RenderedOnceApiObject(this, 'Resource', {
      apiVersion: GATEWAY_API_VERSION,
      kind: 'Gateway',
      metadata: {
        ...(name !== undefined ? { name } : {}),
        labels: sortKeys(labels),
        ...(Object.keys(annotations).length ? { annotations: sortKeys(annotations) } : {}),
      },
      spec: Lazy.any({ produce: () => ({ gatewayClassName: this.gatewayClassName, listeners: this.listeners() }) }),
    } as any);
  }

  /** The plain HTTP listener, then one HTTPS listener per host. */
  private listeners(): any[] {
    const allowedRoutes = this.allowed._render();
    const http = { name: WebGateway.HTTP_LISTENER, port: 80, protocol: 'HTTP', allowedRoutes };
    return [http, ...this.hosts.map((host) => ({
      name: listenerName(host),
      hostname: host,
      port: 443,
      protocol: 'HTTPS',
      tls: { mode: 'Terminate', certificateRefs: [{ group: '', kind: 'Secret', name: this.tls.listenerSecret(this.gateway.name, host) }] },
      allowedRoutes,
    }))];
  }

  /** What only the finished app can tell: the gateway serves something, within the listener limit. */
  private validateGateway(): string[] {
    const path = this.node.path;
    const hosts = this.hosts;
    if (this.tls.https && hosts.length === 0) {
      return [`${path}: hosts (not set) leaves the gateway without an HTTPS listener: no route is attached and no hosts are given. Attach a WebRoute (RouteOutput.gatewayApi({ gateway: GatewayRef.of(gateway) })) or set hosts.`];
    }
    if (hosts.length >= MAX_LISTENERS) {
      return [`${path}: hosts ${hosts.length} hosts need ${hosts.length + 1} listeners, more than the ${MAX_LISTENERS} a Gateway holds. Use a wildcard host (hosts: ["*.example.com"]) or a second WebGateway.`];
    }
    return [];
  }
}

/** The listener of a host: `https-<host>`, a wildcard's `*` written `wildcard`. */
export function listenerName(host: string): string {
  return `https-${host.replace(/^\*/, 'wildcard')}`;
}

/** The gateway's TLS: the prop, else the platform's ClusterIssuer, else a problem (plain HTTP only when asked for). */
function gatewayTls(problems: Problems, tls: unknown, platformIssuer: string | undefined): TlsBinding {
  let source = tls;
  if (source === undefined && platformIssuer) source = TlsSource.certManagerClusterIssuer(platformIssuer);
  if (source === undefined) {
    problems.add('tls', undefined, 'leaves the gateway without certificates and no PlatformDefaults certManagerClusterIssuer is set',
      'Set tls: TlsSource.certManagerClusterIssuer("letsencrypt-prod") or TlsSource.secret("wildcard-tls"), set PlatformDefaults certManagerClusterIssuer, or opt out explicitly with TlsSource.noneInsecurePlainHttp().');
  } else if (!(source instanceof TlsSource)) {
    problems.add('tls', source, 'is not a TlsSource', 'Use TlsSource.certManagerClusterIssuer(...), TlsSource.secret(...) or TlsSource.noneInsecurePlainHttp().');
    source = undefined;
  }
  const binding = ((source as TlsSource | undefined) ?? TlsSource.noneInsecurePlainHttp())._bind(problems);
  if (binding.kind === 'aws-certificate-manager') {
    problems.add('tls', binding.factory, 'is for the AWS Load Balancer Controller\'s Ingress; a Gateway\'s listeners refer to Secrets', 'Use TlsSource.secret(...) or a cert-manager issuer.');
  }
  return binding;
}

/** The fixed listener hosts: the prop or the TLS source's hosts (they must agree when both are given). */
function listenerHosts(problems: Problems, hosts: unknown, tlsHosts: string[] | undefined): string[] | undefined {
  if (hosts === undefined) return tlsHosts;
  if (!Array.isArray(hosts) || hosts.length === 0) {
    problems.add('hosts', hosts, 'is not a non-empty list of host names', 'List the hosts, e.g. ["shop.example.com", "*.example.com"], or leave hosts out.');
    return undefined;
  }
  hosts.forEach((h, i) => {
    const p = hostProblem(h);
    if (p) problems.add(`hosts[${i}]`, h, p, 'Use a DNS name such as "shop.example.com" or "*.example.com".');
  });
  if (new Set(hosts).size !== hosts.length) problems.add('hosts', hosts, 'names a host twice', 'List each host once.');
  if (tlsHosts && JSON.stringify([...tlsHosts].sort()) !== JSON.stringify([...hosts].sort())) {
    problems.add('hosts', hosts, `differ from the TLS source's hosts ${JSON.stringify(tlsHosts)}`, 'Give the hosts in one place: the gateway\'s hosts prop.');
  }
  return [...hosts];
}
