import { Rule } from './rule';
import { API_SERVER_RULES } from './rules/api-server';
import { DATABASE_RULES } from './rules/database';
import { INGRESS_RULES } from './rules/ingress';
import { SCHEMA_RULES } from './rules/schema';
import { SECURITY_RULES } from './rules/security';
import { STORAGE_CLAIM_RULES } from './rules/storage-claims';
import { STORAGE_CLASS_RULES } from './rules/storage-class';
import { WORKLOAD_RULES } from './rules/workload';
import { POLICY_RULES } from './rules/policy';

/**
 * Every rule, in reporting order. Each family lives in its own file under rules/.
 */
const RULES: Rule[] = [
  ...SCHEMA_RULES,
  ...STORAGE_CLASS_RULES,
  ...API_SERVER_RULES,
  ...DATABASE_RULES,
  ...STORAGE_CLAIM_RULES,
  ...WORKLOAD_RULES,
  ...SECURITY_RULES,
  ...INGRESS_RULES,
  ...POLICY_RULES,
];

/** The rule registry. */
export function allRules(): readonly Rule[] {
  return RULES;
}
