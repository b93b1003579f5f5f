import { IMMEDIATE, ROX, RWO, RWX, WFFC } from './helpers';
import { NO_PROVISIONER, StorageSystemId, StorageSystemInfo } from '../system';
import { ExpansionSupport, SizeGranularity, StorageKind } from '../types';

/*
 * Entries of the storage catalog (read through StorageCatalog, which lists them in its own order).
 * Object storage mounted as files, and storage on the node itself.
 */

export const openebsLocalpv: StorageSystemInfo = {
  id: StorageSystemId.OPENEBS_LOCALPV,
  name: 'OpenEBS LocalPV hostpath',
  family: 'openebs',
  kind: StorageKind.LOCAL,
  provisioner: 'openebs.io/local',
  dynamicProvisioning: true,
  filesystemAccessModes: [RWO],
  blockAccessModes: [],
  expansion: ExpansionSupport.NONE,
  snapshots: false,
  sizeGranularity: SizeGranularity.NOT_ENFORCED,
  topologyKey: 'kubernetes.io/hostname',
  recommendedBindingMode: WFFC,
  // Settings travel as the cas.openebs.io/config annotation, not as parameters.
  parameters: [],
  notes: [
    'Node-local: data is lost with the node. Must use WaitForFirstConsumer (OpenEBS docs).',
    'Configured by the cas.openebs.io/config annotation (BasePath, default /var/openebs/local).',
    'Expansion and snapshots unverified: treated as unsupported.',
  ],
  sources: ['openebs/dynamic-localpv-provisioner:docs/quickstart.md'],
};

export const s3Mountpoint: StorageSystemInfo = {
  id: StorageSystemId.S3_MOUNTPOINT,
  name: 'S3 via Mountpoint',
  family: 'aws',
  kind: StorageKind.OBJECT,
  provisioner: 's3.csi.aws.com',
  dynamicProvisioning: false,
  filesystemAccessModes: [RWX, ROX],
  blockAccessModes: [],
  expansion: ExpansionSupport.NONE,
  snapshots: false,
  sizeGranularity: SizeGranularity.NOT_ENFORCED,
  recommendedBindingMode: IMMEDIATE,
  parameters: [],
  notes: [
    'Static provisioning only: storageClassName "" on both PV and claim; capacity is required but ignored.',
    'No random writes: files are written sequentially from the start; overwrite needs allow-overwrite and O_TRUNC; delete needs allow-delete.',
    'No rename, no hard or symbolic links, no chmod/chown; one writer per file, with no coordination between writers.',
    'Every file operation is an S3 request: fast for large sequential reads, slow for small random IO. Not for databases.',
  ],
  sources: ['awslabs/mountpoint-s3-csi-driver:docs/', 'awslabs/mountpoint-s3:doc/SEMANTICS.md'],
};

export const local: StorageSystemInfo = {
  id: StorageSystemId.LOCAL,
  name: 'Local persistent volumes',
  kind: StorageKind.LOCAL,
  provisioner: NO_PROVISIONER,
  dynamicProvisioning: false,
  filesystemAccessModes: [RWO],
  blockAccessModes: [RWO],
  expansion: ExpansionSupport.NONE,
  snapshots: false,
  sizeGranularity: SizeGranularity.NOT_ENFORCED,
  topologyKey: 'kubernetes.io/hostname',
  recommendedBindingMode: WFFC,
  inTreePlugin: 'local',
  parameters: [],
  notes: ['Static PVs with nodeAffinity (required); data is unavailable while its node is down.'],
  sources: ['kubernetes/website: storage-classes.md#local, volumes.md#local'],
};

export const hostPath: StorageSystemInfo = {
  id: StorageSystemId.HOST_PATH,
  name: 'hostPath',
  kind: StorageKind.LOCAL,
  dynamicProvisioning: false,
  filesystemAccessModes: [RWO, ROX, RWX],
  blockAccessModes: [],
  expansion: ExpansionSupport.NONE,
  snapshots: false,
  sizeGranularity: SizeGranularity.NOT_ENFORCED,
  recommendedBindingMode: IMMEDIATE,
  inTreePlugin: 'hostPath',
  parameters: [],
  notes: [
    'For single-node testing only: "WILL NOT WORK in a multi-node cluster" (PV docs). Each node sees its own directory.',
    'A security risk: the pod reaches the node file system.',
    'Kubernetes does not enforce access modes on hostPath: on a single node every mode works, on several nodes none shares data.',
  ],
  sources: ['kubernetes/website: persistent-volumes.md (types), volumes.md#hostpath'],
};
