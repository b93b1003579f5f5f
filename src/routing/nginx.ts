import { Duration, Size } from 'cdk8s';
import { nginxSizeOption, secondsOption } from './controllers/binding';
import { Problems } from '../core/problems';
import { NGINX_ANNOTATION_PREFIX, NGINX_OPTION_KEYS, captureReferences } from '../knowledge/routing/ingress-nginx';

/**
 * Protocol an Ingress controller speaks to the backend. Each controller accepts the ones it supports (ingress-nginx
 * all of them; F5 NGINX, HAProxy and the AWS Load Balancer Controller HTTP, HTTPS, GRPC and GRPCS).
 * @see https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/#backend-protocol
 */
export enum BackendProtocol {
  /** Plain HTTP/1.1 (every controller's default). */
  HTTP = 'HTTP',
  /** HTTPS to the backend. */
  HTTPS = 'HTTPS',
  /** HTTP or HTTP/2 over cleartext, as the backend offers. */
  AUTO_HTTP = 'AUTO_HTTP',
  /** gRPC over cleartext HTTP/2. */
  GRPC = 'GRPC',
  /** gRPC over TLS. */
  GRPCS = 'GRPCS',
  /** FastCGI. */
  FCGI = 'FCGI',
}

/**
 * Typed ingress-nginx options, rendered as `nginx.ingress.kubernetes.io/*` annotations with string values.
 * They apply to every rule of the Ingress; use separate WebRoutes for paths that need different settings.
 * @see https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/
 */
export interface IngressNginxOptions {
  /**
   * Largest request body accepted (`proxy-body-size`); `Size.kibibytes(0)` turns the check off.
   * @default - ingress-nginx's default of 1 MiB: uploads larger than that get a 413
   */
  readonly proxyBodySize?: Size;
  /**
   * Timeout to establish a connection to the backend (`proxy-connect-timeout`), whole seconds. nginx usually
   * cannot wait longer than 75 seconds for a connection.
   * @default - ingress-nginx's default of 5 seconds
   */
  readonly proxyConnectTimeout?: Duration;
  /**
   * Timeout between two reads from the backend (`proxy-read-timeout`), whole seconds.
   * @default - ingress-nginx's default of 60 seconds
   */
  readonly proxyReadTimeout?: Duration;
  /**
   * Timeout between two writes to the backend (`proxy-send-timeout`), whole seconds.
   * @default - ingress-nginx's default of 60 seconds
   */
  readonly proxySendTimeout?: Duration;
  /**
   * Protocol spoken to the backend (`backend-protocol`).
   * @default BackendProtocol.HTTP - TLS ends at the ingress controller
   */
  readonly backendProtocol?: BackendProtocol;
  /**
   * Rewrite the request path before it reaches the backend (`rewrite-target`). ingress-nginx replaces the whole
   * URI with this value, so pass the rest of the path through a capture group: rewriteTarget `/$2` with a regex
   * path `/api(/|$)(.*)` of type `RoutePathType.IMPLEMENTATION_SPECIFIC`. A target with `$n` sets `use-regex`
   * and requires every path to be such a regex; a target without `$n` is allowed on Exact paths only.
   * @see https://kubernetes.github.io/ingress-nginx/examples/rewrite/
   * @default - paths reach the backend unchanged
   */
  readonly rewriteTarget?: string;
  /**
   * Treat paths as regular expressions (`use-regex`). ingress-nginx then matches every path of the same host
   * case-insensitively as a regex, across all Ingresses of that host. Required for
   * `RoutePathType.IMPLEMENTATION_SPECIFIC` paths.
   * @default - false, unless rewriteTarget references a capture group ($1, $2, ...)
   */
  readonly useRegex?: boolean;
}

/**
 * Turns typed options into annotations, recording problems (prop path `<prop> <option>`) instead of throwing.
 * @internal
 */
export function renderNginxOptions(options: IngressNginxOptions | undefined, problems: Problems, prop: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (options === undefined || options === null || typeof options !== 'object') return out; // reported by the caller
  const key = (k: string) => NGINX_ANNOTATION_PREFIX + NGINX_OPTION_KEYS[k];
  const size = nginxSizeOption(problems, `${prop} proxyBodySize`, options.proxyBodySize);
  if (size !== undefined) out[key('proxyBodySize')] = size;
  for (const k of ['proxyConnectTimeout', 'proxyReadTimeout', 'proxySendTimeout'] as const) {
    const s = secondsOption(problems, `${prop} ${k}`, options[k]);
    if (s !== undefined) out[key(k)] = String(s);
  }
  if (options.backendProtocol !== undefined) {
    if (!Object.values(BackendProtocol).includes(options.backendProtocol)) {
      problems.add(`${prop} backendProtocol`, options.backendProtocol, `is not a protocol ingress-nginx knows (${Object.values(BackendProtocol).join(', ')})`, 'Use a BackendProtocol value, e.g. BackendProtocol.GRPC.');
    } else {
      out[key('backendProtocol')] = options.backendProtocol;
    }
  }
  const target = options.rewriteTarget;
  if (target !== undefined) {
    if (typeof target !== 'string' || target === '' || /[\s"]/.test(target)) {
      problems.add(`${prop} rewriteTarget`, target, 'is not a path without spaces or quotes', 'Use e.g. "/$2" with a regex path such as "/api(/|$)(.*)".');
    } else {
      out[key('rewriteTarget')] = target;
    }
  }
  if (options.useRegex !== undefined && typeof options.useRegex !== 'boolean') {
    problems.add(`${prop} useRegex`, options.useRegex, 'is not a boolean', 'Use true or false.');
  }
  const needsRegex = typeof target === 'string' && captureReferences(target) > 0;
  if (needsRegex && options.useRegex === false) {
    problems.add(`${prop} useRegex`, false, `contradicts rewriteTarget ${JSON.stringify(target)}, whose capture groups need regex paths`,
      'Remove useRegex (it is set for you), or write a rewriteTarget without $1, $2, ...');
  }
  if (options.useRegex === true || needsRegex) out[key('useRegex')] = 'true';
  return out;
}

/**
 * The typed option that renders an annotation, for messages.
 * @internal
 */
export function nginxOptionOf(annotation: string): string | undefined {
  return Object.keys(NGINX_OPTION_KEYS).find((o) => NGINX_ANNOTATION_PREFIX + NGINX_OPTION_KEYS[o] === annotation);
}
