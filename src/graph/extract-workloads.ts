import { GraphContext } from './context';
import { TopoNode } from './model';
import { GraphObject } from './objects';
import { OperatorShape, operatorShapeOf } from './operators';
import { asArray, isObject, str } from '../core/values';
import { POD_KINDS, PodSpecInfo, podSpecOf } from '../validation/pod-spec';

/**
 * Workloads (Deployments, StatefulSets, DaemonSets, Jobs, CronJobs, Pods, operator clusters) and what they use:
 * claims and claim templates, Secrets and ConfigMaps.
 */

/** A drawn workload with the labels of its pods, for Services and NetworkPolicies to select. */
export interface WorkloadEntry {
  readonly object: GraphObject;
  readonly node: TopoNode;
  readonly podLabels: Record<string, string>;
}

/** Creates the node of every workload (owned ones fold into their owner) and returns them. */
export function workloadNodes(ctx: GraphContext): WorkloadEntry[] {
  const result: WorkloadEntry[] = [];
  for (const o of ctx.index.all) {
    if (ctx.index.isFolded(o)) continue;
    const shape = operatorShapeOf(o.kind, o.group);
    if (shape) {
      const replicas = shape.replicas(o.obj);
      const node = ctx.objectNode(o, 'workload', `${o.kind} (${shape.operator})`, replicas !== undefined ? [`×${replicas} instances`] : []);
      result.push({ object: o, node, podLabels: shape.podLabels(o.name) });
      continue;
    }
    if (!POD_KINDS.includes(o.kind) || o.kind === 'PodTemplate') continue;
    const info = podSpecOf(o);
    if (!info) continue;
    const node = ctx.objectNode(o, 'workload', o.kind, workloadDetails(o, info));
    result.push({ object: o, node, podLabels: info.labels });
  }
  return result;
}

function workloadDetails(o: GraphObject, info: PodSpecInfo): string[] {
  const details: string[] = [];
  if (info.perNode) {details.push('one pod per node');} else if (o.kind !== 'Pod' && info.replicas !== undefined && !(info.replicas === 1 && (o.kind === 'Job' || o.kind === 'CronJob'))) {
    details.push(`×${info.replicas}`);
  }
  const schedule = o.kind === 'CronJob' && isObject(o.obj.spec) ? str(o.obj.spec.schedule) : undefined;
  if (schedule) details.push(`schedule ${schedule}`);
  return details;
}

/** Edges from every workload to what its pods use. */
export function workloadEdges(ctx: GraphContext, workloads: readonly WorkloadEntry[]): void {
  for (const w of workloads) {
    const shape = operatorShapeOf(w.object.kind, w.object.group);
    if (shape) {
      operatorEdges(ctx, w, shape);
      continue;
    }
    const info = podSpecOf(w.object);
    if (!info) continue;
    volumeEdges(ctx, w, info);
    envEdges(ctx, w, info);
    for (const s of asArray(info.spec.imagePullSecrets)) {
      const name = isObject(s) ? str(s.name) : undefined;
      if (name) ctx.topo.edge(w.node, ctx.ref('Secret', w.object.namespace, name, 'secret'), 'uses', 'image pull');
    }
    claimTemplateEdges(ctx, w, info);
  }
}

/** Mount paths of a pod volume, over every container. */
function mountsOf(info: PodSpecInfo, volume: string): string[] {
  const paths: string[] = [];
  for (const c of info.containers) {
    for (const m of asArray(c.container.volumeMounts)) {
      if (isObject(m) && m.name === volume && typeof m.mountPath === 'string' && !paths.includes(m.mountPath)) paths.push(m.mountPath);
    }
  }
  return paths;
}

function volumeEdges(ctx: GraphContext, w: WorkloadEntry, info: PodSpecInfo): void {
  const ns = w.object.namespace;
  for (const v of asArray(info.spec.volumes)) {
    if (!isObject(v)) continue;
    const volName = str(v.name) ?? '';
    const label = mountsOf(info, volName).join(', ') || volName;
    const claim = isObject(v.persistentVolumeClaim) ? str(v.persistentVolumeClaim.claimName) : undefined;
    if (claim) ctx.topo.edge(w.node, ctx.ref('PersistentVolumeClaim', ns, claim, 'claim'), 'flow', label);
    const secret = isObject(v.secret) ? str(v.secret.secretName) : undefined;
    if (secret) ctx.topo.edge(w.node, ctx.ref('Secret', ns, secret, 'secret'), 'uses', 'volume');
    const cm = isObject(v.configMap) ? str(v.configMap.name) : undefined;
    if (cm) ctx.topo.edge(w.node, ctx.ref('ConfigMap', ns, cm, 'configMap'), 'uses', 'volume');
    for (const src of asArray(isObject(v.projected) ? v.projected.sources : undefined)) {
      const ps = isObject(src) && isObject(src.secret) ? str(src.secret.name) : undefined;
      if (ps) ctx.topo.edge(w.node, ctx.ref('Secret', ns, ps, 'secret'), 'uses', 'volume');
      const pc = isObject(src) && isObject(src.configMap) ? str(src.configMap.name) : undefined;
      if (pc) ctx.topo.edge(w.node, ctx.ref('ConfigMap', ns, pc, 'configMap'), 'uses', 'volume');
    }
    const eph = isObject(v.ephemeral) && isObject(v.ephemeral.volumeClaimTemplate) ? v.ephemeral.volumeClaimTemplate : undefined;
    if (eph) {
      const spec = isObject(eph.spec) ? eph.spec : {};
      const node = templateNode(ctx, w, `${volName} (ephemeral)`, spec);
      ctx.topo.edge(w.node, node, 'flow', label);
    }
  }
}

function envEdges(ctx: GraphContext, w: WorkloadEntry, info: PodSpecInfo): void {
  const ns = w.object.namespace;
  for (const c of info.containers) {
    for (const e of asArray(c.container.env)) {
      const from = isObject(e) && isObject(e.valueFrom) ? e.valueFrom : undefined;
      const secret = from && isObject(from.secretKeyRef) ? str(from.secretKeyRef.name) : undefined;
      if (secret) ctx.topo.edge(w.node, ctx.ref('Secret', ns, secret, 'secret'), 'uses', 'env');
      const cm = from && isObject(from.configMapKeyRef) ? str(from.configMapKeyRef.name) : undefined;
      if (cm) ctx.topo.edge(w.node, ctx.ref('ConfigMap', ns, cm, 'configMap'), 'uses', 'env');
    }
    for (const e of asArray(c.container.envFrom)) {
      const secret = isObject(e) && isObject(e.secretRef) ? str(e.secretRef.name) : undefined;
      if (secret) ctx.topo.edge(w.node, ctx.ref('Secret', ns, secret, 'secret'), 'uses', 'env');
      const cm = isObject(e) && isObject(e.configMapRef) ? str(e.configMapRef.name) : undefined;
      if (cm) ctx.topo.edge(w.node, ctx.ref('ConfigMap', ns, cm, 'configMap'), 'uses', 'env');
    }
  }
}

/** A claim template node: `<template>` of the workload, with its size, modes and the class it provisions from. */
function templateNode(ctx: GraphContext, w: WorkloadEntry, name: string, spec: Record<string, any>, storageClass?: string | null): TopoNode {
  const details = [claimDetails(spec)].filter((d) => d !== '');
  const replicas = w.node.details.find((d) => d.startsWith('×'));
  if (replicas) details.push(`one per pod (${replicas.split(' ')[0]})`);
  const node = ctx.topo.node(`ClaimTemplate|${w.object.namespace ?? ''}|${w.object.name}/${name}`, () => ({
    category: 'claimTemplate',
    kind: 'claim template',
    name: `${name} (${w.object.name})`,
    namespace: w.object.namespace,
    details,
    external: false,
  }));
  const cls = storageClass !== undefined ? storageClass : (typeof spec.storageClassName === 'string' ? spec.storageClassName : null);
  classEdge(ctx, node, cls);
  return node;
}

/** StatefulSet claim templates; the claims `<template>-<statefulset>-<ordinal>` among the inputs are drawn on the template. */
function claimTemplateEdges(ctx: GraphContext, w: WorkloadEntry, info: PodSpecInfo): void {
  for (const t of info.claimTemplates) {
    const node = templateNode(ctx, w, t.name, t.spec);
    ctx.topo.edge(w.node, node, 'flow', mountsOf(info, t.name).join(', ') || t.name);
    foldOrdinalClaims(ctx, w.object, t.name, node);
  }
}

/** Claims named `<template>-<owner>-<n>` (those a StatefulSet or operator created) are drawn as the template's node. */
function foldOrdinalClaims(ctx: GraphContext, owner: GraphObject, template: string, node: TopoNode): void {
  const prefix = `${template}-${owner.name}-`;
  let count = 0;
  for (const c of ctx.index.ofKind('PersistentVolumeClaim')) {
    if (c.namespace !== owner.namespace || !c.name.startsWith(prefix) || !/^\d+$/.test(c.name.slice(prefix.length))) continue;
    ctx.alias(c.key, node.key);
    node.members.push(c.name);
    count++;
  }
  if (count > 0) node.details.push(`${count} claim${count === 1 ? '' : 's'} bound`);
}

function operatorEdges(ctx: GraphContext, w: WorkloadEntry, shape: OperatorShape): void {
  for (const claim of shape.claims(w.object.obj)) {
    const spec: Record<string, any> = { accessModes: ['ReadWriteOnce'] };
    if (claim.size) spec.resources = { requests: { storage: claim.size } };
    const node = templateNode(ctx, w, claim.name, spec, claim.storageClass ?? null);
    ctx.topo.edge(w.node, node, 'flow', claim.name);
    foldOrdinalClaims(ctx, w.object, claim.name, node);
    // CloudNativePG names claims <cluster>-<n> (data) and <cluster>-<n>-wal
    if (shape.kind === 'Cluster') foldCnpgClaims(ctx, w.object, claim.name, node);
  }
  for (const s of shape.secrets(w.object.obj)) ctx.topo.edge(w.node, ctx.ref('Secret', w.object.namespace, s, 'secret'), 'uses', 'credentials');
}

function foldCnpgClaims(ctx: GraphContext, owner: GraphObject, claim: string, node: TopoNode): void {
  const suffix = claim === 'wal' ? '-wal' : '';
  for (const c of ctx.index.ofKind('PersistentVolumeClaim')) {
    const rest = c.name.startsWith(`${owner.name}-`) && c.name.endsWith(suffix) ? c.name.slice(owner.name.length + 1, c.name.length - suffix.length) : '';
    if (c.namespace === owner.namespace && /^\d+$/.test(rest)) {
      ctx.alias(c.key, node.key);
      node.members.push(c.name);
    }
  }
}

/** `20Gi RWO` for a claim spec. */
export function claimDetails(spec: Record<string, any>): string {
  const storage = isObject(spec.resources) && isObject(spec.resources.requests) ? spec.resources.requests.storage : undefined;
  const modes = asArray(spec.accessModes).map((m) => MODE_SHORT[String(m)] ?? String(m));
  return [typeof storage === 'string' || typeof storage === 'number' ? String(storage) : '', modes.join(',')].filter((x) => x).join(' ');
}

const MODE_SHORT: Record<string, string> = {
  ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP',
};

/**
 * The edge from a claim (or template) to its class: the named class; `""` is no class (a static volume); none set is
 * the cluster's default class (the default among the inputs when there is one).
 */
export function classEdge(ctx: GraphContext, from: TopoNode, storageClassName: string | null): void {
  if (storageClassName === '') return;
  if (storageClassName !== null) {
    ctx.topo.edge(from, ctx.ref('StorageClass', undefined, storageClassName, 'storageClass'), 'flow');
    return;
  }
  const dflt = ctx.index.ofKind('StorageClass').find((sc) => isDefaultClass(sc.obj));
  const target = dflt ? ctx.ref('StorageClass', undefined, dflt.name, 'storageClass') : ctx.outside('storageClass', 'StorageClass', "(the cluster's default class)", undefined, true);
  ctx.topo.edge(from, target, 'flow', 'default class');
}

/** Whether a StorageClass object is marked as the cluster's default. */
export function isDefaultClass(obj: Record<string, any>): boolean {
  const ann = isObject(obj.metadata) && isObject(obj.metadata.annotations) ? obj.metadata.annotations : {};
  return ann['storageclass.kubernetes.io/is-default-class'] === 'true' || ann['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
}
