import { ApiObject } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { connectionHost, DatabaseConnection, DatabaseConnectOptions, IDatabase, wireEnv } from './connection';
import { DatabaseCredentials, resolveCredentials } from './credentials';
import { DatabaseEngine } from './engines';
import { DATABASE_ROLE, ROLE_ANNOTATION } from '../core/conventions';
import { isDnsLabel, toDnsLabel } from '../core/names';
import { Problems } from '../core/problems';
import { conventionalMeta, objectMeta } from '../platform/conventions';
import { renderOnce } from '../validation/render-cache';

/**
 * Props of {@link ManagedDatabase}.
 */
export interface ManagedDatabaseProps {
  /** The engine, for its port and default user (e.g. `DatabaseEngine.postgres({ version: '16.4' })`, matching the managed service's version). */
  readonly engine: DatabaseEngine;
  /** DNS name of the managed database, e.g. `orders-db-exoscale-abc123.a.aivencloud.com`. */
  readonly externalHost: string;
  /** Reference to the Secret with the credentials of the managed database. */
  readonly credentials: DatabaseCredentials;
  /**
   * Port of the managed database.
   * @default - the engine's port
   */
  readonly port?: number;
  /**
   * Name of the ExternalName Service: keep the name of the in-cluster database it replaces, and clients do not change.
   * @default - the construct id as a DNS label
   */
  readonly name?: string;
  /**
   * Name of the application database on the managed service.
   * @default - none named
   */
  readonly database?: string;
}

/**
 * A database run outside the cluster (Exoscale DBaaS, RDS, Cloud SQL, ...), with the same connection interface as a
 * {@link StatefulDatabase}: an ExternalName Service under the same name, and the credentials Secret reference.
 * Moving a database in or out of the cluster changes this construct only, not its consumers.
 */
export class ManagedDatabase extends Construct implements IDatabase {
  /** The ExternalName Service clients resolve. */
  public readonly service: kplus.Service;
  /** Host, port and credential reference for clients (`connection.tlsServerName` is the provider's host). */
  public readonly connection: DatabaseConnection;
  /** The provider's host name: the name its TLS certificate carries, for `verify-full`. */
  public readonly externalHost: string;

  constructor(scope: Construct, id: string, props: ManagedDatabaseProps) {
    super(scope, id);
    const problems = new Problems(this);
    const p: ManagedDatabaseProps = props ?? ({} as ManagedDatabaseProps);
    if (!(p.engine instanceof DatabaseEngine)) {
      problems.add('engine', p.engine, 'is not a DatabaseEngine', 'Use e.g. DatabaseEngine.postgres({ version: \'16.4\' }).');
      problems.throwIfAny();
    }
    const name = p.name ?? toDnsLabel(id);
    if (!isDnsLabel(name)) problems.add('name', name, 'is not a valid Service name (lower-case DNS label)', 'Use e.g. "orders-db".');
    if (typeof p.externalHost !== 'string' || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+$/i.test(p.externalHost)) {
      problems.add('externalHost', p.externalHost, 'is not a DNS name (an ExternalName Service needs a name, not an IP address)', 'Use the host name the provider gives, e.g. "db-abc.a.aivencloud.com".');
    }
    const port = p.port ?? p.engine.port;
    if (!Number.isInteger(port) || port < 1 || port > 65535) problems.add('port', port, 'is not a port number', 'Use e.g. 21699.');
    const creds = resolveCredentials(problems, p.engine, p.credentials ?? undefined);
    if (!p.credentials) {
      // resolveCredentials reports missing credentials only for engines with a password; a managed database always has one
      if (!p.engine.passwordEnv) problems.add('credentials', undefined, 'are required for a managed database', 'Reference the Secret with its credentials.');
    }
    if (p.database !== undefined && (typeof p.database !== 'string' || !/^[A-Za-z_][A-Za-z0-9_$-]{0,62}$/.test(p.database))) {
      problems.add('database', p.database, 'is not a database name', 'Use the name the provider shows, e.g. "defaultdb".');
    }
    problems.throwIfAny();

    const selector = { 'app.kubernetes.io/name': p.engine.name, 'app.kubernetes.io/instance': name, 'app.kubernetes.io/component': 'database' };
    const meta = conventionalMeta(this, selector);
    this.service = new kplus.Service(this, 'Service', {
      metadata: objectMeta(meta, name, { annotations: { [ROLE_ANNOTATION]: DATABASE_ROLE } }),
      type: kplus.ServiceType.EXTERNAL_NAME,
      externalName: p.externalHost,
      ports: [{ name: p.engine.portName, port, protocol: kplus.Protocol.TCP }],
    });
    renderOnce(ApiObject.of(this.service));
    this.connection = {
      host: connectionHost(this, name),
      port,
      secretName: creds!.secretName,
      passwordKey: creds!.passwordKey,
      usernameKey: creds!.usernameKey,
      username: creds!.usernameKey ? undefined : (creds!.username ?? p.engine.defaultUsername),
      database: p.database,
      tlsServerName: p.externalHost,
    };
    this.externalHost = p.externalHost;
  }

  /** Nothing to open in the cluster: reaching an external database is a matter of the clients' egress. */
  public allowFrom(_workload: kplus.AbstractPod): void {
    return;
  }

  /**
   * Environment variables for host, port, user and password (from the Secret); the host is the ExternalName Service,
   * or the provider's host with `useTlsServerName` (for TLS verify-full).
   */
  public connect(workload: kplus.AbstractPod, options: DatabaseConnectOptions = {}): void {
    wireEnv(this, workload, options);
  }
}
