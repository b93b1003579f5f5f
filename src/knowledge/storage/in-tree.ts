import { StorageCatalog, StorageSystemInfo } from './catalog';

/**
 * In-tree volume plugins Kubernetes removed, with the minor that removed each: those of the catalog's storage systems
 * (`inTreeRemovedIn`), and those of systems the catalog does not offer (no maintained driver to send users to).
 */

/** One removed in-tree volume plugin. */
export interface InTreeRemoval {
  /** The volume source key in a PersistentVolume or pod volume (`awsElasticBlockStore`, `quobyte`, ...). */
  readonly plugin: string;
  /** The in-tree provisioner name StorageClasses used (`kubernetes.io/aws-ebs`), when it had one. */
  readonly provisioner?: string;
  /** Name of the storage system. */
  readonly name: string;
  /** The Kubernetes minor that removed it (`'1.27'`). */
  readonly removedIn: string;
  /** The catalog entry of the storage system, when the catalog has one (its CSI driver is the replacement). */
  readonly system?: StorageSystemInfo;
}

/**
 * Plugins of systems outside the catalog. Removal versions: reference/storage-facts-global.json (inTreeRemovals) and
 * the Kubernetes docs (volumes.md "Removed volume types"; blog 2022-08-04 "Upcoming changes in Kubernetes 1.25":
 * Flocker, Quobyte and StorageOS removed in 1.25). Plugin and provisioner names: kubernetes/kubernetes pkg/volume/*
 * (`kubernetes.io/quobyte`, `kubernetes.io/scaleio`, `kubernetes.io/flocker`).
 */
const OUTSIDE_CATALOG: readonly InTreeRemoval[] = [
  { plugin: 'scaleIO', provisioner: 'kubernetes.io/scaleio', name: 'Dell EMC ScaleIO (PowerFlex)', removedIn: '1.21' },
  { plugin: 'quobyte', provisioner: 'kubernetes.io/quobyte', name: 'Quobyte', removedIn: '1.25' },
  { plugin: 'flocker', provisioner: 'kubernetes.io/flocker', name: 'Flocker', removedIn: '1.25' },
];

let all: InTreeRemoval[] | undefined;

/** Every removed in-tree plugin, the catalog's first. */
export function inTreeRemovals(): readonly InTreeRemoval[] {
  if (!all) {
    all = [
      ...StorageCatalog.all().filter((s) => s.inTreePlugin && s.inTreeRemovedIn).map((s) => ({
        plugin: s.inTreePlugin!, provisioner: s.inTreeProvisioner, name: s.name, removedIn: s.inTreeRemovedIn!, system: s,
      })),
      ...OUTSIDE_CATALOG,
    ];
  }
  return all;
}

/** The removal of an in-tree volume source key (`glusterfs`, `scaleIO`), or undefined when the plugin is not removed. */
export function removedInTreePlugin(plugin: string): InTreeRemoval | undefined {
  return inTreeRemovals().find((r) => r.plugin === plugin);
}

/** The removal of an in-tree provisioner name (`kubernetes.io/quobyte`), or undefined. */
export function removedInTreeProvisioner(provisioner: string): InTreeRemoval | undefined {
  return inTreeRemovals().find((r) => r.provisioner !== undefined && r.provisioner === provisioner);
}
