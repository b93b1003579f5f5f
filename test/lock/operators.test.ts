import { compareLock } from '../../src/lock/compare';
import { computeLock } from '../../src/lock/extract';

const cluster = (spec: any) => ({ apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: { name: 'db', namespace: 'shop' }, spec });
const mariadb = (spec: any) => ({ apiVersion: 'k8s.mariadb.com/v1alpha1', kind: 'MariaDB', metadata: { name: 'db', namespace: 'shop' }, spec });
const mongo = (size: string, cls = 'exoscale-block-storage') => ({
  apiVersion: 'mongodbcommunity.mongodb.com/v1',
  kind: 'MongoDBCommunity',
  metadata: { name: 'db', namespace: 'shop' },
  spec: { members: 3, statefulSet: { spec: { volumeClaimTemplates: [{ metadata: { name: 'data-volume' }, spec: { storageClassName: cls, accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } } } }] } } },
});

/** The violations of changing `before` into `after`, as `severity: message`. */
function change(before: any, after: any): string[] {
  return compareLock(computeLock([before]), [after]).map((v) => `${v.severity}: ${v.message}`);
}

describe('the lock refuses what the database operators refuse', () => {
  const base = { instances: 3, imageName: 'ghcr.io/cloudnative-pg/postgresql:16.4', storage: { size: '20Gi', storageClass: 'fast' }, walStorage: { size: '5Gi', storageClass: 'fast' } };

  test('CloudNativePG: shrinking and removing the WAL volume are refused; growing is allowed with a caveat', () => {
    expect(change(cluster(base), cluster({ ...base, storage: { size: '10Gi', storageClass: 'fast' } })))
      .toEqual([expect.stringMatching(/^error: .*storage\.size.*CloudNativePG refuses it \(volumes cannot shrink\)/)]);
    expect(change(cluster(base), cluster({ ...base, storage: { size: '40Gi', storageClass: 'fast' } })))
      .toEqual([expect.stringMatching(/^warning: .*CloudNativePG resizes the claims in place/)]);
    expect(change(cluster(base), cluster({ ...base, walStorage: undefined })))
      .toEqual(expect.arrayContaining([expect.stringMatching(/^error: .*walStorage cannot be disabled once configured/)]));
    expect(change(cluster(base), cluster(base))).toEqual([]);
  });

  test('CloudNativePG: another class applies to new instances only (warning); a major downgrade is refused, an upgrade allowed', () => {
    expect(change(cluster(base), cluster({ ...base, storage: { size: '20Gi', storageClass: 'slow' } })))
      .toEqual([expect.stringMatching(/^warning: .*creates only new instances' volumes on the new class/)]);
    expect(change(cluster(base), cluster({ ...base, imageName: 'ghcr.io/cloudnative-pg/postgresql:15.8' })))
      .toEqual([expect.stringMatching(/^error: .*a major version cannot be downgraded/)]);
    expect(change(cluster(base), cluster({ ...base, imageName: 'ghcr.io/cloudnative-pg/postgresql:17.2' }))).toEqual([]);
  });

  test('mariadb-operator: storageClassName, database and username are immutable; shrinking is refused', () => {
    const m = { replicas: 3, replication: { enabled: true }, database: 'shop', username: 'shop', storage: { size: '20Gi', storageClassName: 'fast' } };
    expect(change(mariadb(m), mariadb({ ...m, storage: { size: '20Gi', storageClassName: 'slow' } })))
      .toEqual([expect.stringMatching(/^error: .*mariadb-operator refuses it \(the webhook reports "field is immutable"\)/)]);
    expect(change(mariadb(m), mariadb({ ...m, database: 'orders' }))).toEqual([expect.stringMatching(/^error: .*database/)]);
    expect(change(mariadb(m), mariadb({ ...m, storage: { size: '10Gi', storageClassName: 'fast' } }))).toEqual([expect.stringMatching(/^error: .*volumes cannot shrink/)]);
  });

  test('MongoDB: the claim templates cannot change through the operator', () => {
    expect(change(mongo('20Gi'), mongo('40Gi'))).toEqual([expect.stringMatching(/^error: .*MongoDB's operator refuses it/)]);
    expect(change(mongo('20Gi'), mongo('20Gi'))).toEqual([]);
  });
});
