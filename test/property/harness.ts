import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import * as fc from 'fast-check';
import { PlatformDefaults, Severity, Validator, Warnings } from '../../src';
import { GoldenPathError } from '../../src/core/problems';
import { checkRestricted, findPodSpecsInJson } from '../../src/validation/pod-spec';

/**
 * Shared harness of the property tests (issue 9): every construct, given any props a TypeScript or JavaScript
 * caller could pass, either synthesizes objects that pass the library's full validation (Kubernetes 1.27 schema
 * included) and Pod Security "restricted", or fails with the library's own error naming the prop or rule.
 */

/**
 * Runs per construct: 1000 in `npm test`, more with GOLDEN_PATHS_PROPERTY_RUNS=20000 (`npm run test:properties`
 * sets it, see scripts/property-tests.ts).
 */
export const RUNS = positiveInt(process.env.GOLDEN_PATHS_PROPERTY_RUNS, 1000);
/**
 * Fixed seed in `npm test` (override with GOLDEN_PATHS_PROPERTY_SEED to explore; `npm run test:properties -- --random`
 * draws one and prints it); fast-check prints seed and path on failure.
 */
export const SEED = positiveInt(process.env.GOLDEN_PATHS_PROPERTY_SEED, 20261122);

function positiveInt(text: string | undefined, fallback: number): number {
  const n = Number(text);
  return text && Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Chart id of every generated app: construct paths start with `test/`. */
export const CHART = 'test';

/** What building and synthesizing one generated app ended in. */
export type Outcome =
  | { readonly ok: true; readonly objects: any[]; readonly yaml: string }
  | { readonly ok: false; readonly message: string };

/** Where synth would write if anything wrote: must never exist afterwards. */
const OUTDIR = path.join(os.tmpdir(), `golden-paths-property-${process.pid}`);

/**
 * Builds a fresh app with one chart, lets `build` add constructs, then synthesizes with `App.synthYaml()`
 * (validation on, nothing written). Returns the objects, or the library's error; anything else fails.
 */
export function outcomeOf(build: (chart: Chart) => void, namespace?: string): Outcome {
  const app = new App({ outdir: OUTDIR });
  Warnings.of(app).sink = Warnings.SILENT;
  let yaml: string;
  const paths = (): string[] => app.node.findAll().map((c) => c.node.path).filter((x) => x).sort((a, b) => b.length - a.length);
  try {
    const chart = new Chart(app, CHART, namespace === undefined ? {} : { namespace });
    build(chart);
    yaml = app.synthYaml();
  } catch (e) {
    if (fs.existsSync(OUTDIR)) throw new Error(`synth failed but wrote ${OUTDIR}`);
    assertLibraryError(e, paths());
    return { ok: false, message: (e as Error).message };
  }
  if (fs.existsSync(OUTDIR)) throw new Error(`synthYaml wrote ${OUTDIR}`);
  return { ok: true, objects: app.charts.flatMap((c) => c.toJson()), yaml };
}

/** Messages of JavaScript engine errors that must never leak out of the library, even wrapped. */
const INTERNAL = new RegExp([
  'Cannot read propert', 'is not a function', 'is not iterable', 'is not a constructor', 'Maximum call stack', 'Invalid array length',
  'Cannot convert', 'is not an object \\(evaluating', 'Unexpected token', 'Invalid time value', 'toFixed\\(\\) digits',
  'Invalid regular expression', 'Cannot create property', 'Cannot use \'in\' operator',
].join('|'));

/** Rule ids (STO-001, SCH-002, ...). */
const RULE_ID = /\b[A-Z]{3}-\d{3}\b/;

/**
 * The error is the library's: a GoldenPathError (or cdk8s's plain validation Error) whose every problem starts with a construct path of the app and names
 * the prop (`test/x: prop value problem. fix`), or `Validation failed ...` whose every line names a rule id or a
 * construct path and prop. Never a TypeError, RangeError, a rule crash (VAL-002) or an engine message.
 */
export function assertLibraryError(e: unknown, constructPaths: string[]): void {
  const namesPathAndProp = (line: string) => constructPaths.some((p) => line.startsWith(`${p}: `) && /\S/.test(line.slice(p.length + 2, p.length + 3)));
  if (!(e instanceof GoldenPathError) && !(e instanceof Error && e.constructor === Error)) {
    throw new Error(`not the library's error: ${describeError(e)}`);
  }
  const message = e.message;
  if (INTERNAL.test(message)) throw new Error(`internal error leaked through the library's message: ${message}`);
  if (/\bVAL-002\b/.test(message)) throw new Error(`a rule crashed: ${message}`);
  const lines = message.split('\n').slice(1).map((l) => l.trim()).filter((l) => l);
  if (/^(invalid configuration|\d+ problems in the configuration):$/.test(message.split('\n')[0])) {
    if (lines.length === 0) throw new Error(`empty prop error: ${message}`);
    for (const line of lines) {
      // value objects that are not constructs (no construct path) name themselves: `ExistingStorageClass "x": prop ...`
      if (/^(ExistingStorageClass( "[^"]*")?|ResourcePreset\.custom): \S/.test(line)) continue;
      if (!namesPathAndProp(line)) throw new Error(`problem does not start with a construct path and a prop: ${JSON.stringify(line)} in\n${message}`);
    }
    return;
  }
  if (message.startsWith('Validation failed with the following errors:')) {
    if (lines.length === 0) throw new Error(`empty validation error: ${message}`);
    for (const line of lines) {
      const owner = constructPaths.find((p) => line.startsWith(`[${p}] `));
      if (!owner) throw new Error(`validation line without a construct path: ${JSON.stringify(line)}`);
      const rest = line.slice(owner.length + 3);
      if (!RULE_ID.test(rest) && !namesPathAndProp(rest)) {
        throw new Error(`validation line names no rule and no prop: ${JSON.stringify(line)}`);
      }
    }
    return;
  }
  // platform-level errors (PlatformDefaults, PlatformPolicy): `<scope path>: invalid platform defaults:` then one prop per line
  if (namesPathAndProp(message.split('\n')[0])) return;
  throw new Error(`error is not the library's (no construct path, no "Validation failed"): ${JSON.stringify(message)}\n${e.stack}`);
}

function describeError(e: unknown): string {
  if (e instanceof Error) return `${e.constructor.name}: ${e.message}\n${e.stack}`;
  return `a thrown ${typeof e}: ${String(e)}`;
}

/**
 * Objects are clean: no error finding (and no rule crash) from the full validator over the whole output,
 * every pod Pod Security "restricted", nothing unrepresentable in the YAML.
 */
export function assertClean(objects: any[], yaml: string): void {
  const findings = Validator.validate(objects);
  const bad = findings.filter((f) => f.severity === Severity.ERROR || f.ruleId === 'VAL-002');
  if (bad.length) throw new Error(`synthesized objects fail validation:\n${bad.map((f) => Validator.format(f)).join('\n')}`);
  for (const pod of findPodSpecsInJson(objects)) {
    const v = checkRestricted(pod.spec, pod.metadata);
    if (v.length) throw new Error(`${pod.owner.kind}/${pod.owner.name} is not Pod Security restricted: ${v.join('; ')}`);
  }
  if (/: (\.nan|\.inf|-\.inf)$/im.test(yaml)) throw new Error(`YAML holds NaN or Infinity:\n${yaml}`);
  // a wrong type turned into text by String(): the caller's mistake went through silently
  const leaked = /\[object Object\]|\bNaN\b|\bInfinity\b|\bundefined\b|\bfunction \w*\(/.exec(yaml);
  if (leaked) throw new Error(`YAML holds ${JSON.stringify(leaked[0])} (a wrong type written as text):\n${yaml}`);
}

/**
 * The whole property: exactly one of clean objects (synthesized to the same bytes a second time, unless `twice` is
 * false) or the library's error. Returns the outcome for extra checks.
 */
export function check(build: (chart: Chart) => void, namespace?: string, twice = true): Outcome {
  const outcome = outcomeOf(build, namespace);
  if (outcome.ok) stats.ok++; else stats.error++;
  if (!outcome.ok && process.env.GOLDEN_PATHS_PROPERTY_STATS === 'errors') console.log(outcome.message);
  if (outcome.ok) assertClean(outcome.objects, outcome.yaml);
  if (outcome.ok && twice) {
    // determinism: the same props build the same bytes again (no random names, no clock, no shared state between apps)
    const again = outcomeOf(build, namespace);
    if (!again.ok || again.yaml !== outcome.yaml) throw new Error(`the same app synthesized differently the second time:\n${outcome.yaml}\n---\n${again.ok ? again.yaml : again.message}`);
  }
  return outcome;
}

/** How many generated apps synthesized and how many were refused (GOLDEN_PATHS_PROPERTY_STATS=1 prints them). */
export const stats = { ok: 0, error: 0 };
if (process.env.GOLDEN_PATHS_PROPERTY_STATS) afterAll(() => console.log(`synthesized ${stats.ok}, refused ${stats.error}`));

/**
 * fc.assert with the fixed seed and run count. `examples` (past counterexamples, test/property/regressions.test.ts)
 * run first, before the generated values.
 */
export function assertProperty<T>(arb: fc.Arbitrary<T>, predicate: (value: T) => void, runs = RUNS, examples: T[] = []): void {
  fc.assert(fc.property(arb, predicate), { seed: SEED, numRuns: runs, endOnFailure: false, examples: examples.map((e) => [e] as [T]) });
}

// ---------------------------------------------------------------------------------------------------------------
// Oracle properties (issue 20): every generated field is absent, valid, or wrong in a way the test knows, so each
// run has an expected answer decided by the test, not by the code under test.
// ---------------------------------------------------------------------------------------------------------------

/** A value the test knows is valid (no `bad`), or the prop its refusal must name (`bad`). */
export interface Choice<T> {
  readonly value: T;
  readonly bad?: string;
}

export const good = <T>(value: T): Choice<T> => ({ value });
export const bad = <T>(value: T, prop: string): Choice<T> => ({ value, bad: prop });

/**
 * A field: absent (weight 30, unless `absent` is false), valid (30), or a known wrong value (1): about one wrong
 * field in 60, so that with a dozen fields most generated apps are valid.
 */
export function field<T>(valid: fc.Arbitrary<T>, wrong?: fc.Arbitrary<Choice<any>>, absent = true): fc.Arbitrary<Choice<T | undefined>> {
  const options: Array<fc.WeightedArbitrary<Choice<T | undefined>>> = [{ arbitrary: valid.map((v) => good<T | undefined>(v)), weight: 30 }];
  if (wrong) options.push({ arbitrary: wrong, weight: 1 });
  if (absent) options.push({ arbitrary: fc.constant(good<T | undefined>(undefined)), weight: 30 });
  return fc.oneof(...options);
}

/** The props a spec got wrong: every `bad` of the Choice values in it (arrays and nested records included). */
export function badProps(spec: unknown): string[] {
  const found: string[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) { x.forEach(walk); return; }
    if (x === null || typeof x !== 'object') return;
    if ('value' in x && 'bad' in x && typeof (x as Choice<unknown>).bad === 'string') found.push((x as Choice<unknown>).bad!);
    Object.values(x).forEach(walk);
  };
  walk(spec);
  return found;
}

/**
 * Past counterexamples (regressions.test.ts) weighted into a generator: one run in `every` replays one of them,
 * so a fix that regresses fails in the properties too, not only in the regression test.
 */
export function withPast<T>(arb: fc.Arbitrary<T>, past: T[], every = 20): fc.Arbitrary<T> {
  return past.length ? fc.oneof({ arbitrary: arb, weight: every - 1 }, { arbitrary: fc.constantFrom(...past), weight: 1 }) : arb;
}

/** Tallies of one oracle property, to assert the share of valid apps and that refusals were exercised. */
export interface OracleTally {
  runs: number;
  ok: number;
  refused: number;
}

/**
 * The oracle property of one construct: for each generated spec, `wrong(spec)` (the test's own oracle) lists the props
 * the library must refuse. None: the app must synthesize clean (full validator, Pod Security "restricted"; same bytes
 * twice on some runs) and `ties(spec, objects)` checks the output against the input. Some: the app must be refused, and the
 * message must name each wrong prop as `<construct path>: <prop> `. Afterwards at least `minValid` of the runs
 * synthesized and some were refused: neither half of the property is checked vacuously.
 */
export function assertOracle<S>(options: {
  arb: fc.Arbitrary<S>;
  build: (spec: S) => (chart: Chart) => void;
  namespace?: (spec: S) => string | undefined;
  wrong: (spec: S) => string[];
  /** Exact fragments the refusal must hold (the library's message for a refusal the test knows word for word). */
  messages?: (spec: S) => string[];
  /** Construct path the refusals start with, e.g. `test/fast`. */
  path: (spec: S) => string;
  ties: (spec: S, objects: any[]) => void;
  examples?: S[];
  runs?: number;
  minValid?: number;
}): OracleTally {
  const tally: OracleTally = { runs: 0, ok: 0, refused: 0 };
  const runs = options.runs ?? RUNS;
  assertProperty(options.arb, (s) => {
    tally.runs++;
    const wrong = options.wrong(s);
    // determinism (same bytes twice) on one run in 8: the junk properties check it on every run
    const outcome = check(options.build(s), options.namespace?.(s), tally.runs % 8 === 1);
    if (wrong.length === 0) {
      if (!outcome.ok) throw new Error(`valid props were refused:\n${outcome.message}`);
      tally.ok++;
      options.ties(s, outcome.objects);
    } else {
      if (outcome.ok) throw new Error(`props with ${wrong.join(', ')} wrong were accepted`);
      tally.refused++;
      for (const prop of wrong) {
        if (!outcome.message.includes(`${options.path(s)}: ${prop} `)) throw new Error(`the refusal does not name ${options.path(s)}: ${prop}\n${outcome.message}`);
      }
      for (const fragment of options.messages?.(s) ?? []) {
        if (!outcome.message.includes(fragment)) throw new Error(`the refusal does not say ${JSON.stringify(fragment)}:\n${outcome.message}`);
      }
    }
  }, runs, options.examples ?? []);
  if (process.env.GOLDEN_PATHS_PROPERTY_STATS) console.log(`synthesized ${tally.ok} of ${tally.runs}, refused ${tally.refused}`);
  expect(tally.runs).toBeGreaterThanOrEqual(runs);
  expect(tally.ok / tally.runs).toBeGreaterThanOrEqual(options.minValid ?? 0.5);
  expect(tally.refused).toBeGreaterThan(0);
  return tally;
}

// ---------------------------------------------------------------------------------------------------------------
// Generators shared by the construct files
// ---------------------------------------------------------------------------------------------------------------

/** Values a JavaScript caller could pass where anything else was expected. */
export const junk: fc.Arbitrary<any> = fc.oneof(
  fc.constantFrom(undefined, null, 0, -1, 1.5, NaN, Infinity, -Infinity, '', ' ', true, false, [], {}, [''], [null], { toString: 1 }),
  fc.constantFrom('Ünïcödé', 'é', '名前', '🚀', '\u0000', 'a\nb', 'A', '-a', 'a-', 'a..b', '*', '/', '..', '${x}', 'x'.repeat(300)),
  fc.integer({ min: -1e9, max: 1e12 }),
  fc.string({ maxLength: 8 }),
);

/** A prop that is usually valid, sometimes junk. */
export function maybe<T>(valid: fc.Arbitrary<T>, junkWeight = 1): fc.Arbitrary<T | any> {
  return junkWeight ? fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: junk, weight: junkWeight }) : valid;
}

/** An optional prop: absent, valid or junk. */
export function optional<T>(valid: fc.Arbitrary<T>, junkWeight = 1): fc.Arbitrary<T | any> {
  return junkWeight
    ? fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: valid, weight: 4 }, { arbitrary: junk, weight: junkWeight })
    : fc.oneof(fc.constant(undefined), valid);
}

/**
 * Props generated twice over: half the runs without any junk (so valid apps are common and their objects get
 * checked), half with junk anywhere.
 */
export function cleanOrJunk<T>(make: (junkWeight: number) => fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof(make(0), make(1));
}

/** One of the valid values; with junk on, also one of the well-typed but wrong ones. */
export function pick<T>(valid: T[], wrong: T[], junkWeight: number): fc.Arbitrary<T> {
  return junkWeight ? fc.constantFrom(...valid, ...wrong) : fc.constantFrom(...valid);
}

/** Usually null (use the generated props), rarely a junk value in place of the whole props object. */
export function rarely<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.oneof({ arbitrary: fc.constant(null), weight: 30 }, { arbitrary: arb, weight: 1 });
}

/** Platform defaults a platform team could set on the chart (labels and annotations every object gets), or junk. */
export const platformDefaults: fc.Arbitrary<any> = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 6 },
  {
    arbitrary: fc.record({
      labels: optional(fc.dictionary(fc.constantFrom('team', 'acme.io/cost-center', 'Bad Key', ''), maybe(fc.constantFrom('shop', 'x'.repeat(64), 'Bad Value')), { maxKeys: 2 })),
      annotations: optional(fc.dictionary(fc.constantFrom('acme.io/owner', 'golden-paths.dev/suppress.STO-001', 'x'), maybe(fc.constantFrom('shop', 'because we said so', '')), { maxKeys: 2 })),
    }, { requiredKeys: [] }),
    weight: 2,
  },
  { arbitrary: junk, weight: 1 },
);

/** Applies generated platform defaults to the chart (inside the property: a refusal is one of the outcomes). */
export function applyPlatformDefaults(chart: Chart, defaults: any): void {
  if (defaults !== undefined) PlatformDefaults.set(chart, defaults);
}

/** Object names: mostly valid DNS labels, sometimes odd. */
export const dnsName: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom('data', 'fast', 'shop-db', 'a', 'x1', 'uploads', 'a.b', 'z'.repeat(63)), weight: 5 },
  { arbitrary: fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,10}[a-z0-9])?$/), weight: 3 },
  { arbitrary: fc.constantFrom('Fast', 'a_b', '-x', 'x-', 'é', 'z'.repeat(64), 'z'.repeat(254), 'a..b', '.'), weight: 1 },
);

/** Construct ids, including odd unicode ones. */
export const constructId: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom('data', 'Fast', 'db', 'My_Class', 'x'), weight: 5 },
  { arbitrary: fc.constantFrom('Ünïcödé', '名前', '🚀', '__', '-', '.', 'A'.repeat(300), 'a b'), weight: 1 },
  { arbitrary: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !s.includes('/') && s.trim() === s && s !== ''), weight: 1 },
// the constructs library keeps children in a plain object: an id such as "toString" collides with Object.prototype
// there ("There is already a Construct with name 'toString'"), before any code of this library runs
).filter((id) => !(id in Object.prototype));

/** Namespaces of the chart: none, valid, or odd. */
export const namespace: fc.Arbitrary<string | undefined> = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 3 },
  { arbitrary: fc.constantFrom('shop', 'default', 'team-a'), weight: 3 },
);

/** A Size as data (so counterexamples print readably), or junk. */
export type SizeSpec = { unit: 'kibibytes' | 'mebibytes' | 'gibibytes' | 'tebibytes'; amount: number } | { junk: any };

export const sizeSpec: fc.Arbitrary<SizeSpec> = fc.oneof(
  { arbitrary: fc.record({ unit: fc.constant('gibibytes' as const), amount: fc.integer({ min: 1, max: 2000 }) }), weight: 6 },
  {
    arbitrary: fc.record({
      unit: fc.constantFrom('kibibytes' as const, 'mebibytes' as const, 'gibibytes' as const, 'tebibytes' as const),
      amount: fc.oneof(fc.integer({ min: -5, max: 100000 }), fc.double({ noNaN: false }), fc.constantFrom(0, 0.5, 1e20, 1e300, -0)),
    }),
    weight: 2,
  },
  { arbitrary: junk.map((j) => ({ junk: j })), weight: 1 },
);

/** The Size a spec describes (factories throw for nothing: a bad amount makes a bad Size). */
export function sizeOf(spec: SizeSpec | any): any {
  if (spec === null || typeof spec !== 'object' || !('unit' in spec)) return spec && typeof spec === 'object' && 'junk' in spec ? spec.junk : spec;
  try {
    return (Size as any)[spec.unit](spec.amount);
  } catch {
    // cdk8s refuses negative amounts; a JavaScript caller can still hand over such a Size (or a Size-like object)
    const size = (Size as any)[spec.unit](1);
    size.amount = spec.amount;
    return size;
  }
}

/** A Deployment whose pods are Pod Security "restricted", to mount volumes into. */
export function restrictedDeployment(chart: Chart, id: string): kplus.Deployment {
  const d = new kplus.Deployment(chart, id, {
    containers: [{
      name: 'app',
      image: 'registry.example.com/app@sha256:' + 'a'.repeat(64),
      portNumber: 8080,
      securityContext: { ensureNonRoot: true, allowPrivilegeEscalation: false },
      resources: { cpu: { request: kplus.Cpu.millis(100), limit: kplus.Cpu.millis(500) }, memory: { request: Size.mebibytes(128), limit: Size.mebibytes(256) } },
    }],
    automountServiceAccountToken: false,
  });
  // cdk8s-plus-27 has neither seccomp profiles nor a Capability for ALL
  ApiObject.of(d).addJsonPatch(
    JsonPatch.add('/spec/template/spec/securityContext/seccompProfile', { type: 'RuntimeDefault' }),
    JsonPatch.add('/spec/template/spec/containers/0/securityContext/capabilities', { drop: ['ALL'] }),
  );
  return d;
}
