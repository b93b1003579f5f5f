import { DBS_001 } from './dbs-001';
import { DBS_002 } from './dbs-002';
import { DBS_003 } from './dbs-003';
import { DBS_004 } from './dbs-004';
import { Rule } from '../../rule';

/*
 * DBS: databases run as StatefulSets. One file per rule, named after its id. The lists keep the reporting order.
 */

/** Rules specific to databases run as StatefulSets (marked golden-paths.dev/role: database). */
export const DBS_RULES: readonly Rule[] = [
  DBS_001,
  DBS_002,
  DBS_003,
  DBS_004,
];
