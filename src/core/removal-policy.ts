/**
 * What happens to data when the object that holds it is deleted or scaled down, in the spirit of AWS CDK's
 * `RemovalPolicy`. Every construct of this library that can delete data takes one and defaults to RETAIN: deleting
 * data takes this explicit opt-in.
 */
export enum RemovalPolicy {
  /** Keep the data: volumes outlive the workload; delete them by hand when you mean it. */
  RETAIN = 'retain',
  /**
   * Delete the data with the workload: the claims of a StatefulSet are deleted when it is deleted or scaled down
   * (`persistentVolumeClaimRetentionPolicy` Delete/Delete), and with the usual Delete reclaim policy their volumes
   * too. For throw-away environments only.
   */
  DESTROY = 'destroy',
}
