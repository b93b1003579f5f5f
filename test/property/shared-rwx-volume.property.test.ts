import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { PersistentVolumeAccessMode, PersistentVolumeReclaimPolicy } from 'cdk8s-plus-27';
import * as fc from 'fast-check';
import { RUNS, applyPlatformDefaults, platformDefaults, restrictedDeployment, pick, rarely, SizeSpec, assertProperty, check, cleanOrJunk, constructId, dnsName, junk, maybe, namespace, optional, sizeOf, sizeSpec } from './harness';
import { BlockProvisioner, BlockStorageClass, ExistingStorageClass, FileProvisioner, FileStorageClass, PlatformDefaults, SharedRwxVolume, SharedVolumeBackend, StorageSystemId } from '../../src';

const { READ_WRITE_ONCE: RWO, READ_WRITE_ONCE_POD: RWOP, READ_WRITE_MANY: RWX, READ_ONLY_MANY: ROX } = PersistentVolumeAccessMode;

/** A backend as data. */
interface BackendSpec {
  readonly kind: string;
  readonly options?: any;
  readonly capacity?: SizeSpec;
}

const backendSpecOf = (j: number): fc.Arbitrary<BackendSpec> => {
  const opt = <T>(a: fc.Arbitrary<T>) => optional(a, j);
  const may = <T>(a: fc.Arbitrary<T>) => maybe(a, j);
  const capacity = opt(sizeSpec);
  const classes = fc.constantFrom('file-nfs', 'block-exoscale', 'block-longhorn', 'block-portworx-sharedv4', 'existing-efs', 'existing-exoscale', 'existing-s3', 'existing-custom-rwx');
  const all: fc.Arbitrary<BackendSpec>[] = [
    fc.record({ kind: fc.constant('class'), options: classes }),
    fc.record({ kind: fc.constant('nfs'), capacity, options: fc.record({ server: may(fc.constantFrom('nfs.internal', '10.0.0.5')), path: may(pick(['/exports/uploads'], ['exports', '/a/../b'], j)), storageClassName: opt(pick(['', 'dev'], ['Bad_Name'], j)) }, { requiredKeys: [] }) }),
    fc.record({ kind: fc.constant('efs'), capacity, options: fc.record({ fileSystemId: may(pick(['fs-0123abcd'], ['fs-XYZ'], j)), path: opt(pick(['/uploads'], ['rel'], j)), accessPointId: opt(pick(['fsap-0123abcd'], ['ap-1'], j)) }, { requiredKeys: [] }) }),
    fc.record({
      kind: fc.constant('s3'),
      capacity,
      options: fc.record({
        bucketName: may(pick(['shop-media'], ['a', 'Bad_Bucket'], j)),
        region: opt(pick(['eu-central-1'], ['EU'], j)),
        prefix: opt(pick(['media/'], ['/media', 'media'], j)),
        endpointUrl: opt(pick(['https://sos-ch-gva-2.exo.io'], ['ftp://x'], j)),
        allowDelete: opt(fc.boolean()),
        allowOverwrite: opt(fc.boolean()),
        uid: opt(fc.integer({ min: -1, max: 70000 })),
        gid: opt(fc.integer({ min: -1, max: 70000 })),
        storageClassName: opt(pick([''], ['x'], j)),
      }, { requiredKeys: [] }),
    }),
    fc.record({ kind: fc.constant('hostPath'), capacity, options: fc.record({ path: may(pick(['/mnt/data'], ['data', '/a/../etc'], j)), type: opt(fc.constantFrom(...Object.values(kplus.HostPathVolumeType))) }, { requiredKeys: [] }) }),
    fc.constant({ kind: 'platform-default' }),
  ];
  if (j) all.push(fc.constant({ kind: 'glusterfs' }), fc.constant({ kind: 'none' }));
  return j ? fc.oneof(...all, junk.map((x) => ({ kind: 'junk', options: x }))) : fc.oneof(...all);
};
const backendSpec = cleanOrJunk(backendSpecOf);

function storageClassOf(chart: Chart, name: string): any {
  switch (name) {
    case 'file-nfs': return new FileStorageClass(chart, 'nfs-class', { provisioner: FileProvisioner.nfs({ server: 'nfs.internal', share: '/exports/k8s' }) });
    case 'block-exoscale': return new BlockStorageClass(chart, 'exo-class', { provisioner: BlockProvisioner.exoscale() });
    case 'block-longhorn': return new BlockStorageClass(chart, 'lh-class', { provisioner: BlockProvisioner.longhorn() });
    case 'block-portworx-sharedv4': return new BlockStorageClass(chart, 'px-class', { provisioner: BlockProvisioner.portworx({ sharedv4: true }) });
    case 'existing-efs': return ExistingStorageClass.fromName('efs-sc', StorageSystemId.AWS_EFS);
    case 'existing-exoscale': return ExistingStorageClass.exoscaleBlockStorage();
    case 'existing-s3': return ExistingStorageClass.fromName('s3-sc', StorageSystemId.S3_MOUNTPOINT);
    default: return ExistingStorageClass.fromCapabilities('rwx-sc', 'csi.example.com', FileStorageClassCaps());
  }
}

function FileStorageClassCaps(): any {
  return FileProvisioner.nfs({ server: 'nfs', share: '/x' }).capabilities;
}

function backendOf(chart: Chart, spec: BackendSpec): any {
  const withCapacity = (o: any) => (spec.capacity === undefined || o === null || typeof o !== 'object' ? o : { ...o, capacity: sizeOf(spec.capacity) });
  switch (spec.kind) {
    case 'class': return SharedVolumeBackend.storageClass(storageClassOf(chart, spec.options));
    case 'nfs': return SharedVolumeBackend.nfs(withCapacity(spec.options));
    case 'efs': return SharedVolumeBackend.efs(withCapacity(spec.options));
    case 's3': return SharedVolumeBackend.s3(withCapacity(spec.options));
    case 'hostPath': return SharedVolumeBackend.hostPath(withCapacity(spec.options));
    case 'glusterfs': return SharedVolumeBackend.glusterfs();
    case 'platform-default':
      PlatformDefaults.set(chart, { sharedVolumeStorageClass: storageClassOf(chart, 'file-nfs') });
      return undefined;
    case 'none': return undefined;
    default: return spec.options;
  }
}

const propsOf = (j: number) => fc.record({
  size: j ? sizeSpec : fc.record({ unit: fc.constant('gibibytes' as const), amount: fc.integer({ min: 1, max: 500 }) }),
  accessMode: optional(pick([RWX, ROX], [RWO, RWOP], j), j),
  reclaimPolicy: optional(pick(Object.values(PersistentVolumeReclaimPolicy), ['Recycle'], j), j),
  mountOptions: optional(fc.array(maybe(fc.constantFrom('nfsvers=4.1', 'hard'), j), { maxLength: 2 }), j),
  claimName: optional(dnsName, j),
  persistentVolumeName: optional(dnsName, j),
  volumeName: optional(dnsName, j),
}, { requiredKeys: ['size'] });

const mountOf = (j: number) => fc.option(fc.record({
  path: maybe(pick(['/var/www/uploads', '/data'], ['relative', '/a:b', '/a/../b'], j), j),
  readOnly: optional(fc.boolean(), j),
  subPath: optional(pick(['images'], ['/abs', '../up', ''], j), j),
  whole: fc.boolean(),
}, { requiredKeys: ['path', 'whole'] }), { freq: 2 });

describe('SharedRwxVolume properties', () => {
  test(`any props and mounts: valid objects or the library's error naming the prop (${RUNS} runs)`, () => {
    const arb = fc.record({
      id: constructId, ns: namespace, platform: platformDefaults, backend: backendSpec, props: cleanOrJunk(propsOf), mount: cleanOrJunk(mountOf), junkProps: rarely(junk),
    });
    assertProperty(arb, (s) => {
      check((chart) => {
        applyPlatformDefaults(chart, s.platform);
        const backend = backendOf(chart, s.backend);
        const props = s.junkProps !== null ? s.junkProps : { ...s.props, size: sizeOf(s.props.size), backend };
        const volume = new SharedRwxVolume(chart, s.id, props);
        if (s.mount) {
          const d = restrictedDeployment(chart, 'web');
          if (s.mount.whole) volume.mountInWorkload(d, s.mount.path, { readOnly: s.mount.readOnly, subPath: s.mount.subPath });
          else volume.mount(d.containers[0], s.mount.path, { readOnly: s.mount.readOnly, subPath: s.mount.subPath });
        }
      }, s.ns);
    });
  });
});
