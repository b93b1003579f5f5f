import { baseline, changed, clone, find, storageClass } from './objects';
import { Severity } from '../../src';
import { compareLock } from '../../src/lock/compare';
import { computeLock } from '../../src/lock/extract';


describe('lock contents', () => {
  test('records the immutable fields readably where small, hashed where large', () => {
    const lock = computeLock(baseline());
    const sts = lock.objects.find((o) => o.kind === 'StatefulSet')!;
    expect(sts).toEqual({
      kind: 'StatefulSet',
      namespace: 'orders',
      name: 'db',
      fields: {
        'podManagementPolicy': 'OrderedReady',
        'selector': 'app=db',
        'serviceName': 'db-headless',
        'volumeClaimTemplates': 'data',
        'volumeClaimTemplates[data].accessModes': 'ReadWriteOnce',
        'volumeClaimTemplates[data].storage': '10Gi',
        'volumeClaimTemplates[data].storageClassName': 'fast',
        'volumeClaimTemplates[data].volumeMode': 'Filesystem',
      },
    });
    expect(lock.objects.find((o) => o.kind === 'StorageClass')!.fields).toEqual({
      'parameters[type]': 'gp3', 'provisioner': 'ebs.csi.aws.com', 'reclaimPolicy': 'Delete', 'volumeBindingMode': 'WaitForFirstConsumer',
    });
    expect(lock.objects.find((o) => o.kind === 'Job')!.fields.template).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(lock.objects.find((o) => o.kind === 'PersistentVolume')!.fields).toEqual({
      'capacity': '100Gi', 'source': 'nfs', 'source[nfs]': '{"path":"/export","server":"10.0.0.1"}', 'volumeMode': 'Filesystem',
    });
    expect(lock.objects.find((o) => o.kind === 'Service')!.fields).toEqual({ clusterIP: 'None' });
    // kinds with nothing immutable that matters are not locked
    expect(computeLock([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: 'b' } }]).objects).toEqual([]);
  });


  test('the namespace a Chart stamps on cluster-scoped objects is ignored', () => {
    const withNs = storageClass('fast', 'ebs.csi.aws.com');
    withNs.metadata.namespace = 'apps';
    expect(computeLock([withNs]).objects[0].namespace).toBeUndefined();
    expect(compareLock(computeLock([storageClass('fast', 'ebs.csi.aws.com')]), [withNs])).toEqual([]);
  });

  test('odd input never crashes', () => {
    const weird: any[] = [null, 1, 'x', [], {}, { kind: 'StatefulSet' }, { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'a' }, spec: [] },
      { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'b' }, spec: { volumeClaimTemplates: [null, 3, { spec: 'x' }], selector: 'x', replicas: 'many' } },
      { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c' }, spec: { resources: { requests: { storage: {} } }, accessModes: 'RWO' } },
      { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'd' }, provisioner: 7, parameters: [1] },
      { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'e' }, spec: { capacity: 'big', nfs: null } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'f' }, spec: { clusterIP: 5 } }];
    const lock = computeLock(weird);
    expect(lock.objects.map((o) => o.name)).toEqual(['e', 'c', 'f', 'a', 'b', 'd']);
    const mutated = clone(weird);
    mutated[7].spec.volumeClaimTemplates = { x: 1 };
    mutated[8].spec.resources.requests.storage = '1Gi';
    mutated[10].spec.capacity = { storage: 'tiny' };
    expect(() => compareLock(lock, mutated)).not.toThrow();
    expect(compareLock(lock, weird)).toEqual([]);
    expect(() => computeLock('nope' as any)).not.toThrow();
  });


  test('a kind named like an Object member is not locked (it crashed the lock)', () => {
    const odd = ['constructor', 'toString', '__proto__', 'hasOwnProperty'].map((kind) => ({ apiVersion: 'v1', kind, metadata: { name: 'x' } }));
    expect(computeLock(odd).objects).toEqual([]);
    expect(compareLock(computeLock(baseline()), [...baseline(), ...odd])).toEqual([]);
  });

  test('fields that may change are not locked', () => {
    expect(changed((o) => {
      const sts = find(o, 'StatefulSet');
      sts.spec.replicas = 5;
      sts.spec.template.spec.containers[0].image = 'postgres:17';
      sts.spec.updateStrategy = { type: 'OnDelete' };
      find(o, 'StorageClass').allowVolumeExpansion = false;
      find(o, 'StorageClass').mountOptions = ['noatime'];
      find(o, 'Deployment').spec.replicas = 4;
      find(o, 'Service').spec.ports = [{ port: 5433 }];
      find(o, 'PersistentVolume').spec.persistentVolumeReclaimPolicy = 'Delete';
    })).toEqual([]);
  });

  test('switching a Service to and from ExternalName is allowed', () => {
    expect(changed((o) => { find(o, 'Service').spec = { type: 'ExternalName', externalName: 'db.example.com' }; })
      .filter((v) => v.severity === Severity.ERROR)).toEqual([]);
  });

});
