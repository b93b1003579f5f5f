import { Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { PersistentVolumeAccessMode, PersistentVolumeReclaimPolicy } from 'cdk8s-plus-27';
import * as fc from 'fast-check';
import { PAST_SHARED_VOLUMES, PAST_SHARED_JUNK, SharedSpec } from './counterexamples';
import {
  Choice, RUNS, applyPlatformDefaults, platformDefaults, restrictedDeployment, pick, rarely, SizeSpec, assertOracle, assertProperty, bad, badProps, check, cleanOrJunk,
  constructId, dnsName, field, good, junk, maybe, namespace, optional, sizeOf, sizeSpec, withPast,
} from './harness';
import { IDS } from './storage-oracle';
import { BlockProvisioner, BlockStorageClass, ExistingStorageClass, FileProvisioner, FileStorageClass, PlatformDefaults, SharedRwxVolume, SharedVolumeBackend, StorageSystemId } from '../../src';

const { READ_WRITE_ONCE: RWO, READ_WRITE_ONCE_POD: RWOP, READ_WRITE_MANY: RWX, READ_ONLY_MANY: ROX } = PersistentVolumeAccessMode;

// ---------------------------------------------------------------------------------------------------------------
// Oracle property (issue 20): backends the test knows (dynamic classes by name, static NFS/EFS/S3/hostPath with the
// volume source each must render), props mostly valid, sometimes wrong in a way the test knows.
// ---------------------------------------------------------------------------------------------------------------

/** Storage classes as backends: the class name the claim must reference, or the prop a refusal names. */
const CLASSES: Record<string, { readonly className: string; readonly refused?: boolean; readonly noReadOnlyMany?: boolean; readonly make: (chart: Chart) => any }> = {
  nfs: { className: 'nfs-class', make: (c) => new FileStorageClass(c, 'nfs-class', { provisioner: FileProvisioner.nfs({ server: 'nfs.internal', share: '/exports/k8s' }) }) },
  // Longhorn serves ReadWriteMany through its share manager (an NFS export of the block volume), but not ReadOnlyMany
  longhorn: { className: 'lh-class', noReadOnlyMany: true, make: (c) => new BlockStorageClass(c, 'lh-class', { provisioner: BlockProvisioner.longhorn() }) },
  efs: { className: 'efs-sc', make: () => ExistingStorageClass.fromName('efs-sc', StorageSystemId.AWS_EFS) },
  // a block device attaches to one node: never ReadWriteMany
  exoscale: { className: 'exoscale-block-storage', refused: true, make: () => ExistingStorageClass.exoscaleBlockStorage() },
  // local volumes live on one node (OpenEBS LocalPV hostpath): never ReadWriteMany
  local: { className: 'local-class', refused: true, make: (c) => new BlockStorageClass(c, 'local-class', { provisioner: BlockProvisioner.openebsLocalPv() }) },
};

const gibs = (min: number, max: number) => fc.integer({ min, max });
const s3Options = fc.record({
  allowDelete: fc.option(fc.boolean(), { nil: undefined }),
  allowOverwrite: fc.option(fc.boolean(), { nil: undefined }),
  uid: fc.option(fc.integer({ min: 0, max: 65535 }), { nil: undefined }),
  gid: fc.option(fc.integer({ min: 0, max: 65535 }), { nil: undefined }),
  region: fc.option(fc.constantFrom('eu-central-1', 'us-east-1'), { nil: undefined }),
  prefix: fc.option(fc.constantFrom('media/', 'a/b/'), { nil: undefined }),
}, { requiredKeys: [] });

/** A backend as data: a class by key, or a static kind with its options and capacity (GiB, or the prop it breaks). */
const backendChoice = (size: number) => {
  const capacity = field(gibs(size, size + 100), fc.constant(bad(Math.max(0, size - 1), 'backend.capacity')));
  return fc.oneof(
    { arbitrary: fc.constantFrom('nfs', 'longhorn', 'efs').map((key) => ({ kind: 'class', key, options: {}, capacity: good<number | undefined>(undefined) })), weight: 8 },
    { arbitrary: fc.constantFrom('exoscale', 'local').map((key) => ({ kind: 'class', key, options: {}, capacity: good<number | undefined>(undefined) })), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('nfs'), key: fc.constant(''), options: fc.record({ server: fc.constantFrom('nfs.internal', '10.0.0.5'), path: fc.constantFrom('/exports/uploads', '/') }), capacity }), weight: 4 },
    {
      arbitrary: fc.record({
        kind: fc.constant('efs'),
        key: fc.constant(''),
        capacity,
        options: fc.record({ fileSystemId: fc.constant('fs-0123abcd'), path: fc.option(fc.constant('/uploads'), { nil: undefined }), accessPointId: fc.option(fc.constant('fsap-0123abcd'), { nil: undefined }) }, { requiredKeys: ['fileSystemId'] }),
      }),
      weight: 4,
    },
    { arbitrary: fc.record({ kind: fc.constant('s3'), key: fc.constant(''), options: s3Options.map((o) => ({ bucketName: 'shop-media', ...o })), capacity }), weight: 6 },
    { arbitrary: fc.record({ kind: fc.constant('hostPath'), key: fc.constant(''), options: fc.constant({ path: '/mnt/data' }), capacity }), weight: 2 },
  );
};

const sharedSpec: fc.Arbitrary<SharedSpec> = withPast(gibs(1, 500).chain((size) => backendChoice(size).chain((backend) => {
  const dynamic = backend.kind === 'class';
  // what only static volumes take: refused by name on a class
  const staticOnly = <T>(valid: fc.Arbitrary<T>, prop: string, wrong?: fc.Arbitrary<Choice<any>>) => (dynamic
    ? field(fc.constant(undefined), valid.map((v) => bad(v, prop)))
    : field(valid, wrong));
  return fc.record({
    id: fc.constantFrom(...Object.keys(IDS)),
    ns: namespace,
    size: fc.constant(size),
    backend: fc.constant(backend),
    accessMode: field(fc.constantFrom(RWX, ROX), fc.constantFrom(RWO, RWOP).map((m) => bad(m, 'accessMode'))),
    reclaimPolicy: staticOnly(fc.constantFrom(PersistentVolumeReclaimPolicy.RETAIN, PersistentVolumeReclaimPolicy.DELETE), 'reclaimPolicy', fc.constant(bad('Recycle', 'reclaimPolicy'))),
    mountOptions: backend.kind === 'hostPath'
      ? field(fc.constant(undefined), fc.constant(bad(['hard'], 'mountOptions')))
      : staticOnly(fc.constantFrom(['hard'], ['nfsvers=4.1', 'hard']), 'mountOptions', fc.constant(bad([' '], 'mountOptions'))),
    claimName: field(fc.constantFrom('media', 'uploads-claim'), fc.constant(bad('Bad_Claim', 'claimName'))),
    persistentVolumeName: staticOnly(fc.constantFrom('shared-pv', 'pv.example'), 'persistentVolumeName', fc.constant(bad('Bad PV', 'persistentVolumeName'))),
    volumeName: field(fc.constantFrom('files', 'x'), fc.constant(bad('Bad_Vol', 'volumeName'))),
    mount: fc.option(fc.record({
      path: fc.constantFrom('/data', '/var/www/uploads'),
      readOnly: field(fc.boolean()),
      subPath: field(fc.constantFrom('images', 'a/b'), fc.constant(bad('../up', 'mount subPath'))),
      whole: fc.boolean(),
    }), { nil: undefined, freq: 3 }),
  });
})), PAST_SHARED_VOLUMES);

/** The props the spec got wrong; a backend refused for its kind is reported before anything else is checked. */
function wrongShared(s: SharedSpec): string[] {
  const mode = s.accessMode.value ?? RWX;
  if (s.backend.kind === 'class' && (CLASSES[s.backend.key].refused || (CLASSES[s.backend.key].noReadOnlyMany && mode === ROX))) {
    return ['backend'];
  }
  const wrong = badProps({ ...s, mount: undefined });
  if (wrong.length === 0 && s.mount) {
    // mount() checks its own options once the volume exists
    wrong.push(...badProps(s.mount));
    if (s.mount.readOnly.value === false && mode === ROX) wrong.push('mount readOnly');
  }
  return wrong;
}

function backendOfSpec(chart: Chart, s: SharedSpec): SharedVolumeBackend {
  const b = s.backend;
  const withCapacity = { ...b.options, ...(b.capacity.value !== undefined ? { capacity: Size.gibibytes(b.capacity.value) } : {}) };
  switch (b.kind) {
    case 'class': return SharedVolumeBackend.storageClass(CLASSES[b.key].make(chart));
    case 'nfs': return SharedVolumeBackend.nfs(withCapacity);
    case 'efs': return SharedVolumeBackend.efs(withCapacity);
    case 's3': return SharedVolumeBackend.s3(withCapacity);
    default: return SharedVolumeBackend.hostPath(withCapacity);
  }
}

function buildShared(s: SharedSpec): (chart: Chart) => void {
  return (chart) => {
    const props: any = { size: Size.gibibytes(s.size), backend: backendOfSpec(chart, s) };
    for (const k of ['accessMode', 'reclaimPolicy', 'mountOptions', 'claimName', 'persistentVolumeName', 'volumeName'] as const) {
      if (s[k].value !== undefined) props[k] = s[k].value;
    }
    const volume = new SharedRwxVolume(chart, s.id, props);
    if (!s.mount) return;
    const web = restrictedDeployment(chart, 'web');
    const options = { readOnly: s.mount.readOnly.value, subPath: s.mount.subPath.value };
    if (s.mount.whole) volume.mountInWorkload(web, s.mount.path, options);
    else volume.mount(web.containers[0], s.mount.path, options);
  };
}

/** The volume source the test expects on the PersistentVolume of a static backend, with its mount options. */
function expectedSource(s: SharedSpec, pvName: string, readOnly: true | undefined): { source: any; mountOptions: string[] } {
  const o = s.backend.options;
  const given: string[] = s.mountOptions.value ?? [];
  switch (s.backend.kind) {
    case 'nfs': return { source: { nfs: { server: o.server, path: o.path, readOnly } }, mountOptions: given };
    case 'efs': {
      // aws-efs-csi-driver static provisioning: volumeHandle <fs id>[:<path>[:<access point>]]
      const handle = o.accessPointId ? `${o.fileSystemId}:${o.path ?? ''}:${o.accessPointId}` : o.path ? `${o.fileSystemId}:${o.path}` : o.fileSystemId;
      return { source: { csi: { driver: 'efs.csi.aws.com', volumeHandle: handle, readOnly } }, mountOptions: given };
    }
    case 's3': {
      // Mountpoint for S3 CSI driver: permissions and settings are mount options (docs/CONFIGURATION.md)
      const derived: string[] = [];
      if (o.allowDelete) derived.push('allow-delete');
      if (o.allowOverwrite) derived.push('allow-overwrite');
      if (o.uid !== undefined) derived.push(`uid=${o.uid}`);
      if (o.gid !== undefined) derived.push(`gid=${o.gid}`);
      if (o.uid !== undefined || o.gid !== undefined) derived.push('allow-other');
      if (o.region) derived.push(`region ${o.region}`);
      if (o.prefix) derived.push(`prefix ${o.prefix}`);
      return { source: { csi: { driver: 's3.csi.aws.com', volumeHandle: pvName, volumeAttributes: { bucketName: o.bucketName }, readOnly } }, mountOptions: [...derived, ...given] };
    }
    default: return { source: { hostPath: { path: o.path, type: 'DirectoryOrCreate' } }, mountOptions: given };
  }
}

/** The claim (and volume, and mount) of a valid spec tie to its input. */
function assertSharedTies(s: SharedSpec, objects: any[]): void {
  const dynamic = s.backend.kind === 'class';
  const mode = s.accessMode.value ?? RWX;
  const claimName = s.claimName.value ?? IDS[s.id];
  const claimNamespace = s.ns ?? 'default';
  const claims = objects.filter((o) => o.kind === 'PersistentVolumeClaim');
  expect(claims).toHaveLength(1);
  const claim = claims[0];
  expect(claim.metadata.name).toBe(claimName);
  expect(claim.metadata.namespace).toBe(dynamic ? s.ns : claimNamespace);
  expect(claim.spec.accessModes).toEqual([mode]);
  expect(claim.spec.volumeMode).toBe('Filesystem');
  expect(claim.spec.resources).toEqual({ requests: { storage: `${s.size}Gi` } });
  const volumes = objects.filter((o) => o.kind === 'PersistentVolume');
  if (dynamic) {
    expect(claim.spec.storageClassName).toBe(CLASSES[s.backend.key].className);
    expect(claim.spec.volumeName).toBeUndefined();
    expect(volumes).toEqual([]);
  } else {
    const pvName = s.persistentVolumeName.value ?? `${claimNamespace}-${claimName}`;
    expect(claim.spec.storageClassName).toBe('');
    expect(claim.spec.volumeName).toBe(pvName);
    expect(volumes).toHaveLength(1);
    const pv = volumes[0];
    const { source, mountOptions } = expectedSource(s, pvName, mode === ROX ? true : undefined);
    expect(pv.metadata.name).toBe(pvName);
    expect(pv.metadata.namespace).toBeUndefined();
    expect(pv.spec).toEqual({
      capacity: { storage: `${s.backend.capacity.value ?? s.size}Gi` },
      accessModes: [mode],
      volumeMode: 'Filesystem',
      persistentVolumeReclaimPolicy: s.reclaimPolicy.value ?? 'Retain',
      storageClassName: '',
      ...(mountOptions.length ? { mountOptions } : {}),
      claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: claimNamespace, name: claimName },
      ...JSON.parse(JSON.stringify(source)),
    });
  }
  if (!s.mount) return;
  const pod = objects.find((o) => o.kind === 'Deployment').spec.template.spec;
  const volumeName = s.volumeName.value ?? claimName;
  expect(pod.volumes).toContainEqual(expect.objectContaining({ name: volumeName, persistentVolumeClaim: expect.objectContaining({ claimName }) }));
  const mounts = pod.containers[0].volumeMounts.filter((m: any) => m.name === volumeName);
  expect(mounts).toHaveLength(1);
  expect(mounts[0].mountPath).toBe(s.mount.path);
  expect(mounts[0].readOnly ?? false).toBe(s.mount.readOnly.value ?? mode === ROX);
  expect(mounts[0].subPath).toBe(s.mount.subPath.value);
}

describe('SharedRwxVolume oracle', () => {
  test(`props in, the claim and volume say them; defaults left out show; wrong props are refused by name (${RUNS} runs)`, () => {
    assertOracle({
      arb: sharedSpec,
      build: buildShared,
      namespace: (s) => s.ns,
      wrong: wrongShared,
      path: (s) => `test/${s.id}`,
      ties: assertSharedTies,
      examples: PAST_SHARED_VOLUMES,
    });
  });
});

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
    const arb = withPast<any>(fc.record({
      id: constructId, ns: namespace, platform: platformDefaults, backend: backendSpec, props: cleanOrJunk(propsOf), mount: cleanOrJunk(mountOf), junkProps: rarely(junk),
    }), PAST_SHARED_JUNK);
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
    }, RUNS, PAST_SHARED_JUNK);
  });
});
