import type { Duration, Size } from 'cdk8s';

// Types only: the validator (CLI, plugin) uses this module without loading cdk8s; sizes are recognized by their methods.
/** cdk8s `SizeRoundingBehavior.NONE`. */
const ROUNDING_NONE = 'none';

/**
 * Kubernetes resource quantities (apimachinery resource.Quantity) as numbers, for size rules.
 */

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { 'n': 1e-9, 'u': 1e-6, 'm': 1e-3, '': 1, 'k': 1e3, 'M': 1e6, 'G': 1e9, 'T': 1e12, 'P': 1e15, 'E': 1e18 };
const RE = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

/** One GiB in bytes. */
export const GIB = 2 ** 30;

/**
 * The value of a quantity (`10Gi`, `500M`, `1e3`, `250m`, or a number) as a plain number, or undefined when it is not a quantity.
 */
export function parseQuantity(q: unknown): number | undefined {
  if (typeof q === 'number') return Number.isFinite(q) ? q : undefined;
  if (typeof q !== 'string') return undefined;
  const m = RE.exec(q.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const suffix = m[2] ?? '';
  if (suffix in BINARY) return n * BINARY[suffix];
  if (suffix in DECIMAL) return n * DECIMAL[suffix];
  return n * 10 ** Number(suffix.slice(1));
}

/** A byte count as the shortest exact binary quantity (e.g. 10737418240 -> `10Gi`), or bytes. */
export function formatBytes(bytes: number): string {
  for (const [suffix, factor] of Object.entries(BINARY).reverse()) {
    if (bytes >= factor && Number.isInteger(bytes / factor)) return `${bytes / factor}${suffix}`;
  }
  return String(bytes);
}

/** The largest size a Kubernetes quantity of bytes holds (int64 bytes), in KiB. */
const MAX_KIB = 2 ** 53;

/**
 * The size as a whole number of KiB, or undefined when it is not a Size (or Size-like object), is negative, not
 * finite, not whole KiB, or larger than a Kubernetes quantity of bytes holds. Never throws: cdk8s's own
 * `toKibibytes()` throws a message without our construct path for sizes that are not whole KiB (`Size.tebibytes(1e-9)`).
 */
export function wholeKibibytes(size: unknown): number | undefined {
  if (size === null || typeof size !== 'object' || typeof (size as any).toKibibytes !== 'function') return undefined;
  let kib: unknown;
  try {
    kib = (size as any).toKibibytes({ rounding: ROUNDING_NONE });
  } catch {
    return undefined;
  }
  return typeof kib === 'number' && Number.isInteger(kib) && kib >= 0 && kib <= MAX_KIB ? kib : undefined;
}

/** Whether x is a cdk8s Size (or an object that behaves like one). */
export function isSize(x: unknown): x is Size {
  return typeof x === 'object' && x !== null && typeof (x as any).toKibibytes === 'function';
}

/** Whether x is a cdk8s Duration (or an object that behaves like one). */
export function isDuration(x: unknown): x is Duration {
  return typeof x === 'object' && x !== null && typeof (x as any).toSeconds === 'function';
}

/**
 * A Duration in whole seconds, or undefined when it is no Duration or not a whole number of seconds (cdk8s's own
 * `toSeconds()` throws on `Duration.millis(1500)`: read through milliseconds instead).
 */
export function wholeSeconds(x: unknown): number | undefined {
  if (!isDuration(x)) return undefined;
  try {
    // a Duration-like object from JavaScript may lack toMilliseconds, or throw: no whole seconds then
    const d = x as any;
    const ms = typeof d.toMilliseconds === 'function' ? d.toMilliseconds() : d.toSeconds() * 1000;
    return typeof ms === 'number' && Number.isInteger(ms) && ms % 1000 === 0 ? ms / 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A size as Kubernetes writes it, in the largest binary unit that keeps it whole (`20Gi`, `1536Mi`).
 * Sizes that are not whole KiB are rounded up to the next KiB.
 */
export function sizeQuantity(size: Size): string {
  const kib = size.toKibibytes();
  const units: Array<[string, number]> = [['Pi', 1024 ** 4], ['Ti', 1024 ** 3], ['Gi', 1024 ** 2], ['Mi', 1024], ['Ki', 1]];
  for (const [u, f] of units) {
    if (kib % f === 0) return `${kib / f}${u}`;
  }
  return `${Math.ceil(kib)}Ki`;
}

/** A size as whole bytes with its quantity string (`3Gi`), or undefined when it is not whole bytes. */
export function sizeBytes(size: Size): { bytes: number; quantity: string } | undefined {
  const kib = wholeKibibytes(size);
  if (kib === undefined) return undefined;
  const bytes = kib * 1024;
  return { bytes, quantity: formatBytes(bytes) };
}
