import { albPathProblem, nginxPathProblem } from './paths';

/**
 * Facts about the Ingress controllers the library renders for: how each is selected (class name, IngressClass
 * `spec.controller`), which annotation prefixes it reads, which path characters it refuses and whether it serves
 * `resource` backends. Constructs (IngressController) and rules (ING-003, ING-015, ...) read them from here.
 *
 * Sources, per controller (read 2026):
 * - ingress-nginx: kubernetes.github.io/ingress-nginx user-guide/nginx-configuration/annotations; retirement:
 *   kubernetes.io/blog/2025/11/11/ingress-nginx-retirement (no releases or security fixes after March 2026).
 * - Traefik: traefik/traefik docs/content/reference/routing-configuration/kubernetes/ingress.md (router.* annotations
 *   on the Ingress, service.* annotations on the Service; spec.tls alone does not enable TLS: router.tls does).
 * - HAProxy Kubernetes Ingress Controller (haproxytech): documentation/annotations.md, documentation/ingressclass.md.
 * - F5 NGINX Ingress Controller: nginx/documentation content/nic/configuration/ingress-resources/
 *   advanced-configuration-with-annotations.md.
 * - AWS Load Balancer Controller: kubernetes-sigs/aws-load-balancer-controller docs/guide/ingress/annotations.md and
 *   spec.md ("does not support the resource field of backend"); ALB path conditions: Elastic Load Balancing user guide.
 * - GKE Ingress: cloud.google.com/kubernetes-engine/docs/concepts/ingress (the class is read from the
 *   kubernetes.io/ingress.class annotation, gce or gce-internal; spec.ingressClassName is ignored).
 */

/** The controllers the library knows. */
export enum IngressControllerId {
  INGRESS_NGINX = 'ingress-nginx',
  TRAEFIK = 'traefik',
  HAPROXY = 'haproxy',
  F5_NGINX = 'f5-nginx',
  AWS_LOAD_BALANCER = 'aws-load-balancer',
  GKE = 'gke',
}

/** What the library knows about one Ingress controller. */
export interface IngressControllerFacts {
  readonly id: IngressControllerId;
  /** Name as messages say it. */
  readonly name: string;
  /** The class name its installation creates by default. */
  readonly defaultClass: string;
  /** `spec.controller` of its IngressClass (a value, or a prefix followed by `/`). */
  readonly ingressClassController?: string;
  /** Class names that identify it without an IngressClass among the objects. */
  readonly wellKnownClasses: readonly string[];
  /** Whether it reads the class from the `kubernetes.io/ingress.class` annotation only (GKE). */
  readonly classByAnnotation: boolean;
  /** The annotation prefix of its own options. */
  readonly annotationPrefix: string;
  /** What it refuses in a path of the given type, else undefined; absent when it has no rule of its own. */
  readonly pathProblem?: (path: unknown, pathType: string) => string | undefined;
  /** False when its documentation says it does not serve `resource` backends. */
  readonly resourceBackends: boolean;
  /** Where its annotations are documented. */
  readonly docs: string;
  /** When it stopped receiving releases and security fixes, for a retired controller. */
  readonly endOfLife?: string;
}

/** End of life of the community ingress-nginx controller. */
export const INGRESS_NGINX_END_OF_LIFE = 'March 2026';

/** Every controller, by id. */
export const INGRESS_CONTROLLERS: Readonly<Record<IngressControllerId, IngressControllerFacts>> = {
  [IngressControllerId.INGRESS_NGINX]: {
    id: IngressControllerId.INGRESS_NGINX,
    name: 'ingress-nginx (community, retired)',
    defaultClass: 'nginx',
    ingressClassController: 'k8s.io/ingress-nginx',
    wellKnownClasses: [],
    classByAnnotation: false,
    annotationPrefix: 'nginx.ingress.kubernetes.io/',
    pathProblem: nginxPathProblem,
    resourceBackends: true,
    docs: 'https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/',
    endOfLife: INGRESS_NGINX_END_OF_LIFE,
  },
  [IngressControllerId.TRAEFIK]: {
    id: IngressControllerId.TRAEFIK,
    name: 'Traefik',
    defaultClass: 'traefik',
    ingressClassController: 'traefik.io/ingress-controller',
    wellKnownClasses: ['traefik'],
    classByAnnotation: false,
    annotationPrefix: 'traefik.ingress.kubernetes.io/',
    resourceBackends: true,
    docs: 'https://doc.traefik.io/traefik/reference/routing-configuration/kubernetes/ingress/',
  },
  [IngressControllerId.HAPROXY]: {
    id: IngressControllerId.HAPROXY,
    name: 'HAProxy Kubernetes Ingress Controller',
    defaultClass: 'haproxy',
    ingressClassController: 'haproxy.org/ingress-controller',
    wellKnownClasses: ['haproxy'],
    classByAnnotation: false,
    annotationPrefix: 'haproxy.org/',
    resourceBackends: true,
    docs: 'https://github.com/haproxytech/kubernetes-ingress/blob/master/documentation/annotations.md',
  },
  [IngressControllerId.F5_NGINX]: {
    id: IngressControllerId.F5_NGINX,
    name: 'F5 NGINX Ingress Controller',
    defaultClass: 'nginx',
    ingressClassController: 'nginx.org/ingress-controller',
    wellKnownClasses: [],
    classByAnnotation: false,
    annotationPrefix: 'nginx.org/',
    resourceBackends: true,
    docs: 'https://docs.nginx.com/nginx-ingress-controller/configuration/ingress-resources/advanced-configuration-with-annotations/',
  },
  [IngressControllerId.AWS_LOAD_BALANCER]: {
    id: IngressControllerId.AWS_LOAD_BALANCER,
    name: 'AWS Load Balancer Controller',
    defaultClass: 'alb',
    ingressClassController: 'ingress.k8s.aws/alb',
    wellKnownClasses: ['alb'],
    classByAnnotation: false,
    annotationPrefix: 'alb.ingress.kubernetes.io/',
    pathProblem: albPathProblem,
    resourceBackends: false,
    docs: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/',
  },
  [IngressControllerId.GKE]: {
    id: IngressControllerId.GKE,
    name: 'GKE Ingress',
    defaultClass: 'gce',
    wellKnownClasses: ['gce', 'gce-internal'],
    classByAnnotation: true,
    annotationPrefix: 'networking.gke.io/',
    resourceBackends: true,
    docs: 'https://cloud.google.com/kubernetes-engine/docs/how-to/ingress-configuration',
  },
};

/** The controller an IngressClass `spec.controller` names, else undefined. */
export function controllerOfIngressClass(controller: unknown): IngressControllerFacts | undefined {
  if (typeof controller !== 'string') return undefined;
  return Object.values(INGRESS_CONTROLLERS).find((c) => c.ingressClassController !== undefined
    && (controller === c.ingressClassController || controller.startsWith(c.ingressClassController + '/')));
}

/** The controller a class name identifies by itself (`traefik`, `alb`, `gce`, ...), else undefined (`nginx` is ambiguous). */
export function controllerOfWellKnownClass(className: unknown): IngressControllerFacts | undefined {
  if (typeof className !== 'string') return undefined;
  return Object.values(INGRESS_CONTROLLERS).find((c) => c.wellKnownClasses.includes(className));
}
