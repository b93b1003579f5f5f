import { ApiObject } from 'cdk8s';
import { Service, Workload } from 'cdk8s-plus-27';
import { IConstruct } from 'constructs';

/**
 * Options for {@link IngressBackend.service}: which port of the Service to route to. Set at most one of them.
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
 * Options for {@link IngressBackend.workload}: the ClusterIP Service the route creates in front of the workload.
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

/** What the route needs from a Service, whatever construct modelled it. @internal */
export interface ServiceFacts {
  readonly name: string;
  readonly namespace?: string;
  readonly ports: Array<{ port?: number; name?: string }>;
  readonly annotations: Record<string, string>;
  readonly path: string;
}

/** Facts of a cdk8s-plus-27 Service or of any ApiObject of kind Service (undefined for anything else). @internal */
export function serviceFacts(x: unknown): ServiceFacts | undefined {
  if (!x || typeof x !== 'object') return undefined;
  try {
    if (x instanceof Service || ((x as any).resourceType === 'services' && Array.isArray((x as any).ports))) {
      const s = x as Service;
      const meta = s.metadata.toJson() ?? {};
      return {
        name: s.name,
        namespace: s.metadata.namespace,
        ports: s.ports.map((p) => ({ port: p.port, name: p.name })),
        annotations: { ...(meta.annotations ?? {}) },
        path: s.node.path,
      };
    }
    if (ApiObject.isApiObject(x) && x.kind === 'Service') {
      const json = x.toJson();
      const ports = Array.isArray(json?.spec?.ports) ? json.spec.ports : [];
      return {
        name: x.name,
        namespace: x.metadata.namespace,
        ports: ports.map((p: any) => ({ port: typeof p?.port === 'number' ? p.port : undefined, name: typeof p?.name === 'string' ? p.name : undefined })),
        annotations: { ...(json?.metadata?.annotations ?? {}) },
        path: x.node.path,
      };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** Whether x looks like a cdk8s-plus-27 workload (a Deployment, StatefulSet, ...). @internal */
export function isWorkload(x: unknown): x is Workload {
  return x instanceof Workload || (!!x && typeof x === 'object'
    && typeof (x as any).toPodSelectorConfig === 'function' && Array.isArray((x as any).containers) && typeof (x as any).node === 'object');
}

/**
 * Where an Ingress path sends traffic: a Service port, or a workload exposed through a Service the route creates.
 *
 * @example
 * IngressBackend.service(apiService, { port: 8080 })
 * IngressBackend.service(web, { portName: 'http' })
 * IngressBackend.workload(deployment, { port: 80, targetPort: 8080 })
 */
export class IngressBackend {
  /**
   * Route to a port of a Service. The Service must be in the route's namespace, expose the port and not front a
   * database.
   * @param service the cdk8s-plus-27 Service
   * @param options the port, by number or name
   */
  public static service(service: Service, options: ServiceBackendOptions = {}): IngressBackend {
    return new IngressBackend(service, undefined, options ?? {});
  }

  /**
   * Route to a workload: the route creates a ClusterIP Service selecting the workload's pods on `port`
   * (forwarding to `targetPort`), labelled like everything else the route emits.
   * @param workload a cdk8s-plus-27 Deployment, StatefulSet or other workload
   * @param options the Service port and the container port
   */
  public static workload(workload: Workload, options: WorkloadBackendOptions): IngressBackend {
    return new IngressBackend(undefined, workload, options as any);
  }

  /** @internal */
  public readonly _service?: IConstruct;
  /** @internal */
  public readonly _workload?: Workload;
  /** @internal */
  public readonly _options: any;

  private constructor(service: IConstruct | undefined, workload: Workload | undefined, options: any) {
    this._service = service;
    this._workload = workload;
    this._options = options;
  }
}
