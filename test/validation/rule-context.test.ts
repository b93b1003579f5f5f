/**
 * RuleContext.memo: the indexes rules share (pod specs, claims, label maps, schema issues) are built once per
 * validation, by the first rule that asks, and never shared between validations.
 */
import { RuleContext, manifestObject } from '../../src/validation/rule';

const objects = () => [manifestObject({ obj: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } }, apiVersion: 'v1', kind: 'ConfigMap', name: 'a', index: 0 })];

describe('RuleContext.memo', () => {
  test('computes once per context and function, with the context, and returns the same value every time', () => {
    const seen: RuleContext[] = [];
    const count = (ctx: RuleContext) => {
      seen.push(ctx);
      return { kinds: ctx.objects.map((o) => o.kind) };
    };
    const ctx = new RuleContext(objects());
    const first = ctx.memo(count);
    expect(first).toEqual({ kinds: ['ConfigMap'] });
    expect(ctx.memo(count)).toBe(first);
    expect(seen).toEqual([ctx]);
  });

  test('another function, or another validation, computes its own value', () => {
    let calls = 0;
    const a = () => ++calls;
    const b = () => ++calls;
    const ctx = new RuleContext(objects());
    expect([ctx.memo(a), ctx.memo(b), ctx.memo(a)]).toEqual([1, 2, 1]);
    const other = new RuleContext(objects());
    expect(other.memo(a)).toBe(3);
  });

  test('a value that is undefined is remembered too', () => {
    let calls = 0;
    const nothing = (): undefined => {
      calls++;
      return undefined;
    };
    const ctx = new RuleContext(objects());
    expect([ctx.memo(nothing), ctx.memo(nothing)]).toEqual([undefined, undefined]);
    expect(calls).toBe(1);
  });
});
