/**
 * The pod-spec hardening PodHardening and StatefulWorkload share (src/workload/pod-security.ts), on plain JSON: what
 * it sets, what it keeps, what it replaces, the key order cdk8s writes, and the names of the writable-dir volumes.
 * Key order is asserted with Object.keys (toEqual ignores both order and keys whose value is undefined).
 */
import {
  HardeningPlan, hardenContainerSecurityContext, hardenPodSecurityContext, hardenPodSpec,
} from '../../src/workload/pod-security';

const plan = (extra: Partial<HardeningPlan> = {}): HardeningPlan => ({ uid: 101, gid: 102, writableDirs: [], automountServiceAccountToken: false, ...extra });

describe('hardenPodSecurityContext', () => {
  test('an empty context: non-root ids, fsGroup from the gid, OnRootMismatch, RuntimeDefault, keys sorted', () => {
    const sc = hardenPodSecurityContext(undefined, plan());
    expect(Object.keys(sc)).toEqual(['fsGroup', 'fsGroupChangePolicy', 'runAsGroup', 'runAsNonRoot', 'runAsUser', 'seccompProfile']);
    expect(sc).toEqual({
      fsGroup: 102, fsGroupChangePolicy: 'OnRootMismatch', runAsGroup: 102, runAsNonRoot: true, runAsUser: 101, seccompProfile: { type: 'RuntimeDefault' },
    });
  });

  test('kept: fsGroup, fsGroupChangePolicy, other fields, a Localhost or RuntimeDefault profile; replaced: ids, runAsNonRoot, other profiles', () => {
    const sc = hardenPodSecurityContext({
      fsGroup: 5,
      fsGroupChangePolicy: 'Always',
      supplementalGroups: [7],
      runAsUser: 0,
      runAsNonRoot: false,
      sysctls: undefined,
      seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/web.json' },
    }, plan());
    expect(Object.keys(sc)).toEqual(['fsGroup', 'fsGroupChangePolicy', 'runAsGroup', 'runAsNonRoot', 'runAsUser', 'seccompProfile', 'supplementalGroups']);
    expect(sc).toEqual({
      fsGroup: 5,
      fsGroupChangePolicy: 'Always',
      runAsGroup: 102,
      runAsNonRoot: true,
      runAsUser: 101,
      seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/web.json' },
      supplementalGroups: [7],
    });
    expect(hardenPodSecurityContext({ seccompProfile: { type: 'RuntimeDefault' } }, plan()).seccompProfile).toEqual({ type: 'RuntimeDefault' });
    expect(hardenPodSecurityContext({ seccompProfile: { type: 'Unconfined' } }, plan()).seccompProfile).toEqual({ type: 'RuntimeDefault' });
    expect(hardenPodSecurityContext({ seccompProfile: 'Unconfined' }, plan()).seccompProfile).toEqual({ type: 'RuntimeDefault' });
  });

  test('a context that is not an object (an array, null) is replaced whole', () => {
    for (const odd of [[{ runAsUser: 0 }], null, 'root']) {
      expect(hardenPodSecurityContext(odd, plan())).toEqual(hardenPodSecurityContext(undefined, plan()));
    }
  });
});

describe('hardenContainerSecurityContext', () => {
  test('an empty context: no privilege or escalation, every capability dropped, read-only root, the pod ids, no profile of its own', () => {
    const sc = hardenContainerSecurityContext({}, plan());
    expect(Object.keys(sc)).toEqual(['allowPrivilegeEscalation', 'capabilities', 'privileged', 'readOnlyRootFilesystem', 'runAsGroup', 'runAsNonRoot', 'runAsUser']);
    expect(sc).toEqual({
      allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, privileged: false, readOnlyRootFilesystem: true, runAsGroup: 102, runAsNonRoot: true, runAsUser: 101,
    });
  });

  test('its own user and group are kept; its own profile is kept when restricted allows it, else RuntimeDefault', () => {
    const sc = hardenContainerSecurityContext({ runAsUser: 3000, runAsGroup: 4000, seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' } }, plan());
    expect(sc).toMatchObject({ runAsUser: 3000, runAsGroup: 4000, seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' } });
    expect(hardenContainerSecurityContext({ seccompProfile: { type: 'Unconfined' } }, plan()).seccompProfile).toEqual({ type: 'RuntimeDefault' });
  });

  test.each<[string, unknown, string[] | undefined]>([
    ['as Kubernetes spells it', ['NET_BIND_SERVICE'], ['NET_BIND_SERVICE']],
    ['as cdk8s-plus-27 spells it', ['CAP_NET_BIND_SERVICE'], ['NET_BIND_SERVICE']],
    ['next to a capability restricted refuses (that one is dropped)', ['CAP_CHOWN', 'CAP_NET_BIND_SERVICE'], ['NET_BIND_SERVICE']],
    ['only refused capabilities', ['CAP_CHOWN', 'SYS_ADMIN'], undefined],
    ['not a list', 'NET_BIND_SERVICE', undefined],
  ])('NET_BIND_SERVICE added %s', (_what, add, expected) => {
    const caps = hardenContainerSecurityContext({ capabilities: { add, drop: ['NET_RAW'] } }, plan()).capabilities;
    expect(caps).toEqual(expected ? { add: expected, drop: ['ALL'] } : { drop: ['ALL'] });
    expect(Object.keys(caps)).toEqual(expected ? ['add', 'drop'] : ['drop']);
  });
});

describe('hardenPodSpec', () => {
  const spec = (volumes?: string[]) => ({
    containers: [{ name: 'web', image: 'registry.example/web:1.0.0' }],
    ...(volumes ? { volumes: volumes.map((name) => ({ name, emptyDir: {} })) } : {}),
  });
  const volumeNames = (dirs: string[], taken?: string[]) => hardenPodSpec(spec(taken), plan({ writableDirs: dirs })).volumes.map((v: any) => v.name);

  test('writable dirs as DNS labels: lower case, one dash for each run of other characters, none at the ends', () => {
    expect(volumeNames(['/var/lib/My_App.d', '/srv/my__app', '/__x__'])).toEqual(['var-lib-my-app-d', 'srv-my-app', 'x']);
  });

  test('a dir with no letter or digit is "writable"; a long one is cut at 50 characters without a dash at the end', () => {
    expect(volumeNames(['/_'])).toEqual(['writable']);
    const long = `/${'a'.repeat(49)}/bbb`;
    expect(volumeNames([long])).toEqual(['a'.repeat(49)]);
    expect(volumeNames([`/${'c'.repeat(60)}`])).toEqual(['c'.repeat(50)]);
  });

  test('a name taken by a volume of the pod, or by an earlier dir, gets the next free number', () => {
    expect(volumeNames(['/tmp'], ['tmp', 'tmp-2'])).toEqual(['tmp', 'tmp-2', 'tmp-3']);
    expect(volumeNames(['/tmp', '/TMP'])).toEqual(['tmp', 'tmp-2']);
  });

  test('the token as planned; containers and init containers hardened and mounted; keys sorted', () => {
    const out = hardenPodSpec({ ...spec(), initContainers: [{ name: 'init', image: 'registry.example/init:1.0.0' }], hostname: 'x' },
      plan({ writableDirs: ['/tmp'], automountServiceAccountToken: true }));
    expect(Object.keys(out)).toEqual(['automountServiceAccountToken', 'containers', 'hostname', 'initContainers', 'securityContext', 'volumes']);
    expect(out.automountServiceAccountToken).toBe(true);
    for (const c of [out.containers[0], out.initContainers[0]]) {
      expect(Object.keys(c)).toEqual(['image', 'name', 'securityContext', 'volumeMounts']);
      expect(c.volumeMounts).toEqual([{ mountPath: '/tmp', name: 'tmp' }]);
      expect(c.securityContext.capabilities).toEqual({ drop: ['ALL'] });
    }
    const bare = hardenPodSpec(spec(), plan());
    expect(Object.keys(bare)).toEqual(['automountServiceAccountToken', 'containers', 'securityContext']);
    expect(Object.keys(bare.containers[0])).toEqual(['image', 'name', 'securityContext']);
  });
});
