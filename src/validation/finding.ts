/**
 * How bad a finding is.
 */
export enum Severity {
  /** What the cluster would reject, or what breaks or loses data: fails synth and the CLI (exit 1). */
  ERROR = 'error',
  /** Risky but sometimes intended: reported, never fails. */
  WARNING = 'warning',
}

/**
 * Rule families, as listed in the rules reference.
 */
export enum RuleFamily {
  /** The schema of the target Kubernetes minor or of a CRD: types, values, required and unknown fields. */
  SCHEMA = 'schema',
  /** What the API server rejects that no schema expresses. */
  API_SERVER = 'api-server',
  /** Storage systems, classes, claims and volumes. */
  STORAGE = 'storage',
  /** Pods and their controllers. */
  WORKLOAD = 'workload',
  /** Ingress routing and TLS. */
  INGRESS = 'ingress',
  /** Gateway API: Gateways, HTTPRoutes, ReferenceGrants. */
  GATEWAY = 'gateway',
  /** Pod Security, secrets and privileges. */
  SECURITY = 'security',
  /** Policies a platform team sets. */
  POLICY = 'policy',
  /** The validator itself (suppressions, rule failures). */
  VALIDATOR = 'validator',
}

/**
 * One problem found in a set of Kubernetes objects.
 */
export interface Finding {
  /** Rule id, e.g. `STO-001`. */
  readonly ruleId: string;
  /** Error or warning. */
  readonly severity: Severity;
  /** `kind` of the object the finding is about. */
  readonly kind: string;
  /** `metadata.name` of the object. */
  readonly name: string;
  /**
   * `metadata.namespace` of the object.
   * @default - cluster-scoped or not set
   */
  readonly namespace?: string;
  /**
   * File the object was read from (CLI).
   * @default - not read from a file
   */
  readonly file?: string;
  /**
   * 1-based line of the object in its file (CLI).
   * @default - unknown
   */
  readonly line?: number;
  /**
   * Construct path of the object (constructs and the cdk8s plugin).
   * @default - not from a construct
   */
  readonly constructPath?: string;
  /** What is wrong, with the offending value. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
}

/**
 * Description of one rule, for docs and tooling.
 */
export interface RuleInfo {
  /** Rule id, e.g. `STO-001`. */
  readonly id: string;
  /** Default severity. */
  readonly severity: Severity;
  /** Family the rule belongs to. */
  readonly family: RuleFamily;
  /** What the rule checks, in one line. */
  readonly what: string;
  /** Why it matters, in one line. */
  readonly why: string;
  /** How to fix a finding, in one line. */
  readonly fix: string;
}
