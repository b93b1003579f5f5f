import { Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import * as fc from 'fast-check';
import { RUNS, assertProperty, check, restrictedDeployment } from './harness';
import {
  BackupMethod, BlockProvisioner, BlockStorageClass, DatabaseEngine, DatabaseRuntime, ExistingStorageClass, MariaDbTopology, RemovalPolicy,
  StatefulDatabase,
} from '../../src';

/**
 * Operator mode (issue 15): for generated intents, the operator's resource says what was asked (replicas, size, class,
 * database, user, retention) and what was left out gets the documented default; what the operator would refuse is
 * refused, naming the prop. The oracle below decides which intents are valid independently of the code under test.
 */

type Kind = 'cnpg' | 'mariadb-replication' | 'mariadb-galera' | 'mariadb-default' | 'mongo';

interface Intent {
  readonly kind: Kind;
  readonly replicas: number;
  readonly sizeGib: number;
  readonly snapshotClass: boolean;
  readonly database?: string;
  readonly username?: string;
  readonly backup?: BackupMethod;
  readonly removal?: RemovalPolicy;
  readonly connect: boolean;
}

const intent: fc.Arbitrary<Intent> = fc.record({
  kind: fc.constantFrom<Kind>('cnpg', 'mariadb-replication', 'mariadb-galera', 'mariadb-default', 'mongo'),
  replicas: fc.oneof(fc.constantFrom(1, 3, 3, 5), fc.integer({ min: 1, max: 7 })),
  sizeGib: fc.integer({ min: 1, max: 500 }),
  snapshotClass: fc.boolean(),
  database: fc.option(fc.constantFrom('orders', 'shop_db', 'catalog'), { nil: undefined }),
  username: fc.option(fc.constantFrom('orders', 'app_user', 'svc'), { nil: undefined }),
  // volume snapshots mostly where they can work, so that most generated apps synthesize
  backup: fc.option(fc.constantFrom(BackupMethod.LOGICAL_DUMP, BackupMethod.VOLUME_SNAPSHOT, BackupMethod.LOGICAL_DUMP), { nil: undefined }),
  removal: fc.option(fc.constantFrom(RemovalPolicy.RETAIN, RemovalPolicy.DESTROY), { nil: undefined }),
  connect: fc.boolean(),
}, { requiredKeys: ['kind', 'replicas', 'sizeGib', 'snapshotClass', 'connect'] });

/** What the operators refuse, from their documentation, not from the library: the prop the refusal must name. */
function expectedRefusal(i: Intent): string | undefined {
  if (i.kind === 'mariadb-galera' && (i.replicas < 3 || i.replicas % 2 === 0)) return 'replicas';
  if ((i.kind === 'mariadb-galera' || i.kind === 'mariadb-replication') && i.replicas <= 1) return 'runtime topology';
  if (i.backup === BackupMethod.VOLUME_SNAPSHOT && i.kind !== 'cnpg') return 'backup.method';
  return undefined;
}

function runtimeOf(kind: Kind): DatabaseRuntime {
  switch (kind) {
    case 'cnpg': return DatabaseRuntime.cloudNativePg();
    case 'mariadb-replication': return DatabaseRuntime.mariadbOperator({ topology: MariaDbTopology.REPLICATION });
    case 'mariadb-galera': return DatabaseRuntime.mariadbOperator({ topology: MariaDbTopology.GALERA });
    case 'mariadb-default': return DatabaseRuntime.mariadbOperator();
    default: return DatabaseRuntime.mongodbCommunity();
  }
}

function engineOf(kind: Kind): DatabaseEngine {
  if (kind === 'cnpg') return DatabaseEngine.postgres({ version: '16.4' });
  if (kind === 'mongo') return DatabaseEngine.mongodb({ version: '7.0.14' });
  return DatabaseEngine.mariadb({ version: '11.4.3' });
}

function build(i: Intent): (chart: Chart) => void {
  return (chart) => {
    const cls = i.snapshotClass
      ? new BlockStorageClass(chart, 'fast', { provisioner: BlockProvisioner.awsEbs(), snapshotClass: {} })
      : ExistingStorageClass.exoscaleBlockStorage();
    const db = new StatefulDatabase(chart, 'db', {
      engine: engineOf(i.kind),
      runtime: runtimeOf(i.kind),
      replicas: i.replicas,
      database: i.database,
      storage: { size: Size.gibibytes(i.sizeGib), storageClass: cls },
      credentials: { secret: kplus.Secret.fromSecretName(chart, 'creds', 'db-app'), username: i.username },
      cpu: kplus.Cpu.millis(250),
      memory: Size.gibibytes(1),
      backup: i.backup === undefined ? undefined : i.backup === BackupMethod.LOGICAL_DUMP ? { size: Size.gibibytes(10) } : { method: i.backup },
      removalPolicy: i.removal,
    });
    if (i.connect) db.connect(restrictedDeployment(chart, 'app'));
  };
}

/** The operator's resource and the field that holds its replica count. */
function resourceOf(i: Intent, objects: any[]): { resource: any; replicas: unknown } {
  if (i.kind === 'cnpg') {
    const r = objects.find((o) => o.kind === 'Cluster');
    return { resource: r, replicas: r.spec.instances };
  }
  if (i.kind === 'mongo') {
    const r = objects.find((o) => o.kind === 'MongoDBCommunity');
    return { resource: r, replicas: r.spec.members };
  }
  const r = objects.find((o) => o.kind === 'MariaDB');
  return { resource: r, replicas: r.spec.replicas };
}

/** The size and class the resource asks for. */
function storageOf(i: Intent, resource: any): { size: string; cls: string } {
  if (i.kind === 'cnpg') return { size: resource.spec.storage.size, cls: resource.spec.storage.storageClass };
  if (i.kind === 'mongo') {
    const t = resource.spec.statefulSet.spec.volumeClaimTemplates[0].spec;
    return { size: t.resources.requests.storage, cls: t.storageClassName };
  }
  return { size: resource.spec.storage.size, cls: resource.spec.storage.storageClassName };
}

/** Database and user the resource creates. */
function identityOf(i: Intent, resource: any): { database: string; user: string } {
  if (i.kind === 'cnpg') return { database: resource.spec.bootstrap.initdb.database, user: resource.spec.bootstrap.initdb.owner };
  if (i.kind === 'mongo') return { database: resource.spec.users[0].roles[0].db, user: resource.spec.users[0].name };
  return { database: resource.spec.database, user: resource.spec.username };
}

const outcomes = { ok: 0, refused: 0 };

describe('operator mode properties', () => {
  test(`intent in, the operator's resource says it; refusals name the prop (${RUNS} runs)`, () => {
    assertProperty(intent, (i) => {
      const outcome = check(build(i), 'shop');
      const refusal = expectedRefusal(i);
      if (refusal) {
        if (outcome.ok) throw new Error(`expected a refusal naming ${refusal} for ${JSON.stringify(i)}`);
        if (!outcome.message.includes(`test/db: ${refusal} `)) throw new Error(`the refusal does not name ${refusal}:\n${outcome.message}`);
        outcomes.refused++;
        return;
      }
      if (!outcome.ok) throw new Error(`a valid intent was refused: ${JSON.stringify(i)}\n${outcome.message}`);
      outcomes.ok++;
      const { resource, replicas } = resourceOf(i, outcome.objects);
      expect(replicas).toBe(i.replicas);
      expect(storageOf(i, resource)).toEqual({ size: `${i.sizeGib}Gi`, cls: i.snapshotClass ? 'fast' : 'exoscale-block-storage' });
      // left out: database `app`, user = database
      const database = i.database ?? 'app';
      expect(identityOf(i, resource)).toEqual({ database, user: i.username ?? database });
      expect(outcome.objects.filter((o) => o.kind === 'StatefulSet')).toEqual([]);
      // the NetworkPolicy selects the operator's pods, never the library's labels
      const np = outcome.objects.find((o) => o.kind === 'NetworkPolicy');
      expect(Object.keys(np.spec.podSelector.matchLabels)).not.toContain('app.kubernetes.io/component');
      if (i.kind.startsWith('mariadb') || i.kind === 'mongo') {
        const retention = i.kind === 'mongo' ? resource.spec.statefulSet.spec.persistentVolumeClaimRetentionPolicy : resource.spec.storage.pvcRetentionPolicy;
        expect(retention).toEqual(i.removal === RemovalPolicy.DESTROY ? { whenDeleted: 'Delete', whenScaled: 'Delete' } : { whenDeleted: 'Retain', whenScaled: 'Retain' });
      }
      if (i.connect) {
        const env = outcome.objects.find((o) => o.kind === 'Deployment').spec.template.spec.containers[0].env;
        const host = env.find((e: any) => e.name === 'DATABASE_HOST').value;
        expect(host).toMatch(i.kind === 'cnpg' ? /^db-rw\.shop\.svc$/ : i.kind === 'mongo' ? /^db-svc\.shop\.svc$/ : i.replicas > 1 ? /^db-primary\.shop\.svc$/ : /^db\.shop\.svc$/);
      }
    });
    // most generated intents are valid: the properties above are not checked vacuously
    expect(outcomes.ok).toBeGreaterThanOrEqual(RUNS / 2);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});
