import { Topology, TopoNode } from './model';

/**
 * Keeping the picture readable: similar objects (replicas, ordinals, one Service per app) become one node, and when
 * the picture is still too large for a reviewer (or for Mermaid: GitHub renders at most 500 edges), Secrets and
 * ConfigMaps, then hosts, then NetworkPolicy edges are folded into the labels of the nodes that use them.
 */

/** Limits of the picture. */
export interface CollapseOptions {
  /**
   * Groups of at least this many similar nodes (same kind, namespace and findings, names that differ only in their
   * numbers, neighbours of the same shape) are drawn as one node. Default 3.
   */
  readonly minGroup?: number;
  /** Nodes drawn at most before the further folding steps run. Default 200. */
  readonly maxNodes?: number;
  /** Edges drawn at most before the further folding steps run (Mermaid renders at most 500). Default 400. */
  readonly maxEdges?: number;
}

export const DEFAULT_MIN_GROUP = 3;
export const DEFAULT_MAX_NODES = 200;
export const DEFAULT_MAX_EDGES = 400;

/** Collapses and folds until the picture fits the limits (or nothing more can be folded); notes what it did. */
export function collapseToFit(topo: Topology, options: CollapseOptions = {}): void {
  const minGroup = Math.max(2, options.minGroup ?? DEFAULT_MIN_GROUP);
  const maxNodes = options.maxNodes ?? DEFAULT_MAX_NODES;
  const maxEdges = options.maxEdges ?? DEFAULT_MAX_EDGES;
  const fits = () => topo.nodes.size <= maxNodes && topo.edges.size <= maxEdges;
  const before = topo.nodes.size;
  collapseRepeated(topo, numberShape, minGroup);
  if (topo.nodes.size < before) topo.notes.push(`${before - topo.nodes.size + countMerged(topo)} similar objects drawn as ${countMerged(topo)} nodes`);
  if (fits()) return;
  const size = `${topo.nodes.size} nodes, ${topo.edges.size} edges: more than ${maxNodes} nodes or ${maxEdges} edges`;
  foldInto(topo, (n) => n.category === 'secret' || n.category === 'configMap', (n) => (n.category === 'secret' ? 'Secret' : 'ConfigMap'));
  topo.notes.push(`Secrets and ConfigMaps folded into the labels of their users (${size})`);
  if (fits()) return;
  foldInto(topo, (n) => n.category === 'host', () => 'host');
  topo.notes.push('hosts folded into the labels of their routes');
  if (fits()) return;
  const beforeKinds = topo.nodes.size;
  collapseRepeated(topo, () => '', 2);
  topo.notes.push(`objects of the same kind with neighbours of the same kinds drawn as one node (${beforeKinds} -> ${topo.nodes.size} nodes; `
    + 'draw fewer namespaces to see each object: --namespace on the CLI, namespaces in TopologyGraph.render)');
  if (fits()) return;
  for (const [k, e] of topo.edges) if (e.style === 'allows') topo.edges.delete(k);
  topo.notes.push('NetworkPolicy edges left out');
  if (!fits()) topo.notes.push(`still ${topo.nodes.size} nodes and ${topo.edges.size} edges: draw fewer namespaces (--namespace) or use --format dot`);
}

function countMerged(topo: Topology): number {
  let n = 0;
  for (const node of topo.nodes.values()) if (node.key.startsWith('merged|')) n++;
  return n;
}

/** A name with its digit runs replaced: `data-web-0` and `data-web-12` have the same shape. */
function numberShape(name: string): string {
  return name.replace(/\d+/g, '#');
}

function patternOf(n: TopoNode, shape: (name: string) => string): string {
  const findings = [...n.errors].sort().join(',') + '/' + [...n.warnings].sort().join(',');
  return `${n.category}|${n.kind}|${n.namespace ?? ''}|${n.external ? 'x' : ''}|${findings}|${shape(n.mergedNames?.[0] ?? n.name)}`;
}

/** Merges groups of at least minGroup nodes with the same pattern and neighbours of the same patterns, until stable. */
function collapseRepeated(topo: Topology, shape: (name: string) => string, minGroup: number): void {
  for (let round = 0; round < 6; round++) {
    const pattern = new Map<string, string>();
    for (const n of topo.nodes.values()) pattern.set(n.key, patternOf(n, shape));
    const neighbours = new Map<string, Set<string>>();
    for (const e of topo.edges.values()) {
      add(neighbours, e.from, `>${e.style}>${pattern.get(e.to)}`);
      add(neighbours, e.to, `<${e.style}<${pattern.get(e.from)}`);
    }
    const groups = new Map<string, TopoNode[]>();
    for (const n of topo.nodes.values()) {
      const sig = `${pattern.get(n.key)}#${[...(neighbours.get(n.key) ?? [])].sort().join(';')}`;
      const g = groups.get(sig);
      if (g) g.push(n);
      else groups.set(sig, [n]);
    }
    const mapping = new Map<string, string>();
    for (const [sig, group] of groups) {
      if (group.length < minGroup) continue;
      const merged = mergedNode(topo, sig, group);
      for (const n of group) mapping.set(n.key, merged.key);
    }
    if (mapping.size === 0) return;
    topo.remap(mapping);
  }
}

function add(m: Map<string, Set<string>>, key: string, value: string): void {
  const s = m.get(key);
  if (s) s.add(value);
  else m.set(key, new Set([value]));
}

/** The node standing for a group: the range of names, the details all members share, and how many objects it is. */
function mergedNode(topo: Topology, sig: string, group: TopoNode[]): TopoNode {
  const members = group.flatMap((n) => n.members);
  const names = group.flatMap((n) => n.mergedNames ?? [n.name]);
  const count = names.length;
  const common = group[0].details.filter((d) => !/^\d+ objects$|^.* and \d+ more$/.test(d) && group.every((n) => n.details.includes(d)));
  const key = `merged|${sig}`;
  topo.nodes.delete(key);
  const range = rangeName(names);
  return topo.node(key, () => ({
    category: group[0].category,
    kind: group[0].kind,
    name: range ?? `×${count}`,
    namespace: group[0].namespace,
    external: group[0].external,
    details: range ? [...common, `${count} objects`] : [...common, sampleNames(names)],
    members,
    mergedNames: names,
  }));
}

/** `a, b, c and 7 more` */
function sampleNames(names: readonly string[]): string {
  const sorted = [...names].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return sorted.length <= 3 ? sorted.join(', ') : `${sorted.slice(0, 3).join(', ')} and ${sorted.length - 3} more`;
}

/** `web-{0..9}` (or `web-{0,50,100}`) for names that differ only in one number; undefined for names that differ otherwise. */
export function rangeName(names: readonly string[]): string | undefined {
  const sorted = [...names].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const parts = sorted.map((n) => /^(.*?)(\d+)(\D*)$/.exec(n));
  if (parts.every((p) => p !== null && p[1] === parts[0]![1] && p[3] === parts[0]![3])) {
    const nums = parts.map((p) => p![2]);
    const values = nums.map((x) => parseInt(x, 10));
    const contiguous = values.every((v, i) => i === 0 || v === values[i - 1] + 1);
    const list = contiguous ? `${nums[0]}..${nums[nums.length - 1]}` : nums.length <= 4 ? nums.join(',') : `${nums[0]},${nums[1]},…,${nums[nums.length - 1]}`;
    return `${parts[0]![1]}{${list}}${parts[0]![3]}`;
  }
  return undefined;
}

/** Removes nodes without findings that `fold` selects, and says on each neighbour how many of them it used. */
function foldInto(topo: Topology, fold: (n: TopoNode) => boolean, noun: (n: TopoNode) => string): void {
  const gone = new Set<string>();
  for (const n of topo.nodes.values()) if (fold(n) && n.errors.size === 0 && n.warnings.size === 0) gone.add(n.key);
  const counts = new Map<string, Map<string, string[]>>();
  for (const e of topo.edges.values()) {
    const [folded, user] = gone.has(e.to) ? [e.to, e.from] : gone.has(e.from) ? [e.from, e.to] : [undefined, undefined];
    if (!folded || !user || gone.has(user)) continue;
    const f = topo.nodes.get(folded)!;
    const byNoun = counts.get(user) ?? new Map<string, string[]>();
    const list = byNoun.get(noun(f)) ?? [];
    if (!list.includes(f.name)) list.push(f.name);
    byNoun.set(noun(f), list);
    counts.set(user, byNoun);
  }
  topo.remove(gone);
  for (const [user, byNoun] of counts) {
    const node = topo.nodes.get(user);
    if (!node) continue;
    for (const [what, names] of byNoun) {
      node.details.push(names.length <= 2 ? `${what} ${names.join(', ')}` : `${names.length} ${what}s`);
    }
  }
}
