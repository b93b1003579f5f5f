import { Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { RouteMetadata, planMetadata } from './annotations';
import { BackendContext, PlannedBackend } from './backend';
import { ControllerBinding } from './controllers/binding';
import { GatewayBinding, GatewayRef } from './gateway-ref';
import { IngressController } from './ingress-controller';
import { RouteOutput } from './route-output';
import { RouteEntry, RuleContext, planBackend, planRule } from './rule-plan';
import { TlsBinding, TlsSource } from './tls';
import { WebRouteProps } from './web-route-props';
import { isDnsSubdomain } from '../core/names';
import { NO_VALUE, Problems } from '../core/problems';
import { INGRESS_NGINX_END_OF_LIFE } from '../knowledge/routing/controllers';
import { gatewayDuration } from '../knowledge/routing/gateway-api';
import { PlatformDefaults } from '../platform/defaults';

/** The props of a WebRoute, resolved (defaults and PlatformDefaults applied) and checked. */
export interface RoutePlan {
  /** The `name` prop. */
  readonly name?: string;
  /** The route's namespace. */
  readonly namespace: string;
  /** The Ingress controller (Ingress output). */
  readonly controller?: ControllerBinding;
  /** The Gateway (Gateway API output). */
  readonly gateway?: GatewayBinding;
  /** The route's TLS. */
  readonly tls: TlsBinding;
  /** Whether HTTP is redirected to HTTPS. */
  readonly sslRedirect: boolean;
  /** What rules added later are checked against. */
  readonly rules: RuleContext;
  /** Labels and annotations of the Ingress or HTTPRoutes and of the objects the route creates. */
  readonly metadata: RouteMetadata;
  /** The rules of the `rules` prop. */
  readonly entries: RouteEntry[];
  /** The `defaultBackend` prop. */
  readonly defaultBackend?: PlannedBackend;
  /** HTTPRoute rule timeouts, as the Gateway API writes them. */
  readonly timeouts?: { request?: string; backendRequest?: string };
}

/** Resolves and checks the props of a WebRoute; throws every problem at once. */
export function planRoute(scope: Construct, props: WebRouteProps): RoutePlan {
  const problems = new Problems(scope);
  if (props === null || typeof props !== 'object') {
    problems.add('props', props, 'is not a WebRouteProps object', 'Pass e.g. { output: RouteOutput.ingress(IngressController.traefik()) }.');
    problems.throwIfAny();
  }
  const defaults = PlatformDefaults.of(scope);
  const namespace = Chart.of(scope).namespace ?? 'default';
  if (props.name !== undefined && !isDnsSubdomain(props.name)) {
    problems.add('name', props.name, 'is not a valid object name (lower-case letters, digits, "-" and ".", at most 253 characters)', 'Use e.g. "shop".');
  }
  const output = resolveOutput(problems, props.output, defaults.routeOutput, defaults.ingressClassName);
  const gatewayRef = output.gateway;
  const gateway = gatewayRef?._bind(problems, output.prop, namespace);
  const { tls, sslRedirect } = gateway ? planGatewayTls(problems, props, gateway) : planTls(problems, props, defaults.certManagerClusterIssuer);
  const controller = output.controller?._bind(problems, { prop: output.prop, tls, sslRedirect, defaultClass: defaults.ingressClassName });
  const metadata = planMetadata(problems, {
    annotations: props.annotations,
    labels: props.labels,
    defaultLabels: defaults.labels,
    defaultAnnotations: defaults.annotations,
    owned: controller?.annotations ?? {},
    ownedBy: controller?.ownedBy ?? {},
    tls,
    className: controller && !controller.classByAnnotation ? controller.className : undefined,
  });
  const rules = ruleContext(namespace, tls, controller, gatewayRef !== undefined);
  const entries = planRules(problems, rules, props.rules);
  let defaultBackend: PlannedBackend | undefined;
  if (props.defaultBackend !== undefined && gatewayRef) {
    problems.add('defaultBackend', NO_VALUE, 'is an Ingress field; an HTTPRoute has none', 'Add a rule for the path "/" of each host instead.');
  } else if (props.defaultBackend !== undefined) {
    defaultBackend = planBackend(problems, 'defaultBackend', props.defaultBackend, rules.backend);
  }
  const timeouts = planTimeouts(problems, props.timeouts, gatewayRef !== undefined);
  problems.throwIfAny();
  return { name: props.name, namespace, controller, gateway, tls, sslRedirect, rules, metadata, entries, defaultBackend, timeouts };
}

/** The resolved output: how problems name it, and the controller or the gateway. */
interface ResolvedOutput {
  readonly prop: string;
  readonly controller?: IngressController;
  readonly gateway?: GatewayRef;
}

/** The output: the prop, else PlatformDefaults; refused when neither is set (there is no safe default controller). */
function resolveOutput(problems: Problems, prop: unknown, platform: unknown, platformClass: string | undefined): ResolvedOutput {
  const name = prop !== undefined ? 'output' : 'PlatformDefaults routeOutput';
  const output = prop ?? platform;
  if (output === undefined) {
    problems.add('output', undefined, `chooses neither an Ingress controller nor a Gateway, and no PlatformDefaults routeOutput is set${platformClass ? ` (PlatformDefaults ingressClassName ${JSON.stringify(platformClass)} names a class, not its controller)` : ''}`,
      'Set output: RouteOutput.gatewayApi({ gateway: GatewayRef.platform({ name: "public", namespace: "gateway-system" }) }), or RouteOutput.ingress(IngressController.traefik()) '
      + `(also .haproxy(), .f5Nginx(), .awsLoadBalancer(), .gke()), here or as PlatformDefaults routeOutput. The former default, ingress-nginx, reached its end of life in ${INGRESS_NGINX_END_OF_LIFE}: IngressController.ingressNginx() keeps it by explicit choice.`);
    return { prop: name };
  }
  if (!(output instanceof RouteOutput)) {
    problems.add(name, output, 'is not a RouteOutput', 'Use RouteOutput.ingress(IngressController.traefik()) or RouteOutput.gatewayApi({ gateway: GatewayRef.platform({ name, namespace }) }).');
    return { prop: name };
  }
  if (output._controller !== undefined) {
    if (output._controller instanceof IngressController) return { prop: name, controller: output._controller };
    problems.add(`${name} controller`, output._controller, 'is not an IngressController', 'Use IngressController.traefik(), .haproxy(), .f5Nginx(), .awsLoadBalancer() or .gke().');
    return { prop: name };
  }
  if (output._gateway instanceof GatewayRef) return { prop: name, gateway: output._gateway };
  problems.add(`${name} gateway`, output._gateway, 'is not a GatewayRef', 'Use GatewayRef.platform({ name: "public", namespace: "gateway-system" }) or GatewayRef.of(webGateway).');
  return { prop: name };
}

/** What the route's rules are checked against. */
function ruleContext(namespace: string, tls: TlsBinding, controller: ControllerBinding | undefined, gateway: boolean): RuleContext {
  const backend: BackendContext = { namespace, crossNamespace: gateway, noResourceBackends: controller?.noResourceBackends, portNumbers: gateway };
  return {
    gateway,
    backend,
    regex: controller?.regex === true,
    rewriteTarget: controller?.rewriteTarget,
    tlsHosts: gateway ? undefined : tls.hosts,
    pathProblem: controller?.facts?.pathProblem,
    controller: controller?.description,
    implementationSpecific: controller?.implementationSpecific,
  };
}

/**
 * The route's TLS with Ingress output: the prop, else a certificate from the platform's ClusterIssuer, else a problem
 * (plain HTTP only when asked for); and `sslRedirect`, on by default with TLS.
 */
function planTls(problems: Problems, props: WebRouteProps, platformIssuer: string | undefined): { tls: TlsBinding; sslRedirect: boolean } {
  let tls: TlsSource | undefined = props.tls;
  if (tls === undefined && platformIssuer) tls = TlsSource.certManagerClusterIssuer(platformIssuer);
  if (tls === undefined) {
    problems.add('tls', undefined, 'leaves the route without a certificate and no PlatformDefaults certManagerClusterIssuer is set',
      'Set tls: TlsSource.certManagerClusterIssuer("letsencrypt-prod") or TlsSource.secret("my-tls"), set PlatformDefaults certManagerClusterIssuer, or opt out explicitly with TlsSource.noneInsecurePlainHttp().');
  } else if (!(tls instanceof TlsSource)) {
    problems.add('tls', tls, 'is not a TlsSource', 'Use TlsSource.certManagerClusterIssuer(...), TlsSource.certManagerIssuer(...), TlsSource.secret(...) or TlsSource.noneInsecurePlainHttp().');
    tls = undefined;
  }
  const binding = (tls ?? TlsSource.noneInsecurePlainHttp())._bind(problems);
  return { tls: binding, sslRedirect: planRedirect(problems, props.sslRedirect, binding.https, tls !== undefined, 'the route has no TLS (TlsSource.noneInsecurePlainHttp())') };
}

/**
 * The route's TLS with Gateway API output: the Gateway's listeners hold the certificates, so the route either attaches
 * to the HTTPS listeners (tls left out) or opts out to the plain HTTP listener.
 */
function planGatewayTls(problems: Problems, props: WebRouteProps, gateway: GatewayBinding): { tls: TlsBinding; sslRedirect: boolean } {
  const plain = TlsSource.noneInsecurePlainHttp()._bind(problems);
  let https = gateway.https;
  if (props.tls !== undefined) {
    const given = props.tls instanceof TlsSource ? props.tls._bind(new Problems('(unused)')) : undefined;
    if (given?.https === false) {
      https = false;
    } else {
      problems.add('tls', given ? given.factory : props.tls, `sets a certificate, but the certificates of ${gateway.description} are on its listeners`,
        'Leave tls out (the route attaches to the HTTPS listeners), give the certificate to the WebGateway (its tls prop), or set TlsSource.noneInsecurePlainHttp() to attach to the plain HTTP listener.');
    }
  }
  const why = gateway.https ? 'the route opts out of TLS (TlsSource.noneInsecurePlainHttp())' : `${gateway.description} has no HTTPS listener (TlsSource.noneInsecurePlainHttp())`;
  const sslRedirect = planRedirect(problems, props.sslRedirect, https, true, why);
  if (!https) return { tls: plain, sslRedirect };
  return { tls: { ...plain, https: true, factory: `the HTTPS listeners of ${gateway.description}` }, sslRedirect };
}

/** `sslRedirect`: a boolean, true by default with TLS, refused without TLS. */
function planRedirect(problems: Problems, prop: unknown, https: boolean, report: boolean, why: string): boolean {
  if (prop !== undefined && typeof prop !== 'boolean') {
    problems.add('sslRedirect', prop, 'is not a boolean', 'Use true or false.');
    return https;
  }
  if (prop === true && !https && report) {
    problems.add('sslRedirect', true, `redirects to HTTPS, but ${why}`, 'Remove sslRedirect, or give the route TLS.');
  }
  return https && prop !== false;
}

/** HTTPRoute timeouts: Gateway API output only; whole milliseconds; backendRequest at most request. */
function planTimeouts(problems: Problems, timeouts: unknown, gateway: boolean): { request?: string; backendRequest?: string } | undefined {
  if (timeouts === undefined) return undefined;
  if (!gateway) {
    problems.add('timeouts', NO_VALUE, 'is an HTTPRoute setting; Ingress controllers read timeouts from their own options', 'Use the controller\'s option (e.g. IngressController.haproxy({ timeoutServer })), or Gateway API output.');
    return undefined;
  }
  if (timeouts === null || typeof timeouts !== 'object') {
    problems.add('timeouts', timeouts, 'is not a RouteTimeouts object', 'Pass e.g. { request: Duration.seconds(30) }.');
    return undefined;
  }
  const out: { request?: string; backendRequest?: string } = {};
  const millis: Record<string, number> = {};
  for (const k of ['request', 'backendRequest'] as const) {
    const d = (timeouts as any)[k];
    if (d === undefined) continue;
    const ms = d instanceof Duration ? d.toMilliseconds({ integral: false }) : NaN;
    const text = gatewayDuration(ms);
    if (text === undefined) {
      problems.add(`timeouts.${k}`, d instanceof Duration ? d.toHumanString() : d, 'is not a positive whole number of milliseconds the Gateway API can write', 'Use e.g. Duration.seconds(30).');
    } else {
      out[k] = text;
      millis[k] = ms;
    }
  }
  if (millis.request !== undefined && millis.backendRequest !== undefined && millis.backendRequest > millis.request) {
    problems.add('timeouts.backendRequest', out.backendRequest, `is longer than timeouts.request ${out.request}, which the HTTPRoute schema refuses`, 'Make backendRequest at most request.');
  }
  return out.request || out.backendRequest ? out : undefined;
}

/** The rules of the `rules` prop, each checked against the route and the rules before it. */
function planRules(problems: Problems, route: RuleContext, rules: unknown): RouteEntry[] {
  if (rules !== undefined && !Array.isArray(rules)) {
    problems.add('rules', rules, 'is not a list of RouteRule', 'Pass e.g. [{ host: "shop.example.com", backend: RouteBackend.service(web) }].');
  }
  const planned: RouteEntry[] = [];
  (Array.isArray(rules) ? rules : []).forEach((r, i) => {
    if (!r || typeof r !== 'object') {
      problems.add(`rules[${i}]`, r, 'is not a RouteRule', 'Pass { host, path, backend }.');
      return;
    }
    const e = planRule(problems, route, `rules[${i}]`, {
      host: r.host, path: r.path ?? '/', backend: r.backend, options: { pathType: r.pathType, headers: r.headers, rewrite: r.rewrite },
    }, planned);
    if (e) planned.push(e);
  });
  return planned;
}
