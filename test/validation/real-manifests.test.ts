import * as fs from 'fs';
import * as path from 'path';
import { KubernetesVersion, Severity, Validator } from '../../src';
import { loadManifestFiles } from '../../src/cli/load-manifests';
import { main } from '../../src/cli/main';

/**
 * Correct manifests as users of the Kubernetes storage material write them (test/manifests/*.yaml) produce no error.
 * Warnings (hardening advice) are allowed: these are the docs' examples, not restricted pods.
 */
const DIR = path.join(__dirname, '..', 'manifests');
const EXOSCALE = [{ name: 'exoscale-block-storage', provisioner: 'csi.exoscale.com' }];

describe('real-world manifests', () => {
  const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

  test('the examples are there', () => {
    expect(files).toEqual([
      'cnpg-cluster.yaml', 'exoscale-block-claim-pod.yaml', 'exoscale-statefulset.yaml', 'gateway-httproute.yaml', 'hostpath-pv-pvc-pod.yaml',
      'job-pod-failure-policy.yaml', 'mariadb.yaml', 'mongodb-community.yaml', 'native-sidecar-deployment.yaml', 'statefulset-without-service-name.yaml',
    ]);
  });

  test.each(files)('%s has no error', async (file) => {
    const loaded = await loadManifestFiles([path.join(DIR, file)]);
    expect(loaded.errors).toEqual([]);
    expect(loaded.inputs.length).toBeGreaterThan(0);
    const errors = Validator.validateInputs(loaded.inputs, { knownStorageClasses: EXOSCALE })
      .filter((f) => f.severity === Severity.ERROR);
    expect(errors.map((f) => Validator.format(f))).toEqual([]);
  });

  test('all together (cross-object rules) exit 0 through the CLI', async () => {
    let out = '';
    let err = '';
    const code = await main(['validate', DIR, '--known-storage-class', 'exoscale-block-storage=csi.exoscale.com'],
      { stdout: (s) => { out += s; }, stderr: (s) => { err += s; } });
    expect(err).toBe('');
    expect(out).toMatch(/^0 errors, \d+ warnings? in 21 objects from 10 files$/m);
    expect(code).toBe(0);
  });

  // the examples of fields from 1.28 on (native sidecars, backoffLimitPerIndex) pass on every later minor
  test.each(['1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36'].map((v) => [v]))('all of them have no error on Kubernetes %s', async (v) => {
    const loaded = await loadManifestFiles(files.map((f) => path.join(DIR, f)));
    const errors = Validator.validateInputs(loaded.inputs, { knownStorageClasses: EXOSCALE, kubernetesVersion: v as KubernetesVersion })
      .filter((f) => f.severity === Severity.ERROR);
    expect(errors.map((f) => Validator.format(f))).toEqual([]);
  });

  test('the hostPath example is flagged as single-node only (a warning, not an error)', async () => {
    const loaded = await loadManifestFiles([path.join(DIR, 'hostpath-pv-pvc-pod.yaml')]);
    const findings = Validator.validateInputs(loaded.inputs);
    const pv = findings.filter((f) => f.kind === 'PersistentVolume');
    expect(pv.length).toBeGreaterThan(0);
    expect(pv.filter((f) => f.severity !== Severity.WARNING).map((f) => Validator.format(f))).toEqual([]);
  });
});
