import { POL_001 } from './pol-001';
import { POL_002 } from './pol-002';
import { POL_003 } from './pol-003';
import { POL_004 } from './pol-004';
import { POL_005 } from './pol-005';
import { POL_006 } from './pol-006';
import { POL_007 } from './pol-007';
import { POL_008 } from './pol-008';
import { Rule } from '../../rule';

/*
 * POL: platform policies. One file per rule, named after its id. The lists keep the reporting order.
 */

/** Policies a platform team sets with PlatformPolicy.apply (or the CLI's --policy file). */
export const POL_RULES: readonly Rule[] = [
  POL_001,
  POL_002,
  POL_003,
  POL_004,
  POL_005,
  POL_006,
  POL_007,
  POL_008,
];
