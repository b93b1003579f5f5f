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
   * Annotations every object must carry (e.g. `acme.com/owner`, an owner contact).
   * @default - none
   */
  readonly requiredAnnotations?: string[];
  /**
   * Ingress classes Ingresses may use.
   * @default - any class
   */
  readonly allowedIngressClasses?: string[];
  /**
   * Hold the app's own objects under the scope (hand-written cdk8s-plus objects and ApiObjects that no construct of
   * this library emitted) to the standard of the library's own: every finding of a practice rule on them fails synth,
   * warnings included (security hardening and operations advice the cluster does not enforce, `RuleBasis.PRACTICE` in
   * the rules reference: SEC-002 privileged containers, SEC-018 no seccomp profile, WKL-023 no resources, ...). A
   * finding that does not apply to one object is suppressed by its annotation, with the reason. What the cluster would
   * reject fails synth for every object in any case.
   * @default false - on the app's own objects practice findings are warnings (the team wrote those objects by hand);
   * on the objects the library's constructs emit, practice errors fail synth
   */
  readonly enforcePracticesOnAppObjects?: boolean;
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
