import { Workload } from 'cdk8s-plus-27';
import { ServiceFacts } from './service-facts';
import { DATABASE_ROLE, ROLE_ANNOTATION } from '../core/conventions';
import { isDnsLabel, isPort } from '../core/names';
import { Problems } from '../core/problems';
import { describe } from '../core/values';

/**
 * The checks of a backend against what it routes to: not a database, a port the Service exposes, a port a
 * container of the workload declares.
 */

/** How an Ingress backend names the Service port. */
export interface BackendPort {
  readonly number?: number;
  readonly name?: string;
}

/** Refuses a Service that fronts a database: an Ingress would publish it. */
export function checkNotDatabase(problems: Problems, prop: string, facts: ServiceFacts): void {
  if (facts.annotations[ROLE_ANNOTATION] === DATABASE_ROLE) {
    problems.add(prop, facts.name, `is the Service of a database (${facts.path}, ${ROLE_ANNOTATION}: ${DATABASE_ROLE}); an Ingress would publish it to the internet through HTTP`,
      'Route to the application that uses the database; reach the database from inside the cluster only.');
  }
}

/** The Service port the backend names (by number or name), checked against the ports the Service exposes. */
export function checkServicePort(problems: Problems, prop: string, facts: ServiceFacts, opts: any): BackendPort | undefined {
  const exposed = facts.ports.map((p) => (p.name ? `${p.port} (${p.name})` : `${p.port}`)).join(', ') || 'none';
  if (opts.port !== undefined && opts.portName !== undefined) {
    problems.add(`${prop} port`, opts.port, `and portName ${describe(opts.portName)} are both set; a backend names its port by number or by name`, 'Keep one of them.');
    return undefined;
  }
  if (opts.port !== undefined) {
    if (!isPort(opts.port)) {
      problems.add(`${prop} port`, opts.port, 'is not a port number (1-65535)', `Use one of the ports Service ${facts.name} exposes: ${exposed}.`);
    } else if (!facts.ports.some((p) => p.port === opts.port)) {
      problems.add(`${prop} port`, opts.port, `is not a port Service ${facts.name} exposes (exposed: ${exposed})`,
        'Use a port the Service exposes (the Service port, not the container\'s targetPort), or bind the port on the Service.');
    }
    return { number: opts.port };
  }
  if (opts.portName !== undefined) {
    if (!isDnsLabel(opts.portName) || !facts.ports.some((p) => p.name === opts.portName)) {
      problems.add(`${prop} portName`, opts.portName, `is not a port name of Service ${facts.name} (exposed: ${exposed})`,
        'Use a named port of the Service, or name the port when binding it (service.bind(80, { name: "http" })).');
    }
    return { name: opts.portName };
  }
  if (facts.ports.length === 1 && isPort(facts.ports[0].port)) return { number: facts.ports[0].port };
  problems.add(`${prop} port`, undefined, facts.ports.length === 0
    ? `is needed: Service ${facts.name} exposes no port yet`
    : `is needed: Service ${facts.name} exposes several ports (${exposed})`,
  facts.ports.length === 0 ? 'Bind a port on the Service first (ports: [{ port: 80 }]).' : `Choose one: RouteBackend.service(svc, { port: ${facts.ports[0].port} }).`);
  return undefined;
}

/**
 * The options of the Service a workload backend creates: a valid port, a targetPort a container declares, a valid
 * Service name. Returns the target port.
 */
export function checkWorkloadService(problems: Problems, prop: string, workload: Workload, opts: any): number {
  if (!isPort(opts.port)) {
    problems.add(`${prop} port`, opts.port, 'is not a port number (1-65535)', 'Use e.g. { port: 80 }.');
  }
  const targetPort = opts.targetPort ?? opts.port;
  if (opts.targetPort !== undefined && !isPort(opts.targetPort)) {
    problems.add(`${prop} targetPort`, opts.targetPort, 'is not a port number (1-65535)', 'Use the container port, e.g. { targetPort: 8080 }.');
  } else if (isPort(targetPort)) {
    const declared: number[] = ((workload as any).containers ?? []).flatMap((c: any) => (c.ports ?? []).map((p: any) => p.number));
    if (!declared.includes(targetPort)) {
      problems.add(`${prop} targetPort`, targetPort, `is not declared by any container of ${workload.node.path}${declared.length ? ` (declared: ${declared.join(', ')})` : ''}`,
        `Declare it on the container (ports: [{ number: ${targetPort} }]) or set targetPort to a declared port.`);
    }
  }
  if (opts.serviceName !== undefined && !isDnsLabel(opts.serviceName)) {
    problems.add(`${prop} serviceName`, opts.serviceName, 'is not a valid Service name (DNS label: lower-case letters, digits and "-", at most 63 characters)', 'Use e.g. "web".');
  }
  return targetPort;
}
