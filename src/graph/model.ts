/**
 * The topology model: what the manifests deploy, as nodes and edges between them. Built from plain objects by
 * {@link buildTopology} (build.ts), shrunk by collapse.ts, drawn by mermaid.ts and dot.ts. Not part of the jsii API.
 */

/** What a node stands for; also the column it is drawn in (left to right). */
export type NodeCategory =
  | 'host' | 'gateway' | 'route' | 'service' | 'workload' | 'secret' | 'configMap' | 'claim' | 'claimTemplate'
  | 'volume' | 'storageClass' | 'snapshotClass' | 'driver' | 'backend' | 'peer' | 'other';

/** Drawing order of categories inside a namespace (and of the cluster-scoped group). */
export const CATEGORY_ORDER: readonly NodeCategory[] = [
  'host', 'peer', 'gateway', 'route', 'service', 'workload', 'secret', 'configMap', 'claim', 'claimTemplate', 'volume',
  'storageClass', 'snapshotClass', 'driver', 'backend', 'other',
];

/** Categories drawn outside every namespace: cluster-scoped objects and what stands outside the cluster. */
export const CLUSTER_CATEGORIES: ReadonlySet<NodeCategory> = new Set<NodeCategory>(['volume', 'storageClass', 'snapshotClass', 'driver', 'backend']);

/** One box of the picture: an object, several similar objects collapsed into one, or something the objects refer to. */
export interface TopoNode {
  /** Unique key: `<kind>|<namespace>|<name>` for objects; merged nodes get a key of their own. */
  readonly key: string;
  readonly category: NodeCategory;
  /** Kind as shown (an object's kind, or `host`, `CSI driver`, ...). */
  readonly kind: string;
  /** Name as shown (for a collapsed node: the range of names). */
  name: string;
  /** Namespace it is drawn in; undefined for cluster-scoped nodes and hosts. */
  readonly namespace?: string;
  /** Extra lines of the label: replicas, sizes, classes. */
  details: string[];
  /** Referenced by the objects but not among them (a Secret created out of band, the cluster's default class). */
  readonly external: boolean;
  /** Rule ids of error findings on the object(s). */
  readonly errors: Set<string>;
  /** Rule ids of warning findings on the object(s). */
  readonly warnings: Set<string>;
  /** Names of the objects this node stands for (more than one once collapsed or when owned objects were folded in). */
  members: string[];
  /** Names of the nodes collapsed into this one (undefined for a node that stands for itself). */
  mergedNames?: string[];
}

/** How an edge is drawn. */
export type EdgeStyle = 'flow' | 'uses' | 'allows';

/** One arrow of the picture. */
export interface TopoEdge {
  readonly from: string;
  readonly to: string;
  readonly style: EdgeStyle;
  /** Labels (deduplicated, in insertion order). */
  readonly labels: string[];
}

/** Nodes and edges, keyed, with what was collapsed to fit. */
export class Topology {
  public readonly nodes = new Map<string, TopoNode>();
  public readonly edges = new Map<string, TopoEdge>();
  /** What the collapse steps did, one line each (shown as a comment in the output). */
  public readonly notes: string[] = [];
  /** How many input objects the picture stands for. */
  public objectCount = 0;
  /** Namespace -> what its Namespace object says (Pod Security level), for the group's title. */
  public readonly namespaceNotes = new Map<string, string[]>();

  /** The node with this key, created with `init` when absent. */
  public node(key: string, init: () => Omit<TopoNode, 'key' | 'errors' | 'warnings' | 'members' | 'details'> & { details?: string[]; members?: string[] }): TopoNode {
    let n = this.nodes.get(key);
    if (!n) {
      const i = init();
      n = { ...i, key, details: i.details ?? [], members: i.members ?? [i.name], errors: new Set(), warnings: new Set() };
      this.nodes.set(key, n);
    }
    return n;
  }

  /** An edge (merged with an existing edge between the same nodes in the same style, labels added). */
  public edge(from: TopoNode | string, to: TopoNode | string, style: EdgeStyle, label?: string): void {
    const f = typeof from === 'string' ? from : from.key;
    const t = typeof to === 'string' ? to : to.key;
    if (f === t) return;
    const key = `${f}\u0000${t}\u0000${style}`;
    let e = this.edges.get(key);
    if (!e) {
      e = { from: f, to: t, style, labels: [] };
      this.edges.set(key, e);
    }
    if (label && !e.labels.includes(label)) e.labels.push(label);
  }

  /**
   * Merges nodes into others (node key -> key of the node it becomes): findings and members are united, edges
   * redrawn between the remaining nodes (labels united, self-loops dropped). The target nodes must exist.
   */
  public remap(mapping: ReadonlyMap<string, string>): void {
    if (mapping.size === 0) return;
    for (const [from, to] of mapping) {
      const a = this.nodes.get(from);
      const b = this.nodes.get(to);
      if (!a || !b || a === b) continue;
      for (const r of a.errors) b.errors.add(r);
      for (const r of a.warnings) b.warnings.add(r);
      for (const m of a.members) if (!b.members.includes(m)) b.members.push(m);
      this.nodes.delete(from);
    }
    const old = [...this.edges.values()];
    this.edges.clear();
    for (const e of old) {
      const f = mapping.get(e.from) ?? e.from;
      const t = mapping.get(e.to) ?? e.to;
      if (!this.nodes.has(f) || !this.nodes.has(t)) continue;
      if (e.labels.length === 0) this.edge(f, t, e.style);
      for (const l of e.labels) this.edge(f, t, e.style, l);
    }
  }

  /** Removes nodes (and their edges). */
  public remove(keys: ReadonlySet<string>): void {
    for (const k of keys) this.nodes.delete(k);
    for (const [k, e] of this.edges) if (keys.has(e.from) || keys.has(e.to)) this.edges.delete(k);
  }
}

/** The key of an object node. */
export function objectKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}|${namespace ?? ''}|${name}`;
}
