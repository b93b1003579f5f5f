import { Size } from 'cdk8s';
import { IConstruct } from 'constructs';
import { NO_VALUE, Problems } from '../core/problems';
import { GoldenPathValidation } from '../validation/app-validation';
import { PlatformPolicyProps } from '../validation/policy-options';

/**
 * Applies platform policies to a scope.
 *
 * Violations on objects the library's constructs emit are reported by those constructs at synth. Violations on
 * the app's own objects (a cdk8s-plus Deployment, a plain ApiObject: anything no construct of this library emitted)
 * are reported by the app root, in the same report.
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
    for (const key of ['allowedProvisioners', 'requiredLabels', 'requiredAnnotations', 'allowedIngressClasses'] as const) {
      const v = policy[key];
      if (v !== undefined && (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x === ''))) {
        problems.add(key, v, 'must be a list of non-empty strings', 'List the names, e.g. ["team", "cost-centre"].');
      }
    }
    if (policy.maxClaimSize !== undefined && !(policy.maxClaimSize instanceof Size)) {
      problems.add('maxClaimSize', NO_VALUE, 'must be a Size', 'Use e.g. Size.gibibytes(500).');
    }
    if (policy.enforcePracticesOnAppObjects !== undefined && typeof policy.enforcePracticesOnAppObjects !== 'boolean') {
      problems.add('enforcePracticesOnAppObjects', policy.enforcePracticesOnAppObjects, 'must be true or false', 'Use enforcePracticesOnAppObjects: true.');
    }
    problems.throwIfAny();
    // the app's validation reports violations on objects no construct of this library owns (the app root's door)
    GoldenPathValidation.of(scope)._addPolicy({ policy, scopePath: scope.node.path });
  }

  private constructor() {}
}
