/**
 * Past counterexamples of the property tests, as generator values: the properties replay them first (fast-check
 * `examples`) and weight them into their generators (harness `withPast`), so a regression fails the properties as
 * well as its plain test in regressions.test.ts. Add one here whenever a property finds a bug.
 */
import { PersistentVolumeAccessMode } from 'cdk8s-plus-27';
import { Choice, good } from './harness';
import { ProvisionerSpec } from './storage-generators';
import { BlockSpec, ClassFields } from './storage-oracle';
import { RoutePathType } from '../../src';

/** A value whose conversion to text throws, as `{ toString: 1 }` does in JavaScript. */
export const UNPRINTABLE: any = { toString: 1 };

/** Every common StorageClass field left out: the documented defaults, and nothing else, must come out. */
export const ALL_DEFAULTS: ClassFields = {
  name: good(undefined),
  reclaimPolicy: good(undefined),
  volumeBindingMode: good(undefined),
  allowVolumeExpansion: good(undefined),
  fsType: good(undefined),
  mountOptions: good(undefined),
  allowedZones: good(undefined),
  isDefault: good(undefined),
  snapshotClass: good(undefined),
};

export const PAST_BLOCK_CLASSES: BlockSpec[] = [
  { id: 'fast', system: 'exoscale', props: ALL_DEFAULTS },
  { id: 'Fast SSD', ns: 'shop', system: 'openebsLocalPv', props: ALL_DEFAULTS },
  // a snapshot class with nothing set: Retain, named after the class
  { id: 'x', system: 'awsEbs', props: { ...ALL_DEFAULTS, snapshotClass: good({}) } },
];

/** Inputs of the junk property of BlockStorageClass that once ended in a TypeError (regressions.test.ts). */
export interface JunkClassSpec {
  readonly id: string;
  readonly ns?: string;
  readonly platform?: any;
  readonly provisioner: ProvisionerSpec;
  readonly props: any;
  readonly junkProps: any;
}

const junkClass = (provisioner: ProvisionerSpec, props: any = {}): JunkClassSpec => ({ id: 'x', provisioner, props, junkProps: null });

export const PAST_BLOCK_JUNK: JunkClassSpec[] = [
  junkClass({ factory: 'exoscale', options: undefined }, { additionalParameters: { type: UNPRINTABLE } }),
  junkClass({ factory: 'portworx', options: null }),
  junkClass({ factory: 'exoscale', options: undefined }, { name: UNPRINTABLE, snapshotClass: {} }),
  junkClass({ factory: 'awsEbs', options: { volumeType: UNPRINTABLE } }),
  junkClass({ factory: 'awsEbs', options: { kmsKeyId: UNPRINTABLE } }),
  junkClass({ factory: 'awsEbs', options: { volumeType: 'a\nb', iops: 120270 } }),
  junkClass({ factory: 'exoscale', options: undefined }, { name: Infinity }),
  junkClass({ factory: 'longhorn', options: { numberOfReplicas: {} } }),
  junkClass({ factory: 'custom', options: { provisioner: 'csi.example.com', capabilities: 5 } }),
  junkClass({ factory: 'custom', options: { provisioner: 'csi.example.com', capabilities: 'exoscale' } }, { fsType: {} }),
];

export const PAST_FILE_JUNK: JunkClassSpec[] = [
  junkClass({ factory: 'cephfs', options: { fsName: 'myfs', operatorNamespace: UNPRINTABLE } }),
];

/** A generated SharedRwxVolume (shared-rwx-volume.property.test.ts). */
export interface SharedSpec {
  readonly id: string;
  readonly ns?: string;
  readonly size: number;
  readonly backend: { readonly kind: string; readonly key: string; readonly options: any; readonly capacity: Choice<number | undefined> };
  readonly accessMode: Choice<PersistentVolumeAccessMode | undefined>;
  readonly reclaimPolicy: Choice<any>;
  readonly mountOptions: Choice<string[] | undefined>;
  readonly claimName: Choice<string | undefined>;
  readonly persistentVolumeName: Choice<string | undefined>;
  readonly volumeName: Choice<string | undefined>;
  readonly mount?: { readonly path: string; readonly readOnly: Choice<boolean | undefined>; readonly subPath: Choice<string | undefined>; readonly whole: boolean };
}

const shared = (backend: SharedSpec['backend'], extra: Partial<SharedSpec> = {}): SharedSpec => ({
  id: 'x',
  size: 10,
  backend,
  accessMode: good(undefined),
  reclaimPolicy: good(undefined),
  mountOptions: good(undefined),
  claimName: good(undefined),
  persistentVolumeName: good(undefined),
  volumeName: good(undefined),
  ...extra,
});

export const PAST_SHARED_VOLUMES: SharedSpec[] = [
  // the S3 opt-ins were never exercised: a broken allow-delete mount option passed every test (issue 20)
  shared({ kind: 's3', key: '', options: { bucketName: 'shop-media', allowDelete: true, allowOverwrite: true, region: 'eu-central-1' }, capacity: good(undefined) }),
  // ReadWriteMany on a local class (OpenEBS LocalPV) must be refused (issue 20)
  shared({ kind: 'class', key: 'local', options: {}, capacity: good(undefined) }),
  // every default: ReadWriteMany, Retain, names from the id
  shared({ kind: 'nfs', key: '', options: { server: 'nfs.internal', path: '/exports/uploads' }, capacity: good(undefined) }, { ns: 'shop' }),
];

/** Inputs of the junk property of SharedRwxVolume that once ended in a TypeError (regressions.test.ts). */
const sharedJunk = (backend: any, props: any): any => ({
  id: 'data', ns: undefined, platform: undefined, backend, props: { size: { unit: 'gibibytes', amount: 1 }, ...props }, mount: null, junkProps: null,
});

export const PAST_SHARED_JUNK: any[] = [
  sharedJunk({ kind: 'class', options: 'file-nfs' }, { claimName: 0 }),
  sharedJunk({ kind: 'class', options: 'file-nfs' }, { accessMode: UNPRINTABLE }),
  sharedJunk({ kind: 'hostPath', options: { path: '/mnt/data' }, capacity: { unit: 'kibibytes', amount: 0 } }, { accessMode: UNPRINTABLE }),
  sharedJunk({ kind: 'efs', options: { fileSystemId: 'fs-0123abcd', path: UNPRINTABLE } }, {}),
];

/** A generated WebRoute with ingress-nginx output (web-route-ingress.property.test.ts). */
export interface RouteSpec {
  readonly id: string;
  readonly ns?: string;
  readonly name: Choice<string | undefined>;
  readonly className: Choice<string | undefined>;
  readonly tls: { readonly kind: 'clusterIssuer' | 'issuer' | 'secret' | 'none' | 'platform' | 'absent'; readonly secretName?: string; readonly hosts?: string[] };
  readonly sslRedirect: Choice<boolean | undefined>;
  readonly rules: Array<{
    readonly host: string;
    readonly path: Choice<string | undefined>;
    readonly pathType: Choice<RoutePathType | undefined>;
    readonly backend: { readonly service: string; readonly port: Choice<number | undefined> };
  }>;
  readonly extra?: { readonly host: string; readonly pathType: RoutePathType };
  readonly defaultBackend: boolean;
  readonly proxyBodySizeMib: Choice<number | undefined>;
  readonly proxyReadTimeout: Choice<number | undefined>;
  readonly annotations: Choice<Record<string, string> | undefined>;
  readonly labels: Choice<Record<string, string> | undefined>;
}

const route = (tls: RouteSpec['tls'], rules: RouteSpec['rules'], extra: Partial<RouteSpec> = {}): RouteSpec => ({
  id: 'shop',
  name: good(undefined),
  className: good(undefined),
  tls,
  sslRedirect: good(undefined),
  rules,
  defaultBackend: false,
  proxyBodySizeMib: good(undefined),
  proxyReadTimeout: good(undefined),
  annotations: good(undefined),
  labels: good(undefined),
  ...extra,
});
const rule = (host: string, path: string | undefined, pathType?: RoutePathType) => ({ host, path: good(path), pathType: good(pathType), backend: { service: 'web', port: good(80) } });

export const PAST_ROUTES: RouteSpec[] = [
  // no TLS and no platform issuer: refused, never plain HTTP by accident
  route({ kind: 'absent' }, [rule('shop.example.com', undefined)]),
  // the platform's issuer: TLS and ssl-redirect on without a word in the route
  route({ kind: 'platform' }, [rule('shop.example.com', '/')], { ns: 'shop' }),
  // Prefix /api and Exact /api are two routes, not a duplicate (ING-009 once flagged them)
  route({ kind: 'clusterIssuer' }, [rule('shop.example.com', '/api', RoutePathType.PREFIX), rule('shop.example.com', '/api', RoutePathType.EXACT)]),
  // plain HTTP asked for, with a redirect to HTTPS: refused
  route({ kind: 'none' }, [rule('shop.example.com', '/')], { sslRedirect: good(true) }),
];

/** Inputs of the junk property of WebRoute that once ended in a TypeError (regressions.test.ts). */
const routeJunk = (props: any): any => ({
  id: 'r',
  ns: 'shop',
  junkProps: null,
  props: { output: { kind: 'ingressNginx' }, tls: { kind: 'secret', name: 'shop-tls' }, addRules: [], rules: [{ host: 'shop.example.com', backend: { kind: 'web', options: { port: 80 } } }], ...props },
});

export const PAST_ROUTE_JUNK: any[] = [
  routeJunk({ sslRedirect: UNPRINTABLE }),
  routeJunk({ tls: { kind: 'clusterIssuer', name: UNPRINTABLE } }),
  routeJunk({ rules: [{ host: 'shop.example.com', path: '/a/../b', backend: { kind: 'web', options: {} }, pathType: UNPRINTABLE }] }),
  routeJunk({ output: { kind: 'ingressNginx', nginx: { rewriteTarget: '/$2' } }, rules: [{ host: 'shop.example.com', path: 'a\nb', backend: { kind: 'web', options: {} } }] }),
  routeJunk({ tls: { kind: 'secret', name: 'shop-tls', hosts: [null] } }),
];

/** A generated StatefulDatabase (stateful-database.property.test.ts). */
export interface DatabaseSpec {
  readonly id: string;
  readonly ns?: string;
  readonly engine: string;
  readonly version: Choice<string | undefined>;
  readonly name: Choice<string | undefined>;
  readonly replicas: Choice<number | undefined>;
  readonly sizeGib: number;
  readonly storageClass: Choice<string | undefined>;
  readonly accessMode: Choice<PersistentVolumeAccessMode | undefined>;
  readonly claimName: Choice<string | undefined>;
  readonly cpuMillis: number;
  readonly cpuLimitMillis: Choice<number | undefined>;
  readonly memoryGib: number;
  readonly grace: Choice<number | undefined>;
  readonly update: Choice<string | undefined>;
  readonly env: Choice<Record<string, string> | undefined>;
  readonly removalPolicy: Choice<any>;
  readonly backupGib: Choice<number | undefined>;
  readonly connect: boolean;
}

const database = (engine: string, extra: Partial<DatabaseSpec> = {}): DatabaseSpec => ({
  id: 'db',
  engine,
  version: good('pinned'),
  name: good(undefined),
  replicas: good(undefined),
  sizeGib: 10,
  storageClass: good('exoscale'),
  accessMode: good(undefined),
  claimName: good(undefined),
  cpuMillis: 500,
  cpuLimitMillis: good(undefined),
  memoryGib: 1,
  grace: good(undefined),
  update: good(undefined),
  env: good(undefined),
  removalPolicy: good(undefined),
  backupGib: good(undefined),
  connect: false,
  ...extra,
});

export const PAST_DATABASES: DatabaseSpec[] = [
  // every default, per engine: the property test's name said "retained" but it never looked at retention (issue 20)
  ...['postgres', 'mysql', 'mariadb', 'mongodb', 'redis'].map((e) => database(e)),
  database('postgres', { ns: 'shop', connect: true, backupGib: good(5) }),
];

/** Inputs of the junk property of StatefulDatabase that once ended in a TypeError (regressions.test.ts). */
const databaseJunk = (props: any): any => ({
  id: 'db',
  ns: undefined,
  junkProps: null,
  props: { engine: 'postgres', version: '16.4', storage: { size: { unit: 'gibibytes', amount: 1 }, storageClass: 'exoscale' }, credentials: { secret: 'secret' }, cpu: { millis: 500 }, memory: { unit: 'gibibytes', amount: 1 }, allowFrom: false, connect: false, ...props },
});

export const PAST_DATABASE_JUNK: any[] = [
  databaseJunk({ storage: { size: { unit: 'gibibytes', amount: 1 }, storageClass: ' ', restoreFromSnapshot: 'snap-1' } }),
  databaseJunk({ storage: { size: { unit: 'tebibytes', amount: 5e-324 }, storageClass: 'exoscale' } }),
  databaseJunk({ memory: { unit: 'tebibytes', amount: 5e-324 } }),
  databaseJunk({ backup: { size: { unit: 'tebibytes', amount: 5e-324 } } }),
  databaseJunk({ storage: { size: { unit: 'gibibytes', amount: 1 }, storageClass: 'exoscale', restoreFromSnapshot: UNPRINTABLE } }),
  databaseJunk({ env: { TZ: UNPRINTABLE } }),
];
