import { asArray, isObject, str } from '../../../core/values';
import { GATEWAY_GROUP, HTTP_PROTOCOLS } from '../../../knowledge/routing/gateway-api';
import { matchKey } from '../../../knowledge/routing/paths';
import { ManifestObject, RuleContext } from '../../rule';

/**
 * Reading Gateway API objects as written: HTTPRoutes, their parentRefs and the Gateways (with listeners) they name,
 * their matches and backendRefs. Every field may be missing or of the wrong type.
 */

/** The gateway.networking.k8s.io HTTPRoutes among the objects. */
export function httpRoutes(ctx: RuleContext): ManifestObject[] {
  return ctx.ofKind('HTTPRoute').filter((o) => o.apiVersion.startsWith(`${GATEWAY_GROUP}/`));
}

/** One listener of a Gateway. */
export interface Listener {
  readonly name?: string;
  readonly hostname?: string;
  readonly port?: number;
  readonly protocol?: string;
  readonly tls?: any;
  readonly allowedRoutes?: any;
  readonly where: string;
}

/** The listeners of a Gateway. */
export function listenersOf(gateway: ManifestObject): Listener[] {
  const spec = isObject(gateway.obj.spec) ? gateway.obj.spec : {};
  return asArray(spec.listeners).filter(isObject).map((l, i) => ({
    name: str(l.name),
    hostname: str(l.hostname),
    port: typeof l.port === 'number' ? l.port : undefined,
    protocol: str(l.protocol),
    tls: l.tls,
    allowedRoutes: l.allowedRoutes,
    where: `spec.listeners[${i}]`,
  }));
}

/** One parentRef of a route, with the Gateway it names when that is among the objects. */
export interface Parent {
  readonly where: string;
  readonly name: string;
  readonly namespace: string;
  readonly sectionName?: string;
  readonly port?: number;
  /** The Gateway, when it is among the objects. */
  readonly gateway?: ManifestObject;
  /** The listeners the ref selects (its sectionName and port), when the Gateway is among the objects. */
  readonly listeners: Listener[];
}

/** The parentRefs to Gateways of a route (other parent kinds are skipped). */
export function parentsOf(ctx: RuleContext, route: ManifestObject): Parent[] {
  const spec = isObject(route.obj.spec) ? route.obj.spec : {};
  const out: Parent[] = [];
  asArray(spec.parentRefs).forEach((p, i) => {
    if (!isObject(p) || !str(p.name)) return;
    if ((p.group ?? GATEWAY_GROUP) !== GATEWAY_GROUP || (p.kind ?? 'Gateway') !== 'Gateway') return;
    const namespace = str(p.namespace) ?? ctx.namespaceOf(route)!;
    const gateway = ctx.ofKind('Gateway').find((g) => g.apiVersion.startsWith(`${GATEWAY_GROUP}/`) && g.name === p.name && ctx.namespaceOf(g) === namespace);
    const sectionName = str(p.sectionName);
    const port = typeof p.port === 'number' ? p.port : undefined;
    const listeners = gateway ? listenersOf(gateway).filter((l) => (sectionName === undefined || l.name === sectionName) && (port === undefined || l.port === port)
      && (l.protocol === undefined || HTTP_PROTOCOLS.includes(l.protocol))) : [];
    out.push({ where: `spec.parentRefs[${i}]`, name: p.name, namespace, sectionName, port, gateway, listeners });
  });
  return out;
}

/** The hostnames of a route (none: every hostname of the listeners). */
export function hostnamesOf(route: ManifestObject): string[] {
  const spec = isObject(route.obj.spec) ? route.obj.spec : {};
  return asArray(spec.hostnames).filter((h): h is string => typeof h === 'string');
}

/** One match of a route: where it is written, its path and what it matches, as a key. */
export interface Match {
  readonly where: string;
  readonly path: string;
  readonly type: string;
  /** Path match key plus header matches: equal keys match the same requests with the same precedence. */
  readonly key: string;
  /** Whether the rule only redirects (RequestRedirect filter, no backends). */
  readonly redirect: boolean;
}

/** The matches of a route's rules (a rule without matches matches every path: PathPrefix "/"). */
export function matchesOf(route: ManifestObject): Match[] {
  const spec = isObject(route.obj.spec) ? route.obj.spec : {};
  const out: Match[] = [];
  asArray(spec.rules).forEach((r, i) => {
    if (!isObject(r)) return;
    const redirect = asArray(r.filters).some((f) => isObject(f) && f.type === 'RequestRedirect');
    const matches = asArray(r.matches).length ? asArray(r.matches) : [{}];
    matches.forEach((m, j) => {
      const path = isObject(m) && isObject(m.path) ? m.path : {};
      const value = str(path.value) ?? '/';
      const type = str(path.type) ?? 'PathPrefix';
      const headers = isObject(m) ? asArray(m.headers).filter(isObject).map((h) => [String(h.name).toLowerCase(), String(h.type ?? 'Exact'), String(h.value)]).sort() : [];
      const method = isObject(m) ? str(m.method) : undefined;
      const query = isObject(m) ? asArray(m.queryParams).length : 0;
      const extra = headers.length || method || query ? ' ' + JSON.stringify([headers, method ?? null, isObject(m) ? m.queryParams ?? null : null]) : '';
      out.push({ where: `spec.rules[${i}].matches[${j}]`, path: value, type, key: matchKey(value, type) + extra, redirect });
    });
  });
  return out;
}

/** One backendRef of a route. */
export interface BackendRef {
  readonly where: string;
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  readonly port?: unknown;
  /** The Service, when the ref names a Service that is among the objects. */
  readonly service?: ManifestObject;
}

/** The backendRefs of a route's rules (filters' mirror targets included). */
export function backendRefsOf(ctx: RuleContext, route: ManifestObject): BackendRef[] {
  const spec = isObject(route.obj.spec) ? route.obj.spec : {};
  const ns = ctx.namespaceOf(route)!;
  const out: BackendRef[] = [];
  const add = (ref: unknown, where: string) => {
    if (!isObject(ref) || !str(ref.name)) return;
    const group = str(ref.group) ?? '';
    const kind = str(ref.kind) ?? 'Service';
    const namespace = str(ref.namespace) ?? ns;
    const service = group === '' && kind === 'Service' ? ctx.get('Service', namespace, ref.name) : undefined;
    out.push({ where, group, kind, name: ref.name, namespace, port: ref.port, service });
  };
  asArray(spec.rules).forEach((r, i) => {
    if (!isObject(r)) return;
    asArray(r.backendRefs).forEach((b, j) => add(b, `spec.rules[${i}].backendRefs[${j}]`));
    asArray(r.filters).forEach((f, j) => {
      if (isObject(f) && isObject(f.requestMirror)) add(f.requestMirror.backendRef, `spec.rules[${i}].filters[${j}].requestMirror.backendRef`);
    });
  });
  return out;
}

/** One side of a reference: group and kind, and the namespace (from) or the name (to). */
export interface GrantSide {
  readonly group: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name?: string;
}

/** Whether a ReferenceGrant in `namespace` lets objects of `from` (kind, namespace) refer to `to` (kind, name). */
export function granted(ctx: RuleContext, namespace: string, from: GrantSide, to: GrantSide): boolean {
  return ctx.ofKind('ReferenceGrant').some((g) => {
    if (!g.apiVersion.startsWith(`${GATEWAY_GROUP}/`) || ctx.namespaceOf(g) !== namespace || !isObject(g.obj.spec)) return false;
    const fromOk = asArray(g.obj.spec.from).some((f) => isObject(f) && (f.group ?? '') === from.group && f.kind === from.kind && f.namespace === from.namespace);
    const toOk = asArray(g.obj.spec.to).some((t) => isObject(t) && (t.group ?? '') === to.group && t.kind === to.kind && (t.name === undefined || t.name === '' || t.name === to.name));
    return fromOk && toOk;
  });
}

/** A route or Gateway as messages name it. */
export function describeObject(o: ManifestObject): string {
  const where = o.constructPath ?? (o.file ? `${o.file}${o.line ? `:${o.line}` : ''}` : undefined);
  return `${o.kind} ${o.namespace ? o.namespace + '/' : ''}${o.name}${where ? ` (${where})` : ''}`;
}
