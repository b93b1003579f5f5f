/**
 * Module load time: the library (compiled lib/) vs cdk8s-plus-27 alone, each in a fresh node process,
 * median of several runs. The library loads cdk8s-plus-27 itself, so the difference is our own cost.
 */
import { execFileSync } from 'child_process';
import * as path from 'path';
import { median } from './stats';

const root = path.join(__dirname, '..');

/**
 * Time to require a module and read every one of its exports: a library whose index loads lazily pays for all of its
 * modules here too, so the figure compares what the whole library costs, however it loads.
 */
function loadMs(moduleId: string): number {
  const script = `const t=process.hrtime.bigint();const m=require(${JSON.stringify(moduleId)});for(const k of Object.keys(m))void m[k];process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6));`;
  return Number(execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }));
}


export interface LoadTimeResult {
  readonly cdk8sPlusMs: number;
  readonly libraryMs: number;
  readonly deltaMs: number;
  readonly runs: number;
  /** Load time of the baseline library, when one is given. */
  readonly baselineMs?: number;
}

/** Alternates the two loads `runs` times and returns the medians. */
export function benchLoadTime(runs = 11, baseline?: string): LoadTimeResult {
  const plus: number[] = [];
  const lib: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < runs; i++) {
    plus.push(loadMs('cdk8s-plus-27'));
    lib.push(loadMs(path.join(root, 'lib', 'index.js')));
    if (baseline) base.push(loadMs(path.join(baseline, 'lib', 'index.js')));
  }
  const cdk8sPlusMs = median(plus);
  const libraryMs = median(lib);
  return { cdk8sPlusMs, libraryMs, deltaMs: libraryMs - cdk8sPlusMs, runs, baselineMs: baseline ? median(base) : undefined };
}

/** A small, realistic app: what the first validation of a `cdk8s synth` or a CLI run sees. */
const FIRST_OBJECTS = [
  { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast' }, provisioner: 'ebs.csi.aws.com', reclaimPolicy: 'Retain', volumeBindingMode: 'WaitForFirstConsumer' },
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'shop' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'fast', resources: { requests: { storage: '10Gi' } } } },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } },
          containers: [{ name: 'web', image: 'registry.example.com/web:1.0', resources: { requests: { cpu: '100m', memory: '128Mi' } }, volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
          volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }],
        },
      },
    },
  },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }] } },
];

/** A CloudNativePG Cluster: the first validation that also loads a shipped CRD group. */
const CNPG = { apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: { name: 'db', namespace: 'shop' }, spec: { instances: 3, storage: { size: '10Gi' } } };

/**
 * CPU time (user + system, all threads of the process) of a library's first validation of `objects` after require, in a
 * fresh process: on a shared machine CPU time is the steady figure (wall time waits for the other tenants).
 */
function firstValidationMs(libDir: string, objects: unknown[]): number {
  const script = `const m=require(${JSON.stringify(path.join(libDir, 'lib', 'index.js'))});const V=m.Validator;`
    + `const c=process.cpuUsage();V.validate(${JSON.stringify(objects)});const d=process.cpuUsage(c);`
    + 'process.stdout.write(String((d.user+d.system)/1e3));';
  return Number(execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }));
}

export interface FirstValidationResult {
  readonly runs: number;
  /** Median CPU ms of the first Validator.validate of a small app (4 built-in objects), after require. */
  readonly firstMs: number;
  /** The same with a CloudNativePG Cluster added (loads one shipped CRD group). */
  readonly firstWithCrdMs: number;
  /** The baseline's first validation of the small app, when a baseline is given. */
  readonly baselineFirstMs?: number;
}

/**
 * The first validation of a process (cdk8s synth, the CLI, the plugin): loading the rules and the target minor's schema
 * and compiling the schema nodes the objects use, which the warm validator benchmark does not show. Median of `runs`
 * fresh processes, alternating with the baseline.
 */
export function benchFirstValidation(runs = 11, baseline?: string): FirstValidationResult {
  const first: number[] = [];
  const withCrd: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < runs; i++) {
    first.push(firstValidationMs(root, FIRST_OBJECTS));
    withCrd.push(firstValidationMs(root, [...FIRST_OBJECTS, CNPG]));
    if (baseline) base.push(firstValidationMs(baseline, FIRST_OBJECTS));
  }
  return { runs, firstMs: median(first), firstWithCrdMs: median(withCrd), baselineFirstMs: baseline ? median(base) : undefined };
}

if (require.main === module) {
  const r = benchLoadTime();
  console.log(`load time (median of ${r.runs}): cdk8s-plus-27 ${r.cdk8sPlusMs.toFixed(1)} ms, cdk8s-golden-paths ${r.libraryMs.toFixed(1)} ms (+${r.deltaMs.toFixed(1)} ms)`);
  const baseline = process.argv.indexOf('--baseline') >= 0 ? process.argv[process.argv.indexOf('--baseline') + 1] : undefined;
  const f = benchFirstValidation(11, baseline);
  console.log(`first validation, CPU ms (median of ${f.runs}): ${f.firstMs.toFixed(1)} ms, with a CloudNativePG Cluster ${f.firstWithCrdMs.toFixed(1)} ms`
    + (f.baselineFirstMs !== undefined ? `, baseline ${f.baselineFirstMs.toFixed(1)} ms` : ''));
}
