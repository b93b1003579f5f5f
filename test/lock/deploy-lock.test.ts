import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, App, Chart } from 'cdk8s';
import { exoscale, statefulSet, tempDirPerTest } from './objects';
import { DeployLock, GoldenPathValidation, Warnings } from '../../src';

const tempDir = tempDirPerTest();

describe('DeployLock at synth', () => {
  function app(storage: string, opts: { accept?: boolean; serviceName?: string; failing?: boolean } = {}): App {
    const a = new App({ outdir: path.join(tempDir(), 'dist') });
    DeployLock.of(a, { file: path.join(tempDir(), 'golden-paths.lock.json'), accept: opts.accept });
    Warnings.of(a).sink = Warnings.SILENT;
    const chart = new Chart(a, 'orders', { namespace: 'orders' });
    new ApiObject(chart, 'sc', exoscale());
    const sts = statefulSet(storage);
    if (opts.serviceName) sts.spec.serviceName = opts.serviceName;
    new ApiObject(chart, 'db', sts);
    if (opts.failing) chart.node.addValidation({ validate: () => ['something else is wrong'] });
    return a;
  }
  const lockFile = () => path.join(tempDir(), 'golden-paths.lock.json');

  test('the first synth writes the lock; the same app gives the same bytes', () => {
    app('10Gi').synth();
    const first = fs.readFileSync(lockFile(), 'utf8');
    expect(JSON.parse(first).objects.map((o: any) => `${o.kind}/${o.name}`)).toEqual(['StatefulSet/db', 'StorageClass/fast']);
    app('10Gi').synth();
    expect(fs.readFileSync(lockFile(), 'utf8')).toBe(first);
    expect(fs.readdirSync(tempDir()).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('a refused change fails synth with every violation and leaves the lock alone', () => {
    app('10Gi').synth();
    const before = fs.readFileSync(lockFile(), 'utf8');
    let message = '';
    try {
      app('20Gi', { serviceName: 'db-peers' }).synthYaml();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('[DeployLock] error StatefulSet/orders/db [orders/db]: volumeClaimTemplates[data].storage 10Gi -> 20Gi');
    expect(message).toContain('csi.exoscale.com expands offline only');
    expect(message).toContain('kubectl -n orders delete statefulset db --cascade=orphan');
    expect(message).toContain('serviceName db-headless -> db-peers');
    expect(fs.readFileSync(lockFile(), 'utf8')).toBe(before);
  });

  test('accepting rewrites the lock, then synth passes without accepting', () => {
    app('10Gi').synth();
    expect(() => app('20Gi', { accept: true }).synth()).not.toThrow();
    expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8')).objects[0].fields['volumeClaimTemplates[data].storage']).toBe('20Gi');
    expect(() => app('20Gi').synth()).not.toThrow();
    expect(DeployLock.of(app('20Gi')).violations()).toEqual([]);
  });

  test('GOLDEN_PATHS_ACCEPT_CHANGES=1 accepts too', () => {
    app('10Gi').synth();
    expect(() => app('20Gi').synth()).toThrow(/volumeClaimTemplates\[data\]\.storage 10Gi -> 20Gi/);
    process.env.GOLDEN_PATHS_ACCEPT_CHANGES = '1';
    const a = app('20Gi');
    expect(DeployLock.of(a).accepting).toBe(true);
    a.synth();
    delete process.env.GOLDEN_PATHS_ACCEPT_CHANGES;
    expect(() => app('20Gi').synth()).not.toThrow();
  });

  test('classes the app knows from ExistingStorageClass guide the migration', () => {
    const build = (storage: string) => {
      const a = new App({ outdir: path.join(tempDir(), 'dist') });
      DeployLock.of(a, { file: lockFile() });
      GoldenPathValidation.of(a).addKnownStorageClass({ name: 'fast', provisioner: 'csi.exoscale.com', allowVolumeExpansion: true });
      new ApiObject(new Chart(a, 'orders', { namespace: 'orders' }), 'db', statefulSet(storage));
      return a;
    };
    build('10Gi').synth();
    const [v] = DeployLock.of(build('20Gi')).violations();
    expect(v.migration).toContain('1. StorageClass fast allows expansion; csi.exoscale.com expands offline only');
    expect(v.migration).toContain('--replicas=0');
  });

  test('when another validation fails, no lock is written', () => {
    expect(() => app('10Gi', { failing: true }).synth()).toThrow(/something else is wrong/);
    expect(fs.existsSync(lockFile())).toBe(false);
  });

  test('a broken lock file fails synth with a way out', () => {
    fs.writeFileSync(lockFile(), 'not json');
    expect(() => app('10Gi').synth()).toThrow(/golden-paths.lock.json is not valid JSON.*delete it to lock the current objects afresh/);
  });

  test('the constants users need are static members', () => {
    expect(DeployLock.DEFAULT_FILE).toBe('golden-paths.lock.json');
    expect(DeployLock.ACCEPT_CHANGES_ENV).toBe('GOLDEN_PATHS_ACCEPT_CHANGES');
    expect(DeployLock.FORMAT_VERSION).toBe(1);
    expect(JSON.parse(DeployLock.serialize(DeployLock.compute([]))).version).toBe(DeployLock.FORMAT_VERSION);
    expect(DeployLock.of(new App({ outdir: path.join(tempDir(), 'dist') })).file).toBe(path.resolve(DeployLock.DEFAULT_FILE));
    process.env[DeployLock.ACCEPT_CHANGES_ENV] = 'true';
    expect(DeployLock.of(app('10Gi')).accepting).toBe(true);
  });

  test('options are given once per app', () => {
    const a = app('10Gi');
    expect(DeployLock.of(a.node.children[0])).toBe(DeployLock.of(a));
    expect(() => DeployLock.of(a, { file: 'other.json' })).toThrow(/already configured with \(file /);
  });
});
