import { ControllerBinding, ControllerInput, className, optionsObject, secondsOption } from './binding';
import { Problems } from '../../core/problems';
import { inEnum } from '../../core/values';
import { INGRESS_CONTROLLERS, IngressControllerId } from '../../knowledge/routing/controllers';
import { AlbScheme, AlbTargetType, AwsLoadBalancerOptions } from '../ingress-controller-options';
import { BackendProtocol } from '../nginx';

const PREFIX = 'alb.ingress.kubernetes.io/';

/** backend-protocol and backend-protocol-version for each backend protocol an ALB speaks. */
const PROTOCOLS: Partial<Record<BackendProtocol, [string, string?]>> = {
  [BackendProtocol.HTTP]: ['HTTP'],
  [BackendProtocol.HTTPS]: ['HTTPS'],
  [BackendProtocol.GRPC]: ['HTTP', 'GRPC'],
  [BackendProtocol.GRPCS]: ['HTTPS', 'GRPC'],
};

/** IngressGroup names: lower-case alphanumerics, "-" and ".", at most 63 characters. */
const GROUP_NAME = /^[a-z0-9]([-a-z0-9.]{0,61}[a-z0-9])?$/;

/**
 * The AWS Load Balancer Controller: scheme and target type written explicitly (internal and ip by default), the
 * listeners from the route's TLS (`listen-ports`, `ssl-redirect: '443'`), the ALB idle timeout, the backend protocol.
 * Certificates come from AWS Certificate Manager (TlsSource.awsCertificateManager()), never from Secrets.
 */
export function bindAwsLoadBalancer(problems: Problems, input: ControllerInput, options: AwsLoadBalancerOptions | undefined): ControllerBinding {
  const facts = INGRESS_CONTROLLERS[IngressControllerId.AWS_LOAD_BALANCER];
  const p = input.prop;
  const opts = optionsObject(problems, p, options, 'an AwsLoadBalancerOptions object', '{ scheme: AlbScheme.INTERNET_FACING }');
  const cls = className(problems, opts.className, input, facts.defaultClass);
  const scheme = opts.scheme ?? AlbScheme.INTERNAL;
  if (!inEnum(scheme, AlbScheme)) problems.add(`${p} scheme`, scheme, 'is not an AlbScheme (internal, internet-facing)', 'Use AlbScheme.INTERNET_FACING or AlbScheme.INTERNAL.');
  const targetType = opts.targetType ?? AlbTargetType.IP;
  if (!inEnum(targetType, AlbTargetType)) problems.add(`${p} targetType`, targetType, 'is not an AlbTargetType (ip, instance)', 'Use AlbTargetType.IP.');
  const annotations: Record<string, string> = {
    [PREFIX + 'scheme']: String(scheme),
    [PREFIX + 'target-type']: String(targetType),
    [PREFIX + 'listen-ports']: JSON.stringify(input.tls.https ? [{ HTTP: 80 }, { HTTPS: 443 }] : [{ HTTP: 80 }]),
  };
  if (input.tls.https && input.sslRedirect) annotations[PREFIX + 'ssl-redirect'] = '443';
  const idle = secondsOption(problems, `${p} idleTimeout`, opts.idleTimeout, 4000);
  if (idle !== undefined) annotations[PREFIX + 'load-balancer-attributes'] = `idle_timeout.timeout_seconds=${idle}`;
  if (opts.backendProtocol !== undefined) {
    const proto = PROTOCOLS[opts.backendProtocol as BackendProtocol];
    if (!proto) {
      problems.add(`${p} backendProtocol`, opts.backendProtocol, `is not a protocol an ALB speaks to targets (${Object.keys(PROTOCOLS).join(', ')})`, 'Use BackendProtocol.HTTPS or BackendProtocol.GRPC.');
    } else {
      annotations[PREFIX + 'backend-protocol'] = proto[0];
      if (proto[1]) annotations[PREFIX + 'backend-protocol-version'] = proto[1];
      if (proto[1] === 'GRPC' && !input.tls.https) {
        problems.add(`${p} backendProtocol`, opts.backendProtocol, 'needs TLS on the route: an ALB forwards gRPC from HTTPS listeners only', 'Give the route TlsSource.awsCertificateManager().');
      }
    }
  }
  if (opts.groupName !== undefined) {
    if (typeof opts.groupName !== 'string' || !GROUP_NAME.test(opts.groupName)) {
      problems.add(`${p} groupName`, opts.groupName, 'is not an IngressGroup name (lower-case letters, digits, "-" and ".", at most 63 characters)', 'Use e.g. "shop".');
    } else {
      annotations[PREFIX + 'group.name'] = opts.groupName;
    }
  }
  const ownedBy: Record<string, string> = {};
  for (const k of ['scheme', 'target-type', 'load-balancer-attributes', 'backend-protocol', 'backend-protocol-version', 'group.name']) {
    ownedBy[PREFIX + k] = `${p} ${{ 'target-type': 'targetType', 'load-balancer-attributes': 'idleTimeout', 'backend-protocol-version': 'backendProtocol', 'backend-protocol': 'backendProtocol', 'group.name': 'groupName' }[k] ?? k}`;
  }
  ownedBy[PREFIX + 'listen-ports'] = 'tls';
  ownedBy[PREFIX + 'ssl-redirect'] = 'sslRedirect';
  return {
    description: `AWS Load Balancer Controller (class ${cls})`,
    facts,
    className: cls,
    classByAnnotation: false,
    annotations,
    ownedBy,
    noResourceBackends: facts.name,
  };
}
