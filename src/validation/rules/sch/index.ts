import { SCH_001 } from './sch-001';
import { SCH_002 } from './sch-002';
import { SCH_003 } from './sch-003';
import { SCH_004 } from './sch-004';
import { SCH_005 } from './sch-005';
import { Rule } from '../../rule';

/*
 * SCH: the schema checks (the target Kubernetes minor's OpenAPI definitions, and CRD schemas). One file per rule, named after its id. The lists keep the reporting order.
 */

/** The schema rules. */
export const SCH_RULES: readonly Rule[] = [
  SCH_001,
  SCH_002,
  SCH_003,
  SCH_004,
  SCH_005,
];
