import { Service, Workload } from 'cdk8s-plus-27';
import { IConstruct } from 'constructs';
import { BackendPort, checkNotDatabase, checkServicePort, checkWorkloadService } from './backend-checks';
import { isWorkload, serviceFacts } from './service-facts';
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
 * A backend checked for one route: a Service port, or a workload whose Service the route creates when it renders.
 * @internal
 */
export interface PlannedBackend {
  readonly serviceName?: string;
  readonly port?: BackendPort;
  readonly workload?: { workload: Workload; port: number; targetPort: number; serviceName?: string };
}

/**
 * Where an Ingress path sends traffic: a Service port, or a workload exposed through a Service the route creates.
 *
 * @example
 * RouteBackend.service(apiService, { port: 8080 })
 * RouteBackend.service(web, { portName: 'http' })
 * RouteBackend.workload(deployment, { port: 80, targetPort: 8080 })
 */
export abstract class RouteBackend {
  /**
   * Route to a port of a Service. The Service must be in the route's namespace, expose the port and not front a
   * database.
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

  /** Backends are created with the static factories. */
  protected constructor() {}

  /**
   * Checks the backend for a route in `namespace` (problems named `prop ...`); undefined when it found any.
   * @internal
   */
  public abstract _plan(problems: Problems, prop: string, namespace: string): PlannedBackend | undefined;
}

/** Options as given when they are an object, else none (a JavaScript caller may pass anything). */
function optionsOf(options: unknown): any {
  return options && typeof options === 'object' ? options : {};
}

/** A port of an existing Service. */
class ServiceBackend extends RouteBackend {
  constructor(private readonly service: IConstruct | undefined, private readonly options: unknown) {
    super();
  }

  public _plan(problems: Problems, prop: string, namespace: string): PlannedBackend | undefined {
    const facts = serviceFacts(this.service);
    if (!facts) {
      problems.add(prop, this.service, 'is not a cdk8s-plus-27 Service', 'Pass the Service object, e.g. RouteBackend.service(deployment.exposeViaService()).');
      return undefined;
    }
    const before = problems.count;
    checkNotDatabase(problems, prop, facts);
    const ns = facts.namespace ?? 'default';
    if (ns !== namespace) {
      problems.add(prop, facts.name, `is a Service in namespace ${JSON.stringify(ns)}, but the route is in ${JSON.stringify(namespace)}: an Ingress routes only to Services of its own namespace`,
        `Create the IngressRoute in a Chart with namespace "${ns}", or route to a Service in "${namespace}".`);
    }
    const port = checkServicePort(problems, prop, facts, optionsOf(this.options));
    if (problems.count > before) return undefined;
    return { serviceName: facts.name, port };
  }
}

/** A workload, behind a ClusterIP Service the route creates. */
class WorkloadBackend extends RouteBackend {
  constructor(private readonly workload: unknown, private readonly options: unknown) {
    super();
  }

  public _plan(problems: Problems, prop: string, namespace: string): PlannedBackend | undefined {
    const w = this.workload;
    if (!isWorkload(w)) {
      problems.add(prop, w, 'is not a cdk8s-plus-27 workload', 'Pass a Deployment or StatefulSet, or use RouteBackend.service(...).');
      return undefined;
    }
    const before = problems.count;
    const opts = optionsOf(this.options);
    const targetPort = checkWorkloadService(problems, prop, w, opts);
    const ns = w.metadata?.namespace ?? 'default';
    if (ns !== namespace) {
      problems.add(prop, w.node.path, `is a workload in namespace ${JSON.stringify(ns)}, but the route is in ${JSON.stringify(namespace)}`,
        `Create the IngressRoute in a Chart with namespace "${ns}".`);
    }
    if (problems.count > before) return undefined;
    return { workload: { workload: w, port: opts.port, targetPort, serviceName: opts.serviceName } };
  }
}
