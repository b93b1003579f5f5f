import { ApiObject, Lazy } from 'cdk8s';
import { ControllerBinding, ControllerInput, ControllerRender, className, controllerResourceAnnotations, optionsObject, shown } from './binding';
import { isDnsLabel } from '../../core/names';
import { Problems } from '../../core/problems';
import { wholeKibibytes } from '../../core/quantity';
import { sortKeys } from '../../core/values';
import { INGRESS_CONTROLLERS, IngressControllerId } from '../../knowledge/routing/controllers';
import { TraefikOptions } from '../ingress-controller-options';

const PREFIX = 'traefik.ingress.kubernetes.io/';
const ENTRYPOINTS = PREFIX + 'router.entrypoints';
const ROUTER_TLS = PREFIX + 'router.tls';
const MIDDLEWARES = PREFIX + 'router.middlewares';
/** Traefik's Middleware CRD (traefik.io/v1alpha1 since Traefik v3; traefik.containo.us before). */
const MIDDLEWARE_API = 'traefik.io/v1alpha1';

/**
 * Traefik's Kubernetes Ingress provider: the router of the Ingress runs on the HTTPS entry point with
 * `router.tls: "true"` (spec.tls alone does not enable TLS in Traefik). A request body limit is a Buffering Middleware
 * the route creates; the redirect to HTTPS is a RedirectScheme Middleware on a second Ingress, `<name>-http`, whose
 * router runs on the plain HTTP entry point (a Traefik router serves one kind of entry point).
 */
export function bindTraefik(problems: Problems, input: ControllerInput, options: TraefikOptions | undefined): ControllerBinding {
  const facts = INGRESS_CONTROLLERS[IngressControllerId.TRAEFIK];
  const opts = optionsObject(problems, input.prop, options, 'a TraefikOptions object', '{ httpsEntryPoint: "websecure" }');
  const cls = className(problems, opts.className, input, facts.defaultClass);
  const https = entryPoint(problems, `${input.prop} httpsEntryPoint`, opts.httpsEntryPoint, 'websecure');
  const http = entryPoint(problems, `${input.prop} httpEntryPoint`, opts.httpEntryPoint, 'web');
  let bodyBytes: number | undefined;
  if (opts.maxRequestBodySize !== undefined) {
    const kib = wholeKibibytes(opts.maxRequestBodySize);
    if (kib === undefined || kib === 0) {
      problems.add(`${input.prop} maxRequestBodySize`, shown(opts.maxRequestBodySize), 'is not a positive whole number of KiB', 'Use e.g. Size.mebibytes(8).');
    } else {
      bodyBytes = kib * 1024;
    }
  }
  const annotations: Record<string, string> = { [ENTRYPOINTS]: input.tls.https ? https : http };
  const ownedBy: Record<string, string> = { [ENTRYPOINTS]: `${input.prop} httpsEntryPoint / httpEntryPoint`, [ROUTER_TLS]: 'tls', [MIDDLEWARES]: `${input.prop} maxRequestBodySize` };
  if (input.tls.https) annotations[ROUTER_TLS] = 'true';
  const redirect = input.tls.https && input.sslRedirect;
  return {
    description: `Traefik (class ${cls})`,
    facts,
    className: cls,
    classByAnnotation: false,
    annotations,
    ownedBy,
    implementationSpecific: 'has no meaning of its own in Traefik (it reads such paths as Prefix)',
    render: (ctx) => renderTraefik(ctx, { cls, http, bodyBytes, redirect }),
  };
}

/** An entry point name: a DNS label is what Traefik's Helm chart uses; anything else is reported. */
function entryPoint(problems: Problems, prop: string, value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  if (!isDnsLabel(value)) {
    problems.add(prop, value, 'is not an entry point name (letters, digits and "-")', `Use the name of the entry point in Traefik's static configuration, e.g. "${fallback}".`);
    return fallback;
  }
  return value;
}

/** The middlewares and the redirect Ingress. */
function renderTraefik(ctx: ControllerRender, t: { cls: string; http: string; bodyBytes?: number; redirect: boolean }): void {
  const ref = (name: string) => `${ctx.namespace}-${name}@kubernetescrd`;
  if (t.bodyBytes !== undefined) {
    const mw = middleware(ctx, 'BodySize', `${ctx.ingress.name}-body-size`, { buffering: { maxRequestBodyBytes: t.bodyBytes } });
    ctx.ingress.metadata.addAnnotation(MIDDLEWARES, ref(mw.name));
  }
  if (!t.redirect) return;
  const mw = middleware(ctx, 'HttpsRedirect', `${ctx.ingress.name}-https-redirect`, { redirectScheme: { scheme: 'https', permanent: true } });
  new ApiObject(ctx.scope, 'HttpRedirect', {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: `${ctx.ingress.name}-http`,
      labels: sortKeys(ctx.labels),
      annotations: sortKeys({ ...ctx.annotations, [ENTRYPOINTS]: t.http, [MIDDLEWARES]: ref(mw.name) }),
    },
    spec: Lazy.any({
      produce: () => {
        const spec = { ...ctx.spec() };
        delete spec.tls; // the router of the plain HTTP entry point only redirects
        return spec;
      },
    }),
  } as any);
}

/** A Traefik Middleware in the route's namespace. */
function middleware(ctx: ControllerRender, id: string, name: string, spec: any): ApiObject {
  return new ApiObject(ctx.scope, id, {
    apiVersion: MIDDLEWARE_API,
    kind: 'Middleware',
    metadata: {
      name,
      labels: sortKeys(ctx.labels),
      annotations: controllerResourceAnnotations(ctx, 'Traefik'),
    },
    spec,
  });
}
