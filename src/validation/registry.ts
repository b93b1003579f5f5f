import { Rule } from './rule';
import { SCHEMA_RULES } from './rules/schema';
import { STORAGE_CLAIM_RULES } from './rules/storage-claims';
import { STORAGE_CLASS_RULES } from './rules/storage-class';

/**
 * Every rule, in reporting order. Each family lives in its own file under rules/.
 */
const RULES: Rule[] = [
  ...SCHEMA_RULES,
  ...STORAGE_CLASS_RULES,
  ...STORAGE_CLAIM_RULES,
];

/** The rule registry. */
export function allRules(): readonly Rule[] {
  return RULES;
}
