import { Chart, Cron, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { PersistentVolumeAccessMode } from 'cdk8s-plus-27';
import * as fc from 'fast-check';
import { DatabaseSpec, PAST_DATABASES, PAST_DATABASE_JUNK } from './counterexamples';
import {
  RUNS, SizeSpec, assertOracle, assertProperty, bad, badProps, check, cleanOrJunk, constructId, dnsName, field, junk, maybe, namespace, optional, pick, rarely,
  restrictedDeployment, sizeOf, sizeSpec, withPast,
} from './harness';
import { BlockProvisioner, BlockStorageClass, DatabaseEngine, StatefulUpdateStrategy, ExistingStorageClass, FileProvisioner, FileStorageClass, RemovalPolicy, StatefulDatabase } from '../../src';
import { checkRestricted } from '../../src/validation/pod-spec';

const { READ_WRITE_ONCE: RWO, READ_WRITE_ONCE_POD: RWOP, READ_WRITE_MANY: RWX, READ_ONLY_MANY: ROX } = PersistentVolumeAccessMode;

const ENGINES = ['postgres', 'mysql', 'mariadb', 'mongodb', 'redis'] as const;

const gib = (min: number, max: number) => fc.integer({ min, max }).map((amount): SizeSpec => ({ unit: 'gibibytes', amount }));

const propsOf = (j: number) => fc.record({
  engine: j ? fc.oneof(fc.constantFrom(...ENGINES, 'custom'), junk) : fc.constantFrom(...ENGINES),
  version: maybe(pick(['16.4', '8.4.2', '1.2.3'], ['latest', 'a b', 'x:y', ''], j), j),
  storage: maybe(fc.record({
    size: j ? sizeSpec : gib(1, 500),
    storageClass: optional(pick(['exoscale', 'block', 'existing'], ['file', 'nfs-existing'], j), j),
    accessMode: optional(pick([RWO], [RWX, RWOP, ROX], j), j),
    claimName: optional(dnsName, j),
    restoreFromSnapshot: optional(pick(['snap-1'], ['Bad Snap'], j), j),
  }, { requiredKeys: ['size'] }), j),
  credentials: maybe(fc.record({
    secret: fc.constant('secret'),
    passwordKey: optional(pick(['password'], ['', 'a b'], j), j),
    usernameKey: optional(pick(['username'], ['', 'a b'], j), j),
  }, { requiredKeys: ['secret'] }), j),
  name: optional(dnsName, j),
  replicas: optional(j ? fc.oneof(fc.integer({ min: -3, max: 7 }), fc.constantFrom(0, 1e9, 2 ** 31, 1.5, NaN)) : fc.integer({ min: 1, max: 5 }), j),
  cpu: maybe(fc.integer({ min: j ? 0 : 10, max: 64000 }).map((m) => ({ millis: m })), j),
  cpuLimit: optional(fc.integer({ min: j ? 0 : 10, max: 64000 }).map((m) => ({ millis: m })), j),
  memory: maybe(j ? sizeSpec : fc.integer({ min: 128, max: 65536 }).map((amount): SizeSpec => ({ unit: 'mebibytes', amount })), j),
  updateStrategy: optional(fc.oneof(
    fc.constant({ onDelete: true }),
    fc.record({ partition: optional(fc.integer({ min: j ? -2 : 0, max: 9 }), j) }, { requiredKeys: [] }),
  ), j),
  terminationGracePeriod: optional(fc.integer({ min: j ? 0 : 120, max: 3600 }).map((s) => ({ seconds: s })), j),
  startupTimeout: optional(fc.integer({ min: j ? 0 : 30, max: 7200 }).map((s) => ({ seconds: s })), j),
  env: optional(fc.dictionary(pick(['TZ', 'LOG_LEVEL', 'PGDATA_X'], ['DB_PASSWORD', 'API_TOKEN', '1BAD', 'a b', ''], j), maybe(fc.constantFrom('UTC', 'debug'), j), { maxKeys: 3 }), j),
  backup: optional(fc.record({
    size: j ? sizeSpec : gib(1, 500),
    schedule: optional(pick(['0 3 * * *'], ['every day', '* * *'], j), j),
    storageClass: optional(pick(['exoscale', 'block'], ['file'], j), j),
    keepDays: optional(j ? fc.integer({ min: -1, max: 10000 }) : fc.integer({ min: 1, max: 90 }), j),
  }, { requiredKeys: ['size'] }), j),
  removalPolicy: optional(pick([RemovalPolicy.RETAIN, RemovalPolicy.DESTROY], ['delete', true], j), j),
  allowFrom: fc.boolean(),
  connect: fc.boolean(),
}, { requiredKeys: ['engine', 'storage', 'credentials', 'cpu', 'memory', 'allowFrom', 'connect'] });

function build(chart: Chart, s: any): void {
  const p = s.props;
  const classOf = (name: any): any => {
    switch (name) {
      case 'exoscale': return ExistingStorageClass.exoscaleBlockStorage();
      case 'block': return chart.node.tryFindChild('block-class') ?? new BlockStorageClass(chart, 'block-class', { provisioner: BlockProvisioner.awsEbs() });
      case 'existing': return ExistingStorageClass.fromName('gp3', 'aws-ebs' as any);
      case 'file': return chart.node.tryFindChild('file-class') ?? new FileStorageClass(chart, 'file-class', { provisioner: FileProvisioner.nfs({ server: 'nfs', share: '/x' }) });
      case 'nfs-existing': return ExistingStorageClass.fromName('nfs', 'nfs' as any);
      default: return name;
    }
  };
  const engine = (): any => {
    if (!([...ENGINES, 'custom'] as unknown[]).includes(p.engine)) return p.engine;
    if (p.engine === 'custom') {
      return DatabaseEngine.custom({ name: 'kv', image: `registry.example.com/kv:${typeof p.version === 'string' ? p.version : '1'}`, port: 6380, uid: 1000, gid: 1000, dataDir: '/data' } as any);
    }
    return (DatabaseEngine as any)[p.engine]({ version: p.version });
  };
  const cpu = (c: any) => (c && typeof c === 'object' && 'millis' in c ? kplus.Cpu.millis(c.millis) : c);
  const dur = (d: any) => (d && typeof d === 'object' && 'seconds' in d ? Duration.seconds(d.seconds) : d);
  const storage = p.storage && typeof p.storage === 'object' && 'size' in p.storage
    ? { ...p.storage, size: sizeOf(p.storage.size), storageClass: classOf(p.storage.storageClass) } : p.storage;
  const credentials = p.credentials && typeof p.credentials === 'object' && p.credentials.secret === 'secret'
    ? { ...p.credentials, secret: kplus.Secret.fromSecretName(chart, 'creds', 'db-credentials') } : p.credentials;
  const update = p.updateStrategy && typeof p.updateStrategy === 'object'
    ? (p.updateStrategy.onDelete ? StatefulUpdateStrategy.onDelete() : StatefulUpdateStrategy.rollingUpdate({ partition: p.updateStrategy.partition }))
    : p.updateStrategy;
  const backup = p.backup && typeof p.backup === 'object' && 'size' in p.backup ? {
    ...p.backup,
    size: sizeOf(p.backup.size),
    schedule: typeof p.backup.schedule === 'string' ? Cron.schedule(cronOf(p.backup.schedule)) : p.backup.schedule,
    storageClass: classOf(p.backup.storageClass),
  } : p.backup;
  const props = s.junkProps !== null ? s.junkProps : {
    ...p,
    engine: engine(),
    version: undefined,
    allowFrom: undefined,
    connect: undefined,
    storage,
    credentials,
    cpu: cpu(p.cpu),
    cpuLimit: cpu(p.cpuLimit),
    memory: sizeOf(p.memory),
    updateStrategy: update,
    terminationGracePeriod: dur(p.terminationGracePeriod),
    startupTimeout: dur(p.startupTimeout),
    backup,
  };
  const db = new StatefulDatabase(chart, s.id, props);
  if (p.allowFrom || p.connect) {
    const app = restrictedDeployment(chart, 'app');
    if (p.allowFrom) db.allowFrom(app);
    if (p.connect) db.connect(app);
  }
}

/** Cron.schedule takes fields; a malformed expression is passed through as the minute field. */
function cronOf(expr: string): any {
  const f = expr.split(' ');
  return f.length === 5 ? { minute: f[0], hour: f[1], day: f[2], month: f[3], weekDay: f[4] } : { minute: expr };
}

describe('StatefulDatabase properties', () => {
  test(`any props, junk included: valid, restricted objects or the library's error naming the prop (${RUNS} runs)`, () => {
    assertProperty(withPast<any>(fc.record({ id: constructId, ns: namespace, props: cleanOrJunk(propsOf), junkProps: rarely(junk) }), PAST_DATABASE_JUNK), (s) => {
      check((chart) => build(chart, s), s.ns);
    }, RUNS, PAST_DATABASE_JUNK);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Oracle property (issue 20): for generated databases (the StatefulSet runtime; operators.property.test.ts covers
// the operators), what is given appears as given and what is left out has the documented default: claims retained
// (Retain/Retain), pods Pod Security "restricted", ReadWriteOnce, 120 s to shut down, one replica without a PDB.
// ---------------------------------------------------------------------------------------------------------------

/**
 * The official images, from their Docker Hub pages: image, port and its name, data directory; the pod order each needs
 * (replica set members start together; primary/replica setups start ordinal 0 first).
 */
const ENGINE_FACTS: Record<string, { image: string; port: number; portName: string; dataDir: string; version: string; order: string }> = {
  postgres: { image: 'docker.io/library/postgres', port: 5432, portName: 'postgres', dataDir: '/var/lib/postgresql/data', version: '16.4', order: 'OrderedReady' },
  mysql: { image: 'docker.io/library/mysql', port: 3306, portName: 'mysql', dataDir: '/var/lib/mysql', version: '8.4.2', order: 'OrderedReady' },
  mariadb: { image: 'docker.io/library/mariadb', port: 3306, portName: 'mysql', dataDir: '/var/lib/mysql', version: '11.4.3', order: 'OrderedReady' },
  mongodb: { image: 'docker.io/library/mongo', port: 27017, portName: 'mongodb', dataDir: '/data/db', version: '7.0.14', order: 'Parallel' },
  redis: { image: 'docker.io/library/redis', port: 6379, portName: 'redis', dataDir: '/data', version: '7.4.1', order: 'Parallel' },
};
const DB_IDS: Record<string, string> = { 'db': 'db', 'Orders DB': 'orders-db' };
const { READ_WRITE_ONCE: RWO_ } = PersistentVolumeAccessMode;

const databaseSpec: fc.Arbitrary<DatabaseSpec> = withPast<DatabaseSpec>(fc.record({
  id: fc.constantFrom(...Object.keys(DB_IDS)),
  ns: namespace,
  engine: fc.constantFrom(...Object.keys(ENGINE_FACTS)),
  version: field(fc.constant('pinned'), fc.constantFrom('latest', 'a b').map((v) => bad(v, 'engine.version')), false),
  name: field(fc.constantFrom('orders', 'shop-db'), fc.constant(bad('Orders_DB', 'name'))),
  // the official images do not replicate: one server
  replicas: field(fc.constant(1), fc.constantFrom(0, 3).map((v) => bad(v, 'replicas'))),
  sizeGib: fc.integer({ min: 1, max: 500 }),
  storageClass: field(fc.constantFrom('exoscale', 'ebs'), fc.constant(bad('nfs', 'storage.storageClass')), false),
  accessMode: field(fc.constant(RWO_), fc.constantFrom(RWX, ROX).map((m) => bad(m, 'storage.accessMode'))),
  claimName: field(fc.constantFrom('pgdata', 'store'), fc.constant(bad('Bad_Claim', 'storage.claimName'))),
  cpuMillis: fc.integer({ min: 50, max: 8000 }),
  cpuLimitMillis: field(fc.integer({ min: 100, max: 16000 })),
  memoryGib: fc.integer({ min: 1, max: 64 }),
  grace: field(fc.integer({ min: 120, max: 3600 }), fc.constant(bad(10, 'terminationGracePeriod'))),
  update: field(fc.constantFrom('onDelete', 'partition0')),
  env: field(fc.constantFrom<Record<string, string>>({ TZ: 'UTC' }, { TZ: 'UTC', LOG_LEVEL: 'debug' }), fc.constant(bad({ DB_PASSWORD: 'hunter2' }, 'env.DB_PASSWORD'))),
  removalPolicy: field(fc.constantFrom(RemovalPolicy.RETAIN, RemovalPolicy.DESTROY), fc.constant(bad('delete', 'removalPolicy'))),
  backupGib: field(fc.integer({ min: 1, max: 100 })),
  connect: fc.boolean(),
}), PAST_DATABASES);

function buildDatabase(s: DatabaseSpec): (chart: Chart) => void {
  return (chart) => {
    const facts = ENGINE_FACTS[s.engine];
    const classOf = (name: string): any => (name === 'exoscale' ? ExistingStorageClass.exoscaleBlockStorage()
      : name === 'ebs' ? (chart.node.tryFindChild('gp3') ?? new BlockStorageClass(chart, 'gp3', { provisioner: BlockProvisioner.awsEbs() }))
        : new FileStorageClass(chart, 'nfs', { provisioner: FileProvisioner.nfs({ server: 'nfs.internal', share: '/exports' }) }));
    const props: any = {
      engine: (DatabaseEngine as any)[s.engine]({ version: s.version.bad ? s.version.value : facts.version }),
      storage: { size: Size.gibibytes(s.sizeGib), storageClass: classOf(s.storageClass.value!), accessMode: s.accessMode.value, claimName: s.claimName.value },
      credentials: { secret: kplus.Secret.fromSecretName(chart, 'creds', 'db-credentials') },
      cpu: kplus.Cpu.millis(s.cpuMillis),
      memory: Size.gibibytes(s.memoryGib),
      name: s.name.value,
      replicas: s.replicas.value,
      cpuLimit: s.cpuLimitMillis.value === undefined ? undefined : kplus.Cpu.millis(s.cpuLimitMillis.value),
      terminationGracePeriod: s.grace.value === undefined ? undefined : Duration.seconds(s.grace.value),
      updateStrategy: s.update.value === undefined ? undefined : s.update.value === 'onDelete' ? StatefulUpdateStrategy.onDelete() : StatefulUpdateStrategy.rollingUpdate({ partition: 0 }),
      env: s.env.value,
      removalPolicy: s.removalPolicy.value,
      backup: s.backupGib.value === undefined ? undefined : { size: Size.gibibytes(s.backupGib.value) },
    };
    const db = new StatefulDatabase(chart, s.id, props);
    if (s.connect) db.connect(restrictedDeployment(chart, 'app'));
  };
}

/** The objects of a valid database tie to its input. */
function assertDatabaseTies(s: DatabaseSpec, objects: any[]): void {
  const facts = ENGINE_FACTS[s.engine];
  const name = s.name.value ?? DB_IDS[s.id];
  const claimName = s.claimName.value ?? 'data';
  const classes = { exoscale: 'exoscale-block-storage', ebs: 'gp3' } as Record<string, string>;
  const sets = objects.filter((o) => o.kind === 'StatefulSet');
  expect(sets).toHaveLength(1);
  const sts = sets[0];
  expect(sts.metadata.name).toBe(name);
  expect(sts.metadata.namespace).toBe(s.ns);
  expect(sts.spec.replicas).toBe(1);
  expect(sts.spec.serviceName).toBe(`${name}-headless`);
  // retention: the claims outlive the StatefulSet unless DESTROY was asked for
  expect(sts.spec.persistentVolumeClaimRetentionPolicy).toEqual(s.removalPolicy.value === RemovalPolicy.DESTROY
    ? { whenDeleted: 'Delete', whenScaled: 'Delete' } : { whenDeleted: 'Retain', whenScaled: 'Retain' });
  expect(sts.spec.podManagementPolicy).toBe(facts.order);
  expect(sts.spec.updateStrategy).toEqual(s.update.value === 'onDelete' ? { type: 'OnDelete' }
    : s.update.value === 'partition0' ? { type: 'RollingUpdate', rollingUpdate: { partition: 0 } } : { type: 'RollingUpdate' });
  expect(sts.spec.volumeClaimTemplates.map((t: any) => [t.metadata.name, t.spec.accessModes, t.spec.resources.requests.storage, t.spec.storageClassName]))
    .toEqual([[claimName, ['ReadWriteOnce'], `${s.sizeGib}Gi`, classes[s.storageClass.value!]]]);
  const template = sts.spec.template;
  const pod = template.spec;
  expect(checkRestricted(pod, template.metadata)).toEqual([]);
  expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
  expect(pod.automountServiceAccountToken).toBe(false);
  expect(pod.serviceAccountName).toBe(name);
  expect(pod.terminationGracePeriodSeconds).toBe(s.grace.value ?? 120);
  expect(pod.containers).toHaveLength(1);
  const c = pod.containers[0];
  expect(c.image).toBe(`${facts.image}:${facts.version}`);
  expect(c.ports).toEqual([{ containerPort: facts.port, name: facts.portName, protocol: 'TCP' }]);
  expect(c.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] }, runAsNonRoot: true });
  expect(c.resources).toEqual({
    requests: { cpu: `${s.cpuMillis}m`, memory: `${s.memoryGib}Gi` },
    // memory limit = request (no overcommit of a database); no CPU limit unless asked for
    limits: { memory: `${s.memoryGib}Gi`, ...(s.cpuLimitMillis.value !== undefined ? { cpu: `${s.cpuLimitMillis.value}m` } : {}) },
  });
  expect(c.volumeMounts).toContainEqual({ mountPath: facts.dataDir, name: claimName });
  for (const [k, v] of Object.entries(s.env.value ?? {})) expect(c.env).toContainEqual({ name: k, value: v });
  const services = objects.filter((o) => o.kind === 'Service');
  expect(services.map((x) => [x.metadata.name, x.spec.clusterIP, x.spec.ports.map((p: any) => p.port)]))
    .toEqual([[`${name}-headless`, 'None', [facts.port]], [name, undefined, [facts.port]]]);
  // one replica: no PodDisruptionBudget (DBS-001 warns)
  expect(objects.filter((o) => o.kind === 'PodDisruptionBudget')).toEqual([]);
  // the NetworkPolicy guards exactly the database's pods
  expect(sts.spec.selector.matchLabels['app.kubernetes.io/instance']).toBe(name);
  expect(objects.filter((o) => o.kind === 'NetworkPolicy').map((o) => o.spec.podSelector.matchLabels)).toEqual([sts.spec.selector.matchLabels]);
  expect(objects.filter((o) => o.kind === 'ServiceAccount').map((o) => [o.metadata.name, o.automountServiceAccountToken])).toEqual([[name, false]]);
  const cronJobs = objects.filter((o) => o.kind === 'CronJob');
  if (s.backupGib.value === undefined) {
    expect(cronJobs).toEqual([]);
  } else {
    expect(cronJobs.map((o) => o.metadata.name)).toEqual([`${name}-backup`]);
    const backupClaims = objects.filter((o) => o.kind === 'PersistentVolumeClaim' && o.metadata.name === `${name}-backup`);
    expect(backupClaims.map((o) => [o.spec.resources.requests.storage, o.spec.storageClassName])).toEqual([[`${s.backupGib.value}Gi`, classes[s.storageClass.value!]]]);
  }
  if (s.connect) {
    const env = objects.find((o) => o.kind === 'Deployment').spec.template.spec.containers[0].env;
    expect(env).toContainEqual({ name: 'DATABASE_HOST', value: s.ns ? `${name}.${s.ns}.svc` : name });
    expect(env).toContainEqual({ name: 'DATABASE_PORT', value: `${facts.port}` });
    expect(env).toContainEqual({ name: 'DATABASE_PASSWORD', valueFrom: { secretKeyRef: { key: 'password', name: 'db-credentials' } } });
  }
}

describe('StatefulDatabase oracle', () => {
  test(`props in, the objects say them; retained, restricted by default; wrong props are refused by name (${Math.ceil(RUNS / 2)} runs)`, () => {
    assertOracle({
      arb: databaseSpec,
      build: buildDatabase,
      namespace: (s) => s.ns,
      wrong: (s) => badProps(s),
      path: (s) => `test/${s.id}`,
      ties: assertDatabaseTies,
      examples: PAST_DATABASES,
      // each app synthesizes about ten objects (~40 ms): half the runs keep `npm test` short; test:properties runs thousands
      runs: Math.ceil(RUNS / 2),
    });
  });
});

