import { KnownStorageClass, KubernetesVersion, ScopedPolicy } from '../../../src';

/**
 * A rule's proof: objects that trip it and objects that do not. Every rule in the registry must have one
 * (test/validation/rules/rules.test.ts enforces it). One file per rule family, named after the id prefix:
 * test/validation/rules/<prefix>.fixtures.ts (sto.fixtures.ts for STO-...) exporting FIXTURES.
 */
export interface RuleFixture {
  readonly ruleId: string;
  /** A manifest set that produces at least one finding of the rule. */
  readonly trips: any[];
  /** Text the message of that finding contains. */
  readonly message: string;
  /**
   * Text the fix of that finding contains, when the rule words a fix of its own for this case.
   * @default - the fix is not checked
   */
  readonly fix?: string;
  /** A close, correct manifest set that produces no finding of the rule. */
  readonly passes: any[];
  /** Cluster state the validation assumes. */
  readonly knownStorageClasses?: KnownStorageClass[];
  /** Platform policies in force. */
  readonly policies?: ScopedPolicy[];
  /** The Kubernetes minor targeted (default: the validator's). */
  readonly kubernetesVersion?: KubernetesVersion;
  /** CustomResourceDefinitions given with the validation. */
  readonly customResourceDefinitions?: any[];
}

/** Small object builders for fixtures. */
export const k = {
  storageClass(name: string, provisioner: string, extra: Record<string, any> = {}): any {
    return { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name }, provisioner, reclaimPolicy: 'Retain', volumeBindingMode: 'WaitForFirstConsumer', ...extra };
  },
  pvc(name: string, spec: Record<string, any>, namespace = 'default'): any {
    return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace }, spec };
  },
};
