import { forEachContainer } from './helpers';
import { asArray, isObject, str } from '../../../core/values';
import { RuleBasis, RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

/** Env var names that hold credentials. `*_FILE`, `*_PATH`, ... name where a secret is, not the secret. */
const SECRET_NAME = /PASSW(OR)?D|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL/i;
const SECRET_REFERENCE_SUFFIX = /_(FILE|PATH|DIR|NAME|REF)$/i;
/**
 * Switches about passwords, not passwords: MYSQL_ALLOW_EMPTY_PASSWORD, MYSQL_RANDOM_ROOT_PASSWORD,
 * PASSWORD_AUTH_ENABLED=true, ... (a name with one of these words and a yes/no value). What an empty password allows
 * is SEC-017's concern.
 */
const FLAG_WORD = /(^|_)(ALLOW(_EMPTY)?|RANDOM|SKIP|DISABLE|DISABLED|ENABLE|ENABLED|REQUIRE|REQUIRED|GENERATE|USE|AUTH)(_|$)/i;
const FLAG_VALUE = /^(yes|no|true|false|on|off|y|n|0|1)$/i;

export const SEC_001: Rule = {
  id: 'SEC-001',
  severity: Severity.ERROR,
  family: RuleFamily.SECURITY,
  basis: RuleBasis.PRACTICE,
  what: 'Environment variables named like credentials (*PASSWORD*, *SECRET*, *TOKEN*, *API_KEY*, *PRIVATE_KEY*, *CREDENTIAL*) must not hold a literal value (switches such as MYSQL_ALLOW_EMPTY_PASSWORD: "1" are not credentials: see SEC-017).',
  why: 'A literal value is stored in plain text in the manifest, in git and in the object, readable by anyone who can read the workload.',
  fix: 'Put the value in a Secret and use valueFrom.secretKeyRef (or mount the Secret as a file).',
  check(ctx) {
    forEachContainer(ctx, (info, c) => {
      for (const e of asArray(c.container.env)) {
        if (!isObject(e)) continue;
        const name = str(e.name);
        const value = str(e.value);
        if (!name || !value || !SECRET_NAME.test(name) || SECRET_REFERENCE_SUFFIX.test(name)) continue;
        if (/^\$\([A-Za-z_][A-Za-z0-9_]*\)$/.test(value)) continue; // a reference to another variable
        if (FLAG_WORD.test(name) && FLAG_VALUE.test(value)) continue; // a switch (MYSQL_ALLOW_EMPTY_PASSWORD: "1"), see SEC-017
        ctx.report(info.owner, `container ${c.name}: env ${name} has a literal value; use valueFrom.secretKeyRef`);
      }
    });
  },
};
