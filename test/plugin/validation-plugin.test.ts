import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart } from 'cdk8s';
import { ValidationContext } from 'cdk8s-cli/plugins';
import { GoldenPathsValidationPlugin } from '../../src';

/** Synthesizes an app that uses none of our constructs, as `cdk8s synth` does with validations configured. */
function synthApp(build: (chart: Chart) => void): { manifests: string[]; metadata: Record<string, { path: string }> } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'gp-plugin-'));
  const app = new App({ outdir, recordConstructMetadata: true });
  build(new Chart(app, 'shop'));
  app.synth();
  const manifests = fs.readdirSync(outdir).filter((f) => f.endsWith('.yaml')).map((f) => path.join(outdir, f));
  const raw = JSON.parse(fs.readFileSync(path.join(outdir, 'construct-metadata.json'), 'utf-8'));
  return { manifests, metadata: raw.resources };
}

async function run(build: (chart: Chart) => void, props = {}) {
  const { manifests, metadata } = synthApp(build);
  const context = new ValidationContext(manifests, 'cdk8s-golden-paths', '0.0.0', metadata, false);
  await new GoldenPathsValidationPlugin(props).validate(context);
  return context.report;
}

const claim = (chart: Chart, id: string, spec: any) => new ApiObject(chart, id, {
  apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: id }, spec,
} as any);

describe('cdk8s-cli validation plugin', () => {
  test('a clean app passes', async () => {
    const report = await run((chart) => claim(chart, 'data', {
      accessModes: ['ReadWriteOnce'], storageClassName: 'standard', resources: { requests: { storage: '1Gi' } },
    }), { knownStorageClasses: [{ name: 'standard', provisioner: 'ebs.csi.aws.com' }] });
    expect(report.success).toBe(true);
    expect(report.toJson().violations).toEqual([]);
  });

  test('violations name the rule, the resource, the manifest and the construct path', async () => {
    const report = await run((chart) => claim(chart, 'data', {
      accessModes: ['ReadWriteOnce'], storageClass: 'standard', resources: { requests: { storage: '1Gi' } },
    }));
    expect(report.success).toBe(false);
    const json = report.toJson();
    const v = json.violations.find((x) => x.ruleName.startsWith('SCH-001'))!;
    expect(v).toBeDefined();
    expect(v.fix.length).toBeGreaterThan(10);
    expect(v.violatingConstructs[0].constructPath).toBe('shop/data');
    expect(v.violatingConstructs[0].resourceName).toBe('data');
    expect(v.violatingConstructs[0].manifestPath).toMatch(/shop\.k8s\.yaml$/);
    expect(v.violatingConstructs[0].locations.join('\n')).toContain('did you mean storageClassName?');
    expect(json.summary.metadata).toMatchObject({ objects: '1' });
    expect(report.toString()).toContain('Construct Path: shop/data');
  });

  test('warnings pass unless failOnWarnings', async () => {
    const build = (chart: Chart) => new ApiObject(chart, 'web', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web' },
      spec: { containers: [{ name: 'web', image: 'nginx:latest' }] },
    });
    const lenient = await run(build);
    // the pod breaks hardening advice only (warnings): no branch on the outcome, so both halves are always checked
    const warnings = lenient.toJson().violations.filter((v) => v.ruleName.includes('(warning)'));
    const errors = lenient.toJson().violations.filter((v) => v.ruleName.includes('(error)'));
    expect(errors).toEqual([]);
    expect(warnings.map((v) => v.ruleName.slice(0, 7)).sort()).toEqual(['SEC-005', 'SEC-008', 'SEC-013', 'SEC-015', 'SEC-018', 'SEC-026', 'SEC-028', 'WKL-022', 'WKL-023', 'WKL-024']);
    expect(lenient.success).toBe(true);
    expect((await run(build, { failOnWarnings: true })).success).toBe(false);
  });

  test('the class is exported under the name cdk8s.yaml uses', () => {
    // cdk8s-cli loads `require(<package>)[<class>]` and calls `new clazz(properties ?? {})`
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require('../../src');
    expect(typeof new mod.GoldenPathsValidationPlugin({}).validate).toBe('function');
  });
});
