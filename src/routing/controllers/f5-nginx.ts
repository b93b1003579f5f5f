import { Lazy } from 'cdk8s';
import { ControllerBinding, ControllerInput, className, nginxSizeOption, optionsObject, secondsOption } from './binding';
import { Problems } from '../../core/problems';
import { INGRESS_CONTROLLERS, IngressControllerId } from '../../knowledge/routing/controllers';
import { F5NginxOptions } from '../ingress-controller-options';
import { BackendProtocol } from '../nginx';

const PREFIX = 'nginx.org/';

/** Which annotations list the route's Services for each backend protocol. */
const PROTOCOLS: Partial<Record<BackendProtocol, string[]>> = {
  [BackendProtocol.HTTP]: [],
  [BackendProtocol.HTTPS]: ['ssl-services'],
  [BackendProtocol.GRPC]: ['grpc-services'],
  [BackendProtocol.GRPCS]: ['ssl-services', 'grpc-services'],
};

/**
 * The F5 NGINX Ingress Controller: `nginx.org/ssl-redirect`, body size, timeouts with units, and the backend
 * protocol as lists of the route's Service names (`ssl-services`, `grpc-services`), computed at synth so rules added
 * later are included.
 */
export function bindF5Nginx(problems: Problems, input: ControllerInput, options: F5NginxOptions | undefined): ControllerBinding {
  const facts = INGRESS_CONTROLLERS[IngressControllerId.F5_NGINX];
  const opts = optionsObject(problems, input.prop, options, 'an F5NginxOptions object', '{ clientMaxBodySize: Size.mebibytes(8) }');
  const cls = className(problems, opts.className, input, facts.defaultClass);
  const annotations: Record<string, string> = {};
  const ownedBy: Record<string, string> = { [PREFIX + 'ssl-redirect']: 'sslRedirect' };
  if (input.tls.https) annotations[PREFIX + 'ssl-redirect'] = String(input.sslRedirect);
  const size = nginxSizeOption(problems, `${input.prop} clientMaxBodySize`, opts.clientMaxBodySize);
  ownedBy[PREFIX + 'client-max-body-size'] = `${input.prop} clientMaxBodySize`;
  if (size !== undefined) annotations[PREFIX + 'client-max-body-size'] = size;
  for (const [k, key] of [['proxyConnectTimeout', 'proxy-connect-timeout'], ['proxyReadTimeout', 'proxy-read-timeout'], ['proxySendTimeout', 'proxy-send-timeout']]) {
    ownedBy[PREFIX + key] = `${input.prop} ${k}`;
    const s = secondsOption(problems, `${input.prop} ${k}`, opts[k]);
    if (s !== undefined) annotations[PREFIX + key] = `${s}s`;
  }
  let lists: string[] = [];
  if (opts.backendProtocol !== undefined) {
    const proto = PROTOCOLS[opts.backendProtocol as BackendProtocol];
    if (!proto) {
      problems.add(`${input.prop} backendProtocol`, opts.backendProtocol, `is not a protocol the F5 NGINX Ingress Controller speaks to backends (${Object.keys(PROTOCOLS).join(', ')})`, 'Use BackendProtocol.HTTPS or BackendProtocol.GRPC.');
    } else {
      lists = proto;
    }
    if (proto?.includes('grpc-services') && !input.tls.https) {
      problems.add(`${input.prop} backendProtocol`, opts.backendProtocol, 'needs TLS on the route: the F5 NGINX Ingress Controller serves gRPC only on Ingresses that terminate TLS', 'Give the route a TlsSource.');
    }
  }
  for (const l of ['ssl-services', 'grpc-services']) ownedBy[PREFIX + l] = `${input.prop} backendProtocol`;
  return {
    description: `F5 NGINX Ingress Controller (class ${cls})`,
    facts,
    className: cls,
    classByAnnotation: false,
    annotations,
    ownedBy,
    implementationSpecific: 'has no documented meaning in the F5 NGINX Ingress Controller without nginx.org/path-regex',
    render: (ctx) => {
      for (const l of lists) ctx.ingress.metadata.addAnnotation(PREFIX + l, Lazy.any({ produce: () => ctx.serviceNames().join(',') }) as any);
    },
  };
}
