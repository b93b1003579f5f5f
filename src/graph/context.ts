import { NodeCategory, Topology, TopoNode, objectKey } from './model';
import { GraphObject, ObjectIndex } from './objects';
import { isClusterScoped } from '../core/scope';

/**
 * What the extraction steps share: the picture being built, the input objects, and how a reference becomes a node
 * (the object's own node when it is among the inputs, else a node marked external).
 */
export class GraphContext {
  /** Object key or alias (a StatefulSet's claim `data-db-0`) -> node key. */
  private readonly aliases = new Map<string, string>();

  constructor(public readonly topo: Topology, public readonly index: ObjectIndex) {}

  /** The node an object is drawn as: its own, or the node of the object it folds into. */
  public nodeOf(o: GraphObject): TopoNode | undefined {
    const key = this.resolve(o.key);
    return this.topo.nodes.get(key);
  }

  /** Creates the node of an input object. */
  public objectNode(o: GraphObject, category: NodeCategory, kind: string = o.kind, details: string[] = []): TopoNode {
    return this.topo.node(o.key, () => ({
      category, kind, name: o.name, namespace: o.namespace, details, external: false,
    }));
  }

  /**
   * The node of a referenced object: the object's node when it is among the inputs (or folded into one), else a node
   * marked external (created out of band, or by an operator).
   */
  public ref(kind: string, namespace: string | undefined, name: string, category: NodeCategory, details: string[] = []): TopoNode {
    const ns = isClusterScoped(kind) ? undefined : (namespace || 'default');
    const key = this.resolve(objectKey(kind, ns, name));
    return this.topo.nodes.get(key) ?? this.topo.node(key, () => ({ category, kind, name, namespace: ns, details, external: true }));
  }

  /** A host name (of an Ingress rule, an HTTPRoute, an ExternalName Service). */
  public host(name: string): TopoNode {
    return this.topo.node(`host||${name}`, () => ({ category: 'host', kind: 'host', name, external: false }));
  }

  /** A CSI driver or provisioner; the CSIDriver object when it is among the inputs. */
  public driver(name: string, details: string[] = []): TopoNode {
    const key = objectKey('CSIDriver', undefined, name);
    const existing = this.topo.nodes.get(key);
    if (existing) {
      for (const d of details) if (!existing.details.includes(d)) existing.details.push(d);
      return existing;
    }
    return this.topo.node(key, () => ({ category: 'driver', kind: 'provisioner', name, details, external: false }));
  }

  /** Something outside the cluster's objects: an NFS server, a CIDR, the pods of other namespaces. */
  public outside(category: NodeCategory, kind: string, name: string, namespace?: string, external = false): TopoNode {
    return this.topo.node(`${category}|${namespace ?? ''}|${kind}|${name}`, () => ({ category, kind, name, namespace, external }));
  }

  /** Draw references to `alias` (an object key) on the node `target`. */
  public alias(alias: string, target: string): void {
    if (alias !== target) this.aliases.set(alias, target);
  }

  /** Merges the nodes drawn for aliased objects (created before the alias was known) into their targets. */
  public applyAliases(): void {
    const mapping = new Map<string, string>();
    for (const [from, to] of this.aliases) if (this.topo.nodes.has(from) && this.topo.nodes.has(to)) mapping.set(from, to);
    this.topo.remap(mapping);
  }

  /** The node key an object key is drawn as. */
  public resolve(key: string): string {
    const direct = this.aliases.get(key);
    if (direct !== undefined) return direct;
    const k = this.index.foldedInto.get(key) ?? key;
    return this.aliases.get(k) ?? k;
  }
}
