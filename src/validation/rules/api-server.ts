import { isClusterScoped } from '../../core/scope';
import { asArray, isObject, str } from '../../core/values';
import { RuleFamily, Severity } from '../finding';
import { podSpecs } from '../pod-spec';
import { ManifestObject, Rule, RuleContext } from '../rule';

/*
 * API-server parity: what kube-apiserver rejects (pkg/apis/core/validation, apimachinery validation) that no schema
 * expresses, for object metadata, Services and pod specs. Storage (API-001..019), workloads (WKL), ingress (ING) live in
 * their own families. Every helper treats every field as possibly missing or of the wrong type.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const TOTAL_ANNOTATION_BYTES = 256 * 1024;

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

/**
 * Results of a pure check, remembered per value: label keys and values repeat across thousands of objects.
 * Bounded: cleared when it grows past MEMO_LIMIT entries.
 */
const MEMO_LIMIT = 10_000;
function memo(fn: (v: string) => string | undefined): (v: string) => string | undefined {
  const seen = new Map<string, string | undefined>();
  return (v) => {
    if (seen.has(v)) return seen.get(v);
    const r = fn(v);
    if (seen.size >= MEMO_LIMIT) seen.clear();
    seen.set(v, r);
    return r;
  };
}

const keyError = memo((k) => qualifiedNameError(k));
const valueError = memo((v) => labelValueError(v));

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

/** Built-in API groups (core, apps, batch, *.k8s.io, ...): the only kinds whose name syntax we know. */
function isBuiltIn(o: ManifestObject): boolean {
  const slash = o.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : o.apiVersion.slice(0, slash);
  return group === '' || !group.includes('.') || group.endsWith('.k8s.io');
}

const LABEL_NAME_KINDS = new Set(['Namespace']);
const PATH_SEGMENT_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);

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

function metadataOf(x: unknown): Record<string, any> | undefined {
  return isObject(x) && isObject(x.metadata) ? x.metadata : undefined;
}

type LabelMap = { owner: ManifestObject; path: string; labels: Record<string, unknown> };
const labelMapCache = new WeakMap<RuleContext, LabelMap[]>();

/** Every label map of an object: its own, its pod template's and its claim templates', with a path for messages. */
function labelMaps(ctx: RuleContext): LabelMap[] {
  let cached = labelMapCache.get(ctx);
  if (!cached) {
    cached = findLabelMaps(ctx);
    labelMapCache.set(ctx, cached);
  }
  return cached;
}

function findLabelMaps(ctx: RuleContext): LabelMap[] {
  const result: Array<{ owner: ManifestObject; path: string; labels: Record<string, unknown> }> = [];
  for (const o of ctx.objects) {
    const meta = metadataOf(o.obj);
    if (meta && isObject(meta.labels)) result.push({ owner: o, path: 'metadata.labels', labels: meta.labels });
    if (o.kind === 'Service' && isObject(o.obj.spec) && isObject(o.obj.spec.selector)) {
      result.push({ owner: o, path: 'spec.selector', labels: o.obj.spec.selector });
    }
  }
  for (const info of podSpecs(ctx)) {
    if (info.path !== 'spec' && isObject(info.metadata.labels)) {
      result.push({ owner: info.owner, path: info.path.replace(/spec$/, 'metadata.labels'), labels: info.metadata.labels });
    }
    const sel = info.selector;
    if (isObject(sel) && isObject(sel.matchLabels)) {
      result.push({ owner: info.owner, path: info.owner.kind === 'CronJob' ? 'spec.jobTemplate.spec.selector.matchLabels' : 'spec.selector.matchLabels', labels: sel.matchLabels });
    }
    if (info.owner.kind === 'StatefulSet' && isObject(info.owner.obj.spec)) {
      asArray(info.owner.obj.spec.volumeClaimTemplates).forEach((t, i) => {
        const m = metadataOf(t);
        if (m && isObject(m.labels)) result.push({ owner: info.owner, path: `spec.volumeClaimTemplates[${i}].metadata.labels`, labels: m.labels });
      });
    }
  }
  return result;
}

function isPort(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 65535;
}

const PROTOCOLS = new Set(['TCP', 'UDP', 'SCTP']);
const SERVICE_TYPES = new Set(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']);

/** Rules of the API server over metadata, Services and pod specs (API-020..049). */
export const API_SERVER_RULES: Rule[] = [
  {
    id: 'API-020',
    severity: Severity.ERROR,
    family: RuleFamily.API_SERVER,
    what: 'metadata.name is required and must fit its kind: a DNS label (63 characters) for Namespace, a DNS-1035 label (starting with a letter) for Service, a DNS subdomain (253) for most kinds.',
    why: 'The API server rejects the object; a Service name also becomes a DNS name, so it cannot hold dots or capitals.',
    fix: 'Use lowercase letters, digits and \'-\' (and \'.\' where a subdomain is allowed), starting and ending with a letter or digit.',
    check(ctx) {
      for (const o of ctx.objects) {
        if (!isBuiltIn(o)) continue;
        const meta = metadataOf(o.obj);
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
  },
  {
    id: 'API-021',
    severity: Severity.ERROR,
    family: RuleFamily.API_SERVER,
    what: 'metadata.namespace must be a DNS label.',
    why: 'Namespace names are DNS labels; the API server rejects the object (and kubectl cannot create the namespace).',
    fix: 'Use a namespace name of lowercase letters, digits and \'-\', at most 63 characters.',
    check(ctx) {
      for (const o of ctx.objects) {
        if (isClusterScoped(o.kind) || o.namespace === undefined) continue;
        const e = dnsLabelError(o.namespace);
        if (e) ctx.report(o, `metadata.namespace ${JSON.stringify(o.namespace)} ${e}`);
      }
    },
  },
  {
    id: 'API-022',
    severity: Severity.ERROR,
    family: RuleFamily.API_SERVER,
    what: 'Label and annotation keys must be qualified names: an optional DNS-subdomain prefix and \'/\', then at most 63 letters, digits, \'-\', \'_\' or \'.\'.',
    why: 'The API server rejects the object with an invalid key.',
    fix: 'Rename the key, e.g. example.com/my-key; keys with spaces, several \'/\' or a capitalized prefix are invalid.',
    check(ctx) {
      for (const m of labelMaps(ctx)) {
        for (const key of Object.keys(m.labels)) {
          const e = keyError(key);
          if (e) ctx.report(m.owner, `${m.path} key ${JSON.stringify(key)} ${e}`);
        }
      }
      for (const o of ctx.objects) {
        const meta = metadataOf(o.obj);
        if (!meta || !isObject(meta.annotations)) continue;
        for (const key of Object.keys(meta.annotations)) {
          const e = keyError(key);
          if (e) ctx.report(o, `metadata.annotations key ${JSON.stringify(key)} ${e}`);
        }
      }
    },
  },
  {
    id: 'API-023',
    severity: Severity.ERROR,
    family: RuleFamily.API_SERVER,
    what: 'Label values (and selector values) must be empty or at most 63 letters, digits, \'-\', \'_\' or \'.\', starting and ending with a letter or digit.',
    why: 'The API server rejects the object; versions like "1.0+build" or long descriptions belong in annotations.',
    fix: 'Shorten or simplify the value, or move free text to an annotation.',
    check(ctx) {
      for (const m of labelMaps(ctx)) {
        for (const [key, value] of Object.entries(m.labels)) {
          if (typeof value !== 'string') continue; // the schema reports the type
          const e = valueError(value);
          if (e) ctx.report(m.owner, `${m.path}.${key} value ${JSON.stringify(value.length > 80 ? value.slice(0, 80) + '...' : value)} ${e}`);
        }
      }
    },
  },
  {
    id: 'API-024',
    severity: Severity.ERROR,
    family: RuleFamily.API_SERVER,
    what: 'The annotations of an object must total at most 256 KiB (keys plus values).',
    why: 'The API server rejects the object; large blobs (like kubectl last-applied-configuration of a big object) hit this limit.',
    fix: 'Move large data to a ConfigMap or Secret; use server-side apply instead of client-side last-applied annotations.',
    check(ctx) {
      for (const o of ctx.objects) {
        const meta = metadataOf(o.obj);
        if (!meta || !isObject(meta.annotations)) continue;
        let size = 0;
        for (const [k, v] of Object.entries(meta.annotations)) size += Buffer.byteLength(k) + (typeof v === 'string' ? Buffer.byteLength(v) : 0);
        if (size > TOTAL_ANNOTATION_BYTES) ctx.report(o, `annotations take ${size} bytes, more than ${TOTAL_ANNOTATION_BYTES}`);
      }
    },
  },
  {
    id: 'API-025',
    severity: Severity.ERROR,
    family: RuleFamily.API_SERVER,
    what: 'Service port names must be DNS labels, unique, and present on every port when the Service has more than one.',
    why: 'The API server rejects the Service; Endpoints and Ingress backends refer to ports by these names.',
    fix: 'Give every port a distinct lowercase name such as http, https or metrics.',
    check(ctx) {
      for (const o of ctx.ofKind('Service')) {
        const ports = isObject(o.obj.spec) ? asArray(o.obj.spec.ports) : [];
        const names = new Set<string>();
        ports.forEach((p, i) => {
          if (!isObject(p)) return;
          const name = p.name;
          if (name === undefined || name === null || name === '') {
            if (ports.length > 1) ctx.report(o, `spec.ports[${i}] has no name; every port needs one when the Service has ${ports.length} ports`);
            return;
          }
          if (typeof name !== 'string') return;
          const e = dnsLabelError(name);
          if (e) ctx.report(o, `spec.ports[${i}].name ${JSON.stringify(name)} ${e}`);
          if (names.has(name)) ctx.report(o, `spec.ports[${i}].name ${JSON.stringify(name)} is used twice`);
          names.add(name);
        });
      }
    },
  },
  {
    id: 'API-026',
    severity: Severity.ERROR,
    family: RuleFamily.API_SERVER,
    what: 'Service ports must be 1-65535 with protocol TCP, UDP or SCTP, each port and protocol pair once; nodePort only on NodePort and LoadBalancer Services.',
    why: 'The API server rejects the Service.',
    fix: 'Fix the port number or protocol, remove the duplicate, or drop nodePort (or set type NodePort).',
    check(ctx) {
      for (const o of ctx.ofKind('Service')) {
        const spec = isObject(o.obj.spec) ? o.obj.spec : {};
        const type = str(spec.type) ?? 'ClusterIP';
        const seen = new Set<string>();
        asArray(spec.ports).forEach((p, i) => {
          if (!isObject(p)) return;
          if (p.port !== undefined && typeof p.port === 'number' && !isPort(p.port)) ctx.report(o, `spec.ports[${i}].port ${p.port} is not between 1 and 65535`);
          const protocol = p.protocol ?? 'TCP';
          if (typeof protocol === 'string' && !PROTOCOLS.has(protocol)) ctx.report(o, `spec.ports[${i}].protocol ${JSON.stringify(protocol)} is not TCP, UDP or SCTP`);
          const key = `${p.port}/${protocol}`;
          if (typeof p.port === 'number') {
            if (seen.has(key)) ctx.report(o, `spec.ports[${i}] repeats port ${key}`);
            seen.add(key);
          }
          if (p.nodePort !== undefined && p.nodePort !== null) {
            if (type !== 'NodePort' && type !== 'LoadBalancer') ctx.report(o, `spec.ports[${i}].nodePort is set on a ${type} Service`);
            else if (typeof p.nodePort === 'number' && !isPort(p.nodePort)) ctx.report(o, `spec.ports[${i}].nodePort ${p.nodePort} is not between 1 and 65535`);
          }
        });
      }
    },
  },
  {
    id: 'API-027',
    severity: Severity.ERROR,
    family: RuleFamily.API_SERVER,
    what: 'A Service targetPort must be a number 1-65535 or a container port name (IANA service name: at most 15 characters, with a letter).',
    why: 'The API server rejects the Service; a quoted number like "8080" is read as a port name and rejected.',
    fix: 'Write the number unquoted (targetPort: 8080) or use the name of a container port.',
    check(ctx) {
      for (const o of ctx.ofKind('Service')) {
        const ports = isObject(o.obj.spec) ? asArray(o.obj.spec.ports) : [];
        ports.forEach((p, i) => {
          if (!isObject(p) || p.targetPort === undefined || p.targetPort === null) return;
          const t = p.targetPort;
          if (typeof t === 'number') {
            if (!isPort(t)) ctx.report(o, `spec.ports[${i}].targetPort ${t} is not between 1 and 65535`);
          } else if (typeof t === 'string') {
            const e = /^\d+$/.test(t) ? 'is a quoted number, read as a port name (must contain at least one letter)' : portNameError(t);
            if (e) ctx.report(o, `spec.ports[${i}].targetPort ${JSON.stringify(t)} ${e}`);
          }
        });
      }
    },
  },
  {
    id: 'API-028',
    severity: Severity.ERROR,
    family: RuleFamily.API_SERVER,
    what: 'A Service type must be ClusterIP, NodePort, LoadBalancer or ExternalName; it needs ports unless headless (clusterIP: None) or ExternalName, and ExternalName needs spec.externalName.',
    why: 'The API server rejects the Service.',
    fix: 'Add the ports the pods listen on, set clusterIP: None for a headless Service, or set externalName.',
    check(ctx) {
      for (const o of ctx.ofKind('Service')) {
        const spec = isObject(o.obj.spec) ? o.obj.spec : {};
        const type = spec.type ?? 'ClusterIP';
        if (typeof type === 'string' && !SERVICE_TYPES.has(type)) {
          ctx.report(o, `spec.type ${JSON.stringify(type)} is not ClusterIP, NodePort, LoadBalancer or ExternalName`);
          continue;
        }
        if (type === 'ExternalName') {
          if (typeof spec.externalName !== 'string' || spec.externalName === '') ctx.report(o, 'an ExternalName Service needs spec.externalName');
          continue;
        }
        if (spec.clusterIP === 'None' || type !== 'ClusterIP' && type !== 'NodePort' && type !== 'LoadBalancer') continue;
        if (asArray(spec.ports).length === 0) ctx.report(o, `a ${type} Service needs at least one port (or clusterIP: None for a headless Service)`);
      }
    },
  },
  {
    id: 'API-030',
    severity: Severity.ERROR,
    family: RuleFamily.API_SERVER,
    what: 'Every container (init and ephemeral too) needs a name that is a DNS label.',
    why: 'The API server rejects the pod, and for controllers every pod they try to create.',
    fix: 'Name the container with lowercase letters, digits and \'-\', at most 63 characters.',
    check(ctx) {
      for (const info of podSpecs(ctx)) {
        for (const c of info.containers) {
          const name = c.container.name;
          if (name === undefined || name === null || name === '') {
            ctx.report(info.owner, `${info.path}.${c.path} has no name`);
            continue;
          }
          if (typeof name !== 'string') continue;
          const e = dnsLabelError(name);
          if (e) ctx.report(info.owner, `${info.path}.${c.path}.name ${JSON.stringify(name)} ${e}`);
        }
      }
    },
  },
  {
    id: 'API-031',
    severity: Severity.ERROR,
    family: RuleFamily.API_SERVER,
    what: 'Environment variable names must be letters, digits, \'_\', \'-\' or \'.\', not starting with a digit (Kubernetes 1.27).',
    why: 'The API server rejects the pod, and for controllers every pod they try to create.',
    fix: 'Rename the variable, e.g. MY_SETTING instead of "my setting" or 1ST_VALUE.',
    check(ctx) {
      for (const info of podSpecs(ctx)) {
        for (const c of info.containers) {
          asArray(c.container.env).forEach((e, i) => {
            if (!isObject(e)) return;
            const n = e.name;
            if (n === undefined || n === null || n === '') ctx.report(info.owner, `container ${c.name}: env[${i}] has no name`);
            else if (typeof n === 'string' && !ENV_VAR_NAME.test(n)) ctx.report(info.owner, `container ${c.name}: env name ${JSON.stringify(n)} is not a valid variable name`);
          });
          asArray(c.container.envFrom).forEach((e, i) => {
            if (isObject(e) && typeof e.prefix === 'string' && e.prefix !== '' && !ENV_VAR_NAME.test(e.prefix)) {
              ctx.report(info.owner, `container ${c.name}: envFrom[${i}].prefix ${JSON.stringify(e.prefix)} is not a valid variable name`);
            }
          });
        }
      }
    },
  },
  {
    id: 'API-032',
    severity: Severity.ERROR,
    family: RuleFamily.API_SERVER,
    what: 'Container ports must be 1-65535 (hostPort too) with protocol TCP, UDP or SCTP; port names must be IANA service names (at most 15 characters, with a letter) and unique within the pod.',
    why: 'The API server rejects the pod; Services and probes refer to ports by these names.',
    fix: 'Fix the number or protocol; shorten the name (http, metrics, grpc) and make it unique.',
    check(ctx) {
      for (const info of podSpecs(ctx)) {
        const names = new Set<string>();
        for (const c of info.containers) {
          asArray(c.container.ports).forEach((p, i) => {
            if (!isObject(p)) return;
            const where = `container ${c.name}: ports[${i}]`;
            if (typeof p.containerPort === 'number' && !isPort(p.containerPort)) ctx.report(info.owner, `${where}.containerPort ${p.containerPort} is not between 1 and 65535`);
            if (typeof p.hostPort === 'number' && p.hostPort !== 0 && !isPort(p.hostPort)) ctx.report(info.owner, `${where}.hostPort ${p.hostPort} is not between 1 and 65535`);
            if (typeof p.protocol === 'string' && !PROTOCOLS.has(p.protocol)) ctx.report(info.owner, `${where}.protocol ${JSON.stringify(p.protocol)} is not TCP, UDP or SCTP`);
            if (typeof p.name === 'string' && p.name !== '') {
              const e = portNameError(p.name);
              if (e) ctx.report(info.owner, `${where}.name ${JSON.stringify(p.name)} ${e}`);
              if (names.has(p.name)) ctx.report(info.owner, `${where}.name ${JSON.stringify(p.name)} is used twice in the pod`);
              names.add(p.name);
            }
          });
        }
      }
    },
  },
  {
    id: 'API-033',
    severity: Severity.ERROR,
    family: RuleFamily.API_SERVER,
    what: 'Pod volume names must be DNS labels.',
    why: 'The API server rejects the pod, and for controllers every pod they try to create.',
    fix: 'Name the volume with lowercase letters, digits and \'-\', at most 63 characters (and use the same name in volumeMounts).',
    check(ctx) {
      for (const info of podSpecs(ctx)) {
        asArray(info.spec.volumes).forEach((v, i) => {
          if (!isObject(v)) return;
          if (v.name === undefined || v.name === null || v.name === '') {
            ctx.report(info.owner, `${info.path}.volumes[${i}] has no name`);
            return;
          }
          if (typeof v.name !== 'string') return;
          const e = dnsLabelError(v.name);
          if (e) ctx.report(info.owner, `${info.path}.volumes[${i}].name ${JSON.stringify(v.name)} ${e}`);
        });
      }
    },
  },
  {
    id: 'API-040',
    severity: Severity.ERROR,
    family: RuleFamily.API_SERVER,
    what: 'Each object (API group, kind, namespace, name) must appear once in the input.',
    why: 'kubectl apply applies both in turn: the later one silently overwrites the earlier, so what runs is not what one of them says.',
    fix: 'Remove one of the two, or rename one (a different namespace or name).',
    check(ctx) {
      const seen = new Map<string, ManifestObject>();
      for (const o of ctx.objects) {
        if (!o.name) continue;
        const slash = o.apiVersion.indexOf('/');
        const group = slash < 0 ? '' : o.apiVersion.slice(0, slash);
        const key = `${group}|${o.kind}|${ctx.namespaceOf(o) ?? ''}|${o.name}`;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, o);
          continue;
        }
        const where = first.file ? ` (first at ${first.file}${first.line ? `:${first.line}` : ''})` : first.constructPath ? ` (first at ${first.constructPath})` : '';
        ctx.report(o, `${o.kind} ${ctx.namespaceOf(o) ? ctx.namespaceOf(o) + '/' : ''}${o.name} is defined twice${where}`);
      }
    },
  },
];
