import * as fs from 'fs';
import { README, readmeWithTable } from '../../scripts/gen-nginx-migration';
import { IngressControllerId } from '../../src/knowledge/routing/controllers';
import { NGINX_ANNOTATION_MIGRATIONS, nginxMigrationOf } from '../../src/knowledge/routing/nginx-migration';

describe('the ingress-nginx migration table', () => {
  test('the README holds the table as the data gives it (run `ts-node --project tsconfig.dev.json scripts/gen-nginx-migration.ts`)', () => {
    const readme = fs.readFileSync(README, 'utf8');
    expect(readme).toBe(readmeWithTable(readme));
  });

  test('every row has a cell for every maintained controller and for the Gateway API: an equivalent or the reason there is none', () => {
    const controllers = Object.values(IngressControllerId).filter((id) => id !== IngressControllerId.INGRESS_NGINX);
    expect(NGINX_ANNOTATION_MIGRATIONS.length).toBeGreaterThan(20);
    for (const m of NGINX_ANNOTATION_MIGRATIONS) {
      for (const cell of [m.gatewayApi, ...controllers.map((c) => (m.controllers as any)[c])]) {
        expect({ row: m.annotations[0], cell: cell && (cell.by === undefined) !== (cell.none === undefined) }).toEqual({ row: m.annotations[0], cell: true });
      }
    }
  });

  test('an annotation is in one row at most, found with or without its prefix', () => {
    const names = NGINX_ANNOTATION_MIGRATIONS.flatMap((m) => m.annotations);
    expect(new Set(names).size).toBe(names.length);
    expect(nginxMigrationOf('nginx.ingress.kubernetes.io/proxy-body-size')?.what).toBe('largest request body');
    expect(nginxMigrationOf('force-ssl-redirect')?.annotations[0]).toBe('ssl-redirect');
    expect(nginxMigrationOf('nginx.ingress.kubernetes.io/no-such-annotation')).toBeUndefined();
  });
});
