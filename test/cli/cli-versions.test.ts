import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { main } from '../../src/cli/main';
import { WIDGET_CRD } from '../validation/rules/sch.fixtures';

/*
 * The CLI's --kubernetes-version and --crd.
 */

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => { out += s; }, stderr: (s) => { err += s; } });
  return { code, out, err };
}

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gp-cli-versions-')); });
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });

function write(name: string, docs: any[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, docs.map((d) => stringify(d)).join('---\n'));
  return file;
}

const SIDECAR = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } },
        initContainers: [{ name: 'proxy', image: 'registry.example.com/proxy:1.0', restartPolicy: 'Always' }],
        containers: [{ name: 'web', image: 'registry.example.com/web:1.0' }],
      },
    },
  },
};

const FLOW_SCHEMA = {
  apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2',
  kind: 'FlowSchema',
  metadata: { name: 'batch-jobs' },
  spec: { priorityLevelConfiguration: { name: 'workload-low' }, matchingPrecedence: 1000 },
};

const WIDGET = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'default' }, spec: { size: 'medium' } };

describe('--kubernetes-version', () => {
  test('a native sidecar: exit 1 on 1.27 (a field from 1.28 on), no schema error on 1.29 and by default', async () => {
    const file = write('sidecar.yaml', [SIDECAR]);
    const old = await cli(['validate', '--kubernetes-version', '1.27', file, '--format', 'json']);
    expect(old.code).toBe(1);
    expect(JSON.parse(old.out).findings.filter((f: any) => f.ruleId === 'SCH-001').map((f: any) => f.message)).toEqual([
      'spec.template.spec.initContainers[0].restartPolicy is not a field of spec.template.spec.initContainers[0] in Kubernetes 1.27 (the validation\'s target); it is a field from Kubernetes 1.28 on',
    ]);
    for (const args of [['--kubernetes-version=v1.29'], []]) {
      const r = await cli(['validate', ...args, file, '--format', 'json']);
      expect(JSON.parse(r.out).findings.filter((f: any) => f.ruleId.startsWith('SCH-'))).toEqual([]);
    }
  });

  test('an API removed in 1.29: a warning (exit 0) on 1.27, an error (exit 1) on 1.29', async () => {
    const file = write('flow.yaml', [FLOW_SCHEMA]);
    const old = await cli(['validate', '--kubernetes-version', '1.27', file]);
    expect(old.out).toContain('warning SCH-004 FlowSchema/batch-jobs');
    expect(old.out).toContain('is removed in Kubernetes 1.29 (served up to 1.28; the target is 1.27)');
    expect(old.code).toBe(0);
    const now = await cli(['validate', '--kubernetes-version', '1.29', file]);
    expect(now.out).toContain('error SCH-004 FlowSchema/batch-jobs');
    expect(now.code).toBe(1);
  });

  test('an unknown version is a usage error (exit 2) naming the versions known', async () => {
    const r = await cli(['validate', '--kubernetes-version', '1.26', write('x.yaml', [FLOW_SCHEMA])]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('cdk8s-golden-paths: --kubernetes-version must be a minor from 1.27 to 1.36 (e.g. 1.33), not "1.26"');
  });

  test('--help names the option and the default', async () => {
    const r = await cli(['validate', '--help']);
    expect(r.out).toContain('--kubernetes-version <1.X>');
    expect(r.out).toContain('(default 1.33)');
    expect(r.out).toContain('--crd <file>');
  });
});

describe('--crd', () => {
  test('objects of the CRD are checked against its schema; without it, a warning that they are not validated', async () => {
    const crd = write('widget-crd.yaml', [WIDGET_CRD]);
    const widget = write('widget.yaml', [WIDGET]);
    const without = await cli(['validate', widget]);
    expect(without.code).toBe(0);
    expect(without.out).toContain('warning SCH-005 Widget/default/w');
    const withCrd = await cli(['validate', '--crd', crd, widget]);
    expect(withCrd.code).toBe(1);
    expect(withCrd.out).toContain('error SCH-002 Widget/default/w');
    expect(withCrd.out).toContain('spec.size must be one of small, large, got "medium"');
  });

  test('repeatable; a file without a CRD or a missing file is a usage error (exit 2)', async () => {
    const crd = write('widget-crd2.yaml', [WIDGET_CRD]);
    const notCrd = write('not-crd.yaml', [FLOW_SCHEMA]);
    const widget = write('widget2.yaml', [WIDGET]);
    const r = await cli(['validate', '--crd', crd, '--crd', notCrd, widget]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--crd ${notCrd}: no CustomResourceDefinition (apiextensions.k8s.io/v1 with spec.group, spec.names and spec.versions) in it`);
    const missing = await cli(['validate', '--crd', path.join(dir, 'nope.yaml'), widget]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--crd: ');
  });
});

describe('graph marks the findings of the same target and CRDs as validate', () => {
  test('--kubernetes-version: the removed API is an error (red) on 1.29, a warning (amber) on 1.27', async () => {
    const file = write('flow-graph.yaml', [FLOW_SCHEMA]);
    const old = await cli(['graph', '--kubernetes-version', '1.27', file]);
    expect(old.code).toBe(0);
    expect(old.out).toContain('SCH-004');
    expect(old.out).toMatch(/class \S+ warn/);
    expect(old.out).not.toMatch(/class \S+ error/);
    const now = await cli(['graph', '--kubernetes-version=1.29', file]);
    expect(now.out).toMatch(/class \S+ error/);
  });

  test('--crd: the Widget is marked with its schema error; a bad version or CRD file is a usage error (exit 2)', async () => {
    const crd = write('widget-crd3.yaml', [WIDGET_CRD]);
    const widget = write('widget3.yaml', [WIDGET]);
    const withCrd = await cli(['graph', '--crd', crd, widget]);
    expect(withCrd.code).toBe(0);
    expect(withCrd.out).toContain('SCH-002');
    const badVersion = await cli(['graph', '--kubernetes-version', '1.26', widget]);
    expect(badVersion.code).toBe(2);
    expect(badVersion.err).toContain('--kubernetes-version must be a minor from 1.27 to 1.36 (e.g. 1.33), not "1.26"');
    const badCrd = await cli(['graph', '--crd', widget, widget]);
    expect(badCrd.code).toBe(2);
    expect(badCrd.err).toContain(`--crd ${widget}: no CustomResourceDefinition`);
  });
});
