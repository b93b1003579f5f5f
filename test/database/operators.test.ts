import { Chart, Cron, Size } from 'cdk8s';
import { Cpu, Secret } from 'cdk8s-plus-27';
import {
  BackupMethod, BlockProvisioner, BlockStorageClass, DatabaseEngine, DatabaseRuntime, ExistingStorageClass, FileProvisioner, FileStorageClass,
  MariaDbTopology, StatefulDatabase, StatefulDatabaseProps, StorageSystemId, Validator,
} from '../../src';
import { errorOf, ofKind, only, synth } from '../util';

const exoscale = () => ExistingStorageClass.exoscaleBlockStorage();

function props(chart: Chart, extra: Partial<StatefulDatabaseProps>): StatefulDatabaseProps {
  return {
    engine: DatabaseEngine.postgres({ version: '16.4' }),
    runtime: DatabaseRuntime.cloudNativePg(),
    replicas: 3,
    storage: { size: Size.gibibytes(20), storageClass: exoscale() },
    credentials: 'credentials' in extra ? extra.credentials : { secret: Secret.fromSecretName(chart, 'creds', 'orders-db-app') },
    cpu: Cpu.millis(500),
    memory: Size.gibibytes(2),
    ...extra,
  };
}

function errorsOf(objects: any[]) {
  return Validator.validate(objects).filter((f) => f.severity === 'error');
}

describe('CloudNativePG', () => {
  test('a Cluster with the intent: instances, storage, resources, spread, owner from the Secret, and -rw/-ro endpoints', () => {
    let db!: StatefulDatabase;
    const objects = synth((chart) => {
      db = new StatefulDatabase(chart, 'orders-db', props(chart, { database: 'orders', credentials: { secret: Secret.fromSecretName(chart, 'c', 'orders-db-app'), username: 'orders' } }));
    }, { namespace: 'shop' });
    expect(errorsOf(objects)).toEqual([]);
    expect(ofKind(objects, 'StatefulSet')).toEqual([]);
    const cluster = only(objects, 'Cluster');
    expect(cluster.apiVersion).toBe('postgresql.cnpg.io/v1');
    expect(cluster.spec).toMatchObject({
      instances: 3,
      imageName: 'ghcr.io/cloudnative-pg/postgresql:16.4',
      enablePDB: true,
      storage: { size: '20Gi', storageClass: 'exoscale-block-storage' },
      resources: { requests: { cpu: '500m', memory: '2Gi' }, limits: { memory: '2Gi' } },
      affinity: { enablePodAntiAffinity: true, topologyKey: 'kubernetes.io/hostname' },
      bootstrap: { initdb: { database: 'orders', owner: 'orders', secret: { name: 'orders-db-app' } } },
    });
    expect(db.connection).toMatchObject({ host: 'orders-db-rw.shop.svc', readOnlyHost: 'orders-db-ro.shop.svc', port: 5432, database: 'orders', username: 'orders' });
    expect(db.cluster).toBeDefined();
    expect(db.statefulSet).toBeUndefined();
  });

  test('the NetworkPolicy lets the operator and the instances reach each other on 5432 and 8000 (otherwise failover breaks)', () => {
    const objects = synth((chart) => new StatefulDatabase(chart, 'orders-db', props(chart, {})), { namespace: 'shop' });
    const np = only(objects, 'NetworkPolicy');
    expect(np.spec.podSelector).toEqual({ matchLabels: { 'cnpg.io/cluster': 'orders-db' } });
    expect(np.spec.ingress).toEqual([
      { from: [{ podSelector: { matchLabels: { 'cnpg.io/cluster': 'orders-db' } } }], ports: [{ port: 5432, protocol: 'TCP' }, { port: 8000, protocol: 'TCP' }] },
      {
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'cnpg-system' } }, podSelector: { matchLabels: { 'app.kubernetes.io/name': 'cloudnative-pg' } } }],
        ports: [{ port: 5432, protocol: 'TCP' }, { port: 8000, protocol: 'TCP' }],
      },
    ]);
  });

  test('one instance: no CloudNativePG PodDisruptionBudget (it would block every node drain)', () => {
    const objects = synth((chart) => new StatefulDatabase(chart, 'orders-db', props(chart, { replicas: 1 })), { namespace: 'shop' });
    expect(only(objects, 'Cluster').spec.enablePDB).toBe(false);
  });

  test('volume-snapshot backups: the class\'s VolumeSnapshotClass on the Cluster and a ScheduledBackup with a six-field schedule', () => {
    const objects = synth((chart) => {
      const cls = new BlockStorageClass(chart, 'gp3', { provisioner: BlockProvisioner.awsEbs(), snapshotClass: {} });
      new StatefulDatabase(chart, 'orders-db', props(chart, {
        storage: { size: Size.gibibytes(20), storageClass: cls },
        backup: { method: BackupMethod.VOLUME_SNAPSHOT, schedule: Cron.schedule({ minute: '30', hour: '2' }) },
      }));
    }, { namespace: 'shop' });
    expect(only(objects, 'Cluster').spec.backup).toEqual({ volumeSnapshot: { className: 'gp3-snapshots' } });
    expect(only(objects, 'ScheduledBackup').spec).toEqual({
      cluster: { name: 'orders-db' }, schedule: '0 30 2 * * *', method: 'volumeSnapshot', backupOwnerReference: 'self', target: 'prefer-standby',
    });
  });

  test('restore: recovery from a VolumeSnapshot instead of initdb', () => {
    const objects = synth((chart) => new StatefulDatabase(chart, 'orders-db', props(chart, {
      storage: { size: Size.gibibytes(20), storageClass: exoscale(), restoreFromSnapshot: 'orders-db-2026-11-28' },
    })), { namespace: 'shop' });
    expect(only(objects, 'Cluster').spec.bootstrap).toEqual({
      recovery: {
        volumeSnapshots: { storage: { name: 'orders-db-2026-11-28', kind: 'VolumeSnapshot', apiGroup: 'snapshot.storage.k8s.io' } },
        database: 'app',
        owner: 'app',
        secret: { name: 'orders-db-app' },
      },
    });
  });

  test('a logical dump through the -rw endpoint as the owner', () => {
    const objects = synth((chart) => new StatefulDatabase(chart, 'orders-db', props(chart, { backup: { size: Size.gibibytes(50) } })), { namespace: 'shop' });
    const job = only(objects, 'CronJob');
    const c = job.spec.jobTemplate.spec.template.spec.containers[0];
    expect(c.env).toEqual(expect.arrayContaining([{ name: 'DB_HOST', value: 'orders-db-rw' }, { name: 'DB_USER', value: 'app' }, { name: 'DB_NAME', value: 'app' }]));
    expect(c.command[2]).toContain('pg_dump -h "$DB_HOST" -U "$DB_USER" -d "$DB_NAME"');
    // the dump pods are let in
    expect(JSON.stringify(only(objects, 'NetworkPolicy').spec.ingress)).toContain('"app.kubernetes.io/component":"backup"');
  });

  test('refusals: keys CloudNativePG does not read, a name it refuses, a WAL size that is not a size', () => {
    const message = errorOf((chart) => new StatefulDatabase(chart, '9db', props(chart, {
      credentials: { secret: Secret.fromSecretName(chart, 'c', 'x'), passwordKey: 'pw', usernameKey: 'user' },
      runtime: DatabaseRuntime.cloudNativePg({ walStorageSize: 'big' as any }),
    })));
    expect(message).toContain('test/9db: name "9db" is not a CloudNativePG cluster name');
    expect(message).toContain('credentials.passwordKey "pw" must be "password": CloudNativePG reads the owner\'s password from that key');
    expect(message).toContain('credentials.usernameKey "user" must be "username"');
    expect(message).toContain('runtime walStorageSize "big" is not a positive Size');
  });
});

describe('mariadb-operator', () => {
  const mariadb = (chart: Chart, extra: Partial<StatefulDatabaseProps> = {}) => props(chart, {
    engine: DatabaseEngine.mariadb({ version: '11.4.3' }),
    runtime: DatabaseRuntime.mariadbOperator(),
    database: 'shop',
    credentials: { secret: Secret.fromSecretName(chart, 'c', 'shop-db-app'), username: 'shop' },
    ...extra,
  });

  test('replication: a MariaDB with the app user and database from the Secret, restricted pods, -primary/-secondary endpoints', () => {
    let db!: StatefulDatabase;
    const objects = synth((chart) => {
      db = new StatefulDatabase(chart, 'shop-db', mariadb(chart, { backup: { size: Size.gibibytes(30), keepDays: 14 } }));
    }, { namespace: 'shop' });
    expect(errorsOf(objects)).toEqual([]);
    const m = only(objects, 'MariaDB');
    expect(m.spec).toMatchObject({
      replicas: 3,
      replication: { enabled: true },
      username: 'shop',
      database: 'shop',
      passwordSecretKeyRef: { name: 'shop-db-app', key: 'password' },
      storage: { size: '20Gi', storageClassName: 'exoscale-block-storage', pvcRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' } },
      podDisruptionBudget: { maxUnavailable: 1 },
      podSecurityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
    });
    expect(m.spec.galera).toBeUndefined();
    expect(only(objects, 'Backup').spec).toMatchObject({ mariaDbRef: { name: 'shop-db' }, maxRetention: '336h', schedule: { cron: '0 0 * * *' } });
    expect(ofKind(objects, 'CronJob')).toEqual([]); // the operator runs the dumps
    expect(db.connection).toMatchObject({ host: 'shop-db-primary.shop.svc', readOnlyHost: 'shop-db-secondary.shop.svc', port: 3306 });
    expect(db.backupResources.length).toBe(1);
    expect(objects).toMatchSnapshot();
  });

  test('Galera: enabled with three replicas, and the Galera ports open between the pods', () => {
    const objects = synth((chart) => new StatefulDatabase(chart, 'shop-db', mariadb(chart, { runtime: DatabaseRuntime.mariadbOperator({ topology: MariaDbTopology.GALERA }) })), { namespace: 'shop' });
    expect(only(objects, 'MariaDB').spec.galera).toEqual({ enabled: true });
    expect(only(objects, 'NetworkPolicy').spec.ingress[0].ports.map((p: any) => p.port)).toEqual([3306, 4444, 4567, 4568]);
  });

  test('Galera with an even number, MySQL instead of MariaDB, volume snapshots: refused with the reason', () => {
    const even = errorOf((chart) => new StatefulDatabase(chart, 'db', mariadb(chart, { replicas: 4, runtime: DatabaseRuntime.mariadbOperator({ topology: MariaDbTopology.GALERA }) })));
    expect(even).toContain('replicas 4 is not an odd number of at least 3, which Galera needs');
    expect(even).toContain('Use replicas: 5, or MariaDbTopology.REPLICATION.');
    const mysql = errorOf((chart) => new StatefulDatabase(chart, 'db', mariadb(chart, { engine: DatabaseEngine.mysql({ version: '8.4.2' }) })));
    expect(mysql).toContain('runtime "DatabaseRuntime.mariadbOperator()" runs mariadb, not engine mysql. mariadb-operator runs MariaDB (MySQL-compatible): use DatabaseEngine.mariadb({ version }).');
    const snapshots = errorOf((chart) => new StatefulDatabase(chart, 'db', mariadb(chart, { backup: { method: BackupMethod.VOLUME_SNAPSHOT } })));
    expect(snapshots).toContain('backup.method "volume-snapshot" is not supported for mariadb-operator');
    const one = errorOf((chart) => new StatefulDatabase(chart, 'db', mariadb(chart, { replicas: 1, runtime: DatabaseRuntime.mariadbOperator({ topology: MariaDbTopology.REPLICATION }) })));
    expect(one).toContain('runtime topology "replication" needs more than one replica');
  });

  test('one replica: no replication, the <name> Service', () => {
    let db!: StatefulDatabase;
    const objects = synth((chart) => {
      db = new StatefulDatabase(chart, 'shop-db', mariadb(chart, { replicas: 1 }));
    }, { namespace: 'shop' });
    expect(only(objects, 'MariaDB').spec.replication).toBeUndefined();
    expect(db.connection.host).toBe('shop-db.shop.svc');
    expect(db.connection.readOnlyHost).toBeUndefined();
  });
});

describe('MongoDB Community', () => {
  let n = 0;
  const mongo = (chart: Chart, extra: Partial<StatefulDatabaseProps> = {}) => props(chart, {
    engine: DatabaseEngine.mongodb({ version: '7.0.14' }),
    runtime: DatabaseRuntime.mongodbCommunity(),
    database: 'catalog',
    credentials: { secret: Secret.fromSecretName(chart, `c${n++}`, 'catalog-db-app'), username: 'catalog' },
    ...extra,
  });

  test('a replica set with the user from the Secret, the claim on the class, a PDB, and the connection string Secret', () => {
    let db!: StatefulDatabase;
    const objects = synth((chart) => {
      db = new StatefulDatabase(chart, 'catalog-db', mongo(chart, { backup: { size: Size.gibibytes(20) } }));
    }, { namespace: 'catalog' });
    expect(errorsOf(objects)).toEqual([]);
    const m = only(objects, 'MongoDBCommunity');
    expect(m.spec).toMatchObject({
      members: 3,
      type: 'ReplicaSet',
      version: '7.0.14',
      security: { authentication: { modes: ['SCRAM'] } },
      users: [{ name: 'catalog', db: 'admin', passwordSecretRef: { name: 'catalog-db-app', key: 'password' }, roles: [{ name: 'readWrite', db: 'catalog' }, { name: 'dbAdmin', db: 'catalog' }] }],
    });
    expect(m.spec.statefulSet.spec.volumeClaimTemplates[0].spec).toEqual({
      accessModes: ['ReadWriteOnce'], storageClassName: 'exoscale-block-storage', resources: { requests: { storage: '20Gi' } },
    });
    expect(only(objects, 'PodDisruptionBudget').spec).toEqual({ maxUnavailable: 1, selector: { matchLabels: { app: 'catalog-db-svc' } }, unhealthyPodEvictionPolicy: 'AlwaysAllow' });
    // the operator's database pods run as this ServiceAccount: the Helm chart creates it only in the operator's namespace
    expect(only(objects, 'ServiceAccount').metadata.name).toBe('mongodb-kubernetes-appdb');
    expect(db.connection).toMatchObject({ host: 'catalog-db-svc.catalog.svc', uriSecretName: 'catalog-db-admin-catalog', uriSecretKey: 'connectionString.standardSrv' });
    const dump = only(objects, 'CronJob').spec.jobTemplate.spec.template.spec.containers[0];
    expect(dump.env).toEqual(expect.arrayContaining([{ name: 'DB_URI', valueFrom: { secretKeyRef: { name: 'catalog-db-admin-catalog', key: 'connectionString.standardSrv' } } }]));
    expect(objects).toMatchSnapshot();
  });

  test('two replica sets in one namespace share one appdb ServiceAccount', () => {
    const objects = synth((chart) => {
      new StatefulDatabase(chart, 'a', mongo(chart));
      new StatefulDatabase(chart, 'b', { ...mongo(chart, {}), credentials: { secret: Secret.fromSecretName(chart, 'b-creds', 'b-app'), username: 'b' } });
    }, { namespace: 'catalog' });
    expect(ofKind(objects, 'ServiceAccount').length).toBe(1);
  });

  test('no snapshots and no restore: the operator has neither', () => {
    const message = errorOf((chart) => new StatefulDatabase(chart, 'db', mongo(chart, {
      backup: { method: BackupMethod.VOLUME_SNAPSHOT },
      storage: { size: Size.gibibytes(20), storageClass: exoscale(), restoreFromSnapshot: 'snap' },
    })));
    expect(message).toContain('backup.method "volume-snapshot" is not available: MongoDB\'s community operator takes no backups');
    expect(message).toContain('storage.restoreFromSnapshot "snap" is not available: MongoDB\'s community operator has no restore');
  });
});

describe('operator mode refuses what cannot work', () => {
  test('an engine of another operator, a custom engine, no credentials, no storage class, a bad operator namespace', () => {
    const wrong = errorOf((chart) => new StatefulDatabase(chart, 'db', props(chart, { engine: DatabaseEngine.mongodb({ version: '7.0.14' }) })));
    expect(wrong).toContain('runtime "DatabaseRuntime.cloudNativePg()" runs postgres, not engine mongodb. Use DatabaseEngine.postgres({ version }), or the operator of mongodb: DatabaseRuntime.mongodbCommunity().');
    const custom = errorOf((chart) => new StatefulDatabase(chart, 'db', props(chart, {
      engine: DatabaseEngine.custom({ name: 'postgres', image: 'example.com/pg:16', port: 5432, uid: 26, gid: 26, dataDir: '/pg', passwordEnv: 'P' }),
    })));
    expect(custom).toContain('engine "postgres" has no pinned version the operator can read');
    const bare = errorOf((chart) => new StatefulDatabase(chart, 'db', props(chart, {
      credentials: undefined, runtime: DatabaseRuntime.cloudNativePg({ operatorNamespace: 'CNPG' }),
    })));
    const noClass = errorOf((chart) => new StatefulDatabase(chart, 'db', props(chart, { storage: { size: Size.gibibytes(20) } })));
    expect(noClass).toContain('test/db: storage.storageClass (not set) is not set, and the app has no default StorageClass');
    expect(bare).toContain('credentials (not set) are required for postgres');
    expect(bare).toContain('runtime operatorNamespace "CNPG" is not a namespace name');
  });
});

describe('honest StatefulSet mode', () => {
  const single = (chart: Chart, extra: Partial<StatefulDatabaseProps>) => props(chart, { runtime: undefined, ...extra });

  test.each([
    ['postgres', () => DatabaseEngine.postgres({ version: '16.4' }), 'runtime: DatabaseRuntime.cloudNativePg()'],
    ['mariadb', () => DatabaseEngine.mariadb({ version: '11.4.3' }), 'runtime: DatabaseRuntime.mariadbOperator()'],
    ['mysql', () => DatabaseEngine.mysql({ version: '8.4.2' }), 'DatabaseEngine.mariadb({ version }) with DatabaseRuntime.mariadbOperator()'],
    ['mongodb', () => DatabaseEngine.mongodb({ version: '7.0.14' }), 'runtime: DatabaseRuntime.mongodbCommunity()'],
    ['redis', () => DatabaseEngine.redis({ version: '7.4.0' }), 'Use replicas: 1, or, if you wire replication yourself'],
  ])('%s: several replicas of an image that does not replicate are refused, naming the operator', (_name, engine, fix) => {
    const message = errorOf((chart) => new StatefulDatabase(chart, 'db', single(chart, { engine: engine() })));
    expect(message).toContain('replicas 3 would be independent');
    expect(message).toContain(fix);
  });

  test('MongoDB is refused even with the opt-in: standalone mongods never form a replica set', () => {
    const message = errorOf((chart) => new StatefulDatabase(chart, 'db', single(chart, {
      engine: DatabaseEngine.mongodb({ version: '7.0.14' }), runtime: DatabaseRuntime.statefulSet({ replicationWiredByHand: true }),
    })));
    expect(message).toContain('replicas 3 would be independent mongod servers: the official image forms no replica set by itself');
  });

  test('volume snapshots need an operator to take them', () => {
    const message = errorOf((chart) => new StatefulDatabase(chart, 'db', single(chart, { replicas: 1, backup: { method: BackupMethod.VOLUME_SNAPSHOT } })));
    expect(message).toContain('backup.method "volume-snapshot" is not available for a StatefulSet the library writes');
  });

  test('MySQL and MariaDB create the application user and its database from the Secret, with a random superuser password', () => {
    const objects = synth((chart) => new StatefulDatabase(chart, 'db', single(chart, {
      engine: DatabaseEngine.mariadb({ version: '11.4.3' }),
      replicas: 1,
      database: 'shop',
      credentials: { secret: Secret.fromSecretName(chart, 'c', 'shop-db'), usernameKey: 'username' },
    })), { namespace: 'shop' });
    const env = only(objects, 'StatefulSet').spec.template.spec.containers[0].env;
    expect(env).toEqual([
      { name: 'MARIADB_USER', valueFrom: { secretKeyRef: { name: 'shop-db', key: 'username' } } },
      { name: 'MARIADB_PASSWORD', valueFrom: { secretKeyRef: { name: 'shop-db', key: 'password' } } },
      { name: 'MARIADB_RANDOM_ROOT_PASSWORD', value: '1' },
      { name: 'MARIADB_DATABASE', value: 'shop' },
    ]);
  });

  test('an application user without a database to grant it is refused', () => {
    const message = errorOf((chart) => new StatefulDatabase(chart, 'db', single(chart, {
      engine: DatabaseEngine.mysql({ version: '8.4.2' }), replicas: 1, credentials: { secret: Secret.fromSecretName(chart, 'c', 'x'), usernameKey: 'username' },
    })));
    expect(message).toContain('database (not set) is required with credentials.usernameKey: mysql creates the application user from the Secret');
  });
});

describe('backups to another storage system', () => {
  test('a dump may land on file storage (CephFS for a Ceph RBD database)', () => {
    const objects = synth((chart) => {
      const rbd = new BlockStorageClass(chart, 'rbd', { provisioner: BlockProvisioner.cephRbd({ pool: 'replicapool' }) });
      const cephfs = new FileStorageClass(chart, 'cephfs', { provisioner: FileProvisioner.cephfs({ fsName: 'myfs' }) });
      new StatefulDatabase(chart, 'db', props(chart, {
        runtime: undefined, replicas: 1, storage: { size: Size.gibibytes(20), storageClass: rbd }, backup: { size: Size.gibibytes(50), storageClass: cephfs },
      }));
    }, { namespace: 'shop' });
    expect(only(objects, 'PersistentVolumeClaim').spec.storageClassName).toBe('cephfs');
  });

  test('file storage for the database itself is refused with a block system of the same family (Ceph, not Exoscale)', () => {
    const message = errorOf((chart) => {
      const cephfs = new FileStorageClass(chart, 'cephfs', { provisioner: FileProvisioner.cephfs({ fsName: 'myfs' }) });
      new StatefulDatabase(chart, 'db', props(chart, { runtime: undefined, replicas: 1, storage: { size: Size.gibibytes(20), storageClass: cephfs } }));
    });
    expect(message).toContain('databases need block storage');
    expect(message).toContain('Use a block storage class, e.g. BlockProvisioner.cephRbd({ pool }).');
    expect(message).not.toContain('exoscale');
  });

  test('a dump on one node\'s disk is refused, with alternatives', () => {
    const message = errorOf((chart) => new StatefulDatabase(chart, 'db', props(chart, {
      runtime: undefined, replicas: 1, backup: { size: Size.gibibytes(50), storageClass: ExistingStorageClass.fromName('local', StorageSystemId.OPENEBS_LOCALPV) },
    })));
    expect(message).toContain('backup.storageClass "local" is local storage (OpenEBS LocalPV hostpath): a dump on one node\'s disk is lost with the node');
  });
});

describe('the default class is checked like a class given as a prop, declared before or after the database', () => {
  test('a CephFS default class declared after the database: refused at synth', () => {
    const message = errorOf((chart) => {
      new StatefulDatabase(chart, 'db', props(chart, { runtime: undefined, replicas: 1, storage: { size: Size.gibibytes(20) } }));
      new FileStorageClass(chart, 'cephfs', { provisioner: FileProvisioner.cephfs({ fsName: 'myfs' }), isDefault: true });
    });
    expect(message).toContain('test/db: storage (the app\'s default class).storageClass "cephfs" is file storage (CephFS (Rook)); databases need block storage');
  });

  test('an EBS default class binding Immediately under three zonal replicas: refused, not only a warning on the class', () => {
    const message = errorOf((chart) => {
      new BlockStorageClass(chart, 'ebs', { provisioner: BlockProvisioner.awsEbs(), isDefault: true, volumeBindingMode: 'Immediate' as any });
      new StatefulDatabase(chart, 'db', props(chart, {
        runtime: DatabaseRuntime.statefulSet({ replicationWiredByHand: true }), storage: { size: Size.gibibytes(20) },
      }));
    });
    expect(message).toContain('binds Immediately but Amazon EBS volumes are zonal');
  });
});
