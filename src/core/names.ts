import { asText } from './values';

/**
 * Kubernetes object names (apimachinery validation): DNS-1123 subdomains and labels.
 */

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** DNS-1123 subdomain (most object names). */
export function isDnsSubdomain(name: unknown): name is string {
  return typeof name === 'string' && name.length <= 253 && SUBDOMAIN.test(name);
}

/** DNS-1123 label (Service names, container names, namespaces, ...). */
export function isDnsLabel(name: unknown): name is string {
  return typeof name === 'string' && name.length <= 63 && LABEL.test(name);
}

/** A construct id turned into a DNS label: lower case, other characters as '-'. */
export function toDnsLabel(id: string): string {
  const s = asText(id).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').replace(/-{2,}/g, '-');
  return (s || 'x').slice(0, 63).replace(/-+$/, '');
}

/** A port number (1-65535). */
export function isPort(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 1 && x <= 65535;
}
