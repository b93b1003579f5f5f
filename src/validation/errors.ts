import { IConstruct } from 'constructs';

/**
 * Collects every problem with a construct's props, then throws them together as one error:
 * `<construct path>: <prop> <value> <problem>. <fix>` per line.
 */
export class PropErrors {
  private readonly problems: string[] = [];

  constructor(private readonly scope: IConstruct) {}

  /** Record a problem with one prop. */
  public add(prop: string, value: unknown, problem: string, fix: string): void {
    this.problems.push(`${this.scope.node.path}: ${prop} ${describe(value)} ${problem}. ${fix}`);
  }

  /** Whether any problem was recorded. */
  public get any(): boolean {
    return this.problems.length > 0;
  }

  /** Throw all recorded problems at once, if any. */
  public throwIfAny(): void {
    if (this.problems.length === 0) return;
    const head = this.problems.length === 1 ? 'invalid configuration' : `${this.problems.length} problems in the configuration`;
    throw new Error(`${head}:\n  ${this.problems.join('\n  ')}`);
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

/** Whether a value can be written as a StorageClass parameter or other string field: a string, finite number or boolean. */
export function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/** DNS-1123 subdomain (most object names). */
export function isDnsSubdomain(name: unknown): boolean {
  return typeof name === 'string' && name.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(name);
}

/** DNS-1123 label (Service names, container names, ...). */
export function isDnsLabel(name: unknown): boolean {
  return typeof name === 'string' && name.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name);
}

/** A construct id turned into a DNS label: lower case, other characters as '-'. */
export function toDnsLabel(id: string): string {
  const s = asText(id).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').replace(/-{2,}/g, '-');
  return (s || 'x').slice(0, 63).replace(/-+$/, '');
}
