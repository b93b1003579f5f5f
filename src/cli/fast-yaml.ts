import * as jsyaml from 'js-yaml';

/**
 * The fast reader of manifest files: js-yaml (about ten times faster than the `yaml` package on large directories)
 * with a schema that resolves plain scalars as the `yaml` package's YAML 1.1 schema does, which is how kubectl
 * (go-yaml v2 through sigs.k8s.io/yaml) reads them: `yes`/`on`/`y` are booleans, `0644` is octal, `0x1F` hex, `1_000`
 * a number, `<<` merges; timestamps, sexagesimal numbers (`1:30`) and `!!binary` stay strings.
 *
 * Anything it cannot read (a syntax error, a duplicate key, a tag it does not know, too many aliases) makes it give
 * up on the whole file, and the `yaml` package reads the file again (load-manifests.ts): so the errors, their lines
 * and columns, and every edge case of hostile input are those of the `yaml` package, while valid files take the fast
 * path. test/cli/fast-yaml.test.ts checks that both readers give the same values and lines.
 *
 * Not part of the jsii API.
 */

/** One document of a file, with the 1-based line its content starts on. */
export interface FastDocument {
  readonly value: unknown;
  readonly line: number;
  /** How deep its collections nest at most (the document itself is 1). */
  readonly depth: number;
}

// The scalar rules of the yaml package's YAML 1.1 schema (yaml/dist/schema/yaml-1.1), in its order of resolution.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const TRUE = /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/;
const FALSE = /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/;
const INT_BIN = /^[-+]?0b[0-1_]+$/;
const INT_OCT = /^[-+]?0[0-7_]+$/;
const INT_DEC = /^[-+]?[0-9][0-9_]*$/;
const INT_HEX = /^[-+]?0x[0-9a-fA-F_]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/;

/** An integer as the yaml package reads it: sign, prefix of `offset` characters, underscores dropped. */
function int(text: string, offset: number, radix: number): number {
  const sign = text[0];
  if (sign === '-' || sign === '+') offset += 1;
  const n = parseInt(text.substring(offset).replace(/_/g, ''), radix);
  return sign === '-' ? -1 * n : n;
}

function intValue(text: string): number {
  if (INT_BIN.test(text)) return int(text, 2, 2);
  if (INT_OCT.test(text)) return int(text, 1, 8);
  if (INT_DEC.test(text)) return int(text, 0, 10);
  return int(text, 2, 16);
}

function floatValue(text: string): number {
  if (FLOAT_NAN.test(text)) {
    return text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  return parseFloat(text.replace(/_/g, ''));
}

/** A plain null written as a map key, block or flow style. */
const NULL_KEY = /(?:^|[\s{,?])(?:~|[Nn]ull|NULL)[ \t]*:(?:[ \t]|$)/m;

/** A scalar type of js-yaml that keeps the text as it is (`!!binary`, `!!timestamp`: strings, as kubectl keeps them). */
const asString = (tag: string) => new jsyaml.Type(tag, { kind: 'scalar', construct: (data: string) => data });

/**
 * What a plain scalar's first character allows it to be: most scalars of a manifest are names and words, which one
 * character rules out of every type below without a regular expression.
 */
function firstChar(d: string): number {
  return d.length === 0 ? 0 : d.charCodeAt(0);
}
const mayBeNull = (c: number) => c === 0 || c === 126 /* ~ */ || c === 110 /* n */ || c === 78 /* N */;
const mayBeBool = (c: number) => 'yYnNtTfFoO'.includes(String.fromCharCode(c));
// `e3` is a float to the yaml package (its exponent pattern makes the mantissa optional): kept, for the same values
const mayBeNumber = (c: number) => (c >= 48 && c <= 57) || c === 43 /* + */ || c === 45 /* - */ || c === 46 /* . */ || c === 101 /* e */ || c === 69 /* E */;

const SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    new jsyaml.Type('tag:yaml.org,2002:null', {
      kind: 'scalar',
      resolve: (d: string | null) => d === null || (mayBeNull(firstChar(d)) && NULL.test(d)),
      construct: () => null,
    }),
    new jsyaml.Type('tag:yaml.org,2002:bool', {
      kind: 'scalar',
      resolve: (d: string | null) => d !== null && d.length <= 5 && mayBeBool(firstChar(d)) && (TRUE.test(d) || FALSE.test(d)),
      construct: (d: string) => TRUE.test(d),
    }),
    new jsyaml.Type('tag:yaml.org,2002:int', {
      kind: 'scalar',
      resolve: (d: string | null) => d !== null && mayBeNumber(firstChar(d)) && (INT_BIN.test(d) || INT_OCT.test(d) || INT_DEC.test(d) || INT_HEX.test(d)),
      construct: intValue,
    }),
    new jsyaml.Type('tag:yaml.org,2002:float', {
      kind: 'scalar',
      resolve: (d: string | null) => d !== null && mayBeNumber(firstChar(d)) && (FLOAT_NAN.test(d) || FLOAT_EXP.test(d) || FLOAT.test(d)),
      construct: floatValue,
    }),
    // `<<` merge keys: js-yaml's own merge type (exported at run time, missing from @types/js-yaml)
    (jsyaml as unknown as { types: { merge: jsyaml.Type } }).types.merge,
  ],
  explicit: [asString('tag:yaml.org,2002:binary'), asString('tag:yaml.org,2002:timestamp')],
});

/**
 * The documents of a file, or undefined when js-yaml cannot read it or a document resolves more than `maxAliases`
 * aliases (then the `yaml` package reads the file and reports why). Never throws.
 */
export function fastParse(text: string, maxDepth: number, maxAliases: number): FastDocument[] | undefined {
  // a null key (`~: x`) becomes "" in the yaml package and "null" in js-yaml (kubectl refuses it): the yaml package decides
  if ((text.includes('~') || text.includes('ull') || text.includes('ULL')) && NULL_KEY.test(text)) return undefined;
  const lines: number[] = [];
  const depths: number[] = [];
  let values: unknown[];
  try {
    values = jsyaml.loadAll(text, null, {
      schema: SCHEMA,
      // deeper than the loader's own check (which the yaml package's reading then reports), never a stack overflow
      maxDepth: maxDepth + 2,
      listener: (event: string, state: any) => {
        if (event !== 'open') return;
        if (state.depth === 1) {
          lines.push(state.line + 1);
          depths.push(1);
        } else if (state.depth > depths[depths.length - 1]) {
          depths[depths.length - 1] = state.depth; // scalars count too: a bound on how deep collections nest
        }
      },
    } as jsyaml.LoadOptions) as unknown[];
  } catch {
    return undefined;
  }
  if (lines.length !== values.length) return undefined;
  // aliases need anchors: a file without `&` shares nothing
  const anchored = text.includes('&');
  const docs: FastDocument[] = [];
  for (let i = 0; i < values.length; i++) {
    if (anchored && aliasResolutions(values[i], maxAliases) > maxAliases) return undefined;
    // with aliases a walk could revisit shared collections: let the loader check depth itself
    docs.push({ value: values[i], line: lines[i], depth: anchored ? Number.POSITIVE_INFINITY : depths[i] });
  }
  return docs;
}

/**
 * How many times the document would resolve an alias if it were written out in full: a collection met again is an
 * alias (js-yaml shares it instead of copying), and resolving it resolves the aliases inside it again. Linear in the
 * distinct collections; stops counting above `limit` (a billion-laughs document is rejected after a few levels).
 */
function aliasResolutions(root: unknown, limit: number): number {
  const inside = new Map<object, number>();
  const walk = (v: unknown): number => {
    if (typeof v !== 'object' || v === null) return 0;
    let n = 0;
    for (const c of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof c !== 'object' || c === null) continue;
      const seen = inside.get(c);
      n += seen === undefined ? walk(c) : 1 + seen;
      if (n > limit) break;
    }
    inside.set(v, n);
    return n;
  };
  return walk(root);
}
