import { changed, claim, ebs, exoscale, find, statefulSet, storageClass } from './objects';
import { Severity } from '../../src';
import { compareLock } from '../../src/lock/compare';
import { computeLock } from '../../src/lock/extract';

describe('storage size', () => {
  const grow = (size: string, sc: any, replicas = 3) => changed((o) => {
    const sts = find(o, 'StatefulSet');
    sts.spec.volumeClaimTemplates[0].spec.resources.requests.storage = size;
    sts.spec.replicas = replicas;
  }, [sc, statefulSet()]);

  test('growing a StatefulSet volume is refused by the cluster, with the guided migration (online class)', () => {
    const [v] = grow('20Gi', ebs());
    expect(v).toMatchObject({ severity: Severity.ERROR, kind: 'StatefulSet', namespace: 'orders', name: 'db', field: 'volumeClaimTemplates[data].storage', oldValue: '10Gi', newValue: '20Gi' });
    expect(v.message).toContain('kubernetes/kubernetes#68737');
    expect(v.message).toContain('Growing is supported through a guided migration');
    const steps = v.migration.split('\n');
    expect(steps[0]).toBe('1. StorageClass fast allows expansion; ebs.csi.aws.com expands online.');
    expect(steps[1]).toBe('2. Grow each claim: `for i in $(seq 0 2); do kubectl -n orders patch pvc data-db-$i -p \'{"spec":{"resources":{"requests":{"storage":"20Gi"}}}}\'; done` (one claim per ordinal; include ordinals above 2 if the StatefulSet ever had more replicas).');
    expect(steps[2]).toBe('3. Delete the StatefulSet but keep its pods and claims: `kubectl -n orders delete statefulset db --cascade=orphan`.');
    expect(steps[3]).toMatch(/^4\. Re-apply the manifests/);
    expect(v.migration).not.toContain('--replicas=0');
  });

  test('Exoscale expands offline only: scale to zero first, wait for the resize', () => {
    const [v] = grow('20Gi', exoscale());
    expect(v.migration).toContain('csi.exoscale.com expands offline only');
    const scale = v.migration.indexOf('kubectl -n orders scale statefulset db --replicas=0');
    const patch = v.migration.indexOf('patch pvc data-db-$i');
    const wait = v.migration.indexOf("get pvc data-db-0 -o jsonpath='{.status.capacity.storage}'` prints 20Gi");
    const orphan = v.migration.indexOf('--cascade=orphan');
    expect(scale).toBeGreaterThan(0);
    expect(scale < patch && patch < wait && wait < orphan).toBe(true);
    expect(v.migration).toContain('scales back to 3');
  });

  test('a class without allowVolumeExpansion must be changed first', () => {
    const [v] = grow('20Gi', { ...ebs(), allowVolumeExpansion: false });
    expect(v.migration.split('\n')[0]).toBe('1. StorageClass fast has no allowVolumeExpansion: true: add it (a field that may change) and apply the class first; ebs.csi.aws.com expands online.');
  });

  test('a class whose driver cannot expand leaves only a data migration', () => {
    const [v] = grow('20Gi', storageClass('fast', 'openebs.io/local'));
    expect(v.message).toContain('cannot expand volumes');
    expect(v.migration).not.toContain('patch pvc');
    expect(v.migration).toContain('copy the data');
  });

  test('a class not in the app: check it, the lock remembers its provisioner', () => {
    const lock = computeLock([exoscale(), statefulSet()]);
    const next = statefulSet('20Gi');
    const [v] = compareLock(lock, [next]);
    expect(v.migration).toContain("Check that StorageClass fast allows expansion (`kubectl get storageclass fast -o jsonpath='{.allowVolumeExpansion}'` prints true); csi.exoscale.com expands offline only");
    const unknown = compareLock(computeLock([statefulSet()]), [statefulSet('20Gi')]).find((x) => x.kind === 'StatefulSet')!;
    expect(unknown.migration).toContain('if it expands offline only (e.g. csi.exoscale.com), scale the workload to 0 first');
  });

  test('shrinking is refused with its own message', () => {
    const [v] = grow('5Gi', ebs());
    expect(v.severity).toBe(Severity.ERROR);
    expect(v.message).toContain('shrinking is refused: a volume never shrinks');
    expect(v.migration).toContain('Keep 10Gi');
    expect(v.migration).not.toContain('patch pvc');
  });

  test('the same size written differently is no change', () => {
    expect(grow('10240Mi', ebs())).toEqual([]);
  });

  test('a standalone claim grows in place on a class that expands online', () => {
    expect(changed((o) => { find(o, 'PersistentVolumeClaim').spec.resources.requests.storage = '8Gi'; }, [ebs(), claim()])).toEqual([]);
  });

  test('a standalone claim on Exoscale grows only once detached: a warning with the steps', () => {
    const [v] = changed((o) => { find(o, 'PersistentVolumeClaim').spec.resources.requests.storage = '8Gi'; }, [exoscale(), claim()]);
    expect(v).toMatchObject({ severity: Severity.WARNING, field: 'storage', oldValue: '5Gi', newValue: '8Gi' });
    expect(v.message).toContain('csi.exoscale.com expands offline only');
    expect(v.migration).toContain('Scale every workload that mounts the claim to 0');
  });

  test('a standalone claim on a class without allowVolumeExpansion is refused', () => {
    const [v] = changed((o) => { find(o, 'PersistentVolumeClaim').spec.resources.requests.storage = '8Gi'; }, [{ ...ebs(), allowVolumeExpansion: false }, claim()]);
    expect(v.severity).toBe(Severity.ERROR);
    expect(v.message).toContain('does not allow expansion');
  });

  test('shrinking a standalone claim is refused', () => {
    const [v] = changed((o) => { find(o, 'PersistentVolumeClaim').spec.resources.requests.storage = '1Gi'; }, [ebs(), claim()]);
    expect(v).toMatchObject({ severity: Severity.ERROR, field: 'storage', oldValue: '5Gi', newValue: '1Gi' });
    expect(v.message).toContain('shrinking a claim is refused');
  });

  test('a PersistentVolume may grow', () => {
    expect(changed((o) => { find(o, 'PersistentVolume').spec.capacity.storage = '200Gi'; })).toEqual([]);
  });
});
