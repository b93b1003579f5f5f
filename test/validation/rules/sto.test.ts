import { k } from './fixture';
import { claim, pv, ref } from './volume-builders';
import { Validator } from '../../../src';

/*
 * What the STO fixtures cannot say (they check that a message is among a rule's findings): how many findings, and
 * their severity.
 */

/** The findings of one rule, as `severity kind/name: message` lines. */
function findingsOf(ruleId: string, objects: any[]): string[] {
  return Validator.validate(objects).filter((f) => f.ruleId === ruleId).map((f) => `${f.severity} ${f.kind}/${f.name}: ${f.message}`);
}

describe('static pairs (STO-013..016)', () => {
  test('a claim and a volume that name each other are one pair: one finding, not one per direction', () => {
    expect(findingsOf('STO-014', [
      claim('uploads', { volumeName: 'uploads-pv', storageClassName: 'nfs' }), pv('uploads-pv', { claimRef: ref('uploads'), storageClassName: 'dev' }),
    ])).toEqual(['error PersistentVolumeClaim/uploads: storageClassName "nfs" differs from "dev" of volume uploads-pv']);
  });

  test('a claimRef without namespace is reported once, on the volume, not also as reserved for another claim', () => {
    expect(findingsOf('STO-013', [
      claim('uploads', { volumeName: 'uploads-pv' }), pv('uploads-pv', { claimRef: { kind: 'PersistentVolumeClaim', name: 'uploads' } }),
    ])).toEqual(['error PersistentVolume/uploads-pv: claimRef uploads has no namespace, so it matches no claim']);
  });
});

describe('severities a rule words per case', () => {
  test('STO-002: a value the driver refuses is an error, a key it does not read a warning', () => {
    expect(findingsOf('STO-002', [k.storageClass('lh', 'driver.longhorn.io', { parameters: { numberOfReplicas: '0', fstype: 'xfs' } })])).toEqual([
      'error StorageClass/lh: parameter numberOfReplicas is 0, outside the range Longhorn accepts (1 to 20)',
      'warning StorageClass/lh: parameter fstype is not read by driver.longhorn.io (Longhorn)',
    ]);
  });

  test('STO-014: a claim without class misses a volume of no class for sure, one of a named class unless that is the default', () => {
    expect(findingsOf('STO-014', [
      claim('uploads', { volumeName: 'uploads-pv', storageClassName: undefined }), pv('uploads-pv', { claimRef: ref('uploads') }),
      claim('media', { volumeName: 'media-pv', storageClassName: undefined }), pv('media-pv', { claimRef: ref('media'), storageClassName: 'nfs' }),
    ])).toEqual([
      'error PersistentVolumeClaim/uploads: has no storageClassName: the cluster\'s default class is written into it, so it does not bind to volume uploads-pv (storageClassName "")',
      'warning PersistentVolumeClaim/media: has no storageClassName: the cluster\'s default class is written into it, so it does not bind to volume media-pv (storageClassName "nfs")',
    ]);
  });
});
