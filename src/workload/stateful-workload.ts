import { Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { planStatefulWorkload, WorkloadPlan } from './stateful-workload-plan';
import { StatefulWorkloadProps } from './stateful-workload-props';
import { exposedPorts, ExposedPort, renderClaimTemplate, renderPodSpec, retentionPolicy } from './stateful-workload-render';
import { POD_SECURITY_LABEL, POD_SECURITY_RESTRICTED } from '../core/conventions';
import { ConventionalMeta, conventionalMeta, objectMeta } from '../platform/conventions';
import { useStorageClass } from '../storage/existing-storage-class';
import { GoldenPathValidation } from '../validation/app-validation';
import { rendersOnce } from '../validation/render-cache';

// The objects a StatefulWorkload emits render once per synth (validation and output share the JSON).
const KubeServiceObject = rendersOnce(k8s.KubeService);
const KubeStatefulSetObject = rendersOnce(k8s.KubeStatefulSet);
const KubePodDisruptionBudgetObject = rendersOnce(k8s.KubePodDisruptionBudget);

/**
 * Any stateful app that is not a database (a web server with per-replica content, a queue, a search node, a CMS
 * with per-replica caches), as safe as a `StatefulDatabase`: a StatefulSet whose replicas each get their own claims
 * (checked against the class's storage system and retained by default), a headless governing Service, an optional
 * client Service (a cdk8s-plus `Service`, a valid `WebRoute` backend), a PodDisruptionBudget, spread over nodes
 * and zones, pods under Pod Security "restricted" with the image's uid/gid, partition or OnDelete updates, and
 * ordered or parallel pod management.
 *
 * @example
 * const web = new StatefulWorkload(chart, 'web-server', {
 *   replicas: 3,
 *   uid: 101,
 *   containers: [{ name: 'nginx', image: 'docker.io/nginxinc/nginx-unprivileged:1.27.3-alpine', ports: [{ number: 8080, name: 'http' }] }],
 *   volumeClaimTemplates: [{ name: 'www', size: Size.gibibytes(10), storageClass: ExistingStorageClass.exoscaleBlockStorage() }],
 *   mounts: [{ claim: 'www', path: '/usr/share/nginx/html' }],
 * });
 */
export class StatefulWorkload extends Construct {
  /** The StatefulSet. */
  public readonly statefulSet: k8s.KubeStatefulSet;
  /** The headless governing Service `<name>-headless`: stable per-pod DNS names (`<name>-0.<name>-headless`). */
  public readonly headlessService: k8s.KubeService;
  /**
   * The client Service `<name>` on every container port (a cdk8s-plus Service: route to it with `RouteBackend.service`).
   * @default - none when `clientService` is false or no container declares a port
   */
  public readonly service?: kplus.Service;
  /**
   * The PodDisruptionBudget (one pod down at a time).
   * @default - none at one replica (a budget there would block every node drain)
   */
  public readonly podDisruptionBudget?: k8s.KubePodDisruptionBudget;
  /** The containers, as cdk8s-plus Containers: volumes mounted and env added before synth reach the pods (the Services expose the ports declared in the props). */
  public readonly containers: kplus.Container[];
  /** Name of the StatefulSet and of the client Service. */
  public readonly name: string;
  /** Number of replicas. */
  public readonly replicas: number;
  /** Labels that select the workload's pods. */
  public readonly selectorLabels: { [key: string]: string };

  constructor(scope: Construct, id: string, props: StatefulWorkloadProps) {
    super(scope, id);
    const plan = planStatefulWorkload(this, id, props);
    this.name = plan.name;
    this.replicas = plan.replicas;
    this.containers = plan.containers;
    for (const claim of plan.claims) if (claim.storageClass) useStorageClass(this, claim.storageClass);
    const selector: Record<string, string> = { 'app.kubernetes.io/name': plan.name, 'app.kubernetes.io/instance': plan.name };
    this.selectorLabels = { ...selector };
    const meta = conventionalMeta(this, selector);
    const ports = exposedPorts(plan.containers);
    this.headlessService = this.renderHeadlessService(plan, meta, selector, ports);
    this.service = plan.clientService ? this.renderClientService(plan, meta, selector, ports) : undefined;
    this.statefulSet = this.renderStatefulSet(plan, meta, selector);
    this.podDisruptionBudget = this.renderDisruptionBudget(plan, meta, selector);
    GoldenPathValidation.of(this)._register(this);
  }

  /** The headless governing Service: stable per-pod DNS names, not-ready addresses published (peers find each other while starting). */
  private renderHeadlessService(plan: WorkloadPlan, meta: ConventionalMeta, selector: Record<string, string>, ports: ExposedPort[]): k8s.KubeService {
    return new KubeServiceObject(this, 'HeadlessService', {
      metadata: objectMeta(meta, `${plan.name}-headless`),
      spec: {
        clusterIp: 'None',
        publishNotReadyAddresses: true,
        selector: { ...selector },
        ports: ports.length ? ports.map((p) => ({ name: p.name, port: p.port, targetPort: k8s.IntOrString.fromNumber(p.port), protocol: p.protocol })) : undefined,
      },
    });
  }

  /** The client Service: every Ready replica, on every container port. */
  private renderClientService(plan: WorkloadPlan, meta: ConventionalMeta, selector: Record<string, string>, ports: ExposedPort[]): kplus.Service {
    const service = new kplus.Service(this, 'Service', {
      metadata: objectMeta(meta, plan.name),
      ports: ports.map((p) => ({ name: p.name, port: p.port, targetPort: p.port, protocol: p.protocol })),
    });
    for (const [k, v] of Object.entries(selector)) service.selectLabel(k, v);
    return service;
  }

  private renderStatefulSet(plan: WorkloadPlan, meta: ConventionalMeta, selector: Record<string, string>): k8s.KubeStatefulSet {
    const annotations = Object.keys(meta.annotations).length ? { ...meta.annotations } : undefined;
    return new KubeStatefulSetObject(this, 'StatefulSet', {
      metadata: objectMeta(meta, plan.name),
      spec: {
        serviceName: `${plan.name}-headless`,
        replicas: plan.replicas,
        podManagementPolicy: plan.podManagementPolicy,
        selector: { matchLabels: { ...selector } },
        updateStrategy: plan.updateStrategy._render(),
        persistentVolumeClaimRetentionPolicy: retentionPolicy(plan.removalPolicy),
        revisionHistoryLimit: 10,
        template: {
          metadata: { labels: { ...meta.labels, [POD_SECURITY_LABEL]: POD_SECURITY_RESTRICTED }, annotations },
          // rendered at synth, so mounts, env and ports added to `containers` after construction are included
          spec: Lazy.any({ produce: () => renderPodSpec(plan, selector) }) as any,
        },
        volumeClaimTemplates: plan.claims.length ? plan.claims.map((c) => renderClaimTemplate(c, meta.labels, annotations)) : undefined,
      },
    });
  }

  /** One pod at a time; none at one replica (minAvailable 1 there blocks every node drain). */
  private renderDisruptionBudget(plan: WorkloadPlan, meta: ConventionalMeta, selector: Record<string, string>): k8s.KubePodDisruptionBudget | undefined {
    if (plan.replicas <= 1) return undefined;
    return new KubePodDisruptionBudgetObject(this, 'PodDisruptionBudget', {
      metadata: objectMeta(meta, plan.name),
      spec: { maxUnavailable: k8s.IntOrString.fromNumber(1), selector: { matchLabels: { ...selector } } },
    });
  }
}
