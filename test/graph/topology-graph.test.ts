/**
 * TopologyGraph, the public door of the picture: render plain objects, and write dist/<chart>.topology.md at synth
 * (only when synth passes).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, Size } from 'cdk8s';
import { Construct } from 'constructs';
import { SharedRwxVolume, SharedVolumeBackend, TopologyFormat, TopologyGraph, Validator, Warnings } from '../../src';
import { loadManifestFiles } from '../../src/cli/load-manifests';
import { renderGraph } from '../../src/graph/render';
import { runValidation } from '../../src/validation/validate';

let tmp: string;
beforeEach(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gp-topology-')); });
afterEach(() => { fs.rmSync(tmp, { recursive: true, force: true }); });

const objects = [
  { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'gp2' }, provisioner: 'kubernetes.io/aws-ebs' },
  {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'data', namespace: 'shop' },
    spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'gp2', resources: { requests: { storage: '1Gi' } } },
  },
];

describe('TopologyGraph.render', () => {
  test('draws plain objects; findings given are marked', () => {
    const plain = TopologyGraph.render(objects);
    expect(plain).toMatch(/^flowchart LR\n/);
    expect(plain).toContain('n1[("PersistentVolumeClaim data<br/>1Gi RWO")]');
    expect(plain).not.toContain('STO-001');
    const marked = TopologyGraph.render(objects, { findings: Validator.validate(objects) });
    expect(marked).toMatch(/StorageClass gp2<br\/>.*✖ error STO-001/);
  });

  test('formats, namespaces, title', () => {
    expect(TopologyGraph.render(objects, { format: TopologyFormat.DOT })).toMatch(/^digraph topology \{/);
    expect(TopologyGraph.render(objects, { format: TopologyFormat.MARKDOWN, title: 'Shop' })).toMatch(/^# Shop\n\n```mermaid\n/);
    expect(TopologyGraph.render(objects, { namespaces: ['other'] })).not.toContain('PersistentVolumeClaim');
  });

  test('refuses wrong options from JavaScript callers with every problem at once', () => {
    expect(() => TopologyGraph.render(objects, { format: 'png' as any, maxNodes: 0, findings: 'none' as any, namespaces: [1] as any })).toThrow([
      '4 problems in the configuration:',
      '  TopologyGraph.render: format "png" is not a TopologyFormat (mermaid, dot, markdown). Use TopologyFormat.MERMAID, DOT or MARKDOWN.',
      '  TopologyGraph.render: maxNodes 0 must be a whole number of at least 1. Use e.g. maxNodes: 150.',
      '  TopologyGraph.render: findings "none" must be a list of findings. Pass Validator.validate(objects).',
      '  TopologyGraph.render: namespaces [1] must be a list of namespace names. Use e.g. ["shop"].',
    ].join('\n'));
  });

  test('never a TypeError for objects that are not Kubernetes objects', () => {
    expect(TopologyGraph.render([null, 3, 'x', [], { kind: 'Pod' }] as any)).toMatch(/^flowchart LR\n {2}%% cdk8s-golden-paths topology: 0 objects/);
    expect(TopologyGraph.render(undefined as any)).toMatch(/^flowchart LR\n/);
  });
});

describe('TopologyGraph.writeAtSynth', () => {
  function app(): App {
    const a = new App({ outdir: tmp });
    Warnings.of(a).sink = Warnings.SILENT;
    return a;
  }

  test('writes <chart>.topology.md next to each chart\'s manifest, with the app\'s findings marked', () => {
    const a = app();
    const dev = new Chart(a, 'dev');
    new SharedRwxVolume(dev, 'scratch', {
      backend: SharedVolumeBackend.hostPath({ path: '/mnt/data', storageClassName: 'dev', capacity: Size.gibibytes(10) }),
      size: Size.gibibytes(3),
    });
    new ApiObject(new Chart(a, 'other'), 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' } });
    const graph = TopologyGraph.writeAtSynth(a);
    a.synth();
    expect(fs.readdirSync(tmp).sort()).toEqual(['dev.k8s.yaml', 'dev.topology.md', 'other.k8s.yaml', 'other.topology.md']);
    expect(graph.files()).toEqual([path.join(tmp, 'dev.topology.md'), path.join(tmp, 'other.topology.md')]);
    const md = fs.readFileSync(path.join(tmp, 'dev.topology.md'), 'utf8');
    expect(md).toMatch(/^# Topology of chart dev\n\n```mermaid\nflowchart LR\n/);
    expect(md).toMatch(/PersistentVolume .*⚠ warning STO-021/);
    expect(fs.readFileSync(path.join(tmp, 'other.topology.md'), 'utf8')).not.toContain('PersistentVolume');
  });

  test('the picture at synth is the picture the CLI draws from the written manifests', async () => {
    const a = app();
    new SharedRwxVolume(new Chart(a, 'dev'), 'scratch', {
      backend: SharedVolumeBackend.hostPath({ path: '/mnt/data', storageClassName: 'dev', capacity: Size.gibibytes(10) }),
      size: Size.gibibytes(3),
    });
    TopologyGraph.writeAtSynth(a, { format: TopologyFormat.MERMAID });
    a.synth();
    const loaded = await loadManifestFiles([path.join(tmp, 'dev.k8s.yaml')]);
    const cli = renderGraph(loaded.inputs, { findings: runValidation(loaded.inputs) });
    expect(fs.readFileSync(path.join(tmp, 'dev.topology.mmd'), 'utf8')).toBe(cli);
  });

  test('writes nothing when synth fails validation', () => {
    const a = app();
    const chart = new Chart(a, 'broken');
    new SharedRwxVolume(chart, 'uploads', {
      backend: SharedVolumeBackend.nfs({ server: 'nfs.internal', path: '/exports' }),
      size: Size.gibibytes(1),
    });
    // any validation of the app that fails (a construct's own, the deploy lock, a policy) fails the synth
    new Construct(chart, 'check').node.addValidation({ validate: () => ['this app is not ready'] });
    TopologyGraph.writeAtSynth(a);
    expect(() => a.synth()).toThrow(/Validation failed with the following errors:\n {2}\[broken\/check\] this app is not ready/);
    expect(fs.readdirSync(tmp).filter((f) => f.includes('topology'))).toEqual([]);
  });

  test('one writer per app; other options on a later call are refused', () => {
    const a = app();
    const first = TopologyGraph.writeAtSynth(a);
    expect(TopologyGraph.writeAtSynth(new Chart(a, 'c'))).toBe(first);
    expect(() => TopologyGraph.writeAtSynth(a, { format: TopologyFormat.DOT })).toThrow(
      "invalid configuration:\n  (app): TopologyGraph.writeAtSynth options {\"format\":\"dot\"} differ from the options it already has (format markdown, outdir (the app's)). "
      + 'Pass the options on the first TopologyGraph.writeAtSynth() call only.');
    expect(() => TopologyGraph.writeAtSynth(new App(), { outdir: '' })).toThrow('outdir "" must be a directory name');
  });

  test('outdir and DOT format', () => {
    const a = app();
    new ApiObject(new Chart(a, 'x'), 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' } });
    TopologyGraph.writeAtSynth(a, { outdir: path.join(tmp, 'pictures'), format: TopologyFormat.DOT });
    a.synth();
    expect(fs.readFileSync(path.join(tmp, 'pictures', 'x.topology.dot'), 'utf8')).toMatch(/^digraph topology \{/);
  });
});
