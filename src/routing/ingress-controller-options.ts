import { Duration, Size } from 'cdk8s';
import { BackendProtocol, IngressNginxOptions } from './nginx';

/**
 * Typed options of each Ingress controller: only what that controller reads from an Ingress. Settings a controller
 * reads from the Service, its ConfigMap or its own resources are not here (the README's migration table says where).
 */

/** Options every controller has. */
export interface IngressControllerCommonOptions {
  /**
   * The IngressClass that selects this controller installation.
   * @see https://kubernetes.io/docs/concepts/services-networking/ingress/#ingress-class
   * @default - the nearest PlatformDefaults `ingressClassName`, else the class the controller's installation creates
   * (`traefik`, `haproxy`, `nginx`, `alb`): never left to the cluster's default class
   */
  readonly className?: string;
}

/** Options of the community ingress-nginx controller (retired in March 2026). */
export interface IngressNginxControllerOptions extends IngressNginxOptions, IngressControllerCommonOptions {}

/**
 * Options of Traefik's Kubernetes Ingress provider.
 * @see https://doc.traefik.io/traefik/reference/routing-configuration/kubernetes/ingress/
 */
export interface TraefikOptions extends IngressControllerCommonOptions {
  /**
   * The entry point that serves HTTPS (`traefik.ingress.kubernetes.io/router.entrypoints`).
   * @default 'websecure' - the name in Traefik's Helm chart
   */
  readonly httpsEntryPoint?: string;
  /**
   * The entry point that serves plain HTTP: routes without TLS, and the redirect to HTTPS.
   * @default 'web' - the name in Traefik's Helm chart
   */
  readonly httpEntryPoint?: string;
  /**
   * Largest request body: a Buffering Middleware (`maxRequestBodyBytes`) the route creates and references.
   * @see https://doc.traefik.io/traefik/reference/routing-configuration/http/middlewares/buffering/
   * @default - no limit (Traefik's default)
   */
  readonly maxRequestBodySize?: Size;
}

/**
 * Options of the HAProxy Kubernetes Ingress Controller (haproxytech).
 * @see https://github.com/haproxytech/kubernetes-ingress/blob/master/documentation/annotations.md
 */
export interface HaproxyOptions extends IngressControllerCommonOptions {
  /**
   * Maximum inactivity time on the backend side (`haproxy.org/timeout-server`).
   * @default - HAProxy's default of 50 seconds
   */
  readonly timeoutServer?: Duration;
  /**
   * Protocol spoken to the backend: HTTPS (`haproxy.org/server-ssl`), GRPC as cleartext HTTP/2
   * (`haproxy.org/server-proto: h2`), GRPCS (TLS, HTTP/2 by ALPN).
   * @default BackendProtocol.HTTP
   */
  readonly backendProtocol?: BackendProtocol;
}

/**
 * Options of the F5 NGINX Ingress Controller (`nginx.org/*` annotations; not the retired community ingress-nginx).
 * @see https://docs.nginx.com/nginx-ingress-controller/configuration/ingress-resources/advanced-configuration-with-annotations/
 */
export interface F5NginxOptions extends IngressControllerCommonOptions {
  /**
   * Largest request body (`nginx.org/client-max-body-size`); `Size.kibibytes(0)` turns the check off.
   * @default - 1 MiB, the controller's default: larger uploads get a 413
   */
  readonly clientMaxBodySize?: Size;
  /**
   * Timeout to connect to the backend (`nginx.org/proxy-connect-timeout`), whole seconds.
   * @default - 60 seconds
   */
  readonly proxyConnectTimeout?: Duration;
  /**
   * Timeout between two reads from the backend (`nginx.org/proxy-read-timeout`), whole seconds.
   * @default - 60 seconds
   */
  readonly proxyReadTimeout?: Duration;
  /**
   * Timeout between two writes to the backend (`nginx.org/proxy-send-timeout`), whole seconds.
   * @default - 60 seconds
   */
  readonly proxySendTimeout?: Duration;
  /**
   * Protocol spoken to the route's backend Services: HTTPS (`nginx.org/ssl-services`), GRPC (`nginx.org/grpc-services`,
   * which needs TLS on the route and HTTP/2 enabled in the controller), GRPCS (both).
   * @default BackendProtocol.HTTP
   */
  readonly backendProtocol?: BackendProtocol;
}

/** Whether an ALB faces the internet. */
export enum AlbScheme {
  /** Reachable only inside the VPC (the controller's default). */
  INTERNAL = 'internal',
  /** Reachable from the internet. */
  INTERNET_FACING = 'internet-facing',
}

/** How an ALB reaches pods. */
export enum AlbTargetType {
  /** Pod IPs directly: works with ClusterIP Services (needs the VPC CNI or another CNI giving pods VPC IPs). */
  IP = 'ip',
  /** Node ports: the backend Services must be of type NodePort or LoadBalancer. */
  INSTANCE = 'instance',
}

/**
 * Options of the AWS Load Balancer Controller (ALB).
 * @see https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/
 */
export interface AwsLoadBalancerOptions extends IngressControllerCommonOptions {
  /**
   * Whether the ALB faces the internet (`alb.ingress.kubernetes.io/scheme`).
   * @default AlbScheme.INTERNAL - nothing is published to the internet by accident
   */
  readonly scheme?: AlbScheme;
  /**
   * How the ALB reaches pods (`alb.ingress.kubernetes.io/target-type`).
   * @default AlbTargetType.IP - works with the ClusterIP Services the library and cdk8s-plus create; `instance` (the
   * controller's own default) needs NodePort Services
   */
  readonly targetType?: AlbTargetType;
  /**
   * Idle timeout of the ALB (`load-balancer-attributes: idle_timeout.timeout_seconds`), 1 to 4000 whole seconds.
   * Applies to the whole ALB (every Ingress of its group).
   * @default - 60 seconds, the ALB default
   */
  readonly idleTimeout?: Duration;
  /**
   * Protocol spoken to the pods (`backend-protocol`, `backend-protocol-version`): HTTP, HTTPS, GRPC, GRPCS.
   * @default BackendProtocol.HTTP
   */
  readonly backendProtocol?: BackendProtocol;
  /**
   * IngressGroup: Ingresses with the same group name share one ALB (`alb.ingress.kubernetes.io/group.name`). Only
   * when everyone who can create Ingresses in the group's namespaces is trusted.
   * @default - the Ingress gets its own ALB
   */
  readonly groupName?: string;
}

/** The GKE Ingress classes. */
export enum GkeIngressClass {
  /** External Application Load Balancer. */
  EXTERNAL = 'gce',
  /** Internal Application Load Balancer (needs a proxy-only subnet). */
  INTERNAL = 'gce-internal',
}

/**
 * Options of GKE Ingress (the Google-hosted controller). GKE reads its class from the `kubernetes.io/ingress.class`
 * annotation and ignores `spec.ingressClassName`, so the route writes the annotation.
 * @see https://cloud.google.com/kubernetes-engine/docs/how-to/ingress-configuration
 */
export interface GkeOptions {
  /**
   * External or internal load balancer.
   * @default GkeIngressClass.EXTERNAL
   */
  readonly ingressClass?: GkeIngressClass;
  /**
   * Name of a reserved static IP address (`kubernetes.io/ingress.global-static-ip-name`, or the regional one for
   * an internal load balancer).
   * @default - an ephemeral address, which changes if the Ingress is recreated
   */
  readonly staticIpName?: string;
}

/** Options of a controller the library has no typed options for. */
export interface CustomIngressControllerOptions {
  /** The IngressClass that selects it. */
  readonly className: string;
}
