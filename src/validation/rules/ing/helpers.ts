import { INGRESS_CLASS_ANNOTATION } from '../../../core/conventions';
import { asArray, isObject, str } from '../../../core/values';
import {
  INGRESS_CONTROLLERS, IngressControllerFacts, IngressControllerId, controllerOfIngressClass, controllerOfWellKnownClass,
} from '../../../knowledge/routing/controllers';
import { annotationsOf } from '../../metadata';
import { ManifestObject, RuleContext } from '../../rule';

/** The class an Ingress asks for: spec.ingressClassName, else the deprecated annotation, else undefined (cluster default). */
export function classOf(o: ManifestObject): string | undefined {
  return str(isObject(o.obj.spec) ? o.obj.spec.ingressClassName : undefined) ?? str(o.annotations[INGRESS_CLASS_ANNOTATION]);
}

/**
 * The controller that serves an Ingress, as far as the objects tell: the IngressClass of its class among the objects
 * (`spec.controller`), else a class name only one controller uses (`traefik`, `haproxy`, `alb`, `gce`), else its
 * annotations (`nginx.org/*`: F5 NGINX, which ignores leftovers of the other; `nginx.ingress.kubernetes.io/*`: the community ingress-nginx). `nginx` alone is
 * both ingress-nginx's and F5 NGINX's default class: undefined then.
 */
export function controllerOf(ctx: RuleContext, o: ManifestObject): IngressControllerFacts | undefined {
  const cls = classOf(o);
  if (cls !== undefined) {
    const ingressClass = ctx.get('IngressClass', undefined, cls);
    const fromClass = ingressClass && isObject(ingressClass.obj.spec) ? controllerOfIngressClass(ingressClass.obj.spec.controller) : undefined;
    if (ingressClass) return fromClass;
    const known = controllerOfWellKnownClass(cls);
    if (known) return known;
  }
  const keys = Object.keys(annotationsOf(o.obj));
  for (const id of [IngressControllerId.F5_NGINX, IngressControllerId.INGRESS_NGINX]) {
    if (keys.some((k) => k.startsWith(INGRESS_CONTROLLERS[id].annotationPrefix))) return INGRESS_CONTROLLERS[id];
  }
  return undefined;
}

/** One rules[].http.paths[] entry of an Ingress, as written. */
export interface PathEntry {
  readonly where: string;
  readonly host?: string;
  readonly path: unknown;
  readonly pathType: unknown;
  readonly backend: unknown;
}

const pathCache = new WeakMap<ManifestObject, PathEntry[]>();

/** Every rules[].http.paths[] entry of an Ingress (found once per object: most ingress rules read them). */
export function pathsOf(o: ManifestObject): PathEntry[] {
  let paths = pathCache.get(o);
  if (!paths) pathCache.set(o, (paths = findPaths(o)));
  return paths;
}

function findPaths(o: ManifestObject): PathEntry[] {
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

/** A backend of an Ingress with where it is written. */
export interface BackendEntry {
  readonly where: string;
  readonly backend: unknown;
}

/** The default backend and every path backend of an Ingress. */
export function backendsOf(o: ManifestObject): BackendEntry[] {
  const spec = isObject(o.obj.spec) ? o.obj.spec : {};
  const out: BackendEntry[] = [];
  if (spec.defaultBackend !== undefined) out.push({ where: 'spec.defaultBackend', backend: spec.defaultBackend });
  for (const p of pathsOf(o)) out.push({ where: `${p.where}.backend`, backend: p.backend });
  return out;
}

/** A service backend with the Service it points at (when that is among the objects). */
export interface ServiceBackend {
  readonly where: string;
  readonly name: string;
  readonly port: any;
  readonly service?: ManifestObject;
}

/** Service backends with the Service they point at (when it is among the objects). */
export function serviceBackends(ctx: RuleContext, o: ManifestObject): ServiceBackend[] {
  return ctx.memo(backendsByIngress).get(o) ?? [];
}

/** The service backends of each Ingress, per validation (the Services they resolve to are of that validation). */
function backendsByIngress(ctx: RuleContext): Map<ManifestObject, ServiceBackend[]> {
  return new Map(ctx.ofKind('Ingress').map((o) => [o, findServiceBackends(ctx, o)]));
}

function findServiceBackends(ctx: RuleContext, o: ManifestObject): ServiceBackend[] {
  const ns = ctx.namespaceOf(o);
  const out: ServiceBackend[] = [];
  for (const b of backendsOf(o)) {
    const svc = isObject(b.backend) && isObject(b.backend.service) ? b.backend.service : undefined;
    const name = svc ? str(svc.name) : undefined;
    if (!svc || !name) continue;
    out.push({ where: b.where, name, port: svc.port, service: ctx.get('Service', ns, name) });
  }
  return out;
}
