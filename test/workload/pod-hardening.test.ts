/**
 * PodHardening (issue 16): one call hardens any cdk8s-plus-27 workload to Pod Security "restricted" (seccomp,
 * capabilities, non-root uid/gid, no escalation, read-only root with emptyDirs, no token), for every workload kind,
 * containers added later included, and the validator holds the pods to it. Every refusal with its message.
 */
import { ApiObject, App, Chart, Cron, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { PodHardening, PodHardeningOptions, SharedRwxVolume, SharedVolumeBackend, Validator, Warnings } from '../../src';
import { checkRestricted, findPodSpecsInJson } from '../../src/validation/pod-spec';
import { errorOf, only, synth } from '../util';

const IMAGE = 'docker.io/nginxinc/nginx-unprivileged:1.27.3-alpine';
const containers = (): kplus.ContainerProps[] => [{ name: 'web', image: IMAGE, portNumber: 8080 }];

/** Every kind cdk8s-plus-27 builds pods for, with the path of its pod spec. */
const KINDS: Array<[string, (chart: Chart) => kplus.AbstractPod, string]> = [
  ['Deployment', (c) => new kplus.Deployment(c, 'w', { containers: containers() }), 'spec.template.spec'],
  ['StatefulSet', (c) => new kplus.StatefulSet(c, 'w', { containers: containers() }), 'spec.template.spec'],
  ['DaemonSet', (c) => new kplus.DaemonSet(c, 'w', { containers: containers() }), 'spec.template.spec'],
  ['Job', (c) => new kplus.Job(c, 'w', { containers: containers() }), 'spec.template.spec'],
  ['CronJob', (c) => new kplus.CronJob(c, 'w', { containers: containers(), schedule: Cron.daily() }), 'spec.jobTemplate.spec.template.spec'],
  ['Pod', (c) => new kplus.Pod(c, 'w', { containers: containers() }), 'spec'],
];

function hardened(kind: (chart: Chart) => kplus.AbstractPod, options: PodHardeningOptions = { uid: 101 }, then?: (w: kplus.AbstractPod) => void): any {
  const objects = synth((chart) => {
    const w = kind(chart);
    PodHardening.apply(w, options);
    then?.(w);
  });
  const pods = findPodSpecsInJson(objects);
  expect(pods).toHaveLength(1);
  return pods[0];
}

describe('PodHardening.apply', () => {
  test.each(KINDS)('%s: restricted, labelled, no token, /tmp writable', (kindName, kind, specPath) => {
    const p = hardened(kind);
    expect(p.owner.kind).toBe(kindName);
    expect(p.path).toBe(specPath);
    expect(checkRestricted(p.spec, p.metadata)).toEqual([]);
    expect(p.labels['golden-paths.dev/pod-security']).toBe('restricted');
    expect(p.spec.automountServiceAccountToken).toBe(false);
    expect(p.spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 101, runAsGroup: 101, fsGroup: 101, seccompProfile: { type: 'RuntimeDefault' } });
    expect(p.spec.containers[0].securityContext).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsGroup: 101,
      runAsNonRoot: true,
      runAsUser: 101,
    });
    expect(p.spec.containers[0].volumeMounts).toEqual([{ mountPath: '/tmp', name: 'tmp' }]);
    expect(p.spec.volumes).toEqual([{ emptyDir: {}, name: 'tmp' }]);
  });

  test('the same workload without hardening is not restricted (what the call fixes)', () => {
    const objects = synth((chart) => new kplus.Deployment(chart, 'w', { containers: containers() }));
    expect(checkRestricted(findPodSpecsInJson(objects)[0].spec)).toEqual([
      'container web: seccompProfile is not set (set type RuntimeDefault in the pod or container securityContext)',
      'container web: securityContext.capabilities.drop does not include ALL',
    ]);
  });

  test('options as given: gid, writable dirs, token; containers, init containers and volumes added later are hardened too', () => {
    const p = hardened(KINDS[0][1], { uid: 1000, gid: 2000, writableDirs: ['/tmp', '/var/cache/nginx'], automountServiceAccountToken: true }, (w) => {
      w.addContainer({ name: 'sidecar', image: 'ghcr.io/example/sidecar:1.0.0', securityContext: { user: 3000 } });
      w.addInitContainer({ name: 'init', image: 'ghcr.io/example/init:1.0.0' });
      const shared = new SharedRwxVolume(w, 'assets', { backend: SharedVolumeBackend.nfs({ server: 'nfs.internal', path: '/exports' }), size: Size.gibibytes(1) });
      shared.mountInWorkload(w, '/srv/assets');
    });
    expect(checkRestricted(p.spec, p.metadata)).toEqual([]);
    expect(p.spec.automountServiceAccountToken).toBe(true);
    expect(p.spec.securityContext).toMatchObject({ runAsUser: 1000, runAsGroup: 2000, fsGroup: 2000 });
    const [web, sidecar] = p.spec.containers;
    expect(web.volumeMounts.map((m: any) => m.mountPath)).toEqual(['/srv/assets', '/tmp', '/var/cache/nginx']);
    expect(sidecar.securityContext).toMatchObject({ runAsUser: 3000, runAsGroup: 2000, capabilities: { drop: ['ALL'] } });
    expect(p.spec.initContainers[0].securityContext).toMatchObject({ runAsUser: 1000, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    expect(p.spec.volumes.map((v: any) => v.name)).toEqual([expect.stringMatching(/assets/), 'tmp', 'var-cache-nginx']);
  });

  test('keeps what restricted allows: its own mount at a writable dir, NET_BIND_SERVICE (as Kubernetes spells it), a Localhost seccomp profile', () => {
    const p = hardened((c) => new kplus.Deployment(c, 'w', {
      containers: [{
        name: 'web',
        image: IMAGE,
        securityContext: { capabilities: { add: [kplus.Capability.NET_BIND_SERVICE] } },
        volumeMounts: [{ path: '/tmp', volume: kplus.Volume.fromEmptyDir(c, 'scratch', 'scratch') }],
      }],
    }));
    expect(p.spec.containers[0].securityContext.capabilities).toEqual({ add: ['NET_BIND_SERVICE'], drop: ['ALL'] });
    expect(p.spec.containers[0].volumeMounts).toEqual([{ mountPath: '/tmp', name: 'scratch' }]);
    expect(p.spec.volumes).toEqual([{ emptyDir: {}, name: 'scratch' }]);
    expect(checkRestricted(p.spec, p.metadata)).toEqual([]);
  });

  test('a writable dir whose volume name is taken gets another one', () => {
    const p = hardened((c) => new kplus.Deployment(c, 'w', {
      containers: [{ name: 'web', image: IMAGE, volumeMounts: [{ path: '/data', volume: kplus.Volume.fromEmptyDir(c, 'v', 'tmp') }] }],
    }));
    expect(p.spec.volumes.map((v: any) => v.name)).toEqual(['tmp', 'tmp-2']);
    expect(p.spec.containers[0].volumeMounts).toEqual([{ mountPath: '/data', name: 'tmp' }, { mountPath: '/tmp', name: 'tmp-2' }]);
  });

  test('the validator holds a hardened workload to restricted at synth (SEC-010): a root container added later fails', () => {
    const message = errorOf((chart) => {
      const w = new kplus.Deployment(chart, 'w', { containers: containers() });
      PodHardening.apply(w, { uid: 101 });
      w.addContainer({ name: 'root', image: IMAGE, securityContext: { user: 0 } });
    });
    expect(message).toContain('[test/w] SEC-010 Deployment/');
    expect(message).toContain('container root: securityContext.runAsUser is 0 (root)');
  });

  test('no warning from the validator for a well-formed hardened workload, and no error', () => {
    const app = new App();
    Warnings.of(app).sink = Warnings.SILENT;
    const chart = new Chart(app, 'test');
    const w = new kplus.Deployment(chart, 'w', {
      containers: [{ name: 'web', image: IMAGE, portNumber: 8080, resources: { cpu: { request: kplus.Cpu.millis(100), limit: kplus.Cpu.millis(200) }, memory: { request: Size.mebibytes(64), limit: Size.mebibytes(64) } } }],
    });
    PodHardening.apply(w, { uid: 101 });
    app.synthYaml();
    const objects = chart.toJson();
    expect(Validator.validate(objects).filter((f) => f.severity === 'error')).toEqual([]);
    expect(only(objects, 'Deployment').spec.template.metadata.labels['golden-paths.dev/pod-security']).toBe('restricted');
  });
});

describe('PodHardening refusals', () => {
  const refusal = (options: any, props: Partial<kplus.DeploymentProps> = {}, first?: (w: kplus.Deployment) => void) => errorOf((chart) => {
    const w = new kplus.Deployment(chart, 'w', { containers: containers(), ...props });
    first?.(w);
    PodHardening.apply(w, options);
  });

  test('uid 0: an image that needs root', () => {
    expect(refusal({ uid: 0 })).toBe([
      'invalid configuration:',
      '  test/w: uid 0 is root: Pod Security "restricted" refuses pods that run as root, and an image that needs root cannot be hardened. '
      + 'Use an image built to run as a non-root user (e.g. docker.io/nginxinc/nginx-unprivileged instead of nginx) and pass its uid and gid.',
    ].join('\n'));
    expect(refusal({ uid: 101, gid: 0 })).toContain('test/w: gid 0 is root');
  });

  test('ids that are not ids, options missing, a token asked for with a non-boolean', () => {
    expect(refusal({ uid: -1 })).toContain('test/w: uid -1 is not a user or group id (a whole number from 1 to 2147483647)');
    expect(refusal({ uid: '101' })).toContain('test/w: uid "101" is not a user or group id');
    expect(refusal(undefined)).toContain('test/w: options (not set) is required. Pass at least the image\'s uid, e.g. { uid: 101 }.');
    expect(refusal({ uid: 101, automountServiceAccountToken: 'yes' })).toContain('test/w: automountServiceAccountToken "yes" is not a boolean');
  });

  test('writable dirs that are not absolute directories, or named twice', () => {
    const message = refusal({ uid: 101, writableDirs: ['tmp', '/', '/a/../b', '/x/', '/tmp', '/tmp'] });
    for (const i of [0, 1, 2, 3]) expect(message).toContain(`writableDirs[${i}]`);
    expect(message).toContain('writableDirs[0] "tmp" is not an absolute directory (a path like /tmp, without //, /./, /../ or a trailing /; not / itself)');
    expect(message).toContain('writableDirs[5] "/tmp" is named twice. Name each directory once.');
    expect(refusal({ uid: 101, writableDirs: '/tmp' })).toContain('writableDirs "/tmp" is not a list of directories');
  });

  // every refusal whole, fix included, and nothing else (mutation testing found the fixes unchecked)
  test('every contradiction at once, each with its fix; NET_BIND_SERVICE and init containers judged like containers', () => {
    const message = refusal({ uid: 101 }, {
      securityContext: { user: 1000, group: 1000, ensureNonRoot: false },
      hostNetwork: true,
      automountServiceAccountToken: true,
      containers: [{
        name: 'web',
        image: IMAGE,
        securityContext: {
          user: 0,
          privileged: true,
          allowPrivilegeEscalation: true,
          readOnlyRootFilesystem: false,
          capabilities: { add: [kplus.Capability.SYS_ADMIN, kplus.Capability.NET_BIND_SERVICE] },
        },
      }],
      initContainers: [{ name: 'init', image: IMAGE, securityContext: { privileged: true } }],
    });
    expect(message).toBe([
      '11 problems in the configuration:',
      '  test/w: uid 101 differs from the workload\'s securityContext.user (1000). Pass the uid the image runs as and leave securityContext.user out (or set both to the same id).',
      '  test/w: gid 101 differs from the workload\'s securityContext.group (1000). Pass the gid the image runs as and leave securityContext.group out (or set both to the same id).',
      '  test/w: workload securityContext.ensureNonRoot false contradicts Pod Security "restricted". Remove it.',
      '  test/w: workload hostNetwork true is not allowed under Pod Security "restricted". Remove hostNetwork; expose the pod through a Service.',
      '  test/w: workload automountServiceAccountToken true mounts a service-account token, but the hardening does not ask for one. Pass automountServiceAccountToken: true to PodHardening.apply if the pod calls the Kubernetes API; else remove it from the workload.',
      '  test/w: workload containers web securityContext.user 0 is root: Pod Security "restricted" refuses containers that run as root. Use an image that runs as a non-root user and remove user: 0.',
      '  test/w: workload containers web securityContext.privileged true contradicts Pod Security "restricted". Remove it.',
      '  test/w: workload containers web securityContext.allowPrivilegeEscalation true contradicts Pod Security "restricted". Remove it.',
      '  test/w: workload containers web securityContext.readOnlyRootFilesystem false contradicts the hardening (the root file system is read-only). Remove it and name the directories the container writes in writableDirs.',
      '  test/w: workload containers web securityContext.capabilities.add ["CAP_SYS_ADMIN"] is not allowed under Pod Security "restricted" (only NET_BIND_SERVICE). Remove them; listen on a port above 1024 instead of adding capabilities.',
      '  test/w: workload initContainers init securityContext.privileged true contradicts Pod Security "restricted". Remove it.',
    ].join('\n'));
  });

  test('ids out of range, every kind of bad directory, a token flag that is no boolean: all at once, with fixes', () => {
    const dirProblem = 'is not an absolute directory (a path like /tmp, without //, /./, /../ or a trailing /; not / itself). Use e.g. \'/tmp\' or \'/var/cache/nginx\'.';
    const idFix = 'Use the id the image runs as, e.g. 101 for nginxinc/nginx-unprivileged (docker run --rm --entrypoint id <image>).';
    expect(refusal({ uid: -1, gid: 2147483648, writableDirs: ['tmp', '/', '/a/../b', '/x/', '/tmp', '/tmp', '/a/.', 7], automountServiceAccountToken: 'yes' })).toBe([
      '10 problems in the configuration:',
      `  test/w: uid -1 is not a user or group id (a whole number from 1 to 2147483647). ${idFix}`,
      `  test/w: gid 2147483648 is not a user or group id (a whole number from 1 to 2147483647). ${idFix}`,
      `  test/w: writableDirs[0] "tmp" ${dirProblem}`,
      `  test/w: writableDirs[1] "/" ${dirProblem}`,
      `  test/w: writableDirs[2] "/a/../b" ${dirProblem}`,
      `  test/w: writableDirs[3] "/x/" ${dirProblem}`,
      '  test/w: writableDirs[5] "/tmp" is named twice. Name each directory once.',
      `  test/w: writableDirs[6] "/a/." ${dirProblem}`,
      `  test/w: writableDirs[7] 7 ${dirProblem}`,
      '  test/w: automountServiceAccountToken "yes" is not a boolean. Use true only for pods that call the Kubernetes API, else leave it out.',
    ].join('\n'));
    expect(refusal({ uid: 1.5, writableDirs: '/tmp' })).toBe([
      '2 problems in the configuration:',
      `  test/w: uid 1.5 is not a user or group id (a whole number from 1 to 2147483647). ${idFix}`,
      '  test/w: writableDirs "/tmp" is not a list of directories. Use e.g. [\'/tmp\'].',
    ].join('\n'));
  });

  test('the largest id and deep directories are accepted, each directory once', () => {
    const p = hardened(KINDS[0][1], { uid: 2147483647, gid: 1, writableDirs: ['/var/cache/nginx', '/tmp', '/a.b/c..d'] });
    expect(p.spec.securityContext).toMatchObject({ runAsUser: 2147483647, runAsGroup: 1, fsGroup: 1 });
    expect(p.spec.containers[0].volumeMounts.map((m: any) => m.mountPath)).toEqual(['/var/cache/nginx', '/tmp', '/a.b/c..d']);
  });

  test('hardening twice, or something that is not a cdk8s-plus workload', () => {
    expect(refusal({ uid: 101 }, {}, (w) => PodHardening.apply(w, { uid: 101 }))).toContain('test/w: workload "test/w" is already hardened. Call PodHardening.apply once per workload');
    expect(errorOf((chart) => PodHardening.apply(new kplus.Service(chart, 's', { ports: [{ port: 80 }] }) as any, { uid: 101 })))
      .toContain('test/s: workload test/s is not a cdk8s-plus-27 workload. Pass a Pod, Deployment, StatefulSet, DaemonSet, Job, CronJob.');
    expect(errorOf(() => PodHardening.apply({} as any, { uid: 101 }))).toContain('PodHardening.apply: workload {} is not a cdk8s-plus-27 workload');
  });
  test('a construct that looks like a workload but has no Kubernetes object, or one of a kind with no known pod spec', () => {
    class LooksLikeAWorkload extends Construct {
      public readonly podMetadata = {};
      public readonly containers = [];
      constructor(scope: Construct, id: string, kind?: string) {
        super(scope, id);
        if (kind) new ApiObject(this, 'Resource', { apiVersion: 'example.com/v1', kind });
      }
    }
    const kinds = 'Pass a Pod, Deployment, StatefulSet, DaemonSet, Job, CronJob.';
    expect(errorOf((chart) => PodHardening.apply(new LooksLikeAWorkload(chart, 'x') as any, { uid: 101 }))).toBe(
      `invalid configuration:\n  test/x: workload "test/x" has no Kubernetes object to harden. ${kinds}`);
    expect(errorOf((chart) => PodHardening.apply(new LooksLikeAWorkload(chart, 'x', 'Widget') as any, { uid: 101 }))).toBe(
      `invalid configuration:\n  test/x: workload "Widget" is not a kind PodHardening knows where to find the pod spec of. ${kinds}`);
  });

  test('an id refused is not compared with the workload\'s own ids (one problem each, not two)', () => {
    expect(refusal({ uid: 0 }, { securityContext: { user: 1000 } }).split('\n')).toEqual([
      'invalid configuration:', expect.stringContaining('test/w: uid 0 is root'),
    ]);
    expect(refusal({ uid: 101, gid: 0 }, { securityContext: { user: 101, group: 1000 } }).split('\n')).toEqual([
      'invalid configuration:', expect.stringContaining('test/w: gid 0 is root'),
    ]);
    expect(refusal({ uid: 101, gid: -2 }, { securityContext: { user: 1000 } }).split('\n')).toEqual([
      'invalid configuration:', expect.stringContaining('test/w: gid -2 is not a user or group id'),
    ]);
  });

  test.each(['tmp', 'var/tmp', '', '//', '/a//b', '/a/./b', '/a/../b', '/a/.', '/a/..', '/./a', '/../a', '/x/', '/a\nb', '/a\u0000b', '/a\tb'])(
    'writable dir %j is refused', (dir) => {
      expect(refusal({ uid: 101, writableDirs: [dir] })).toBe(
        `invalid configuration:\n  test/w: writableDirs[0] ${JSON.stringify(dir)} is not an absolute directory (a path like /tmp, without //, /./, /../ or a trailing /; not / itself). Use e.g. '/tmp' or '/var/cache/nginx'.`);
    });
});

describe('PodHardening: what it accepts', () => {
  test.each(['/tmp', '/a.b/c..d', '/.cache', '/..x', '/a/...', '/a/b.', '/x'])('writable dir %j', (dir) => {
    const p = hardened(KINDS[0][1], { uid: 101, writableDirs: [dir] });
    expect(p.spec.containers[0].volumeMounts.map((m: any) => m.mountPath)).toEqual([dir]);
  });

  test('a token the workload asks for and the hardening allows; NET_BIND_SERVICE spelled as Kubernetes does', () => {
    const p = hardened((c) => new kplus.Deployment(c, 'w', {
      automountServiceAccountToken: true,
      containers: [{ name: 'web', image: IMAGE, securityContext: { capabilities: { add: ['NET_BIND_SERVICE' as kplus.Capability] } } }],
    }), { uid: 101, automountServiceAccountToken: true });
    expect(p.spec.automountServiceAccountToken).toBe(true);
    expect(p.spec.containers[0].securityContext.capabilities).toEqual({ add: ['NET_BIND_SERVICE'], drop: ['ALL'] });
  });

  test('a container added after the call with capabilities restricted refuses: only NET_BIND_SERVICE stays, and the pod is restricted', () => {
    const p = hardened(KINDS[0][1], { uid: 101 }, (w) => w.addContainer({
      name: 'late', image: IMAGE, securityContext: { capabilities: { add: [kplus.Capability.CHOWN, kplus.Capability.NET_BIND_SERVICE] } },
    }));
    expect(p.spec.containers[1].securityContext.capabilities).toEqual({ add: ['NET_BIND_SERVICE'], drop: ['ALL'] });
    expect(checkRestricted(p.spec, p.metadata)).toEqual([]);
  });

  test('ids equal to the workload\'s own are accepted', () => {
    const p = hardened((c) => new kplus.Deployment(c, 'w', { containers: containers(), securityContext: { user: 1000, group: 2000 } }), { uid: 1000, gid: 2000 });
    expect(p.spec.securityContext).toMatchObject({ runAsUser: 1000, runAsGroup: 2000, fsGroup: 2000 });
  });
});
