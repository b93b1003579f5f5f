import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';
import { Warnings } from '../../src';
import { only } from '../util';

/** examples/ha-postgres: the example's objects (its own app synthesizes on import: into a temporary directory here). */
function objects(): any[] {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ha-postgres-'));
  process.env.CDK8S_OUTDIR = outdir;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { HaPostgresChart } = require('../../examples/ha-postgres/main');
    const app = new App({ outdir });
    Warnings.of(app).sink = Warnings.SILENT;
    return new HaPostgresChart(app, 'ha-postgres').toJson();
  } finally {
    delete process.env.CDK8S_OUTDIR;
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

describe('examples/ha-postgres', () => {
  test('three CloudNativePG instances on exoscale-block-storage, snapshot backups, the API on the read-write endpoint', () => {
    const all = objects();
    const cluster = only(all, 'Cluster');
    expect(cluster.spec.instances).toBe(3);
    expect(cluster.spec.storage).toEqual({ size: '20Gi', storageClass: 'exoscale-block-storage' });
    expect(cluster.spec.backup).toEqual({ volumeSnapshot: { className: 'exoscale-snapshots' } });
    expect(only(all, 'ScheduledBackup').spec.schedule).toBe('0 0 3 * * *');
    const env = only(all, 'Deployment').spec.template.spec.containers[0].env;
    expect(env).toEqual(expect.arrayContaining([
      { name: 'ORDERS_DB_HOST', value: 'orders-db-rw.shop.svc' },
      { name: 'ORDERS_DB_READ_ONLY_HOST', value: 'orders-db-ro.shop.svc' },
      { name: 'ORDERS_DB_USER', value: 'orders' },
    ]));
    expect(all).toMatchSnapshot();
  });
});
