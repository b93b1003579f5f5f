import { listenersOf } from './helpers';
import { CERT_MANAGER_CLUSTER_ISSUER_ANNOTATION, CERT_MANAGER_ISSUER_ANNOTATION } from '../../../core/conventions';
import { asArray, isObject, str } from '../../../core/values';
import { GATEWAY_GROUP } from '../../../knowledge/routing/gateway-api';
import { RuleFamily, Severity } from '../../finding';
import { annotationsOf } from '../../metadata';
import { Rule } from '../../rule';

export const GWY_003: Rule = {
  id: 'GWY-003',
  severity: Severity.WARNING,
  family: RuleFamily.GATEWAY,
  what: 'A certificate Secret a Gateway listener refers to should be among the objects, unless cert-manager issues it (the Gateway carries a cert-manager issuer annotation).',
  why: 'A listener whose Secret does not exist serves no certificate: browsers refuse the host. Only a warning: the Secret may be created by other means.',
  fix: 'Add the Secret, annotate the Gateway with cert-manager.io/cluster-issuer, or suppress the rule with the reason the Secret exists.',
  check(ctx) {
    for (const gw of ctx.ofKind('Gateway').filter((g) => g.apiVersion.startsWith(`${GATEWAY_GROUP}/`))) {
      const ann = annotationsOf(gw.obj);
      if (ann[CERT_MANAGER_CLUSTER_ISSUER_ANNOTATION] !== undefined || ann[CERT_MANAGER_ISSUER_ANNOTATION] !== undefined) continue;
      for (const l of listenersOf(gw)) {
        asArray(isObject(l.tls) ? l.tls.certificateRefs : undefined).forEach((ref, i) => {
          if (!isObject(ref) || !str(ref.name) || (ref.group ?? '') !== '' || (ref.kind ?? 'Secret') !== 'Secret') return;
          const ns = str(ref.namespace) ?? ctx.namespaceOf(gw);
          if (!ctx.get('Secret', ns, ref.name)) {
            ctx.report(gw, `${l.where}.tls.certificateRefs[${i}] names Secret ${ns}/${ref.name}, which is not among the objects and no cert-manager issuer annotation asks for it`);
          }
        });
      }
    }
  },
};
