import { forEachContainer } from './helpers';
import { asArray, isObject, str } from '../../../core/values';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

/**
 * Variables that make a database image accept logins without a password. The official mysql and mariadb images treat
 * any non-empty value as set (their entrypoints test `-n`, so "no" and "0" allow it too); Bitnami images read
 * ALLOW_EMPTY_PASSWORD as a yes/no flag; the official postgres image reads POSTGRES_HOST_AUTH_METHOD.
 */
const ANY_VALUE = new Set(['MYSQL_ALLOW_EMPTY_PASSWORD', 'MARIADB_ALLOW_EMPTY_ROOT_PASSWORD', 'MARIADB_ALLOW_EMPTY_PASSWORD']);
const YES = /^(yes|true|1|on|y)$/i;

/** Why the variable makes the database accept logins without a password, or undefined. */
function passwordless(name: string, value: string): string | undefined {
  if (ANY_VALUE.has(name) && value !== '') return 'lets root log in with an empty password (the image treats any non-empty value as set)';
  if (name === 'ALLOW_EMPTY_PASSWORD' && YES.test(value)) return 'lets users log in with an empty password';
  if (name === 'POSTGRES_HOST_AUTH_METHOD' && value === 'trust') return 'lets every client log in without a password (trust authentication)';
  return undefined;
}

export const SEC_017: Rule = {
  id: 'SEC-017',
  severity: Severity.ERROR,
  family: RuleFamily.SECURITY,
  basis: RuleBasis.PRACTICE,
  what: 'Database images must not be told to accept logins without a password (MYSQL_ALLOW_EMPTY_PASSWORD, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD, ALLOW_EMPTY_PASSWORD=yes, POSTGRES_HOST_AUTH_METHOD=trust).',
  why: 'Any pod that reaches the database port owns the data. These are flags, not secrets (SEC-001 does not report them), but what they allow is worse than a password in plain text.',
  fix: 'Remove the variable and set the password from a Secret (MYSQL_ROOT_PASSWORD / POSTGRES_PASSWORD through valueFrom.secretKeyRef), or MYSQL_RANDOM_ROOT_PASSWORD for a generated one.',
  check(ctx) {
    forEachContainer(ctx, (info, c) => {
      for (const e of asArray(c.container.env)) {
        if (!isObject(e)) continue;
        const name = str(e.name);
        const value = str(e.value);
        const why = name !== undefined && value !== undefined ? passwordless(name, value) : undefined;
        if (why) ctx.report(info.owner, `container ${c.name}: env ${name}=${JSON.stringify(value)} ${why}`);
      }
    });
  },
};
