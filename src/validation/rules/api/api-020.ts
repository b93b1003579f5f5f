import { dnsLabelError, dnsSubdomainError } from './names';
import { RuleFamily, Severity } from '../../finding';
import { ManifestObject, Rule } from '../../rule';

const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** Built-in API groups (core, apps, batch, *.k8s.io, ...): the only kinds whose name syntax we know. */
function isBuiltIn(o: ManifestObject): boolean {
  const slash = o.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : o.apiVersion.slice(0, slash);
  return group === '' || !group.includes('.') || group.endsWith('.k8s.io');
}

const LABEL_NAME_KINDS = new Set(['Namespace']);
const PATH_SEGMENT_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);

/** Why a name does not fit its kind, or undefined. */
function nameError(kind: string, name: string): string | undefined {
  if (PATH_SEGMENT_KINDS.has(kind)) {
    if (name === '.' || name === '..') return `may not be ${JSON.stringify(name)}`;
    if (/[/%]/.test(name)) return 'may not contain \'/\' or \'%\'';
    return undefined;
  }
  if (kind === 'Service') {
    if (name.length > 63) return `is ${name.length} characters, more than 63 (a Service name is a DNS-1035 label)`;
    if (!DNS1035_LABEL.test(name)) return 'must be lowercase letters, digits and \'-\', starting with a letter and ending with a letter or digit (a Service name is a DNS-1035 label)';
    return undefined;
  }
  if (LABEL_NAME_KINDS.has(kind)) {
    const e = dnsLabelError(name);
    return e ? `${e} (a ${kind} name is a DNS label)` : undefined;
  }
  const e = dnsSubdomainError(name);
  return e ? `${e} (a DNS subdomain)` : undefined;
}

export const API_020: Rule = {
  id: 'API-020',
  severity: Severity.ERROR,
  family: RuleFamily.API_SERVER,
  what: 'metadata.name is required and must fit its kind: a DNS label (63 characters) for Namespace, a DNS-1035 label (starting with a letter) for Service, a DNS subdomain (253) for most kinds.',
  why: 'The API server rejects the object; a Service name also becomes a DNS name, so it cannot hold dots or capitals.',
  fix: 'Use lowercase letters, digits and \'-\' (and \'.\' where a subdomain is allowed), starting and ending with a letter or digit.',
  check(ctx) {
    for (const o of ctx.objects) {
      if (!isBuiltIn(o)) continue;
      const meta = o.meta;
      const name = meta?.name;
      if (name === undefined || name === null || name === '') {
        if (typeof meta?.generateName === 'string' && meta.generateName !== '') continue;
        ctx.report(o, 'metadata.name is required');
        continue;
      }
      if (typeof name !== 'string') continue; // the schema reports the type
      const e = nameError(o.kind, name);
      if (e) ctx.report(o, `metadata.name ${JSON.stringify(name)} ${e}`);
    }
  },
};
