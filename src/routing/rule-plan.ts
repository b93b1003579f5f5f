import { BackendContext, PlannedBackend, RouteBackend } from './backend';
import { HeaderMatch, PathRewrite, RoutePathType, RouteRuleOptions } from './web-route-props';
import { Problems } from '../core/problems';
import { HEADER_NAME, MAX_HEADER_MATCHES } from '../knowledge/routing/gateway-api';
import { captureGroups, captureReferences } from '../knowledge/routing/ingress-nginx';
import { gatewayPathProblem, hostProblem, matchKey, pathProblem, tlsCovers } from '../knowledge/routing/paths';

/**
 * The checks of one rule of a route: its host, path and path type against what the API server, the output
 * (Ingress and its controller, or the HTTPRoute schema) accept and against the route's TLS hosts, then its headers,
 * rewrite and backend.
 */

/** One checked rule. */
export interface RouteEntry {
  readonly host: string;
  readonly path: string;
  readonly pathType: string;
  readonly backend: PlannedBackend;
  /** Header matches (Gateway API), in the order given. */
  readonly headers: HeaderMatch[];
  /** Path rewrite (Gateway API). */
  readonly rewrite?: PathRewrite;
}

/** What a rule is checked against: the route it joins. */
export interface RuleContext {
  /** Whether the route renders HTTPRoutes (else an Ingress). */
  readonly gateway: boolean;
  /** What backends are checked against. */
  readonly backend: BackendContext;
  /** Whether the controller reads the route's paths as regular expressions (ingress-nginx `use-regex`). */
  readonly regex: boolean;
  /** ingress-nginx `rewrite-target`. */
  readonly rewriteTarget?: string;
  /** The hosts the TLS options list: every rule host must be covered. */
  readonly tlsHosts?: string[];
  /** The controller's own path rule, and its name for messages. */
  readonly pathProblem?: (path: unknown, pathType: string) => string | undefined;
  /** The controller, for messages. */
  readonly controller?: string;
  /** Why an ImplementationSpecific path is refused, else undefined. */
  readonly implementationSpecific?: string;
}

/** A rule as given, unchecked. */
export interface RuleInput {
  readonly host: unknown;
  readonly path: unknown;
  readonly backend: unknown;
  readonly options: RouteRuleOptions;
}

/**
 * Checks one rule (problems named `<prop> host`, `<prop> path`, ...) against the route and the rules it already has;
 * undefined when it found any problem.
 */
export function planRule(problems: Problems, route: RuleContext, prop: string, rule: RuleInput, existing: RouteEntry[]): RouteEntry | undefined {
  const before = problems.count;
  const { host, path } = rule;
  const opts: any = rule.options && typeof rule.options === 'object' ? rule.options : {};
  const hp = checkHost(problems, prop, host);
  const pathType = opts.pathType ?? RoutePathType.PREFIX;
  const pathTypeOk = checkPathType(problems, prop, pathType, route);
  const pp = checkPath(problems, prop, path, pathType, pathTypeOk, route);
  if (!route.gateway && route.rewriteTarget !== undefined && typeof path === 'string') checkRewriteTarget(problems, prop, path, pathType, route.rewriteTarget);
  if (!hp && route.tlsHosts && !tlsCovers(route.tlsHosts, host as string)) {
    problems.add(`${prop} host`, host, `is not covered by the TLS hosts ${JSON.stringify(route.tlsHosts)} (a wildcard covers exactly one label)`,
      `Add ${JSON.stringify(host)} to the TlsSource hosts, or leave hosts out to cover every rule host.`);
  }
  const headers = checkHeaders(problems, prop, opts.headers, route.gateway);
  const rewrite = checkRewrite(problems, prop, opts.rewrite, pathType, route.gateway);
  if (!hp && !pp && typeof path === 'string' && pathTypeOk) {
    const key = matchKey(path, pathType, route.regex) + headerKey(headers);
    const twin = existing.find((e) => e.host === host && matchKey(e.path, e.pathType, route.regex) + headerKey(e.headers) === key);
    if (twin) {
      problems.add(`${prop} path`, path, `matches the same requests for host ${JSON.stringify(host)} as the rule for ${JSON.stringify(twin.path)} (${twin.pathType}) in this route`,
        'Remove the duplicate rule; one host and path go to one backend (a trailing slash does not change a Prefix match).');
    }
  }
  const planned = planBackend(problems, `${prop} backend`, rule.backend, route.backend);
  if (problems.count > before) return undefined;
  return { host: host as string, path: path as string, pathType, backend: planned!, headers, rewrite };
}

/** The headers of a match as part of its key: sorted, names case-insensitive. */
function headerKey(headers: HeaderMatch[]): string {
  return headers.length ? ' ' + JSON.stringify(headers.map((h) => [h.name.toLowerCase(), h.value]).sort()) : '';
}

/** Checks a backend for a route; undefined when it found any problem. */
export function planBackend(problems: Problems, prop: string, backend: unknown, ctx: BackendContext): PlannedBackend | undefined {
  if (!(backend instanceof RouteBackend)) {
    problems.add(prop, backend, 'is not a RouteBackend', 'Use RouteBackend.service(service, { port }), RouteBackend.workload(deployment, { port }) or RouteBackend.serviceName(name, { port }).');
    return undefined;
  }
  return backend._plan(problems, prop, ctx);
}

/** The problem with the host, also recorded, or undefined. */
function checkHost(problems: Problems, prop: string, host: unknown): string | undefined {
  const hp = hostProblem(host);
  if (hp) {
    problems.add(`${prop} host`, host, hp, typeof host === 'string' && hp.includes('upper-case')
      ? `Use ${JSON.stringify(host.toLowerCase())}.`
      : 'Use a DNS name such as "shop.example.com" or a wildcard such as "*.example.com"; route by IP through a LoadBalancer Service instead.');
  }
  return hp;
}

/** Whether the path type is one of the three; ImplementationSpecific only where the output gives it a meaning. */
function checkPathType(problems: Problems, prop: string, pathType: string, route: RuleContext): boolean {
  const pathTypeOk = (Object.values(RoutePathType) as string[]).includes(pathType);
  if (!pathTypeOk) {
    problems.add(`${prop} pathType`, pathType, 'is not Prefix, Exact or ImplementationSpecific', 'Use RoutePathType.PREFIX or RoutePathType.EXACT.');
  } else if (pathType === RoutePathType.IMPLEMENTATION_SPECIFIC && route.gateway) {
    problems.add(`${prop} pathType`, pathType, 'has no Gateway API equivalent (HTTPRoute paths are PathPrefix or Exact; RegularExpression support is implementation-specific)', 'Use RoutePathType.PREFIX or RoutePathType.EXACT.');
    return false;
  } else if (pathType === RoutePathType.IMPLEMENTATION_SPECIFIC && route.implementationSpecific) {
    problems.add(`${prop} pathType`, pathType, `${route.implementationSpecific}`,
      route.regex || !route.controller?.startsWith('ingress-nginx') ? 'Use RoutePathType.PREFIX or RoutePathType.EXACT.'
        : 'Use RoutePathType.PREFIX or RoutePathType.EXACT, or set useRegex: true in IngressController.ingressNginx({ ... }) for a regex path.');
  }
  return pathTypeOk;
}

/** The problem the API server (or the HTTPRoute schema) has with the path, also recorded, or undefined; then the controller's rule. */
function checkPath(problems: Problems, prop: string, path: unknown, pathType: string, pathTypeOk: boolean, route: RuleContext): string | undefined {
  // with a wrong pathType (reported by checkPathType) only what holds for every type is checked: the messages name the type
  const pp = route.gateway ? gatewayPathProblem(path)
    : pathTypeOk ? pathProblem(path, pathType) : pathProblem(path, RoutePathType.IMPLEMENTATION_SPECIFIC);
  const cp = pp || !pathTypeOk || !route.pathProblem ? undefined : route.pathProblem(path, pathType);
  if (pp || cp) {
    const fix = typeof path === 'string' && !path.startsWith('/') ? `Use ${JSON.stringify('/' + path)}.`
      : cp ? `Remove those characters${route.controller?.startsWith('ingress-nginx') ? ', or use a regex path with RoutePathType.IMPLEMENTATION_SPECIFIC and useRegex: true' : ''}.`
        : 'Write the path in its normalized form, e.g. "/api/v1".';
    problems.add(`${prop} path`, path, cp ? `${cp} (${route.controller})` : pp!, fix);
  }
  if (!pp && typeof path === 'string' && pathType === RoutePathType.IMPLEMENTATION_SPECIFIC && route.regex) {
    try {
      new RegExp(path);
    } catch {
      problems.add(`${prop} path`, path, 'is not a valid regular expression', 'Fix the expression, e.g. "/api(/|$)(.*)".');
    }
  }
  return pp;
}

/** Header matches: Gateway API only, valid names, values of 1 to 4096 characters, at most 16, no name twice. */
function checkHeaders(problems: Problems, prop: string, headers: unknown, gateway: boolean): HeaderMatch[] {
  if (headers === undefined) return [];
  if (!gateway) {
    problems.add(`${prop} headers`, headers, 'cannot be rendered: an Ingress matches host and path only', 'Use Gateway API output (output: RouteOutput.gatewayApi(...)), or drop the header match.');
    return [];
  }
  if (!Array.isArray(headers) || headers.length > MAX_HEADER_MATCHES) {
    problems.add(`${prop} headers`, headers, `is not a list of at most ${MAX_HEADER_MATCHES} HeaderMatch`, 'Pass e.g. [{ name: "x-canary", value: "true" }].');
    return [];
  }
  const seen = new Set<string>();
  headers.forEach((h, i) => {
    const name = h && typeof h === 'object' ? h.name : undefined;
    const value = h && typeof h === 'object' ? h.value : undefined;
    if (typeof name !== 'string' || name.length > 256 || !HEADER_NAME.test(name)) {
      problems.add(`${prop} headers[${i}] name`, name, 'is not an HTTP header name', 'Use e.g. "x-canary".');
    } else if (seen.has(name.toLowerCase())) {
      problems.add(`${prop} headers[${i}] name`, name, 'is matched twice; header names are case-insensitive', 'Keep one match per header.');
    }
    if (typeof name === 'string') seen.add(name.toLowerCase());
    if (typeof value !== 'string' || value === '' || value.length > 4096 || /[\r\n]/.test(value)) {
      problems.add(`${prop} headers[${i}] value`, value, 'is not a header value (1 to 4096 characters, one line)', 'Use e.g. "true".');
    }
  });
  return headers.map((h: any) => ({ name: h?.name, value: h?.value }));
}

/** A path rewrite: Gateway API only; a prefix replacement needs a Prefix path. */
function checkRewrite(problems: Problems, prop: string, rewrite: unknown, pathType: string, gateway: boolean): PathRewrite | undefined {
  if (rewrite === undefined) return undefined;
  if (!(rewrite instanceof PathRewrite)) {
    problems.add(`${prop} rewrite`, rewrite, 'is not a PathRewrite', 'Use PathRewrite.replacePrefix("/") or PathRewrite.replaceFullPath("/index.html").');
    return undefined;
  }
  if (!gateway) {
    problems.add(`${prop} rewrite`, rewrite, 'cannot be rendered on an Ingress (each controller rewrites differently)', 'Use Gateway API output, or the controller\'s own option (e.g. IngressController.ingressNginx({ rewriteTarget })).');
    return undefined;
  }
  if (typeof rewrite.value !== 'string' || !rewrite.value.startsWith('/') || rewrite.value.length > 1024 || gatewayPathProblem(rewrite.value)) {
    problems.add(`${prop} rewrite`, rewrite, 'does not rewrite to an absolute, normalized path', 'Use a path such as "/" or "/v2".');
  }
  if (rewrite.type === 'ReplacePrefixMatch' && pathType !== RoutePathType.PREFIX) {
    problems.add(`${prop} rewrite`, rewrite, `replaces a prefix, but the path is ${pathType}: the HTTPRoute schema allows a prefix rewrite only on a PathPrefix match`,
      'Use RoutePathType.PREFIX, or PathRewrite.replaceFullPath(...).');
  }
  return rewrite;
}

/** A rewrite target with capture groups needs regex paths that have them; one without replaces every Prefix path. */
function checkRewriteTarget(problems: Problems, prop: string, path: string, pathType: string, rewriteTarget: string): void {
  const refs = captureReferences(rewriteTarget);
  if (refs > 0 && (pathType !== RoutePathType.IMPLEMENTATION_SPECIFIC || captureGroups(path) < refs)) {
    problems.add(`${prop} path`, path, `has no capture group $${refs} for rewriteTarget ${JSON.stringify(rewriteTarget)}`,
      `Write the path as a regex with ${refs} capture group(s) and pathType RoutePathType.IMPLEMENTATION_SPECIFIC, e.g. ${JSON.stringify(`${path.replace(/\/$/, '')}(/|$)(.*)`)} with rewriteTarget "/$2".`);
  } else if (refs === 0 && pathType === RoutePathType.PREFIX) {
    problems.add(`${prop} path`, path, `is a Prefix path, and rewriteTarget ${JSON.stringify(rewriteTarget)} replaces the whole URI: every request under it reaches the backend as ${JSON.stringify(rewriteTarget)}`,
      'Use RoutePathType.EXACT, or a regex path with a capture group and a rewriteTarget such as "/$2".');
  }
}
