import { objectKey } from './model';
import { isClusterScoped } from '../core/scope';
import { asArray, isObject, str } from '../core/values';
import { ManifestObject } from '../validation/rule';
import { ManifestInput } from '../validation/validate';

/**
 * The input objects of a picture, indexed by kind, namespace and name, with owned objects (a Deployment's
 * ReplicaSets and Pods, a CronJob's Jobs, a Service's EndpointSlices, a StatefulSet's claims) folded into their owner,
 * so that a `kubectl get -o yaml` dump draws like the manifests that made it.
 */

/** One input object. `namespace` is undefined for cluster-scoped kinds, `default` for namespaced objects that set none. */
export interface GraphObject extends ManifestObject {
  /** The object's node key. */
  readonly key: string;
  /** API group ('' for the core group). */
  readonly group: string;
}

/** Kinds never drawn and never counted: the cluster's own bookkeeping. */
const IGNORED_KINDS: ReadonlySet<string> = new Set(['Event', 'ControllerRevision', 'Lease']);

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** Input objects by key, with the owner each owned object folds into. */
export class ObjectIndex {
  /** Every object, in input order (documents that are not objects are left out). */
  public readonly all: GraphObject[] = [];
  /** Owned object key -> key of the object it folds into (transitively: a Pod of a ReplicaSet of a Deployment -> the Deployment). */
  public readonly foldedInto = new Map<string, string>();
  private readonly byKey = new Map<string, GraphObject>();
  private readonly byKind = new Map<string, GraphObject[]>();

  constructor(inputs: readonly ManifestInput[]) {
    inputs.forEach((input, index) => {
      const o = toGraphObject(input, index);
      if (!o || IGNORED_KINDS.has(o.kind)) return;
      this.all.push(o);
      if (!this.byKey.has(o.key)) this.byKey.set(o.key, o);
      const list = this.byKind.get(o.kind);
      if (list) list.push(o);
      else this.byKind.set(o.kind, [o]);
    });
    for (const o of this.all) {
      const owner = this.directOwner(o);
      if (owner) this.foldedInto.set(o.key, owner);
    }
    for (const [k, v] of this.foldedInto) this.foldedInto.set(k, this.top(v));
  }

  /** The object with this kind, namespace and name, if it is among the inputs. */
  public get(kind: string, namespace: string | undefined, name: string): GraphObject | undefined {
    return this.byKey.get(objectKey(kind, isClusterScoped(kind) ? undefined : (namespace || 'default'), name));
  }

  /** Objects of these kinds, in input order. */
  public ofKind(...kinds: string[]): GraphObject[] {
    if (kinds.length === 1) return this.byKind.get(kinds[0]) ?? [];
    return this.all.filter((o) => kinds.includes(o.kind));
  }

  /** Whether the object is drawn as part of another (an owned Pod, ReplicaSet, Job, EndpointSlice). */
  public isFolded(o: GraphObject): boolean {
    return this.foldedInto.has(o.key);
  }

  /** The key of the object that `o` is owned by (controller reference or Service bookkeeping), when it is among the inputs. */
  private directOwner(o: GraphObject): string | undefined {
    const meta = isObject(o.obj.metadata) ? o.obj.metadata : {};
    for (const ref of asArray(meta.ownerReferences)) {
      if (!isObject(ref) || ref.controller !== true) continue;
      const kind = str(ref.kind);
      const name = str(ref.name);
      if (!kind || !name) continue;
      const owner = this.get(kind, o.namespace, name);
      if (owner && owner.key !== o.key) return owner.key;
    }
    if (o.kind === 'EndpointSlice') {
      const svc = isObject(meta.labels) ? str(meta.labels['kubernetes.io/service-name']) : undefined;
      if (svc) return this.get('Service', o.namespace, svc)?.key;
    }
    if (o.kind === 'Endpoints') return this.get('Service', o.namespace, o.name)?.key;
    return undefined;
  }

  private top(key: string): string {
    let cur = key;
    for (let i = 0; i < 10; i++) {
      const next = this.foldedInto.get(cur);
      if (next === undefined || next === key) return cur;
      cur = next;
    }
    return cur;
  }
}

function toGraphObject(input: ManifestInput, index: number): GraphObject | undefined {
  const obj = input.object;
  if (!isObject(obj)) return undefined;
  const kind = str(obj.kind);
  const apiVersion = str(obj.apiVersion);
  const meta = isObject(obj.metadata) ? obj.metadata : undefined;
  const name = meta ? (str(meta.name) ?? str(meta.generateName)) : undefined;
  if (!kind || !apiVersion || !name) return undefined;
  // as kubectl applies it (to the current namespace, usually default) and as the validator reads it
  const namespace = isClusterScoped(kind) ? undefined : (str(meta?.namespace) || 'default');
  return {
    obj,
    kind,
    apiVersion,
    name,
    namespace,
    index,
    group: groupOf(apiVersion),
    key: objectKey(kind, namespace, name),
    file: input.file,
    line: input.line,
    constructPath: input.constructPath,
  };
}
