/**
 * Every object at synth (issue 17): the app's own objects (hand-written cdk8s-plus objects and ApiObjects in the same
 * app as the library's constructs) are validated at `cdk8s synth` with the same rules. What the cluster would reject
 * fails synth; practice rules are warnings on them unless the platform enforces them.
 */
import { ApiObject, App, Chart, Size } from 'cdk8s';
import { Deployment, PersistentVolumeAccessMode, PersistentVolumeClaim } from 'cdk8s-plus-27';
import { GoldenPathValidation, PlatformPolicy, RuleBasis, Severity, Validator, Warnings } from '../../src';

/** The class Exoscale SKS installs, made known to the app's validator (as a construct using it does). */
function knowExoscale(a: App): void {
  GoldenPathValidation.of(a).addKnownStorageClass({ name: 'exoscale-block-storage', provisioner: 'csi.exoscale.com' });
}

/** An app whose warnings are collected, with one chart. */
function app(): { app: App; chart: Chart; warnings: () => string[] } {
  const a = new App();
  Warnings.of(a).sink = Warnings.SILENT;
  const chart = new Chart(a, 'shop', { namespace: 'shop' });
  return { app: a, chart, warnings: () => Warnings.of(a).messages() };
}

function synthError(a: App): string {
  try {
    a.synthYaml();
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

/** A cdk8s-plus Deployment as people write it: cdk8s-plus defaults (non-root, read-only root), no seccomp profile. */
function handWrittenDeployment(chart: Chart, id = 'web'): Deployment {
  return new Deployment(chart, id, { containers: [{ image: 'nginx:1.27', portNumber: 8080 }] });
}

/** A Deployment with a privileged container (SEC-002, a practice error). */
function privilegedDeployment(chart: Chart): ApiObject {
  return new ApiObject(chart, 'agent', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'agent' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: {
        metadata: { labels: { app: 'agent' } },
        spec: { containers: [{ name: 'agent', image: 'agent:1.0', securityContext: { privileged: true } }] },
      },
    },
  });
}

describe('the app\'s own objects at synth', () => {
  test('a hand-written cdk8s-plus PVC with ReadWriteMany on exoscale-block-storage fails synth with STO-010', () => {
    const { app: a, chart } = app();
    knowExoscale(a);
    new PersistentVolumeClaim(chart, 'uploads', {
      storageClassName: 'exoscale-block-storage',
      accessModes: [PersistentVolumeAccessMode.READ_WRITE_MANY],
      storage: Size.gibibytes(10),
    });
    const error = synthError(a);
    expect(error).toContain('STO-010 PersistentVolumeClaim/');
    expect(error).toContain('(shop/uploads/Resource): ReadWriteMany on storage class exoscale-block-storage (Exoscale Block Storage, block storage');
  });

  test('a hand-written ReadWriteMany claim on an OpenEBS LocalPV class fails synth too (node-local storage)', () => {
    const { app: a, chart } = app();
    new ApiObject(chart, 'hostpath', {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'openebs-hostpath' },
      provisioner: 'openebs.io/local',
      reclaimPolicy: 'Retain',
      volumeBindingMode: 'WaitForFirstConsumer',
    });
    new PersistentVolumeClaim(chart, 'cache', {
      storageClassName: 'openebs-hostpath', accessModes: [PersistentVolumeAccessMode.READ_WRITE_MANY], storage: Size.gibibytes(5),
    });
    GoldenPathValidation.of(a); // any use of the library turns the synth-time door on
    expect(synthError(a)).toContain('STO-010 PersistentVolumeClaim/');
    expect(synthError(a)).toContain('node-local storage: its volume lives on one node');
  });

  test('a hand-written Deployment without seccomp gives a warning, not an error, unless the platform asks', () => {
    const { app: a, chart, warnings } = app();
    knowExoscale(a);
    handWrittenDeployment(chart);
    expect(synthError(a)).toBe('');
    expect(warnings().filter((w) => w.startsWith('warning SEC-018'))).toEqual([
      expect.stringMatching(/^warning SEC-018 Deployment\/shop-web-c8\w+ \(shop\/web\/Resource\): container main: no seccomp profile/),
    ]);

    const strict = app();
    PlatformPolicy.apply(strict.app, { enforcePracticesOnAppObjects: true });
    handWrittenDeployment(strict.chart);
    expect(synthError(strict.app)).toMatch(/SEC-018 Deployment\/shop-web-c8\w+ \(shop\/web\/Resource\): container main: no seccomp profile/);
  });

  test('a practice error (privileged container) is a warning on the app\'s own objects, naming the policy that enforces it', () => {
    const { app: a, chart, warnings } = app();
    knowExoscale(a);
    privilegedDeployment(chart);
    expect(synthError(a)).toBe('');
    const w = warnings().filter((x) => x.startsWith('warning SEC-002'));
    expect(w).toEqual(['warning SEC-002 Deployment/agent (shop/agent): container agent: securityContext.privileged is true. '
      + 'Fix: Remove securityContext.privileged; add only the capability the process needs, if any. (a practice rule: a warning on the app\'s own objects; '
      + 'PlatformPolicy enforcePracticesOnAppObjects makes it an error)']);
    // the validator itself still calls it an error (the CLI and findings() are unchanged)
    expect(GoldenPathValidation.of(a).findings().filter((f) => f.ruleId === 'SEC-002').map((f) => f.severity)).toEqual([Severity.ERROR]);
  });

  test('the platform can make practice rules errors on the app\'s own objects (enforcePracticesOnAppObjects)', () => {
    const { app: a, chart } = app();
    PlatformPolicy.apply(a, { enforcePracticesOnAppObjects: true });
    privilegedDeployment(chart);
    const error = synthError(a);
    expect(error).toContain('SEC-002 Deployment/agent (shop/agent): container agent: securityContext.privileged is true');
    expect(error).not.toContain('a practice rule');
  });

  test('a policy on one chart enforces practices there only', () => {
    const { app: a, chart } = app();
    const strict = new Chart(a, 'payments', { namespace: 'payments' });
    PlatformPolicy.apply(strict, { enforcePracticesOnAppObjects: true });
    privilegedDeployment(chart);
    privilegedDeployment(strict);
    const error = synthError(a);
    expect(error).toContain('SEC-002 Deployment/agent (payments/agent)');
    expect(error).not.toContain('(shop/agent)');
  });

  test('a suppression annotation with a reason silences a finding on the app\'s own objects, as anywhere', () => {
    const claim = (reason: string): App => {
      const { app: a, chart } = app();
      knowExoscale(a);
      const pvc = new PersistentVolumeClaim(chart, 'uploads', {
        storageClassName: 'exoscale-block-storage', accessModes: [PersistentVolumeAccessMode.READ_WRITE_MANY], storage: Size.gibibytes(10),
      });
      pvc.metadata.addAnnotation('golden-paths.dev/suppress.STO-010', reason);
      return a;
    };
    expect(synthError(claim('raw block clustered file system, fenced by the application'))).toBe('');
    expect(synthError(claim('ok'))).toContain('VAL-001 PersistentVolumeClaim/');
  });

  test('strict mode (failOnWarnings) fails on the app\'s own warnings too', () => {
    const { app: a, chart } = app();
    knowExoscale(a);
    handWrittenDeployment(chart);
    GoldenPathValidation.of(a).failOnWarnings = true;
    expect(synthError(a)).toContain('SEC-013 Deployment/');
  });

  test('an app without any use of the library is not validated at synth (the cdk8s-cli plugin is its door)', () => {
    const a = new App();
    privilegedDeployment(new Chart(a, 'plain'));
    expect(() => a.synthYaml()).not.toThrow();
  });

  test('every security rule and ING-011 rest on a practice; every other rule on the cluster', () => {
    const rules = Validator.rules();
    expect(rules.length).toBeGreaterThan(100);
    const practice = rules.filter((r) => r.basis === RuleBasis.PRACTICE).map((r) => r.id);
    expect(practice).toContain('SEC-002');
    expect(practice).toContain('ING-011');
    for (const r of rules) {
      if (r.family === 'security') expect(`${r.id} ${r.basis}`).toBe(`${r.id} practice`);
      expect([RuleBasis.CLUSTER, RuleBasis.PRACTICE]).toContain(r.basis);
    }
  });

  test('the validation runs once per synth pass, whatever the number of constructs and objects', () => {
    const { app: a, chart } = app();
    knowExoscale(a);
    for (let i = 0; i < 5; i++) handWrittenDeployment(chart, `web-${i}`);
    const validation = GoldenPathValidation.of(a) as any;
    const compute = jest.spyOn(validation, 'compute');
    a.synthYaml();
    expect(compute.mock.results.length).toBeGreaterThan(0);
    expect(new Set(compute.mock.results.map((r) => r.value)).size).toBe(1);
  });
});
