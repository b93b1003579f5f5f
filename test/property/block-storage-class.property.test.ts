import * as fc from 'fast-check';
import { RUNS, applyPlatformDefaults, platformDefaults, rarely, assertProperty, check, constructId, junk, namespace } from './harness';
import { commonProps, provisionerOf, provisionerSpec } from './storage-generators';
import { BlockStorageClass } from '../../src';

describe('BlockStorageClass properties', () => {
  test(`any props: valid objects or the library's error naming the prop (${RUNS} runs)`, () => {
    const arb = fc.record({
      id: constructId, ns: namespace, platform: platformDefaults, provisioner: provisionerSpec, props: commonProps, junkProps: rarely(junk),
    });
    assertProperty(arb, (s) => {
      check((chart) => {
        applyPlatformDefaults(chart, s.platform);
        const props = s.junkProps !== null ? s.junkProps : { ...s.props, provisioner: provisionerOf(s.provisioner) };
        new BlockStorageClass(chart, s.id, props);
      }, s.ns);
    });
  });

  test('two classes in one app: cross-object rules see both, still clean or the library\'s error', () => {
    assertProperty(fc.tuple(provisionerSpec, commonProps, provisionerSpec, commonProps), ([p1, c1, p2, c2]) => {
      check((chart) => {
        new BlockStorageClass(chart, 'one', { ...c1, provisioner: provisionerOf(p1) });
        new BlockStorageClass(chart, 'two', { ...c2, provisioner: provisionerOf(p2) });
      });
    }, Math.max(100, Math.floor(RUNS / 5)));
  });
});
