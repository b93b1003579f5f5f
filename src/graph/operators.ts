import { asArray, isObject, str } from '../core/values';

/**
 * Database clusters run by operators, as data: what each custom resource deploys (pods with which labels, claims on
 * which class, Secrets it reads), so the picture draws them like the StatefulSets their operators create.
 */

/** A claim (template) an operator creates for each instance. */
export interface OperatorClaim {
  readonly name: string;
  readonly size?: string;
  /** Class name; undefined for the cluster's default class. */
  readonly storageClass?: string;
}

/** What the picture needs to know about one operator's cluster resource. */
export interface OperatorShape {
  /** API group of the custom resource. */
  readonly group: string;
  readonly kind: string;
  /** Operator name as shown. */
  readonly operator: string;
  /** Instances (pods) it runs. */
  replicas(obj: Record<string, any>): number | undefined;
  /** Claims created per instance. */
  claims(obj: Record<string, any>): OperatorClaim[];
  /** Names of Secrets it reads. */
  secrets(obj: Record<string, any>): string[];
  /** Labels the operator puts on the pods of the cluster called `name` (what Services and NetworkPolicies select). */
  podLabels(name: string): Record<string, string>;
}

function at(obj: unknown, ...path: string[]): unknown {
  let cur = obj;
  for (const p of path) cur = isObject(cur) ? cur[p] : undefined;
  return cur;
}

function names(...values: unknown[]): string[] {
  return values.map((v) => str(v)).filter((v): v is string => v !== undefined && v !== '');
}

function num(x: unknown, dflt: number | undefined): number | undefined {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0 ? x : dflt;
}

function size(x: unknown): string | undefined {
  return typeof x === 'string' || typeof x === 'number' ? String(x) : undefined;
}

/** A CloudNativePG storage section (`storage`, `walStorage`): size and class, or the same in its pvcTemplate. */
function cnpgClaim(name: string, s: unknown): OperatorClaim[] {
  if (!isObject(s)) return [];
  return [{
    name,
    size: size(s.size) ?? size(at(s, 'pvcTemplate', 'resources', 'requests', 'storage')),
    storageClass: str(s.storageClass) ?? str(at(s, 'pvcTemplate', 'storageClassName')),
  }];
}

/**
 * Sources: CloudNativePG labels instance pods `cnpg.io/cluster: <name>` (cloudnative-pg.io/documentation, "Labels and
 * annotations"); mariadb-operator labels pods `app.kubernetes.io/name: mariadb` and `app.kubernetes.io/instance: <name>`
 * (mariadb-operator pkg/builder/labels); the MongoDB Community operator labels pods `app: <name>-svc` (its service name,
 * mongodb-kubernetes-operator api/v1/mongodbcommunity_types.go ServiceName()).
 */
export const OPERATOR_SHAPES: readonly OperatorShape[] = [
  {
    group: 'postgresql.cnpg.io',
    kind: 'Cluster',
    operator: 'CloudNativePG',
    replicas: (o) => num(at(o, 'spec', 'instances'), 1),
    claims: (o) => [...cnpgClaim('data', at(o, 'spec', 'storage')), ...cnpgClaim('wal', at(o, 'spec', 'walStorage'))],
    secrets: (o) => names(at(o, 'spec', 'superuserSecret', 'name'), at(o, 'spec', 'bootstrap', 'initdb', 'secret', 'name'),
      at(o, 'spec', 'certificates', 'serverTLSSecret'), at(o, 'spec', 'certificates', 'serverCASecret'),
      at(o, 'spec', 'certificates', 'clientCASecret'), at(o, 'spec', 'certificates', 'replicationTLSSecret'),
      ...asArray(at(o, 'spec', 'imagePullSecrets')).map((s) => at(s, 'name'))),
    podLabels: (name) => ({ 'cnpg.io/cluster': name }),
  },
  {
    group: 'k8s.mariadb.com',
    kind: 'MariaDB',
    operator: 'mariadb-operator',
    replicas: (o) => num(at(o, 'spec', 'replicas'), 1),
    claims: (o) => {
      const s = at(o, 'spec', 'storage');
      if (!isObject(s)) return [];
      return [{
        name: 'storage',
        size: size(s.size) ?? size(at(s, 'volumeClaimTemplate', 'resources', 'requests', 'storage')),
        storageClass: str(s.storageClassName) ?? str(at(s, 'volumeClaimTemplate', 'storageClassName')),
      }];
    },
    secrets: (o) => names(at(o, 'spec', 'rootPasswordSecretKeyRef', 'name'), at(o, 'spec', 'passwordSecretKeyRef', 'name')),
    podLabels: (name) => ({ 'app.kubernetes.io/name': 'mariadb', 'app.kubernetes.io/instance': name }),
  },
  {
    group: 'mongodbcommunity.mongodb.com',
    kind: 'MongoDBCommunity',
    operator: 'MongoDB Community operator',
    replicas: (o) => num(at(o, 'spec', 'members'), undefined),
    claims: (o) => {
      const templates = asArray(at(o, 'spec', 'statefulSet', 'spec', 'volumeClaimTemplates')).filter(isObject);
      if (templates.length === 0) return [{ name: 'data-volume' }, { name: 'logs-volume' }];
      return templates.map((t) => ({
        name: str(at(t, 'metadata', 'name')) ?? 'volume',
        size: size(at(t, 'spec', 'resources', 'requests', 'storage')),
        storageClass: str(at(t, 'spec', 'storageClassName')),
      }));
    },
    secrets: (o) => names(...asArray(at(o, 'spec', 'users')).map((u) => at(u, 'passwordSecretRef', 'name')),
      at(o, 'spec', 'security', 'tls', 'certificateKeySecretRef', 'name'), at(o, 'spec', 'security', 'tls', 'caCertificateSecretRef', 'name')),
    podLabels: (name) => ({ app: `${name}-svc` }),
  },
];

/** The operator shape of an object, if it is one of the known cluster resources. */
export function operatorShapeOf(kind: string, group: string): OperatorShape | undefined {
  return OPERATOR_SHAPES.find((s) => s.kind === kind && s.group === group);
}
