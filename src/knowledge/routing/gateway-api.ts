/**
 * Facts about the Gateway API (standard channel, v1.6.1 CRDs: kubernetes-sigs/gateway-api config/crd/standard, commit
 * 8bb74df00e56) that the routing constructs and the GWY rules share.
 */

/** API group of the Gateway API. */
export const GATEWAY_GROUP = 'gateway.networking.k8s.io';
/** apiVersion of Gateway and HTTPRoute (GA since Gateway API v1.0). */
export const GATEWAY_API_VERSION = `${GATEWAY_GROUP}/v1`;
/**
 * apiVersion the library writes ReferenceGrants in: v1beta1 is served by every Gateway API release since v0.6 and is
 * still the storage version in v1.6.1, which also serves v1.
 */
export const REFERENCE_GRANT_API_VERSION = `${GATEWAY_GROUP}/v1beta1`;
/** apiVersions of ReferenceGrant the rules read. */
export const REFERENCE_GRANT_API_VERSIONS: readonly string[] = [`${GATEWAY_GROUP}/v1beta1`, `${GATEWAY_GROUP}/v1`];

/** Hostnames of one HTTPRoute (spec.hostnames maxItems). */
export const MAX_ROUTE_HOSTNAMES = 16;
/** Rules of one HTTPRoute (spec.rules maxItems). */
export const MAX_ROUTE_RULES = 16;
/** Headers of one match (matches[].headers maxItems). */
export const MAX_HEADER_MATCHES = 16;
/** Entries of ReferenceGrant spec.to (maxItems). */
export const MAX_GRANT_TARGETS = 16;
/** Listeners of one Gateway (spec.listeners maxItems). */
export const MAX_LISTENERS = 64;

/** HTTP header names the HTTPRoute schema accepts (RFC 7230 token). */
export const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;

/** The Gateway API path match type for an Ingress-style path type. */
export const GATEWAY_PATH_TYPE: Readonly<Record<string, string>> = {
  Prefix: 'PathPrefix',
  Exact: 'Exact',
};

/** Listener protocols that carry HTTP routes. */
export const HTTP_PROTOCOLS: readonly string[] = ['HTTP', 'HTTPS'];

/**
 * A Gateway API duration as the schema writes it (`^([0-9]{1,5}(h|m|s|ms)){1,4}$`): whole hours, minutes, seconds
 * or milliseconds, undefined when the value has none of them (zero or negative).
 */
export function gatewayDuration(millis: number): string | undefined {
  if (!Number.isInteger(millis) || millis <= 0) return undefined;
  const units: Array<[number, string]> = [[3_600_000, 'h'], [60_000, 'm'], [1000, 's'], [1, 'ms']];
  for (const [size, unit] of units) {
    if (millis % size === 0 && millis / size <= 99999) return `${millis / size}${unit}`;
  }
  return undefined;
}

/** Milliseconds of a Gateway API duration (`1h30m`, `500ms`), undefined when it does not parse. */
export function parseGatewayDuration(text: unknown): number | undefined {
  if (typeof text !== 'string' || !/^([0-9]{1,5}(h|m|s|ms)){1,4}$/.test(text)) return undefined;
  let total = 0;
  for (const m of text.matchAll(/([0-9]{1,5})(ms|h|m|s)/g)) {
    total += Number(m[1]) * ({ h: 3_600_000, m: 60_000, s: 1000, ms: 1 } as Record<string, number>)[m[2]];
  }
  return total;
}
