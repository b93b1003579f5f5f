import { App, Chart, Cron, Duration, Size } from 'cdk8s';
import { Cpu, Deployment, PersistentVolumeAccessMode, PodManagementPolicy, Secret } from 'cdk8s-plus-27';
import { BlockProvisioner, BlockStorageClass, DatabaseEngine, DatabaseRuntime, StatefulUpdateStrategy, ExistingStorageClass, ExpansionSupport, GoldenPathValidation, ManagedDatabase, PlatformDefaults, RemovalPolicy, ReplicationSupport, SizeGranularity, StatefulDatabase, StatefulDatabaseProps, StorageKind, Validator, VolumeBindingMode, Warnings } from '../../src';
import { errorOf, ofKind, only, synth } from '../util';

const exoscale = () => ExistingStorageClass.exoscaleBlockStorage();

/** The props every test starts from: a valid PostgreSQL on Exoscale block storage. */
function base(chart: Chart, extra: Partial<StatefulDatabaseProps> = {}): StatefulDatabaseProps {
  return {
    engine: DatabaseEngine.postgres({ version: '16.4' }),
    storage: { size: Size.gibibytes(20), storageClass: exoscale() },
    credentials: { secret: Secret.fromSecretName(chart, 'creds', 'orders-db-credentials') },
    cpu: Cpu.millis(500),
    memory: Size.gibibytes(2),
    replicas: 3,
    // three independent servers, replication wired by hand: what most of these tests look at is the StatefulSet itself
    runtime: DatabaseRuntime.statefulSet({ replicationWiredByHand: true }),
    ...extra,
  };
}

function statefulSet(objects: any[]): any {
  return only(objects, 'StatefulSet');
}

function container(objects: any[]): any {
  return statefulSet(objects).spec.template.spec.containers[0];
}

function errors(objects: any[]) {
  return Validator.validate(objects).filter((f) => f.severity === 'error');
}

function findings(build: (chart: Chart) => void) {
  const app = new App();
  Warnings.of(app).sink = Warnings.SILENT;
  build(new Chart(app, 'test', { namespace: 'shop' }));
  return GoldenPathValidation.of(app).findings();
}

describe('StatefulDatabase engines', () => {
  const engines: Array<[string, () => DatabaseEngine, string]> = [
    ['postgres', () => DatabaseEngine.postgres({ version: '16.4' }), 'pg_isready'],
    ['mysql', () => DatabaseEngine.mysql({ version: '8.4.2' }), 'mysqladmin'],
    ['mariadb', () => DatabaseEngine.mariadb({ version: '11.4.3' }), 'mariadb-admin'],
    ['mongodb', () => DatabaseEngine.mongodb({ version: '7.0.14' }), 'mongosh'],
    ['redis', () => DatabaseEngine.redis({ version: '7.4.0' }), 'redis-cli'],
  ];

  test.each(engines)('%s synthesizes valid, restricted, retained objects', (_name, engine, probeTool) => {
    const objects = synth((chart) => {
      // MongoDB's official image forms no replica set: in a StatefulSet it runs as one member (several go through the operator)
      const e = engine();
      new StatefulDatabase(chart, 'db', base(chart, { engine: e, ...(e.name === 'mongodb' ? { replicas: 1 } : {}) }));
    }, { namespace: 'shop' });
    expect(errors(objects)).toEqual([]);
    const c = container(objects);
    expect(JSON.stringify(c.readinessProbe)).toContain(probeTool);
    expect(c.startupProbe).toBeDefined();
    expect(c.livenessProbe).toBeDefined();
    expect(c.image).toMatch(/^docker\.io\/library\/[a-z]+:[0-9.]+$/);
    expect(c.env.find((e: any) => e.valueFrom?.secretKeyRef)?.valueFrom.secretKeyRef).toEqual({ name: 'orders-db-credentials', key: 'password' });
    expect(c.env.filter((e: any) => /PASSWORD/.test(e.name) && e.value !== undefined)).toEqual([]);
    // the guarantees every engine shares, asserted here rather than left to a snapshot
    const sts = objects.find((o) => o.kind === 'StatefulSet');
    expect(sts.spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain', whenScaled: 'Retain' });
    const pod = sts.spec.template.spec;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(c.securityContext).toMatchObject({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true });
    expect(sts.spec.template.metadata.labels['golden-paths.dev/pod-security']).toBe('restricted');
    // the part that differs per engine: its container, pod identity, pod management and scratch volumes
    expect({
      podManagementPolicy: sts.spec.podManagementPolicy,
      podSecurityContext: pod.securityContext,
      container: c,
      volumes: pod.volumes,
      service: objects.find((o) => o.kind === 'Service' && !o.metadata.name.endsWith('-headless')).spec.ports,
    }).toMatchSnapshot();
  });

  test('official image user ids, ports and pod management', () => {
    expect([DatabaseEngine.postgres({ version: '16.4' }).uid, DatabaseEngine.mysql({ version: '8.4.2' }).uid,
      DatabaseEngine.mariadb({ version: '11.4.3' }).uid, DatabaseEngine.mongodb({ version: '7.0.14' }).uid,
      DatabaseEngine.redis({ version: '7.4.0' }).uid]).toEqual([999, 999, 999, 999, 999]);
    expect(DatabaseEngine.postgres({ version: '16.4' }).port).toBe(5432);
    expect(DatabaseEngine.mongodb({ version: '7.0.14' }).podManagementPolicy).toBe(PodManagementPolicy.PARALLEL);
    expect(DatabaseEngine.postgres({ version: '16.4' }).podManagementPolicy).toBe(PodManagementPolicy.ORDERED_READY);
    expect(DatabaseEngine.postgres({ version: 'sha256:abc' }).image).toBe('docker.io/library/postgres@sha256:abc');
  });
});

describe('StatefulDatabase defaults', () => {
  // built inside each test, not once for the describe block: code that runs outside a test is "static" to the
  // mutation tester (every mutant in it would need the whole suite, docs/mutation.md)
  function defaults() {
    const objects = synth((chart) => {
      new StatefulDatabase(chart, 'orders-db', base(chart));
    }, { namespace: 'shop' });
    const sts = statefulSet(objects);
    return { objects, sts, pod: sts.spec.template.spec };
  }

  test('volume claim template on the class, Retain/Retain', () => {
    const { sts } = defaults();
    expect(sts.spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain', whenScaled: 'Retain' });
    expect(sts.spec.volumeClaimTemplates).toEqual([expect.objectContaining({
      metadata: expect.objectContaining({ name: 'data' }),
      spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'exoscale-block-storage', resources: { requests: { storage: '20Gi' } } },
    })]);
    expect(sts.spec.serviceName).toBe('orders-db-headless');
    expect(sts.spec.updateStrategy).toEqual({ type: 'RollingUpdate' });
  });

  test('Pod Security restricted', () => {
    const { sts, pod } = defaults();
    expect(pod.securityContext).toEqual({
      runAsNonRoot: true, runAsUser: 999, runAsGroup: 999, fsGroup: 999, fsGroupChangePolicy: 'OnRootMismatch', seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(pod.containers[0].securityContext).toEqual(expect.objectContaining({
      allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] }, runAsNonRoot: true,
    }));
    expect(pod.containers[0].volumeMounts.map((m: any) => m.mountPath)).toEqual(['/var/lib/postgresql/data', '/var/run/postgresql', '/tmp']);
    expect(sts.spec.template.metadata.labels['golden-paths.dev/pod-security']).toBe('restricted');
    expect(pod.automountServiceAccountToken).toBe(false);
  });

  test('resources, probes, grace period, scheduling', () => {
    const { pod } = defaults();
    expect(pod.containers[0].resources).toEqual({ requests: { cpu: '500m', memory: '2Gi' }, limits: { memory: '2Gi' } });
    expect(pod.terminationGracePeriodSeconds).toBe(120);
    expect(pod.containers[0].startupProbe.failureThreshold).toBe(60);
    expect(pod.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.topologyKey).toBe('kubernetes.io/hostname');
    expect(pod.topologySpreadConstraints[0]).toEqual(expect.objectContaining({ topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway' }));
  });

  test('services, budget, network policy, service account', () => {
    const { objects, sts } = defaults();
    const services = ofKind(objects, 'Service');
    const headless = services.find((s) => s.metadata.name === 'orders-db-headless');
    const client = services.find((s) => s.metadata.name === 'orders-db');
    expect(headless.spec).toEqual(expect.objectContaining({ clusterIP: 'None', publishNotReadyAddresses: true }));
    expect(client.metadata.annotations['golden-paths.dev/role']).toBe('database');
    expect(headless.metadata.annotations['golden-paths.dev/role']).toBe('database');
    // official images do not replicate: clients go to ordinal 0 only
    expect(client.spec.selector['statefulset.kubernetes.io/pod-name']).toBe('orders-db-0');
    expect(only(objects, 'PodDisruptionBudget').spec).toEqual({ maxUnavailable: 1, selector: { matchLabels: sts.spec.selector.matchLabels }, unhealthyPodEvictionPolicy: 'AlwaysAllow' });
    const np = only(objects, 'NetworkPolicy');
    expect(np.spec.policyTypes).toEqual(['Ingress']);
    expect(np.spec.ingress).toHaveLength(1); // the database's own peers only
    expect(only(objects, 'ServiceAccount').automountServiceAccountToken).toBe(false);
    for (const o of objects) expect(o.metadata.labels['app.kubernetes.io/managed-by']).toBe('cdk8s-golden-paths');
  });

  test('a replicating custom engine lets clients use every replica', () => {
    const objs = synth((chart) => {
      new StatefulDatabase(chart, 'db', base(chart, {
        engine: DatabaseEngine.custom({
          name: 'patroni',
          image: 'registry.example.com/patroni:3.3.2',
          port: 5432,
          uid: 101,
          gid: 103,
          dataDir: '/home/postgres/pgdata',
          passwordEnv: 'PGPASSWORD_SUPERUSER',
          replication: ReplicationSupport.BUILT_IN,
        }),
      }));
    });
    const client = ofKind(objs, 'Service').find((s) => s.metadata.name === 'db');
    expect(client.spec.selector['statefulset.kubernetes.io/pod-name']).toBeUndefined();
  });
});

describe('StatefulDatabase options', () => {
  test('one replica: no budget, DBS-001 warning', () => {
    const f = findings((chart) => new StatefulDatabase(chart, 'db', base(chart, { replicas: 1 })));
    expect(f.filter((x) => x.ruleId === 'DBS-001').map((x) => x.severity)).toEqual(['warning']);
    const objects = synth((chart) => new StatefulDatabase(chart, 'db', base(chart, { replicas: 1 })));
    expect(ofKind(objects, 'PodDisruptionBudget')).toEqual([]);
  });

  test('deleting volumes needs the loud opt-in, and still warns (DBS-002)', () => {
    const build = (chart: Chart) => new StatefulDatabase(chart, 'db', base(chart, { removalPolicy: RemovalPolicy.DESTROY }));
    expect(statefulSet(synth(build)).spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Delete', whenScaled: 'Delete' });
    expect(findings(build).filter((x) => x.ruleId === 'DBS-002')).toHaveLength(1);
  });

  test('update strategies', () => {
    const partitioned = synth((chart) => new StatefulDatabase(chart, 'db', base(chart, { updateStrategy: StatefulUpdateStrategy.rollingUpdate({ partition: 2 }) })));
    expect(statefulSet(partitioned).spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 2 } });
    const onDelete = synth((chart) => new StatefulDatabase(chart, 'db', base(chart, { updateStrategy: StatefulUpdateStrategy.onDelete() })));
    expect(statefulSet(onDelete).spec.updateStrategy).toEqual({ type: 'OnDelete' });
  });

  test('ReadWriteOncePod opt-in', () => {
    const objects = synth((chart) => new StatefulDatabase(chart, 'db', base(chart, {
      storage: { size: Size.gibibytes(20), storageClass: exoscale(), accessMode: PersistentVolumeAccessMode.READ_WRITE_ONCE_POD },
    })));
    expect(statefulSet(objects).spec.volumeClaimTemplates[0].spec.accessModes).toEqual(['ReadWriteOncePod']);
  });

  test('restore from a VolumeSnapshot', () => {
    const objects = synth((chart) => new StatefulDatabase(chart, 'db', base(chart, {
      storage: { size: Size.gibibytes(20), storageClass: exoscale(), restoreFromSnapshot: 'orders-db-2024-06-01' },
    })));
    expect(statefulSet(objects).spec.volumeClaimTemplates[0].spec.dataSource).toEqual({
      apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'orders-db-2024-06-01',
    });
  });

  test('scheduled backup: Forbid, own claim, restricted pod, allowed through the policy', () => {
    let db: StatefulDatabase | undefined;
    const objects = synth((chart) => {
      db = new StatefulDatabase(chart, 'db', base(chart, { backup: { size: Size.gibibytes(50), schedule: Cron.schedule({ minute: '0', hour: '3' }) } }));
    }, { namespace: 'shop' });
    expect(errors(objects)).toEqual([]);
    const cj = only(objects, 'CronJob');
    expect(db!.backup).toBeDefined();
    expect(cj.spec.concurrencyPolicy).toBe('Forbid');
    expect(cj.spec.schedule).toBe('0 3 * * *');
    const pod = cj.spec.jobTemplate.spec.template.spec;
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(pod.containers[0].securityContext.readOnlyRootFilesystem).toBe(true);
    expect(pod.volumes[0]).toEqual({ name: 'backup', persistentVolumeClaim: { claimName: 'db-backup' } });
    expect(only(objects, 'PersistentVolumeClaim').spec.resources.requests.storage).toBe('50Gi');
    expect(only(objects, 'NetworkPolicy').spec.ingress.map((r: any) => r.from[0].podSelector?.matchLabels?.['app.kubernetes.io/component'])).toContain('backup');
  });

  test('connect(): NetworkPolicy rule and env wiring, also across namespaces', () => {
    const app = new App();
    Warnings.of(app).sink = Warnings.SILENT;
    const dbChart = new Chart(app, 'data', { namespace: 'data' });
    const apiChart = new Chart(app, 'api', { namespace: 'web' });
    const db = new StatefulDatabase(dbChart, 'orders-db', base(dbChart));
    const api = new Deployment(apiChart, 'api', { containers: [{ image: 'registry.example.com/api:1.0.0', portNumber: 8080 }] });
    db.connect(api, { envPrefix: 'ORDERS_DB' });
    db.connect(api, { envPrefix: 'ORDERS_DB2' });
    const objects = app.charts.flatMap((c) => c.toJson());
    const np = only(objects, 'NetworkPolicy');
    expect(np.spec.ingress).toHaveLength(2);
    expect(np.spec.ingress[1].from[0]).toEqual({
      podSelector: { matchLabels: api.matchLabels },
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'web' } },
    });
    const env = only(objects, 'Deployment').spec.template.spec.containers[0].env;
    expect(env).toEqual(expect.arrayContaining([
      { name: 'ORDERS_DB_HOST', value: 'orders-db.data.svc' },
      { name: 'ORDERS_DB_PORT', value: '5432' },
      { name: 'ORDERS_DB_USER', value: 'postgres' },
      { name: 'ORDERS_DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'orders-db-credentials', key: 'password' } } },
    ]));
    expect(db.connection).toEqual({
      host: 'orders-db.data.svc',
      port: 5432,
      secretName: 'orders-db-credentials',
      passwordKey: 'password',
      usernameKey: undefined,
      username: 'postgres',
      tlsServerName: 'orders-db.data.svc',
      readOnlyHost: undefined,
      database: undefined,
      uriSecretName: undefined,
      uriSecretKey: undefined,
    });
  });

  test('allowFromNamespace', () => {
    const objects = synth((chart) => new StatefulDatabase(chart, 'db', base(chart)).allowFromNamespace('reporting'), { namespace: 'shop' });
    expect(only(objects, 'NetworkPolicy').spec.ingress[1]).toEqual({
      from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'reporting' } } }],
      ports: [{ port: 5432, protocol: 'TCP' }],
    });
  });

  test('managed mode: ExternalName Service, same connection interface', () => {
    let managed: ManagedDatabase | undefined;
    const objects = synth((chart) => {
      managed = new ManagedDatabase(chart, 'orders-db', {
        engine: DatabaseEngine.postgres({ version: '16.4' }),
        externalHost: 'orders-db-exoscale-abc.a.aivencloud.com',
        port: 21699,
        credentials: { secret: Secret.fromSecretName(chart, 'creds', 'orders-db-dbaas'), usernameKey: 'username' },
      });
      const api = new Deployment(chart, 'api', { containers: [{ image: 'registry.example.com/api:1.0.0', portNumber: 8080 }] });
      managed.connect(api);
    }, { namespace: 'shop' });
    const svc = only(objects, 'Service');
    expect(svc.spec).toEqual(expect.objectContaining({ type: 'ExternalName', externalName: 'orders-db-exoscale-abc.a.aivencloud.com' }));
    expect(svc.metadata.annotations['golden-paths.dev/role']).toBe('database');
    expect(managed!.connection.host).toBe('orders-db.shop.svc');
    const env = only(objects, 'Deployment').spec.template.spec.containers[0].env;
    expect(env).toEqual(expect.arrayContaining([
      { name: 'DATABASE_HOST', value: 'orders-db.shop.svc' },
      { name: 'DATABASE_PORT', value: '21699' },
      { name: 'DATABASE_USER', valueFrom: { secretKeyRef: { name: 'orders-db-dbaas', key: 'username' } } },
    ]));
  });
});

describe('PlatformDefaults resolution', () => {
  const ebs = () => ExistingStorageClass.fromName('gp3', 'aws-ebs' as any);

  test('defaults fill what the props leave out; registry mirror, labels and annotations everywhere', () => {
    const app = new App();
    Warnings.of(app).sink = Warnings.SILENT;
    PlatformDefaults.set(app, {
      databaseStorageClass: ebs(),
      databaseCpu: Cpu.millis(250),
      databaseMemory: Size.gibibytes(1),
      imageRegistry: 'registry.acme.internal/mirror',
      labels: { team: 'orders' },
      annotations: { 'acme.io/owner': 'orders' },
    });
    const chart = new Chart(app, 'c');
    new StatefulDatabase(chart, 'db', {
      engine: DatabaseEngine.postgres({ version: '16.4' }),
      storage: { size: Size.gibibytes(20) },
      credentials: { secret: Secret.fromSecretName(chart, 'creds', 'x') },
    });
    const objects = chart.toJson();
    const c = container(objects);
    expect(statefulSet(objects).spec.volumeClaimTemplates[0].spec.storageClassName).toBe('gp3');
    expect(c.resources).toEqual({ requests: { cpu: '250m', memory: '1Gi' }, limits: { memory: '1Gi' } });
    expect(c.image).toBe('registry.acme.internal/mirror/library/postgres:16.4');
    for (const o of objects) {
      expect(o.metadata.labels.team).toBe('orders');
      expect(o.metadata.annotations['acme.io/owner']).toBe('orders');
    }
  });

  test('props win over defaults; chart defaults win over app defaults', () => {
    const app = new App();
    Warnings.of(app).sink = Warnings.SILENT;
    PlatformDefaults.set(app, { databaseStorageClass: ebs(), databaseCpu: Cpu.millis(250), databaseMemory: Size.gibibytes(1) });
    const chart = new Chart(app, 'c');
    PlatformDefaults.set(chart, { databaseMemory: Size.gibibytes(4) });
    new StatefulDatabase(chart, 'db', {
      engine: DatabaseEngine.postgres({ version: '16.4' }),
      storage: { size: Size.gibibytes(20), storageClass: exoscale() },
      credentials: { secret: Secret.fromSecretName(chart, 'creds', 'x') },
      cpu: Cpu.units(2),
    });
    const objects = chart.toJson();
    expect(statefulSet(objects).spec.volumeClaimTemplates[0].spec.storageClassName).toBe('exoscale-block-storage');
    expect(container(objects).resources).toEqual({ requests: { cpu: '2', memory: '4Gi' }, limits: { memory: '4Gi' } });
  });

  test('without defaults, the app default class is used when declared', () => {
    const objects = synth((chart) => {
      new BlockStorageClass(chart, 'sbs', { provisioner: BlockProvisioner.exoscale(), isDefault: true });
      new StatefulDatabase(chart, 'db', base(chart, { storage: { size: Size.gibibytes(20) } }));
    });
    expect(statefulSet(objects).spec.volumeClaimTemplates[0].spec.storageClassName).toBeUndefined();
  });
});

describe('StatefulDatabase refuses', () => {
  const refuse = (extra: (chart: Chart) => Partial<StatefulDatabaseProps>) =>
    errorOf((chart) => new StatefulDatabase(chart, 'db', base(chart, extra(chart))));

  test('RWX storage', () => {
    expect(refuse(() => ({ storage: { size: Size.gibibytes(20), storageClass: exoscale(), accessMode: PersistentVolumeAccessMode.READ_WRITE_MANY } })))
      .toContain('test/db: storage.accessMode "ReadWriteMany" is refused for a database: two writers on one data directory corrupt it');
  });

  test('a size the class does not allow', () => {
    expect(refuse(() => ({ storage: { size: Size.mebibytes(10500), storageClass: exoscale() } })))
      .toContain('test/db: storage.size 10500Mi is not a whole number of GiB, which csi.exoscale.com requires. Use Size.gibibytes(11).');
    expect(refuse(() => ({ storage: { size: Size.tebibytes(20), storageClass: exoscale() } })))
      .toContain('storage.size 20Ti is above the 10000 GiB maximum of Exoscale Block Storage');
  });

  test('an access mode the class does not support', () => {
    const cls = ExistingStorageClass.fromCapabilities('acme', 'csi.acme.example', {
      kind: StorageKind.BLOCK,
      filesystemAccessModes: [PersistentVolumeAccessMode.READ_WRITE_ONCE],
      blockAccessModes: [],
      expansion: ExpansionSupport.NONE,
      snapshots: false,
      sizeGranularity: SizeGranularity.ANY,
      recommendedBindingMode: VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER,
    });
    expect(refuse(() => ({ storage: { size: Size.gibibytes(20), storageClass: cls, accessMode: PersistentVolumeAccessMode.READ_WRITE_ONCE_POD } })))
      .toContain('storage.accessMode "ReadWriteOncePod" is not supported by csi.acme.example (class acme). Use one of: ReadWriteOnce.');
  });

  test('a zonal class with Immediate binding for several replicas', () => {
    const immediate = ExistingStorageClass.exoscaleBlockStorage({ volumeBindingMode: VolumeBindingMode.IMMEDIATE });
    expect(refuse(() => ({ storage: { size: Size.gibibytes(20), storageClass: immediate } })))
      .toContain('storage.storageClass "exoscale-block-storage" binds Immediately but Exoscale Block Storage volumes are zonal');
  });

  test('replicas < 1', () => {
    expect(refuse(() => ({ replicas: 0 }))).toContain('test/db: replicas 0 must be a whole number of at least 1');
  });

  test('partition > replicas', () => {
    expect(refuse(() => ({ updateStrategy: StatefulUpdateStrategy.rollingUpdate({ partition: 4 }) })))
      .toContain('test/db: updateStrategy.partition 4 is greater than replicas (3), so no pod would ever be updated. Use a partition between 0 and 3');
  });

  test('literal passwords', () => {
    expect(refuse(() => ({ env: { POSTGRES_PASSWORD: 'hunter2' } })))
      .toContain('test/db: env.POSTGRES_PASSWORD (literal value) looks like a secret written as a literal into the manifests');
    expect(refuse((chart) => {
      const s = new Secret(chart, 'literal');
      s.addStringData('password', 'hunter2');
      return { credentials: { secret: s } };
    })).toContain('credentials.secret');
    expect(refuse(() => ({ engine: DatabaseEngine.custom({ name: 'x', image: 'x.example/x:1.0', port: 1, uid: 1, gid: 1, dataDir: '/d', env: { ADMIN_PASSWORD: 'a' } }) })))
      .toContain('engine.env.ADMIN_PASSWORD (literal value) looks like a secret');
  });

  test('latest or untagged images', () => {
    expect(refuse(() => ({ engine: DatabaseEngine.postgres({ version: 'latest' }) })))
      .toContain('test/db: engine.version "latest" is not a pinned postgres version');
    expect(refuse(() => ({ engine: DatabaseEngine.redis({ version: '' }) })))
      .toContain('test/db: engine.version "" is required for redis');
    expect(refuse(() => ({ engine: DatabaseEngine.mysql(undefined as any) })))
      .toContain('engine.version (not set) is required for mysql');
    expect(refuse(() => ({ engine: DatabaseEngine.custom({ name: 'nginx', image: 'nginx', port: 8080, uid: 101, gid: 101, dataDir: '/d' }) })))
      .toContain('test/db: engine.image "nginx" has no tag, so it pulls latest');
    expect(refuse(() => ({ engine: DatabaseEngine.custom({ name: 'nginx', image: 'nginx:latest', port: 8080, uid: 101, gid: 101, dataDir: '/d' }) })))
      .toContain('engine.image "nginx:latest" is not pinned');
  });

  test('a missing storage class when the app has no default', () => {
    expect(refuse(() => ({ storage: { size: Size.gibibytes(20) } })))
      .toContain('test/db: storage.storageClass (not set) is not set, and the app has no default StorageClass and no PlatformDefaults.databaseStorageClass');
  });

  test('restore from a snapshot on a class without snapshots', () => {
    const cls = ExistingStorageClass.fromName('local-hostpath', 'openebs-localpv' as any);
    expect(refuse(() => ({ storage: { size: Size.gibibytes(20), storageClass: cls, restoreFromSnapshot: 'snap-1' } })))
      .toContain('test/db: storage.restoreFromSnapshot "snap-1" cannot be restored: OpenEBS');
  });

  test('missing size, resources and credentials, reported together', () => {
    const msg = errorOf((chart) => new StatefulDatabase(chart, 'db', {
      engine: DatabaseEngine.postgres({ version: '16.4' }),
      storage: { storageClass: exoscale() } as any,
      terminationGracePeriod: Duration.seconds(30),
    }));
    expect(msg).toContain('problems in the configuration');
    expect(msg).toContain('storage.size (not set) is required');
    expect(msg).toContain('cpu (not set) is required');
    expect(msg).toContain('memory (not set) is required');
    expect(msg).toContain('credentials (not set) are required for postgres');
    expect(msg).toContain('terminationGracePeriod 30s is shorter than 120s');
  });

  test('durations that are not whole seconds: the library\'s error, not cdk8s\'s toSeconds() throwing', () => {
    const msg = refuse(() => ({ terminationGracePeriod: Duration.millis(150500), startupTimeout: Duration.millis(60500) }));
    expect(msg).toContain('test/db: terminationGracePeriod Duration.millis(150500) is not a Duration of whole seconds. Use Duration.seconds(120).');
    expect(msg).toContain('test/db: startupTimeout Duration.millis(60500) is not a Duration of at least 10 whole seconds. Use Duration.minutes(10).');
  });

  test('a root custom engine and a backup without a dump script', () => {
    expect(refuse(() => ({ engine: DatabaseEngine.custom({ name: 'x', image: 'x.example/x:1.0', port: 1, uid: 0, gid: 0, dataDir: '/d' }) })))
      .toContain('engine.uid 0 is not a non-root user id');
    expect(refuse(() => ({
      engine: DatabaseEngine.custom({ name: 'x', image: 'x.example/x:1.0', port: 1, uid: 1, gid: 1, dataDir: '/d' }),
      backup: { size: Size.gibibytes(1) },
    }))).toContain('backup {...} cannot be scheduled: engine x has no logical backup script');
  });

  test('no TypeError on nonsense from JavaScript callers', () => {
    expect(errorOf((chart) => new StatefulDatabase(chart, 'db', undefined as any))).toContain('engine (not set) is not a DatabaseEngine');
    expect(errorOf((chart) => new StatefulDatabase(chart, 'db', { engine: DatabaseEngine.postgres({ version: '16.4' }) } as any)))
      .toContain('storage.size (not set) is required');
  });
});

describe('seed scenario from the Exoscale course', () => {
  // The course's web-server: a StatefulSet of 3 nginx replicas, each with a 10Gi claim template `www` on exoscale-block-storage.
  // Made production-grade as a custom engine: nginx-unprivileged (uid 101, port 8080) so it runs under Pod Security restricted.
  test('web-server, 3 replicas, www 10Gi on exoscale-block-storage', () => {
    const objects = synth((chart) => {
      const web = new StatefulDatabase(chart, 'web-server', {
        engine: DatabaseEngine.custom({
          name: 'nginx',
          image: 'docker.io/nginxinc/nginx-unprivileged:1.27.3',
          port: 8080,
          portName: 'http',
          uid: 101,
          gid: 101,
          dataDir: '/usr/share/nginx/html',
          writableDirs: ['/tmp'],
          podManagementPolicy: PodManagementPolicy.PARALLEL,
          // each replica serves its own volume: nothing to replicate, any replica may answer
          replication: ReplicationSupport.BUILT_IN,
        }),
        replicas: 3,
        storage: { size: Size.gibibytes(10), storageClass: ExistingStorageClass.exoscaleBlockStorage(), claimName: 'www' },
        cpu: Cpu.millis(100),
        memory: Size.mebibytes(128),
      });
      web.allowFromNamespace('ingress-nginx');
    }, { namespace: 'web' });
    expect(errors(objects)).toEqual([]);
    const sts = statefulSet(objects);
    expect(sts.metadata.name).toBe('web-server');
    expect(sts.spec.replicas).toBe(3);
    expect(sts.spec.volumeClaimTemplates[0].metadata.name).toBe('www');
    expect(sts.spec.volumeClaimTemplates[0].spec).toEqual({
      accessModes: ['ReadWriteOnce'], storageClassName: 'exoscale-block-storage', resources: { requests: { storage: '10Gi' } },
    });
    expect(sts.spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain', whenScaled: 'Retain' });
    expect(sts.spec.template.spec.containers[0].readinessProbe.tcpSocket).toEqual({ port: 8080 });
    expect(only(objects, 'PodDisruptionBudget').spec.maxUnavailable).toBe(1);
    expect(objects).toMatchSnapshot();
  });
});
