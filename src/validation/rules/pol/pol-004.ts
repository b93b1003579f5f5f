import { policyRule } from './helpers';
import { isObject, str } from '../../../core/values';
import { hasDatabaseRole } from '../../metadata';
import { ManifestObject, Rule, RuleContext } from '../../rule';

/** The replica count field of the database operators' resources (a database by definition), and its default. */
const OPERATOR_REPLICAS: Record<string, { group: string; field: string }> = {
  Cluster: { group: 'postgresql.cnpg.io/', field: 'instances' },
  MariaDB: { group: 'k8s.mariadb.com/', field: 'replicas' },
  MongoDBCommunity: { group: 'mongodbcommunity.mongodb.com/', field: 'members' },
};

/** The replicas of a database object: a StatefulSet marked (or governed by a Service marked) as a database, or an operator's resource. */
function databaseReplicas(ctx: RuleContext, o: ManifestObject): number | undefined {
  if (!isObject(o.obj.spec)) return undefined;
  const operator = OPERATOR_REPLICAS[o.kind];
  if (operator && o.apiVersion.startsWith(operator.group)) {
    const n = o.obj.spec[operator.field];
    return typeof n === 'number' ? n : 1;
  }
  if (o.kind !== 'StatefulSet') return undefined;
  const serviceName = str(o.obj.spec.serviceName);
  const service = serviceName ? ctx.get('Service', o.namespace, serviceName) : undefined;
  if (!hasDatabaseRole(o.obj) && !(service && hasDatabaseRole(service.obj))) return undefined;
  return typeof o.obj.spec.replicas === 'number' ? o.obj.spec.replicas : 1;
}


export const POL_004: Rule = policyRule('POL-004',
  'Databases must run at least the replicas the platform requires (policy minDatabaseReplicas): StatefulSets marked as databases, CloudNativePG Clusters, MariaDBs and MongoDBCommunity replica sets.',
  'A single database replica means downtime on every node drain and data at risk on node loss.',
  'Raise replicas to the policy minimum.',
  (ctx, o, policy) => {
    const min = policy.minDatabaseReplicas;
    if (min === undefined) return;
    const replicas = databaseReplicas(ctx, o);
    if (replicas !== undefined && replicas < min) {
      ctx.report(o, `database runs ${replicas} replica(s); the platform policy requires at least ${min}`);
    }
  });
