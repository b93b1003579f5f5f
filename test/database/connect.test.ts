import { Chart, Size, Cron } from 'cdk8s';
import { Cpu, CronJob, Deployment, Job, Pod, Secret } from 'cdk8s-plus-27';
import { DatabaseEngine, DatabaseRuntime, ExistingStorageClass, ManagedDatabase, StatefulDatabase } from '../../src';
import { errorOf, only, synth } from '../util';

function database(chart: Chart, runtime?: DatabaseRuntime): StatefulDatabase {
  return new StatefulDatabase(chart, 'db', {
    engine: DatabaseEngine.postgres({ version: '16.4' }),
    runtime,
    replicas: runtime ? 3 : 1,
    storage: { size: Size.gibibytes(10), storageClass: ExistingStorageClass.exoscaleBlockStorage() },
    credentials: { secret: Secret.fromSecretName(chart, 'creds', 'db-app') },
    cpu: Cpu.millis(250),
    memory: Size.gibibytes(1),
  });
}

const container = { image: 'registry.example.com/app:1.0.0', securityContext: { user: 1000, group: 1000 } };

function envOf(objects: any[], kind: string): any[] {
  const o = only(objects, kind);
  const spec = kind === 'CronJob' ? o.spec.jobTemplate.spec.template.spec : kind === 'Pod' ? o.spec : o.spec.template.spec;
  return spec.containers[0].env;
}

describe('connect() works for every cdk8s-plus workload', () => {
  test.each(['Job', 'CronJob', 'Pod', 'Deployment'])('%s: the NetworkPolicy admits its pods and its containers get the variables', (kind) => {
    const objects = synth((chart) => {
      const db = database(chart);
      const w = kind === 'Job' ? new Job(chart, 'w', { containers: [container] })
        : kind === 'CronJob' ? new CronJob(chart, 'w', { schedule: Cron.daily(), containers: [container] })
          : kind === 'Pod' ? new Pod(chart, 'w', { containers: [container] })
            : new Deployment(chart, 'w', { containers: [container] });
      db.connect(w);
    }, { namespace: 'shop' });
    expect(envOf(objects, kind).map((e: any) => e.name)).toEqual(['DATABASE_HOST', 'DATABASE_PORT', 'DATABASE_USER', 'DATABASE_PASSWORD']);
    const rule = only(objects, 'NetworkPolicy').spec.ingress.find((r: any) => r.from[0].podSelector?.matchLabels?.['cdk8s.io/metadata.addr']);
    expect(rule).toBeDefined();
    const label = rule.from[0].podSelector.matchLabels['cdk8s.io/metadata.addr'];
    expect(JSON.stringify(only(objects, kind))).toContain(label); // the pods carry the label the policy selects
  });
});

describe('connect() env names', () => {
  test('names an image expects, and the read-only host and database where the runtime has them', () => {
    const objects = synth((chart) => {
      const db = database(chart, DatabaseRuntime.cloudNativePg());
      const app = new Deployment(chart, 'app', { containers: [container] });
      db.connect(app, { env: { host: 'WORDPRESS_DB_HOST', password: 'WORDPRESS_DB_PASSWORD', user: 'WORDPRESS_DB_USER', database: 'WORDPRESS_DB_NAME' } });
    }, { namespace: 'shop' });
    expect(envOf(objects, 'Deployment')).toEqual([
      { name: 'WORDPRESS_DB_HOST', value: 'db-rw.shop.svc' },
      { name: 'DATABASE_PORT', value: '5432' },
      { name: 'WORDPRESS_DB_USER', value: 'app' },
      { name: 'WORDPRESS_DB_PASSWORD', valueFrom: { secretKeyRef: { key: 'password', name: 'db-app' } } },
      { name: 'WORDPRESS_DB_NAME', value: 'app' },
      { name: 'DATABASE_READ_ONLY_HOST', value: 'db-ro.shop.svc' },
    ]);
  });

  test('a variable the app already set is refused, never overwritten', () => {
    const message = errorOf((chart) => {
      const db = database(chart);
      const app = new Deployment(chart, 'app', { containers: [{ ...container, envVariables: { DATABASE_HOST: { value: 'legacy-db' } as any } }] });
      db.connect(app);
    });
    expect(message).toContain('test/db: connect "DATABASE_HOST" is already set on container');
    expect(message).toContain('connect() does not overwrite it');
  });

  test('a name that is not an environment variable name is refused', () => {
    const message = errorOf((chart) => database(chart).connect(new Deployment(chart, 'app', { containers: [container] }), { env: { host: 'DB HOST' } }));
    expect(message).toContain('connect options.env.host "DB HOST" is not an environment variable name');
  });
});

describe('ManagedDatabase and TLS verification', () => {
  test('the provider host is exposed, and connect can put it into the host variable for verify-full', () => {
    let db!: ManagedDatabase;
    const objects = synth((chart) => {
      db = new ManagedDatabase(chart, 'orders-db', {
        engine: DatabaseEngine.postgres({ version: '16.4' }),
        externalHost: 'orders-db-abc.a.aivencloud.com',
        credentials: { secret: Secret.fromSecretName(chart, 'creds', 'orders-db') },
        database: 'defaultdb',
      });
      db.connect(new Deployment(chart, 'app', { containers: [container] }), { useTlsServerName: true });
    }, { namespace: 'shop' });
    expect(db.externalHost).toBe('orders-db-abc.a.aivencloud.com');
    expect(db.connection.tlsServerName).toBe('orders-db-abc.a.aivencloud.com');
    expect(db.connection.host).toBe('orders-db.shop.svc');
    expect(envOf(objects, 'Deployment')[0]).toEqual({ name: 'DATABASE_HOST', value: 'orders-db-abc.a.aivencloud.com' });
    expect(envOf(objects, 'Deployment').find((e: any) => e.name === 'DATABASE_NAME')).toEqual({ name: 'DATABASE_NAME', value: 'defaultdb' });
  });
});
