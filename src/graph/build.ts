import { collapseToFit, CollapseOptions } from './collapse';
import { GraphContext } from './context';
import { networkEdges } from './extract-network';
import { routingEdges, routingNodes } from './extract-routing';
import { storageEdges, storageNodes } from './extract-storage';
import { workloadEdges, workloadNodes } from './extract-workloads';
import { Topology, objectKey } from './model';
import { ObjectIndex } from './objects';
import { isClusterScoped } from '../core/scope';
import { isObject, str } from '../core/values';
import { Finding, Severity } from '../validation/finding';
import { ManifestInput } from '../validation/validate';

/**
 * The topology of a set of Kubernetes objects: a pure function of the objects and the findings about them.
 */

/** What to draw. */
export interface BuildOptions extends CollapseOptions {
  /** Findings to mark on the objects they are about (matched by kind, namespace and name). */
  readonly findings?: readonly Finding[];
  /** Only these namespaces (cluster-scoped objects are kept). Default: every namespace. */
  readonly namespaces?: readonly string[];
}

/** Builds the picture of the inputs: nodes and edges, findings marked, collapsed to fit. */
export function buildTopology(inputs: readonly ManifestInput[], options: BuildOptions = {}): Topology {
  const only = options.namespaces && options.namespaces.length > 0 ? new Set(options.namespaces) : undefined;
  const kept = only ? inputs.filter((i) => inNamespaces(i.object, only)) : inputs;
  const index = new ObjectIndex(kept);
  const topo = new Topology();
  topo.objectCount = index.all.length;
  const ctx = new GraphContext(topo, index);

  routingNodes(ctx);
  storageNodes(ctx);
  const workloads = workloadNodes(ctx);
  configNodes(ctx);
  routingEdges(ctx, workloads);
  workloadEdges(ctx, workloads);
  ctx.applyAliases();
  storageEdges(ctx);
  networkEdges(ctx, workloads);
  ownedSummary(ctx);
  namespaceNotes(ctx);
  markFindings(ctx, options.findings ?? []);
  collapseToFit(topo, options);
  return topo;
}

function inNamespaces(obj: unknown, only: ReadonlySet<string>): boolean {
  if (!isObject(obj)) return false;
  const kind = str(obj.kind) ?? '';
  if (isClusterScoped(kind)) return true;
  const ns = isObject(obj.metadata) ? str(obj.metadata.namespace) : undefined;
  return only.has(ns || 'default');
}

/** Secrets and ConfigMaps among the objects (those only referenced are created by the references). */
function configNodes(ctx: GraphContext): void {
  for (const o of ctx.index.ofKind('Secret')) {
    const type = str(o.obj.type);
    ctx.objectNode(o, 'secret', o.kind, type && type !== 'Opaque' ? [type] : []);
  }
  for (const o of ctx.index.ofKind('ConfigMap')) ctx.objectNode(o, 'configMap');
}

/** `+3 Pod, 1 ReplicaSet` on the node of an object that owns objects among the inputs. */
function ownedSummary(ctx: GraphContext): void {
  const counts = new Map<string, Map<string, number>>();
  for (const o of ctx.index.all) {
    const owner = ctx.index.foldedInto.get(o.key);
    if (!owner) continue;
    const byKind = counts.get(owner) ?? new Map<string, number>();
    byKind.set(o.kind, (byKind.get(o.kind) ?? 0) + 1);
    counts.set(owner, byKind);
  }
  for (const [owner, byKind] of counts) {
    const node = ctx.topo.nodes.get(ctx.resolve(owner));
    if (node) node.details.push(`owns ${[...byKind].map(([k, n]) => `${n} ${k}`).join(', ')}`);
  }
}

/** What a Namespace object enforces, shown in its group's title. */
function namespaceNotes(ctx: GraphContext): void {
  for (const o of ctx.index.ofKind('Namespace')) {
    const labels = isObject(o.obj.metadata) && isObject(o.obj.metadata.labels) ? o.obj.metadata.labels : {};
    const level = str(labels['pod-security.kubernetes.io/enforce']);
    ctx.topo.namespaceNotes.set(o.name, level ? [`Pod Security ${level}`] : []);
  }
}

/**
 * Rule ids on the nodes of the objects the findings are about; an object that is not drawn otherwise (a
 * PodDisruptionBudget, a ServiceAccount) gets a node of its own when it has findings.
 */
function markFindings(ctx: GraphContext, findings: readonly Finding[]): void {
  for (const f of findings) {
    if (typeof f.kind !== 'string' || typeof f.name !== 'string') continue;
    const ns = isClusterScoped(f.kind) ? undefined : (f.namespace || 'default');
    let node = ctx.topo.nodes.get(ctx.resolve(objectKey(f.kind, ns, f.name)));
    if (!node) {
      const o = ctx.index.get(f.kind, ns, f.name);
      if (!o) continue;
      node = ctx.objectNode(o, 'other');
    }
    (f.severity === Severity.ERROR ? node.errors : node.warnings).add(f.ruleId);
  }
}
