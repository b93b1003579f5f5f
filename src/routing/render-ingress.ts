import { Service } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { PlannedBackend } from './backend';
import { RouteEntry } from './rule-plan';
import { TlsBinding } from './tls';
import { sortKeys } from '../core/values';

/**
 * What a route renders with Ingress output: the Services of its workload backends and the `spec` of its Ingress.
 */

/**
 * The Services a route creates in front of its workload backends: one per workload, port, target port and name,
 * labelled and annotated like the route's other objects.
 */
export class WorkloadServices {
  private readonly names = new Map<string, string>();

  constructor(private readonly scope: Construct, private readonly labels: Record<string, string>, private readonly annotations: Record<string, string>) {}

  /** The backend by Service: a workload backend's Service is created the first time it is asked for. */
  public resolve(b: PlannedBackend): PlannedBackend {
    if (!b.workload) return b;
    const { workload, port, targetPort, serviceName } = b.workload;
    const key = `${workload.node.path}|${port}|${targetPort}|${serviceName ?? ''}`;
    let name = this.names.get(key);
    if (!name) {
      let id = `${workload.node.id}-${port}`;
      for (let i = 2; this.scope.node.tryFindChild(id); i++) id = `${workload.node.id}-${port}-${i}`;
      const svc = new Service(this.scope, id, {
        metadata: {
          ...(serviceName ? { name: serviceName } : {}),
          namespace: workload.metadata?.namespace,
          labels: sortKeys(this.labels),
          ...(Object.keys(this.annotations).length ? { annotations: sortKeys(this.annotations) } : {}),
        },
        selector: workload,
        ports: [{ port, targetPort }],
      });
      name = svc.name;
      this.names.set(key, name);
    }
    return { serviceName: name, port: { number: port }, portNumber: port };
  }
}

/** What the spec of a route's Ingress is made of. */
export interface SpecInput {
  /** The class, or undefined when the controller reads it from the annotation (GKE). */
  readonly className?: string;
  readonly tls: TlsBinding;
  readonly tlsSecretName?: string;
  /** The route's rules, backends resolved to Services. */
  readonly entries: RouteEntry[];
  /** The hosts of the rules, in the order they were added. */
  readonly hosts: string[];
  readonly defaultBackend?: PlannedBackend;
}

/** The `spec` of the Ingress: class, default backend, TLS, then the rules grouped by host. */
export function renderSpec(input: SpecInput, services: WorkloadServices): any {
  const spec: any = input.className !== undefined ? { ingressClassName: input.className } : {};
  if (input.defaultBackend) spec.defaultBackend = backendJson(services.resolve(input.defaultBackend));
  const tls = input.tls.specTls(input.hosts, input.tlsSecretName);
  if (tls) spec.tls = tls;
  if (input.entries.length) {
    spec.rules = input.hosts.map((host) => ({
      host,
      http: {
        paths: input.entries.filter((e) => e.host === host).map((e) => ({ path: e.path, pathType: e.pathType, backend: backendJson(e.backend) })),
      },
    }));
  }
  return spec;
}

/** An Ingress backend: a Service port by number or name, or a resource. */
function backendJson(b: PlannedBackend): any {
  if (b.resource) return { resource: { ...(b.resource.apiGroup ? { apiGroup: b.resource.apiGroup } : {}), kind: b.resource.kind, name: b.resource.name } };
  return { service: { name: b.serviceName, port: b.port } };
}

/** The Service names of the route's backends, in order, each once. */
export function serviceNamesOf(entries: RouteEntry[], defaultBackend: PlannedBackend | undefined, services: WorkloadServices): string[] {
  const all = [...entries.map((e) => e.backend), ...(defaultBackend ? [services.resolve(defaultBackend)] : [])];
  return [...new Set(all.map((b) => b.serviceName).filter((n): n is string => n !== undefined))];
}
