/** Generators of storage props shared by the storage property tests: props as data, turned into objects inside the property. */
import { PersistentVolumeReclaimPolicy } from 'cdk8s-plus-27';
import * as fc from 'fast-check';
import { cleanOrJunk, dnsName, junk, maybe, optional } from './harness';
import { AzureDiskSku, BlockProvisioner, EbsVolumeType, GcePdType, LonghornDataLocality, SnapshotDeletionPolicy, VolumeBindingMode, FileProvisioner, NfsOnDelete, AzureFilesSku, AzureFilesProtocol } from '../../src';

/** A provisioner factory and its options, as data. */
export interface ProvisionerSpec {
  readonly factory: string;
  readonly options: any;
}

const int = (min: number, max: number) => fc.integer({ min, max });

/** Options per factory: mostly in range, sometimes out of range or of the wrong type. */
const factories = (j: number): Record<string, fc.Arbitrary<any>> => {
  const opt = <T>(a: fc.Arbitrary<T>) => optional(a, j);
  const may = <T>(a: fc.Arbitrary<T>) => maybe(a, j);
  return {
    exoscale: fc.constant(undefined),
    awsEbs: fc.record({
      volumeType: opt(fc.constantFrom(...Object.values(EbsVolumeType))),
      iops: opt(fc.oneof(int(3000, 16000), int(-10, 300000))),
      throughputMiBps: opt(fc.oneof(int(125, 1000), int(-10, 5000))),
      encrypted: opt(fc.boolean()),
      kmsKeyId: opt(fc.constantFrom('arn:aws:kms:eu-central-1:123456789012:key/abc', 'not-an-arn')),
    }, { requiredKeys: [] }),
    azureDisk: fc.record({
      skuName: opt(fc.constantFrom(...Object.values(AzureDiskSku))),
      diskIopsReadWrite: opt(int(0, 100000)),
      diskMbpsReadWrite: opt(int(0, 10000)),
      diskEncryptionSetId: opt(fc.constantFrom('/subscriptions/x/resourceGroups/y/providers/Microsoft.Compute/diskEncryptionSets/z')),
    }, { requiredKeys: [] }),
    gcePd: fc.record({
      diskType: opt(fc.constantFrom(...Object.values(GcePdType))),
      regional: opt(fc.boolean()),
      kmsKey: opt(fc.constantFrom('projects/p/locations/l/keyRings/r/cryptoKeys/k')),
    }, { requiredKeys: [] }),
    openstackCinder: fc.record({ volumeType: opt(fc.constantFrom('ssd', 'standard')) }, { requiredKeys: [] }),
    vsphere: fc.record({
      storagePolicyName: opt(fc.constantFrom('gold', 'vSAN Default Storage Policy')),
      datastoreUrl: opt(fc.constantFrom('ds:///vmfs/volumes/vsan:52/')),
    }, { requiredKeys: [] }),
    cephRbd: fc.record({
      pool: may(fc.constantFrom('replicapool', 'pool-a')),
      clusterId: opt(dnsName),
      operatorNamespace: opt(dnsName),
      imageFeatures: opt(fc.constantFrom('layering', 'layering,fast-diff,object-map,deep-flatten,exclusive-lock')),
    }, { requiredKeys: [] }),
    longhorn: fc.record({
      numberOfReplicas: opt(fc.oneof(int(1, 3), int(-3, 1000))),
      dataLocality: opt(fc.constantFrom(...Object.values(LonghornDataLocality))),
      staleReplicaTimeoutMinutes: opt(fc.oneof(int(1, 10000), int(-5, 0))),
    }, { requiredKeys: [] }),
    openebsMayastor: fc.record({ replicas: opt(int(-1, 10)), thin: opt(fc.boolean()) }, { requiredKeys: [] }),
    openebsLocalPv: fc.record({ basePath: opt(fc.constantFrom('/var/openebs/local', 'relative', '/a b')) }, { requiredKeys: [] }),
    portworx: fc.record({
      replicas: opt(int(-1, 5)),
      ioProfile: opt(fc.constantFrom('db', 'db_remote', 'auto')),
      secure: opt(fc.boolean()),
      sharedv4: opt(fc.boolean()),
    }, { requiredKeys: [] }),
    storageos: fc.record({ replicas: opt(int(-1, 8)), encryption: opt(fc.boolean()) }, { requiredKeys: [] }),
    localStatic: fc.constant(undefined),
    custom: fc.record({
      provisioner: may(fc.constantFrom('csi.example.com', 'kubernetes.io/aws-ebs', 'kubernetes.io/glusterfs', 'ebs.csi.aws.com', 'Example.COM')),
      capabilities: may(fc.constant('exoscale')),
      parameters: opt(fc.dictionary(fc.constantFrom('a', 'csi.storage.k8s.io/fstype', 'b/c'), j ? fc.oneof(fc.string({ maxLength: 5 }), junk) : fc.string({ maxLength: 5 }), { maxKeys: 3 })),
    }, { requiredKeys: [] }),
  };
};

export const provisionerSpecOf = (j: number): fc.Arbitrary<ProvisionerSpec> => {
  const all = factories(j);
  const valid = fc.constantFrom(...Object.keys(all)).chain((factory) => fc.record({ factory: fc.constant(factory), options: maybe(all[factory], j) }));
  return j ? fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: junk.map((x) => ({ factory: 'junk', options: x })), weight: 1 }) : valid;
};
export const provisionerSpec = cleanOrJunk(provisionerSpecOf);

/** The provisioner a spec describes (factories are part of building, so they run inside the property). */
export function provisionerOf(spec: ProvisionerSpec): any {
  if (spec.factory === 'junk') return spec.options;
  const options = spec.factory === 'custom' && spec.options && spec.options.capabilities === 'exoscale'
    ? { ...spec.options, capabilities: BlockProvisioner.exoscale().capabilities }
    : spec.options;
  return (BlockProvisioner as any)[spec.factory](options);
}

/** StorageClassCommonProps, as data. */
export const commonPropsOf = (j: number) => fc.record({
  name: optional(dnsName, j),
  reclaimPolicy: optional(fc.constantFrom(...Object.values(PersistentVolumeReclaimPolicy), 'Recycle'), j),
  volumeBindingMode: optional(fc.constantFrom(...Object.values(VolumeBindingMode)), j),
  allowVolumeExpansion: optional(fc.boolean(), j),
  fsType: optional(fc.constantFrom('ext4', 'xfs', 'btrfs', 'nfs4'), j),
  mountOptions: optional(fc.array(maybe(fc.constantFrom('noatime', 'nfsvers=4.1'), j), { maxLength: 3 }), j),
  allowedZones: optional(fc.array(maybe(fc.constantFrom('ch-gva-2', 'eu-central-1a', 'us-east1-b'), j), { maxLength: 3 }), j),
  isDefault: optional(fc.boolean(), j),
  snapshotClass: optional(fc.record({
    name: optional(dnsName, j),
    deletionPolicy: optional(fc.constantFrom(...Object.values(SnapshotDeletionPolicy)), j),
    isDefault: optional(fc.boolean(), j),
  }, { requiredKeys: [] }), j),
  additionalParameters: optional(fc.dictionary(
    fc.constantFrom('type', 'iops', 'csi.storage.k8s.io/fstype', 'encrypted', 'unknownKey', 'replicas', ''),
    maybe(fc.constantFrom('gp3', '3000', 'true', 'ext4', 'x'), j), { maxKeys: 3 }), j),
}, { requiredKeys: [] });
export const commonProps = cleanOrJunk(commonPropsOf);


/** File provisioner factories and their options. */
const fileFactories = (j: number): Record<string, fc.Arbitrary<any>> => {
  const opt = <T>(a: fc.Arbitrary<T>) => optional(a, j);
  const may = <T>(a: fc.Arbitrary<T>) => maybe(a, j);
  return {
    nfs: fc.record({
      server: may(fc.constantFrom('nfs.internal', '10.0.0.5', 'nfs.example.com')),
      share: may(fc.constantFrom('/exports/k8s', '/', 'exports', '/a/../b')),
      subDir: opt(fc.constantFrom('${pvc.metadata.namespace}/${pvc.metadata.name}', 'x')),
      mountPermissions: opt(fc.constantFrom('0770', '777', '9', 'rwx')),
      onDelete: opt(fc.constantFrom(...Object.values(NfsOnDelete))),
    }, { requiredKeys: [] }),
    cephfs: fc.record({
      fsName: may(fc.constantFrom('myfs', 'fs-a')),
      pool: opt(fc.constantFrom('myfs-replicated', 'data0')),
      clusterId: opt(dnsName),
      operatorNamespace: opt(dnsName),
    }, { requiredKeys: [] }),
    azureFiles: fc.record({
      skuName: opt(fc.constantFrom(...Object.values(AzureFilesSku))),
      protocol: opt(fc.constantFrom(...Object.values(AzureFilesProtocol))),
    }, { requiredKeys: [] }),
    awsEfs: fc.record({
      fileSystemId: may(fc.constantFrom('fs-0123456789abcdef0', 'fs-1', 'fs-XYZ')),
      directoryPerms: opt(fc.constantFrom('700', '0755', '8')),
      uid: opt(fc.integer({ min: -1, max: 70000 })),
      gid: opt(fc.integer({ min: -1, max: 70000 })),
      gidRangeStart: opt(fc.integer({ min: 0, max: 7000000 })),
      gidRangeEnd: opt(fc.integer({ min: 0, max: 7000000 })),
      basePath: opt(fc.constantFrom('/dynamic', 'dynamic')),
    }, { requiredKeys: [] }),
    vsphereFile: fc.record({ storagePolicyName: opt(fc.constantFrom('vsan-file', 'gold')) }, { requiredKeys: [] }),
  };
};

export const fileProvisionerSpecOf = (j: number): fc.Arbitrary<ProvisionerSpec> => {
  const all = fileFactories(j);
  const valid = fc.constantFrom(...Object.keys(all)).chain((factory) => fc.record({ factory: fc.constant(factory), options: maybe(all[factory], j) }));
  return j ? fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: junk.map((x) => ({ factory: 'junk', options: x })), weight: 1 }) : valid;
};
export const fileProvisionerSpec = cleanOrJunk(fileProvisionerSpecOf);

export function fileProvisionerOf(spec: ProvisionerSpec): any {
  if (spec.factory === 'junk') return spec.options;
  return (FileProvisioner as any)[spec.factory](spec.options);
}
