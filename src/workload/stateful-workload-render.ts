import * as kplus from 'cdk8s-plus-27';
import { k8s } from 'cdk8s-plus-27';
import { hardenPodSpec, restrictedPod, spreadOverNodesAndZones } from './pod-security';
import { ClaimPlan, WorkloadPlan } from './stateful-workload-plan';
import { sizeQuantity } from '../core/quantity';
import { RemovalPolicy } from '../core/removal-policy';

/**
 * The render steps of a StatefulWorkload: its pod spec (from cdk8s-plus Containers, hardened), its claim
 * templates, the ports its Services expose.
 */

/** One port a container declares, as the Services expose it. */
export interface ExposedPort {
  readonly port: number;
  readonly name?: string;
  readonly protocol: kplus.Protocol;
}

/**
 * The ports of the containers, once each (by number and protocol). A port without a name gets `<protocol>-<number>`
 * when there are several (a Service with several ports must name each).
 */
export function exposedPorts(containers: kplus.Container[]): ExposedPort[] {
  const ports: ExposedPort[] = [];
  for (const p of containers.flatMap((c) => c.ports)) {
    const protocol = p.protocol ?? kplus.Protocol.TCP;
    if (!ports.some((x) => x.port === p.number && x.protocol === protocol)) ports.push({ port: p.number, name: p.name, protocol });
  }
  if (ports.length < 2) return ports;
  return ports.map((p) => ({ ...p, name: p.name ?? `${p.protocol.toLowerCase()}-${p.port}` }));
}

/** A cdk8s-plus Container (or Volume) rendered by cdk8s-plus itself, as its own workloads render them. */
function kube<T>(x: unknown): T {
  const render = (x as any)?._toKube;
  if (typeof render !== 'function') throw new Error('cdk8s-plus-27 changed: Container._toKube and Volume._toKube are gone; pin cdk8s-plus-27 ^2.9.5');
  return render.call(x) as T;
}

/** The pod spec: the containers as cdk8s-plus renders them, with the claim mounts, then made restricted. */
export function renderPodSpec(plan: WorkloadPlan, selector: Record<string, string>): k8s.PodSpec {
  const volumes = new Map<string, kplus.Volume>();
  const containers = plan.containers.map((c) => {
    for (const m of c.mounts) volumes.set(m.volume.name, m.volume);
    const rendered = kube<k8s.Container>(c);
    const claimMounts: k8s.VolumeMount[] = plan.mounts.filter((m) => m.container === c.name)
      .map((m) => ({ name: m.claim, mountPath: m.path, subPath: m.subPath, readOnly: m.readOnly }));
    const mounts = [...(rendered.volumeMounts ?? []), ...claimMounts];
    return { ...rendered, volumeMounts: mounts.length ? mounts : undefined };
  });
  const spec: k8s.PodSpec = {
    automountServiceAccountToken: plan.hardening.automountServiceAccountToken,
    terminationGracePeriodSeconds: plan.graceSeconds,
    securityContext: restrictedPod(plan.hardening.uid, plan.hardening.gid),
    ...spreadOverNodesAndZones(selector),
    containers,
    volumes: volumes.size ? [...volumes.values()].map((v) => kube<k8s.Volume>(v)) : undefined,
  };
  return hardenPodSpec(spec, plan.hardening) as k8s.PodSpec;
}

/** A claim template: one claim per replica, on the class checked in the plan. */
export function renderClaimTemplate(claim: ClaimPlan, labels: Record<string, string>, annotations?: Record<string, string>): k8s.KubePersistentVolumeClaimProps {
  return {
    metadata: { name: claim.name, labels: { ...labels }, annotations },
    spec: {
      accessModes: [claim.accessMode],
      storageClassName: claim.storageClass?.storageClassName,
      resources: { requests: { storage: k8s.Quantity.fromString(sizeQuantity(claim.size)) } },
    },
  };
}

/** Retain/Retain unless the data-deleting RemovalPolicy.DESTROY was chosen. */
export function retentionPolicy(removal: RemovalPolicy): k8s.StatefulSetPersistentVolumeClaimRetentionPolicy {
  return removal === RemovalPolicy.DESTROY
    ? { whenDeleted: 'Delete', whenScaled: 'Delete' }
    : { whenDeleted: 'Retain', whenScaled: 'Retain' };
}
