import { ApiObject, Size } from 'cdk8s';
import { IConstruct } from 'constructs';
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE } from '../core/conventions';
import { NO_VALUE, Problems } from '../core/problems';
import { GoldenPathValidation } from '../validation/app-validation';
import { Severity } from '../validation/finding';
import { PlatformPolicyProps } from '../validation/policy-options';

const REPORTER = Symbol.for('cdk8s-golden-paths.PlatformPolicy.reporter');

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
    const problems = new Problems(scope.node.path ? scope : '(app)');
    if (policy.minDatabaseReplicas !== undefined && (!Number.isInteger(policy.minDatabaseReplicas) || policy.minDatabaseReplicas < 1)) {
      problems.add('minDatabaseReplicas', policy.minDatabaseReplicas, 'must be a whole number of at least 1', 'Use e.g. minDatabaseReplicas: 2.');
    }
    for (const key of ['allowedProvisioners', 'requiredLabels', 'allowedIngressClasses'] as const) {
      const v = policy[key];
      if (v !== undefined && (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x === ''))) {
        problems.add(key, v, 'must be a list of non-empty strings', 'List the names, e.g. ["team", "cost-centre"].');
      }
    }
    if (policy.maxClaimSize !== undefined && !(policy.maxClaimSize instanceof Size)) {
      problems.add('maxClaimSize', NO_VALUE, 'must be a Size', 'Use e.g. Size.gibibytes(500).');
    }
    problems.throwIfAny();
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
