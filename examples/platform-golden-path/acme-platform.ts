/**
 * acme-platform: the golden path Acme's platform team publishes to its app teams (in a real organisation, its own
 * jsii package, so teams get it in TypeScript, Python, Java, Go or C#). Every choice the platform makes lives here,
 * once: storage classes, ingress class and certificates, the registry mirror, labels for cost reports, the namespace
 * convention, database sizes per environment, and the policy every app is checked against at `cdk8s synth`.
 *
 * In your own module, import from 'cdk8s-golden-paths' instead of '../../src'.
 */
import { App, AppProps, Size } from 'cdk8s';
import { Cpu, Deployment, Protocol, Service } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import {
  ExistingStorageClass, IngressController, KubernetesVersion, PlatformChart, PlatformDefaults, PlatformPolicy,
  PlatformPolicyProps, PodHardening, ResourcePreset, RouteOutput, StorageSystemId,
} from '../../src';

/** The environments Acme runs. */
export enum AcmeEnv {
  DEV = 'dev',
  STAGING = 'staging',
  PROD = 'prod',
}

/** Who owns the app and where it runs. */
export interface AcmeAppProps extends AppProps {
  /** Owning team, e.g. "payments": labels, namespace prefix. */
  readonly team: string;
  /** Cost centre the cluster bill is split by, e.g. "cc-4711". */
  readonly costCentre: string;
  /** Target environment. */
  readonly env: AcmeEnv;
}

/** Label keys every Acme object carries (required by policy). */
export const TEAM_LABEL = 'acme.com/team';
export const COST_CENTRE_LABEL = 'acme.com/cost-centre';
export const ENV_LABEL = 'acme.com/env';

/**
 * What every Acme app is checked against, at `cdk8s synth` (and anywhere else through
 * `Validator.validate(objects, { policies: [{ policy: acmePolicy(env) }] })`).
 */
export function acmePolicy(env: AcmeEnv): PlatformPolicyProps {
  return {
    allowedProvisioners: ['ebs.csi.aws.com', 'efs.csi.aws.com'],
    requireTls: true,
    forbidHostPath: true,
    minDatabaseReplicas: env === AcmeEnv.PROD ? 3 : 1,
    maxClaimSize: Size.gibibytes(500),
    requiredLabels: [TEAM_LABEL, COST_CENTRE_LABEL, ENV_LABEL],
    allowedIngressClasses: ['nginx-public', 'nginx-internal'],
  };
}

/**
 * An Acme app: the platform's defaults and policy set once on the App, so every chart and construct under it
 * picks them up and every object is checked at synth.
 */
export class AcmeApp extends App {
  public readonly team: string;
  public readonly env: AcmeEnv;

  constructor(props: AcmeAppProps) {
    super(props);
    this.team = props.team;
    this.env = props.env;
    const prod = props.env === AcmeEnv.PROD;

    PlatformDefaults.set(this, {
      // Acme runs EKS: gp3 for databases, EFS for volumes shared by many pods (both classes installed by the platform)
      databaseStorageClass: ExistingStorageClass.fromName('gp3', StorageSystemId.AWS_EBS),
      sharedVolumeStorageClass: ExistingStorageClass.fromName('efs', StorageSystemId.AWS_EFS),
      databaseResources: prod ? ResourcePreset.MEDIUM : ResourcePreset.SMALL,
      // Acme's edge is the F5 NGINX Ingress Controller, serving the classes nginx-public and nginx-internal
      routeOutput: RouteOutput.ingress(IngressController.f5Nginx()),
      ingressClassName: 'nginx-public',
      certManagerClusterIssuer: 'acme-letsencrypt',
      imageRegistry: 'registry.acme.internal/mirror',
      labels: { [TEAM_LABEL]: props.team, [COST_CENTRE_LABEL]: props.costCentre, [ENV_LABEL]: props.env },
      annotations: { 'acme.com/owner': `${props.team}@acme.com` },
      // team payments, chart "orders": namespace payments-orders (prod) or payments-orders-dev
      namespacePrefix: `${props.team}-`,
      namespaceSuffix: prod ? '' : `-${props.env}`,
      // every object of the app is validated against the oldest cluster Acme runs
      kubernetesVersion: KubernetesVersion.V1_33,
    });

    PlatformPolicy.apply(this, acmePolicy(props.env));
  }
}

/**
 * One Acme namespace: the chart's id is the namespace name before the convention, and the Namespace object is
 * emitted with Pod Security "restricted" enforced.
 */
export class AcmeChart extends PlatformChart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: id, createNamespace: true });
  }
}

/** Props of {@link AcmeWebService}. */
export interface AcmeWebServiceProps {
  /** Image, e.g. "registry.acme.internal/payments/orders-api:2.3.1". */
  readonly image: string;
  /** Port the container listens on (non-root: above 1024). */
  readonly port: number;
  /** @default 2 */
  readonly replicas?: number;
  /** @default 10001 */
  readonly uid?: number;
}

/**
 * A stateless HTTP service the Acme way: a Deployment whose pods meet Pod Security "restricted" (one
 * PodHardening call: non-root, no escalation, capabilities dropped, seccomp, read-only root) and a Service in front.
 */
export class AcmeWebService extends Construct {
  public readonly deployment: Deployment;
  public readonly service: Service;

  constructor(scope: Construct, id: string, props: AcmeWebServiceProps) {
    super(scope, id);
    this.deployment = new Deployment(this, 'Deployment', {
      replicas: props.replicas ?? 2,
      containers: [{
        name: id,
        image: props.image,
        ports: [{ number: props.port, protocol: Protocol.TCP, name: 'http' }],
        resources: {
          cpu: { request: Cpu.millis(100), limit: Cpu.millis(500) },
          memory: { request: Size.mebibytes(256), limit: Size.mebibytes(256) },
        },
      }],
    });
    PodHardening.apply(this.deployment, { uid: props.uid ?? 10001, writableDirs: ['/tmp'] });
    this.service = new Service(this, 'Service', {
      selector: this.deployment,
      ports: [{ name: 'http', port: 80, targetPort: props.port }],
    });
  }
}
