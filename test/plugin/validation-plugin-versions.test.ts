import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart } from 'cdk8s';
import { ValidationContext } from 'cdk8s-cli/plugins';
import { stringify } from 'yaml';
import { GoldenPathsValidationPlugin, GoldenPathsPluginProps } from '../../src';
import { WIDGET_CRD } from '../validation/rules/sch.fixtures';

/*
 * The plugin's kubernetesVersion and crdFiles properties (cdk8s.yaml, validations: properties:).
 */

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gp-plugin-versions-')); });
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });

async function run(build: (chart: Chart) => void, props: GoldenPathsPluginProps) {
  const outdir = fs.mkdtempSync(path.join(dir, 'out-'));
  const app = new App({ outdir, recordConstructMetadata: true });
  build(new Chart(app, 'shop'));
  app.synth();
  const manifests = fs.readdirSync(outdir).filter((f) => f.endsWith('.yaml')).map((f) => path.join(outdir, f));
  const metadata = JSON.parse(fs.readFileSync(path.join(outdir, 'construct-metadata.json'), 'utf-8')).resources;
  const context = new ValidationContext(manifests, 'cdk8s-golden-paths', '0.0.0', metadata, false);
  await new GoldenPathsValidationPlugin(props).validate(context);
  return context.report;
}

const flowSchema = (chart: Chart) => new ApiObject(chart, 'flow', {
  apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2',
  kind: 'FlowSchema',
  metadata: { name: 'batch-jobs' },
  spec: { priorityLevelConfiguration: { name: 'workload-low' }, matchingPrecedence: 1000 },
} as any);

const widget = (chart: Chart) => new ApiObject(chart, 'widget', {
  apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { size: 'medium' },
} as any);

describe('plugin properties', () => {
  test('kubernetesVersion: an API removed in 1.29 passes with a warning on "1.27" and fails on "1.29"', async () => {
    const old = await run(flowSchema, { kubernetesVersion: '1.27' as any });
    expect(old.success).toBe(true);
    expect(old.toJson().violations.map((v) => v.ruleName)).toEqual([expect.stringMatching(/^SCH-004 \(warning\)/)]);
    const now = await run(flowSchema, { kubernetesVersion: '1.29' as any });
    expect(now.success).toBe(false);
    expect(now.toJson().violations[0].violatingConstructs[0].locations.join('\n')).toContain('was removed in Kubernetes 1.29; the target is 1.29');
  });

  test('crdFiles: objects of the CRD are checked against its schema', async () => {
    const crd = path.join(dir, 'widget-crd.yaml');
    fs.writeFileSync(crd, stringify(WIDGET_CRD));
    const report = await run(widget, { crdFiles: [crd] });
    expect(report.success).toBe(false);
    expect(report.toJson().violations[0].violatingConstructs[0].locations.join('\n')).toContain('spec.size must be one of small, large, got "medium"');
  });

  test('a bad configuration fails with what is wrong', async () => {
    const bad = await run(flowSchema, { kubernetesVersion: '1.99' as any });
    expect(bad.success).toBe(false);
    expect(bad.toJson().violations[0].violatingConstructs[0].locations).toEqual(['kubernetesVersion "1.99" is not a Kubernetes minor the validator knows (1.27 to 1.36)']);
    const noCrd = path.join(dir, 'empty.yaml');
    fs.writeFileSync(noCrd, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n');
    const missing = await run(widget, { crdFiles: [noCrd] });
    expect(missing.success).toBe(false);
    expect(missing.toJson().violations[0].violatingConstructs[0].locations[0]).toContain('hold no CustomResourceDefinition of apiextensions.k8s.io/v1');
  });
});
