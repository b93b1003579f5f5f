import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { IConstruct } from 'constructs';
import { Problems } from '../core/problems';

/**
 * Options of {@link IDatabase.connect}.
 */
export interface DatabaseConnectOptions {
  /**
   * Prefix of the environment variables: `<prefix>_HOST`, `<prefix>_PORT`, `<prefix>_USER`, `<prefix>_PASSWORD`.
   * @default 'DATABASE'
   */
  readonly envPrefix?: string;
  /**
   * Name of the container that gets the variables.
   * @default - every container of the workload
   */
  readonly containerName?: string;
}

/**
 * How clients reach a database: the same whether it runs in the cluster or as a managed service.
 */
export interface DatabaseConnection {
  /** DNS name of the client Service, e.g. `orders-db.shop.svc` (just the Service name when the chart has no namespace). */
  readonly host: string;
  /** Port clients connect to. */
  readonly port: number;
  /** Name of the Secret holding the credentials. */
  readonly secretName: string;
  /** Key of the password in the Secret. */
  readonly passwordKey: string;
  /**
   * Key of the user name in the Secret.
   * @default - use `username`
   */
  readonly usernameKey?: string;
  /**
   * User name when the Secret holds none.
   * @default - none
   */
  readonly username?: string;
}

/**
 * A database clients connect to: a {@link StatefulDatabase} in the cluster or a {@link ManagedDatabase} outside it.
 */
export interface IDatabase extends IConstruct {
  /** Host, port and credential reference. */
  readonly connection: DatabaseConnection;
  /** Let a workload's pods open connections (a NetworkPolicy rule where the database runs in the cluster). */
  allowFrom(workload: kplus.Workload): void;
  /** Let a workload connect: `allowFrom` plus environment variables for host, port, user and password (from the Secret). */
  connect(workload: kplus.Workload, options?: DatabaseConnectOptions): void;
}

/** The host clients use: `<service>.<namespace>.svc`, or the bare Service name when the chart has no namespace. */
export function connectionHost(scope: IConstruct, serviceName: string): string {
  const ns = Chart.of(scope).namespace;
  return ns ? `${serviceName}.${ns}.svc` : serviceName;
}

/** Adds host, port, user and password variables to a workload's containers. */
export function wireEnv(db: IDatabase, workload: kplus.Workload, options: DatabaseConnectOptions = {}): void {
  const problems = new Problems(db);
  const prefix = options.envPrefix ?? 'DATABASE';
  if (typeof prefix !== 'string' || !/^[A-Z_][A-Z0-9_]*$/.test(prefix)) {
    problems.add('connect options.envPrefix', prefix, 'is not an environment variable prefix', 'Use upper-case letters, digits and _, e.g. "ORDERS_DB".');
  }
  if (!(workload instanceof kplus.Workload)) {
    problems.add('connect workload', (workload as any)?.node?.path ?? workload, 'is not a cdk8s-plus workload', 'Pass a Deployment, StatefulSet, Job or DaemonSet of cdk8s-plus-27.');
  }
  const containers = problems.any ? [] : workload.containers.filter((c) => options.containerName === undefined || c.name === options.containerName);
  if (!problems.any && containers.length === 0) {
    problems.add('connect options.containerName', options.containerName, `matches no container of ${workload.node.path}`,
      'Add the container before calling connect(), or name one of its containers.');
  }
  problems.throwIfAny();
  const c = db.connection;
  const secret = (db.node.tryFindChild('CredentialsRef') as kplus.ISecret | undefined)
    ?? kplus.Secret.fromSecretName(db, 'CredentialsRef', c.secretName);
  for (const container of containers) {
    container.env.addVariable(`${prefix}_HOST`, kplus.EnvValue.fromValue(c.host));
    container.env.addVariable(`${prefix}_PORT`, kplus.EnvValue.fromValue(String(c.port)));
    if (c.usernameKey) {
      container.env.addVariable(`${prefix}_USER`, kplus.EnvValue.fromSecretValue({ secret, key: c.usernameKey }));
    } else if (c.username) {
      container.env.addVariable(`${prefix}_USER`, kplus.EnvValue.fromValue(c.username));
    }
    container.env.addVariable(`${prefix}_PASSWORD`, kplus.EnvValue.fromSecretValue({ secret, key: c.passwordKey }));
  }
}
