import { baseline, changed, claim, ebs, find } from './objects';
import { DeployLock, Severity } from '../../src';

describe('each immutable field', () => {
  const cases: Array<[string, string, string, (o: any[]) => void, string, string, RegExp]> = [
    ['StatefulSet', 'selector', 'app=db', (o) => { find(o, 'StatefulSet').spec.selector.matchLabels.tier = 'data'; }, 'app=db,tier=data', '', /--cascade=orphan.*adopts only pods its new selector matches/],
    ['StatefulSet', 'serviceName', 'db-headless', (o) => { find(o, 'StatefulSet').spec.serviceName = 'db-peers'; }, 'db-peers', '', /Create the headless Service db-peers first[\s\S]*delete statefulset db --cascade=orphan[\s\S]*rollout restart/],
    ['StatefulSet', 'podManagementPolicy', 'OrderedReady', (o) => { find(o, 'StatefulSet').spec.podManagementPolicy = 'Parallel'; }, 'Parallel', '', /--cascade=orphan/],
    ['StatefulSet', 'volumeClaimTemplates[data].storageClassName', 'fast', (o) => { find(o, 'StatefulSet').spec.volumeClaimTemplates[0].spec.storageClassName = 'slow'; }, 'slow', '', /Existing claims keep the spec[\s\S]*copy the data/],
    ['StatefulSet', 'volumeClaimTemplates[data].accessModes', 'ReadWriteOnce', (o) => { find(o, 'StatefulSet').spec.volumeClaimTemplates[0].spec.accessModes = ['ReadWriteOncePod']; }, 'ReadWriteOncePod', '', /new claim template/],
    ['StatefulSet', 'volumeClaimTemplates[data].volumeMode', 'Filesystem', (o) => { find(o, 'StatefulSet').spec.volumeClaimTemplates[0].spec.volumeMode = 'Block'; }, 'Block', '', /new claim template/],
    ['StatefulSet', 'volumeClaimTemplates[data].otherFields', '(not set)', (o) => { find(o, 'StatefulSet').spec.volumeClaimTemplates[0].metadata.labels = { backup: 'daily' }; }, '', '', /Existing claims keep the spec/],
    ['StatefulSet', 'volumeClaimTemplates', 'data', (o) => { find(o, 'StatefulSet').spec.volumeClaimTemplates.push({ metadata: { name: 'wal' }, spec: { resources: { requests: { storage: '1Gi' } } } }); }, 'data,wal', '', /future claims/],
    ['PersistentVolumeClaim', 'storageClassName', 'fast', (o) => { find(o, 'PersistentVolumeClaim').spec.storageClassName = 'slow'; }, 'slow', 'immutable after creation except', /create a claim with the new spec/],
    ['PersistentVolumeClaim', 'accessModes', 'ReadWriteOnce', (o) => { find(o, 'PersistentVolumeClaim').spec.accessModes = ['ReadWriteMany']; }, 'ReadWriteMany', 'immutable after creation except', /copy the data/],
    ['PersistentVolumeClaim', 'volumeMode', 'Filesystem', (o) => { find(o, 'PersistentVolumeClaim').spec.volumeMode = 'Block'; }, 'Block', 'immutable after creation except', /copy the data/],
    ['PersistentVolumeClaim', 'otherFields', '(not set)', (o) => { find(o, 'PersistentVolumeClaim').spec.dataSource = { kind: 'VolumeSnapshot', name: 's1', apiGroup: 'snapshot.storage.k8s.io' }; }, '', 'immutable after creation except', /copy the data/],
    ['StorageClass', 'provisioner', 'ebs.csi.aws.com', (o) => { find(o, 'StorageClass').provisioner = 'disk.csi.azure.com'; }, 'disk.csi.azure.com', 'are immutable', /Create a StorageClass under a new name/],
    ['StorageClass', 'parameters[type]', 'gp3', (o) => { find(o, 'StorageClass').parameters.type = 'io2'; }, 'io2', 'are immutable', /Create a StorageClass under a new name[\s\S]*claims on the new class/],
    ['StorageClass', 'parameters[iops]', '(not set)', (o) => { find(o, 'StorageClass').parameters.iops = '6000'; }, '6000', 'are immutable', /new name/],
    ['StorageClass', 'reclaimPolicy', 'Delete', (o) => { find(o, 'StorageClass').reclaimPolicy = 'Retain'; }, 'Retain', 'are immutable', /persistentVolumeReclaimPolicy/],
    ['StorageClass', 'volumeBindingMode', 'WaitForFirstConsumer', (o) => { find(o, 'StorageClass').volumeBindingMode = 'Immediate'; }, 'Immediate', 'are immutable', /delete storageclass fast/],
    ['PersistentVolume', 'source[nfs]', '{"path":"/export","server":"10.0.0.1"}', (o) => { find(o, 'PersistentVolume').spec.nfs.server = '10.0.0.2'; }, '{"path":"/export","server":"10.0.0.2"}', 'volume source is immutable', /Retain[\s\S]*new name/],
    ['PersistentVolume', 'volumeMode', 'Filesystem', (o) => { find(o, 'PersistentVolume').spec.volumeMode = 'Block'; }, 'Block', 'immutable', /new name/],
    ['PersistentVolume', 'nodeAffinity', '(not set)', (o) => { find(o, 'PersistentVolume').spec.nodeAffinity = { required: { nodeSelectorTerms: [] } }; }, '{"required":{"nodeSelectorTerms":[]}}', 'node affinity are immutable', /new name/],
    ['PersistentVolume', 'capacity', '100Gi', (o) => { find(o, 'PersistentVolume').spec.capacity.storage = '50Gi'; }, '50Gi', 'never shrinks', /Keep 100Gi/],
    ['Service', 'clusterIP', 'None', (o) => { find(o, 'Service').spec.clusterIP = undefined; }, '(allocated)', 'headless', /delete service db-headless/],
    ['Job', 'template', '', (o) => { find(o, 'Job').spec.template.spec.containers[0].image = 'migrate:2'; }, '', 'template is immutable', /delete job migrate[\s\S]*new name per version/],
    ['Deployment', 'selector', 'app=web', (o) => { find(o, 'Deployment').spec.selector.matchLabels.v = '2'; }, 'app=web,v=2', 'selector is immutable', /new name with the new selector/],
    ['DaemonSet', 'selector', 'app=web', (o) => { find(o, 'DaemonSet').spec.selector = { matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'api'] }] }; }, 'app in (api,web)', 'selector is immutable', /new name/],
  ];

  test.each(cases)('%s %s', (kind, field, oldValue, mutate, newValue, messagePart, migration) => {
    const violations = changed(mutate);
    expect(violations).toHaveLength(1);
    const v = violations[0];
    expect(v).toMatchObject({ severity: Severity.ERROR, kind, field });
    expect(v.name).toBe(find(baseline(), kind).metadata.name);
    if (oldValue) expect(v.oldValue).toBe(oldValue);
    if (newValue) expect(v.newValue).toBe(newValue);
    expect(v.oldValue).not.toBe(v.newValue);
    expect(v.message).toContain(`${field} ${v.oldValue} -> ${v.newValue}`);
    if (messagePart) expect(v.message).toContain(messagePart);
    expect(v.migration).toMatch(migration);
    expect(v.migration).toMatch(/GOLDEN_PATHS_ACCEPT_CHANGES=1 cdk8s synth/);
    expect(DeployLock.format(v)).toMatch(new RegExp(`^error ${kind}/`));
  });


  test('a claim class the cluster filled in is a warning, not an error', () => {
    const unset = claim();
    delete unset.spec.storageClassName;
    const base = [{ ...ebs(), metadata: { name: 'fast', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } }, unset];
    const [v] = changed((o) => { find(o, 'PersistentVolumeClaim').spec.storageClassName = 'fast'; }, base);
    expect(v).toMatchObject({ severity: Severity.WARNING, field: 'storageClassName', oldValue: '(not set)', newValue: 'fast' });
    expect(v.migration).toContain("get pvc shared -o jsonpath='{.spec.storageClassName}'");
  });

});
