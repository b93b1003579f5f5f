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
