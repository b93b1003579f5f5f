import { CATEGORY_ORDER, Topology, TopoNode } from './model';

/**
 * What both renderers draw the same way: groups (hosts outside, one group per namespace, one for cluster-scoped
 * objects and what lies behind them), node order and ids, and the lines of each label.
 */

/** One group of nodes: a namespace, the cluster-scoped objects, or none (hosts and outside peers). */
export interface NodeGroup {
  /** Id of the group (a subgraph/cluster id); undefined for nodes drawn outside every group. */
  readonly id?: string;
  readonly title: string;
  readonly nodes: Array<{ readonly id: string; readonly node: TopoNode }>;
}

/** Most rule ids listed per severity in a label; the rest are counted. */
const MAX_IDS = 4;

/** Groups in drawing order with their nodes, each node with a short stable id (`n1`, `n2`, ...). */
export function layout(topo: Topology): { groups: NodeGroup[]; ids: Map<string, string> } {
  const outside: TopoNode[] = [];
  const byNs = new Map<string, TopoNode[]>();
  const cluster: TopoNode[] = [];
  for (const n of topo.nodes.values()) {
    if (n.namespace !== undefined) {
      const ns = n.namespace;
      const list = byNs.get(ns) ?? [];
      list.push(n);
      byNs.set(ns, list);
    } else if (n.category === 'host' || n.category === 'peer') {
      outside.push(n);
    } else {
      cluster.push(n);
    }
  }
  const groups: Array<{ id?: string; title: string; list: TopoNode[] }> = [{ title: '', list: outside }];
  [...byNs.keys()].sort(natural).forEach((ns, i) => {
    const notes = topo.namespaceNotes.get(ns) ?? [];
    const title = `namespace ${ns}${notes.length ? ` · ${notes.join(', ')}` : ''}`;
    groups.push({ id: `ns${i + 1}`, title, list: byNs.get(ns)! });
  });
  groups.push({ id: 'cluster', title: 'cluster-scoped', list: cluster });
  const ids = new Map<string, string>();
  const result: NodeGroup[] = [];
  for (const g of groups) {
    if (g.list.length === 0) continue;
    g.list.sort(byCategoryThenName);
    const nodes = g.list.map((node) => {
      const id = `n${ids.size + 1}`;
      ids.set(node.key, id);
      return { id, node };
    });
    result.push({ id: g.id, title: g.title, nodes });
  }
  return { groups: result, ids };
}

function natural(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

function byCategoryThenName(a: TopoNode, b: TopoNode): number {
  return CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) || natural(a.kind, b.kind) || natural(a.name, b.name)
    || natural(a.key, b.key);
}

/** Kinds shown without their kind word (the name says what they are). */
const BARE: ReadonlySet<string> = new Set(['host', 'peer', 'pods', 'ipBlock']);

/** The lines of a node's label: kind and name, details, rule ids of findings, and whether it is outside the objects. */
export function labelLines(n: TopoNode): string[] {
  const lines = [BARE.has(n.kind) ? n.name : `${n.kind} ${n.name}`];
  lines.push(...n.details);
  if (n.external) lines.push('not in the manifests');
  if (n.errors.size > 0) lines.push(`✖ error ${ruleList(n.errors)}`);
  if (n.warnings.size > 0) lines.push(`⚠ warning ${ruleList(n.warnings)}`);
  return lines;
}

function ruleList(ids: ReadonlySet<string>): string {
  const sorted = [...ids].sort();
  return sorted.length <= MAX_IDS ? sorted.join(' ') : `${sorted.slice(0, MAX_IDS).join(' ')} +${sorted.length - MAX_IDS}`;
}

/** The label of an edge: its labels joined, shortened past 60 characters. */
export function edgeLabel(labels: readonly string[]): string {
  const text = labels.join(', ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** How a node is styled: errors win over warnings; external nodes are dashed. */
export function nodeClass(n: TopoNode): 'error' | 'warning' | 'external' | undefined {
  if (n.errors.size > 0) return 'error';
  if (n.warnings.size > 0) return 'warning';
  return n.external ? 'external' : undefined;
}

/** The header lines: what the picture stands for and what was folded to fit. */
export function headerLines(topo: Topology): string[] {
  const errors = [...topo.nodes.values()].filter((n) => n.errors.size > 0).length;
  const warnings = [...topo.nodes.values()].filter((n) => n.errors.size === 0 && n.warnings.size > 0).length;
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return [
    `cdk8s-golden-paths topology: ${n(topo.objectCount, 'object')}, ${n(topo.nodes.size, 'node')}, ${n(topo.edges.size, 'edge')}; `
      + `${errors} with errors, ${warnings} with warnings`,
    ...topo.notes.map((note) => `collapsed: ${note}`),
  ];
}

/** Edges in a stable order (by the ids of their ends). */
export function sortedEdges(topo: Topology, ids: ReadonlyMap<string, string>): Array<{ from: string; to: string; style: string; label: string }> {
  return [...topo.edges.values()]
    .map((e) => ({ from: ids.get(e.from)!, to: ids.get(e.to)!, style: e.style, label: edgeLabel(e.labels) }))
    .filter((e) => e.from !== undefined && e.to !== undefined)
    .sort((a, b) => natural(a.from, b.from) || natural(a.to, b.to) || a.style.localeCompare(b.style));
}
