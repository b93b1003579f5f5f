import { asArray, isObject, str } from '../../../core/values';
import { ManifestObject, RuleContext } from '../../rule';

/** One rule (apiGroups, resources, verbs) of a Role or ClusterRole, with where it sits. */
export interface RbacRule {
  readonly owner: ManifestObject;
  readonly where: string;
  readonly apiGroups: string[];
  readonly resources: string[];
  readonly verbs: string[];
}

const strings = (x: unknown): string[] => asArray(x).filter((v): v is string => typeof v === 'string');

/** Every rule of every Role and ClusterRole of the RBAC API (aggregated ClusterRoles hold none of their own). */
export function rbacRules(ctx: RuleContext): RbacRule[] {
  const result: RbacRule[] = [];
  for (const o of ctx.ofKind('Role', 'ClusterRole')) {
    if (!o.apiVersion.startsWith('rbac.authorization.k8s.io/')) continue;
    asArray(o.obj.rules).forEach((r, i) => {
      if (!isObject(r)) return;
      result.push({ owner: o, where: `rules[${i}]`, apiGroups: strings(r.apiGroups), resources: strings(r.resources), verbs: strings(r.verbs) });
    });
  }
  return result;
}

/** Whether the rule grants one of the verbs on one of the resources (a wildcard grants all). */
export function grants(r: RbacRule, resources: readonly string[], verbs: readonly string[]): string[] {
  if (!r.verbs.some((v) => v === '*' || verbs.includes(v))) return [];
  return r.resources.filter((res) => res !== '*' && resources.includes(res.split('/')[0]));
}

/** The roleRef name of a binding, when it binds a ClusterRole. */
export function boundClusterRole(o: ManifestObject): string | undefined {
  const ref = isObject(o.obj.roleRef) ? o.obj.roleRef : undefined;
  return ref && ref.kind === 'ClusterRole' ? str(ref.name) : undefined;
}
