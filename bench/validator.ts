/**
 * Validator throughput: objects validated per second on a realistic mix (Deployments, Services, PVCs, StatefulSets with
 * headless Services, StorageClasses, Ingresses), median of several runs in one process, after a warm-up.
 * Target: at least 50,000 objects/s on one core for 10,000 objects (issue 6).
 *
 * Usage: npx ts-node --project tsconfig.dev.json bench/validator.ts [--sizes 10000,100000] [--runs 5]
 */
import { Severity, Validator } from '../lib';
import { median } from './stats';

/** One size's result. */
export interface ValidatorBenchResult {
  readonly objects: number;
  readonly runs: number;
  /** Median wall time of one validation, milliseconds. */
  readonly medianMs: number;
  /** objects / median seconds (wall clock). */
  readonly objectsPerSecond: number;
  /** Median CPU time (user + system) of one validation, milliseconds: what one core spends, whatever else runs. */
  readonly medianCpuMs: number;
  /** objects / median CPU seconds. */
  readonly objectsPerCpuSecond: number;
  /**
   * Median CPU time of a JSON.stringify + JSON.parse round trip of the same objects, milliseconds: a yardstick for
   * how fast this machine is right now (on a shared or throttled machine, compare validation to this, not to the clock).
   */
  readonly jsonRoundTripCpuMs: number;
  /** Findings of one run, by severity (a sanity check that the rules ran). */
  readonly errors: number;
  readonly warnings: number;
}

const labels = (app: string) => ({ 'app.kubernetes.io/name': app, 'app.kubernetes.io/instance': app });

const securePod = (app: string, extra: Record<string, any> = {}) => ({
  securityContext: { runAsNonRoot: true, runAsUser: 10001, fsGroup: 10001, seccompProfile: { type: 'RuntimeDefault' } },
  automountServiceAccountToken: false,
  containers: [{
    name: app,
    image: 'registry.example.com/shop/web:1.4.2',
    ports: [{ name: 'http', containerPort: 8080 }],
    env: [{ name: 'LOG_LEVEL', value: 'info' }],
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
    securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
    volumeMounts: [{ name: 'data', mountPath: '/data' }],
  }],
  ...extra,
});

/** A group of 8 related objects for app number i. */
function unit(i: number): any[] {
  const ns = `team-${i % 50}`;
  const app = `app-${i}`;
  const cls = `fast-${i}`;
  return [
    { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: cls }, provisioner: 'ebs.csi.aws.com', reclaimPolicy: 'Retain', volumeBindingMode: 'WaitForFirstConsumer', allowVolumeExpansion: true, parameters: { type: 'gp3' } },
    { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: `${app}-data`, namespace: ns, labels: labels(app) }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: cls, resources: { requests: { storage: '10Gi' } } } },
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: app, namespace: ns, labels: labels(app) }, spec: { replicas: 1, strategy: { type: 'Recreate' }, selector: { matchLabels: labels(app) }, template: { metadata: { labels: labels(app) }, spec: securePod(app, { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: `${app}-data` } }] }) } } },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: app, namespace: ns, labels: labels(app) }, spec: { selector: labels(app), ports: [{ name: 'http', port: 80, targetPort: 'http' }] } },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: `${app}-db`, namespace: ns, labels: labels(`${app}-db`) }, spec: { clusterIP: 'None', selector: labels(`${app}-db`), ports: [{ name: 'http', port: 8080 }] } },
    { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: `${app}-db`, namespace: ns, labels: labels(`${app}-db`) }, spec: { serviceName: `${app}-db`, replicas: 3, selector: { matchLabels: labels(`${app}-db`) }, template: { metadata: { labels: labels(`${app}-db`) }, spec: securePod(`${app}-db`) }, volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: cls, resources: { requests: { storage: '20Gi' } } } }] } },
    { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: app, namespace: ns }, spec: { ingressClassName: 'nginx', tls: [{ hosts: [`${app}.example.com`], secretName: `${app}-tls` }], rules: [{ host: `${app}.example.com`, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: app, port: { name: 'http' } } } }] } }] } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${app}-config`, namespace: ns }, data: { 'app.properties': 'mode=production\n' } },
  ];
}

/** A realistic object set of exactly n objects. */
export function benchObjects(n: number): any[] {
  const out: any[] = [];
  for (let i = 0; out.length < n; i++) out.push(...unit(i));
  return out.slice(0, n);
}


/** Runs the benchmark for each size (runs per size: 5 up to 10,000 objects, 3 above). */
export async function benchValidator(sizes: number[] = [10_000, 100_000], runs?: number): Promise<ValidatorBenchResult[]> {
  const warm = benchObjects(10_000);
  for (let i = 0; i < 3; i++) Validator.validate(warm); // warm-up: JIT, schema tables
  const results: ValidatorBenchResult[] = [];
  for (const size of sizes) {
    const objects = benchObjects(size);
    const n = runs ?? (size <= 10_000 ? 5 : 3);
    const times: number[] = [];
    const cpu: number[] = [];
    let errors = 0;
    let warnings = 0;
    for (let r = 0; r < n; r++) {
      const cpuStart = process.cpuUsage();
      const start = process.hrtime.bigint();
      const findings = Validator.validate(objects);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      const used = process.cpuUsage(cpuStart);
      cpu.push((used.user + used.system) / 1000);
      errors = findings.filter((f) => f.severity === Severity.ERROR).length;
      warnings = findings.length - errors;
    }
    const medianMs = median(times);
    const medianCpuMs = median(cpu);
    const json: number[] = [];
    for (let r = 0; r < n; r++) {
      const c = process.cpuUsage();
      JSON.parse(JSON.stringify(objects));
      const u = process.cpuUsage(c);
      json.push((u.user + u.system) / 1000);
    }
    results.push({
      objects: size,
      runs: n,
      medianMs,
      objectsPerSecond: Math.round(size / (medianMs / 1000)),
      medianCpuMs,
      objectsPerCpuSecond: Math.round(size / (medianCpuMs / 1000)),
      jsonRoundTripCpuMs: median(json),
      errors,
      warnings,
    });
  }
  return results;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const sizes = (opt('--sizes') ?? '10000,100000').split(',').map((s) => parseInt(s, 10)).filter((s) => s > 0);
  const runs = opt('--runs') ? parseInt(opt('--runs')!, 10) : undefined;
  void benchValidator(sizes, runs).then((results) => {
    for (const r of results) {
      console.log(`${String(r.objects).padStart(7)} objects: median ${r.medianMs.toFixed(0)} ms wall over ${r.runs} runs = ${r.objectsPerSecond.toLocaleString('en-US')} objects/s; `
        + `${r.medianCpuMs.toFixed(0)} ms CPU = ${r.objectsPerCpuSecond.toLocaleString('en-US')} objects per CPU second; `
        + `validation costs ${(r.medianCpuMs / r.jsonRoundTripCpuMs).toFixed(1)}x a JSON stringify+parse of the same objects (${r.jsonRoundTripCpuMs.toFixed(0)} ms CPU) `
        + `(${r.errors} errors, ${r.warnings} warnings)`);
    }
    const first = results[0];
    if (first && first.objectsPerCpuSecond < 50_000) console.log(`below the 50,000 objects/s target at ${first.objects} objects`);
  });
}
