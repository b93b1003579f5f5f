import { CERT_MANAGER_CLUSTER_ISSUER_ANNOTATION, CERT_MANAGER_ISSUER_ANNOTATION } from '../core/conventions';
import { isDnsSubdomain } from '../core/names';
import { Problems } from '../core/problems';
import { asText, describe } from '../core/values';
import { hostProblem } from '../knowledge/routing/paths';

/**
 * Options for a TLS source.
 */
export interface TlsOptions {
  /**
   * Hosts the certificate is used for (`spec.tls[].hosts`). Each rule host must be covered, exactly or by a
   * wildcard one label deep (`*.example.com` covers `a.example.com`, not `example.com` nor `a.b.example.com`).
   * @default - every host of the route's rules, so no host is left on plain HTTP
   */
  readonly hosts?: string[];
}

/**
 * Options for a TLS certificate issued by cert-manager.
 */
export interface CertManagerTlsOptions extends TlsOptions {
  /**
   * Name of the Secret cert-manager writes the certificate to.
   * @default - `<ingress name>-tls`, derived from the Ingress name so it is stable across synths
   */
  readonly secretName?: string;
}

/**
 * Options for a certificate from AWS Certificate Manager, for the AWS Load Balancer Controller.
 */
export interface AwsCertificateManagerTlsOptions extends TlsOptions {
  /**
   * ARNs of the ACM certificates (`alb.ingress.kubernetes.io/certificate-arn`).
   * @see https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/cert_discovery/
   * @default - discovered by the controller from the hosts of `spec.tls` (certificate discovery)
   */
  readonly certificateArns?: string[];
}

/** What kind of certificate a route or gateway uses. */
export enum TlsKind {
  /** No TLS. */
  NONE = 'none',
  /** A `kubernetes.io/tls` Secret the user provides. */
  SECRET = 'secret',
  /** A Secret cert-manager issues. */
  CERT_MANAGER = 'cert-manager',
  /** A certificate in AWS Certificate Manager (AWS Load Balancer Controller only). */
  AWS_CERTIFICATE_MANAGER = 'aws-certificate-manager',
}

/** The annotation naming ACM certificates on an ALB Ingress. */
const ALB_CERTIFICATE_ARN = 'alb.ingress.kubernetes.io/certificate-arn';
/** ACM certificate ARNs. */
const ACM_ARN = /^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[A-Za-z0-9-]+$/;

/**
 * Annotations only a TlsSource may set: a route refuses them in its `annotations` prop unless its own source set
 * them (so a certificate is never requested behind the `tls` prop's back).
 * @internal
 */
export const TLS_SOURCE_ANNOTATIONS: readonly string[] = [CERT_MANAGER_CLUSTER_ISSUER_ANNOTATION, CERT_MANAGER_ISSUER_ANNOTATION, ALB_CERTIFICATE_ARN];

/**
 * A TlsSource checked for one route: what the route renders from it. A source can serve several routes, so what
 * depends on the route lives here, not on the source.
 * @internal
 */
export interface TlsBinding {
  /** Whether the route serves HTTPS: `sslRedirect` defaults to true and is rendered, `spec.tls` is set. */
  readonly https: boolean;
  /** What kind of certificate. */
  readonly kind: TlsKind;
  /** The factory call, as messages name it (`TlsSource.secret(...)`). */
  readonly factory: string;
  /** The hosts the options list (each checked), or undefined when the certificate covers every rule host. */
  readonly hosts?: string[];
  /** The annotations the source sets; the route's `annotations` prop may not set them. */
  readonly annotations: Record<string, string>;
  /** Name of the TLS Secret of an Ingress with this name, undefined without TLS. */
  secretName(ingressName: string): string | undefined;
  /** The `spec.tls` of the Ingress, given the hosts of its rules and its TLS Secret name; undefined without TLS. */
  specTls(ruleHosts: string[], secretName: string | undefined): any[] | undefined;
  /** What is wrong at synth with the finished route for this source (after `<construct path>: `), else undefined. */
  synthProblem(ruleHosts: string[]): string | undefined;
  /** Name of the Secret an HTTPS listener of a Gateway with this name refers to for a host. */
  listenerSecret(gatewayName: string, host: string): string | undefined;
}

/**
 * Where the certificate of a WebRoute (Ingress output) or a WebGateway comes from. TLS is on unless you choose
 * {@link TlsSource.noneInsecurePlainHttp}.
 *
 * @example
 * TlsSource.certManagerClusterIssuer('letsencrypt-prod')
 * TlsSource.secret('shop-example-com-tls')
 */
export abstract class TlsSource {
  /**
   * Use an existing `kubernetes.io/tls` Secret in the route's namespace.
   * @param secretName name of the Secret
   * @param options the hosts it serves
   */
  public static secret(secretName: string, options: TlsOptions = {}): TlsSource {
    return new SecretTls(secretName, options ?? {});
  }

  /**
   * Have cert-manager issue the certificate from a ClusterIssuer (`cert-manager.io/cluster-issuer`).
   * @see https://cert-manager.io/docs/usage/ingress/
   * @param issuerName name of the ClusterIssuer, e.g. `letsencrypt-prod`
   * @param options hosts and Secret name
   */
  public static certManagerClusterIssuer(issuerName: string, options: CertManagerTlsOptions = {}): TlsSource {
    return new CertManagerTls('ClusterIssuer', CERT_MANAGER_CLUSTER_ISSUER_ANNOTATION, issuerName, options ?? {});
  }

  /**
   * Have cert-manager issue the certificate from an Issuer in the route's namespace (`cert-manager.io/issuer`).
   * @see https://cert-manager.io/docs/usage/ingress/
   * @param issuerName name of the Issuer
   * @param options hosts and Secret name
   */
  public static certManagerIssuer(issuerName: string, options: CertManagerTlsOptions = {}): TlsSource {
    return new CertManagerTls('Issuer', CERT_MANAGER_ISSUER_ANNOTATION, issuerName, options ?? {});
  }

  /**
   * Certificates in AWS Certificate Manager, for the AWS Load Balancer Controller (an ALB cannot use Secrets): by ARN,
   * or discovered by the controller from the route's hosts.
   * @see https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/cert_discovery/
   * @param options ARNs and hosts
   */
  public static awsCertificateManager(options: AwsCertificateManagerTlsOptions = {}): TlsSource {
    return new AcmTls(options ?? {});
  }

  /**
   * No TLS: traffic, cookies and credentials cross the network in clear text. Only for routes whose TLS ends
   * before the ingress controller, or for local clusters.
   */
  public static noneInsecurePlainHttp(): TlsSource {
    return new PlainHttp();
  }

  /** Sources are created with the static factories. */
  protected constructor() {}

  /**
   * Checks the source's options (problems named `tls ...`) and returns what a route renders from it.
   * @internal
   */
  public abstract _bind(problems: Problems): TlsBinding;
}

/** No TLS: nothing to check, nothing rendered. */
class PlainHttp extends TlsSource {
  public _bind(): TlsBinding {
    return {
      https: false,
      kind: TlsKind.NONE,
      factory: 'TlsSource.noneInsecurePlainHttp()',
      listenerSecret: () => undefined,
      annotations: {},
      secretName: () => undefined,
      specTls: () => undefined,
      synthProblem: () => undefined,
    };
  }
}

/** A certificate in a Secret, given or issued: the checks and the `spec.tls` entry all such sources share. */
abstract class CertificateTls extends TlsSource {
  /**
   * @param what the kind of object `name` names, as messages say it (`Secret`, `ClusterIssuer`)
   * @param example a name the fix of an invalid name suggests
   */
  constructor(protected readonly name: string, protected readonly options: CertManagerTlsOptions,
    private readonly what: string, private readonly example: string) {
    super();
  }

  public _bind(problems: Problems): TlsBinding {
    if (!isDnsSubdomain(this.name)) {
      problems.add(`tls ${this.what} name`, this.name, 'is not a valid object name', `Use the name of the ${this.what}, e.g. "${this.example}".`);
    }
    const opts = this.options ?? {};
    if (opts.secretName !== undefined && !isDnsSubdomain(opts.secretName)) {
      problems.add('tls secretName', opts.secretName, 'is not a valid Secret name', 'Use lower-case letters, digits and "-", e.g. "shop-tls".');
    }
    const hosts = checkHosts(problems, opts.hosts);
    return {
      https: true,
      kind: this.kind(),
      factory: this.factory(),
      listenerSecret: (gatewayName, host) => this.listenerSecret(gatewayName, host),
      hosts,
      annotations: this.annotations(),
      secretName: (ingressName) => this.secretName(ingressName),
      specTls: (ruleHosts, secretName) => {
        const covered = hosts ?? ruleHosts;
        return [{ hosts: covered.length ? covered : undefined, secretName }];
      },
      synthProblem: (ruleHosts) => this.synthProblem(ruleHosts, hosts),
    };
  }

  /** The annotations the source sets on the Ingress. */
  protected abstract annotations(): Record<string, string>;
  /** What kind of certificate. */
  protected abstract kind(): TlsKind;
  /** The factory call, as messages name it. */
  protected abstract factory(): string;
  /** Name of the Secret an HTTPS listener of a Gateway refers to for a host. */
  protected abstract listenerSecret(gatewayName: string, host: string): string;
  /** Name of the TLS Secret of an Ingress with this name. */
  protected abstract secretName(ingressName: string): string;
  /** What is wrong at synth with the route's hosts for this source, else undefined. */
  protected abstract synthProblem(ruleHosts: string[], tlsHosts: string[] | undefined): string | undefined;
}

/** The hosts of the options when they are a non-empty list (each host checked), else undefined. */
function checkHosts(problems: Problems, hosts: unknown): string[] | undefined {
  if (hosts === undefined) return undefined;
  if (!Array.isArray(hosts) || hosts.length === 0) {
    problems.add('tls hosts', hosts, 'is not a non-empty list of host names', 'List the hosts, e.g. ["shop.example.com"], or leave hosts out to cover every rule host.');
    return undefined;
  }
  hosts.forEach((h, i) => {
    const p = hostProblem(h);
    if (p) problems.add(`tls hosts[${i}]`, h, p, 'Use a DNS name such as "shop.example.com" or "*.example.com".');
  });
  return [...hosts];
}

/** An existing `kubernetes.io/tls` Secret. */
class SecretTls extends CertificateTls {
  constructor(secretName: string, options: TlsOptions) {
    super(secretName, options, 'Secret', 'shop-tls');
  }

  protected annotations(): Record<string, string> {
    return {};
  }

  protected kind(): TlsKind {
    return TlsKind.SECRET;
  }

  protected factory(): string {
    return `TlsSource.secret(${describe(this.name)})`;
  }

  protected secretName(): string {
    return this.name;
  }

  protected listenerSecret(): string {
    return this.name;
  }

  protected synthProblem(): string | undefined {
    return undefined;
  }
}

/** A certificate cert-manager issues from the (Cluster)Issuer the annotation names. */
class CertManagerTls extends CertificateTls {
  constructor(what: string, private readonly annotation: string, issuerName: string, options: CertManagerTlsOptions) {
    super(issuerName, options, what, 'letsencrypt-prod');
  }

  protected annotations(): Record<string, string> {
    return { [this.annotation]: asText(this.name) }; // an invalid name is reported by _bind
  }

  protected kind(): TlsKind {
    return TlsKind.CERT_MANAGER;
  }

  protected factory(): string {
    return `TlsSource.certManager${this.annotation === CERT_MANAGER_ISSUER_ANNOTATION ? 'Issuer' : 'ClusterIssuer'}(${describe(this.name)})`;
  }

  protected secretName(ingressName: string): string {
    return this.options?.secretName ?? `${ingressName}-tls`;
  }

  /** One Secret per host (`<gateway>-<host>-tls`, `*` as `wildcard`), or the one secretName given. */
  protected listenerSecret(gatewayName: string, host: string): string {
    return this.options?.secretName ?? `${gatewayName}-${host.replace(/^\*/, 'wildcard')}-tls`;
  }

  protected synthProblem(ruleHosts: string[], tlsHosts: string[] | undefined): string | undefined {
    if (ruleHosts.length > 0 || tlsHosts) return undefined;
    return `tls ${describe(this.name)} has no host to issue a certificate for (the route has no rule with a host). Add a rule with a host, or list the hosts in the TlsSource options.`;
  }
}

/** Certificates in AWS Certificate Manager, by ARN or discovered from the hosts. */
class AcmTls extends TlsSource {
  constructor(private readonly options: AwsCertificateManagerTlsOptions) {
    super();
  }

  public _bind(problems: Problems): TlsBinding {
    const opts: any = this.options && typeof this.options === 'object' ? this.options : {};
    const arns = checkArns(problems, opts.certificateArns);
    const hosts = checkHosts(problems, opts.hosts);
    return {
      https: true,
      kind: TlsKind.AWS_CERTIFICATE_MANAGER,
      factory: 'TlsSource.awsCertificateManager()',
      hosts,
      annotations: arns ? { [ALB_CERTIFICATE_ARN]: arns.join(',') } : {},
      secretName: () => undefined,
      specTls: (ruleHosts) => {
        const covered = hosts ?? ruleHosts;
        return [{ hosts: covered.length ? covered : undefined }];
      },
      synthProblem: (ruleHosts) => (arns || hosts || ruleHosts.length ? undefined
        : 'tls TlsSource.awsCertificateManager() has neither certificateArns nor a host to discover a certificate for. Add a rule with a host, or list the certificate ARNs.'),
      listenerSecret: () => undefined,
    };
  }
}

/** The ARNs when they are a non-empty list of ACM certificate ARNs (each checked), else undefined. */
function checkArns(problems: Problems, arns: unknown): string[] | undefined {
  if (arns === undefined) return undefined;
  if (!Array.isArray(arns) || arns.length === 0) {
    problems.add('tls certificateArns', arns, 'is not a non-empty list of certificate ARNs', 'List the ARNs, or leave certificateArns out to let the controller discover the certificates by host.');
    return undefined;
  }
  arns.forEach((a, i) => {
    if (typeof a !== 'string' || !ACM_ARN.test(a)) {
      problems.add(`tls certificateArns[${i}]`, a, 'is not an ACM certificate ARN', 'Use e.g. "arn:aws:acm:eu-central-1:123456789012:certificate/0a1b2c3d-...".');
    }
  });
  return [...arns];
}
