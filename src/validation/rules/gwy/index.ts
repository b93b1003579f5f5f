import { GWY_001 } from './gwy-001';
import { GWY_002 } from './gwy-002';
import { GWY_003 } from './gwy-003';
import { GWY_004 } from './gwy-004';
import { GWY_005 } from './gwy-005';
import { GWY_006 } from './gwy-006';
import { GWY_007 } from './gwy-007';
import { GWY_008 } from './gwy-008';
import { GWY_009 } from './gwy-009';
import { GWY_010 } from './gwy-010';
import { GWY_011 } from './gwy-011';
import { GWY_012 } from './gwy-012';
import { Rule } from '../../rule';

/*
 * GWY: Gateway API (Gateway, HTTPRoute, ReferenceGrant). One file per rule, named after its id. The list keeps the
 * reporting order.
 */

/** Rules over gateway.networking.k8s.io objects. */
export const GWY_RULES: readonly Rule[] = [
  GWY_001,
  GWY_002,
  GWY_003,
  GWY_004,
  GWY_005,
  GWY_006,
  GWY_007,
  GWY_008,
  GWY_009,
  GWY_010,
  GWY_011,
  GWY_012,
];
