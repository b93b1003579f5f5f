/**
 * StatefulWorkload (issue 16): any stateful app that is not a database, as safe as one. Defaults, props as given,
 * claim templates checked against their class, a valid WebRoute backend, the lock, every refusal with its message,
 * and the seed example (examples/exoscale-web-server) as a whole-app snapshot.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart, Duration, Size } from 'cdk8s';
import { PersistentVolumeAccessMode, PodManagementPolicy, Protocol } from 'cdk8s-plus-27';
import { parseAllDocuments } from 'yaml';
import {
  BlockProvisioner, BlockStorageClass, DeployLock, ExistingStorageClass, FileProvisioner, FileStorageClass, GatewayRef, IngressController,
  PlatformDefaults, RemovalPolicy, RouteBackend, RouteOutput, SharedRwxVolume, SharedVolumeBackend, StatefulWorkload, StatefulWorkloadProps, StorageSystemId,
  TlsSource, Validator, VolumeBindingMode, WebRoute, StatefulUpdateStrategy, Warnings,
} from '../../src';
import { checkRestricted } from '../../src/validation/pod-spec';
import { errorOf, ofKind, only, synth } from '../util';

const IMAGE = 'docker.io/nginxinc/nginx-unprivileged:1.27.3-alpine';
const exoscale = () => ExistingStorageClass.exoscaleBlockStorage();

/** The seed scenario's props: 3 nginx replicas, a 10Gi claim www on exoscale-block-storage. */
function base(extra: Partial<StatefulWorkloadProps> = {}): StatefulWorkloadProps {
  return {
    replicas: 3,
    uid: 101,
    containers: [{ name: 'nginx', image: IMAGE, ports: [{ number: 8080, name: 'http' }] }],
    volumeClaimTemplates: [{ name: 'www', size: Size.gibibytes(10), storageClass: exoscale() }],
    mounts: [{ claim: 'www', path: '/usr/share/nginx/html' }],
    ...extra,
  };
}

function build(extra: Partial<StatefulWorkloadProps> = {}, then?: (w: StatefulWorkload, chart: Chart) => void): any[] {
  return synth((chart) => {
    const w = new StatefulWorkload(chart, 'web-server', base(extra));
    then?.(w, chart);
  }, { namespace: 'web' });
}

function refusal(extra: Partial<StatefulWorkloadProps>): string {
  return errorOf((chart) => new StatefulWorkload(chart, 'web-server', base(extra)), { namespace: 'web' });
}

const sts = (objects: any[]) => only(objects, 'StatefulSet');
const pod = (objects: any[]) => sts(objects).spec.template.spec;

describe('StatefulWorkload: what a default gives', () => {
  const objects = build();

  test('one StatefulSet named as the construct, its headless governing Service, a client Service and a PDB', () => {
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Service/web-server-headless', 'Service/web-server', 'StatefulSet/web-server', 'PodDisruptionBudget/web-server',
    ]);
    const s = sts(objects);
    expect(s.spec.serviceName).toBe('web-server-headless');
    expect(s.spec.replicas).toBe(3);
    expect(only(objects, 'PodDisruptionBudget').spec).toEqual({ maxUnavailable: 1, selector: s.spec.selector, unhealthyPodEvictionPolicy: 'AlwaysAllow' });
    const headless = ofKind(objects, 'Service')[0];
    expect(headless.spec.clusterIP).toBe('None');
    expect(headless.spec.publishNotReadyAddresses).toBe(true);
  });

  test('claims retained (Retain/Retain), ordered pods, rolling updates', () => {
    const s = sts(objects);
    expect(s.spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain', whenScaled: 'Retain' });
    expect(s.spec.podManagementPolicy).toBe('OrderedReady');
    expect(s.spec.updateStrategy).toEqual({ type: 'RollingUpdate' });
  });

  test('the claim template as given: www, 10Gi, ReadWriteOnce, exoscale-block-storage, mounted where asked', () => {
    expect(sts(objects).spec.volumeClaimTemplates.map((t: any) => ({ name: t.metadata.name, spec: t.spec }))).toEqual([{
      name: 'www',
      spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'exoscale-block-storage', resources: { requests: { storage: '10Gi' } } },
    }]);
    expect(pod(objects).containers[0].volumeMounts).toEqual([
      { mountPath: '/usr/share/nginx/html', name: 'www' },
      { mountPath: '/tmp', name: 'tmp' },
    ]);
  });

  test('Pod Security "restricted" with the image\'s uid/gid, labelled so the validator holds it there', () => {
    const spec = pod(objects);
    expect(checkRestricted(spec, sts(objects).spec.template.metadata)).toEqual([]);
    expect(sts(objects).spec.template.metadata.labels['golden-paths.dev/pod-security']).toBe('restricted');
    expect(spec.securityContext).toEqual({
      fsGroup: 101, fsGroupChangePolicy: 'OnRootMismatch', runAsGroup: 101, runAsNonRoot: true, runAsUser: 101, seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(spec.containers[0].securityContext).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsGroup: 101,
      runAsNonRoot: true,
      runAsUser: 101,
    });
    expect(spec.automountServiceAccountToken).toBe(false);
    expect(spec.volumes).toEqual([{ emptyDir: {}, name: 'tmp' }]);
  });

  test('spread over nodes (preferred anti-affinity) and zones (ScheduleAnyway)', () => {
    const spec = pod(objects);
    const selector = sts(objects).spec.selector;
    expect(spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution).toEqual([
      { weight: 100, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: selector } },
    ]);
    expect(spec.topologySpreadConstraints).toEqual([
      { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: selector },
    ]);
  });

  test('not a database: no role annotation anywhere, and the full validator finds no error', () => {
    expect(JSON.stringify(objects)).not.toContain('golden-paths.dev/role');
    expect(Validator.validate(objects).filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('one replica: no PodDisruptionBudget (it would block every node drain)', () => {
    expect(ofKind(build({ replicas: 1 }), 'PodDisruptionBudget')).toEqual([]);
  });

  test('no container port: no client Service, a headless Service without ports', () => {
    const objects2 = build({ containers: [{ name: 'worker', image: IMAGE }] });
    expect(ofKind(objects2, 'Service').map((s) => s.metadata.name)).toEqual(['web-server-headless']);
    expect(ofKind(objects2, 'Service')[0].spec.ports).toBeUndefined();
  });
});

describe('StatefulWorkload: props appear as given', () => {
  test('the update strategies say their type and partition (rollingUpdate takes no options from JavaScript too)', () => {
    expect([StatefulUpdateStrategy.onDelete().type, StatefulUpdateStrategy.onDelete().partition]).toEqual(['OnDelete', undefined]);
    expect([StatefulUpdateStrategy.rollingUpdate().type, StatefulUpdateStrategy.rollingUpdate({ partition: 1 }).partition]).toEqual(['RollingUpdate', 1]);
    expect(StatefulUpdateStrategy.rollingUpdate(null as any).partition).toBeUndefined();
  });

  test('container ports exposed once each by number and protocol; names made up only when a Service has several ports', () => {
    const objects = build({
      containers: [
        { name: 'nginx', image: IMAGE, ports: [{ number: 8080, name: 'http' }] },
        { name: 'dns', image: IMAGE, ports: [{ number: 8080 }, { number: 8080, protocol: Protocol.UDP }, { number: 9090 }] },
      ],
    });
    const expected = [
      { name: 'http', port: 8080, targetPort: 8080, protocol: 'TCP' },
      { name: 'udp-8080', port: 8080, targetPort: 8080, protocol: 'UDP' },
      { name: 'tcp-9090', port: 9090, targetPort: 9090, protocol: 'TCP' },
    ];
    const services = ofKind(objects, 'Service');
    expect(services).toHaveLength(2);
    for (const svc of services) expect(svc.spec.ports).toEqual(expected);
    const single = ofKind(build({ containers: [{ name: 'nginx', image: IMAGE, ports: [{ number: 8080 }] }] }), 'Service');
    for (const svc of single) expect(svc.spec.ports).toEqual([{ port: 8080, targetPort: 8080, protocol: 'TCP' }]);
  });

  test('the platform\'s annotations reach the pods and every claim template', () => {
    const app = new App();
    Warnings.of(app).sink = Warnings.SILENT;
    PlatformDefaults.set(app, { annotations: { 'example.com/team': 'web' } });
    const chart = new Chart(app, 'test', { namespace: 'web' });
    new StatefulWorkload(chart, 'web-server', base());
    app.synthYaml();
    const s = only(chart.toJson(), 'StatefulSet');
    expect(s.spec.template.metadata.annotations).toEqual({ 'example.com/team': 'web' });
    expect(s.spec.volumeClaimTemplates[0].metadata.annotations).toEqual({ 'example.com/team': 'web' });
    expect(sts(build()).spec.template.metadata.annotations).toBeUndefined();
  });

  test('parallel pods, OnDelete or a partition, DESTROY, grace period, gid, writable dirs', () => {
    const s = sts(build({
      podManagementPolicy: PodManagementPolicy.PARALLEL,
      updateStrategy: StatefulUpdateStrategy.rollingUpdate({ partition: 2 }),
      removalPolicy: RemovalPolicy.DESTROY,
      terminationGracePeriod: Duration.seconds(90),
      gid: 2000,
      writableDirs: ['/tmp', '/var/cache/nginx'],
    }));
    expect(s.spec.podManagementPolicy).toBe('Parallel');
    expect(s.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 2 } });
    expect(s.spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Delete', whenScaled: 'Delete' });
    const spec = s.spec.template.spec;
    expect(spec.terminationGracePeriodSeconds).toBe(90);
    expect(spec.securityContext).toMatchObject({ runAsUser: 101, runAsGroup: 2000, fsGroup: 2000 });
    expect(spec.containers[0].volumeMounts.map((m: any) => m.mountPath)).toEqual(['/usr/share/nginx/html', '/tmp', '/var/cache/nginx']);
    expect(spec.volumes.map((v: any) => v.name)).toEqual(['tmp', 'var-cache-nginx']);
    expect(sts(build({ updateStrategy: StatefulUpdateStrategy.onDelete() })).spec.updateStrategy).toEqual({ type: 'OnDelete' });
  });

  test('several claims and containers: each mount goes to the container named, with subPath and readOnly', () => {
    const objects = build({
      containers: [{ name: 'nginx', image: IMAGE, ports: [{ number: 8080, name: 'http' }] }, { name: 'sync', image: 'ghcr.io/example/sync:1.0.0', ports: [{ number: 9000 }] }],
      volumeClaimTemplates: [
        { name: 'www', size: Size.gibibytes(10), storageClass: exoscale() },
        { name: 'cache', size: Size.gibibytes(2), storageClass: exoscale(), accessMode: PersistentVolumeAccessMode.READ_WRITE_ONCE_POD },
      ],
      mounts: [
        { claim: 'www', path: '/usr/share/nginx/html', readOnly: true },
        { claim: 'www', path: '/srv/www', container: 'sync' },
        { claim: 'cache', path: '/var/cache/nginx', subPath: 'nginx' },
      ],
    });
    const [nginx, sync] = pod(objects).containers;
    expect(nginx.volumeMounts).toEqual([
      { mountPath: '/usr/share/nginx/html', name: 'www', readOnly: true },
      { mountPath: '/var/cache/nginx', name: 'cache', subPath: 'nginx' },
      { mountPath: '/tmp', name: 'tmp' },
    ]);
    expect(sync.volumeMounts).toEqual([{ mountPath: '/srv/www', name: 'www' }, { mountPath: '/tmp', name: 'tmp' }]);
    expect(sts(objects).spec.volumeClaimTemplates[1].spec.accessModes).toEqual(['ReadWriteOncePod']);
    // several ports: each Service port is named (given names kept)
    expect(only(objects.filter((o) => o.metadata.name === 'web-server'), 'Service').spec.ports.map((p: any) => p.name)).toEqual(['http', 'tcp-9000']);
  });

  test('a file storage class serves per-replica ReadWriteMany claims; the default class is used when none is given', () => {
    const objects = synth((chart) => {
      const nfs = new FileStorageClass(chart, 'nfs', { provisioner: FileProvisioner.nfs({ server: 'nfs.internal', share: '/exports' }) });
      new StatefulWorkload(chart, 'a', base({ volumeClaimTemplates: [{ name: 'www', size: Size.gibibytes(10), storageClass: nfs, accessMode: PersistentVolumeAccessMode.READ_WRITE_MANY }] }));
      new BlockStorageClass(chart, 'fast', { provisioner: BlockProvisioner.awsEbs(), isDefault: true });
      new StatefulWorkload(chart, 'b', base({ volumeClaimTemplates: [{ name: 'www', size: Size.gibibytes(10) }] }));
    }, { namespace: 'web' });
    const [a, b] = ofKind(objects, 'StatefulSet');
    expect(a.spec.volumeClaimTemplates[0].spec).toMatchObject({ accessModes: ['ReadWriteMany'], storageClassName: 'nfs' });
    expect(b.spec.volumeClaimTemplates[0].spec.storageClassName).toBeUndefined();
  });

  test('volumes mounted into its containers after construction reach the pods (a SharedRwxVolume)', () => {
    const objects = build({}, (w, chart) => {
      const shared = new SharedRwxVolume(chart, 'assets', {
        backend: SharedVolumeBackend.nfs({ server: 'nfs.internal', path: '/exports/assets' }), size: Size.gibibytes(5),
      });
      shared.mount(w.containers[0], '/srv/assets');
    });
    const spec = pod(objects);
    expect(spec.containers[0].volumeMounts.map((m: any) => m.mountPath)).toEqual(['/srv/assets', '/usr/share/nginx/html', '/tmp']);
    expect(spec.volumes.map((v: any) => Object.keys(v).sort().join('+'))).toEqual(['name+persistentVolumeClaim', 'emptyDir+name']);
    expect(checkRestricted(spec)).toEqual([]);
  });
});

describe('StatefulWorkload behind a WebRoute', () => {
  test('its client Service is a valid backend (not a database): the Ingress routes to it over TLS', () => {
    const objects = build({}, (w, chart) => {
      new WebRoute(chart, 'route', {
        output: RouteOutput.ingress(IngressController.traefik()),
        tls: TlsSource.certManagerClusterIssuer('letsencrypt-prod'),
        rules: [{ host: 'www.example.com', backend: RouteBackend.service(w.service!, { portName: 'http' }) }],
      });
    });
    const ing = ofKind(objects, 'Ingress').find((o) => o.spec.tls)!;
    expect(ing.spec.rules[0].http.paths[0].backend).toEqual({ service: { name: 'web-server', port: { name: 'http' } } });
    expect(ing.spec.tls[0].hosts).toEqual(['www.example.com']);
    expect(Validator.validate(objects).filter((f) => f.severity === 'error' || f.ruleId.startsWith('ING'))).toEqual([]);
  });

  test('on the Gateway API: the HTTPRoute\'s backendRef is the client Service and its port, no GWY finding', () => {
    const objects = build({}, (w, chart) => {
      new WebRoute(chart, 'route', {
        output: RouteOutput.gatewayApi({ gateway: GatewayRef.platform({ name: 'public', namespace: 'gateway-system' }) }),
        rules: [{ host: 'www.example.com', backend: RouteBackend.service(w.service!, { portName: 'http' }) }],
      });
    });
    const routes = objects.filter((o) => o.kind === 'HTTPRoute');
    const served = routes.find((r) => r.spec.rules.some((rule: any) => rule.backendRefs))!;
    expect(served.spec.hostnames).toEqual(['www.example.com']);
    expect(served.spec.rules[0].backendRefs).toEqual([expect.objectContaining({ name: 'web-server', port: 8080 })]);
    expect(Validator.validate(objects).filter((f) => f.severity === 'error' || f.ruleId.startsWith('GWY'))).toEqual([]);
  });
});

describe('StatefulWorkload in the lock file, like a database StatefulSet', () => {
  const lock = DeployLock.compute(build());
  const locked = lock.objects.find((o) => o.kind === 'StatefulSet')!;

  test('selector, serviceName, podManagementPolicy and every claim template are locked', () => {
    expect(locked.fields).toMatchObject({
      'selector': 'app.kubernetes.io/instance=web-server,app.kubernetes.io/name=web-server',
      'serviceName': 'web-server-headless',
      'podManagementPolicy': 'OrderedReady',
      'volumeClaimTemplates': 'www',
      'volumeClaimTemplates[www].storage': '10Gi',
      'volumeClaimTemplates[www].storageClassName': 'exoscale-block-storage',
      'volumeClaimTemplates[www].accessModes': 'ReadWriteOnce',
    });
  });

  test('changes the cluster refuses are reported: claim size, class, access mode, pod management', () => {
    const changed = build({
      podManagementPolicy: PodManagementPolicy.PARALLEL,
      volumeClaimTemplates: [{ name: 'www', size: Size.gibibytes(20), storageClass: ExistingStorageClass.fromName('fast', StorageSystemId.EXOSCALE_BLOCK_STORAGE), accessMode: PersistentVolumeAccessMode.READ_WRITE_ONCE_POD }],
    });
    const fields = DeployLock.compare(lock, changed).filter((v) => v.kind === 'StatefulSet' && v.severity === 'error').map((v) => `${v.field}: ${v.oldValue} -> ${v.newValue}`);
    expect(fields).toEqual(expect.arrayContaining([
      'podManagementPolicy: OrderedReady -> Parallel',
      'volumeClaimTemplates[www].storage: 10Gi -> 20Gi',
      'volumeClaimTemplates[www].storageClassName: exoscale-block-storage -> fast',
      'volumeClaimTemplates[www].accessModes: ReadWriteOnce -> ReadWriteOncePod',
    ]));
  });
});

describe('StatefulWorkload refusals: construct path, prop, value, fix', () => {
  test('a size the class cannot serve (not whole GiB on Exoscale; above its maximum)', () => {
    expect(refusal({ volumeClaimTemplates: [{ name: 'www', size: Size.mebibytes(1500), storageClass: exoscale() }] })).toContain(
      'test/web-server: volumeClaimTemplates[0].size 1500Mi is not a whole number of GiB, which csi.exoscale.com requires. Use Size.gibibytes(2).');
    expect(refusal({ volumeClaimTemplates: [{ name: 'www', size: Size.tebibytes(20), storageClass: exoscale() }] })).toMatch(
      /volumeClaimTemplates\[0\]\.size 20Ti is above the \d+ GiB maximum of Exoscale Block Storage\. Use at most Size\.gibibytes\(\d+\)\./);
  });

  test('an access mode the class cannot serve', () => {
    const nfsOnly = ExistingStorageClass.fromName('efs', StorageSystemId.AWS_EFS);
    expect(refusal({ volumeClaimTemplates: [{ name: 'www', size: Size.gibibytes(10), storageClass: nfsOnly, accessMode: PersistentVolumeAccessMode.READ_WRITE_ONCE_POD }] }))
      .toMatch(/test\/web-server: volumeClaimTemplates\[0\]\.accessMode "ReadWriteOncePod" is not supported by Amazon EFS \(class efs\)\. Use one of: /);
  });

  test('ReadWriteMany claim templates on block storage, pointing at SharedRwxVolume', () => {
    expect(refusal({ volumeClaimTemplates: [{ name: 'www', size: Size.gibibytes(10), storageClass: exoscale(), accessMode: PersistentVolumeAccessMode.READ_WRITE_MANY }] })).toContain(
      'test/web-server: volumeClaimTemplates[0].accessMode "ReadWriteMany" is refused on Exoscale Block Storage (class exoscale-block-storage), block storage: a claim template gives each replica its own volume, and a block volume attaches to one node at a time. '
      + 'Use PersistentVolumeAccessMode.READ_WRITE_ONCE for per-replica data; for one volume every replica shares, use a SharedRwxVolume on a file storage class and mount it with mountInWorkload (or mount(container, path)).');
  });

  test('ReadOnlyMany claim templates anywhere (an empty volume nobody can write)', () => {
    const nfs = ExistingStorageClass.fromName('nfs', StorageSystemId.NFS);
    expect(refusal({ volumeClaimTemplates: [{ name: 'www', size: Size.gibibytes(10), storageClass: nfs, accessMode: PersistentVolumeAccessMode.READ_ONLY_MANY }] })).toContain(
      'volumeClaimTemplates[0].accessMode "ReadOnlyMany" is refused for a claim template: each replica would get a new, empty volume it cannot write.');
  });

  test('a zonal class that binds Immediately for several replicas', () => {
    const immediate = ExistingStorageClass.fromName('gp3-now', StorageSystemId.AWS_EBS, { volumeBindingMode: VolumeBindingMode.IMMEDIATE });
    expect(refusal({ volumeClaimTemplates: [{ name: 'www', size: Size.gibibytes(10), storageClass: immediate }] })).toContain(
      'volumeClaimTemplates[0].storageClass "gp3-now" binds Immediately but Amazon EBS volumes are zonal');
  });

  test('a mount path that no claim provides, and a claim no container mounts', () => {
    expect(refusal({ mounts: [{ claim: 'wwww', path: '/usr/share/nginx/html' }] })).toBe([
      '2 problems in the configuration:',
      '  test/web-server: mounts[0].claim "wwww" is not a claim template of this workload, so no claim provides mount path "/usr/share/nginx/html" (claim templates: www). Name a claim template in claim, or add it to volumeClaimTemplates.',
      '  test/web-server: volumeClaimTemplates[0] "www" is mounted by no container: every replica would get a volume nothing uses. Add mounts: [{ claim: \'www\', path: \'/data\' }], or remove the claim template.',
    ].join('\n'));
  });

  test('mounts into a container that does not exist, at a relative or taken path', () => {
    const message = refusal({ mounts: [{ claim: 'www', path: 'html', container: 'web' }, { claim: 'www', path: '/a' }, { claim: 'www', path: '/a' }] });
    expect(message).toContain('mounts[0].container "web" is not a container of this workload (containers: nginx). Name one of the containers, or leave container out for the first.');
    expect(message).toContain('mounts[0].path "html" is not an absolute path');
    expect(message).toContain('mounts[2].path "/a" is already a mount path of container nginx. Mount each path once per container.');
  });

  test('replicas below 1 (and not whole)', () => {
    expect(refusal({ replicas: 0 })).toContain(
      'test/web-server: replicas 0 must be a whole number of at least 1 (0 replicas is a stopped workload: scale it with kubectl, not in the definition). Use replicas: 1 or more.');
    expect(refusal({ replicas: 1.5 })).toContain('replicas 1.5 must be a whole number of at least 1');
  });

  test('an image that needs root: uid or gid 0, or a container that runs as root', () => {
    expect(refusal({ uid: 0 })).toContain(
      'test/web-server: uid 0 is root: Pod Security "restricted" refuses pods that run as root, and an image that needs root cannot be hardened. '
      + 'Use an image built to run as a non-root user (e.g. docker.io/nginxinc/nginx-unprivileged instead of nginx) and pass its uid and gid.');
    expect(refusal({ gid: 0 })).toContain('test/web-server: gid 0 is root');
    expect(refusal({ containers: [{ name: 'nginx', image: IMAGE, ports: [{ number: 8080, name: 'http' }], securityContext: { user: 0, privileged: true } }] })).toContain(
      'containers[0] securityContext.user 0 is root: Pod Security "restricted" refuses containers that run as root.');
  });

  test('unpinned images, no containers, duplicate names, a partition above replicas, odd values from JavaScript', () => {
    expect(refusal({ containers: [{ name: 'nginx', image: 'nginx' }] })).toContain('containers[0].image "nginx" is not pinned');
    expect(refusal({ containers: [{ name: 'nginx', image: 'nginx:latest' }] })).toContain('containers[0].image "nginx:latest" is not pinned');
    expect(refusal({ containers: [] })).toContain('containers [] must list at least one container');
    expect(refusal({ containers: [{ image: IMAGE }, { image: IMAGE }], mounts: [], volumeClaimTemplates: [] })).toContain('containers[1].name "main" is the name of another container');
    expect(refusal({ updateStrategy: StatefulUpdateStrategy.rollingUpdate({ partition: 4 }) })).toContain(
      'updateStrategy.partition 4 is greater than replicas (3), so no pod would ever be updated. Use a partition between 0 and 3');
    expect(refusal({ podManagementPolicy: 'Random' as any })).toContain('podManagementPolicy "Random" is not a PodManagementPolicy');
    expect(refusal({ removalPolicy: 'delete' as any })).toContain('removalPolicy "delete" is not a RemovalPolicy');
    expect(refusal({ clientService: true, containers: [{ name: 'nginx', image: IMAGE }] })).toContain('clientService true needs a container port, and no container declares one');
    expect(refusal({ volumeClaimTemplates: [{ name: 'www', size: '10Gi' as any, storageClass: exoscale() }] })).toContain('volumeClaimTemplates[0].size "10Gi" is required');
    expect(errorOf((chart) => new StatefulWorkload(chart, 'x', undefined as any))).toBe(
      'invalid configuration:\n  test/x: props (not set) are required. Pass at least { containers: [{ image }], uid }.');
  });

  // each refusal whole: construct path, prop, value, problem and fix (mutation testing found the fixes and several
  // refusals unchecked)
  test.each<[string, any, string[]]>([
    ['a name that is no DNS label', { name: 'Web_Server' }, ['name "Web_Server" is not a valid StatefulSet name (lower-case DNS label of at most 52 characters, so the StatefulSet\'s revision label fits). Use e.g. "web-server".']],
    ['a name one character too long for the revision label', { name: 'a'.repeat(53) }, [`name "${'a'.repeat(53)}" is not a valid StatefulSet name`]],
    ['a container that is not an object', { containers: ['nginx'] }, ['containers[0] "nginx" is not a container (ContainerProps). Use e.g. { name: \'web\', image: \'registry/app:1.2.3\' }.']],
    ['a container name that is no DNS label', { containers: [{ name: 'Nginx', image: IMAGE, ports: [{ number: 8080, name: 'http' }] }] }, ['containers[0].name "Nginx" is not a container name (DNS label). Use e.g. "web".']],
    ['an image with a space', { containers: [{ name: 'nginx', image: 'nginx 1.27' }] }, ['containers[0].image "nginx 1.27" is not an image reference. Use e.g. "docker.io/nginxinc/nginx-unprivileged:1.27.3-alpine".']],
    ['a registry port is no tag', { containers: [{ name: 'nginx', image: 'registry.local:5000/nginx' }] },
      ['containers[0].image "registry.local:5000/nginx" is not pinned (no tag, or latest, pulls whatever was pushed last: replicas can run different code and a rollback is impossible). Pin a version, e.g. "<repository>:1.2.3", or a digest.']],
    ['an empty tag', { containers: [{ name: 'nginx', image: 'nginx:' }] }, ['containers[0].image "nginx:" is not pinned']],
    ['claim templates that are not a list', { volumeClaimTemplates: { name: 'www' }, mounts: [] }, ['volumeClaimTemplates {"name":"www"} is not a list of claim templates. Use e.g. [{ name: \'data\', size: Size.gibibytes(10) }].']],
    ['a claim template that is not an object', { volumeClaimTemplates: ['www'], mounts: [] }, ['volumeClaimTemplates[0] "www" is not a claim template. Use e.g. { name: \'data\', size: Size.gibibytes(10) }.']],
    ['a claim template name that is no DNS label', { volumeClaimTemplates: [{ name: 'WWW', size: Size.gibibytes(1), storageClass: exoscale() }], mounts: [{ claim: 'WWW', path: '/data' }] },
      ['volumeClaimTemplates[0].name "WWW" is not a claim template name (DNS label). Use e.g. "data".']],
    ['two claim templates of one name', { volumeClaimTemplates: [{ name: 'www', size: Size.gibibytes(1), storageClass: exoscale() }, { name: 'www', size: Size.gibibytes(1), storageClass: exoscale() }] },
      ['volumeClaimTemplates[1].name "www" is the name of another claim template. Give every claim template its own name.']],
    ['a class name where a class belongs', { volumeClaimTemplates: [{ name: 'www', size: Size.gibibytes(1), storageClass: 'exoscale-block-storage' }] },
      ['volumeClaimTemplates[0].storageClass "exoscale-block-storage" is not a storage class. Pass a BlockStorageClass, a FileStorageClass or an ExistingStorageClass, e.g. ExistingStorageClass.exoscaleBlockStorage().']],
    ['mounts that are not a list (and so a claim nothing mounts)', { mounts: { claim: 'www' } }, [
      'mounts {"claim":"www"} is not a list of mounts. Use e.g. [{ claim: \'data\', path: \'/data\' }].',
      'volumeClaimTemplates[0] "www" is mounted by no container: every replica would get a volume nothing uses. Add mounts: [{ claim: \'www\', path: \'/data\' }], or remove the claim template.',
    ]],
    ['a mount that is not an object', { mounts: ['www', { claim: 'www', path: '/data' }] }, ['mounts[0] "www" is not a mount. Use e.g. { claim: \'data\', path: \'/data\' }.']],
    ['a mount of a claim that does not exist', { mounts: [{ claim: 'www', path: '/data' }, { claim: 'cache', path: '/cache' }] },
      ['mounts[1].claim "cache" is not a claim template of this workload, so no claim provides mount path "/cache" (claim templates: www). Name a claim template in claim, or add it to volumeClaimTemplates.']],
    ['subPaths that leave the volume', { mounts: [{ claim: 'www', path: '/a', subPath: '/abs' }, { claim: 'www', path: '/b', subPath: 'x/../y' }, { claim: 'www', path: '/c', subPath: 7 }] }, [
      'mounts[0].subPath "/abs" is not a relative path inside the volume. Use e.g. \'html\'.',
      'mounts[1].subPath "x/../y" is not a relative path inside the volume.',
      'mounts[2].subPath 7 is not a relative path inside the volume.',
    ]],
    ['readOnly that is not a boolean', { mounts: [{ claim: 'www', path: '/a', readOnly: 'yes' }] }, ['mounts[0].readOnly "yes" is not a boolean. Use true or leave it out.']],
    ['clientService that is not a boolean', { clientService: 'yes' }, ['clientService "yes" is not a boolean. Use true, false or leave it out.']],
    ['an update strategy by name', { updateStrategy: 'OnDelete' }, ['updateStrategy "OnDelete" is not a StatefulUpdateStrategy. Use StatefulUpdateStrategy.rollingUpdate({ partition }) or StatefulUpdateStrategy.onDelete().']],
    ['a negative partition', { updateStrategy: StatefulUpdateStrategy.rollingUpdate({ partition: -1 }) }, ['updateStrategy.partition -1 must be a whole number of at least 0. Use e.g. rollingUpdate({ partition: 2 }).']],
    ['a grace period that is a number', { terminationGracePeriod: 30 }, ['terminationGracePeriod 30 is not a Duration of whole seconds. Use e.g. Duration.seconds(30).']],
    // cdk8s's own toSeconds() throws on this one: the library's error instead
    ['a grace period of 1.5 s', { terminationGracePeriod: Duration.millis(1500) }, ['terminationGracePeriod Duration.millis(1500) is not a Duration of whole seconds. Use e.g. Duration.seconds(30).']],
    // cdk8s refuses negative Durations itself; one from JavaScript reaches the library
    ['a negative grace period', { terminationGracePeriod: { toSeconds: () => -5, toMilliseconds: () => -5000, toHumanString: () => '-5s' } as any }, ['terminationGracePeriod Duration.millis(-5000) is not a Duration of whole seconds. Use e.g. Duration.seconds(30).']],
    ['an empty image', { containers: [{ name: 'nginx', image: '' }] }, ['containers[0].image "" is not an image reference. Use e.g. "docker.io/nginxinc/nginx-unprivileged:1.27.3-alpine".']],
    ['no containers', { containers: [], mounts: [] }, [
      'containers [] must list at least one container. Use e.g. containers: [{ name: \'web\', image: \'docker.io/nginxinc/nginx-unprivileged:1.27.3-alpine\', portNumber: 8080 }].',
      'volumeClaimTemplates[0] "www" is mounted by no container: every replica would get a volume nothing uses. Add mounts: [{ claim: \'www\', path: \'/data\' }], or remove the claim template.',
    ]],
    ['two unnamed containers', { containers: [{ image: IMAGE }, { image: IMAGE }], mounts: [], volumeClaimTemplates: [] },
      ['containers[1].name "main" is the name of another container (cdk8s-plus names unnamed containers "main"). Give every container its own name.']],
    ['container props cdk8s-plus refuses (named, and unnamed)', { containers: [{ name: 'nginx', image: IMAGE, port: 8080, portNumber: 8080 }, { image: IMAGE, ports: [{ number: 80 }, { number: 80 }] }] as any }, [
      'containers[0] "nginx" is refused by cdk8s-plus: Either \'port\' or \'portNumber\' is allowed. Use \'portNumber\' since \'port\' is deprecated. Fix the container props as the message says.',
      'containers[1] "(unnamed)" is refused by cdk8s-plus: Port with number 80 and protocol TCP already exists. Fix the container props as the message says.',
    ]],
    ['a claim template without a size', { volumeClaimTemplates: [{ name: 'www', storageClass: exoscale() }] as any },
      ['volumeClaimTemplates[0].size (not set) is required. Set size: Size.gibibytes(10).']],
    ['mounts of claims when there are no claim templates', { volumeClaimTemplates: [], mounts: [{ claim: 'www', path: '/data' }] },
      ['mounts[0].claim "www" is not a claim template of this workload, so no claim provides mount path "/data" (claim templates: none). Name a claim template in claim, or add it to volumeClaimTemplates.']],
    ['a mount into a named container when no container is valid', { containers: ['nginx'] as any, mounts: [{ claim: 'www', path: '/data', container: 'nginx' }] }, [
      'containers[0] "nginx" is not a container (ContainerProps).',
      'mounts[0].container "nginx" is not a container of this workload (containers: none). Name one of the containers, or leave container out for the first.',
    ]],
    ['a relative mount path', { mounts: [{ claim: 'www', path: 'data' }] },
      ['mounts[0].path "data" is not an absolute path (like /data, without //, /./, /../ or a trailing /; not / itself). Use e.g. \'/data\'.']],
    ['a client Service and no port', { clientService: true, containers: [{ name: 'nginx', image: IMAGE }] },
      ['clientService true needs a container port, and no container declares one. Declare the port on the container (ports: [{ number: 8080, name: \'http\' }]), or leave clientService out.']],
    ['a pod management policy by another name', { podManagementPolicy: 'Random' as any },
      ['podManagementPolicy "Random" is not a PodManagementPolicy. Use PodManagementPolicy.ORDERED_READY or PodManagementPolicy.PARALLEL.']],
    ['a removal policy by another name', { removalPolicy: 'delete' as any },
      ['removalPolicy "delete" is not a RemovalPolicy. Remove it (claims are retained), or use RemovalPolicy.DESTROY for throw-away data.']],
    ['replicas as text', { replicas: '3' as any }, ['replicas "3" must be a whole number of at least 1']],
  ])('%s', (_what, extra, expected) => {
    const message = refusal(extra);
    for (const line of expected) expect(message).toContain(`test/web-server: ${line}`);
    expect(message.split('\n').filter((l) => l.startsWith('  test/'))).toHaveLength(expected.length);
  });

  test('what is accepted next to the refusals: a name of 52 characters, a digest, a registry port with a tag', () => {
    expect(sts(build({ name: 'a'.repeat(52) })).metadata.name).toBe('a'.repeat(52));
    const digest = `docker.io/nginxinc/nginx-unprivileged@sha256:${'a'.repeat(64)}`;
    expect(pod(build({ containers: [{ name: 'nginx', image: digest, ports: [{ number: 8080, name: 'http' }] }] })).containers[0].image).toBe(digest);
    expect(pod(build({ containers: [{ name: 'nginx', image: 'registry.local:5000/nginx:1.27.3', ports: [{ number: 8080, name: 'http' }] }] })).containers[0].image).toBe('registry.local:5000/nginx:1.27.3');
    expect(pod(build({ terminationGracePeriod: Duration.minutes(2) })).terminationGracePeriodSeconds).toBe(120);
    expect(pod(build({ terminationGracePeriod: Duration.seconds(0) })).terminationGracePeriodSeconds).toBe(0);
    // an image with no registry or path: the tag is after its colon
    expect(pod(build({ containers: [{ name: 'nginx', image: 'nginx:1.27.3', ports: [{ number: 8080, name: 'http' }] }] })).containers[0].image).toBe('nginx:1.27.3');
  });

  test('no storage class and no default class in the app', () => {
    expect(refusal({ volumeClaimTemplates: [{ name: 'www', size: Size.gibibytes(10) }] })).toBe([
      'invalid configuration:',
      '  test/web-server: volumeClaimTemplates[0].storageClass (not set) is not set, and the app has no default StorageClass. '
      + 'Set storageClass (e.g. ExistingStorageClass.exoscaleBlockStorage()), or declare a default BlockStorageClass (isDefault: true) before the workload.',
    ].join('\n'));
  });
});

describe('examples/exoscale-web-server', () => {
  /**
   * The example's YAML, synthesized inside the test that reads it (not in beforeAll: code run outside a test is
   * "static" to the mutation tester, docs/mutation.md).
   */
  function exampleYaml(): string {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'exoscale-web-server-'));
    try {
      process.env.CDK8S_OUTDIR = outdir;
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the example is an app that synthesizes when loaded
        require('../../examples/exoscale-web-server/main');
      });
      return fs.readFileSync(path.join(outdir, 'exoscale-web-server.k8s.yaml'), 'utf8');
    } finally {
      delete process.env.CDK8S_OUTDIR;
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  }

  test('the seed scenario\'s names: StatefulSet web-server, 3 replicas, claim www of 10Gi on exoscale-block-storage, over TLS', () => {
    const objects = parseAllDocuments(exampleYaml()).map((d) => d.toJS());
    const s = only(objects, 'StatefulSet');
    expect(s.metadata.name).toBe('web-server');
    expect(s.spec.replicas).toBe(3);
    expect(s.spec.volumeClaimTemplates[0].metadata.name).toBe('www');
    expect(s.spec.volumeClaimTemplates[0].spec).toMatchObject({ storageClassName: 'exoscale-block-storage', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } });
    expect(s.spec.template.spec.containers[0].image).toMatch(/^docker\.io\/nginxinc\/nginx-unprivileged:\d+\.\d+\.\d+/);
    expect(ofKind(objects, 'Ingress').find((o) => o.metadata.name === 'web-server')!.spec.tls).toEqual([{ hosts: ['www.example.com'], secretName: 'web-server-tls' }]);
  });

  test('every pod passes the full validator and Pod Security "restricted"', () => {
    const objects = parseAllDocuments(exampleYaml()).map((d) => d.toJS());
    expect(Validator.validate(objects).filter((f) => f.severity === 'error')).toEqual([]);
    const pods = objects.filter((o) => o.kind === 'StatefulSet');
    expect(pods).toHaveLength(1);
    for (const o of pods) expect(checkRestricted(o.spec.template.spec, o.spec.template.metadata)).toEqual([]);
  });

  test('snapshot', () => {
    expect(exampleYaml()).toMatchSnapshot();
  });
});
