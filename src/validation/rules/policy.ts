import { ROLE_ANNOTATION } from '../../core/conventions';
import { formatBytes, GIB, parseQuantity } from '../../core/quantity';
import { asArray, isObject, str } from '../../core/values';
import { tlsCovers } from '../../knowledge/routing/paths';
import { RuleFamily, Severity } from '../finding';
import { podSpecOf } from '../pod-spec';
import { PlatformPolicyProps } from '../policy-options';
import { ManifestObject, Rule, RuleContext } from '../rule';

function policyRule(id: string, what: string, why: string, fix: string,
  check: (ctx: RuleContext, o: ManifestObject, policy: PlatformPolicyProps) => void): Rule {
  return {
    id,
    severity: Severity.ERROR,
    family: RuleFamily.POLICY,
    what,
    why,
    fix,
    check(ctx) {
      if (ctx.policies.length === 0) return;
      for (const o of ctx.objects) {
        for (const policy of ctx.policiesFor(o)) check(ctx, o, policy);
      }
    },
  };
}

function annotations(o: any): Record<string, unknown> {
  return isObject(o?.metadata) && isObject(o.metadata.annotations) ? o.metadata.annotations : {};
}

function requestOf(spec: any): unknown {
  return isObject(spec) && isObject(spec.resources) && isObject(spec.resources.requests) ? spec.resources.requests.storage : undefined;
}

/** Policies a platform team sets with PlatformPolicy.apply (or the CLI's --policy file). */
export const POLICY_RULES: Rule[] = [
  policyRule('POL-001',
    'Storage must use a provisioner the platform allows (policy allowedProvisioners).',
    'The platform team supports, backs up and monitors only some storage systems.',
    'Use a StorageClass of an allowed provisioner, or ask the platform team to allow this one.',
    (ctx, o, policy) => {
      const allowed = policy.allowedProvisioners;
      if (!allowed) return;
      let used: string | undefined;
      if (o.kind === 'StorageClass') used = str(o.obj.provisioner);
      else if (o.kind === 'PersistentVolume' && isObject(o.obj.spec) && isObject(o.obj.spec.csi)) used = str(o.obj.spec.csi.driver);
      if (used !== undefined && !allowed.includes(used)) {
        ctx.report(o, `provisioner ${used} is not allowed by the platform policy (allowed: ${allowed.join(', ')})`);
      }
    }),
  policyRule('POL-002',
    'Every Ingress host must be served with TLS (policy requireTls).',
    'Plain HTTP exposes credentials and session cookies on the network.',
    'Give the route a TLS source (a Secret or a cert-manager issuer) covering every host.',
    (ctx, o, policy) => {
      if (!policy.requireTls || o.kind !== 'Ingress' || !isObject(o.obj.spec)) return;
      const tlsHosts = asArray(o.obj.spec.tls).flatMap((t) => asArray(t?.hosts)).filter((h): h is string => typeof h === 'string');
      for (const rule of asArray(o.obj.spec.rules)) {
        const host = str(rule?.host);
        if (host && !tlsCovers(tlsHosts, host)) {
          ctx.report(o, `host ${host} is served without TLS, which the platform policy forbids`);
        }
      }
    }),
  policyRule('POL-003',
    'No hostPath volumes (policy forbidHostPath).',
    'hostPath ties data to one node and exposes the node file system to the pod.',
    'Use a PersistentVolumeClaim on a StorageClass (or a local PV with node affinity) instead of hostPath.',
    (ctx, o, policy) => {
      if (!policy.forbidHostPath) return;
      if (o.kind === 'PersistentVolume' && isObject(o.obj.spec) && o.obj.spec.hostPath !== undefined) {
        ctx.report(o, 'PersistentVolume uses hostPath, which the platform policy forbids');
      }
      const pod = podSpecOf(o);
      if (pod) {
        for (const v of asArray(pod.spec.volumes)) {
          if (isObject(v) && v.hostPath !== undefined) ctx.report(o, `volume ${str(v.name) ?? '(unnamed)'} uses hostPath, which the platform policy forbids`);
        }
      }
    }),
  policyRule('POL-004',
    'Database StatefulSets must run at least the replicas the platform requires (policy minDatabaseReplicas).',
    'A single database replica means downtime on every node drain and data at risk on node loss.',
    'Raise replicas to the policy minimum.',
    (ctx, o, policy) => {
      const min = policy.minDatabaseReplicas;
      if (min === undefined || o.kind !== 'StatefulSet' || !isObject(o.obj.spec)) return;
      const serviceName = str(o.obj.spec.serviceName);
      const service = serviceName ? ctx.get('Service', o.namespace, serviceName) : undefined;
      const isDatabase = annotations(o.obj)[ROLE_ANNOTATION] === 'database' || (service && annotations(service.obj)[ROLE_ANNOTATION] === 'database');
      const replicas = typeof o.obj.spec.replicas === 'number' ? o.obj.spec.replicas : 1;
      if (isDatabase && replicas < min) {
        ctx.report(o, `database runs ${replicas} replica(s); the platform policy requires at least ${min}`);
      }
    }),
  policyRule('POL-005',
    'Claims must not request more storage than the platform allows (policy maxClaimSize).',
    'Large volumes cost money and take long to back up and restore; the platform caps them.',
    'Request less storage, or ask the platform team to raise the limit.',
    (ctx, o, policy) => {
      if (!policy.maxClaimSize) return;
      const max = policy.maxClaimSize.toGibibytes() * GIB;
      const check = (spec: any, what: string) => {
        const bytes = parseQuantity(requestOf(spec));
        if (bytes !== undefined && bytes > max) {
          ctx.report(o, `${what} requests ${formatBytes(bytes)}, more than the platform maximum ${formatBytes(max)}`);
        }
      };
      if (o.kind === 'PersistentVolumeClaim') check(o.obj.spec, 'claim');
      if (o.kind === 'StatefulSet' && isObject(o.obj.spec)) {
        for (const t of asArray(o.obj.spec.volumeClaimTemplates)) check(t?.spec, `claim template ${str(t?.metadata?.name) ?? ''}`.trim());
      }
    }),
  policyRule('POL-006',
    'Objects must carry the labels the platform requires (policy requiredLabels).',
    'Cost reports, ownership and alert routing read these labels.',
    'Set the labels, for example once for the app with PlatformDefaults.set(app, { labels: {...} }).',
    (ctx, o, policy) => {
      const required = policy.requiredLabels;
      if (!required) return;
      const labels = isObject(o.obj.metadata) && isObject(o.obj.metadata.labels) ? o.obj.metadata.labels : {};
      const missing = required.filter((l) => typeof labels[l] !== 'string' || labels[l] === '');
      if (missing.length) ctx.report(o, `missing required label(s) ${missing.join(', ')}`);
    }),
  policyRule('POL-007',
    'Ingresses must use an ingress class the platform runs (policy allowedIngressClasses).',
    'An Ingress of a class no controller serves is never routed: the site is simply down.',
    'Use one of the allowed ingress classes.',
    (ctx, o, policy) => {
      const allowed = policy.allowedIngressClasses;
      if (!allowed || o.kind !== 'Ingress') return;
      const cls = isObject(o.obj.spec) ? str(o.obj.spec.ingressClassName) : undefined;
      if (!cls || !allowed.includes(cls)) {
        ctx.report(o, `ingress class ${cls ?? '(none)'} is not allowed by the platform policy (allowed: ${allowed.join(', ')})`);
      }
    }),
];
