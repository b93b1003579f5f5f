import { bindAwsLoadBalancer } from './controllers/aws-load-balancer';
import { ControllerBinding, ControllerInput } from './controllers/binding';
import { bindCustom } from './controllers/custom';
import { bindF5Nginx } from './controllers/f5-nginx';
import { bindGke } from './controllers/gke';
import { bindHaproxy } from './controllers/haproxy';
import { bindIngressNginx } from './controllers/ingress-nginx';
import { bindTraefik } from './controllers/traefik';
import {
  AwsLoadBalancerOptions, CustomIngressControllerOptions, F5NginxOptions, GkeOptions, HaproxyOptions, IngressNginxControllerOptions, TraefikOptions,
} from './ingress-controller-options';
import { TlsKind } from './tls';
import { Problems } from '../core/problems';

/**
 * The Ingress controller a route's Ingress is for. The controller owns the class name, the annotations its typed
 * options and the route's TLS and redirect become, and its path rules. Controllers that stopped receiving security
 * fixes stay available by explicit choice, with a warning.
 *
 * @example
 * RouteOutput.ingress(IngressController.traefik())
 * RouteOutput.ingress(IngressController.haproxy({ timeoutServer: Duration.minutes(2) }))
 * RouteOutput.ingress(IngressController.awsLoadBalancer({ scheme: AlbScheme.INTERNET_FACING }))
 */
export abstract class IngressController {
  /**
   * Traefik's Kubernetes Ingress provider (class `traefik`).
   * @see https://doc.traefik.io/traefik/reference/routing-configuration/kubernetes/ingress/
   * @param options entry points, body size, class
   */
  public static traefik(options: TraefikOptions = {}): IngressController {
    return new Controller('Traefik', (p, i) => bindTraefik(p, i, options));
  }

  /**
   * The HAProxy Kubernetes Ingress Controller by HAProxy Technologies (class `haproxy`, `haproxy.org/*` annotations).
   * @see https://github.com/haproxytech/kubernetes-ingress/blob/master/documentation/annotations.md
   * @param options timeouts, backend protocol, class
   */
  public static haproxy(options: HaproxyOptions = {}): IngressController {
    return new Controller('HAProxy', (p, i) => bindHaproxy(p, i, options));
  }

  /**
   * The F5 NGINX Ingress Controller (class `nginx`, `nginx.org/*` annotations): maintained by F5, not the retired
   * community ingress-nginx.
   * @see https://docs.nginx.com/nginx-ingress-controller/
   * @param options body size, timeouts, backend protocol, class
   */
  public static f5Nginx(options: F5NginxOptions = {}): IngressController {
    return new Controller('F5 NGINX Ingress Controller', (p, i) => bindF5Nginx(p, i, options));
  }

  /**
   * The AWS Load Balancer Controller (class `alb`): one Application Load Balancer per Ingress or IngressGroup.
   * Certificates come from AWS Certificate Manager: `tls: TlsSource.awsCertificateManager()`.
   * @see https://kubernetes-sigs.github.io/aws-load-balancer-controller/
   * @param options scheme, target type, idle timeout, backend protocol, group, class
   */
  public static awsLoadBalancer(options: AwsLoadBalancerOptions = {}): IngressController {
    return new Controller('AWS Load Balancer Controller', (p, i) => bindAwsLoadBalancer(p, i, options));
  }

  /**
   * GKE Ingress, the Google-hosted controller (class `gce` or `gce-internal`, set as annotation).
   * @see https://cloud.google.com/kubernetes-engine/docs/concepts/ingress
   * @param options external or internal, static IP
   */
  public static gke(options: GkeOptions = {}): IngressController {
    return new Controller('GKE Ingress', (p, i) => bindGke(p, i, options));
  }

  /**
   * The community ingress-nginx controller (class `nginx`, `nginx.ingress.kubernetes.io/*` annotations). It reached
   * its end of life in March 2026 (no releases, bug fixes or security patches): the route warns at every synth.
   * Kept for clusters that still run it while they migrate.
   * @see https://kubernetes.io/blog/2025/11/11/ingress-nginx-retirement/
   * @param options the typed ingress-nginx annotations and the class
   */
  public static ingressNginx(options: IngressNginxControllerOptions = {}): IngressController {
    return new Controller('ingress-nginx', (p, i) => bindIngressNginx(p, i, options));
  }

  /**
   * Any other controller, by class name only: no annotations, no path rules of its own, no redirect (routes with TLS
   * set `sslRedirect: false` and redirect in the controller).
   * @param options the class name
   */
  public static custom(options: CustomIngressControllerOptions): IngressController {
    return new Controller('custom', (p, i) => bindCustom(p, i, options));
  }

  /**
   * The controller's name, as messages say it.
   * @internal
   */
  public abstract readonly _name: string;

  /** Controllers are created with the static factories. */
  protected constructor() {}

  /**
   * Checks the options and the route's TLS for this controller and returns what the route renders from it.
   * @internal
   */
  public abstract _bind(problems: Problems, input: ControllerInput): ControllerBinding;
}

/** A controller: its checks and render steps live in controllers/<name>.ts. */
class Controller extends IngressController {
  constructor(public readonly _name: string, private readonly bindFn: (problems: Problems, input: ControllerInput) => ControllerBinding) {
    super();
  }

  public _bind(problems: Problems, input: ControllerInput): ControllerBinding {
    const binding = this.bindFn(problems, input);
    const alb = binding.facts?.id === 'aws-load-balancer';
    const kind = input.tls.kind;
    if (alb && (kind === TlsKind.SECRET || kind === TlsKind.CERT_MANAGER)) {
      problems.add('tls', input.tls.factory, `gives a certificate in a Secret, but the ${binding.description} takes certificates from AWS Certificate Manager only`,
        'Use tls: TlsSource.awsCertificateManager() (certificates discovered by host) or TlsSource.awsCertificateManager({ certificateArns: [...] }).');
    } else if (!alb && kind === TlsKind.AWS_CERTIFICATE_MANAGER) {
      problems.add('tls', input.tls.factory, `is for the AWS Load Balancer Controller, but the route's controller is ${binding.description}, which reads certificates from Secrets`,
        'Use TlsSource.secret(...) or a cert-manager issuer (TlsSource.certManagerClusterIssuer(...)).');
    }
    return binding;
  }
}
