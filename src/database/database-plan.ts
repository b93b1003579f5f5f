import { Duration } from 'cdk8s';
import { PersistentVolumeAccessMode } from 'cdk8s-plus-27';
import { IConstruct } from 'constructs';
import { planBackup } from './backup-job';
import { checkDatabaseClaim } from './claims';
import { checkLiteralEnv, ResolvedCredentials, resolveCredentials } from './credentials';
import { DatabaseEngine } from './engines';
import { DatabaseRuntime } from './runtime';
import { RuntimePlan, StoragePlan } from './runtime-context';
import { StatefulDatabaseProps } from './stateful-database-props';
import { isDnsLabel, toDnsLabel } from '../core/names';
import { Problems } from '../core/problems';
import { wholeSeconds, isSize, wholeKibibytes } from '../core/quantity';
import { RemovalPolicy } from '../core/removal-policy';
import { inEnum, Shown } from '../core/values';
import { IStorageClass, isStorageClass } from '../knowledge/storage/storage-class';
import { DATABASE_MIN_TERMINATION_GRACE_SECONDS } from '../knowledge/workload/database';
import { PlatformDefaults, PlatformDefaultsProps } from '../platform/defaults';
import { ResourcePreset } from '../platform/presets';
import { StatefulUpdateStrategy } from '../workload/update-strategy';

/** Shortest termination grace period a database gets: time to checkpoint and flush before SIGKILL (DBS-004 reads it too). */
export const MIN_TERMINATION_GRACE_SECONDS = DATABASE_MIN_TERMINATION_GRACE_SECONDS;

/** Longest StatefulSet name: the controller-revision-hash label `<name>-<10 chars>` must fit in 63 characters. */
const MAX_NAME_LENGTH = 52;

/** Everything a StatefulDatabase renders, checked: what every runtime reads, and the runtime itself. */
export interface DatabasePlan extends RuntimePlan {
  readonly runtime: DatabaseRuntime;
}

/**
 * Resolves a database's props (the construct's own, then the platform defaults of its scope, then the library's
 * defaults) into a plan, checking everything: every problem is reported at once, then nothing is built.
 */
export function planDatabase(scope: IConstruct, id: string, props: StatefulDatabaseProps): DatabasePlan {
  const problems = new Problems(scope);
  const p: StatefulDatabaseProps = props ?? ({} as StatefulDatabaseProps);
  const defaults = PlatformDefaults.of(scope);
  const engine = p.engine;
  if (!(engine instanceof DatabaseEngine)) {
    problems.add('engine', engine, 'is not a DatabaseEngine', 'Use a factory such as DatabaseEngine.postgres({ version: \'16.4\' }).');
    problems.throwIfAny();
  }
  problems.addAll(engine._problems);
  const identity = planIdentity(problems, id, p);
  const resources = planResources(problems, p, defaults);
  const durations = planDurations(problems, p);
  const storage = planStorage(problems, p, defaults, identity.replicas);
  const runtime = p.runtime ?? DatabaseRuntime.statefulSet();
  if (!(runtime instanceof DatabaseRuntime)) {
    problems.add('runtime', runtime, 'is not a DatabaseRuntime', 'Use DatabaseRuntime.statefulSet(), .cloudNativePg(), .mariadbOperator() or .mongodbCommunity().');
  }
  const operator = runtime instanceof DatabaseRuntime && runtime.isOperator;
  const database = p.database ?? (operator ? 'app' : undefined);
  if (database !== undefined && (typeof database !== 'string' || !/^[a-z_][a-z0-9_]{0,62}$/.test(database))) {
    problems.add('database', database, 'is not a database name (lower-case letters, digits and _, starting with a letter or _)', 'Use e.g. "orders".');
  }
  const resolved = resolveCredentials(problems, engine, p.credentials);
  const credentials = resolved && operator ? { ...resolved, username: resolved.username ?? database } : resolved;
  checkAppUser(problems, engine, credentials, database, operator);
  checkLiteralEnv(problems, 'env', p.env);
  checkLiteralEnv(problems, 'engine.env', engine.env);
  const removalPolicy = p.removalPolicy ?? RemovalPolicy.RETAIN;
  if (!inEnum(removalPolicy, RemovalPolicy)) {
    problems.add('removalPolicy', removalPolicy, 'is not a RemovalPolicy', 'Remove it (volumes are retained), or use RemovalPolicy.DESTROY for throw-away data.');
  }
  const backup = planBackup(problems, p.backup, engine, storage?.storageClass);
  const plan = {
    engine, runtime, database, ...identity, ...resources, ...durations, storage: storage!, credentials, env: { ...(p.env ?? {}) }, backup, removalPolicy,
  } as DatabasePlan;
  if (runtime instanceof DatabaseRuntime && storage && Number.isInteger(plan.replicas)) runtime._check(problems, plan);
  problems.throwIfAny();
  return plan;
}

/** An engine that creates an application user (MySQL, MariaDB) needs the database to grant it; the user needs a Secret key. */
function checkAppUser(problems: Problems, engine: DatabaseEngine, creds: ResolvedCredentials | undefined, database: string | undefined, operator: boolean): void {
  if (operator || !creds?.usernameKey || !engine.appUserEnv) return;
  if (database === undefined) {
    problems.add('database', undefined, `is required with credentials.usernameKey: ${engine.name} creates the application user from the Secret and grants it only the database named here`,
      'Set database: "orders" (the application\'s database), or remove usernameKey to connect as the superuser.');
  }
}

function planIdentity(problems: Problems, id: string, p: StatefulDatabaseProps) {
  const name = p.name ?? toDnsLabel(id);
  if (!isDnsLabel(name) || name.length > MAX_NAME_LENGTH) {
    problems.add('name', name, `is not a valid database name (lower-case DNS label of at most ${MAX_NAME_LENGTH} characters, so the StatefulSet's revision label fits)`, 'Use e.g. "orders-db".');
  }
  const replicas = p.replicas ?? 1;
  if (!Number.isInteger(replicas) || replicas < 1) {
    problems.add('replicas', replicas, 'must be a whole number of at least 1 (0 replicas is a stopped database: scale it with kubectl, not in the definition)', 'Use replicas: 1 or more.');
  }
  const updateStrategy = p.updateStrategy ?? StatefulUpdateStrategy.rollingUpdate();
  if (!(updateStrategy instanceof StatefulUpdateStrategy)) {
    problems.add('updateStrategy', updateStrategy, 'is not a StatefulUpdateStrategy', 'Use StatefulUpdateStrategy.rollingUpdate({ partition }) or StatefulUpdateStrategy.onDelete().');
  } else {
    updateStrategy._check(problems, 'updateStrategy', replicas);
  }
  return { name, replicas, updateStrategy };
}

function planResources(problems: Problems, p: StatefulDatabaseProps, defaults: PlatformDefaultsProps) {
  let preset: ResourcePreset | undefined = p.resources;
  if (preset !== undefined && !(preset instanceof ResourcePreset)) {
    problems.add('resources', preset, 'is not a ResourcePreset', 'Use ResourcePreset.SMALL, .MEDIUM, .LARGE or ResourcePreset.custom(name, { cpu, memory }).');
    preset = undefined;
  }
  const cpu = p.cpu ?? preset?.cpu ?? defaults.databaseCpu;
  const memory = p.memory ?? preset?.memory ?? defaults.databaseMemory;
  if (cpu === undefined) {
    problems.add('cpu', undefined, 'is required: a database without a CPU request is scheduled anywhere and starved first',
      'Set cpu: Cpu.millis(500) or resources: ResourcePreset.MEDIUM, or PlatformDefaults.set(app, { databaseResources: ResourcePreset.MEDIUM }).');
  } else if (typeof (cpu as any).amount !== 'string') {
    problems.add('cpu', cpu, 'is not a Cpu', 'Use Cpu.millis(500) or Cpu.units(1).');
  }
  if (p.cpuLimit !== undefined && typeof (p.cpuLimit as any)?.amount !== 'string') {
    problems.add('cpuLimit', p.cpuLimit, 'is not a Cpu', 'Use Cpu.units(2).');
  }
  if (memory === undefined) {
    problems.add('memory', undefined, 'is required: without a memory limit the database is the first process the kernel kills under pressure',
      'Set memory: Size.gibibytes(2) or resources: ResourcePreset.MEDIUM, or PlatformDefaults.set(app, { databaseResources: ResourcePreset.MEDIUM }).');
  } else if (!isSize(memory) || !((wholeKibibytes(memory) ?? 0) > 0)) {
    problems.add('memory', memory, 'is not a positive Size', 'Use Size.gibibytes(2).');
  }
  return { cpu: cpu!, cpuLimit: p.cpuLimit, memory: memory! };
}

function planDurations(problems: Problems, p: StatefulDatabaseProps) {
  const grace = p.terminationGracePeriod ?? Duration.seconds(MIN_TERMINATION_GRACE_SECONDS);
  let graceSeconds = MIN_TERMINATION_GRACE_SECONDS;
  if (wholeSeconds(grace) === undefined) {
    problems.add('terminationGracePeriod', grace, 'is not a Duration of whole seconds', 'Use Duration.seconds(120).');
  } else {
    graceSeconds = wholeSeconds(grace)!;
    if (graceSeconds < MIN_TERMINATION_GRACE_SECONDS) {
      problems.add('terminationGracePeriod', new Shown(`${graceSeconds}s`), `is shorter than ${MIN_TERMINATION_GRACE_SECONDS}s: a database killed mid-checkpoint replays its log at start, or worse`,
        `Use Duration.seconds(${MIN_TERMINATION_GRACE_SECONDS}) or more.`);
    }
  }
  const startup = p.startupTimeout ?? Duration.minutes(10);
  let startupSeconds = 600;
  const startupWhole = wholeSeconds(startup);
  if (startupWhole === undefined || startupWhole < 10) {
    problems.add('startupTimeout', startup, 'is not a Duration of at least 10 whole seconds', 'Use Duration.minutes(10).');
  } else {
    startupSeconds = startupWhole;
  }
  return { graceSeconds, startupSeconds };
}

function planStorage(problems: Problems, p: StatefulDatabaseProps, defaults: PlatformDefaultsProps, replicas: number): StoragePlan | undefined {
  const storage = p.storage;
  const accessMode = storage?.accessMode ?? PersistentVolumeAccessMode.READ_WRITE_ONCE;
  const claimName = storage?.claimName ?? 'data';
  if (!storage || !isSize(storage.size)) {
    problems.add('storage.size', storage?.size, 'is required', 'Set storage: { size: Size.gibibytes(20) }.');
  }
  if (!storage) return undefined;
  let storageClass = storage.storageClass ?? defaults.databaseStorageClass;
  if (storageClass !== undefined && !isStorageClass(storageClass)) {
    problems.add('storage.storageClass', storageClass, 'is not a storage class', 'Pass a BlockStorageClass or an ExistingStorageClass, e.g. ExistingStorageClass.exoscaleBlockStorage().');
    storageClass = undefined;
  }
  if (storageClass && isSize(storage.size)) {
    checkDatabaseClaim(problems, 'storage', storageClass, storage.size, accessMode, Number.isInteger(replicas) ? replicas : 1);
  }
  if (!isDnsLabel(claimName)) problems.add('storage.claimName', claimName, 'is not a DNS label', 'Use e.g. "data".');
  checkRestore(problems, storage.restoreFromSnapshot, storageClass, storage.storageClass);
  return { size: storage.size, storageClass, accessMode, claimName, restoreFromSnapshot: storage.restoreFromSnapshot };
}

function checkRestore(problems: Problems, snapshot: string | undefined, storageClass: IStorageClass | undefined, given: IStorageClass | undefined): void {
  if (snapshot === undefined) return;
  if (typeof snapshot !== 'string' || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(snapshot)) {
    problems.add('storage.restoreFromSnapshot', snapshot, 'is not a VolumeSnapshot name', 'Use the name `kubectl get volumesnapshot` shows.');
  }
  if (storageClass && !storageClass.capabilities.snapshots) {
    problems.add('storage.restoreFromSnapshot', snapshot, `cannot be restored: ${storageClass.system?.name ?? storageClass.provisioner} (class ${storageClass.storageClassName}) does not support CSI snapshots`,
      'Restore into a class whose storage system has snapshots, or restore a logical dump instead.');
  }
  if (!storageClass && given === undefined) {
    problems.add('storage.restoreFromSnapshot', snapshot, 'needs a known storage class to check snapshot support', 'Set storage.storageClass.');
  }
}
