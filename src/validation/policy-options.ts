import { Size } from 'cdk8s';

/**
 * What a platform team forbids or requires across an app. Violations are reported by the same validator as
 * every other rule (ids POL-001..), with construct paths, so app teams see one report.
 */
export interface PlatformPolicyProps {
  /**
   * Only these CSI provisioners may back StorageClasses and CSI PersistentVolumes.
   * @default - any provisioner
   */
  readonly allowedProvisioners?: string[];
  /**
   * Every Ingress rule host must be covered by TLS.
   * @default false
   */
  readonly requireTls?: boolean;
  /**
   * No hostPath PersistentVolumes or pod volumes.
   * @default false
   */
  readonly forbidHostPath?: boolean;
  /**
   * Minimum replicas for database StatefulSets (those a StatefulDatabase emits, or whose governing Service is annotated `golden-paths.dev/role: database`).
   * @default - no minimum
   */
  readonly minDatabaseReplicas?: number;
  /**
   * Largest storage request of any claim or claim template.
   * @default - no maximum
   */
  readonly maxClaimSize?: Size;
  /**
   * Labels every object must carry (e.g. `team`, `cost-centre`).
   * @default - none
   */
  readonly requiredLabels?: string[];
  /**
   * Ingress classes Ingresses may use.
   * @default - any class
   */
  readonly allowedIngressClasses?: string[];
}

/**
 * A policy with the construct path it applies under (every object when the path is not set, as in the CLI).
 */
export interface ScopedPolicy {
  /** The policy. */
  readonly policy: PlatformPolicyProps;
  /**
   * Construct path the policy applies under.
   * @default - every object
   */
  readonly scopePath?: string;
}
