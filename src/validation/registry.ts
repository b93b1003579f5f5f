import { Rule } from './rule';

let rules: Rule[] | undefined;

/**
 * Every rule, in reporting order. Each family lives in its own file under rules/; they are loaded on the first
 * validation, not when the library is imported (module load time is part of every `cdk8s synth`).
 */
export function allRules(): readonly Rule[] {
  if (!rules) {
    /* eslint-disable @typescript-eslint/no-require-imports */
    rules = [
      ...(require('./rules/schema') as typeof import('./rules/schema')).SCHEMA_RULES,
      ...(require('./rules/storage-class') as typeof import('./rules/storage-class')).STORAGE_CLASS_RULES,
      ...(require('./rules/api-server') as typeof import('./rules/api-server')).API_SERVER_RULES,
      ...(require('./rules/database') as typeof import('./rules/database')).DATABASE_RULES,
      ...(require('./rules/storage-claims') as typeof import('./rules/storage-claims')).STORAGE_CLAIM_RULES,
      ...(require('./rules/workload') as typeof import('./rules/workload')).WORKLOAD_RULES,
      ...(require('./rules/security') as typeof import('./rules/security')).SECURITY_RULES,
      ...(require('./rules/ingress') as typeof import('./rules/ingress')).INGRESS_RULES,
      ...(require('./rules/policy') as typeof import('./rules/policy')).POLICY_RULES,
    ];
    /* eslint-enable @typescript-eslint/no-require-imports */
  }
  return rules;
}
