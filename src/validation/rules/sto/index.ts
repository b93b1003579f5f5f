import { STO_001 } from './sto-001';
import { STO_002 } from './sto-002';
import { STO_003 } from './sto-003';
import { STO_004 } from './sto-004';
import { STO_005 } from './sto-005';
import { STO_006 } from './sto-006';
import { STO_007 } from './sto-007';
import { STO_010 } from './sto-010';
import { STO_011 } from './sto-011';
import { STO_012 } from './sto-012';
import { STO_013 } from './sto-013';
import { STO_014 } from './sto-014';
import { STO_015 } from './sto-015';
import { STO_016 } from './sto-016';
import { STO_017 } from './sto-017';
import { STO_018 } from './sto-018';
import { STO_019 } from './sto-019';
import { STO_020 } from './sto-020';
import { STO_021 } from './sto-021';
import { STO_022 } from './sto-022';
import { STO_023 } from './sto-023';
import { STO_024 } from './sto-024';
import { STO_025 } from './sto-025';
import { Rule } from '../../rule';

/*
 * STO: storage systems, classes, claims and volumes. One file per rule, named after its id. The lists keep the reporting order.
 */

/** Over StorageClass and VolumeSnapshotClass objects. */
export const STO_STORAGE_CLASS_RULES: readonly Rule[] = [
  STO_001,
  STO_002,
  STO_003,
  STO_004,
  STO_005,
  STO_006,
  STO_007,
];

/** Over PersistentVolumeClaims (and StatefulSet volumeClaimTemplates) and PersistentVolumes. */
export const STO_VOLUME_RULES: readonly Rule[] = [
  STO_010,
  STO_011,
  STO_012,
  STO_013,
  STO_014,
  STO_015,
  STO_016,
  STO_017,
  STO_018,
  STO_019,
  STO_020,
  STO_021,
  STO_022,
  STO_023,
  STO_024,
  STO_025,
];

/** Every STO rule, in reporting order. */
export const STO_RULES: readonly Rule[] = [...STO_STORAGE_CLASS_RULES, ...STO_VOLUME_RULES];
