import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { RouteMetadata, planMetadata } from './annotations';
import { PlannedBackend } from './backend';
import { IngressRouteProps } from './ingress-route-props';
import { renderNginxOptions } from './nginx';
import { RouteEntry, RuleContext, planBackend, planRule } from './rule-plan';
import { TlsBinding, TlsSource } from './tls';
import { isDnsSubdomain } from '../core/names';
import { Problems } from '../core/problems';
import { NGINX_ANNOTATION_PREFIX } from '../knowledge/routing/ingress-nginx';
import { PlatformDefaults } from '../platform/defaults';

/** Ingress class used when neither the route nor a PlatformDefaults scope names one. */
const LIBRARY_DEFAULT_CLASS = 'nginx';

/** The props of an IngressRoute, resolved (defaults and PlatformDefaults applied) and checked. */
export interface RoutePlan {
  /** The `name` prop. */
  readonly name?: string;
  /** The IngressClass. */
  readonly className: string;
  /** The route's TLS. */
  readonly tls: TlsBinding;
  /** What rules added later are checked against. */
  readonly rules: RuleContext;
  /** Labels and annotations of the Ingress and of the Services the route creates. */
  readonly metadata: RouteMetadata;
  /** The rules of the `rules` prop. */
  readonly entries: RouteEntry[];
  /** The `defaultBackend` prop. */
  readonly defaultBackend?: PlannedBackend;
}

/** Resolves and checks the props of an IngressRoute; throws every problem at once. */
export function planRoute(scope: Construct, props: IngressRouteProps): RoutePlan {
  const problems = new Problems(scope);
  if (props === null || typeof props !== 'object') {
    problems.add('props', props, 'is not an IngressRouteProps object', 'Pass e.g. { tls: TlsSource.certManagerClusterIssuer("letsencrypt-prod") }.');
    problems.throwIfAny();
  }
  const defaults = PlatformDefaults.of(scope);
  const namespace = Chart.of(scope).namespace ?? 'default';
  if (props.name !== undefined && !isDnsSubdomain(props.name)) {
    problems.add('name', props.name, 'is not a valid object name (lower-case letters, digits, "-" and ".", at most 253 characters)', 'Use e.g. "shop".');
  }
  const className = props.ingressClassName ?? defaults.ingressClassName ?? LIBRARY_DEFAULT_CLASS;
  if (!isDnsSubdomain(className)) {
    problems.add(props.ingressClassName !== undefined ? 'ingressClassName' : 'PlatformDefaults ingressClassName', className,
      'is not a valid IngressClass name', 'Use the name of an IngressClass in the cluster, e.g. "nginx".');
  }
  const tls = planTls(problems, props, defaults.certManagerClusterIssuer);
  const nginx = renderNginxOptions(props.nginx, problems);
  const metadata = planMetadata(problems, {
    annotations: props.annotations,
    labels: props.labels,
    defaultLabels: defaults.labels,
    defaultAnnotations: defaults.annotations,
    nginx,
    tls: tls.binding,
    sslRedirect: tls.sslRedirect,
    className,
  });
  const rules: RuleContext = {
    namespace,
    regex: nginx[NGINX_ANNOTATION_PREFIX + 'use-regex'] === 'true',
    rewriteTarget: nginx[NGINX_ANNOTATION_PREFIX + 'rewrite-target'],
    tlsHosts: tls.binding.hosts,
  };
  const entries = planRules(problems, rules, props.rules);
  const defaultBackend = props.defaultBackend !== undefined ? planBackend(problems, 'defaultBackend', props.defaultBackend, namespace) : undefined;
  problems.throwIfAny();
  return { name: props.name, className, tls: tls.binding, rules, metadata, entries, defaultBackend };
}

/**
 * The route's TLS: the prop, else a certificate from the platform's ClusterIssuer, else a problem (plain HTTP only
 * when asked for); and `sslRedirect`, on by default with TLS.
 */
function planTls(problems: Problems, props: IngressRouteProps, platformIssuer: string | undefined): { binding: TlsBinding; sslRedirect: unknown } {
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
  const sslRedirect = props.sslRedirect ?? binding.https;
  if (props.sslRedirect !== undefined && typeof props.sslRedirect !== 'boolean') {
    problems.add('sslRedirect', props.sslRedirect, 'is not a boolean', 'Use true or false.');
  } else if (sslRedirect === true && !binding.https && tls) {
    problems.add('sslRedirect', true, 'redirects to HTTPS, but the route has no TLS (TlsSource.noneInsecurePlainHttp())', 'Remove sslRedirect, or give the route a TlsSource.');
  }
  return { binding, sslRedirect };
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
    const e = planRule(problems, route, `rules[${i}]`, { host: r.host, path: r.path ?? '/', backend: r.backend, options: { pathType: r.pathType } }, planned);
    if (e) planned.push(e);
  });
  return planned;
}
