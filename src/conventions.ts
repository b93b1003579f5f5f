/**
 * Labels and annotations the library's constructs write and its rules read.
 */

/** Every object a construct of this library emits carries `app.kubernetes.io/managed-by: cdk8s-golden-paths`. */
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
/** Value of {@link MANAGED_BY_LABEL}. */
export const MANAGED_BY_VALUE = 'cdk8s-golden-paths';

/**
 * Pod templates the library emits carry `golden-paths.dev/pod-security: restricted`; the security rules hold
 * such pods to Pod Security "restricted" as errors.
 */
export const POD_SECURITY_LABEL = 'golden-paths.dev/pod-security';

/**
 * Services that front a database carry `golden-paths.dev/role: database`; an Ingress must not route to them.
 */
export const ROLE_ANNOTATION = 'golden-paths.dev/role';
