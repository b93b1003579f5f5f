import { ApiObject } from 'cdk8s';
import { Service, Workload } from 'cdk8s-plus-27';

/** What the route needs from a Service, whatever construct modelled it. */
export interface ServiceFacts {
  readonly name: string;
  readonly namespace?: string;
  readonly ports: Array<{ port?: number; name?: string }>;
  readonly annotations: Record<string, string>;
  readonly path: string;
}

/** Facts of a cdk8s-plus-27 Service or of any ApiObject of kind Service (undefined for anything else). */
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

/** Whether x looks like a cdk8s-plus-27 workload (a Deployment, StatefulSet, ...). */
export function isWorkload(x: unknown): x is Workload {
  return x instanceof Workload || (!!x && typeof x === 'object'
    && typeof (x as any).toPodSelectorConfig === 'function' && Array.isArray((x as any).containers) && typeof (x as any).node === 'object');
}
