/**
 * Plain values as they come from JavaScript callers and parsed YAML: type guards, and values as error messages show them.
 */

/** Whether x is a plain object (not null, not an array). */
export function isObject(x: unknown): x is Record<string, any> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** x when it is an array, else an empty array. */
export function asArray(x: unknown): any[] {
  return Array.isArray(x) ? x : [];
}

/** x when it is a string, else undefined. */
export function str(x: unknown): string | undefined {
  return typeof x === 'string' ? x : undefined;
}

/** Whether a value can be written as a StorageClass parameter or other string field: a string, finite number or boolean. */
export function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/** A value printed as is in error messages (a size as `20Gi`, a duration as `90s`), where describe() would quote it. */
export class Shown {
  constructor(private readonly text: string) {}
  public toString(): string {
    return this.text;
  }
}

/** A value as it reads in an error message. Never throws, whatever a JavaScript caller passed. */
export function describe(value: unknown): string {
  try {
    if (value === undefined) return '(not set)';
    if (typeof value === 'string') return JSON.stringify(value);
    if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value); // NaN and Infinity as they are, not null
    if (typeof value === 'function') return `(a function${value.name ? ' ' + value.name : ''})`;
    if (typeof value === 'symbol') return value.toString();
    // a cdk8s Duration (its JSON is its internals): as the call that makes it
    if (value && typeof value === 'object' && typeof (value as any).toMilliseconds === 'function' && typeof (value as any).toHumanString === 'function') {
      return `Duration.millis(${(value as any).toMilliseconds()})`;
    }
    if (value && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype
      && typeof (value as any).toString === 'function' && (value as any).toString !== Object.prototype.toString) {
      return String(value);
    }
    const s = JSON.stringify(value);
    return s === undefined ? String(value) : s.length > 80 ? s.slice(0, 77) + '...' : s;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * A value written as the text a fix suggests (`Write it as "3000".`): primitives as they print, anything else
 * as {@link describe} shows it. Never throws.
 */
export function asText(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  // a string that would break the one-line-per-problem message is quoted
  if (typeof value === 'string') return /^[^\x00-\x1f\x7f\u2028\u2029]*$/.test(value) ? value : JSON.stringify(value);
  return describe(value);
}

/** Whether x is one of the values of a string enum. */
export function inEnum<T extends string>(x: unknown, e: Record<string, T>): x is T {
  return (Object.values(e) as unknown[]).includes(x);
}

/** A map with its keys in code-point order, so output does not depend on insertion order. */
export function sortKeys(m: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
