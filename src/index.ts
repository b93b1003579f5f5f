// Core: conventions, the error model, warnings
export { Conventions } from './core/conventions';
export { Warnings, IWarningSink } from './core/warnings';
export { RemovalPolicy } from './core/removal-policy';

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
export { Validator, ValidateOptions, ManifestInput } from './validation/validate';
export { GoldenPathValidation } from './validation/app-validation';
export { KubernetesVersion } from './knowledge/kubernetes/versions';
export { GoldenPathsValidationPlugin, GoldenPathsPluginProps } from './plugin/validation-plugin';

// Topology picture (Mermaid / DOT) of what the manifests deploy
export { TopologyGraph, TopologyFormat, TopologyRenderOptions, TopologyWriteOptions } from './graph/topology-graph';

// Day-2 safety: the lock file of immutable fields
export { DeployLock, DeployLockOptions } from './lock/deploy-lock';
export { LockFile, LockedObject } from './lock/lock-file';
export { LockViolation, LockCompareOptions } from './lock/compare';

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

// Routing: WebRoute (Ingress or Gateway API from one intent), WebGateway, controllers
export { WebRoute } from './routing/web-route';
export { WebRouteProps, RouteRule, RouteRuleOptions, RoutePathType, HeaderMatch, PathRewrite, RouteTimeouts } from './routing/web-route-props';
export { RouteOutput, GatewayApiOutputOptions } from './routing/route-output';
export { IRouteOutput } from './platform/route-output-choice';
export { IngressController } from './routing/ingress-controller';
export {
  IngressControllerCommonOptions, IngressNginxControllerOptions, TraefikOptions, HaproxyOptions, F5NginxOptions, AwsLoadBalancerOptions, AlbScheme,
  AlbTargetType, GkeOptions, GkeIngressClass, CustomIngressControllerOptions,
} from './routing/ingress-controller-options';
export { GatewayRef, PlatformGatewayOptions } from './routing/gateway-ref';
export { WebGateway, WebGatewayProps, RouteNamespaces } from './routing/web-gateway';
export { RouteBackend, ServiceBackendOptions, WorkloadBackendOptions, ServiceNameBackendOptions, ResourceBackendOptions } from './routing/backend';
export { TlsSource, TlsOptions, CertManagerTlsOptions, AwsCertificateManagerTlsOptions, TlsKind } from './routing/tls';
export { IngressNginxOptions, BackendProtocol } from './routing/nginx';

// Databases: StatefulDatabase, engines, managed mode
export { DatabaseEngine, EngineVersionOptions, CustomEngineOptions, ReplicationSupport } from './database/engines';
export { DatabaseCredentials } from './database/credentials';
export { DatabaseBackupOptions, BackupMethod } from './database/backup-job';
export {
  DatabaseRuntime, StatefulSetRuntimeOptions, CloudNativePgOptions, MariaDbOperatorOptions, MongoDbCommunityOptions,
} from './database/runtime';
export { MariaDbTopology } from './database/mariadb-operator';
export { DatabaseConnectOptions, DatabaseConnection, DatabaseEnvNames, IDatabase } from './database/connection';
export { StatefulDatabase } from './database/stateful-database';
export { StatefulDatabaseProps, DatabaseStorageOptions } from './database/stateful-database-props';
export { ManagedDatabase, ManagedDatabaseProps } from './database/managed-database';

// Workloads: StatefulWorkload, hardening any cdk8s-plus workload
export { PodHardening, PodHardeningOptions } from './workload/pod-hardening';
export { StatefulUpdateStrategy, StatefulRollingUpdateOptions } from './workload/update-strategy';
export { StatefulWorkload } from './workload/stateful-workload';
export { StatefulWorkloadProps, StatefulClaimTemplate, StatefulClaimMount } from './workload/stateful-workload-props';
