/**
 * Labels and annotations the library's constructs write and its rules read: defined once here, exported to every
 * jsii language through {@link Conventions}.
 */

/** Every object a construct of this library emits carries `app.kubernetes.io/managed-by: cdk8s-golden-paths`. */
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
/** Value of {@link MANAGED_BY_LABEL}. */
export const MANAGED_BY_VALUE = 'cdk8s-golden-paths';
/** Pod templates held to Pod Security "restricted" as errors carry `golden-paths.dev/pod-security: restricted`. */
export const POD_SECURITY_LABEL = 'golden-paths.dev/pod-security';
/** Value of {@link POD_SECURITY_LABEL}. */
export const POD_SECURITY_RESTRICTED = 'restricted';
/** Services that front a database carry `golden-paths.dev/role: database`; an Ingress must not route to them. */
export const ROLE_ANNOTATION = 'golden-paths.dev/role';
/** Value of {@link ROLE_ANNOTATION} on the objects of a database. */
export const DATABASE_ROLE = 'database';
/** Annotation that marks the cluster's default StorageClass. */
export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
/** Annotation that marks the default VolumeSnapshotClass of a driver. */
export const DEFAULT_SNAPSHOT_CLASS_ANNOTATION = 'snapshot.storage.kubernetes.io/is-default-class';
/** Annotation prefix that suppresses one rule for one object: `golden-paths.dev/suppress.<RULE-ID>: "<reason>"`. */
export const SUPPRESS_ANNOTATION_PREFIX = 'golden-paths.dev/suppress.';
/** The annotation that selected the ingress controller before `spec.ingressClassName` existed. */
export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
/** cert-manager annotation naming a ClusterIssuer. */
export const CERT_MANAGER_CLUSTER_ISSUER_ANNOTATION = 'cert-manager.io/cluster-issuer';
/** cert-manager annotation naming an Issuer in the object's namespace. */
export const CERT_MANAGER_ISSUER_ANNOTATION = 'cert-manager.io/issuer';

/**
 * The labels and annotations the library writes and reads, for platform code in any jsii language (selectors,
 * policies, dashboards).
 */
export class Conventions {
  /** `app.kubernetes.io/managed-by`: every object a construct of this library emits carries it. */
  public static readonly MANAGED_BY_LABEL = MANAGED_BY_LABEL;
  /** `cdk8s-golden-paths`: value of the managed-by label on the library's objects. */
  public static readonly MANAGED_BY_VALUE = MANAGED_BY_VALUE;
  /** `golden-paths.dev/pod-security`: pod templates labelled `restricted` are held to Pod Security "restricted" as errors. */
  public static readonly POD_SECURITY_LABEL = POD_SECURITY_LABEL;
  /** `golden-paths.dev/role`: `database` on the Services and StatefulSets of a database (routes to them are refused). */
  public static readonly ROLE_ANNOTATION = ROLE_ANNOTATION;
  /** `database`: value of the role annotation on database objects. */
  public static readonly DATABASE_ROLE = DATABASE_ROLE;
  /** `golden-paths.dev/suppress.`: prefix of the annotation that suppresses one rule for one object, with a reason. */
  public static readonly SUPPRESS_ANNOTATION_PREFIX = SUPPRESS_ANNOTATION_PREFIX;
  /** `storageclass.kubernetes.io/is-default-class`: marks the cluster's default StorageClass. */
  public static readonly DEFAULT_CLASS_ANNOTATION = DEFAULT_CLASS_ANNOTATION;
  /** `kubernetes.io/ingress.class`: the deprecated ingress class annotation. */
  public static readonly INGRESS_CLASS_ANNOTATION = INGRESS_CLASS_ANNOTATION;
  /** `cert-manager.io/cluster-issuer`: cert-manager annotation naming a ClusterIssuer. */
  public static readonly CERT_MANAGER_CLUSTER_ISSUER_ANNOTATION = CERT_MANAGER_CLUSTER_ISSUER_ANNOTATION;
  /** `cert-manager.io/issuer`: cert-manager annotation naming an Issuer. */
  public static readonly CERT_MANAGER_ISSUER_ANNOTATION = CERT_MANAGER_ISSUER_ANNOTATION;

  private constructor() {}
}
