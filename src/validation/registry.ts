import { Rule } from './rule';

let rules: Rule[] | undefined;

/**
 * Every rule, in reporting order. Each rule lives in its own file, rules/<prefix>/<id>.ts, listed by its family's
 * rules/<prefix>/index.ts. The families are loaded on the first validation, not when the library is imported (module
 * load time is part of every `cdk8s synth`).
 *
 * The order is the order findings are reported in, and it interleaves families: the StorageClass checks (API, then STO)
 * come before the metadata checks, and the claim and volume checks (API, then STO) after the database ones.
 */
export function allRules(): readonly Rule[] {
  if (!rules) {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const sch = require('./rules/sch') as typeof import('./rules/sch');
    const api = require('./rules/api') as typeof import('./rules/api');
    const sto = require('./rules/sto') as typeof import('./rules/sto');
    const dbs = require('./rules/dbs') as typeof import('./rules/dbs');
    const wkl = require('./rules/wkl') as typeof import('./rules/wkl');
    const sec = require('./rules/sec') as typeof import('./rules/sec');
    const ing = require('./rules/ing') as typeof import('./rules/ing');
    const pol = require('./rules/pol') as typeof import('./rules/pol');
    /* eslint-enable @typescript-eslint/no-require-imports */
    rules = [
      ...sch.SCH_RULES,
      ...api.API_STORAGE_CLASS_RULES,
      ...sto.STO_STORAGE_CLASS_RULES,
      ...api.API_OBJECT_RULES,
      ...dbs.DBS_RULES,
      ...api.API_VOLUME_RULES,
      ...sto.STO_VOLUME_RULES,
      ...wkl.WKL_RULES,
      ...sec.SEC_RULES,
      ...ing.ING_RULES,
      ...pol.POL_RULES,
    ];
  }
  return rules;
}
