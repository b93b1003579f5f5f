import { SEC_001 } from './sec-001';
import { SEC_002 } from './sec-002';
import { SEC_003 } from './sec-003';
import { SEC_004 } from './sec-004';
import { SEC_005 } from './sec-005';
import { SEC_006 } from './sec-006';
import { SEC_007 } from './sec-007';
import { SEC_008 } from './sec-008';
import { SEC_009 } from './sec-009';
import { SEC_010 } from './sec-010';
import { SEC_011 } from './sec-011';
import { SEC_012 } from './sec-012';
import { SEC_013 } from './sec-013';
import { SEC_014 } from './sec-014';
import { SEC_015 } from './sec-015';
import { SEC_016 } from './sec-016';
import { SEC_017 } from './sec-017';
import { SEC_018 } from './sec-018';
import { SEC_019 } from './sec-019';
import { SEC_020 } from './sec-020';
import { SEC_021 } from './sec-021';
import { SEC_022 } from './sec-022';
import { SEC_023 } from './sec-023';
import { SEC_024 } from './sec-024';
import { SEC_025 } from './sec-025';
import { SEC_026 } from './sec-026';
import { SEC_027 } from './sec-027';
import { SEC_028 } from './sec-028';
import { Rule } from '../../rule';

/*
 * SEC: security (Pod Security, secrets, privileges). One file per rule, named after its id. The lists keep the reporting order.
 */

/** Rules over Pod Security, secrets and privileges. */
export const SEC_RULES: readonly Rule[] = [
  SEC_001,
  SEC_002,
  SEC_003,
  SEC_004,
  SEC_005,
  SEC_006,
  SEC_007,
  SEC_008,
  SEC_009,
  SEC_010,
  SEC_011,
  SEC_012,
  SEC_013,
  SEC_014,
  SEC_015,
  SEC_016,
  SEC_017,
  SEC_018,
  SEC_019,
  SEC_020,
  SEC_021,
  SEC_022,
  SEC_023,
  SEC_024,
  SEC_025,
  SEC_026,
  SEC_027,
  SEC_028,
];
