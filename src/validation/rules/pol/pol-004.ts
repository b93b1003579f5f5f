import { policyRule } from './helpers';
import { isObject, str } from '../../../core/values';
import { hasDatabaseRole } from '../../metadata';
import { Rule } from '../../rule';

export const POL_004: Rule = policyRule('POL-004',
  'Database StatefulSets must run at least the replicas the platform requires (policy minDatabaseReplicas).',
  'A single database replica means downtime on every node drain and data at risk on node loss.',
  'Raise replicas to the policy minimum.',
  (ctx, o, policy) => {
    const min = policy.minDatabaseReplicas;
    if (min === undefined || o.kind !== 'StatefulSet' || !isObject(o.obj.spec)) return;
    const serviceName = str(o.obj.spec.serviceName);
    const service = serviceName ? ctx.get('Service', o.namespace, serviceName) : undefined;
    const isDatabase = hasDatabaseRole(o.obj) || (service && hasDatabaseRole(service.obj));
    const replicas = typeof o.obj.spec.replicas === 'number' ? o.obj.spec.replicas : 1;
    if (isDatabase && replicas < min) {
      ctx.report(o, `database runs ${replicas} replica(s); the platform policy requires at least ${min}`);
    }
  });
