import { SCH_001 } from './sch-001';
import { SCH_002 } from './sch-002';
import { SCH_003 } from './sch-003';
import { SCH_004 } from './sch-004';
import { Rule } from '../../rule';

/*
 * SCH: the schema (Kubernetes 1.27 OpenAPI) checks. One file per rule, named after its id. The lists keep the reporting order.
 */

/** The schema rules. */
export const SCH_RULES: readonly Rule[] = [
  SCH_001,
  SCH_002,
  SCH_003,
  SCH_004,
];
