// Core: conventions, the error model, warnings
export { Conventions } from './core/conventions';
export { Warnings, IWarningSink } from './core/warnings';

// Storage: catalog and classes
export {
  StorageKind, VolumeBindingMode, ExpansionSupport, SizeGranularity, ParameterType, StorageParameterInfo, StorageCapabilities,
} from './knowledge/storage/types';
export { StorageCatalog, StorageSystemId, StorageSystemInfo, SharedAccessCondition } from './knowledge/storage/catalog';
export { IStorageClass } from './knowledge/storage/storage-class';
export { ExistingStorageClass, ExistingStorageClassOptions } from './storage/existing-storage-class';
export { StorageClassBase } from './storage/storage-class-base';
export { StorageClassCommonProps, SnapshotClassOptions, SnapshotDeletionPolicy } from './storage/storage-class-props';
export { BlockStorageClass, BlockStorageClassProps } from './storage/block-storage-class';
export { BlockProvisioner } from './storage/block-provisioner';
export {
  EbsVolumeType, AwsEbsOptions, AzureDiskSku, AzureDiskOptions, GcePdType, GcePdOptions, OpenstackCinderOptions, VsphereOptions,
  CephRbdOptions, LonghornDataLocality, LonghornOptions, OpenebsMayastorOptions, OpenebsLocalPvOptions, PortworxOptions,
  StorageosOptions, CustomProvisionerOptions,
} from './storage/block-provisioner-options';

// Validation
export { Severity, RuleFamily, Finding, RuleInfo } from './validation/finding';
export { KnownStorageClass } from './validation/rule';
export { Validator, ValidateOptions, ManifestInput, SUPPRESS_ANNOTATION_PREFIX, MIN_SUPPRESSION_REASON } from './validation/validate';
export { GoldenPathValidation } from './validation/app-validation';
export { GoldenPathsValidationPlugin, GoldenPathsPluginProps } from './plugin/validation-plugin';

// Day-2 safety: the lock file of immutable fields
export { DeployLock, DeployLockOptions } from './lock/deploy-lock';
export { LockFile, LockedObject, LockViolation, LockCompareOptions } from './lock/lock';

// Platform layer
export { PlatformDefaults, PlatformDefaultsProps } from './platform/defaults';
export { PlatformPolicy } from './platform/policy';
export { PlatformPolicyProps, ScopedPolicy } from './validation/policy-options';
export { PlatformChart, PlatformChartProps } from './platform/platform-chart';
export { ResourcePreset, ResourcePresetOptions } from './platform/presets';

// Storage: file storage classes and shared volumes
export { FileStorageClass, FileStorageClassProps } from './storage/file-storage-class';
export {
  FileProvisioner, NfsProvisionerOptions, NfsOnDelete, CephFsOptions, AzureFilesSku, AzureFilesProtocol, AzureFilesOptions, AwsEfsOptions,
  VsphereFileOptions,
} from './storage/file-provisioner';
export { SharedRwxVolume, SharedRwxVolumeProps, SharedVolumeMountOptions } from './storage/shared-rwx-volume';
export { SharedVolumeBackend } from './storage/shared-volume-backend';
export {
  StaticVolumeOptions, NfsExportOptions, EfsFileSystemOptions, S3BucketOptions, HostPathBackendOptions,
} from './storage/shared-volume-backend-options';

// Routing: IngressRoute
export {
  IngressRoute, IngressRouteProps, RouteRule, RouteRuleOptions, RoutePathType, INGRESS_CLASS_ANNOTATION,
  CERT_MANAGER_CLUSTER_ISSUER_ANNOTATION, CERT_MANAGER_ISSUER_ANNOTATION,
} from './routing/ingress-route';
export { IngressBackend, ServiceBackendOptions, WorkloadBackendOptions } from './routing/backend';
export { TlsSource, TlsOptions, CertManagerTlsOptions } from './routing/tls';
export { IngressNginxOptions, BackendProtocol } from './routing/nginx';

// Databases: StatefulDatabase, engines, managed mode
export {
  DatabaseEngine, EngineVersionOptions, CustomEngineProps, PodManagementPolicy, ReplicationSupport,
} from './database/engines';
export {
  StatefulDatabase, StatefulDatabaseProps, DatabaseStorageOptions, DatabaseCredentials, DatabaseUpdateStrategy,
  DatabaseRollingUpdateOptions, DatabaseBackupOptions, DatabaseConnectOptions, DatabaseConnection, IDatabase,
  ManagedDatabase, ManagedDatabaseProps, MIN_TERMINATION_GRACE_SECONDS,
} from './database/stateful-database';
