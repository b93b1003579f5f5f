import { Service, Workload } from 'cdk8s-plus-27';
import { IConstruct } from 'constructs';
import { BackendPort, checkNotDatabase, checkServicePort, checkWorkloadService } from './backend-checks';
import { isWorkload, serviceFacts } from './service-facts';
import { isDnsLabel, isDnsSubdomain, isPort } from '../core/names';
import { Problems } from '../core/problems';

/**
 * Options for {@link RouteBackend.service}: which port of the Service to route to. Set at most one of them.
 */
export interface ServiceBackendOptions {
  /**
   * The Service port number (`spec.ports[].port`, not the container's targetPort).
   * @default - the Service's only port; a Service with several ports needs port or portName
   */
  readonly port?: number;
  /**
   * The Service port name (`spec.ports[].name`); survives a change of the port number.
   * @default - route by number
   */
  readonly portName?: string;
}

/**
 * Options for {@link RouteBackend.workload}: the ClusterIP Service the route creates in front of the workload.
 */
export interface WorkloadBackendOptions {
  /** The port the Service listens on and the Ingress routes to. */
  readonly port: number;
  /**
   * The container port traffic goes to; a container of the workload must declare it.
   * @default - the same as port
   */
  readonly targetPort?: number;
  /**
   * Name of the Service.
   * @default - a name generated from the construct path, stable across synths
   */
  readonly serviceName?: string;
}

/**
 * Options for {@link RouteBackend.serviceName}: a Service the app does not define, by name.
 */
export interface ServiceNameBackendOptions {
  /** The Service port number (`spec.ports[].port`): the library cannot look it up, so it is required. */
  readonly port: number;
  /**
   * Namespace of the Service. Another namespace than the route's works with Gateway API output only: the route then
   * emits a ReferenceGrant in that namespace (an Ingress routes to Services of its own namespace only).
   * @default - the route's namespace
   */
  readonly namespace?: string;
  /**
   * Whether the route emits the ReferenceGrant a Service in another namespace needs (Gateway API output). Set false
   * when the owners of that namespace grant access themselves.
   * @default true
   */
  readonly referenceGrant?: boolean;
}

/**
 * Options for {@link RouteBackend.resource}: an object of another kind that serves the path, in the route's
 * namespace (an Ingress `resource` backend, or a Gateway API backendRef of another kind).
 */
export interface ResourceBackendOptions {
  /**
   * API group of the kind, e.g. `storage.example.com`.
   * @default - the core group
   */
  readonly apiGroup?: string;
  /** Kind, e.g. `StorageBucket`. */
  readonly kind: string;
  /** Name of the object. */
  readonly name: string;
  /**
   * Port, for Gateway API backendRefs of kinds that have ports (an Ingress resource backend has none).
   * @default - none
   */
  readonly port?: number;
}

/**
 * What a backend is checked against: the route's namespace and what its output can route to.
 * @internal
 */
export interface BackendContext {
  /** The route's namespace. */
  readonly namespace: string;
  /** Whether Services of other namespaces can be routed to (Gateway API output, with a ReferenceGrant). */
  readonly crossNamespace: boolean;
  /** Why `resource` backends are refused (the controller's documentation says it does not serve them), else undefined. */
  readonly noResourceBackends?: string;
  /** Whether the output needs port numbers (Gateway API backendRefs have no port names). */
  readonly portNumbers: boolean;
}

/**
 * A backend checked for one route: a Service port, a workload whose Service the route creates when it renders, or an
 * object of another kind.
 * @internal
 */
export interface PlannedBackend {
  readonly serviceName?: string;
  /** Namespace of the Service when it is not the route's. */
  readonly namespace?: string;
  readonly port?: BackendPort;
  /** The port as a number, when known (Gateway API needs numbers). */
  readonly portNumber?: number;
  readonly workload?: { workload: Workload; port: number; targetPort: number; serviceName?: string };
  readonly resource?: { apiGroup?: string; kind: string; name: string; port?: number };
  /** A Service the app does not define (by name): the validator cannot see it. */
  readonly external?: boolean;
  /** Whether the route emits the ReferenceGrant for a Service in another namespace. */
  readonly referenceGrant?: boolean;
}

/**
 * Where a path sends traffic: a Service port, a workload exposed through a Service the route creates, a Service the
 * app does not define (by name), or an object of another kind.
 *
 * @example
 * RouteBackend.service(apiService, { port: 8080 })
 * RouteBackend.service(web, { portName: 'http' })
 * RouteBackend.workload(deployment, { port: 80, targetPort: 8080 })
 * RouteBackend.serviceName('payments-api', { port: 8080, namespace: 'payments' })
 */
export abstract class RouteBackend {
  /**
   * Route to a port of a Service. The Service must expose the port and not front a database; with Ingress output it
   * must be in the route's namespace (Gateway API output emits a ReferenceGrant for another namespace).
   * @param service the cdk8s-plus-27 Service
   * @param options the port, by number or name
   */
  public static service(service: Service, options: ServiceBackendOptions = {}): RouteBackend {
    return new ServiceBackend(service, options ?? {});
  }

  /**
   * Route to a workload: the route creates a ClusterIP Service selecting the workload's pods on `port`
   * (forwarding to `targetPort`), labelled like everything else the route emits.
   * @param workload a cdk8s-plus-27 Deployment, StatefulSet or other workload
   * @param options the Service port and the container port
   */
  public static workload(workload: Workload, options: WorkloadBackendOptions): RouteBackend {
    // a missing workload (from JavaScript) is reported as a missing Service, as it always was
    return workload === undefined ? new ServiceBackend(undefined, options) : new WorkloadBackend(workload, options);
  }

  /**
   * Route to a Service the app does not define (deployed by another team or tool), by name and port number. The
   * validator cannot check such a Service, so the route records why in a suppression of ING-007 / GWY-005.
   * @param name the Service name
   * @param options its port number and namespace
   */
  public static serviceName(name: string, options: ServiceNameBackendOptions): RouteBackend {
    return new ServiceNameBackend(name, options);
  }

  /**
   * Route to an object of another kind (an Ingress `resource` backend, e.g. a storage bucket of the controller's
   * cloud; a Gateway API backendRef of that kind). Refused for controllers documented not to serve them (AWS Load
   * Balancer Controller).
   * @param options kind, API group and name
   */
  public static resource(options: ResourceBackendOptions): RouteBackend {
    return new ResourceBackend(options);
  }

  /** Backends are created with the static factories. */
  protected constructor() {}

  /**
   * Checks the backend for a route (problems named `prop ...`); undefined when it found any.
   * @internal
   */
  public abstract _plan(problems: Problems, prop: string, ctx: BackendContext): PlannedBackend | undefined;
}

/** Options as given when they are an object, else none (a JavaScript caller may pass anything). */
function optionsOf(options: unknown): any {
  return options && typeof options === 'object' ? options : {};
}

/** Checks that a backend in namespace `ns` can serve a route in the context's namespace. */
function checkNamespace(problems: Problems, prop: string, what: string, ns: string, ctx: BackendContext): void {
  if (ns === ctx.namespace || ctx.crossNamespace) return;
  problems.add(prop, what, `is in namespace ${JSON.stringify(ns)}, but the route is in ${JSON.stringify(ctx.namespace)}: an Ingress routes only to Services of its own namespace`,
    `Create the WebRoute in a Chart with namespace "${ns}", route to a Service in "${ctx.namespace}", or use Gateway API output (RouteOutput.gatewayApi), which reaches other namespaces through a ReferenceGrant.`);
}

/** A port of an existing Service. */
class ServiceBackend extends RouteBackend {
  constructor(private readonly service: IConstruct | undefined, private readonly options: unknown) {
    super();
  }

  public _plan(problems: Problems, prop: string, ctx: BackendContext): PlannedBackend | undefined {
    const facts = serviceFacts(this.service);
    if (!facts) {
      problems.add(prop, this.service, 'is not a cdk8s-plus-27 Service', 'Pass the Service object, e.g. RouteBackend.service(deployment.exposeViaService()).');
      return undefined;
    }
    const before = problems.count;
    checkNotDatabase(problems, prop, facts);
    const ns = facts.namespace ?? 'default';
    checkNamespace(problems, prop, `Service ${facts.name}`, ns, ctx);
    const port = checkServicePort(problems, prop, facts, optionsOf(this.options));
    if (problems.count > before) return undefined;
    const portNumber = port?.number ?? facts.ports.find((p) => p.name === port?.name)?.port;
    return { serviceName: facts.name, port, portNumber, namespace: ns !== ctx.namespace ? ns : undefined, referenceGrant: ns !== ctx.namespace };
  }
}

/** A workload, behind a ClusterIP Service the route creates. */
class WorkloadBackend extends RouteBackend {
  constructor(private readonly workload: unknown, private readonly options: unknown) {
    super();
  }

  public _plan(problems: Problems, prop: string, ctx: BackendContext): PlannedBackend | undefined {
    const w = this.workload;
    if (!isWorkload(w)) {
      problems.add(prop, w, 'is not a cdk8s-plus-27 workload', 'Pass a Deployment or StatefulSet, or use RouteBackend.service(...).');
      return undefined;
    }
    const before = problems.count;
    const opts = optionsOf(this.options);
    const targetPort = checkWorkloadService(problems, prop, w, opts);
    const ns = w.metadata?.namespace ?? 'default';
    if (ns !== ctx.namespace) {
      problems.add(prop, w.node.path, `is a workload in namespace ${JSON.stringify(ns)}, but the route is in ${JSON.stringify(ctx.namespace)}: the Service the route creates for it lives with the workload`,
        `Create the WebRoute in a Chart with namespace "${ns}", or expose the workload through a Service and use RouteBackend.service(...).`);
    }
    if (problems.count > before) return undefined;
    return { workload: { workload: w, port: opts.port, targetPort, serviceName: opts.serviceName } };
  }
}

/** A Service the app does not define, by name and port number. */
class ServiceNameBackend extends RouteBackend {
  constructor(private readonly name: unknown, private readonly options: unknown) {
    super();
  }

  public _plan(problems: Problems, prop: string, ctx: BackendContext): PlannedBackend | undefined {
    const before = problems.count;
    const opts = optionsOf(this.options);
    if (!isDnsLabel(this.name)) {
      problems.add(prop, this.name, 'is not a Service name (DNS label: lower-case letters, digits and "-", at most 63 characters)', 'Use the name of the Service, e.g. RouteBackend.serviceName("payments-api", { port: 8080 }).');
    }
    if (!isPort(opts.port)) {
      problems.add(`${prop} port`, opts.port, 'is not a port number (1-65535); a Service outside the app is routed to by port number', 'Use the Service port, e.g. { port: 8080 }.');
    }
    const ns = opts.namespace ?? ctx.namespace;
    if (!isDnsLabel(ns)) {
      problems.add(`${prop} namespace`, opts.namespace, 'is not a namespace name (DNS label)', 'Use e.g. "payments".');
    } else {
      checkNamespace(problems, prop, `Service ${String(this.name)}`, ns, ctx);
    }
    if (opts.referenceGrant !== undefined && typeof opts.referenceGrant !== 'boolean') {
      problems.add(`${prop} referenceGrant`, opts.referenceGrant, 'is not a boolean', 'Use true or false.');
    }
    if (problems.count > before) return undefined;
    const other = ns !== ctx.namespace;
    return {
      serviceName: this.name as string,
      port: { number: opts.port },
      portNumber: opts.port,
      namespace: other ? ns : undefined,
      external: true,
      referenceGrant: other && opts.referenceGrant !== false,
    };
  }
}

const KIND = /^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/;

/** An object of another kind (Ingress resource backend, Gateway API backendRef). */
class ResourceBackend extends RouteBackend {
  constructor(private readonly options: unknown) {
    super();
  }

  public _plan(problems: Problems, prop: string, ctx: BackendContext): PlannedBackend | undefined {
    const before = problems.count;
    const opts = optionsOf(this.options);
    if (ctx.noResourceBackends) {
      problems.add(prop, `${String(opts.kind)}/${String(opts.name)}`, `is a resource backend, which ${ctx.noResourceBackends} does not serve (its documentation says so)`, 'Route to a Service, or choose another controller.');
      return undefined;
    }
    if (opts.apiGroup !== undefined && opts.apiGroup !== '' && !isDnsSubdomain(opts.apiGroup)) {
      problems.add(`${prop} apiGroup`, opts.apiGroup, 'is not an API group (a DNS subdomain such as "storage.example.com")', 'Use the group of the kind, or leave it out for the core group.');
    }
    if (typeof opts.kind !== 'string' || !KIND.test(opts.kind) || opts.kind.length > 63) {
      problems.add(`${prop} kind`, opts.kind, 'is not a kind (letters, digits and "-", starting with a letter)', 'Use e.g. "StorageBucket".');
    }
    if (!isDnsSubdomain(opts.name)) {
      problems.add(`${prop} name`, opts.name, 'is not an object name', 'Use the name of the object, e.g. "static-assets".');
    }
    if (opts.port !== undefined && (!isPort(opts.port) || !ctx.portNumbers)) {
      problems.add(`${prop} port`, opts.port, ctx.portNumbers ? 'is not a port number (1-65535)' : 'is set, but an Ingress resource backend has no port',
        ctx.portNumbers ? 'Use e.g. { port: 8080 }.' : 'Remove port.');
    }
    if (problems.count > before) return undefined;
    return { resource: { apiGroup: opts.apiGroup || undefined, kind: opts.kind, name: opts.name, port: opts.port } };
  }
}
