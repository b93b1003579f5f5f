import { baseline } from './objects';
import { computeLock } from '../../src/lock/extract';
import { parseLock, serializeLock } from '../../src/lock/lock-file';


describe('lock file', () => {
  test('the same objects give the same bytes, whatever their order and key order', () => {
    const a = serializeLock(computeLock(baseline()));
    const reverseKeys = (x: any): any => (Array.isArray(x) ? x.map(reverseKeys) : x && typeof x === 'object'
      ? Object.fromEntries(Object.keys(x).reverse().map((k) => [k, reverseKeys(x[k])])) : x);
    const shuffled = baseline().reverse().map(reverseKeys);
    expect(JSON.stringify(shuffled[0])).not.toBe(JSON.stringify(baseline()[baseline().length - 1]));
    expect(serializeLock(computeLock(shuffled))).toBe(a);
    expect(serializeLock(parseLock(a))).toBe(a);
    expect(a.endsWith('\n')).toBe(true);
    expect(JSON.parse(a).version).toBe(1);
  });


  test('a lock file that is not one is refused with a way out', () => {
    expect(() => parseLock('{', 'x.lock')).toThrow(/x.lock is not valid JSON.*delete it/);
    expect(() => parseLock('{"version":9,"objects":[]}')).toThrow(/newer than this cdk8s-golden-paths understands/);
    expect(() => parseLock('{"version":1,"objects":[{"kind":"StatefulSet"}]}')).toThrow(/objects\[0\] needs "kind" and "name"/);
    expect(() => parseLock('[]')).toThrow(/not a golden-paths lock file/);
  });
});
