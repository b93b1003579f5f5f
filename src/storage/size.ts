import { SizeRoundingBehavior } from 'cdk8s';

/** The largest size a Kubernetes quantity of bytes holds (int64 bytes), in KiB. */
const MAX_KIB = 2 ** 53;

/**
 * The size as a whole number of KiB, or undefined when it is not a Size (or Size-like object), is negative, not
 * finite, not whole KiB, or larger than a Kubernetes quantity of bytes holds. Never throws: cdk8s's own
 * `toKibibytes()` throws a message without our construct path for sizes that are not whole KiB (`Size.tebibytes(1e-9)`).
 * @internal
 */
export function wholeKibibytes(size: unknown): number | undefined {
  if (size === null || typeof size !== 'object' || typeof (size as any).toKibibytes !== 'function') return undefined;
  let kib: unknown;
  try {
    kib = (size as any).toKibibytes({ rounding: SizeRoundingBehavior.NONE });
  } catch {
    return undefined;
  }
  return typeof kib === 'number' && Number.isInteger(kib) && kib >= 0 && kib <= MAX_KIB ? kib : undefined;
}
