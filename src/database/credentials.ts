import * as kplus from 'cdk8s-plus-27';
import { DatabaseEngine } from './engines';
import { Problems } from '../core/problems';
import { asText, Shown } from '../core/values';

/**
 * A reference to an existing Secret holding the database credentials. Never a literal: the Secret is created out of band
 * (External Secrets, Sealed Secrets, Vault, `kubectl create secret`), so manifests carry no password and synth stays deterministic.
 */
export interface DatabaseCredentials {
  /** The Secret, e.g. `Secret.fromSecretName(this, 'db-secret', 'orders-db-credentials')`. */
  readonly secret: kplus.ISecret;
  /**
   * Key of the password in the Secret.
   * @default 'password'
   */
  readonly passwordKey?: string;
  /**
   * Key of the user name in the Secret.
   * @default - the engine's superuser (postgres, root, ...)
   */
  readonly usernameKey?: string;
  /**
   * Name of the application user, where the runtime creates it by name: an operator (CloudNativePG's database owner,
   * mariadb-operator's `username`, a MongoDB user). Not a secret; with CloudNativePG the Secret's `username` key must
   * hold the same name.
   * @default - the database name (`database` prop, `app` by default) in operator mode; unused by a StatefulSet
   */
  readonly username?: string;
}

/** Credentials as checked: the Secret's name and keys. */
export interface ResolvedCredentials {
  readonly secretName: string;
  readonly passwordKey: string;
  readonly usernameKey?: string;
  /** The application user's name, where it is known at synth. */
  readonly username?: string;
}

/** Names that hold secrets by convention. */
const SECRET_LIKE = /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL)/i;

/**
 * Checks the credentials reference: required when the engine takes a password, a Secret reference (never a Secret
 * with a literal password), valid keys.
 */
export function resolveCredentials(problems: Problems, engine: DatabaseEngine, credentials: DatabaseCredentials | undefined): ResolvedCredentials | undefined {
  if (credentials === undefined || credentials === null) {
    if (engine.passwordEnv) {
      problems.add('credentials', undefined, `are required for ${engine.name}`,
        'Reference an existing Secret: credentials: { secret: Secret.fromSecretName(this, \'creds\', \'<name>\'), passwordKey: \'password\' }.');
    }
    return undefined;
  }
  const secret = credentials.secret;
  const passwordKey = credentials.passwordKey ?? 'password';
  if (!secret || typeof (secret as any).name !== 'string') {
    problems.add('credentials.secret', secret, 'is not a Secret reference', 'Use Secret.fromSecretName(this, \'creds\', \'<name>\').');
    return undefined;
  }
  for (const [k, v] of [['passwordKey', passwordKey], ['usernameKey', credentials.usernameKey]] as const) {
    if (v !== undefined && (typeof v !== 'string' || !/^[-._a-zA-Z0-9]+$/.test(v))) {
      problems.add(`credentials.${k}`, v, 'is not a valid Secret key', 'Use letters, digits, -, _ and ., e.g. "password".');
    }
  }
  if (secret instanceof kplus.Secret && (secret.getStringData(passwordKey) !== undefined)) {
    problems.add('credentials.secret', secret.name, `holds a literal ${passwordKey} written into the manifests (and into git)`,
      'Create the Secret out of band (External Secrets, Sealed Secrets, kubectl create secret) and reference it with Secret.fromSecretName.');
  }
  if (credentials.username !== undefined && (typeof credentials.username !== 'string' || !/^[a-z_][a-z0-9_-]{0,62}$/.test(credentials.username))) {
    problems.add('credentials.username', credentials.username, 'is not a database user name (lower-case letters, digits, _ and -, starting with a letter or _)', 'Use e.g. "orders".');
  }
  return { secretName: secret.name, passwordKey, usernameKey: credentials.usernameKey, username: credentials.username };
}

/** Literal environment variables: strings only, and no name that looks like a secret. */
export function checkLiteralEnv(problems: Problems, prop: string, env: Record<string, string> | undefined): void {
  if (env === undefined) return;
  if (typeof env !== 'object' || env === null) {
    problems.add(prop, env, 'is not a map of names to values', 'Use e.g. { TZ: "UTC" }.');
    return;
  }
  for (const [k, v] of Object.entries(env)) {
    if (SECRET_LIKE.test(k)) {
      problems.add(`${prop}.${k}`, new Shown('(literal value)'), 'looks like a secret written as a literal into the manifests',
        'Put it in a Secret and reference it through credentials; never write a password into the app.');
    } else if (typeof v !== 'string') {
      problems.add(`${prop}.${k}`, v, 'is not a string', `Write it as "${asText(v)}".`);
    }
  }
}
