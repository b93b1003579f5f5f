import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { IConstruct } from 'constructs';
import { Problems } from '../core/problems';

/**
 * The names of the environment variables `connect()` writes, for images that expect their own
 * (`WORDPRESS_DB_HOST`, `REDIS_HOST_PASSWORD`, ...). A name left out gets `<envPrefix>_<SUFFIX>`.
 */
export interface DatabaseEnvNames {
  /**
   * The read-write host.
   * @default `<prefix>_HOST`
   */
  readonly host?: string;
  /**
   * The port.
   * @default `<prefix>_PORT`
   */
  readonly port?: string;
  /**
   * The user name (from the Secret, or literal).
   * @default `<prefix>_USER`
   */
  readonly user?: string;
  /**
   * The password (always from the Secret).
   * @default `<prefix>_PASSWORD`
   */
  readonly password?: string;
  /**
   * The application database, where the database has one.
   * @default `<prefix>_NAME`
   */
  readonly database?: string;
  /**
   * The read-only host, where the runtime has one (CloudNativePG `-ro`, mariadb-operator `-secondary`).
   * @default `<prefix>_READ_ONLY_HOST`
   */
  readonly readOnlyHost?: string;
  /**
   * The connection string the operator writes (MongoDB), from its Secret.
   * @default `<prefix>_URI`
   */
  readonly uri?: string;
}

/**
 * Options of {@link IDatabase.connect}.
 */
export interface DatabaseConnectOptions {
  /**
   * Prefix of the environment variables: `<prefix>_HOST`, `<prefix>_PORT`, `<prefix>_USER`, `<prefix>_PASSWORD`, ...
   * @default 'DATABASE'
   */
  readonly envPrefix?: string;
  /**
   * Names for some or all variables, where the image expects its own, e.g. `{ host: 'WORDPRESS_DB_HOST',
   * password: 'WORDPRESS_DB_PASSWORD' }`.
   * @default - `<prefix>_<SUFFIX>` for every variable
   */
  readonly env?: DatabaseEnvNames;
  /**
   * Name of the container that gets the variables.
   * @default - every container of the workload
   */
  readonly containerName?: string;
  /**
   * Put the host the server's certificate names into the host variable (a managed database's provider host,
   * for TLS `verify-full`) instead of the in-cluster Service name.
   * @default false - the Service name, which keeps clients independent of where the database runs
   */
  readonly useTlsServerName?: boolean;
}

/**
 * How clients reach a database: the same whether it runs in the cluster or as a managed service.
 */
export interface DatabaseConnection {
  /** DNS name of the read-write endpoint, e.g. `orders-db.shop.svc` (just the Service name when the chart has no namespace). */
  readonly host: string;
  /**
   * DNS name of the read-only endpoint (replicas).
   * @default - none: the runtime has no read-only endpoint
   */
  readonly readOnlyHost?: string;
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
  /**
   * The application database.
   * @default - none named
   */
  readonly database?: string;
  /**
   * The host name the server's TLS certificate carries: the provider's host for a managed database, the Service name in
   * the cluster. Use it as the TLS server name (libpq `sslmode=verify-full` checks it).
   */
  readonly tlsServerName: string;
  /**
   * Secret the operator writes a full connection string to (MongoDB).
   * @default - none
   */
  readonly uriSecretName?: string;
  /**
   * Key of the connection string in `uriSecretName`.
   * @default - none
   */
  readonly uriSecretKey?: string;
}

/**
 * A database clients connect to: a {@link StatefulDatabase} in the cluster or a {@link ManagedDatabase} outside it.
 */
export interface IDatabase extends IConstruct {
  /** Host, port and credential reference. */
  readonly connection: DatabaseConnection;
  /** Let a workload's pods open connections (a NetworkPolicy rule where the database runs in the cluster). */
  allowFrom(workload: kplus.AbstractPod): void;
  /** Let a workload connect: `allowFrom` plus environment variables for host, port, user and password (from the Secret). */
  connect(workload: kplus.AbstractPod, options?: DatabaseConnectOptions): void;
}

/** The host clients use: `<service>.<namespace>.svc`, or the bare Service name when the chart has no namespace. */
export function connectionHost(scope: IConstruct, serviceName: string): string {
  const ns = Chart.of(scope).namespace;
  return ns ? `${serviceName}.${ns}.svc` : serviceName;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The variables to write: name -> value, from the connection and the names asked for. */
function variables(db: IDatabase, problems: Problems, options: DatabaseConnectOptions): Array<[string, kplus.EnvValue]> {
  const c = db.connection;
  const prefix = options.envPrefix ?? 'DATABASE';
  if (typeof prefix !== 'string' || !/^[A-Z_][A-Z0-9_]*$/.test(prefix)) {
    problems.add('connect options.envPrefix', prefix, 'is not an environment variable prefix', 'Use upper-case letters, digits and _, e.g. "ORDERS_DB".');
  }
  const names: DatabaseEnvNames = options.env ?? {};
  const name = (key: keyof DatabaseEnvNames, suffix: string): string => {
    const given = names[key];
    if (given !== undefined && (typeof given !== 'string' || !ENV_NAME.test(given))) {
      problems.add(`connect options.env.${key}`, given, 'is not an environment variable name', 'Use letters, digits and _, e.g. "WORDPRESS_DB_HOST".');
    }
    return given ?? `${prefix}_${suffix}`;
  };
  const secret = (db.node.tryFindChild('CredentialsRef') as kplus.ISecret | undefined) ?? kplus.Secret.fromSecretName(db, 'CredentialsRef', c.secretName);
  const out: Array<[string, kplus.EnvValue]> = [
    [name('host', 'HOST'), kplus.EnvValue.fromValue(options.useTlsServerName ? c.tlsServerName : c.host)],
    [name('port', 'PORT'), kplus.EnvValue.fromValue(String(c.port))],
  ];
  if (c.usernameKey) out.push([name('user', 'USER'), kplus.EnvValue.fromSecretValue({ secret, key: c.usernameKey })]);
  else if (c.username) out.push([name('user', 'USER'), kplus.EnvValue.fromValue(c.username)]);
  out.push([name('password', 'PASSWORD'), kplus.EnvValue.fromSecretValue({ secret, key: c.passwordKey })]);
  if (c.database !== undefined) out.push([name('database', 'NAME'), kplus.EnvValue.fromValue(c.database)]);
  if (c.readOnlyHost !== undefined) out.push([name('readOnlyHost', 'READ_ONLY_HOST'), kplus.EnvValue.fromValue(c.readOnlyHost)]);
  if (c.uriSecretName && c.uriSecretKey) {
    const uriSecret = (db.node.tryFindChild('ConnectionStringRef') as kplus.ISecret | undefined) ?? kplus.Secret.fromSecretName(db, 'ConnectionStringRef', c.uriSecretName);
    out.push([name('uri', 'URI'), kplus.EnvValue.fromSecretValue({ secret: uriSecret, key: c.uriSecretKey })]);
  }
  return out;
}

/**
 * Adds the connection variables to a workload's containers. A variable the container already has is refused, never
 * overwritten: the app's own setting and the database's would silently disagree.
 */
export function wireEnv(db: IDatabase, workload: kplus.AbstractPod, options: DatabaseConnectOptions = {}): void {
  const problems = new Problems(db);
  const o = options ?? {};
  const containers: kplus.Container[] | undefined = workload && Array.isArray((workload as any).containers) ? (workload as any).containers : undefined;
  if (!containers) {
    problems.add('connect workload', (workload as any)?.node?.path ?? workload, 'is not a cdk8s-plus workload or pod', 'Pass a Deployment, StatefulSet, DaemonSet, Job, CronJob or Pod of cdk8s-plus-27.');
    problems.throwIfAny();
  }
  const targets = containers!.filter((c) => o.containerName === undefined || c.name === o.containerName);
  if (targets.length === 0) {
    problems.add('connect options.containerName', o.containerName, `matches no container of ${workload.node.path}`, 'Add the container before calling connect(), or name one of its containers.');
  }
  const vars = variables(db, problems, o);
  for (const container of targets) {
    for (const [n] of vars) {
      if (container.env.variables[n] !== undefined) {
        problems.add('connect', n, `is already set on container ${container.name ?? '(unnamed)'} of ${workload.node.path}; connect() does not overwrite it`,
          'Remove the variable from the container, or give connect() another name for it: options.env (e.g. { host: \'MY_DB_HOST\' }).');
      }
    }
  }
  problems.throwIfAny();
  for (const container of targets) for (const [n, v] of vars) container.env.addVariable(n, v);
}
