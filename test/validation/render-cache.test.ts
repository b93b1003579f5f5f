import { App, Chart, Size } from 'cdk8s';
import { Cpu, Secret, k8s } from 'cdk8s-plus-27';
import { DatabaseEngine, ExistingStorageClass, GoldenPathValidation, StatefulDatabase, Warnings } from '../../src';

/** A database in a fresh app; its objects are rendered at synth by the validation pass and written by cdk8s. */
function app(): App {
  const a = new App();
  Warnings.of(a).sink = Warnings.SILENT;
  const chart = new Chart(a, 'shop', { namespace: 'shop' });
  new StatefulDatabase(chart, 'orders-db', {
    engine: DatabaseEngine.postgres({ version: '16.4' }),
    storage: { size: Size.gibibytes(20), storageClass: ExistingStorageClass.exoscaleBlockStorage() },
    credentials: { secret: Secret.fromSecretName(chart, 'creds', 'orders-db-credentials') },
    cpu: Cpu.millis(500),
    memory: Size.gibibytes(2),
  });
  return a;
}

describe('the render cache of the synth-time validation pass', () => {
  afterEach(() => jest.restoreAllMocks());

  test('the cdk8s-plus objects a construct creates (client Service, ServiceAccount) render once per synth, as its own objects do', () => {
    const service = jest.spyOn(k8s.KubeService.prototype, 'toJson');
    const account = jest.spyOn(k8s.KubeServiceAccount.prototype, 'toJson');
    const statefulSet = jest.spyOn(k8s.KubeStatefulSet.prototype, 'toJson');
    const yaml = app().synthYaml();
    expect(yaml).toContain('kind: ServiceAccount');
    expect(account).toHaveBeenCalledTimes(1);
    expect(service).toHaveBeenCalledTimes(2); // the headless Service (a rendersOnce class) and the client Service, once each
    expect(statefulSet).toHaveBeenCalledTimes(1);
  });

  test('outside a synth (findings()), nothing is cached: the synth that follows renders again', () => {
    const account = jest.spyOn(k8s.KubeServiceAccount.prototype, 'toJson');
    const a = app();
    GoldenPathValidation.of(a).findings();
    expect(account).toHaveBeenCalledTimes(1);
    a.synthYaml();
    expect(account).toHaveBeenCalledTimes(2);
  });
});
