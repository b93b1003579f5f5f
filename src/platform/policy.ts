import { ApiObject, Size } from 'cdk8s';
import { IConstruct } from 'constructs';
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE } from '../conventions';
import { GoldenPathValidation } from '../validation/app-validation';
import { Severity } from '../validation/finding';

const REPORTER = Symbol.for('cdk8s-golden-paths.PlatformPolicy.reporter');

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

/**
 * Applies platform policies to a scope.
 *
 * Violations on objects the library's constructs emit are reported by those constructs at synth. Violations on
 * the app's own objects (a cdk8s-plus Deployment, a plain ApiObject: anything without the
 * `app.kubernetes.io/managed-by: cdk8s-golden-paths` label) are reported by the app root, in the same report.
 */
export class PlatformPolicy {
  /**
   * Enforce `policy` on every object under `scope` (an App or a Chart) at synth.
   */
  public static apply(scope: IConstruct, policy: PlatformPolicyProps): void {
    const problems: string[] = [];
    if (policy.minDatabaseReplicas !== undefined && (!Number.isInteger(policy.minDatabaseReplicas) || policy.minDatabaseReplicas < 1)) {
      problems.push(`minDatabaseReplicas ${JSON.stringify(policy.minDatabaseReplicas)} must be a whole number of at least 1`);
    }
    for (const key of ['allowedProvisioners', 'requiredLabels', 'allowedIngressClasses'] as const) {
      const v = policy[key];
      if (v !== undefined && (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x === ''))) {
        problems.push(`${key} ${JSON.stringify(v)} must be a list of non-empty strings`);
      }
    }
    if (policy.maxClaimSize !== undefined && !(policy.maxClaimSize instanceof Size)) {
      problems.push('maxClaimSize must be a Size, e.g. Size.gibibytes(500)');
    }
    if (problems.length) {
      throw new Error(`${scope.node.path || '(app)'}: invalid platform policy:\n  ${problems.join('\n  ')}`);
    }
    const validation = GoldenPathValidation.of(scope);
    validation._addPolicy({ policy, scopePath: scope.node.path });
    const root = scope.node.root as any;
    if (!root[REPORTER]) {
      Object.defineProperty(root, REPORTER, { value: true, enumerable: false });
      scope.node.root.node.addValidation({ validate: () => unownedPolicyMessages(scope.node.root, validation) });
    }
  }

  private constructor() {}
}

/** Policy errors about objects no construct of this library owns (their owners report the rest). */
function unownedPolicyMessages(root: IConstruct, validation: GoldenPathValidation): string[] {
  const findings = validation.findings().filter((f) => f.ruleId.startsWith('POL-') && f.severity === Severity.ERROR && f.constructPath !== undefined);
  if (findings.length === 0) return [];
  const owned = new Set<string>();
  for (const c of root.node.findAll()) {
    if (ApiObject.isApiObject(c) && c.metadata.getLabel(MANAGED_BY_LABEL) === MANAGED_BY_VALUE) owned.add(c.node.path);
  }
  return findings
    .filter((f) => !owned.has(f.constructPath!))
    .map((f) => `${f.ruleId} ${f.kind}/${f.name} (${f.constructPath}): ${f.message}. Fix: ${f.fix}`);
}
