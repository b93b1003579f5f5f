import { WKL_001 } from './wkl-001';
import { WKL_002 } from './wkl-002';
import { WKL_003 } from './wkl-003';
import { WKL_004 } from './wkl-004';
import { WKL_005 } from './wkl-005';
import { WKL_006 } from './wkl-006';
import { WKL_007 } from './wkl-007';
import { WKL_008 } from './wkl-008';
import { WKL_009 } from './wkl-009';
import { WKL_010 } from './wkl-010';
import { WKL_011 } from './wkl-011';
import { WKL_012 } from './wkl-012';
import { WKL_013 } from './wkl-013';
import { WKL_014 } from './wkl-014';
import { WKL_015 } from './wkl-015';
import { WKL_016 } from './wkl-016';
import { WKL_017 } from './wkl-017';
import { WKL_018 } from './wkl-018';
import { WKL_019 } from './wkl-019';
import { WKL_020 } from './wkl-020';
import { WKL_021 } from './wkl-021';
import { WKL_022 } from './wkl-022';
import { WKL_023 } from './wkl-023';
import { WKL_024 } from './wkl-024';
import { WKL_025 } from './wkl-025';
import { WKL_026 } from './wkl-026';
import { WKL_027 } from './wkl-027';
import { WKL_028 } from './wkl-028';
import { WKL_029 } from './wkl-029';
import { WKL_030 } from './wkl-030';
import { WKL_031 } from './wkl-031';
import { WKL_032 } from './wkl-032';
import { WKL_033 } from './wkl-033';
import { Rule } from '../../rule';

/*
 * WKL: workloads (pods and their controllers). One file per rule, named after its id. The lists keep the reporting order.
 */

/** Rules over pods and their controllers. */
export const WKL_RULES: readonly Rule[] = [
  WKL_001,
  WKL_002,
  WKL_003,
  WKL_004,
  WKL_005,
  WKL_006,
  WKL_007,
  WKL_008,
  WKL_009,
  WKL_010,
  WKL_011,
  WKL_012,
  WKL_013,
  WKL_014,
  WKL_015,
  WKL_016,
  WKL_017,
  WKL_018,
  WKL_019,
  WKL_020,
  WKL_021,
  WKL_022,
  WKL_023,
  WKL_024,
  WKL_025,
  WKL_026,
  WKL_027,
  WKL_028,
  WKL_029,
  WKL_030,
  WKL_031,
  WKL_032,
  WKL_033,
];
