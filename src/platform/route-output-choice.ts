/**
 * Where a route's traffic enters the cluster, as platform defaults hold it: an Ingress for a chosen controller, or an
 * HTTPRoute attached to a Gateway. Implemented by the routing layer's `RouteOutput` (created with its factories,
 * `RouteOutput.ingress(...)` and `RouteOutput.gatewayApi(...)`); platform defaults only carry it.
 */
export interface IRouteOutput {
  /** What the output is, as messages name it, e.g. `Ingress for Traefik (class traefik)`. */
  readonly description: string;
}
