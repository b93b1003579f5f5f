import { ApiObject, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { k8s, PersistentVolumeAccessMode } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import type { BackupPlan, DumpSpec } from './backup-job';
import type { ResolvedCredentials } from './credentials';
import type { DatabaseEngine } from './engines';
import type { RemovalPolicy } from '../core/removal-policy';
import type { IStorageClass } from '../knowledge/storage/storage-class';
import { ConventionalMeta } from '../platform/conventions';
import type { StatefulUpdateStrategy } from '../workload/update-strategy';

/** The checked plan of a database as its runtime reads it (the runtime itself aside). */
export interface RuntimePlan {
  readonly engine: DatabaseEngine;
  /** The application database, where one is created. */
  readonly database?: string;
  readonly name: string;
  readonly replicas: number;
  readonly updateStrategy: StatefulUpdateStrategy;
  readonly cpu: kplus.Cpu;
  readonly cpuLimit?: kplus.Cpu;
  readonly memory: Size;
  readonly graceSeconds: number;
  readonly startupSeconds: number;
  readonly storage: StoragePlan;
  readonly credentials?: ResolvedCredentials;
  readonly env: Record<string, string>;
  readonly backup?: BackupPlan;
  readonly removalPolicy: RemovalPolicy;
}

/** The per-replica claim. */
export interface StoragePlan {
  readonly size: Size;
  readonly storageClass?: IStorageClass;
  readonly accessMode: PersistentVolumeAccessMode;
  readonly claimName: string;
  readonly restoreFromSnapshot?: string;
}

/**
 * What a runtime (the StatefulSet the library writes, or an operator's resources) receives from the StatefulDatabase.
 */
export interface RuntimeContext {
  /** The StatefulDatabase: the runtime's objects are its children. */
  readonly scope: Construct;
  readonly plan: RuntimePlan;
  /** Labels and annotations of every object of the database. */
  readonly meta: ConventionalMeta;
  /** The library's selector labels (app.kubernetes.io/name, instance, component). */
  readonly selector: Record<string, string>;
  /** The engine's image, with the platform's registry mirror applied. */
  readonly image: string;
  /** The chart's namespace, when it has one. */
  readonly namespace?: string;
}

/** Who may reach the database pods besides its clients: the pods themselves and the operator. */
export interface RuntimeNetwork {
  /** Labels the database pods carry (the operator's labels in operator mode). */
  readonly podSelector: Record<string, string>;
  /** The port clients connect to. */
  readonly clientPort: number;
  /** Ports the database pods use among themselves (replication, cluster formation, status checks). */
  readonly peerPorts: number[];
  /** The operator's pods and the ports it reaches the instances on. */
  readonly operator?: { readonly peer: k8s.NetworkPolicyPeer; readonly ports: number[] };
}

/** How clients reach the database, before the namespace is added. */
export interface RuntimeEndpoints {
  /** Service name of the read-write endpoint. */
  readonly host: string;
  /** Service name of the read-only endpoint, where the runtime has one. */
  readonly readOnlyHost?: string;
  /** A Secret key the operator writes with a full connection string (MongoDB). */
  readonly uri?: { readonly secretName: string; readonly key: string };
}

/** What a runtime rendered. */
export interface RuntimeOutput {
  readonly network: RuntimeNetwork;
  readonly endpoints: RuntimeEndpoints;
  readonly serviceAccount?: kplus.ServiceAccount;
  readonly headlessService?: k8s.KubeService;
  readonly service?: kplus.Service;
  readonly statefulSet?: k8s.KubeStatefulSet;
  readonly podDisruptionBudget?: k8s.KubePodDisruptionBudget;
  /** The operator's resource (CloudNativePG Cluster, MariaDB, MongoDBCommunity). */
  readonly cluster?: ApiObject;
  /** The operator's backup resources, when the runtime took the backup over. */
  readonly backupResources: ApiObject[];
  /** Labels of pods the runtime's own backup jobs run as, which the NetworkPolicy must admit. */
  readonly backupPodLabels?: Record<string, string>;
  /** The logical dump, when the generic backup CronJob does the backup. */
  readonly dump?: DumpSpec;
}
