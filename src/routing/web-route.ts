import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { RouteBackend } from './backend';
import { HttpRoutes, OUTSIDE_APP } from './render-http-route';
import { WorkloadServices, renderSpec, serviceNamesOf } from './render-ingress';
import { RoutePlan, planRoute } from './route-plan';
import { RouteEntry, planRule } from './rule-plan';
import { RouteRuleOptions, WebRouteProps } from './web-route-props';
import { SUPPRESS_ANNOTATION_PREFIX } from '../core/conventions';
import { Problems } from '../core/problems';
import { sortKeys } from '../core/values';
import { MAX_ROUTE_HOSTNAMES, MAX_ROUTE_RULES } from '../knowledge/routing/gateway-api';
import { GoldenPathValidation } from '../validation/app-validation';
import { RenderedOnceApiObject } from '../validation/render-cache';

/**
 * L7 routing by host and path to Services, with TLS on by default, from one intent to either output:
 * - an Ingress (networking.k8s.io/v1) for a chosen controller (`RouteOutput.ingress(IngressController.traefik())`),
 *   whose class, annotations and path rules the controller owns;
 * - HTTPRoutes (gateway.networking.k8s.io/v1) attached to a Gateway (`RouteOutput.gatewayApi({ gateway })`): one per
 *   host on the Gateway's HTTPS listeners, a RequestRedirect route on its HTTP listener, ReferenceGrants for backends
 *   in other namespaces.
 * Backends are checked against the Services they point at (port, namespace, not a database), hosts and paths against
 * what the API server, the HTTPRoute schema and the controller accept; at synth, the routes of the whole app are
 * checked together (no two claim the same host and path).
 *
 * @example
 * const route = new WebRoute(chart, 'shop', {
 *   output: RouteOutput.gatewayApi({ gateway: GatewayRef.platform({ name: 'public', namespace: 'gateway-system' }) }),
 * });
 * route.addRule('shop.example.com', '/', RouteBackend.service(web, { port: 80 }));
 * route.addRule('shop.example.com', '/api', RouteBackend.service(api, { portName: 'http' }));
 */
export class WebRoute extends Construct {
  /**
   * The Ingress (Ingress output).
   * @default - none with Gateway API output
   */
  public readonly ingress?: ApiObject;
  /**
   * Name of the Ingress (Ingress output).
   * @default - none with Gateway API output
   */
  public readonly ingressName?: string;
  /**
   * The IngressClass the route uses (Ingress output).
   * @default - none with Gateway API output
   */
  public readonly ingressClassName?: string;
  /**
   * Name of the TLS Secret of the Ingress (given, or derived for cert-manager).
   * @default - no TLS, a certificate outside Secrets (ACM), or Gateway API output (the Gateway holds certificates)
   */
  public readonly tlsSecretName?: string;
  /**
   * The HTTPRoute on the Gateway's plain HTTP listener that redirects to HTTPS (Gateway API output).
   * @default - none: Ingress output, or no redirect
   */
  public readonly redirectRoute?: ApiObject;
  /** What the route renders, e.g. `Ingress for Traefik` or `HTTPRoute on Gateway gateway-system/public`. */
  public readonly outputDescription: string;

  private readonly plan: RoutePlan;
  private readonly entries: RouteEntry[] = [];
  private readonly services: WorkloadServices;
  private readonly http?: HttpRoutes;

  constructor(scope: Construct, id: string, props: WebRouteProps = {}) {
    super(scope, id);
    this.plan = planRoute(this, props);
    const { metadata, controller, gateway } = this.plan;
    this.services = new WorkloadServices(this, metadata.objectLabels, metadata.objectAnnotations);
    if (gateway) {
      this.outputDescription = `HTTPRoute on ${gateway.description}`;
      this.http = new HttpRoutes({
        scope: this,
        name: this.plan.name,
        namespace: this.plan.namespace,
        gateway,
        https: this.plan.tls.https,
        sslRedirect: this.plan.sslRedirect,
        labels: metadata.labels,
        annotations: metadata.annotations,
        objectLabels: metadata.objectLabels,
        objectAnnotations: metadata.objectAnnotations,
        timeouts: this.plan.timeouts,
      });
      this.redirectRoute = this.http.redirect;
      gateway.attach(this, () => this.hosts);
    } else {
      this.outputDescription = `Ingress for ${controller!.description}`;
      this.ingressClassName = controller!.className;
      this.ingress = this.renderIngress();
      this.ingressName = this.ingress.name;
      this.tlsSecretName = this.plan.tls.secretName(this.ingressName);
      controller!.render?.({
        scope: this,
        ingress: this.ingress,
        namespace: this.plan.namespace,
        labels: metadata.objectLabels,
        annotations: metadata.objectAnnotations,
        spec: () => this.spec(),
        serviceNames: () => serviceNamesOf(this.entries, this.plan.defaultBackend, this.services),
      });
    }
    for (const e of this.plan.entries) this.commit(e);
    if (this.plan.defaultBackend) this.noteBackend(this.services.resolve(this.plan.defaultBackend));
    this.node.addValidation({ validate: () => this.validateRoute() });
    GoldenPathValidation.of(this)._register(this);
  }

  /** The hosts of the route's rules, in the order they were added. */
  public get hosts(): string[] {
    return [...new Set(this.entries.map((e) => e.host))];
  }

  /** The HTTPRoutes of the route, one per host in the order the hosts were added (Gateway API output). */
  public get httpRoutes(): ApiObject[] {
    return this.http ? [...this.http.routes.values()] : [];
  }

  /**
   * Route requests for a host and path to a backend. Checks everything at once and throws before changing the route.
   *
   * @param host DNS name, or a wildcard one label deep (`*.example.com`)
   * @param path the path, starting with `/`
   * @param backend where the requests go, e.g. `RouteBackend.service(api, { port: 8080 })`
   * @param options path type, header matches, rewrite
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
      spec: Lazy.any({ produce: () => this.spec() }),
    } as any);
  }

  /** The spec of the Ingress. */
  private spec(): any {
    const c = this.plan.controller!;
    return renderSpec({
      className: c.classByAnnotation ? undefined : c.className,
      tls: this.plan.tls,
      tlsSecretName: this.tlsSecretName,
      entries: this.entries,
      hosts: this.hosts,
      defaultBackend: this.plan.defaultBackend,
    }, this.services);
  }

  /** Adds a checked rule, creating the Service of a workload backend (and, with Gateway API, the host's HTTPRoute). */
  private commit(e: RouteEntry): void {
    const entry = { ...e, backend: this.services.resolve(e.backend) };
    this.entries.push(entry);
    this.http?.add(entry);
    this.noteBackend(entry.backend);
  }

  /** An Ingress records why the validator cannot see a Service the app does not define. */
  private noteBackend(b: RouteEntry['backend']): void {
    if (!this.ingress || !b.external) return;
    const names = [...new Set([...this.entries.map((e) => e.backend), ...(this.plan.defaultBackend ? [this.plan.defaultBackend] : [])]
      .filter((x) => x.external).map((x) => x.serviceName))];
    this.ingress.metadata.addAnnotation(`${SUPPRESS_ANNOTATION_PREFIX}ING-007`, `Service ${names.join(', ')} ${OUTSIDE_APP}`);
  }

  /** What only the finished route can tell: it routes something, its hosts fit the output, TLS has hosts. */
  private validateRoute(): string[] {
    const problems: string[] = [];
    const path = this.node.path;
    const hosts = this.hosts;
    if (this.entries.length === 0 && !this.plan.defaultBackend) {
      problems.push(`${path}: rules [] is empty and there is no defaultBackend, which the API server refuses. Add a rule with route.addRule(host, path, backend)${this.http ? '' : ' or set defaultBackend'}.`);
    }
    const tlsProblem = this.plan.tls.synthProblem(hosts);
    if (tlsProblem) problems.push(`${path}: ${tlsProblem}`);
    const gateway = this.plan.gateway;
    if (gateway && this.plan.tls.https) {
      for (const host of hosts) {
        const p = gateway.hostProblem(host);
        if (p) problems.push(`${path}: host ${JSON.stringify(host)} ${p}. Add the host to the WebGateway's hosts, or leave its hosts out so its listeners follow the routes.`);
      }
    }
    if (this.http) {
      if (this.http.redirect && hosts.length > MAX_ROUTE_HOSTNAMES) {
        problems.push(`${path}: hosts ${hosts.length} hosts are more than the ${MAX_ROUTE_HOSTNAMES} hostnames of the redirect HTTPRoute. Split the route into WebRoutes of at most ${MAX_ROUTE_HOSTNAMES} hosts.`);
      }
      for (const host of hosts) {
        const n = this.entries.filter((e) => e.host === host).length;
        if (n > MAX_ROUTE_RULES) problems.push(`${path}: rules for host ${host} are ${n}, more than the ${MAX_ROUTE_RULES} rules of an HTTPRoute. Split them over two WebRoutes.`);
      }
      problems.push(...this.http.grantProblems().map((p) => `${path}: ${p}. Split the route.`));
    }
    return problems;
  }
}
