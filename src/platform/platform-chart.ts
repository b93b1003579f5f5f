import { ApiObject, Chart, ChartProps } from 'cdk8s';
import { Construct } from 'constructs';
import { applyConventions } from './conventions';
import { PlatformDefaults, PlatformDefaultsProps, conventionalNamespace } from './defaults';
import { PlatformPolicy } from './policy';
import { NO_VALUE, Problems } from '../core/problems';
import { clusterScoped } from '../core/scope';
import { PlatformPolicyProps } from '../validation/policy-options';
import { RenderedOnceApiObject } from '../validation/render-cache';

/** Label Pod Security admission reads to enforce a level on a namespace. */
const POD_SECURITY_ENFORCE = 'pod-security.kubernetes.io/enforce';

/** Props of {@link PlatformChart}. */
export interface PlatformChartProps extends ChartProps {
  /**
   * Platform defaults for everything in this chart (merged over those of the enclosing scopes, field by field).
   * @default - only the defaults of the enclosing scopes
   */
  readonly defaults?: PlatformDefaultsProps;
  /**
   * Platform policy enforced on this chart's objects, in addition to any applied to the enclosing scopes.
   * @default - only the policies of the enclosing scopes
   */
  readonly policy?: PlatformPolicyProps;
  /**
   * Also emit the Namespace object, labelled for Pod Security admission "restricted" (enforce) and carrying the
   * platform labels and annotations. Leave it off when the platform creates namespaces by other means.
   * @see https://kubernetes.io/docs/concepts/security/pod-security-admission/
   * @default false
   */
  readonly createNamespace?: boolean;
}

/**
 * A Chart that follows the platform's namespace convention: its namespace is `namespacePrefix` + the `namespace`
 * prop (else `defaultNamespace`) + `namespaceSuffix`, from the platform defaults in force (its own `defaults`
 * prop included). The platform labels in force when it is created go on every object in it (as Chart labels), the
 * app team's own Deployments and Services included, so a `requiredLabels` policy holds without repeating them.
 * It can also carry defaults and a policy for its contents, and emit its Namespace.
 *
 * @example
 * PlatformDefaults.set(app, { namespacePrefix: 'payments-', namespaceSuffix: '-prod' });
 * new PlatformChart(app, 'orders', { namespace: 'orders' }); // objects in namespace payments-orders-prod
 */
export class PlatformChart extends Chart {
  /**
   * The Namespace object.
   * @default - none, unless `createNamespace` is set
   */
  public readonly namespaceObject?: ApiObject;

  constructor(scope: Construct, id: string, props: PlatformChartProps = {}) {
    const { defaults, policy, createNamespace, ...chartProps } = props;
    const effective: PlatformDefaultsProps = { ...PlatformDefaults.of(scope), ...(defaults ?? {}) };
    const labels = { ...(effective.labels ?? {}), ...(props.labels ?? {}) };
    super(scope, id, {
      ...chartProps,
      namespace: conventionalNamespace(scope, effective, props.namespace),
      labels: Object.keys(labels).length ? labels : undefined,
    });
    if (defaults) PlatformDefaults.set(this, defaults);
    if (policy) PlatformPolicy.apply(this, policy);
    if (createNamespace) {
      if (!this.namespace) {
        const problems = new Problems(this);
        problems.add('createNamespace', NO_VALUE, 'is set but the chart has no namespace', 'Set namespace, or PlatformDefaults defaultNamespace.');
        problems.throwIfAny();
      }
      this.namespaceObject = new RenderedOnceApiObject(this, 'Namespace', {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: this.namespace, labels: { [POD_SECURITY_ENFORCE]: 'restricted' } },
      });
      clusterScoped(this.namespaceObject);
      applyConventions(this, this.namespaceObject);
    }
  }
}
