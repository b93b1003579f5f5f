import { baseline, changed, deployment, find } from './objects';
import { Severity } from '../../src';
import { compareLock } from '../../src/lock/compare';
import { computeLock } from '../../src/lock/extract';

describe('comparing', () => {
  test('every change is reported at once', () => {
    const violations = changed((o) => {
      find(o, 'StatefulSet').spec.serviceName = 'x';
      find(o, 'StatefulSet').spec.volumeClaimTemplates[0].spec.resources.requests.storage = '20Gi';
      find(o, 'StorageClass').parameters.type = 'io2';
    });
    expect(violations.map((v) => `${v.kind} ${v.field}`)).toEqual([
      'StatefulSet serviceName', 'StatefulSet volumeClaimTemplates[data].storage', 'StorageClass parameters[type]',
    ]);
  });

  test('an object removed from the app is a warning; a new one is not reported', () => {
    const base = baseline();
    const violations = compareLock(computeLock(base), [...base.filter((o) => o.kind !== 'StatefulSet'), { ...deployment(), metadata: { name: 'new', namespace: 'orders' } }]);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ severity: Severity.WARNING, kind: 'StatefulSet', name: 'db', field: '(object)', newValue: '(removed)' });
    expect(violations[0].message).toContain('kubectl apply does not delete it');
    expect(violations[0].migration).toContain('its claims stay');
  });
});
