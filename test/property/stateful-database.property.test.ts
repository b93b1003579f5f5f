import { Chart, Cron, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { PersistentVolumeAccessMode } from 'cdk8s-plus-27';
import * as fc from 'fast-check';
import { RUNS, SizeSpec, assertProperty, check, cleanOrJunk, constructId, dnsName, junk, maybe, namespace, optional, pick, rarely, restrictedDeployment, sizeOf, sizeSpec } from './harness';
import { BlockProvisioner, BlockStorageClass, DatabaseEngine, StatefulUpdateStrategy, ExistingStorageClass, FileProvisioner, FileStorageClass, RemovalPolicy, StatefulDatabase } from '../../src';

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
  test(`any props: valid, restricted, retained objects or the library's error naming the prop (${RUNS} runs)`, () => {
    assertProperty(fc.record({ id: constructId, ns: namespace, props: cleanOrJunk(propsOf), junkProps: rarely(junk) }), (s) => {
      check((chart) => build(chart, s), s.ns);
    });
  });
});

