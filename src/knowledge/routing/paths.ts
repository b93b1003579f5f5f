/**
 * Facts about Ingress hosts, paths and TLS hosts, shared by WebRoute (eager prop checks) and the ING rules
 * (plain objects), so both refuse exactly the same things.
 *
 * Sources: kubernetes/kubernetes pkg/apis/networking/validation/validation.go (host, path and pathType rules),
 * ingress-nginx `strict-validate-path-type` (on by default since controller v1.8; see the project's reference/README.md).
 */

const DNS_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS_SUBDOMAIN = new RegExp(`^${DNS_LABEL}(\\.${DNS_LABEL})*$`);
const WILDCARD_SUBDOMAIN = new RegExp(`^\\*\\.${DNS_LABEL}(\\.${DNS_LABEL})*$`);

/** Path types of networking.k8s.io/v1. */
export const PATH_TYPES = ['Exact', 'Prefix', 'ImplementationSpecific'];

/** Whether a string is an IPv4 or IPv6 address (the API server refuses them as rule hosts). */
export function isIpAddress(host: string): boolean {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return host.split('.').every((n) => Number(n) <= 255);
  return host.includes(':') && /^[0-9a-fA-F:.]+$/.test(host);
}

/**
 * What is wrong with an Ingress host, or undefined when it is a valid DNS name (optionally with a leading `*.`).
 * @param allowIp whether an IP address is acceptable (TLS hosts are not checked for IPs by the API server)
 */
export function hostProblem(host: unknown, allowIp = false): string | undefined {
  if (typeof host !== 'string' || host === '') return 'is not a host name';
  if (!allowIp && isIpAddress(host)) return 'is an IP address; Ingress hosts must be DNS names';
  if (host.length > 253) return 'is longer than 253 characters';
  if (host.includes('*')) {
    return WILDCARD_SUBDOMAIN.test(host) ? undefined
      : 'is not a valid wildcard host: only a single leading "*." followed by a DNS name is allowed';
  }
  if (DNS_SUBDOMAIN.test(host)) return undefined;
  if (DNS_SUBDOMAIN.test(host.toLowerCase())) return 'has upper-case letters; DNS names in Kubernetes are lower case';
  if (host.includes(':')) return 'holds a port; Ingress hosts carry no port';
  return 'is not a DNS name (lower-case letters, digits, "-" and ".", each label starting and ending with a letter or digit)';
}

const INVALID_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_SUFFIXES = ['/..', '/.'];

/**
 * What the API server refuses in a path of the given type, or undefined when it accepts it.
 * Exact and Prefix paths are absolute and hold no `//`, `/./`, `/../`, `%2f`, nor end in `/.` or `/..`;
 * ImplementationSpecific paths only have to be absolute.
 */
export function pathProblem(path: unknown, pathType: string): string | undefined {
  if (typeof path !== 'string') return 'is not a string';
  if (pathType === 'ImplementationSpecific') {
    return path !== '' && !path.startsWith('/') ? 'does not start with "/"' : undefined;
  }
  if (!path.startsWith('/')) return 'does not start with "/"';
  for (const seq of INVALID_SEQUENCES) if (path.includes(seq)) return `holds "${seq}", which the API server refuses in ${pathType} paths`;
  for (const suf of INVALID_SUFFIXES) if (path.endsWith(suf)) return `ends with "${suf}", which the API server refuses in ${pathType} paths`;
  return undefined;
}

/**
 * What ingress-nginx refuses in an Exact or Prefix path with strict-validate-path-type (its default): only letters,
 * digits, `-`, `_` and `/` are allowed. Undefined when the path is acceptable.
 */
export function nginxPathProblem(path: unknown, pathType: string): string | undefined {
  if (typeof path !== 'string' || (pathType !== 'Exact' && pathType !== 'Prefix')) return undefined;
  const bad = [...new Set(path.replace(/[A-Za-z0-9_\-/]/g, ''))];
  if (bad.length === 0) return undefined;
  return `holds ${bad.map((c) => JSON.stringify(c)).join(', ')}, which ingress-nginx refuses in ${pathType} paths (strict-validate-path-type allows only letters, digits, "-", "_" and "/")`;
}

/**
 * Whether a TLS host covers a rule host: equal, or a wildcard `*.example.com` covering exactly one more label
 * (`a.example.com`, not `example.com` nor `a.b.example.com`), as certificate wildcards do.
 */
export function tlsHostCovers(tlsHost: string, ruleHost: string): boolean {
  if (typeof tlsHost !== 'string' || typeof ruleHost !== 'string') return false; // wrong types are reported by the callers
  const t = tlsHost.toLowerCase();
  const r = ruleHost.toLowerCase();
  if (t === r) return true;
  if (!t.startsWith('*.')) return false;
  if (r.startsWith('*.')) return false; // a wildcard rule is covered only by the same wildcard
  const dot = r.indexOf('.');
  return dot > 0 && r.slice(dot + 1) === t.slice(2);
}

/** Whether any of the TLS hosts covers the rule host. */
export function tlsCovers(tlsHosts: string[], ruleHost: string): boolean {
  return tlsHosts.some((t) => tlsHostCovers(t, ruleHost));
}

/** Characters an ALB path condition accepts besides letters and digits; `*` and `?` are its wildcards. */
const ALB_PATH_CHARS = /[A-Za-z0-9_\-.$/~"'@:+&]/g;

/**
 * What the AWS Load Balancer Controller's ALB refuses in a path: an ALB path condition is at most 128 characters of
 * letters, digits and `_-.$/~"'@:+&`, with `*` and `?` as wildcards (so in an Exact or Prefix path they would not
 * match themselves). Undefined when the path is acceptable.
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-condition-types.html
 */
export function albPathProblem(path: unknown, pathType: string): string | undefined {
  if (typeof path !== 'string') return undefined;
  if (path.length > 128) return `is ${path.length} characters long; an ALB path condition holds at most 128`;
  const rest = path.replace(ALB_PATH_CHARS, '');
  const wildcards = pathType === 'ImplementationSpecific' ? rest.replace(/[*?]/g, '') : rest;
  const bad = [...new Set(wildcards)];
  if (bad.length === 0) return undefined;
  const what = bad.some((c) => c === '*' || c === '?') ? ' ("*" and "?" are ALB wildcards, accepted in ImplementationSpecific paths only)' : '';
  return `holds ${bad.map((c) => JSON.stringify(c)).join(', ')}, which an ALB path condition does not accept${what}`;
}

/** Characters the Gateway API accepts in Exact and PathPrefix path values (HTTPRoute CRD, v1.6.1). */
const GATEWAY_PATH = /^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$/;

/**
 * What the HTTPRoute CRD refuses in an Exact or PathPrefix path value (its x-kubernetes-validations, v1.6.1): it must
 * start with `/`, hold no `//`, `/./`, `/../`, `%2f`, `%2F` or `#`, not end in `/.` or `/..`, and use only the
 * characters of an RFC 3986 path. Undefined when the path is acceptable.
 */
export function gatewayPathProblem(path: unknown): string | undefined {
  if (typeof path !== 'string') return 'is not a string';
  if (!path.startsWith('/')) return 'does not start with "/"';
  for (const seq of [...INVALID_SEQUENCES, '#']) if (path.includes(seq)) return `holds "${seq}", which the HTTPRoute schema refuses in a path`;
  for (const suf of INVALID_SUFFIXES) if (path.endsWith(suf)) return `ends with "${suf}", which the HTTPRoute schema refuses in a path`;
  if (path.length > 1024) return 'is longer than 1024 characters';
  if (!GATEWAY_PATH.test(path)) {
    const bad = [...new Set(path.replace(/%[0-9a-fA-F]{2}/g, '').replace(/[-A-Za-z0-9/._~!$&'()*+,;=:@]/g, ''))];
    return `holds ${bad.map((c) => JSON.stringify(c)).join(', ')}, which the HTTPRoute schema refuses in a path (RFC 3986 path characters only; percent-encode others)`;
  }
  return undefined;
}

/**
 * Whether a Gateway listener hostname covers every name a route hostname stands for, as the Gateway API matches them:
 * a listener without hostname covers all; equal names; a listener wildcard `*.example.com` covers any name below
 * example.com (`a.example.com`, `a.b.example.com`, `*.a.example.com`, not `example.com`). A route wildcard on a listener
 * with one name is only partly served (the API accepts the intersection): not covered.
 * @see HTTPRouteSpec.hostnames in the HTTPRoute CRD
 */
export function listenerCovers(listenerHost: string | undefined, routeHost: string): boolean {
  if (listenerHost === undefined || listenerHost === '') return true;
  if (typeof routeHost !== 'string') return false;
  const l = listenerHost.toLowerCase();
  const r = routeHost.toLowerCase();
  if (l === r) return true;
  return l.startsWith('*.') && r.endsWith(l.slice(1));
}

/**
 * What a path matches, as a key: two rules of one host whose keys are equal match the same requests with the same
 * precedence, so one of them silently wins. Prefix (Ingress) and PathPrefix (Gateway API) match element-wise and
 * ignore a trailing slash (`/api` and `/api/` are the same match); Exact `/api` and Prefix `/api` are not: both
 * APIs give an exact match precedence over a prefix, so both rules take effect. Regular expressions and
 * implementation-specific paths compare as written.
 */
export function matchKey(path: string, pathType: string, regex = false): string {
  switch (pathType) {
    case 'Prefix':
    case 'PathPrefix':
      return `prefix:${path.length > 1 ? path.replace(/\/+$/, '') || '/' : path}`;
    case 'Exact':
      return `exact:${path}`;
    case 'RegularExpression':
      return `regex:${path}`;
    default:
      return regex ? `regex:${path}` : `implementation-specific:${path}`;
  }
}
