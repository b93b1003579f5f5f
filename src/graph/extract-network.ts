import { GraphContext } from './context';
import { WorkloadEntry } from './extract-workloads';
import { TopoNode } from './model';
import { GraphObject } from './objects';
import { asArray, isObject, str } from '../core/values';
import { isEmptySelector, selectorMatches } from '../validation/pod-spec';

/**
 * NetworkPolicies as what they allow: an edge from each allowed source to each selected workload (ingress rules),
 * and from each selected workload to each allowed destination (egress rules), labelled with the ports. Workloads a
 * policy isolates say so in their label.
 */
export function networkEdges(ctx: GraphContext, workloads: readonly WorkloadEntry[]): void {
  for (const np of ctx.index.ofKind('NetworkPolicy')) {
    const spec = isObject(np.obj.spec) ? np.obj.spec : {};
    const targets = workloads.filter((w) => w.object.namespace === np.namespace && selectorMatches(spec.podSelector, w.podLabels));
    const types = policyTypes(spec);
    for (const t of targets) {
      if (types.ingress) note(t.node, 'ingress isolated');
      if (types.egress) note(t.node, 'egress isolated');
    }
    if (targets.length === 0) continue;
    for (const rule of asArray(spec.ingress)) {
      if (!isObject(rule)) continue;
      const ports = portsText(rule.ports);
      for (const peer of peersOf(ctx, np, rule.from, workloads)) {
        for (const t of targets) ctx.topo.edge(peer, t.node, 'allows', ports);
      }
    }
    for (const rule of asArray(spec.egress)) {
      if (!isObject(rule)) continue;
      const ports = portsText(rule.ports);
      for (const peer of peersOf(ctx, np, rule.to, workloads)) {
        for (const t of targets) ctx.topo.edge(t.node, peer, 'allows', ports);
      }
    }
  }
}

function note(node: TopoNode, text: string): void {
  if (!node.details.includes(text)) node.details.push(text);
}

function policyTypes(spec: Record<string, any>): { ingress: boolean; egress: boolean } {
  const listed = asArray(spec.policyTypes).filter((t): t is string => typeof t === 'string');
  if (listed.length > 0) return { ingress: listed.includes('Ingress'), egress: listed.includes('Egress') };
  return { ingress: true, egress: spec.egress !== undefined };
}

/** `allows :5432/TCP`, or `allows all ports`. */
function portsText(ports: unknown): string {
  const list = asArray(ports).filter(isObject).map((p) => {
    const port = p.port !== undefined ? String(p.port) : 'any';
    const end = p.endPort !== undefined ? `-${p.endPort}` : '';
    return `:${port}${end}${typeof p.protocol === 'string' && p.protocol !== 'TCP' ? `/${p.protocol}` : ''}`;
  });
  return list.length > 0 ? `allows ${list.join(' ')}` : 'allows all ports';
}

/** The nodes a rule's `from`/`to` peers stand for: workloads of the namespace, other namespaces, CIDRs, or anyone. */
function peersOf(ctx: GraphContext, np: GraphObject, peers: unknown, workloads: readonly WorkloadEntry[]): TopoNode[] {
  if (!Array.isArray(peers) || peers.length === 0) return [ctx.outside('peer', 'peer', 'any source or destination')];
  const result: TopoNode[] = [];
  for (const p of peers) {
    if (!isObject(p)) continue;
    if (isObject(p.ipBlock) && typeof p.ipBlock.cidr === 'string') {
      const except = asArray(p.ipBlock.except).filter((e) => typeof e === 'string');
      result.push(ctx.outside('peer', 'ipBlock', `${p.ipBlock.cidr}${except.length ? ` except ${except.join(', ')}` : ''}`));
    } else if (p.namespaceSelector !== undefined) {
      result.push(ctx.outside('peer', 'pods', namespacePeerName(p)));
    } else if (p.podSelector !== undefined && isEmptySelector(p.podSelector)) {
      // one peer rather than an edge from every workload of the namespace to every target
      result.push(ctx.outside('peer', 'pods', `all pods in namespace ${np.namespace ?? 'default'}`, np.namespace));
    } else if (p.podSelector !== undefined) {
      const matched = workloads.filter((w) => w.object.namespace === np.namespace && selectorMatches(p.podSelector, w.podLabels));
      if (matched.length > 0) result.push(...matched.map((w) => w.node));
      else result.push(ctx.outside('peer', 'pods', `pods ${selectorText(p.podSelector)} (none among the objects)`, np.namespace));
    }
  }
  return result;
}

function namespacePeerName(p: Record<string, any>): string {
  const ns = isEmptySelector(p.namespaceSelector) ? 'every namespace' : `namespaces ${selectorText(p.namespaceSelector)}`;
  const pods = p.podSelector === undefined || isEmptySelector(p.podSelector) ? 'all pods' : `pods ${selectorText(p.podSelector)}`;
  return `${pods} in ${ns}`;
}

/** `app=web,tier in (a,b)` for a label selector. */
function selectorText(selector: unknown): string {
  if (!isObject(selector)) return '(any)';
  const parts: string[] = [];
  if (isObject(selector.matchLabels)) for (const [k, v] of Object.entries(selector.matchLabels)) parts.push(`${k}=${v}`);
  for (const e of asArray(selector.matchExpressions)) {
    if (!isObject(e)) continue;
    const values = asArray(e.values).map(String).join(',');
    parts.push(`${str(e.key) ?? '?'} ${str(e.operator) ?? '?'}${values ? ` (${values})` : ''}`);
  }
  return parts.length > 0 ? parts.join(',') : '(any)';
}
