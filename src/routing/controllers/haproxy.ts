import { ControllerBinding, ControllerInput, className, optionsObject, secondsOption } from './binding';
import { Problems } from '../../core/problems';
import { INGRESS_CONTROLLERS, IngressControllerId } from '../../knowledge/routing/controllers';
import { HaproxyOptions } from '../ingress-controller-options';
import { BackendProtocol } from '../nginx';

const PREFIX = 'haproxy.org/';

/** What each backend protocol becomes on HAProxy (HTTP is the default and writes nothing). */
const PROTOCOLS: Partial<Record<BackendProtocol, Record<string, string>>> = {
  [BackendProtocol.HTTP]: {},
  [BackendProtocol.HTTPS]: { [PREFIX + 'server-ssl']: 'true' },
  [BackendProtocol.GRPC]: { [PREFIX + 'server-proto']: 'h2' },
  [BackendProtocol.GRPCS]: { [PREFIX + 'server-ssl']: 'true' }, // with server-ssl, HTTP/2 is negotiated by ALPN
};

/**
 * The HAProxy Kubernetes Ingress Controller (haproxytech): `ssl-redirect` written both ways (its default redirects
 * Ingresses with TLS), `timeout-server`, and the backend protocol as `server-ssl` / `server-proto`.
 */
export function bindHaproxy(problems: Problems, input: ControllerInput, options: HaproxyOptions | undefined): ControllerBinding {
  const facts = INGRESS_CONTROLLERS[IngressControllerId.HAPROXY];
  const opts = optionsObject(problems, input.prop, options, 'a HaproxyOptions object', '{ timeoutServer: Duration.minutes(2) }');
  const cls = className(problems, opts.className, input, facts.defaultClass);
  const annotations: Record<string, string> = {};
  const ownedBy: Record<string, string> = {
    [PREFIX + 'ssl-redirect']: 'sslRedirect',
    [PREFIX + 'timeout-server']: `${input.prop} timeoutServer`,
    [PREFIX + 'server-ssl']: `${input.prop} backendProtocol`,
    [PREFIX + 'server-proto']: `${input.prop} backendProtocol`,
  };
  if (input.tls.https) annotations[PREFIX + 'ssl-redirect'] = String(input.sslRedirect);
  const timeout = secondsOption(problems, `${input.prop} timeoutServer`, opts.timeoutServer);
  if (timeout !== undefined) annotations[PREFIX + 'timeout-server'] = `${timeout}s`;
  if (opts.backendProtocol !== undefined) {
    const proto = PROTOCOLS[opts.backendProtocol as BackendProtocol];
    if (!proto) {
      problems.add(`${input.prop} backendProtocol`, opts.backendProtocol, `is not a protocol HAProxy speaks to backends (${Object.keys(PROTOCOLS).join(', ')})`, 'Use BackendProtocol.HTTPS or BackendProtocol.GRPC.');
    } else {
      Object.assign(annotations, proto);
    }
  }
  return {
    description: `HAProxy (class ${cls})`,
    facts,
    className: cls,
    classByAnnotation: false,
    annotations,
    ownedBy,
    implementationSpecific: 'has no documented meaning in the HAProxy Kubernetes Ingress Controller',
  };
}
