import * as fc from 'fast-check';
import { ALL_DEFAULTS, PAST_FILE_JUNK } from './counterexamples';
import { RUNS, applyPlatformDefaults, assertOracle, assertProperty, badProps, check, constructId, good, junk, namespace, platformDefaults, rarely, withPast } from './harness';
import { commonProps, fileProvisionerOf, fileProvisionerSpec } from './storage-generators';
import { BlockSpec, FILE_FACTS, IDS, assertClassTies, propsOfFields, storageClassFields } from './storage-oracle';
import { FileProvisioner, FileStorageClass } from '../../src';

/**
 * FileStorageClass properties (issue 20): the oracle (FILE_FACTS in storage-oracle.ts) is the test's own table of the
 * file systems; the common props are generated as for block classes (no file system is zonal, so zones are refused).
 */

const PAST: BlockSpec[] = [
  { id: 'fast', system: 'nfs', props: ALL_DEFAULTS },
  { id: 'x', ns: 'shop', system: 'awsEfs', props: ALL_DEFAULTS },
  // vSphere file volumes: their own fsType (nfs4) may be repeated
  { id: 'x', system: 'vsphereFile', props: { ...ALL_DEFAULTS, fsType: good('nfs4') } },
];

const fileSpec: fc.Arbitrary<BlockSpec> = withPast(fc.constantFrom(...Object.keys(FILE_FACTS)).chain((system) => fc.record({
  id: fc.constantFrom(...Object.keys(IDS)),
  ns: namespace,
  system: fc.constant(system),
  props: storageClassFields(FILE_FACTS[system]),
})), PAST);

describe('FileStorageClass properties', () => {
  test(`props in, the StorageClass says them; defaults left out show; wrong props are refused by name (${RUNS} runs)`, () => {
    assertOracle({
      arb: fileSpec,
      build: (s) => (chart) => {
        new FileStorageClass(chart, s.id, { ...propsOfFields(s.props), provisioner: (FileProvisioner as any)[s.system](FILE_FACTS[s.system].options) });
      },
      namespace: (s) => s.ns,
      wrong: (s) => badProps(s.props),
      path: (s) => `test/${s.id}`,
      ties: (s, objects) => assertClassTies(s.id, FILE_FACTS[s.system], s.props, objects),
      examples: PAST,
    });
  });

  test(`any props, junk included: valid objects or the library's error naming the prop (${RUNS} runs)`, () => {
    const arb = withPast<any>(fc.record({
      id: constructId, ns: namespace, platform: platformDefaults, provisioner: fileProvisionerSpec, props: commonProps, junkProps: rarely(junk),
    }), PAST_FILE_JUNK);
    assertProperty(arb, (s) => {
      check((chart) => {
        applyPlatformDefaults(chart, s.platform);
        const props = s.junkProps !== null ? s.junkProps : { ...s.props, provisioner: fileProvisionerOf(s.provisioner) };
        new FileStorageClass(chart, s.id, props);
      }, s.ns);
    }, RUNS, PAST_FILE_JUNK);
  });
});
