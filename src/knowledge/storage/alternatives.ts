import { StorageSystemInfo } from './system';
import { StorageKind } from './types';

/**
 * Which storage systems to suggest when one is refused: systems of the same vendor or platform first (a Ceph RBD user
 * is told about CephFS, an EBS user about EFS), with the factory that creates their class. Suggestions in messages come
 * from here, never from a fixed example.
 */

interface Alternative {
  readonly id: string;
  readonly family: string;
  readonly kind: StorageKind;
  /** How to get a class of it, as code. */
  readonly factory: string;
}

const ALTERNATIVES: readonly Alternative[] = [
  { id: 'exoscale-block-storage', family: 'exoscale', kind: StorageKind.BLOCK, factory: 'ExistingStorageClass.exoscaleBlockStorage()' },
  { id: 'aws-ebs', family: 'aws', kind: StorageKind.BLOCK, factory: 'BlockProvisioner.awsEbs()' },
  { id: 'aws-efs', family: 'aws', kind: StorageKind.FILE, factory: 'FileProvisioner.awsEfs({ fileSystemId })' },
  { id: 'azure-disk', family: 'azure', kind: StorageKind.BLOCK, factory: 'BlockProvisioner.azureDisk()' },
  { id: 'azure-files', family: 'azure', kind: StorageKind.FILE, factory: 'FileProvisioner.azureFiles()' },
  { id: 'gce-pd', family: 'gcp', kind: StorageKind.BLOCK, factory: 'BlockProvisioner.gcePd()' },
  { id: 'openstack-cinder', family: 'openstack', kind: StorageKind.BLOCK, factory: 'BlockProvisioner.openstackCinder()' },
  { id: 'vsphere', family: 'vsphere', kind: StorageKind.BLOCK, factory: 'BlockProvisioner.vsphere()' },
  { id: 'vsphere', family: 'vsphere', kind: StorageKind.FILE, factory: 'FileProvisioner.vsphereFile()' },
  { id: 'ceph-rbd', family: 'ceph', kind: StorageKind.BLOCK, factory: 'BlockProvisioner.cephRbd({ pool })' },
  { id: 'cephfs', family: 'ceph', kind: StorageKind.FILE, factory: 'FileProvisioner.cephfs({ fsName })' },
  { id: 'longhorn', family: 'longhorn', kind: StorageKind.BLOCK, factory: 'BlockProvisioner.longhorn()' },
  { id: 'openebs-mayastor', family: 'openebs', kind: StorageKind.BLOCK, factory: 'BlockProvisioner.openebsMayastor()' },
  { id: 'portworx', family: 'portworx', kind: StorageKind.BLOCK, factory: 'BlockProvisioner.portworx()' },
  { id: 'storageos', family: 'storageos', kind: StorageKind.BLOCK, factory: 'BlockProvisioner.storageos()' },
  { id: 'nfs', family: 'nfs', kind: StorageKind.FILE, factory: 'FileProvisioner.nfs({ server, share })' },
];

/**
 * Classes of the wanted kinds to suggest instead of `system`: its own vendor's first; when it has none, the
 * vendor-neutral systems (Ceph, Longhorn, NFS). An empty string when nothing fits.
 */
export function alternativesFor(system: StorageSystemInfo | undefined, kinds: readonly StorageKind[]): string {
  const family = ALTERNATIVES.find((a) => a.id === system?.id)?.family;
  const fits = (a: Alternative) => kinds.includes(a.kind) && a.id !== system?.id;
  let chosen = family ? ALTERNATIVES.filter((a) => a.family === family && fits(a)) : [];
  if (chosen.length === 0) chosen = ALTERNATIVES.filter((a) => ['ceph', 'longhorn', 'nfs'].includes(a.family) && fits(a));
  return chosen.map((a) => a.factory).join(' or ');
}
