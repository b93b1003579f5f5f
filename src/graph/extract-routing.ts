import { GraphContext } from './context';
import { WorkloadEntry } from './extract-workloads';
import { TopoNode } from './model';
import { GraphObject } from './objects';
import { asArray, isObject, str } from '../core/values';
import { mapSelectorMatches } from '../validation/pod-spec';

/**
 * Traffic: hosts -> Ingresses, Gateways and HTTPRoutes/GRPCRoutes -> Services -> workloads.
 */

const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute'];
const GATEWAY_GROUP = 'gateway.networking.k8s.io';

/** Creates the nodes of Services, Ingresses, Gateways and routes. */
export function routingNodes(ctx: GraphContext): void {
  for (const o of ctx.index.ofKind('Service')) {
    const spec = isObject(o.obj.spec) ? o.obj.spec : {};
    const details: string[] = [];
    if (spec.clusterIP === 'None') details.push('headless');
    else if (typeof spec.type === 'string' && spec.type !== 'ClusterIP') details.push(spec.type);
    ctx.objectNode(o, 'service', o.kind, details);
  }
  for (const o of ctx.index.ofKind('Ingress')) {
    const cls = isObject(o.obj.spec) ? str(o.obj.spec.ingressClassName) : undefined;
    ctx.objectNode(o, 'route', o.kind, cls ? [`class ${cls}`] : []);
  }
  for (const o of ctx.index.ofKind('Gateway')) {
    if (o.group !== GATEWAY_GROUP) continue;
    const cls = isObject(o.obj.spec) ? str(o.obj.spec.gatewayClassName) : undefined;
    ctx.objectNode(o, 'gateway', o.kind, cls ? [`class ${cls}`] : []);
  }
  for (const o of ctx.index.ofKind(...ROUTE_KINDS)) {
    if (o.group === GATEWAY_GROUP) ctx.objectNode(o, 'route', o.kind);
  }
}

/** Edges of Ingresses, Gateways, routes and Services. */
export function routingEdges(ctx: GraphContext, workloads: readonly WorkloadEntry[]): void {
  for (const o of ctx.index.ofKind('Ingress')) ingressEdges(ctx, o);
  for (const o of ctx.index.ofKind('Gateway')) if (o.group === GATEWAY_GROUP) gatewayEdges(ctx, o);
  for (const o of ctx.index.ofKind(...ROUTE_KINDS)) if (o.group === GATEWAY_GROUP) routeEdges(ctx, o);
  for (const o of ctx.index.ofKind('Service')) serviceEdges(ctx, o, workloads);
}

function portText(port: unknown): string {
  if (isObject(port)) return port.number !== undefined ? `:${port.number}` : port.name !== undefined ? `:${port.name}` : '';
  return port === undefined || port === null ? '' : `:${port}`;
}

/** Whether a TLS host list covers a host (exactly, or by a one-label wildcard). */
function covered(tlsHosts: readonly string[], host: string): boolean {
  return tlsHosts.some((t) => t === host || (t.startsWith('*.') && host.endsWith(t.slice(1)) && !host.slice(0, -t.length + 1).includes('.')));
}

function ingressEdges(ctx: GraphContext, o: GraphObject): void {
  const node = ctx.nodeOf(o)!;
  const spec = isObject(o.obj.spec) ? o.obj.spec : {};
  const tlsHosts: string[] = [];
  for (const t of asArray(spec.tls)) {
    if (!isObject(t)) continue;
    tlsHosts.push(...asArray(t.hosts).filter((h): h is string => typeof h === 'string'));
    const secret = str(t.secretName);
    if (secret) ctx.topo.edge(node, ctx.ref('Secret', o.namespace, secret, 'secret'), 'uses', 'tls');
  }
  for (const rule of asArray(spec.rules)) {
    if (!isObject(rule)) continue;
    const host = str(rule.host) ?? '*';
    ctx.topo.edge(ctx.host(host), node, 'flow', covered(tlsHosts, host) ? 'https' : 'http');
    for (const p of asArray(isObject(rule.http) ? rule.http.paths : undefined)) {
      if (isObject(p)) ingressBackend(ctx, o, node, p.backend, `${str(p.path) ?? '/'}`);
    }
  }
  if (spec.defaultBackend !== undefined) ingressBackend(ctx, o, node, spec.defaultBackend, 'default');
}

function ingressBackend(ctx: GraphContext, o: GraphObject, node: TopoNode, backend: unknown, path: string): void {
  if (!isObject(backend)) return;
  if (isObject(backend.service) && typeof backend.service.name === 'string') {
    const svc = ctx.ref('Service', o.namespace, backend.service.name, 'service');
    ctx.topo.edge(node, svc, 'flow', `${path} ${portText(backend.service.port)}`.trim());
  } else if (isObject(backend.resource) && typeof backend.resource.name === 'string') {
    const kind = str(backend.resource.kind) ?? 'resource';
    ctx.topo.edge(node, ctx.ref(kind, o.namespace, backend.resource.name, 'other'), 'flow', path);
  }
}

function gatewayEdges(ctx: GraphContext, o: GraphObject): void {
  const node = ctx.nodeOf(o)!;
  for (const l of asArray(isObject(o.obj.spec) ? o.obj.spec.listeners : undefined)) {
    if (!isObject(l)) continue;
    for (const ref of asArray(isObject(l.tls) ? l.tls.certificateRefs : undefined)) {
      if (!isObject(ref) || typeof ref.name !== 'string' || (ref.kind !== undefined && ref.kind !== 'Secret')) continue;
      ctx.topo.edge(node, ctx.ref('Secret', str(ref.namespace) ?? o.namespace, ref.name, 'secret'), 'uses', 'tls');
    }
  }
}

/** Paths a route rule matches, e.g. `/api`; empty for a rule without path matches (everything). */
function rulePaths(rule: Record<string, any>): string[] {
  const paths: string[] = [];
  for (const m of asArray(rule.matches)) {
    const v = isObject(m) && isObject(m.path) ? str(m.path.value) : undefined;
    if (v && !paths.includes(v)) paths.push(v);
    const method = isObject(m) && isObject(m.method) ? str(m.method.method) ?? str(m.method.service) : undefined;
    if (method && !paths.includes(method)) paths.push(method);
  }
  return paths;
}

function routeEdges(ctx: GraphContext, o: GraphObject): void {
  const node = ctx.nodeOf(o)!;
  const spec = isObject(o.obj.spec) ? o.obj.spec : {};
  for (const ref of asArray(spec.parentRefs)) {
    if (!isObject(ref) || typeof ref.name !== 'string' || (ref.kind !== undefined && ref.kind !== 'Gateway')) continue;
    const gw = ctx.ref('Gateway', str(ref.namespace) ?? o.namespace, ref.name, 'gateway');
    ctx.topo.edge(gw, node, 'flow', str(ref.sectionName));
  }
  for (const h of asArray(spec.hostnames)) if (typeof h === 'string') ctx.topo.edge(ctx.host(h), node, 'flow');
  for (const rule of asArray(spec.rules)) {
    if (!isObject(rule)) continue;
    const paths = rulePaths(rule).join(' ');
    for (const b of asArray(rule.backendRefs)) {
      if (!isObject(b) || typeof b.name !== 'string') continue;
      const kind = str(b.kind) ?? 'Service';
      const target = ctx.ref(kind, str(b.namespace) ?? o.namespace, b.name, kind === 'Service' ? 'service' : 'other');
      ctx.topo.edge(node, target, 'flow', `${paths} ${b.port !== undefined ? `:${b.port}` : ''}`.trim() || undefined);
    }
  }
}

function serviceEdges(ctx: GraphContext, o: GraphObject, workloads: readonly WorkloadEntry[]): void {
  const node = ctx.nodeOf(o)!;
  const spec = isObject(o.obj.spec) ? o.obj.spec : {};
  if (spec.type === 'ExternalName' && typeof spec.externalName === 'string') {
    ctx.topo.edge(node, ctx.host(spec.externalName), 'flow', 'ExternalName');
    return;
  }
  if (!isObject(spec.selector) || Object.keys(spec.selector).length === 0) return;
  const ports = asArray(spec.ports).filter(isObject).map((p) => `:${p.port}`).join(' ');
  for (const w of workloads) {
    if (w.object.namespace !== o.namespace || !mapSelectorMatches(spec.selector, withRuntimeLabels(w, spec.selector))) continue;
    ctx.topo.edge(node, w.node, 'flow', ports || undefined);
  }
}

/** Labels a StatefulSet's controller adds to each pod (`statefulset.kubernetes.io/pod-name: <name>-<n>`), as a selector asks. */
function withRuntimeLabels(w: WorkloadEntry, selector: Record<string, unknown>): Record<string, string> {
  if (w.object.kind !== 'StatefulSet') return w.podLabels;
  const labels = { ...w.podLabels };
  const podName = str(selector['statefulset.kubernetes.io/pod-name']);
  if (podName && podName.startsWith(`${w.object.name}-`) && /^\d+$/.test(podName.slice(w.object.name.length + 1))) {
    labels['statefulset.kubernetes.io/pod-name'] = podName;
  }
  const index = str(selector['apps.kubernetes.io/pod-index']);
  if (index && /^\d+$/.test(index)) labels['apps.kubernetes.io/pod-index'] = index;
  return labels;
}
