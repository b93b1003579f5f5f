import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { PlannedBackend } from './backend';
import { GatewayBinding } from './gateway-ref';
import { RouteEntry } from './rule-plan';
import { sortKeys } from '../core/values';
import { GATEWAY_API_VERSION, GATEWAY_GROUP, GATEWAY_PATH_TYPE, MAX_GRANT_TARGETS, REFERENCE_GRANT_API_VERSION } from '../knowledge/routing/gateway-api';
import { RenderedOnceApiObject } from '../validation/render-cache';

/**
 * What a route renders with Gateway API output: one HTTPRoute per host (an HTTPRoute's rules apply to all its
 * hostnames, while a route's paths differ per host), a redirect HTTPRoute on the Gateway's plain HTTP listener, and a
 * ReferenceGrant in every other namespace a backend Service lives in.
 */

/** What the HTTPRoutes of a route are made of. */
export interface HttpRouteInput {
  readonly scope: Construct;
  /** The `name` prop: HTTPRoutes are named after it; else cdk8s generates names from construct paths. */
  readonly name?: string;
  readonly namespace: string;
  readonly gateway: GatewayBinding;
  /** Whether the route attaches to HTTPS listeners. */
  readonly https: boolean;
  /** Whether a redirect route is emitted. */
  readonly sslRedirect: boolean;
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  /** Labels and annotations of the ReferenceGrants. */
  readonly objectLabels: Record<string, string>;
  readonly objectAnnotations: Record<string, string>;
  readonly timeouts?: { request?: string; backendRequest?: string };
}

/** The suppression a route writes for backends the validator cannot see (Services the app does not define). */
export const OUTSIDE_APP = 'is outside this app (RouteBackend.serviceName): it is deployed by other means';

/** The HTTPRoutes, redirect route and ReferenceGrants of one route, created as hosts and backends are added. */
export class HttpRoutes {
  /** The HTTPRoute of each host, in the order the hosts were added. */
  public readonly routes = new Map<string, ApiObject>();
  /** The redirect route, when the route redirects. */
  public readonly redirect?: ApiObject;
  private readonly entries: RouteEntry[] = [];
  private readonly grants = new Map<string, { object: ApiObject; services: Set<string> }>();

  constructor(private readonly input: HttpRouteInput) {
    if (input.https && input.sslRedirect) this.redirect = this.renderRedirect();
  }

  /** The hosts, in order. */
  public get hosts(): string[] {
    return [...this.routes.keys()];
  }

  /** Adds a checked rule whose backend is resolved to a Service (or is a resource). */
  public add(e: RouteEntry): void {
    this.entries.push(e);
    let route = this.routes.get(e.host);
    if (!route) {
      route = this.renderRoute(e.host);
      this.routes.set(e.host, route);
    }
    const b = e.backend;
    if (b.external) {
      const names = this.entries.filter((x) => x.host === e.host && x.backend.external).map((x) => `${x.backend.namespace ? x.backend.namespace + '/' : ''}${x.backend.serviceName}`);
      route.metadata.addAnnotation('golden-paths.dev/suppress.GWY-005', `Service ${[...new Set(names)].join(', ')} ${OUTSIDE_APP}`);
    }
    if (b.namespace && b.serviceName && b.referenceGrant) this.grant(b.namespace, b.serviceName);
  }

  private renderRoute(host: string): ApiObject {
    const first = this.routes.size === 0;
    const { name } = this.input;
    const hostName = name === undefined ? undefined : first ? name : truncate(`${name}-${host.replace(/^\*/, 'wildcard')}`);
    // the id becomes part of generated names: "*" and "." would make "-." in them
    return new RenderedOnceApiObject(this.input.scope, first ? 'Resource' : `Host-${host.replace(/^\*/, 'wildcard').replace(/\./g, '-')}`, {
      apiVersion: GATEWAY_API_VERSION,
      kind: 'HTTPRoute',
      metadata: this.metadata(hostName),
      spec: Lazy.any({
        produce: () => ({
          parentRefs: this.input.gateway.parentRefs([host], this.input.https),
          hostnames: [host],
          rules: this.entries.filter((e) => e.host === host).map((e) => this.rule(e)),
        }),
      }),
    } as any);
  }

  private renderRedirect(): ApiObject {
    return new RenderedOnceApiObject(this.input.scope, 'Redirect', {
      apiVersion: GATEWAY_API_VERSION,
      kind: 'HTTPRoute',
      metadata: this.metadata(this.input.name === undefined ? undefined : truncate(`${this.input.name}-redirect`)),
      spec: Lazy.any({
        produce: () => ({
          parentRefs: this.input.gateway.parentRefs(this.hosts, false),
          hostnames: this.hosts,
          rules: [{
            matches: [{ path: { type: 'PathPrefix', value: '/' } }],
            filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }],
          }],
        }),
      }),
    } as any);
  }

  private metadata(name: string | undefined): any {
    const { labels, annotations } = this.input;
    return {
      ...(name !== undefined ? { name } : {}),
      labels: sortKeys(labels),
      ...(Object.keys(annotations).length ? { annotations: sortKeys(annotations) } : {}),
    };
  }

  /** One HTTPRoute rule: its match, its rewrite, its backend, the route's timeouts. */
  private rule(e: RouteEntry): any {
    const match: any = { path: { type: GATEWAY_PATH_TYPE[e.pathType], value: e.path } };
    if (e.headers.length) match.headers = e.headers.map((h) => ({ type: 'Exact', name: h.name, value: h.value }));
    const rule: any = { matches: [match] };
    if (e.rewrite) {
      const key = e.rewrite.type === 'ReplacePrefixMatch' ? 'replacePrefixMatch' : 'replaceFullPath';
      rule.filters = [{ type: 'URLRewrite', urlRewrite: { path: { type: e.rewrite.type, [key]: e.rewrite.value } } }];
    }
    rule.backendRefs = [backendRef(e.backend)];
    if (this.input.timeouts) rule.timeouts = { ...this.input.timeouts };
    return rule;
  }

  /** The ReferenceGrant that lets the route's HTTPRoutes reach a Service in another namespace. */
  private grant(namespace: string, service: string): void {
    let g = this.grants.get(namespace);
    if (!g) {
      const services = new Set<string>();
      const { objectLabels, objectAnnotations } = this.input;
      const object = new ApiObject(this.input.scope, `ReferenceGrant-${namespace}`, {
        apiVersion: REFERENCE_GRANT_API_VERSION,
        kind: 'ReferenceGrant',
        metadata: {
          namespace,
          labels: sortKeys(objectLabels),
          ...(Object.keys(objectAnnotations).length ? { annotations: sortKeys(objectAnnotations) } : {}),
        },
        spec: Lazy.any({
          produce: () => ({
            from: [{ group: GATEWAY_GROUP, kind: 'HTTPRoute', namespace: this.input.namespace }],
            to: [...services].sort().map((name) => ({ group: '', kind: 'Service', name })),
          }),
        }),
      });
      this.grants.set(namespace, g = { object, services });
    }
    g.services.add(service);
  }

  /** Targets of each ReferenceGrant, for the synth-time check of their limit. */
  public grantProblems(): string[] {
    return [...this.grants].filter(([, g]) => g.services.size > MAX_GRANT_TARGETS)
      .map(([ns, g]) => `backends ${g.services.size} Services in namespace ${ns} are more than the ${MAX_GRANT_TARGETS} one ReferenceGrant lists`);
  }
}

/** A backendRef: a Service by name and port number (namespace when not the route's), or an object of another kind. */
function backendRef(b: PlannedBackend): any {
  if (b.resource) {
    return { group: b.resource.apiGroup ?? '', kind: b.resource.kind, name: b.resource.name, ...(b.resource.port !== undefined ? { port: b.resource.port } : {}) };
  }
  return { name: b.serviceName, ...(b.namespace ? { namespace: b.namespace } : {}), port: b.portNumber };
}

/** A name cut to 253 characters (the object name limit), without a trailing "-" or ".". */
function truncate(name: string): string {
  return name.length <= 253 ? name : name.slice(0, 253).replace(/[-.]+$/, '');
}

