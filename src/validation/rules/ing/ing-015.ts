import { controllerOf } from './helpers';
import { IngressControllerId } from '../../../knowledge/routing/controllers';
import { NGINX_ANNOTATION_PREFIX } from '../../../knowledge/routing/ingress-nginx';
import { MigrationController, nginxMigrationOf } from '../../../knowledge/routing/nginx-migration';
import { RuleFamily, Severity } from '../../finding';
import { annotationsOf } from '../../metadata';
import { Rule } from '../../rule';

export const ING_015: Rule = {
  id: 'ING-015',
  severity: Severity.ERROR,
  family: RuleFamily.INGRESS,
  what: 'An Ingress served by another controller than ingress-nginx (by its IngressClass or class name) must not rely on nginx.ingress.kubernetes.io annotations: each is named with its equivalent on that controller, or reported as having none.',
  why: 'Other controllers ignore ingress-nginx annotations without a word: after a move away from the retired ingress-nginx, body limits, timeouts, redirects, authentication and allow-lists silently stop applying.',
  fix: 'Replace each annotation with the controller\'s equivalent named in the message (or the Gateway API one); for those without an equivalent, decide what replaces them before moving.',
  check(ctx) {
    for (const o of ctx.ofKind('Ingress')) {
      const controller = controllerOf(ctx, o);
      if (!controller || controller.id === IngressControllerId.INGRESS_NGINX) continue;
      const keys = Object.keys(annotationsOf(o.obj)).filter((k) => k.startsWith(NGINX_ANNOTATION_PREFIX)).sort();
      for (const key of keys) {
        const row = nginxMigrationOf(key);
        const cell = row?.controllers[controller.id as MigrationController];
        if (!row || !cell) {
          ctx.report(o, `annotation ${key} is ignored by ${controller.name}, and the migration table has no entry for it`,
            { fix: `Look up what ${key} does and its equivalent in ${controller.docs}; remove the annotation once replaced.` });
        } else if (cell.none) {
          ctx.report(o, `annotation ${key} (${row.what}) is ignored by ${controller.name}, which has no equivalent: ${cell.none}${row.gatewayApi.by ? `. Gateway API: ${row.gatewayApi.by}` : ''}`,
            { fix: 'Decide what replaces it (another controller, the Gateway API, the application), then remove the annotation.' });
        } else {
          ctx.report(o, `annotation ${key} (${row.what}) is ignored by ${controller.name}; its equivalent there is ${cell.by}`,
            { fix: `Replace it with ${cell.by}.` });
        }
      }
    }
  },
};
