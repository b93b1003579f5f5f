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

/** How TLS is configured. @internal */
export enum TlsMode {
  SECRET = 'secret',
  CLUSTER_ISSUER = 'cluster-issuer',
  ISSUER = 'issuer',
  NONE = 'none',
}

/**
 * Where the certificate of an IngressRoute comes from. TLS is on unless you choose
 * {@link TlsSource.noneInsecurePlainHttp}.
 *
 * @example
 * TlsSource.certManagerClusterIssuer('letsencrypt-prod')
 * TlsSource.secret('shop-example-com-tls')
 */
export class TlsSource {
  /**
   * Use an existing `kubernetes.io/tls` Secret in the route's namespace.
   * @param secretName name of the Secret
   * @param options the hosts it serves
   */
  public static secret(secretName: string, options: TlsOptions = {}): TlsSource {
    return new TlsSource(TlsMode.SECRET, secretName, options ?? {});
  }

  /**
   * Have cert-manager issue the certificate from a ClusterIssuer (`cert-manager.io/cluster-issuer`).
   * @see https://cert-manager.io/docs/usage/ingress/
   * @param issuerName name of the ClusterIssuer, e.g. `letsencrypt-prod`
   * @param options hosts and Secret name
   */
  public static certManagerClusterIssuer(issuerName: string, options: CertManagerTlsOptions = {}): TlsSource {
    return new TlsSource(TlsMode.CLUSTER_ISSUER, issuerName, options ?? {});
  }

  /**
   * Have cert-manager issue the certificate from an Issuer in the route's namespace (`cert-manager.io/issuer`).
   * @see https://cert-manager.io/docs/usage/ingress/
   * @param issuerName name of the Issuer
   * @param options hosts and Secret name
   */
  public static certManagerIssuer(issuerName: string, options: CertManagerTlsOptions = {}): TlsSource {
    return new TlsSource(TlsMode.ISSUER, issuerName, options ?? {});
  }

  /**
   * No TLS: traffic, cookies and credentials cross the network in clear text. Only for routes whose TLS ends
   * before the ingress controller, or for local clusters.
   */
  public static noneInsecurePlainHttp(): TlsSource {
    return new TlsSource(TlsMode.NONE, undefined, {});
  }

  /** @internal */
  public readonly _mode: TlsMode;
  /** @internal */
  public readonly _name?: string;
  /** @internal */
  public readonly _options: CertManagerTlsOptions;

  private constructor(mode: TlsMode, name: string | undefined, options: CertManagerTlsOptions) {
    this._mode = mode;
    this._name = name;
    this._options = options;
  }
}
