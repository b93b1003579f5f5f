import { App, Chart } from 'cdk8s';
import { BlockProvisioner, BlockStorageClass, GoldenPathValidation, Validator } from '../../src';
import { allRules } from '../../src/validation/registry';
import { RuleContext } from '../../src/validation/rule';
import { runValidation } from '../../src/validation/validate';

describe('validator core', () => {
  test('a suppression with a reason silences one rule for one object', () => {
    const sc = (name: string, annotations?: Record<string, string>) => ({
      apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name, annotations }, provisioner: 'csi.exoscale.com', volumeBindingMode: 'Immediate',
    });
    const findings = Validator.validate([
      sc('a', { 'golden-paths.dev/suppress.STO-005': 'single-zone lab cluster, zones do not matter here' }),
      sc('b'),
    ]);
    expect(findings.map((f) => `${f.ruleId} ${f.name}`)).toEqual(['STO-005 b']);
  });

  test('a suppression naming an unknown rule is an error', () => {
    const findings = Validator.validate([{
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', annotations: { 'golden-paths.dev/suppress.NOPE-001': 'a long enough reason' } },
    }]);
    expect(findings.map((f) => f.message)).toEqual(['suppression names unknown rule "NOPE-001"']);
  });

  test('a rule that throws becomes a VAL-002 finding, the other rules still run', () => {
    const broken = { ...allRules()[0], id: 'TST-001', check: (_: RuleContext) => { throw new Error('boom'); } };
    const findings = runValidation([{ object: { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'x' }, provisioner: 'kubernetes.io/aws-ebs' } }], {}, [...allRules(), broken]);
    expect(findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['VAL-002', 'STO-001']));
    expect(findings.find((f) => f.ruleId === 'VAL-002')!.message).toBe('rule TST-001 failed: boom');
  });

  test('kinds with no known schema pass through, reported once per kind as not validated (a warning)', () => {
    const cert = (name: string) => ({ apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name }, spec: { anything: true } });
    const findings = Validator.validate([cert('a'), cert('b')]);
    expect(findings.map((f) => `${f.severity} ${f.ruleId} ${f.name}: ${f.message}`)).toEqual([
      'warning SCH-005 a: no schema known for Certificate in apiVersion cert-manager.io/v1: its 2 objects are not validated against a schema',
    ]);
  });

  test('values of the wrong type anywhere never crash a rule', () => {
    const weird = [null, 1, 'x', [], {}, { apiVersion: 1, kind: {} }, { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: 'x', spec: [] },
      { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 3, annotations: [] }, provisioner: 7, parameters: 'x', allowedTopologies: {} }];
    const findings = Validator.validate(weird);
    expect(findings.filter((f) => f.ruleId === 'VAL-002')).toEqual([]);
    expect(findings.some((f) => f.ruleId === 'VAL-003')).toBe(true);
  });

  test('findings() reports every finding of the app, warnings included', () => {
    const app = new App();
    const chart = new Chart(app, 'c');
    new BlockStorageClass(chart, 'sbs', { provisioner: BlockProvisioner.exoscale(), volumeBindingMode: 'Immediate' as any });
    const findings = GoldenPathValidation.of(app).findings();
    expect(findings.map((f) => `${f.severity} ${f.ruleId} ${f.constructPath}`)).toEqual(['warning STO-005 c/sbs/Resource']);
  });

  test('failOnWarnings turns warnings into synth errors', () => {
    const app = new App();
    GoldenPathValidation.of(app).failOnWarnings = true;
    const chart = new Chart(app, 'c');
    new BlockStorageClass(chart, 'sbs', { provisioner: BlockProvisioner.exoscale(), volumeBindingMode: 'Immediate' as any });
    expect(() => app.synthYaml()).toThrow(/\[c\/sbs\] STO-005 StorageClass\/sbs \(c\/sbs\/Resource\): volumeBindingMode is Immediate/);
  });

  test('classes declared by constructs are listed, so other doors (DeployLock) check against them too', () => {
    const app = new App();
    GoldenPathValidation.of(app).addKnownStorageClass({ name: 'exoscale-block-storage', provisioner: 'csi.exoscale.com' });
    expect(GoldenPathValidation.of(new Chart(app, 'c')).knownStorageClasses()).toEqual([{ name: 'exoscale-block-storage', provisioner: 'csi.exoscale.com' }]);
  });

  test('policy requireTls counts wildcard TLS hosts as certificates do (one label deep)', () => {
    const ingress = (host: string) => ({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: host.replace(/\./g, '-') },
      spec: {
        ingressClassName: 'nginx',
        tls: [{ hosts: ['*.example.com'], secretName: 'wild-tls' }],
        rules: [{ host, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }],
      },
    });
    const findings = Validator.validate([ingress('a.example.com'), ingress('a.b.example.com'), ingress('example.com')], { policies: [{ policy: { requireTls: true } }] })
      .filter((f) => f.ruleId === 'POL-002').map((f) => f.message);
    expect(findings).toEqual([
      'host a.b.example.com is served without TLS, which the platform policy forbids',
      'host example.com is served without TLS, which the platform policy forbids',
    ]);
  });

  test('format gives one line per finding', () => {
    const [f] = Validator.validate([{ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'gp2' }, provisioner: 'kubernetes.io/aws-ebs' }]);
    expect(Validator.format(f)).toBe('error STO-001 StorageClass/gp2: provisioner kubernetes.io/aws-ebs (Amazon EBS in-tree plugin) was removed in Kubernetes 1.27. Fix: Use the CSI provisioner ebs.csi.aws.com.');
  });
});
