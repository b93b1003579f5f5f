import * as fs from 'fs';
import * as path from 'path';
import { Rule } from './rule';

/** The rule families, each the exports of its rules/<prefix>/index.ts. */
interface Families {
  readonly sch: typeof import('./rules/sch');
  readonly api: typeof import('./rules/api');
  readonly sto: typeof import('./rules/sto');
  readonly dbs: typeof import('./rules/dbs');
  readonly wkl: typeof import('./rules/wkl');
  readonly sec: typeof import('./rules/sec');
  readonly ing: typeof import('./rules/ing');
  readonly gwy: typeof import('./rules/gwy');
  readonly pol: typeof import('./rules/pol');
}

/** What scripts/bundle-rules.ts writes to lib/validation/rules/bundle.js. */
interface RulesBundle {
  /** The modules it holds, relative to rules/ (`sto/sto-012.js`). */
  readonly modules: readonly string[];
  /** Runs the modules and returns the families. */
  families(): Families;
}

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
    const { sch, api, sto, dbs, wkl, sec, ing, gwy, pol } = loadBundle() ?? loadFiles();
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
      ...gwy.GWY_RULES,
      ...pol.POL_RULES,
    ];
  }
  return rules;
}

/* eslint-disable @typescript-eslint/no-require-imports */

function loadFiles(): Families {
  return {
    sch: require('./rules/sch'),
    api: require('./rules/api'),
    sto: require('./rules/sto'),
    dbs: require('./rules/dbs'),
    wkl: require('./rules/wkl'),
    sec: require('./rules/sec'),
    ing: require('./rules/ing'),
    gwy: require('./rules/gwy'),
    pol: require('./rules/pol'),
  };
}

/**
 * The families from the compiled bundle, when there is one and none of its modules was compiled again after it (a
 * watch-mode compile rewrites one rule file, not the bundle). Node spends about 0.1 ms on every module it loads, and
 * the rules are some 130 modules: one bundle saves most of that on the first validation of every process.
 */
function loadBundle(): Families | undefined {
  const dir = path.join(__dirname, 'rules');
  const built = fs.statSync(path.join(dir, 'bundle.js'), { throwIfNoEntry: false })?.mtimeMs;
  if (built === undefined) return undefined; // not compiled (ts-node, jest) or not bundled
  const bundle = require('./rules/bundle.js') as RulesBundle;
  for (const m of bundle.modules) {
    const compiled = fs.statSync(path.join(dir, m), { throwIfNoEntry: false })?.mtimeMs;
    if (compiled === undefined || compiled > built) return undefined;
  }
  return bundle.families();
}

/* eslint-enable @typescript-eslint/no-require-imports */
