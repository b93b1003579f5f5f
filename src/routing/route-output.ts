import { GatewayRef } from './gateway-ref';
import { IngressController } from './ingress-controller';
import { IRouteOutput } from '../platform/route-output-choice';

/**
 * Options for {@link RouteOutput.gatewayApi}.
 */
export interface GatewayApiOutputOptions {
  /** The Gateway the route's HTTPRoutes attach to. */
  readonly gateway: GatewayRef;
}

/**
 * Where a route's traffic enters the cluster: an Ingress for a chosen controller, or HTTPRoutes
 * (gateway.networking.k8s.io/v1) attached to a Gateway. Switching a route between them is this one prop: hosts,
 * paths, backends, TLS and the HTTPS redirect carry over.
 *
 * @example
 * RouteOutput.ingress(IngressController.traefik())
 * RouteOutput.gatewayApi({ gateway: GatewayRef.platform({ name: 'public', namespace: 'gateway-system' }) })
 */
export abstract class RouteOutput implements IRouteOutput {
  /**
   * An Ingress (networking.k8s.io/v1) for the given controller.
   * @param controller the controller, e.g. `IngressController.traefik()`
   */
  public static ingress(controller: IngressController): RouteOutput {
    return new IngressOutput(controller);
  }

  /**
   * HTTPRoutes (gateway.networking.k8s.io/v1) attached to a Gateway, plus a redirect route on its HTTP listener and a
   * ReferenceGrant for every backend in another namespace.
   * @see https://gateway-api.sigs.k8s.io/
   * @param options the Gateway
   */
  public static gatewayApi(options: GatewayApiOutputOptions): RouteOutput {
    return new GatewayApiOutput(options);
  }

  /** What the output is, as messages name it. */
  public abstract readonly description: string;

  /**
   * The Ingress controller, for Ingress output.
   * @internal
   */
  public abstract readonly _controller?: IngressController;

  /**
   * The Gateway, for Gateway API output (or what was passed as options, unchecked).
   * @internal
   */
  public abstract readonly _gateway?: unknown;

  /** Outputs are created with the static factories. */
  protected constructor() {}
}

/** An Ingress for a controller. */
class IngressOutput extends RouteOutput {
  constructor(public readonly _controller: IngressController) {
    super();
  }

  public get description(): string {
    return `Ingress for ${this._controller instanceof IngressController ? this._controller._name : 'an unknown controller'}`;
  }

  public get _gateway(): unknown {
    return undefined;
  }
}

/** HTTPRoutes on a Gateway. */
class GatewayApiOutput extends RouteOutput {
  constructor(private readonly options: GatewayApiOutputOptions) {
    super();
  }

  public get description(): string {
    const g = this._gateway;
    return `HTTPRoute on ${g instanceof GatewayRef ? g._description : 'an unknown gateway'}`;
  }

  public get _controller(): IngressController | undefined {
    return undefined;
  }

  public get _gateway(): unknown {
    return this.options && typeof this.options === 'object' ? this.options.gateway : undefined;
  }
}
