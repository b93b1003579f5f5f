import * as fc from 'fast-check';
import { PAST_BLOCK_CLASSES, PAST_BLOCK_JUNK } from './counterexamples';
import { RUNS, applyPlatformDefaults, assertOracle, assertProperty, badProps, check, constructId, junk, namespace, platformDefaults, rarely, withPast } from './harness';
import { commonProps, provisionerOf, provisionerSpec } from './storage-generators';
import { BLOCK_FACTS, BlockSpec, IDS, assertClassTies, propsOfFields, storageClassFields } from './storage-oracle';
import { BlockProvisioner, BlockStorageClass } from '../../src';

/**
 * BlockStorageClass properties (issue 20): the oracle (storage-oracle.ts) is the test's own table of what each
 * storage system can do; generated props are mostly valid, sometimes wrong in a way the test knows.
 */

const blockSpec: fc.Arbitrary<BlockSpec> = withPast(fc.constantFrom(...Object.keys(BLOCK_FACTS)).chain((system) => fc.record({
  id: fc.constantFrom(...Object.keys(IDS)),
  ns: namespace,
  system: fc.constant(system),
  props: storageClassFields(BLOCK_FACTS[system]),
})), PAST_BLOCK_CLASSES);

function blockProvisioner(system: string): BlockProvisioner {
  return (BlockProvisioner as any)[system]();
}

describe('BlockStorageClass properties', () => {
  test(`props in, the StorageClass says them; defaults left out show; wrong props are refused by name (${RUNS} runs)`, () => {
    assertOracle({
      arb: blockSpec,
      build: (s) => (chart) => { new BlockStorageClass(chart, s.id, { ...propsOfFields(s.props), provisioner: blockProvisioner(s.system) }); },
      namespace: (s) => s.ns,
      wrong: (s) => badProps(s.props),
      path: (s) => `test/${s.id}`,
      ties: (s, objects) => assertClassTies(s.id, BLOCK_FACTS[s.system], s.props, objects),
      examples: PAST_BLOCK_CLASSES,
    });
  });

  test(`any props, junk included: valid objects or the library's error naming the prop (${RUNS} runs)`, () => {
    const arb = withPast<any>(fc.record({
      id: constructId, ns: namespace, platform: platformDefaults, provisioner: provisionerSpec, props: commonProps, junkProps: rarely(junk),
    }), PAST_BLOCK_JUNK);
    assertProperty(arb, (s) => {
      check((chart) => {
        applyPlatformDefaults(chart, s.platform);
        const props = s.junkProps !== null ? s.junkProps : { ...s.props, provisioner: provisionerOf(s.provisioner) };
        new BlockStorageClass(chart, s.id, props);
      }, s.ns);
    }, RUNS, PAST_BLOCK_JUNK);
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
