/**
 * Facts about the community ingress-nginx controller: its annotation keys and how it reads rewrite targets and regex paths.
 * @see https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/
 */

/** Prefix of ingress-nginx annotations. */
export const NGINX_ANNOTATION_PREFIX = 'nginx.ingress.kubernetes.io/';

/** Annotation keys the typed options own. */
export const NGINX_OPTION_KEYS: Record<string, string> = {
  proxyBodySize: 'proxy-body-size',
  proxyConnectTimeout: 'proxy-connect-timeout',
  proxyReadTimeout: 'proxy-read-timeout',
  proxySendTimeout: 'proxy-send-timeout',
  backendProtocol: 'backend-protocol',
  rewriteTarget: 'rewrite-target',
  useRegex: 'use-regex',
  sslRedirect: 'ssl-redirect',
};

/** The highest capture group a rewrite target references (`/$2` gives 2), 0 when none. */
export function captureReferences(target: string): number {
  let max = 0;
  for (const m of target.matchAll(/\$(\d)/g)) max = Math.max(max, Number(m[1]));
  return max;
}

/** Number of capture groups in a regex path (non-capturing and escaped parentheses not counted). */
export function captureGroups(path: string): number {
  let n = 0;
  for (let i = 0; i < path.length; i++) {
    if (path[i] === '\\') {
      i++;
      continue;
    }
    if (path[i] === '(' && path[i + 1] !== '?') n++;
  }
  return n;
}
