/**
 * Cost of the golden path: N PostgreSQL databases built and synthesized
 *   (a) through StatefulDatabase, every default object and validation on,
 *   (b) by hand with cdk8s-plus-27 (L2 where it has one: ServiceAccount, client Service; L1 for the rest), no validation,
 *   (c) as raw cdk8s ApiObjects holding the same JSON.
 * The three produce the same objects (checked before measuring). Each measurement runs in a fresh child process
 * (so peak RSS belongs to one variant), variants alternate, and medians over the repetitions are reported.
 *
 * It measures the compiled library (lib/, as users run it), so `npm run bench` compiles first.
 *
 * Usage: ts-node bench/synth.ts [--sizes 1,100,1000] [--reps 5]
 */
import { execFileSync } from 'child_process';
import * as path from 'path';
import { ApiObject, App, Chart, Size } from 'cdk8s';
import { Cpu, Protocol, Secret, Service, ServiceAccount, ServiceType, k8s } from 'cdk8s-plus-27';
import { median } from './stats';

export type Variant = 'a' | 'b' | 'c' | 'a0';

/**
 * A compiled baseline of the library (a checkout of an earlier commit with lib/ built), for side-by-side runs:
 * variant a0 is (a) built with it. Set by `--baseline DIR` (bench/run.ts passes it to the children).
 */
function baselineDir(): string | undefined {
  return process.env.GOLDEN_PATHS_BASELINE;
}

/** The library a variant builds with: this checkout's lib/, or the baseline's. */
function library(variant: Variant): any {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return variant === 'a0' ? require(path.join(path.resolve(baselineDir()!), 'lib')) : require('../lib');
}

/** An app whose warnings go nowhere, whatever version of the library (Warnings came with 0.x's architecture rework). */
function quietApp(variant: Variant = 'a'): App {
  const app = new App();
  const lib = library(variant);
  if (lib.Warnings) lib.Warnings.of(app).sink = lib.Warnings.SILENT;
  else lib.GoldenPathValidation.of(app).printWarnings = false;
  return app;
}

function labels(name: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'app.kubernetes.io/component': 'database',
    'app.kubernetes.io/instance': name,
    'app.kubernetes.io/name': 'postgres',
    ...extra,
  };
}
const MANAGED = { 'app.kubernetes.io/managed-by': 'cdk8s-golden-paths' };
const ROLE = { 'golden-paths.dev/role': 'database' };
const PG_READY = ['sh', '-c', 'exec pg_isready -q -h 127.0.0.1 -p 5432 -U "${POSTGRES_USER:-postgres}"'];

/** (a) the golden path (a0: the same with the baseline library). */
function buildGoldenPath(chart: Chart, i: number, variant: Variant = 'a'): void {
  const { DatabaseEngine, DatabaseRuntime, ExistingStorageClass, StatefulDatabase } = library(variant);
  const name = `db-${i}`;
  new StatefulDatabase(chart, name, {
    // three independent servers, as the hand-written variant writes them (the default refuses them since issue 15)
    ...(DatabaseRuntime ? { runtime: DatabaseRuntime.statefulSet({ replicationWiredByHand: true }) } : {}),
    engine: DatabaseEngine.postgres({ version: '16.4' }),
    replicas: 3,
    storage: { size: Size.gibibytes(20), storageClass: ExistingStorageClass.exoscaleBlockStorage() },
    credentials: { secret: Secret.fromSecretName(chart, `creds-${i}`, `${name}-credentials`) },
    cpu: Cpu.millis(500),
    memory: Size.gibibytes(2),
  });
}

/** (b) the same objects written by hand with cdk8s-plus-27 and its L1 classes. */
function buildByHand(chart: Chart, i: number): void {
  const name = `db-${i}`;
  const sel = labels(name);
  const meta = { name, labels: labels(name, MANAGED) };
  new ServiceAccount(chart, `${name}-sa`, { metadata: meta, automountToken: false });
  new k8s.KubeService(chart, `${name}-headless`, {
    metadata: { name: `${name}-headless`, labels: labels(name, MANAGED), annotations: ROLE },
    spec: { clusterIp: 'None', publishNotReadyAddresses: true, selector: sel, ports: [{ name: 'postgres', port: 5432, protocol: 'TCP', targetPort: k8s.IntOrString.fromNumber(5432) }] },
  });
  const client = new Service(chart, `${name}-svc`, {
    metadata: { name, labels: labels(name, MANAGED), annotations: ROLE },
    type: ServiceType.CLUSTER_IP,
    ports: [{ name: 'postgres', port: 5432, targetPort: 5432, protocol: Protocol.TCP }],
  });
  for (const [key, value] of Object.entries({ ...sel, 'statefulset.kubernetes.io/pod-name': `${name}-0` })) client.selectLabel(key, value);
  const probe = (failureThreshold: number, periodSeconds: number) => ({ exec: { command: PG_READY }, failureThreshold, periodSeconds, timeoutSeconds: 5 });
  new k8s.KubeStatefulSet(chart, `${name}-sts`, {
    metadata: { name, labels: labels(name, MANAGED), annotations: ROLE },
    spec: {
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      podManagementPolicy: 'OrderedReady',
      replicas: 3,
      revisionHistoryLimit: 10,
      selector: { matchLabels: sel },
      serviceName: `${name}-headless`,
      template: {
        metadata: { labels: labels(name, { ...MANAGED, 'golden-paths.dev/pod-security': 'restricted' }) },
        spec: {
          affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ podAffinityTerm: { labelSelector: { matchLabels: sel }, topologyKey: 'kubernetes.io/hostname' }, weight: 100 }] } },
          automountServiceAccountToken: false,
          containers: [{
            name: 'postgres',
            image: 'docker.io/library/postgres:16.4',
            imagePullPolicy: 'IfNotPresent',
            env: [
              { name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' },
              { name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { key: 'password', name: `${name}-credentials` } } },
              { name: 'POSTGRES_USER', value: 'postgres' },
            ],
            livenessProbe: probe(6, 10),
            readinessProbe: probe(3, 5),
            startupProbe: probe(60, 10),
            ports: [{ containerPort: 5432, name: 'postgres', protocol: 'TCP' }],
            resources: {
              limits: { memory: k8s.Quantity.fromString('2Gi') },
              requests: { cpu: k8s.Quantity.fromString('500m'), memory: k8s.Quantity.fromString('2Gi') },
            },
            securityContext: {
              allowPrivilegeEscalation: false,
              capabilities: { drop: ['ALL'] },
              privileged: false,
              readOnlyRootFilesystem: true,
              runAsGroup: 999,
              runAsNonRoot: true,
              runAsUser: 999,
              seccompProfile: { type: 'RuntimeDefault' },
            },
            volumeMounts: [
              { mountPath: '/var/lib/postgresql/data', name: 'data' },
              { mountPath: '/var/run/postgresql', name: 'scratch-0' },
              { mountPath: '/tmp', name: 'scratch-1' },
            ],
          }],
          enableServiceLinks: false,
          securityContext: { fsGroup: 999, fsGroupChangePolicy: 'OnRootMismatch', runAsGroup: 999, runAsNonRoot: true, runAsUser: 999, seccompProfile: { type: 'RuntimeDefault' } },
          serviceAccountName: name,
          terminationGracePeriodSeconds: 120,
          topologySpreadConstraints: [{ labelSelector: { matchLabels: sel }, maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway' }],
          volumes: [{ emptyDir: {}, name: 'scratch-0' }, { emptyDir: {}, name: 'scratch-1' }],
        },
      },
      updateStrategy: { type: 'RollingUpdate' },
      volumeClaimTemplates: [{
        metadata: { labels: labels(name, MANAGED), name: 'data' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: k8s.Quantity.fromString('20Gi') } }, storageClassName: 'exoscale-block-storage' },
      }],
    },
  });
  new k8s.KubePodDisruptionBudget(chart, `${name}-pdb`, {
    metadata: meta,
    spec: { maxUnavailable: k8s.IntOrString.fromNumber(1), selector: { matchLabels: sel }, unhealthyPodEvictionPolicy: 'AlwaysAllow' },
  });
  new k8s.KubeNetworkPolicy(chart, `${name}-np`, {
    metadata: meta,
    spec: {
      ingress: [{ from: [{ podSelector: { matchLabels: sel } }], ports: [{ port: k8s.IntOrString.fromNumber(5432), protocol: 'TCP' }] }],
      podSelector: { matchLabels: sel },
      policyTypes: ['Ingress'],
    },
  });
}

let template: any[] | undefined;
/** (c) raw ApiObjects: the JSON of (a) for one database, renamed per instance. */
function buildRaw(chart: Chart, i: number): void {
  if (!template) template = goldenPathJson(0);
  const text = JSON.stringify(template).replace(/db-0/g, `db-${i}`);
  JSON.parse(text).forEach((obj: any, j: number) => new ApiObject(chart, `db-${i}-${j}`, obj));
}

function goldenPathJson(i: number): any[] {
  const app = quietApp();
  const chart = new Chart(app, 'bench');
  buildGoldenPath(chart, i);
  return chart.toJson();
}

export const BUILDERS: Record<Variant, (chart: Chart, i: number) => void> = {
  a: (chart, i) => buildGoldenPath(chart, i, 'a'), b: buildByHand, c: buildRaw, a0: (chart, i) => buildGoldenPath(chart, i, 'a0'),
};

/** CPU time of this process (user + system), in ms: steadier than the wall clock on a shared machine. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** One measurement in this process: build N databases, then synthesize them to YAML (validation runs in (a)). */
export function measure(variant: Variant, n: number): Measurement {
  if (variant === 'c') template = goldenPathJson(0); // prepared outside the timed region
  const tLoad = process.hrtime.bigint();
  const app = quietApp(variant); // the first require of the library (index only, when it loads lazily)
  const t0 = process.hrtime.bigint();
  const c0 = cpuMs();
  const chart = new Chart(app, 'bench');
  for (let i = 0; i < n; i++) BUILDERS[variant](chart, i);
  const t1 = process.hrtime.bigint();
  const c1 = cpuMs();
  const yaml = app.synthYaml();
  const t2 = process.hrtime.bigint();
  const c2 = cpuMs();
  // the cold validation pass of this synth (rendering the objects for the rules, then the rules), as the library timed it
  const pass = variant === 'a' ? library(variant).GoldenPathValidation.of(app)._lastPass : undefined;
  return {
    loadMs: Number(t0 - tLoad) / 1e6,
    buildMs: Number(t1 - t0) / 1e6,
    synthMs: Number(t2 - t1) / 1e6,
    buildCpuMs: c1 - c0,
    synthCpuMs: c2 - c1,
    passRenderMs: pass?.renderMs ?? 0,
    passRulesMs: pass?.rulesMs ?? 0,
    objects: (yaml.match(/^kind: /gm) ?? []).length,
  };
}

/** What one child process measured. */
export interface Measurement {
  readonly loadMs: number;
  readonly buildMs: number;
  readonly synthMs: number;
  /** CPU time of the build and of the synth. */
  readonly buildCpuMs: number;
  readonly synthCpuMs: number;
  /** (a) only: the validation pass within the synth, rendering and rules (wall clock, cold: the first of the process). */
  readonly passRenderMs: number;
  readonly passRulesMs: number;
  readonly objects: number;
}

/** The three variants give the same objects (modulo the order within a database). */
export function sameObjects(): boolean {
  const norm = (objs: any[]) => objs.map((o) => JSON.stringify(o, Object.keys(flatten(o)).sort())).sort();
  const run = (v: Variant) => {
    const app = quietApp(v);
    const chart = new Chart(app, 'same');
    BUILDERS[v](chart, 7);
    return norm(chart.toJson());
  };
  const a = run('a');
  return JSON.stringify(a) === JSON.stringify(run('b')) && JSON.stringify(a) === JSON.stringify(run('c'));
}

/** The variants of a run: a, b, c, and a0 when a baseline is given. */
export function variants(): Variant[] {
  return baselineDir() ? ['a', 'b', 'c', 'a0'] : ['a', 'b', 'c'];
}

function flatten(o: any, acc: Record<string, true> = {}): Record<string, true> {
  if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) { acc[k] = true; flatten(v, acc); }
  return acc;
}


export interface SynthRow {
  readonly n: number;
  readonly variant: Variant;
  readonly buildMs: number;
  readonly synthMs: number;
  readonly totalMs: number;
  /** Loading the library, building and synthesizing: what a `cdk8s synth` of the app costs beyond cdk8s itself. */
  readonly endToEndMs: number;
  readonly peakRssMiB: number;
  readonly objects: number;
  /** Build + synth CPU time of the process, median. */
  readonly totalCpuMs: number;
  /** (a): the cold validation pass of the synth, median: rules only, and rendering for the rules. */
  readonly passRulesMs: number;
  readonly passRenderMs: number;
}

/** Runs every (N, variant, repetition) in its own child process, variants alternating; returns medians. */
export function benchSynth(sizes: number[], reps: number): SynthRow[] {
  const rows: SynthRow[] = [];
  for (const n of sizes) {
    const samples: Record<Variant, Array<Measurement & { rss: number }>> = { a: [], b: [], c: [], a0: [] };
    for (let r = 0; r < reps; r++) {
      for (const v of variants()) {
        const out = execFileSync(process.execPath, [require.resolve('ts-node/dist/bin.js'), '--project', path.join(__dirname, 'tsconfig.json'),
          '--transpile-only', __filename, '--child', v, String(n)], { encoding: 'utf8', env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' }, maxBuffer: 64 * 1024 * 1024 });
        samples[v].push(JSON.parse(out.trim().split('\n').pop()!));
      }
    }
    for (const v of variants()) {
      const s = samples[v];
      const buildMs = median(s.map((x) => x.buildMs));
      const synthMs = median(s.map((x) => x.synthMs));
      const totalMs = median(s.map((x) => x.buildMs + x.synthMs));
      const endToEndMs = median(s.map((x) => x.loadMs + x.buildMs + x.synthMs));
      rows.push({
        n,
        variant: v,
        buildMs,
        synthMs,
        totalMs,
        endToEndMs,
        peakRssMiB: median(s.map((x) => x.rss)),
        objects: s[0].objects,
        totalCpuMs: median(s.map((x) => x.buildCpuMs + x.synthCpuMs)),
        passRulesMs: median(s.map((x) => x.passRulesMs)),
        passRenderMs: median(s.map((x) => x.passRenderMs)),
      });
    }
  }
  return rows;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    const [, v, n] = args;
    const m = measure(v as Variant, Number(n));
    console.log(JSON.stringify({ ...m, rss: process.resourceUsage().maxRSS / 1024 }));
  } else {
    const sizes = (args[args.indexOf('--sizes') + 1] && args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : '1,100,1000').split(',').map(Number);
    const reps = args.includes('--reps') ? Number(args[args.indexOf('--reps') + 1]) : 5;
    console.log(`same objects in (a), (b) and (c): ${sameObjects()}`);
    for (const row of benchSynth(sizes, reps)) console.log(JSON.stringify(row));
  }
}
