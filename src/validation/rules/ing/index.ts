import { ING_001 } from './ing-001';
import { ING_002 } from './ing-002';
import { ING_003 } from './ing-003';
import { ING_004 } from './ing-004';
import { ING_005 } from './ing-005';
import { ING_006 } from './ing-006';
import { ING_007 } from './ing-007';
import { ING_008 } from './ing-008';
import { ING_009 } from './ing-009';
import { ING_010 } from './ing-010';
import { ING_011 } from './ing-011';
import { ING_012 } from './ing-012';
import { ING_013 } from './ing-013';
import { ING_014 } from './ing-014';
import { ING_015 } from './ing-015';
import { ING_016 } from './ing-016';
import { Rule } from '../../rule';

/*
 * ING: Ingress. One file per rule, named after its id. The lists keep the reporting order.
 */

/** Rules over networking.k8s.io/v1 Ingress objects. */
export const ING_RULES: readonly Rule[] = [
  ING_001,
  ING_002,
  ING_003,
  ING_004,
  ING_005,
  ING_006,
  ING_007,
  ING_008,
  ING_009,
  ING_010,
  ING_011,
  ING_012,
  ING_013,
  ING_014,
  ING_015,
  ING_016,
];
