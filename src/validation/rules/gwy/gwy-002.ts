import { listenersOf } from './helpers';
import { asArray, isObject } from '../../../core/values';
import { GATEWAY_GROUP } from '../../../knowledge/routing/gateway-api';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

export const GWY_002: Rule = {
  id: 'GWY-002',
  severity: Severity.ERROR,
  family: RuleFamily.GATEWAY,
  what: 'An HTTPS listener of a Gateway must terminate TLS with certificate references (tls.mode Terminate and tls.certificateRefs).',
  why: 'An HTTPS listener without a certificate is refused by the implementation (Programmed false, InvalidCertificateRef): every host on it is down.',
  fix: 'Set tls.certificateRefs to a kubernetes.io/tls Secret (or annotate the Gateway for cert-manager and name the Secret it writes).',
  check(ctx) {
    for (const gw of ctx.ofKind('Gateway').filter((g) => g.apiVersion.startsWith(`${GATEWAY_GROUP}/`))) {
      for (const l of listenersOf(gw)) {
        if (l.protocol !== 'HTTPS') continue;
        const tls = isObject(l.tls) ? l.tls : undefined;
        if (!tls) {
          ctx.report(gw, `${l.where} (${l.name ?? '?'}) is HTTPS but has no tls`);
        } else if ((tls.mode ?? 'Terminate') !== 'Terminate') {
          ctx.report(gw, `${l.where} (${l.name ?? '?'}) is HTTPS with tls.mode ${JSON.stringify(tls.mode)}; HTTPS terminates TLS (Passthrough needs protocol TLS)`);
        } else if (asArray(tls.certificateRefs).length === 0 && !(isObject(tls.options) && Object.keys(tls.options).length)) {
          ctx.report(gw, `${l.where} (${l.name ?? '?'}) is HTTPS but has no tls.certificateRefs`);
        }
      }
    }
  },
};
