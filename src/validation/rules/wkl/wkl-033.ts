import { asArray, isObject, str } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { podSpecs } from '../../pod-spec';
import { ManifestObject, Rule, RuleContext } from '../../rule';

/**
 * The keys of a ConfigMap or Secret an env var can read: the kubelet looks in a ConfigMap's data only (not
 * binaryData), in a Secret's data (into which the API server merges stringData).
 */
function keysOf(o: ManifestObject): Set<string> {
  const keys = new Set<string>();
  for (const f of o.kind === 'Secret' ? ['data', 'stringData'] : ['data']) if (isObject(o.obj[f])) for (const k of Object.keys(o.obj[f])) keys.add(k);
  return keys;
}

/** Checks one reference (env valueFrom or envFrom) of a container. */
function checkRef(ctx: RuleContext, owner: ManifestObject, where: string, kind: 'ConfigMap' | 'Secret', ref: Record<string, any>, key?: unknown): void {
  const name = str(ref.name);
  if (!name || ref.optional === true) return;
  const target = ctx.get(kind, ctx.namespaceOf(owner), name);
  if (!target) {
    // Secrets are created outside the manifests on purpose (no credentials in git): only a missing ConfigMap is reported
    if (kind === 'ConfigMap') ctx.report(owner, `${where} ConfigMap ${name} is not among the objects in namespace ${ctx.namespaceOf(owner) ?? 'default'}`, { severity: Severity.WARNING });
    return;
  }
  if (typeof key !== 'string' || keysOf(target).has(key)) return;
  if (kind === 'ConfigMap' && isObject(target.obj.binaryData) && key in target.obj.binaryData) {
    ctx.report(owner, `${where} ConfigMap ${name} holds ${key} in binaryData, which env vars cannot read (only data)`);
  } else {
    ctx.report(owner, `${where} ${kind} ${name} has no key ${key} (it holds: ${[...keysOf(target)].join(', ') || 'nothing'})`);
  }
}

export const WKL_033: Rule = {
  id: 'WKL-033',
  severity: Severity.ERROR,
  family: RuleFamily.WORKLOAD,
  what: 'An env var from a ConfigMap or Secret among the objects must name a key it holds (unless optional; of a ConfigMap, a key of data: the kubelet does not read binaryData into env vars); a referenced ConfigMap should be among the objects.',
  why: 'A missing key or ConfigMap stops the container at CreateContainerConfigError: the pod never starts. A missing ConfigMap is only a warning, since it may be created by other means; Secrets usually are, so a missing Secret is not reported.',
  fix: 'Fix the key or the name, add the key to the ConfigMap or Secret, or mark the reference optional: true.',
  check(ctx) {
    for (const info of podSpecs(ctx)) {
      for (const c of info.containers) {
        asArray(c.container.env).forEach((e) => {
          const from = isObject(e) && isObject(e.valueFrom) ? e.valueFrom : undefined;
          if (!from) return;
          const where = `container ${c.name}: env ${str(e.name) ?? '?'} from`;
          if (isObject(from.configMapKeyRef)) checkRef(ctx, info.owner, where, 'ConfigMap', from.configMapKeyRef, from.configMapKeyRef.key);
          if (isObject(from.secretKeyRef)) checkRef(ctx, info.owner, where, 'Secret', from.secretKeyRef, from.secretKeyRef.key);
        });
        for (const e of asArray(c.container.envFrom)) {
          if (isObject(e) && isObject(e.configMapRef)) checkRef(ctx, info.owner, `container ${c.name}: envFrom`, 'ConfigMap', e.configMapRef);
        }
      }
    }
  },
};
