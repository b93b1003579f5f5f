import { ROLE_ANNOTATION } from '../../core/conventions';
import { asArray, isObject, str } from '../../core/values';
import { captureGroups, captureReferences } from '../../knowledge/routing/ingress-nginx';
import { hostProblem, nginxPathProblem, PATH_TYPES, pathProblem, tlsCovers } from '../../knowledge/routing/paths';
import { RuleFamily, Severity } from '../finding';
import { ManifestObject, Rule, RuleContext } from '../rule';

const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
const NGINX = 'nginx.ingress.kubernetes.io/';

function annotationsOf(o: ManifestObject): Record<string, unknown> {
  return isObject(o.obj.metadata) && isObject(o.obj.metadata.annotations) ? o.obj.metadata.annotations : {};
}

/** The class an Ingress asks for: spec.ingressClassName, else the deprecated annotation, else undefined (cluster default). */
function classOf(o: ManifestObject): string | undefined {
  return str(isObject(o.obj.spec) ? o.obj.spec.ingressClassName : undefined) ?? str(annotationsOf(o)[CLASS_ANNOTATION]);
}

/** Whether the class is served by ingress-nginx, as far as its name tells (classes named after nginx). */
function isNginxClass(cls: string | undefined): boolean {
  return cls !== undefined && cls.toLowerCase().includes('nginx');
}

interface PathEntry {
  readonly where: string;
  readonly host?: string;
  readonly path: unknown;
  readonly pathType: unknown;
  readonly backend: unknown;
}

/** Every rules[].http.paths[] entry of an Ingress. */
function pathsOf(o: ManifestObject): PathEntry[] {
  const spec = isObject(o.obj.spec) ? o.obj.spec : {};
  const out: PathEntry[] = [];
  asArray(spec.rules).forEach((rule, i) => {
    const host = isObject(rule) ? str(rule.host) : undefined;
    const http = isObject(rule) && isObject(rule.http) ? rule.http : {};
    asArray(http.paths).forEach((p, j) => {
      out.push({ where: `spec.rules[${i}].http.paths[${j}]`, host, path: isObject(p) ? p.path : undefined, pathType: isObject(p) ? p.pathType : undefined, backend: isObject(p) ? p.backend : undefined });
    });
  });
  return out;
}

interface BackendEntry {
  readonly where: string;
  readonly backend: unknown;
}

/** The default backend and every path backend of an Ingress. */
function backendsOf(o: ManifestObject): BackendEntry[] {
  const spec = isObject(o.obj.spec) ? o.obj.spec : {};
  const out: BackendEntry[] = [];
  if (spec.defaultBackend !== undefined) out.push({ where: 'spec.defaultBackend', backend: spec.defaultBackend });
  for (const p of pathsOf(o)) out.push({ where: `${p.where}.backend`, backend: p.backend });
  return out;
}

/** Service backends with the Service they point at (when it is among the objects). */
function serviceBackends(ctx: RuleContext, o: ManifestObject) {
  const ns = ctx.namespaceOf(o);
  const out: Array<{ where: string; name: string; port: any; service?: ManifestObject }> = [];
  for (const b of backendsOf(o)) {
    const svc = isObject(b.backend) && isObject(b.backend.service) ? b.backend.service : undefined;
    const name = svc ? str(svc.name) : undefined;
    if (!svc || !name) continue;
    out.push({ where: b.where, name, port: svc.port, service: ctx.get('Service', ns, name) });
  }
  return out;
}

function describeObject(o: ManifestObject): string {
  const where = o.constructPath ?? (o.file ? `${o.file}${o.line ? `:${o.line}` : ''}` : undefined);
  return `Ingress ${o.namespace ? o.namespace + '/' : ''}${o.name}${where ? ` (${where})` : ''}`;
}

/** Rules over networking.k8s.io/v1 Ingress objects. */
export const INGRESS_RULES: Rule[] = [
  {
    id: 'ING-001',
    severity: Severity.ERROR,
    family: RuleFamily.INGRESS,
    what: 'Ingress rule hosts and TLS hosts must be DNS names (a single leading "*." allowed), not IP addresses.',
    why: 'The API server refuses the Ingress otherwise; Ingress routes by the Host header, which an IP never selects.',
    fix: 'Use a lower-case DNS name such as shop.example.com or *.example.com; expose IPs through a LoadBalancer Service.',
    check(ctx) {
      for (const o of ctx.ofKind('Ingress')) {
        const spec = isObject(o.obj.spec) ? o.obj.spec : {};
        asArray(spec.rules).forEach((rule, i) => {
          if (!isObject(rule) || rule.host === undefined || rule.host === '') return; // no host: the rule matches every host
          const p = hostProblem(rule.host);
          if (p) ctx.report(o, `spec.rules[${i}].host ${JSON.stringify(rule.host)} ${p}`);
        });
        asArray(spec.tls).forEach((tls, i) => {
          asArray(isObject(tls) ? tls.hosts : undefined).forEach((h, j) => {
            const p = hostProblem(h, true);
            if (p) ctx.report(o, `spec.tls[${i}].hosts[${j}] ${JSON.stringify(h)} ${p}`);
          });
        });
      }
    },
  },
  {
    id: 'ING-002',
    severity: Severity.ERROR,
    family: RuleFamily.INGRESS,
    what: 'Exact and Prefix paths must start with "/" and hold no "//", "/./", "/../" or "%2f"; other paths must start with "/".',
    why: 'The API server refuses such paths: they would let a request escape the path it was routed by after normalization.',
    fix: 'Write the path in its normalized form, e.g. /api/v1.',
    check(ctx) {
      for (const o of ctx.ofKind('Ingress')) {
        for (const p of pathsOf(o)) {
          if (p.path === undefined && p.pathType === 'ImplementationSpecific') continue;
          if (p.path === undefined) {
            ctx.report(o, `${p.where}.path is missing (required for pathType ${String(p.pathType)})`, { fix: 'Set path, e.g. "/".' });
            continue;
          }
          const problem = pathProblem(p.path, str(p.pathType) ?? 'Prefix');
          if (problem) ctx.report(o, `${p.where}.path ${JSON.stringify(p.path)} ${problem}`);
        }
      }
    },
  },
  {
    id: 'ING-003',
    severity: Severity.ERROR,
    family: RuleFamily.INGRESS,
    what: 'With an nginx class, Exact and Prefix paths hold only letters, digits, "-", "_" and "/".',
    why: 'ingress-nginx (strict-validate-path-type, on by default) refuses any other character in Exact and Prefix paths, so its admission webhook rejects the Ingress.',
    fix: 'Remove the characters, or write a regex path with pathType ImplementationSpecific and nginx.ingress.kubernetes.io/use-regex: "true".',
    check(ctx) {
      for (const o of ctx.ofKind('Ingress')) {
        const cls = classOf(o);
        if (!isNginxClass(cls)) continue;
        for (const p of pathsOf(o)) {
          if (pathProblem(p.path, str(p.pathType) ?? '')) continue; // reported by ING-002
          const problem = nginxPathProblem(p.path, str(p.pathType) ?? '');
          if (problem) ctx.report(o, `${p.where}.path ${JSON.stringify(p.path)} ${problem} (class ${cls})`);
        }
      }
    },
  },
  {
    id: 'ING-004',
    severity: Severity.ERROR,
    family: RuleFamily.INGRESS,
    what: 'Every Ingress path must have a pathType of Exact, Prefix or ImplementationSpecific.',
    why: 'pathType is required in networking.k8s.io/v1: the API server refuses a path without it.',
    fix: 'Set pathType: Prefix (the path and everything under it) or Exact.',
    check(ctx) {
      for (const o of ctx.ofKind('Ingress')) {
        for (const p of pathsOf(o)) {
          if (p.pathType === undefined) ctx.report(o, `${p.where}.pathType is missing`);
          else if (!PATH_TYPES.includes(p.pathType as string)) ctx.report(o, `${p.where}.pathType ${JSON.stringify(p.pathType)} is not Exact, Prefix or ImplementationSpecific`);
        }
      }
    },
  },
  {
    id: 'ING-005',
    severity: Severity.ERROR,
    family: RuleFamily.INGRESS,
    what: 'A backend is a service or a resource, not both; a service backend has a name and exactly one of port.name and port.number.',
    why: 'The API server refuses any other backend shape.',
    fix: 'Keep service (with name and one of port.number or port.name) or resource, not both.',
    check(ctx) {
      for (const o of ctx.ofKind('Ingress')) {
        for (const b of backendsOf(o)) {
          if (!isObject(b.backend)) {
            ctx.report(o, `${b.where} is missing`);
            continue;
          }
          const { service, resource } = b.backend;
          if (service !== undefined && resource !== undefined) {
            ctx.report(o, `${b.where} has both service and resource`);
          } else if (service === undefined && resource === undefined) {
            ctx.report(o, `${b.where} has neither service nor resource`);
          }
          if (!isObject(service)) continue;
          if (!str(service.name)) ctx.report(o, `${b.where}.service.name is missing`);
          const port = isObject(service.port) ? service.port : {};
          const hasName = port.name !== undefined && port.name !== '';
          const hasNumber = port.number !== undefined && port.number !== 0;
          if (hasName && hasNumber) ctx.report(o, `${b.where}.service.port sets both name ${JSON.stringify(port.name)} and number ${port.number}`);
          else if (!hasName && !hasNumber) ctx.report(o, `${b.where}.service.port has neither name nor number`);
        }
      }
    },
  },
  {
    id: 'ING-006',
    severity: Severity.ERROR,
    family: RuleFamily.INGRESS,
    what: 'A backend port must be a port the Service exposes (by spec.ports[].port or spec.ports[].name).',
    why: 'The controller finds no endpoint for a port the Service does not expose: every request to the path gets a 503.',
    fix: 'Use a port the Service exposes (the Service port, not the container targetPort), or add the port to the Service.',
    check(ctx) {
      for (const o of ctx.ofKind('Ingress')) {
        for (const b of serviceBackends(ctx, o)) {
          if (!b.service || !isObject(b.port)) continue;
          const spec = isObject(b.service.obj.spec) ? b.service.obj.spec : {};
          if (spec.type === 'ExternalName') continue;
          const ports = asArray(spec.ports).filter(isObject);
          const exposed = ports.map((p) => (p.name ? `${p.port} (${p.name})` : String(p.port))).join(', ') || 'none';
          if (typeof b.port.number === 'number' && !ports.some((p) => p.port === b.port.number)) {
            ctx.report(o, `${b.where} port ${b.port.number} is not a port Service ${b.name} exposes (exposed: ${exposed})`);
          } else if (typeof b.port.name === 'string' && b.port.number === undefined && !ports.some((p) => p.name === b.port.name)) {
            ctx.report(o, `${b.where} port name ${JSON.stringify(b.port.name)} is not a port name of Service ${b.name} (exposed: ${exposed})`);
          }
        }
      }
    },
  },
  {
    id: 'ING-007',
    severity: Severity.WARNING,
    family: RuleFamily.INGRESS,
    what: 'A backend Service should be among the validated objects (same namespace as the Ingress).',
    why: 'A backend Service that does not exist makes every request to the path fail with 503. Only a warning: the Service may be deployed by other means, and the CLI often validates a subset of manifests.',
    fix: 'Add the Service to the manifests, fix the name or namespace, or suppress the rule with the reason the Service exists elsewhere.',
    check(ctx) {
      for (const o of ctx.ofKind('Ingress')) {
        for (const b of serviceBackends(ctx, o)) {
          if (!b.service) ctx.report(o, `${b.where} routes to Service ${b.name}, which is not among the objects in namespace ${ctx.namespaceOf(o)}`);
        }
      }
    },
  },
  {
    id: 'ING-008',
    severity: Severity.ERROR,
    family: RuleFamily.INGRESS,
    what: 'When an Ingress has TLS, every rule host must be covered by a TLS host (a wildcard covers exactly one label).',
    why: 'A host left out of spec.tls gets the controller\'s default (fake) certificate or plain HTTP; *.example.com covers a.example.com, not example.com nor a.b.example.com.',
    fix: 'Add the host (or a wildcard one label above it) to spec.tls[].hosts.',
    check(ctx) {
      for (const o of ctx.ofKind('Ingress')) {
        const spec = isObject(o.obj.spec) ? o.obj.spec : {};
        const tls = asArray(spec.tls).filter(isObject);
        if (tls.length === 0 || tls.some((t) => asArray(t.hosts).length === 0)) continue; // no TLS, or an entry for every host
        const tlsHosts = tls.flatMap((t) => asArray(t.hosts)).filter((h): h is string => typeof h === 'string');
        asArray(spec.rules).forEach((rule, i) => {
          const host = isObject(rule) ? str(rule.host) : undefined;
          if (host && !tlsCovers(tlsHosts, host)) {
            ctx.report(o, `spec.rules[${i}].host ${host} is not covered by the TLS hosts ${tlsHosts.join(', ')}`, { fix: `Add ${host} to spec.tls[].hosts.` });
          }
        });
      }
    },
  },
  {
    id: 'ING-009',
    severity: Severity.ERROR,
    family: RuleFamily.INGRESS,
    what: 'No two Ingress paths of the same class may claim the same host, path and pathType.',
    why: 'ingress-nginx\'s admission webhook refuses the second Ingress; without the webhook one of them silently wins.',
    fix: 'Keep the host and path in one Ingress, or change the path or host of one of them.',
    check(ctx) {
      const seen = new Map<string, Array<{ o: ManifestObject; where: string }>>();
      for (const o of ctx.ofKind('Ingress')) {
        const cls = classOf(o) ?? '(cluster default)';
        for (const p of pathsOf(o)) {
          if (typeof p.path !== 'string' || p.pathType === undefined) continue;
          const key = JSON.stringify([cls, p.host ?? '*', p.path, p.pathType]);
          let list = seen.get(key);
          if (!list) seen.set(key, list = []);
          list.push({ o, where: p.where });
        }
      }
      for (const [key, list] of seen) {
        if (list.length < 2) continue;
        const [cls, host, path, pathType] = JSON.parse(key);
        for (const me of list) {
          const others = list.filter((x) => x !== me)
            .map((x) => (x.o === me.o ? `${x.where} of the same Ingress` : describeObject(x.o)));
          ctx.report(me.o, `host ${host} path ${path} (${pathType}) in class ${cls} is also routed by ${[...new Set(others)].join(', ')}`);
        }
      }
    },
  },
  {
    id: 'ING-010',
    severity: Severity.ERROR,
    family: RuleFamily.INGRESS,
    what: 'The kubernetes.io/ingress.class annotation must equal spec.ingressClassName when both are set.',
    why: 'The API server refuses to create an Ingress whose annotation and class disagree.',
    fix: 'Remove the deprecated kubernetes.io/ingress.class annotation and keep spec.ingressClassName.',
    check(ctx) {
      for (const o of ctx.ofKind('Ingress')) {
        const ann = annotationsOf(o)[CLASS_ANNOTATION];
        const cls = isObject(o.obj.spec) ? o.obj.spec.ingressClassName : undefined;
        if (ann !== undefined && cls !== undefined && ann !== cls) {
          ctx.report(o, `annotation ${CLASS_ANNOTATION} ${JSON.stringify(ann)} disagrees with spec.ingressClassName ${JSON.stringify(cls)}`);
        }
      }
    },
  },
  {
    id: 'ING-011',
    severity: Severity.ERROR,
    family: RuleFamily.INGRESS,
    what: `An Ingress must not route to a database Service (annotated ${ROLE_ANNOTATION}: database).`,
    why: 'An Ingress publishes its backends outside the cluster; a database is reached from inside only, and HTTP routing to it never works anyway.',
    fix: 'Route to the application that uses the database.',
    check(ctx) {
      for (const o of ctx.ofKind('Ingress')) {
        for (const b of serviceBackends(ctx, o)) {
          if (!b.service) continue;
          const role = isObject(b.service.obj.metadata) && isObject(b.service.obj.metadata.annotations) ? b.service.obj.metadata.annotations[ROLE_ANNOTATION] : undefined;
          if (role === 'database') ctx.report(o, `${b.where} routes to Service ${b.name}, which fronts a database (${ROLE_ANNOTATION}: database)`);
        }
      }
    },
  },
  {
    id: 'ING-012',
    severity: Severity.ERROR,
    family: RuleFamily.INGRESS,
    what: 'An Ingress must have rules or a default backend.',
    why: 'The API server refuses an Ingress with neither: it would route nothing.',
    fix: 'Add a rule with a host and path, or set spec.defaultBackend.',
    check(ctx) {
      for (const o of ctx.ofKind('Ingress')) {
        const spec = isObject(o.obj.spec) ? o.obj.spec : {};
        if (asArray(spec.rules).length === 0 && spec.defaultBackend === undefined) ctx.report(o, 'spec has neither rules nor defaultBackend');
      }
    },
  },
  {
    id: 'ING-013',
    severity: Severity.ERROR,
    family: RuleFamily.INGRESS,
    what: 'A rewrite-target that uses capture groups ($1, $2, ...) needs regex paths that hold them.',
    why: 'ingress-nginx replaces the whole URI with the target; a $n without a matching capture group in an ImplementationSpecific regex path rewrites every request to a broken path (Exact and Prefix paths cannot hold groups).',
    fix: 'Write the path as a regex such as /api(/|$)(.*) with pathType ImplementationSpecific and nginx.ingress.kubernetes.io/use-regex: "true".',
    check(ctx) {
      for (const o of ctx.ofKind('Ingress')) {
        const target = str(annotationsOf(o)[NGINX + 'rewrite-target']);
        const refs = target ? captureReferences(target) : 0;
        if (!refs) continue;
        for (const p of pathsOf(o)) {
          if (typeof p.path !== 'string') continue;
          if (p.pathType !== 'ImplementationSpecific') {
            ctx.report(o, `${p.where}.path ${p.path} is ${String(p.pathType)}, which cannot hold the capture group $${refs} rewrite-target ${target} uses`);
          } else if (captureGroups(p.path) < refs) {
            ctx.report(o, `${p.where}.path ${p.path} has ${captureGroups(p.path)} capture group(s), but rewrite-target ${target} uses $${refs}`);
          }
        }
      }
    },
  },
];
