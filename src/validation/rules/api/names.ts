/*
 * Name syntax the API server enforces (apimachinery validation), as "why not" texts: each function returns why a value
 * is invalid, or undefined when it is valid.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** Why a value is not a DNS-1123 label, or undefined when it is one. */
export function dnsLabelError(v: string): string | undefined {
  if (v.length > 63) return `is ${v.length} characters, more than 63`;
  if (!DNS1123_LABEL.test(v)) return 'must be lowercase letters, digits and \'-\', starting and ending with a letter or digit';
  return undefined;
}

/** Why a value is not a DNS-1123 subdomain, or undefined when it is one. */
export function dnsSubdomainError(v: string): string | undefined {
  if (v.length > 253) return `is ${v.length} characters, more than 253`;
  if (!DNS1123_SUBDOMAIN.test(v)) return 'must be lowercase letters, digits, \'-\' and \'.\', starting and ending with a letter or digit';
  return undefined;
}

/** Why a label or annotation key is invalid (`[prefix/]name`), or undefined. */
export function qualifiedNameError(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return 'has more than one \'/\'';
  const name = parts[parts.length - 1];
  if (parts.length === 2) {
    const prefix = parts[0];
    if (prefix.length === 0) return 'has an empty prefix before \'/\'';
    const e = dnsSubdomainError(prefix);
    if (e) return `prefix ${JSON.stringify(prefix)} ${e}`;
  }
  if (name.length === 0) return 'has an empty name';
  if (name.length > 63) return `name part is ${name.length} characters, more than 63`;
  if (!QUALIFIED_NAME.test(name)) return 'name part must be letters, digits, \'-\', \'_\' and \'.\', starting and ending with a letter or digit';
  return undefined;
}

/** Why a label value is invalid, or undefined. */
export function labelValueError(v: string): string | undefined {
  if (v.length === 0) return undefined;
  if (v.length > 63) return `is ${v.length} characters, more than 63`;
  if (!QUALIFIED_NAME.test(v)) return 'must be empty or letters, digits, \'-\', \'_\' and \'.\', starting and ending with a letter or digit';
  return undefined;
}

/** Why a port name is not an IANA service name (at most 15 characters, a letter, no `--`), or undefined. */
export function portNameError(v: string): string | undefined {
  if (v.length > 15) return `is ${v.length} characters, more than 15`;
  if (!IANA_SVC_NAME.test(v)) return 'must be lowercase letters, digits and \'-\', starting and ending with a letter or digit';
  if (v.includes('--')) return 'must not contain \'--\'';
  if (!/[a-z]/.test(v)) return 'must contain at least one letter';
  return undefined;
}

/**
 * Results of a pure check, remembered per value: label keys and values repeat across thousands of objects.
 * Bounded: cleared when it grows past MEMO_LIMIT entries.
 */
const MEMO_LIMIT = 10_000;
export function memo(fn: (v: string) => string | undefined): (v: string) => string | undefined {
  const seen = new Map<string, string | null>();
  return (v) => {
    const known = seen.get(v); // one lookup for the common case: a valid value (undefined) is remembered as null
    if (known !== undefined) return known ?? undefined;
    const r = fn(v);
    if (seen.size >= MEMO_LIMIT) seen.clear();
    seen.set(v, r ?? null);
    return r;
  };
}

/** Protocols of Service and container ports. */
export const PROTOCOLS: ReadonlySet<string> = new Set(['TCP', 'UDP', 'SCTP']);
