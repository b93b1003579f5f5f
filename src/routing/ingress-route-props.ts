import { RouteBackend } from './backend';
import { IngressNginxOptions } from './nginx';
import { TlsSource } from './tls';

/**
 * How an Ingress path matches request paths.
 * @see https://kubernetes.io/docs/concepts/services-networking/ingress/#path-types
 */
export enum RoutePathType {
  /** The path and everything under it, split on `/`: `/api` matches `/api` and `/api/orders`, not `/apis`. */
  PREFIX = 'Prefix',
  /** Exactly this path, case-sensitive. */
  EXACT = 'Exact',
  /**
   * Left to the controller: with ingress-nginx, a regular expression. Accepted only with `nginx.useRegex`
   * (or a rewriteTarget with capture groups), since ingress-nginx refuses regex characters in Prefix and Exact paths.
   */
  IMPLEMENTATION_SPECIFIC = 'ImplementationSpecific',
}

/** Options of one rule of an IngressRoute. */
export interface RouteRuleOptions {
  /**
   * How the path matches.
   * @default RoutePathType.PREFIX - `/api` also serves `/api/orders`, the usual intent
   */
  readonly pathType?: RoutePathType;
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

/** Props of {@link IngressRoute}. */
export interface IngressRouteProps {
  /**
   * Name of the Ingress object.
   * @default - generated from the construct path, stable across synths
   */
  readonly name?: string;
  /**
   * The IngressClass, i.e. which controller serves the route.
   * @see https://kubernetes.io/docs/concepts/services-networking/ingress/#ingress-class
   * @default - the nearest PlatformDefaults ingressClassName, else 'nginx': never left to the cluster's default class
   */
  readonly ingressClassName?: string;
  /**
   * Where the certificate comes from. Plain HTTP only through `TlsSource.noneInsecurePlainHttp()`.
   * @default - a cert-manager certificate from the nearest PlatformDefaults certManagerClusterIssuer; without one
   * the route refuses to synthesize rather than serve plain HTTP
   */
  readonly tls?: TlsSource;
  /**
   * Redirect HTTP requests to HTTPS (`nginx.ingress.kubernetes.io/ssl-redirect`).
   * @default - true with TLS: no page is served over plain HTTP
   */
  readonly sslRedirect?: boolean;
  /**
   * Rules; more can be added with {@link IngressRoute.addRule}.
   * @default - none
   */
  readonly rules?: RouteRule[];
  /**
   * Backend for requests that match no rule.
   * @default - none: the controller answers 404 for requests that match no rule
   */
  readonly defaultBackend?: RouteBackend;
  /**
   * Typed ingress-nginx options, rendered as annotations.
   * @default - ingress-nginx defaults
   */
  readonly nginx?: IngressNginxOptions;
  /**
   * Extra annotations on the Ingress (for options without a typed prop). Keys the typed props set are refused here.
   * @default - none
   */
  readonly annotations?: { [key: string]: string };
  /**
   * Extra labels on the Ingress.
   * @default - none (the managed-by label and PlatformDefaults labels are always set)
   */
  readonly labels?: { [key: string]: string };
}
