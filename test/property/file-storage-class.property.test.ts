import * as fc from 'fast-check';
import { RUNS, applyPlatformDefaults, platformDefaults, rarely, assertProperty, check, constructId, junk, namespace } from './harness';
import { commonProps, fileProvisionerOf, fileProvisionerSpec } from './storage-generators';
import { FileStorageClass } from '../../src';

describe('FileStorageClass properties', () => {
  test(`any props: valid objects or the library's error naming the prop (${RUNS} runs)`, () => {
    const arb = fc.record({
      id: constructId, ns: namespace, platform: platformDefaults, provisioner: fileProvisionerSpec, props: commonProps, junkProps: rarely(junk),
    });
    assertProperty(arb, (s) => {
      check((chart) => {
        applyPlatformDefaults(chart, s.platform);
        const props = s.junkProps !== null ? s.junkProps : { ...s.props, provisioner: fileProvisionerOf(s.provisioner) };
        new FileStorageClass(chart, s.id, props);
      }, s.ns);
    });
  });
});
