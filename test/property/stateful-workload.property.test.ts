import { Chart, Duration, Size } from 'cdk8s';
import { PersistentVolumeAccessMode, PodManagementPolicy } from 'cdk8s-plus-27';
import * as fc from 'fast-check';
import { RUNS, assertProperty, check, namespace } from './harness';
import { ExistingStorageClass, RemovalPolicy, StatefulWorkload, StorageSystemId, StatefulUpdateStrategy } from '../../src';
import { toDnsLabel } from '../../src/core/names';
import { checkRestricted } from '../../src/validation/pod-spec';

/**
 * StatefulWorkload properties (issue 16). Every generated field is absent, valid or wrong in a way the test knows,
 * so each run has an expected answer:
 * - no wrong field: the app synthesizes clean (full validator, Pod Security "restricted", same bytes twice), and the
 *   output ties to the input: a default left out shows up (Retain/Retain, OrderedReady, RollingUpdate, 1 replica,
 *   ReadWriteOnce, /tmp writable, the construct id as name, a restricted security context with the uid), and a prop
 *   given appears as given;
 * - wrong fields: the app is refused, and the message names each wrong prop.
 */

const { READ_WRITE_ONCE: RWO, READ_WRITE_ONCE_POD: RWOP, READ_WRITE_MANY: RWX, READ_ONLY_MANY: ROX } = PersistentVolumeAccessMode;

/** A value the test knows is valid (bad = false) or names the prop it must be refused for (bad = the prop). */
type Choice<T> = { value: T; bad?: string };

const good = <T>(value: T): Choice<T> => ({ value });
const bad = <T>(value: T, prop: string): Choice<T> => ({ value, bad: prop });

/** Mostly absent or valid; one time in about 60 (30 without absent), a known wrong value. */
function field<T>(valid: fc.Arbitrary<T>, wrong: fc.Arbitrary<Choice<any>>, absent = true): fc.Arbitrary<Choice<T | undefined>> {
  const options: Array<fc.WeightedArbitrary<Choice<T | undefined>>> = [
    { arbitrary: valid.map((v) => good<T | undefined>(v)), weight: 30 },
    { arbitrary: wrong, weight: 1 },
  ];
  if (absent) options.push({ arbitrary: fc.constant(good<T | undefined>(undefined)), weight: 30 });
  return fc.oneof(...options);
}

const CLASSES = ['exoscale', 'ebs', 'nfs'] as const;
type ClassName = typeof CLASSES[number];

const classOf = (name: ClassName) => name === 'exoscale' ? ExistingStorageClass.exoscaleBlockStorage()
  : name === 'ebs' ? ExistingStorageClass.fromName('gp3', StorageSystemId.AWS_EBS) : ExistingStorageClass.fromName('nfs', StorageSystemId.NFS);
const className = (name: ClassName) => (name === 'exoscale' ? 'exoscale-block-storage' : name === 'ebs' ? 'gp3' : 'nfs');

/** A claim template spec: the access modes each class serves for a per-replica claim are known here. */
const claimSpec = (i: number) => fc.constantFrom(...CLASSES).chain((cls) => fc.record({
  cls: fc.constant(cls),
  size: field(fc.integer({ min: 1, max: 200 }), fc.constant(bad(0, `volumeClaimTemplates[${i}].size`)), false),
  accessMode: field(fc.constantFrom(...(cls === 'nfs' ? [RWO, RWX] : [RWO, RWOP])),
    fc.constantFrom(...(cls === 'nfs' ? [ROX, RWOP] : [ROX, RWX])).map((m) => bad(m, `volumeClaimTemplates[${i}].accessMode`))),
  mount: fc.oneof(
    { arbitrary: fc.constant(good<string | undefined>('mounted')), weight: 30 },
    { arbitrary: fc.constant(bad<string | undefined>(undefined, `volumeClaimTemplates[${i}]`)), weight: 1 },
  ),
}));

const NAMES = ['www', 'data', 'cache'];

const spec = fc.record({
  id: fc.constantFrom('web-server', 'Web Server', 'queue', 'x'),
  ns: namespace,
  name: field(fc.constantFrom('web-server', 'search-0', 'a'), fc.constantFrom('Bad_Name', 'x'.repeat(53)).map((v) => bad(v, 'name'))),
  replicas: field(fc.integer({ min: 1, max: 5 }), fc.constantFrom(0, -1, 1.5).map((v) => bad(v, 'replicas'))),
  uid: field(fc.integer({ min: 1, max: 65535 }), fc.constantFrom(0, -5).map((v) => bad(v, 'uid')), false),
  gid: field(fc.integer({ min: 1, max: 65535 }), fc.constant(bad(0, 'gid'))),
  claims: fc.integer({ min: 0, max: 2 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => claimSpec(i)))),
  strayMount: fc.oneof({ arbitrary: fc.constant(false), weight: 40 }, { arbitrary: fc.constant(true), weight: 1 }),
  sidecar: fc.boolean(),
  port: fc.boolean(),
  image: field(fc.constantFrom('docker.io/nginxinc/nginx-unprivileged:1.27.3-alpine', 'ghcr.io/example/app@sha256:' + 'a'.repeat(64)),
    fc.constantFrom('nginx', 'nginx:latest').map((v) => bad(v, 'containers[0].image')), false),
  podManagementPolicy: field(fc.constantFrom(PodManagementPolicy.ORDERED_READY, PodManagementPolicy.PARALLEL), fc.constant(bad('Random', 'podManagementPolicy'))),
  update: field(fc.oneof(fc.constant<'onDelete' | number>('onDelete'), fc.integer({ min: 0, max: 1 })), fc.constant(bad(99, 'updateStrategy.partition'))),
  removalPolicy: field(fc.constantFrom(RemovalPolicy.RETAIN, RemovalPolicy.DESTROY), fc.constant(bad('delete', 'removalPolicy'))),
  writableDirs: field(fc.constantFrom(['/tmp'], ['/tmp', '/var/cache/app'], []), fc.constant(bad(['tmp'], 'writableDirs[0]'))),
  clientService: field(fc.boolean(), fc.constant(bad(99, 'clientService'))),
  grace: field(fc.integer({ min: 0, max: 300 }), fc.constant(bad(-1, 'terminationGracePeriod'))),
});

type Spec = typeof spec extends fc.Arbitrary<infer T> ? T : never;

/** The props of a spec, as a JavaScript caller would pass them. */
function propsOf(s: Spec): any {
  const claims = s.claims.map((c, i) => ({
    name: NAMES[i],
    size: Size.gibibytes(c.size.value as number),
    storageClass: classOf(c.cls),
    accessMode: c.accessMode.value,
  }));
  const mounts = s.claims.flatMap((c, i) => (c.mount.value ? [{ claim: NAMES[i], path: `/srv/${NAMES[i]}` }] : []));
  if (s.strayMount) mounts.push({ claim: 'nope', path: '/srv/nope' });
  const containers: any[] = [{ name: 'app', image: s.image.value, ports: s.port ? [{ number: 8080, name: 'http' }] : undefined }];
  if (s.sidecar) containers.push({ name: 'sidecar', image: 'ghcr.io/example/sidecar:2.0.1' });
  const update = s.update.bad ? StatefulUpdateStrategy.rollingUpdate({ partition: s.update.value as number })
    : s.update.value === 'onDelete' ? StatefulUpdateStrategy.onDelete()
      : s.update.value === undefined ? undefined : StatefulUpdateStrategy.rollingUpdate({ partition: s.update.value as number });
  return {
    name: s.name.value,
    replicas: s.replicas.value,
    uid: s.uid.value,
    gid: s.gid.value,
    containers,
    volumeClaimTemplates: claims.length ? claims : undefined,
    mounts: mounts.length ? mounts : undefined,
    podManagementPolicy: s.podManagementPolicy.value,
    updateStrategy: update,
    removalPolicy: s.removalPolicy.value,
    writableDirs: s.writableDirs.value,
    clientService: s.clientService.value,
    terminationGracePeriod: s.grace.value === undefined ? undefined : s.grace.bad ? { toSeconds: () => -1 } : Duration.seconds(s.grace.value as number),
  };
}

/** The props the spec got wrong, as the refusal must name them. */
function wrongProps(s: Spec): string[] {
  const wrong = [s.name, s.replicas, s.uid, s.gid, s.image, s.podManagementPolicy, s.removalPolicy, s.writableDirs, s.grace]
    .map((c) => c.bad).filter((b): b is string => !!b);
  for (const c of s.claims) for (const b of [c.size.bad, c.accessMode.bad, c.mount.bad]) if (b) wrong.push(b);
  if (s.strayMount) wrong.push(`mounts[${s.claims.filter((c) => c.mount.value).length}].claim`);
  // a partition is checked against replicas only when replicas is a number
  if (s.update.bad && !s.replicas.bad) wrong.push(s.update.bad);
  if (s.clientService.bad) wrong.push(s.clientService.bad);
  else if (s.clientService.value === true && !s.port) wrong.push('clientService');
  return wrong;
}

/** The output of a clean run ties to its input. */
function assertTies(s: Spec, objects: any[]): void {
  const p = propsOf(s);
  const sts = objects.find((o) => o.kind === 'StatefulSet');
  const name = p.name ?? toDnsLabel(s.id);
  const replicas = p.replicas ?? 1;
  expect(sts.metadata.name).toBe(name);
  expect(sts.spec.replicas).toBe(replicas);
  expect(sts.spec.serviceName).toBe(`${name}-headless`);
  expect(sts.spec.persistentVolumeClaimRetentionPolicy).toEqual(p.removalPolicy === RemovalPolicy.DESTROY
    ? { whenDeleted: 'Delete', whenScaled: 'Delete' } : { whenDeleted: 'Retain', whenScaled: 'Retain' });
  expect(sts.spec.podManagementPolicy).toBe(p.podManagementPolicy ?? 'OrderedReady');
  expect(sts.spec.updateStrategy).toEqual(s.update.value === undefined ? { type: 'RollingUpdate' }
    : s.update.value === 'onDelete' ? { type: 'OnDelete' } : { type: 'RollingUpdate', rollingUpdate: { partition: s.update.value } });
  expect((sts.spec.volumeClaimTemplates ?? []).map((t: any) => [t.metadata.name, t.spec.resources.requests.storage, t.spec.storageClassName, t.spec.accessModes]))
    .toEqual(s.claims.map((c, i) => [NAMES[i], `${c.size.value}Gi`, className(c.cls), [c.accessMode.value ?? RWO]]));
  const template = sts.spec.template;
  const pod = template.spec;
  expect(checkRestricted(pod, template.metadata)).toEqual([]);
  expect(template.metadata.labels['golden-paths.dev/pod-security']).toBe('restricted');
  const gid = p.gid ?? p.uid;
  expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: p.uid, runAsGroup: gid, fsGroup: gid, seccompProfile: { type: 'RuntimeDefault' } });
  expect(pod.automountServiceAccountToken).toBe(false);
  expect(pod.terminationGracePeriodSeconds).toBe(s.grace.value ?? 30);
  const dirs: string[] = p.writableDirs ?? ['/tmp'];
  for (const c of pod.containers) {
    expect(c.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    for (const dir of dirs) expect(c.volumeMounts.map((m: any) => m.mountPath)).toContain(dir);
  }
  for (const m of p.mounts ?? []) expect(pod.containers[0].volumeMounts).toContainEqual({ mountPath: m.path, name: m.claim });
  expect(objects.filter((o) => o.kind === 'PodDisruptionBudget')).toHaveLength(replicas > 1 ? 1 : 0);
  expect(objects.filter((o) => o.kind === 'Service').map((o) => o.metadata.name))
    .toEqual((p.clientService ?? s.port) ? [`${name}-headless`, name] : [`${name}-headless`]);
  expect(JSON.stringify(objects)).not.toContain('golden-paths.dev/role');
}

describe('StatefulWorkload properties', () => {
  test(`valid props synthesize clean objects tied to the input; wrong props are refused naming each (${RUNS} runs)`, () => {
    let ok = 0;
    let runs = 0;
    assertProperty(spec, (s) => {
      runs++;
      const wrong = wrongProps(s);
      const outcome = check((chart: Chart) => { new StatefulWorkload(chart, s.id, propsOf(s)); }, s.ns);
      if (wrong.length === 0) {
        if (!outcome.ok) throw new Error(`valid props were refused:\n${outcome.message}`);
        ok++;
        assertTies(s, outcome.objects);
      } else {
        if (outcome.ok) throw new Error(`props with ${wrong.join(', ')} wrong were accepted`);
        for (const prop of wrong) expect(outcome.message).toContain(`: ${prop} `);
      }
    });
    if (process.env.GOLDEN_PATHS_PROPERTY_STATS) console.log(`synthesized ${ok} of ${runs}`);
    expect(runs).toBeGreaterThanOrEqual(RUNS);
    // most runs build something, so the output checks above are exercised, not only the refusals
    expect(ok / runs).toBeGreaterThanOrEqual(0.5);
  });
});
