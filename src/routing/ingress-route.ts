import { ApiObject, Chart, Lazy } from 'cdk8s';
import { Service } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { IngressBackend, ServiceFacts, isWorkload, serviceFacts } from './backend';
import { IngressNginxOptions, renderNginxOptions } from './nginx';
import { TlsMode, TlsSource } from './tls';
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE, ROLE_ANNOTATION } from '../core/conventions';
import { isDnsSubdomain } from '../core/names';
import { Problems } from '../core/problems';
import { asText, describe } from '../core/values';
import { captureGroups, captureReferences, NGINX_ANNOTATION_PREFIX, NGINX_OPTION_KEYS } from '../knowledge/routing/ingress-nginx';
import { hostProblem, nginxPathProblem, pathProblem, tlsCovers } from '../knowledge/routing/paths';
import { PlatformDefaults } from '../platform/defaults';
import { GoldenPathValidation } from '../validation/app-validation';
import { RenderedOnceApiObject } from '../validation/render-cache';

/** The annotation that selected the ingress controller before `spec.ingressClassName` existed. */
export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
/** cert-manager annotation naming a ClusterIssuer. */
export const CERT_MANAGER_CLUSTER_ISSUER_ANNOTATION = 'cert-manager.io/cluster-issuer';
/** cert-manager annotation naming an Issuer in the Ingress's namespace. */
export const CERT_MANAGER_ISSUER_ANNOTATION = 'cert-manager.io/issuer';
/** Value of `golden-paths.dev/role` on the Services of a StatefulDatabase (src/conventions.ts). */
const DATABASE_ROLE = 'database';

/** Ingress class used when neither the route nor a PlatformDefaults scope names one. */
const LIBRARY_DEFAULT_CLASS = 'nginx';

/**
 * How an Ingress path matches request paths.
 * @see https://kubernetes.io/docs/concepts/services-networking/ingress/#path-types
 */
export enum RoutePathType {
  /** The path and everything under it, split on `/`: `/api` matches `/api` and `/api/orders`, not `/apis`. */
  PREFIX = 'Prefix',
  /** Exactly this path, case-sensitive. */
  EXACT = 'Exact',
  /**
   * Left to the controller: with ingress-nginx, a regular expression. Accepted only with `nginx.useRegex`
   * (or a rewriteTarget with capture groups), since ingress-nginx refuses regex characters in Prefix and Exact paths.
   */
  IMPLEMENTATION_SPECIFIC = 'ImplementationSpecific',
}

/** Options of one rule of an IngressRoute. */
export interface RouteRuleOptions {
  /**
   * How the path matches.
   * @default RoutePathType.PREFIX - `/api` also serves `/api/orders`, the usual intent
   */
  readonly pathType?: RoutePathType;
}

/** One host and path routed to a backend. */
export interface RouteRule extends RouteRuleOptions {
  /** The host name, e.g. `shop.example.com`, or a wildcard one label deep, e.g. `*.example.com`. */
  readonly host: string;
  /**
   * The path, starting with `/`.
   * @default '/' - the whole host
   */
  readonly path?: string;
  /** Where matching requests go. */
  readonly backend: IngressBackend;
}

/** Props of {@link IngressRoute}. */
export interface IngressRouteProps {
  /**
   * Name of the Ingress object.
   * @default - generated from the construct path, stable across synths
   */
  readonly name?: string;
  /**
   * The IngressClass, i.e. which controller serves the route.
   * @see https://kubernetes.io/docs/concepts/services-networking/ingress/#ingress-class
   * @default - the nearest PlatformDefaults ingressClassName, else 'nginx': never left to the cluster's default class
   */
  readonly ingressClassName?: string;
  /**
   * Where the certificate comes from. Plain HTTP only through `TlsSource.noneInsecurePlainHttp()`.
   * @default - a cert-manager certificate from the nearest PlatformDefaults certManagerClusterIssuer; without one
   * the route refuses to synthesize rather than serve plain HTTP
   */
  readonly tls?: TlsSource;
  /**
   * Redirect HTTP requests to HTTPS (`nginx.ingress.kubernetes.io/ssl-redirect`).
   * @default - true with TLS: no page is served over plain HTTP
   */
  readonly sslRedirect?: boolean;
  /**
   * Rules; more can be added with {@link IngressRoute.addRule}.
   * @default - none
   */
  readonly rules?: RouteRule[];
  /**
   * Backend for requests that match no rule.
   * @default - none: the controller answers 404 for requests that match no rule
   */
  readonly defaultBackend?: IngressBackend;
  /**
   * Typed ingress-nginx options, rendered as annotations.
   * @default - ingress-nginx defaults
   */
  readonly nginx?: IngressNginxOptions;
  /**
   * Extra annotations on the Ingress (for options without a typed prop). Keys the typed props set are refused here.
   * @default - none
   */
  readonly annotations?: { [key: string]: string };
  /**
   * Extra labels on the Ingress.
   * @default - none (the managed-by label and PlatformDefaults labels are always set)
   */
  readonly labels?: { [key: string]: string };
}

interface PlannedBackend {
  readonly serviceName?: string;
  readonly port?: { number?: number; name?: string };
  readonly workload?: { workload: any; port: number; targetPort: number; serviceName?: string };
}

interface RouteEntry {
  readonly host: string;
  readonly path: string;
  readonly pathType: string;
  readonly backend: PlannedBackend;
}

/**
 * L7 routing by host and path to Services, with TLS on by default, emitted as one networking.k8s.io/v1 Ingress.
 * Backends are checked against the Services they point at (port, namespace, not a database), paths and hosts
 * against what the API server and ingress-nginx accept, and at synth, routes of the whole app are checked
 * together (no two Ingresses claim the same host and path in one class).
 *
 * @example
 * const route = new IngressRoute(chart, 'shop', { tls: TlsSource.certManagerClusterIssuer('letsencrypt-prod') });
 * route.addRule('shop.example.com', '/', IngressBackend.service(web, { port: 80 }));
 * route.addRule('shop.example.com', '/api', IngressBackend.service(api, { portName: 'http' }));
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

  private readonly entries: RouteEntry[] = [];
  private readonly tls: TlsSource;
  private readonly tlsHosts?: string[];
  private readonly regex: boolean;
  private readonly rewriteTarget?: string;
  private readonly namespace: string;
  private readonly objectLabels: Record<string, string>;
  private readonly objectAnnotations: Record<string, string>;
  private readonly workloadServices = new Map<string, string>();
  private defaultBackend?: PlannedBackend;

  constructor(scope: Construct, id: string, props: IngressRouteProps = {}) {
    super(scope, id);
    const propErrors = new Problems(this);
    const errors = new CountingErrors(propErrors);
    if (props === null || typeof props !== 'object') {
      errors.add('props', props, 'is not an IngressRouteProps object', 'Pass e.g. { tls: TlsSource.certManagerClusterIssuer("letsencrypt-prod") }.');
      propErrors.throwIfAny();
    }
    const defaults = PlatformDefaults.of(this);
    this.namespace = Chart.of(this).namespace ?? 'default';

    if (props.name !== undefined && !isDnsSubdomain(props.name)) {
      errors.add('name', props.name, 'is not a valid object name (lower-case letters, digits, "-" and ".", at most 253 characters)', 'Use e.g. "shop".');
    }
    const className = props.ingressClassName ?? defaults.ingressClassName ?? LIBRARY_DEFAULT_CLASS;
    if (!isDnsSubdomain(className)) {
      errors.add(props.ingressClassName !== undefined ? 'ingressClassName' : 'PlatformDefaults ingressClassName', className,
        'is not a valid IngressClass name', 'Use the name of an IngressClass in the cluster, e.g. "nginx".');
    }
    this.ingressClassName = className;

    // TLS: explicit prop, then the platform's cluster issuer, else refuse
    let tls: TlsSource | undefined = props.tls;
    if (tls === undefined && defaults.certManagerClusterIssuer) tls = TlsSource.certManagerClusterIssuer(defaults.certManagerClusterIssuer);
    if (tls === undefined) {
      errors.add('tls', undefined, 'leaves the route without a certificate and no PlatformDefaults certManagerClusterIssuer is set',
        'Set tls: TlsSource.certManagerClusterIssuer("letsencrypt-prod") or TlsSource.secret("my-tls"), set PlatformDefaults certManagerClusterIssuer, or opt out explicitly with TlsSource.noneInsecurePlainHttp().');
    } else if (!(tls instanceof TlsSource)) {
      errors.add('tls', tls, 'is not a TlsSource', 'Use TlsSource.certManagerClusterIssuer(...), TlsSource.certManagerIssuer(...), TlsSource.secret(...) or TlsSource.noneInsecurePlainHttp().');
      tls = undefined;
    }
    this.tls = tls ?? TlsSource.noneInsecurePlainHttp();
    const mode = this.tls._mode;
    if (tls && mode !== TlsMode.NONE) {
      const what = mode === TlsMode.SECRET ? 'Secret' : mode === TlsMode.ISSUER ? 'Issuer' : 'ClusterIssuer';
      if (!isDnsSubdomain(this.tls._name)) {
        errors.add(`tls ${what} name`, this.tls._name, 'is not a valid object name', `Use the name of the ${what}, e.g. "${mode === TlsMode.SECRET ? 'shop-tls' : 'letsencrypt-prod'}".`);
      }
      const opts = this.tls._options ?? {};
      if (opts.secretName !== undefined && !isDnsSubdomain(opts.secretName)) {
        errors.add('tls secretName', opts.secretName, 'is not a valid Secret name', 'Use lower-case letters, digits and "-", e.g. "shop-tls".');
      }
      if (opts.hosts !== undefined) {
        if (!Array.isArray(opts.hosts) || opts.hosts.length === 0) {
          errors.add('tls hosts', opts.hosts, 'is not a non-empty list of host names', 'List the hosts, e.g. ["shop.example.com"], or leave hosts out to cover every rule host.');
        } else {
          opts.hosts.forEach((h, i) => {
            const p = hostProblem(h);
            if (p) errors.add(`tls hosts[${i}]`, h, p, 'Use a DNS name such as "shop.example.com" or "*.example.com".');
          });
          this.tlsHosts = [...opts.hosts];
        }
      }
    }
    const sslRedirect = props.sslRedirect ?? mode !== TlsMode.NONE;
    if (props.sslRedirect !== undefined && typeof props.sslRedirect !== 'boolean') {
      errors.add('sslRedirect', props.sslRedirect, 'is not a boolean', 'Use true or false.');
    } else if (sslRedirect === true && mode === TlsMode.NONE && tls) {
      errors.add('sslRedirect', true, 'redirects to HTTPS, but the route has no TLS (TlsSource.noneInsecurePlainHttp())', 'Remove sslRedirect, or give the route a TlsSource.');
    }

    // annotations: platform, user, then what the typed props own
    const owned: Record<string, string> = {};
    const ownedBy: Record<string, string> = {};
    const nginx = renderNginxOptions(props.nginx, errors);
    for (const [k, v] of Object.entries(nginx)) {
      owned[k] = v;
      ownedBy[k] = `nginx.${Object.keys(NGINX_OPTION_KEYS).find((o) => NGINX_ANNOTATION_PREFIX + NGINX_OPTION_KEYS[o] === k)}`;
    }
    this.regex = nginx[NGINX_ANNOTATION_PREFIX + 'use-regex'] === 'true';
    this.rewriteTarget = nginx[NGINX_ANNOTATION_PREFIX + 'rewrite-target'];
    if (mode !== TlsMode.NONE) {
      owned[NGINX_ANNOTATION_PREFIX + 'ssl-redirect'] = asText(sslRedirect); // a non-boolean was reported above
      ownedBy[NGINX_ANNOTATION_PREFIX + 'ssl-redirect'] = 'sslRedirect';
    }
    if (mode === TlsMode.CLUSTER_ISSUER || mode === TlsMode.ISSUER) {
      const key = mode === TlsMode.CLUSTER_ISSUER ? CERT_MANAGER_CLUSTER_ISSUER_ANNOTATION : CERT_MANAGER_ISSUER_ANNOTATION;
      owned[key] = asText(this.tls._name); // an invalid name was reported above
      ownedBy[key] = 'tls';
    }
    const userAnnotations = checkStringMap(props.annotations, 'annotations', errors);
    for (const k of Object.keys(userAnnotations)) {
      if (k in owned) {
        errors.add(`annotations["${k}"]`, userAnnotations[k], `is set by ${ownedBy[k]}`, `Remove it from annotations and use ${ownedBy[k]}.`);
      }
      if (k === CERT_MANAGER_CLUSTER_ISSUER_ANNOTATION || k === CERT_MANAGER_ISSUER_ANNOTATION) {
        if (!(k in owned)) errors.add(`annotations["${k}"]`, userAnnotations[k], 'configures TLS behind the tls prop\'s back', 'Use tls: TlsSource.certManagerClusterIssuer(...) or TlsSource.certManagerIssuer(...).');
      }
    }
    const annotations = { ...(defaults.annotations ?? {}), ...userAnnotations, ...owned };
    const classAnnotation = annotations[INGRESS_CLASS_ANNOTATION];
    if (classAnnotation !== undefined && classAnnotation !== className) {
      errors.add(`annotations["${INGRESS_CLASS_ANNOTATION}"]`, classAnnotation,
        `disagrees with ingressClassName ${JSON.stringify(className)}; the API server refuses an Ingress whose annotation and class differ`,
        'Remove the deprecated annotation and set ingressClassName only.');
    }
    const userLabels = checkStringMap(props.labels, 'labels', errors);
    this.objectLabels = { ...(defaults.labels ?? {}), [MANAGED_BY_LABEL]: MANAGED_BY_VALUE };
    this.objectAnnotations = { ...(defaults.annotations ?? {}) };
    const labels = { ...(defaults.labels ?? {}), ...userLabels, [MANAGED_BY_LABEL]: MANAGED_BY_VALUE };

    // rules and default backend from props, checked with everything else
    if (props.rules !== undefined && !Array.isArray(props.rules)) {
      errors.add('rules', props.rules, 'is not a list of RouteRule', 'Pass e.g. [{ host: "shop.example.com", backend: IngressBackend.service(web) }].');
    }
    const planned: RouteEntry[] = [];
    (Array.isArray(props.rules) ? props.rules : []).forEach((r, i) => {
      if (!r || typeof r !== 'object') {
        errors.add(`rules[${i}]`, r, 'is not a RouteRule', 'Pass { host, path, backend }.');
        return;
      }
      const e = this.planRule(errors, `rules[${i}]`, r.host, r.path ?? '/', r.backend, { pathType: r.pathType }, planned);
      if (e) planned.push(e);
    });
    if (props.defaultBackend !== undefined) {
      this.defaultBackend = this.planBackend(errors, 'defaultBackend', props.defaultBackend);
    }
    propErrors.throwIfAny();

    this.ingress = new RenderedOnceApiObject(this, 'Resource', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        ...(props.name !== undefined ? { name: props.name } : {}),
        labels: sortKeys(labels),
        annotations: Object.keys(annotations).length ? sortKeys(annotations) : undefined,
      },
      spec: Lazy.any({ produce: () => this.renderSpec() }),
    } as any);
    this.ingressName = this.ingress.name;
    if (mode === TlsMode.SECRET) this.tlsSecretName = this.tls._name;
    if (mode === TlsMode.CLUSTER_ISSUER || mode === TlsMode.ISSUER) this.tlsSecretName = this.tls._options?.secretName ?? `${this.ingressName}-tls`;

    for (const e of planned) this.commit(e);
    if (this.defaultBackend) this.materialize(this.defaultBackend);

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
   * @param backend where the requests go, e.g. `IngressBackend.service(api, { port: 8080 })`
   * @param options path type
   */
  public addRule(host: string, path: string, backend: IngressBackend, options: RouteRuleOptions = {}): void {
    const propErrors = new Problems(this);
    const entry = this.planRule(new CountingErrors(propErrors), 'addRule', host, path, backend, options ?? {}, this.entries);
    propErrors.throwIfAny();
    this.commit(entry!);
  }

  private planRule(errors: CountingErrors, prop: string, host: unknown, path: unknown, backend: unknown, options: RouteRuleOptions,
    existing: RouteEntry[]): RouteEntry | undefined {
    const before = errorsCount(errors);
    const hp = hostProblem(host);
    if (hp) {
      errors.add(`${prop} host`, host, hp, typeof host === 'string' && hp.includes('upper-case')
        ? `Use ${JSON.stringify(host.toLowerCase())}.`
        : 'Use a DNS name such as "shop.example.com" or a wildcard such as "*.example.com"; route by IP through a LoadBalancer Service instead.');
    }
    const pathType = options?.pathType ?? RoutePathType.PREFIX;
    const pathTypeOk = Object.values(RoutePathType).includes(pathType);
    if (!pathTypeOk) {
      errors.add(`${prop} pathType`, pathType, 'is not Prefix, Exact or ImplementationSpecific', 'Use RoutePathType.PREFIX or RoutePathType.EXACT.');
    } else if (pathType === RoutePathType.IMPLEMENTATION_SPECIFIC && !this.regex) {
      errors.add(`${prop} pathType`, pathType, 'is accepted only for regex paths, and the route does not use regex', 'Use RoutePathType.PREFIX or RoutePathType.EXACT, or set nginx.useRegex: true for a regex path.');
    }
    // with a wrong pathType (reported above) only what holds for every type is checked: the messages name the type
    const pp = pathTypeOk ? pathProblem(path, pathType) : pathProblem(path, RoutePathType.IMPLEMENTATION_SPECIFIC);
    const np = pp || !pathTypeOk ? undefined : nginxPathProblem(path, pathType);
    if (pp || np) {
      const fix = typeof path === 'string' && !path.startsWith('/') ? `Use ${JSON.stringify('/' + path)}.`
        : np ? 'Remove those characters, or use a regex path with RoutePathType.IMPLEMENTATION_SPECIFIC and nginx.useRegex: true.'
          : 'Write the path in its normalized form, e.g. "/api/v1".';
      errors.add(`${prop} path`, path, (pp ?? np)!, fix);
    }
    if (!pp && typeof path === 'string' && pathType === RoutePathType.IMPLEMENTATION_SPECIFIC) {
      try {
        new RegExp(path);
      } catch {
        errors.add(`${prop} path`, path, 'is not a valid regular expression', 'Fix the expression, e.g. "/api(/|$)(.*)".');
      }
    }
    if (this.rewriteTarget !== undefined && typeof path === 'string') {
      const refs = captureReferences(this.rewriteTarget);
      if (refs > 0 && (pathType !== RoutePathType.IMPLEMENTATION_SPECIFIC || captureGroups(path) < refs)) {
        errors.add(`${prop} path`, path, `has no capture group $${refs} for nginx.rewriteTarget ${JSON.stringify(this.rewriteTarget)}`,
          `Write the path as a regex with ${refs} capture group(s) and pathType RoutePathType.IMPLEMENTATION_SPECIFIC, e.g. ${JSON.stringify(`${typeof path === 'string' ? path.replace(/\/$/, '') : ''}(/|$)(.*)`)} with rewriteTarget "/$2".`);
      } else if (refs === 0 && pathType === RoutePathType.PREFIX) {
        errors.add(`${prop} path`, path, `is a Prefix path, and nginx.rewriteTarget ${JSON.stringify(this.rewriteTarget)} replaces the whole URI: every request under it reaches the backend as ${JSON.stringify(this.rewriteTarget)}`,
          'Use RoutePathType.EXACT, or a regex path with a capture group and a rewriteTarget such as "/$2".');
      }
    }
    if (!hp && this.tlsHosts && !tlsCovers(this.tlsHosts, host as string)) {
      errors.add(`${prop} host`, host, `is not covered by the TLS hosts ${JSON.stringify(this.tlsHosts)} (a wildcard covers exactly one label)`,
        `Add ${JSON.stringify(host)} to the TlsSource hosts, or leave hosts out to cover every rule host.`);
    }
    if (!hp && !pp && typeof path === 'string') {
      const all = [...this.entries, ...existing];
      if (all.some((e) => e.host === host && e.path === path && e.pathType === pathType)) {
        errors.add(`${prop} path`, path, `is already routed for host ${JSON.stringify(host)} (${pathType}) in this route`, 'Remove the duplicate rule; one host and path go to one backend.');
      }
    }
    const planned = this.planBackend(errors, `${prop} backend`, backend);
    if (errorsCount(errors) > before) return undefined;
    return { host: host as string, path: path as string, pathType, backend: planned! };
  }

  private planBackend(errors: CountingErrors, prop: string, backend: unknown): PlannedBackend | undefined {
    if (!(backend instanceof IngressBackend)) {
      errors.add(prop, backend, 'is not an IngressBackend', 'Use IngressBackend.service(service, { port }) or IngressBackend.workload(deployment, { port }).');
      return undefined;
    }
    const opts = backend._options && typeof backend._options === 'object' ? backend._options : {};
    if (backend._workload !== undefined) return this.planWorkload(errors, prop, backend._workload, opts);
    const facts = serviceFacts(backend._service);
    if (!facts) {
      errors.add(prop, backend._service, 'is not a cdk8s-plus-27 Service', 'Pass the Service object, e.g. IngressBackend.service(deployment.exposeViaService()).');
      return undefined;
    }
    const before = errorsCount(errors);
    checkNotDatabase(errors, prop, facts);
    const ns = facts.namespace ?? 'default';
    if (ns !== this.namespace) {
      errors.add(prop, facts.name, `is a Service in namespace ${JSON.stringify(ns)}, but the route is in ${JSON.stringify(this.namespace)}: an Ingress routes only to Services of its own namespace`,
        `Create the IngressRoute in a Chart with namespace "${ns}", or route to a Service in "${this.namespace}".`);
    }
    const port = checkPort(errors, prop, facts, opts);
    if (errorsCount(errors) > before) return undefined;
    return { serviceName: facts.name, port };
  }

  private planWorkload(errors: CountingErrors, prop: string, workload: unknown, opts: any): PlannedBackend | undefined {
    if (!isWorkload(workload)) {
      errors.add(prop, workload, 'is not a cdk8s-plus-27 workload', 'Pass a Deployment or StatefulSet, or use IngressBackend.service(...).');
      return undefined;
    }
    const before = errorsCount(errors);
    const w = workload as any;
    if (!isPort(opts.port)) {
      errors.add(`${prop} port`, opts.port, 'is not a port number (1-65535)', 'Use e.g. { port: 80 }.');
    }
    const targetPort = opts.targetPort ?? opts.port;
    if (opts.targetPort !== undefined && !isPort(opts.targetPort)) {
      errors.add(`${prop} targetPort`, opts.targetPort, 'is not a port number (1-65535)', 'Use the container port, e.g. { targetPort: 8080 }.');
    } else if (isPort(targetPort)) {
      const declared: number[] = (w.containers ?? []).flatMap((c: any) => (c.ports ?? []).map((p: any) => p.number));
      if (!declared.includes(targetPort)) {
        errors.add(`${prop} targetPort`, targetPort, `is not declared by any container of ${w.node.path}${declared.length ? ` (declared: ${declared.join(', ')})` : ''}`,
          `Declare it on the container (ports: [{ number: ${targetPort} }]) or set targetPort to a declared port.`);
      }
    }
    if (opts.serviceName !== undefined && !isDnsLabelName(opts.serviceName)) {
      errors.add(`${prop} serviceName`, opts.serviceName, 'is not a valid Service name (DNS label: lower-case letters, digits and "-", at most 63 characters)', 'Use e.g. "web".');
    }
    const ns = w.metadata?.namespace ?? 'default';
    if (ns !== this.namespace) {
      errors.add(prop, w.node.path, `is a workload in namespace ${JSON.stringify(ns)}, but the route is in ${JSON.stringify(this.namespace)}`,
        `Create the IngressRoute in a Chart with namespace "${ns}".`);
    }
    if (errorsCount(errors) > before) return undefined;
    return { workload: { workload: w, port: opts.port, targetPort, serviceName: opts.serviceName } };
  }

  private commit(e: RouteEntry): void {
    this.entries.push({ ...e, backend: this.materialize(e.backend) });
  }

  /** Creates the Service of a workload backend (once per workload and port) and returns the backend by Service. */
  private materialize(b: PlannedBackend): PlannedBackend {
    if (!b.workload) return b;
    const { workload, port, targetPort, serviceName } = b.workload;
    const key = `${workload.node.path}|${port}|${targetPort}|${serviceName ?? ''}`;
    let name = this.workloadServices.get(key);
    if (!name) {
      let id = `${workload.node.id}-${port}`;
      for (let i = 2; this.node.tryFindChild(id); i++) id = `${workload.node.id}-${port}-${i}`;
      const svc = new Service(this, id, {
        metadata: {
          ...(serviceName ? { name: serviceName } : {}),
          namespace: workload.metadata?.namespace,
          labels: sortKeys(this.objectLabels),
          ...(Object.keys(this.objectAnnotations).length ? { annotations: sortKeys(this.objectAnnotations) } : {}),
        },
        selector: workload,
        ports: [{ port, targetPort }],
      });
      name = svc.name;
      this.workloadServices.set(key, name);
    }
    return { serviceName: name, port: { number: port } };
  }

  private validateRoute(): string[] {
    const problems: string[] = [];
    const path = this.node.path;
    if (this.entries.length === 0 && !this.defaultBackend) {
      problems.push(`${path}: rules [] is empty and there is no defaultBackend, which the API server refuses. Add a rule with route.addRule(host, path, backend) or set defaultBackend.`);
    }
    const mode = this.tls._mode;
    if ((mode === TlsMode.CLUSTER_ISSUER || mode === TlsMode.ISSUER) && this.hosts.length === 0 && !this.tlsHosts) {
      problems.push(`${path}: tls ${describe(this.tls._name)} has no host to issue a certificate for (the route has no rule with a host). Add a rule with a host, or list the hosts in the TlsSource options.`);
    }
    return problems;
  }

  private renderSpec(): any {
    const spec: any = { ingressClassName: this.ingressClassName };
    if (this.defaultBackend) spec.defaultBackend = backendJson(this.materialize(this.defaultBackend));
    if (this.tls._mode !== TlsMode.NONE) {
      const hosts = this.tlsHosts ?? this.hosts;
      spec.tls = [{ hosts: hosts.length ? hosts : undefined, secretName: this.tlsSecretName }];
    }
    if (this.entries.length) {
      spec.rules = this.hosts.map((host) => ({
        host,
        http: {
          paths: this.entries.filter((e) => e.host === host).map((e) => ({ path: e.path, pathType: e.pathType, backend: backendJson(e.backend) })),
        },
      }));
    }
    return spec;
  }
}

function backendJson(b: PlannedBackend): any {
  return { service: { name: b.serviceName, port: b.port } };
}

function checkNotDatabase(errors: CountingErrors, prop: string, facts: ServiceFacts): void {
  if (facts.annotations[ROLE_ANNOTATION] === DATABASE_ROLE) {
    errors.add(prop, facts.name, `is the Service of a database (${facts.path}, ${ROLE_ANNOTATION}: ${DATABASE_ROLE}); an Ingress would publish it to the internet through HTTP`,
      'Route to the application that uses the database; reach the database from inside the cluster only.');
  }
}

function checkPort(errors: CountingErrors, prop: string, facts: ServiceFacts, opts: any): { number?: number; name?: string } | undefined {
  const exposed = facts.ports.map((p) => (p.name ? `${p.port} (${p.name})` : `${p.port}`)).join(', ') || 'none';
  if (opts.port !== undefined && opts.portName !== undefined) {
    errors.add(`${prop} port`, opts.port, `and portName ${describe(opts.portName)} are both set; a backend names its port by number or by name`, 'Keep one of them.');
    return undefined;
  }
  if (opts.port !== undefined) {
    if (!isPort(opts.port)) {
      errors.add(`${prop} port`, opts.port, 'is not a port number (1-65535)', `Use one of the ports Service ${facts.name} exposes: ${exposed}.`);
    } else if (!facts.ports.some((p) => p.port === opts.port)) {
      errors.add(`${prop} port`, opts.port, `is not a port Service ${facts.name} exposes (exposed: ${exposed})`,
        'Use a port the Service exposes (the Service port, not the container\'s targetPort), or bind the port on the Service.');
    }
    return { number: opts.port };
  }
  if (opts.portName !== undefined) {
    if (!isDnsLabelName(opts.portName) || !facts.ports.some((p) => p.name === opts.portName)) {
      errors.add(`${prop} portName`, opts.portName, `is not a port name of Service ${facts.name} (exposed: ${exposed})`,
        'Use a named port of the Service, or name the port when binding it (service.bind(80, { name: "http" })).');
    }
    return { name: opts.portName };
  }
  if (facts.ports.length === 1 && isPort(facts.ports[0].port)) return { number: facts.ports[0].port };
  errors.add(`${prop} port`, undefined, facts.ports.length === 0
    ? `is needed: Service ${facts.name} exposes no port yet`
    : `is needed: Service ${facts.name} exposes several ports (${exposed})`,
  facts.ports.length === 0 ? 'Bind a port on the Service first (ports: [{ port: 80 }]).' : `Choose one: IngressBackend.service(svc, { port: ${facts.ports[0].port} }).`);
  return undefined;
}

function isPort(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 1 && x <= 65535;
}

function isDnsLabelName(x: unknown): boolean {
  return typeof x === 'string' && x.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(x);
}

function checkStringMap(map: unknown, prop: string, errors: CountingErrors): Record<string, string> {
  if (map === undefined) return {};
  if (map === null || typeof map !== 'object' || Array.isArray(map)) {
    errors.add(prop, map, 'is not a map of strings', 'Pass e.g. { "team": "shop" }.');
    return {};
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(map)) {
    if (typeof v !== 'string') errors.add(`${prop}["${k}"]`, v, 'is not a string (Kubernetes label and annotation values are strings)', `Write it as "${asText(v)}".`);
    else out[k] = v;
  }
  return out;
}

function sortKeys(m: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Problems that also counts, so a plan can tell whether its own checks failed. */
class CountingErrors {
  public count = 0;
  constructor(private readonly inner: Problems) {}
  public add(prop: string, value: unknown, problem: string, fix: string): void {
    this.count++;
    this.inner.add(prop, value, problem, fix);
  }
}

function errorsCount(errors: CountingErrors): number {
  return errors.count;
}
