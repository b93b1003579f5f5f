import { Duration } from 'cdk8s';
import { RouteBackend } from './backend';
import { RouteOutput } from './route-output';
import { TlsSource } from './tls';

/**
 * How a path matches request paths.
 * @see https://kubernetes.io/docs/concepts/services-networking/ingress/#path-types
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#pathmatchtype
 */
export enum RoutePathType {
  /**
   * The path and everything under it, split on `/`: `/api` matches `/api` and `/api/orders`, not `/apis`
   * (Ingress `Prefix`, Gateway API `PathPrefix`).
   */
  PREFIX = 'Prefix',
  /** Exactly this path, case-sensitive. */
  EXACT = 'Exact',
  /**
   * Left to the controller: with ingress-nginx, a regular expression (only with `useRegex`); with the AWS Load
   * Balancer Controller, ALB wildcards. Ingress output only.
   */
  IMPLEMENTATION_SPECIFIC = 'ImplementationSpecific',
}

/** A request header a rule matches, exactly (name case-insensitive, value case-sensitive). Gateway API output only. */
export interface HeaderMatch {
  /** Header name, e.g. `x-canary`. */
  readonly name: string;
  /** The value it must have, exactly. */
  readonly value: string;
}

/**
 * How a rule rewrites the request path before it reaches the backend: a Gateway API URLRewrite filter.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#httpurlrewritefilter
 */
export class PathRewrite {
  /**
   * Replace the matched prefix: with path `/api` (Prefix), `replacePrefix('/')` sends `/api/orders` as `/orders`.
   * @param prefix the new prefix, starting with `/`
   */
  public static replacePrefix(prefix: string): PathRewrite {
    return new PathRewrite('ReplacePrefixMatch', prefix);
  }

  /**
   * Replace the whole path: every request the rule matches reaches the backend as `path`.
   * @param path the new path, starting with `/`
   */
  public static replaceFullPath(path: string): PathRewrite {
    return new PathRewrite('ReplaceFullPath', path);
  }

  /** The Gateway API type of the rewrite: `ReplacePrefixMatch` or `ReplaceFullPath`. */
  public readonly type: string;
  /** The new prefix or path. */
  public readonly value: string;

  private constructor(type: string, value: string) {
    this.type = type;
    this.value = value;
  }

  /** The rewrite as messages show it. */
  public toString(): string {
    return `PathRewrite.${this.type === 'ReplacePrefixMatch' ? 'replacePrefix' : 'replaceFullPath'}(${JSON.stringify(this.value)})`;
  }
}

/** Options of one rule of a WebRoute. */
export interface RouteRuleOptions {
  /**
   * How the path matches.
   * @default RoutePathType.PREFIX - `/api` also serves `/api/orders`, the usual intent
   */
  readonly pathType?: RoutePathType;
  /**
   * Request headers the rule also requires, all of them (Gateway API output only: an Ingress cannot match headers).
   * @default - any headers
   */
  readonly headers?: HeaderMatch[];
  /**
   * Rewrite the path before it reaches the backend (Gateway API output; with an Ingress, use the controller's option,
   * e.g. `IngressController.ingressNginx({ rewriteTarget })`).
   * @default - the path reaches the backend unchanged
   */
  readonly rewrite?: PathRewrite;
}

/** One host and path routed to a backend. */
export interface RouteRule extends RouteRuleOptions {
  /** The host name, e.g. `shop.example.com`, or a wildcard one label deep, e.g. `*.example.com`. */
  readonly host: string;
  /**
   * The path, starting with `/`.
   * @default '/' - the whole host
   */
  readonly path?: string;
  /** Where matching requests go. */
  readonly backend: RouteBackend;
}

/**
 * Timeouts of every rule of a route (Gateway API HTTPRoute `timeouts`). Ingress controllers read timeouts from their
 * own options instead (`IngressController.haproxy({ timeoutServer })`, ...).
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#httproutetimeouts
 */
export interface RouteTimeouts {
  /**
   * Time the Gateway may take to answer a request, from the client's request to the end of the response.
   * @default - the implementation's default (often none)
   */
  readonly request?: Duration;
  /**
   * Time one request to the backend may take (retries each get their own); at most `request`.
   * @default - the implementation's default
   */
  readonly backendRequest?: Duration;
}

/** Props of {@link WebRoute}. */
export interface WebRouteProps {
  /**
   * Name of the Ingress or HTTPRoute.
   * @default - generated from the construct path, stable across synths
   */
  readonly name?: string;
  /**
   * Where the route's traffic enters the cluster: an Ingress for a chosen controller
   * (`RouteOutput.ingress(IngressController.traefik())`), or an HTTPRoute attached to a Gateway
   * (`RouteOutput.gatewayApi({ gateway: GatewayRef.platform({ name: 'public', namespace: 'gateway-system' }) })`).
   * Switching a route from Ingress to Gateway API is this one prop.
   * @default - the nearest PlatformDefaults `routeOutput`; without one the route refuses to synthesize: there is no
   * safe default controller (ingress-nginx, the old default, reached its end of life in March 2026)
   */
  readonly output?: RouteOutput;
  /**
   * Where the certificate comes from (Ingress output). Plain HTTP only through `TlsSource.noneInsecurePlainHttp()`.
   * With Gateway API output the Gateway's listeners hold the certificates: leave tls out (the route attaches to the
   * HTTPS listeners), or set `TlsSource.noneInsecurePlainHttp()` to attach to the plain HTTP listener.
   * @default - Ingress: a cert-manager certificate from the nearest PlatformDefaults certManagerClusterIssuer; without
   * one the route refuses to synthesize rather than serve plain HTTP. Gateway API: the Gateway's HTTPS listeners
   */
  readonly tls?: TlsSource;
  /**
   * Redirect HTTP requests to HTTPS: the controller's redirect (Ingress), or a RequestRedirect route on the Gateway's
   * plain HTTP listener (Gateway API). `false` on an Ingress serves the hosts over both HTTP and HTTPS; on a Gateway it
   * emits no redirect route, leaving plain HTTP to what the Gateway's HTTP listener does (e.g. the platform's own
   * redirect route).
   * @default - true with TLS: no page is served over plain HTTP
   */
  readonly sslRedirect?: boolean;
  /**
   * Rules; more can be added with {@link WebRoute.addRule}.
   * @default - none
   */
  readonly rules?: RouteRule[];
  /**
   * Backend for requests that match no rule (Ingress output; with Gateway API, add a rule for `/`).
   * @default - none: the controller answers 404 for requests that match no rule
   */
  readonly defaultBackend?: RouteBackend;
  /**
   * Timeouts of every rule (Gateway API output).
   * @default - the Gateway implementation's defaults
   */
  readonly timeouts?: RouteTimeouts;
  /**
   * Extra annotations on the Ingress or HTTPRoutes (for options without a typed prop). Keys the typed props set are
   * refused here.
   * @default - none
   */
  readonly annotations?: { [key: string]: string };
  /**
   * Extra labels on the Ingress or HTTPRoutes.
   * @default - none (the managed-by label and PlatformDefaults labels are always set)
   */
  readonly labels?: { [key: string]: string };
}
