import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { RouteBackend } from './backend';
import { IngressRouteProps, RouteRuleOptions } from './ingress-route-props';
import { WorkloadServices, renderSpec } from './render';
import { RoutePlan, planRoute } from './route-plan';
import { RouteEntry, planRule } from './rule-plan';
import { Problems } from '../core/problems';
import { sortKeys } from '../core/values';
import { GoldenPathValidation } from '../validation/app-validation';
import { RenderedOnceApiObject } from '../validation/render-cache';

/**
 * L7 routing by host and path to Services, with TLS on by default, emitted as one networking.k8s.io/v1 Ingress.
 * Backends are checked against the Services they point at (port, namespace, not a database), paths and hosts
 * against what the API server and ingress-nginx accept, and at synth, routes of the whole app are checked
 * together (no two Ingresses claim the same host and path in one class).
 *
 * @example
 * const route = new IngressRoute(chart, 'shop', { tls: TlsSource.certManagerClusterIssuer('letsencrypt-prod') });
 * route.addRule('shop.example.com', '/', RouteBackend.service(web, { port: 80 }));
 * route.addRule('shop.example.com', '/api', RouteBackend.service(api, { portName: 'http' }));
 */
export class IngressRoute extends Construct {
  /** The Ingress object. */
  public readonly ingress: ApiObject;
  /** Name of the Ingress. */
  public readonly ingressName: string;
  /** The IngressClass the route uses. */
  public readonly ingressClassName: string;
  /**
   * Name of the TLS Secret (given, or derived for cert-manager).
   * @default - no TLS
   */
  public readonly tlsSecretName?: string;

  private readonly plan: RoutePlan;
  private readonly entries: RouteEntry[] = [];
  private readonly services: WorkloadServices;

  constructor(scope: Construct, id: string, props: IngressRouteProps = {}) {
    super(scope, id);
    this.plan = planRoute(this, props);
    this.ingressClassName = this.plan.className;
    this.ingress = this.renderIngress();
    this.ingressName = this.ingress.name;
    this.tlsSecretName = this.plan.tls.secretName(this.ingressName);
    this.services = new WorkloadServices(this, this.plan.metadata.objectLabels, this.plan.metadata.objectAnnotations);
    for (const e of this.plan.entries) this.commit(e);
    if (this.plan.defaultBackend) this.services.resolve(this.plan.defaultBackend);
    this.node.addValidation({ validate: () => this.validateRoute() });
    GoldenPathValidation.of(this)._register(this);
  }

  /** The hosts of the route's rules, in the order they were added. */
  public get hosts(): string[] {
    return [...new Set(this.entries.map((e) => e.host))];
  }

  /**
   * Route requests for a host and path to a backend. Checks everything at once and throws before changing the route.
   *
   * @param host DNS name, or a wildcard one label deep (`*.example.com`)
   * @param path the path, starting with `/`
   * @param backend where the requests go, e.g. `RouteBackend.service(api, { port: 8080 })`
   * @param options path type
   */
  public addRule(host: string, path: string, backend: RouteBackend, options: RouteRuleOptions = {}): void {
    const problems = new Problems(this);
    const entry = planRule(problems, this.plan.rules, 'addRule', { host, path, backend, options: options ?? {} }, this.entries);
    problems.throwIfAny();
    this.commit(entry!);
  }

  /** The Ingress, its spec rendered at synth from the rules added until then. */
  private renderIngress(): ApiObject {
    const { name, metadata } = this.plan;
    return new RenderedOnceApiObject(this, 'Resource', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        ...(name !== undefined ? { name } : {}),
        labels: sortKeys(metadata.labels),
        annotations: Object.keys(metadata.annotations).length ? sortKeys(metadata.annotations) : undefined,
      },
      spec: Lazy.any({
        produce: () => renderSpec({
          className: this.ingressClassName,
          tls: this.plan.tls,
          tlsSecretName: this.tlsSecretName,
          entries: this.entries,
          hosts: this.hosts,
          defaultBackend: this.plan.defaultBackend,
        }, this.services),
      }),
    } as any);
  }

  /** Adds a checked rule, creating the Service of a workload backend. */
  private commit(e: RouteEntry): void {
    this.entries.push({ ...e, backend: this.services.resolve(e.backend) });
  }

  /** What only the finished route can tell: it routes something, and cert-manager has a host to issue for. */
  private validateRoute(): string[] {
    const problems: string[] = [];
    const path = this.node.path;
    if (this.entries.length === 0 && !this.plan.defaultBackend) {
      problems.push(`${path}: rules [] is empty and there is no defaultBackend, which the API server refuses. Add a rule with route.addRule(host, path, backend) or set defaultBackend.`);
    }
    const tlsProblem = this.plan.tls.synthProblem(this.hosts);
    if (tlsProblem) problems.push(`${path}: ${tlsProblem}`);
    return problems;
  }
}
