import { PlannedBackend, RouteBackend } from './backend';
import { RoutePathType, RouteRuleOptions } from './ingress-route-props';
import { Problems } from '../core/problems';
import { captureGroups, captureReferences } from '../knowledge/routing/ingress-nginx';
import { hostProblem, nginxPathProblem, pathProblem, tlsCovers } from '../knowledge/routing/paths';

/**
 * The checks of one rule of a route: its host, path and path type against what the API server and ingress-nginx
 * accept and against the route's TLS hosts and regex settings, then its backend.
 */

/** One checked rule. */
export interface RouteEntry {
  readonly host: string;
  readonly path: string;
  readonly pathType: string;
  readonly backend: PlannedBackend;
}

/** What a rule is checked against: the route it joins. */
export interface RuleContext {
  /** The route's namespace: backends must be in it. */
  readonly namespace: string;
  /** Whether ingress-nginx reads the route's paths as regular expressions. */
  readonly regex: boolean;
  /** The route's nginx.rewriteTarget. */
  readonly rewriteTarget?: string;
  /** The hosts the TLS options list: every rule host must be covered. */
  readonly tlsHosts?: string[];
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
  const hp = checkHost(problems, prop, host);
  const pathType = rule.options?.pathType ?? RoutePathType.PREFIX;
  const pathTypeOk = checkPathType(problems, prop, pathType, route.regex);
  const pp = checkPath(problems, prop, path, pathType, pathTypeOk);
  if (route.rewriteTarget !== undefined && typeof path === 'string') checkRewriteTarget(problems, prop, path, pathType, route.rewriteTarget);
  if (!hp && route.tlsHosts && !tlsCovers(route.tlsHosts, host as string)) {
    problems.add(`${prop} host`, host, `is not covered by the TLS hosts ${JSON.stringify(route.tlsHosts)} (a wildcard covers exactly one label)`,
      `Add ${JSON.stringify(host)} to the TlsSource hosts, or leave hosts out to cover every rule host.`);
  }
  if (!hp && !pp && typeof path === 'string') {
    if (existing.some((e) => e.host === host && e.path === path && e.pathType === pathType)) {
      problems.add(`${prop} path`, path, `is already routed for host ${JSON.stringify(host)} (${pathType}) in this route`, 'Remove the duplicate rule; one host and path go to one backend.');
    }
  }
  const planned = planBackend(problems, `${prop} backend`, rule.backend, route.namespace);
  if (problems.count > before) return undefined;
  return { host: host as string, path: path as string, pathType, backend: planned! };
}

/** Checks a backend for a route in `namespace`; undefined when it found any problem. */
export function planBackend(problems: Problems, prop: string, backend: unknown, namespace: string): PlannedBackend | undefined {
  if (!(backend instanceof RouteBackend)) {
    problems.add(prop, backend, 'is not a RouteBackend', 'Use RouteBackend.service(service, { port }) or RouteBackend.workload(deployment, { port }).');
    return undefined;
  }
  return backend._plan(problems, prop, namespace);
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

/** Whether the path type is one of the three; ImplementationSpecific only on a regex route. */
function checkPathType(problems: Problems, prop: string, pathType: string, regex: boolean): boolean {
  const pathTypeOk = (Object.values(RoutePathType) as string[]).includes(pathType);
  if (!pathTypeOk) {
    problems.add(`${prop} pathType`, pathType, 'is not Prefix, Exact or ImplementationSpecific', 'Use RoutePathType.PREFIX or RoutePathType.EXACT.');
  } else if (pathType === RoutePathType.IMPLEMENTATION_SPECIFIC && !regex) {
    problems.add(`${prop} pathType`, pathType, 'is accepted only for regex paths, and the route does not use regex', 'Use RoutePathType.PREFIX or RoutePathType.EXACT, or set nginx.useRegex: true for a regex path.');
  }
  return pathTypeOk;
}

/** The problem the API server has with the path, also recorded, or undefined; then what ingress-nginx refuses. */
function checkPath(problems: Problems, prop: string, path: unknown, pathType: string, pathTypeOk: boolean): string | undefined {
  // with a wrong pathType (reported by checkPathType) only what holds for every type is checked: the messages name the type
  const pp = pathTypeOk ? pathProblem(path, pathType) : pathProblem(path, RoutePathType.IMPLEMENTATION_SPECIFIC);
  const np = pp || !pathTypeOk ? undefined : nginxPathProblem(path, pathType);
  if (pp || np) {
    const fix = typeof path === 'string' && !path.startsWith('/') ? `Use ${JSON.stringify('/' + path)}.`
      : np ? 'Remove those characters, or use a regex path with RoutePathType.IMPLEMENTATION_SPECIFIC and nginx.useRegex: true.'
        : 'Write the path in its normalized form, e.g. "/api/v1".';
    problems.add(`${prop} path`, path, (pp ?? np)!, fix);
  }
  if (!pp && typeof path === 'string' && pathType === RoutePathType.IMPLEMENTATION_SPECIFIC) {
    try {
      new RegExp(path);
    } catch {
      problems.add(`${prop} path`, path, 'is not a valid regular expression', 'Fix the expression, e.g. "/api(/|$)(.*)".');
    }
  }
  return pp;
}

/** A rewrite target with capture groups needs regex paths that have them; one without replaces every Prefix path. */
function checkRewriteTarget(problems: Problems, prop: string, path: string, pathType: string, rewriteTarget: string): void {
  const refs = captureReferences(rewriteTarget);
  if (refs > 0 && (pathType !== RoutePathType.IMPLEMENTATION_SPECIFIC || captureGroups(path) < refs)) {
    problems.add(`${prop} path`, path, `has no capture group $${refs} for nginx.rewriteTarget ${JSON.stringify(rewriteTarget)}`,
      `Write the path as a regex with ${refs} capture group(s) and pathType RoutePathType.IMPLEMENTATION_SPECIFIC, e.g. ${JSON.stringify(`${path.replace(/\/$/, '')}(/|$)(.*)`)} with rewriteTarget "/$2".`);
  } else if (refs === 0 && pathType === RoutePathType.PREFIX) {
    problems.add(`${prop} path`, path, `is a Prefix path, and nginx.rewriteTarget ${JSON.stringify(rewriteTarget)} replaces the whole URI: every request under it reaches the backend as ${JSON.stringify(rewriteTarget)}`,
      'Use RoutePathType.EXACT, or a regex path with a capture group and a rewriteTarget such as "/$2".');
  }
}
