import { Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { check, restrictedDeployment } from './harness';
import {
  BlockProvisioner, BlockStorageClass, DatabaseEngine, EbsVolumeType, ExistingStorageClass, FileProvisioner, FileStorageClass, IngressController,
  GatewayRef, ResourcePreset, RouteBackend, RouteOutput, SharedRwxVolume, SharedVolumeBackend, StatefulDatabase, StatefulWorkload, StorageSystemId, TlsSource, WebRoute,
} from '../../src';

/**
 * Counterexamples the property tests found (issue 9), each as a plain test: the exact props, and the clean
 * error or output expected now. Before the fix each ended in a TypeError or a malformed message.
 */

/** The library's error for an app (fails when the app synthesizes). */
function errorOf(build: (chart: Chart) => void, namespace?: string): string {
  const outcome = check(build, namespace);
  if (outcome.ok) throw new Error('expected the library to refuse the props, but the app synthesized');
  return outcome.message;
}

/** A value whose conversion to text throws, as `{ toString: 1 }` does in JavaScript. */
const UNPRINTABLE: any = { toString: 1 };

describe('BlockStorageClass counterexamples', () => {
  test('additionalParameters value that cannot be printed: the prop error, not a TypeError from the fix text', () => {
    expect(errorOf((chart) => new BlockStorageClass(chart, 'x', { provisioner: BlockProvisioner.exoscale(), additionalParameters: { type: UNPRINTABLE } })))
      .toContain('test/x: additionalParameters.type {"toString":1} is not a string');
  });

  test('options null from JavaScript: treated as no options (portworx(null) read null.replicas)', () => {
    const outcome = check((chart) => new BlockStorageClass(chart, 'px', { provisioner: BlockProvisioner.portworx(null as any) }));
    expect(outcome.ok).toBe(true);
  });

  test('name that cannot be printed with a snapshot class: the name error (the default snapshot name crashed)', () => {
    expect(errorOf((chart) => new BlockStorageClass(chart, 'x', { provisioner: BlockProvisioner.exoscale(), name: UNPRINTABLE, snapshotClass: {} })))
      .toContain('test/x: name {"toString":1} is not a valid StorageClass name');
  });

  test('awsEbs volumeType that cannot be printed: a parameter error (EBS_LIMITS[type] crashed)', () => {
    expect(errorOf((chart) => new BlockStorageClass(chart, 'x', { provisioner: BlockProvisioner.awsEbs({ volumeType: UNPRINTABLE }) })))
      .toContain('test/x: provisioner parameter type');
  });

  test('awsEbs kmsKeyId that is not a string: the kmsKeyId error (RegExp.test crashed)', () => {
    expect(errorOf((chart) => new BlockStorageClass(chart, 'x', { provisioner: BlockProvisioner.awsEbs({ kmsKeyId: UNPRINTABLE }) })))
      .toContain('test/x: provisioner.kmsKeyId {"toString":1} is not a KMS key ARN');
  });

  test('a volume type with a newline keeps one problem per line', () => {
    const message = errorOf((chart) => new BlockStorageClass(chart, 'x', { provisioner: BlockProvisioner.awsEbs({ volumeType: 'a\nb' as EbsVolumeType, iops: 120270 }) }));
    expect(message).toContain('test/x: provisioner parameter type "a\\nb" is not accepted by Amazon EBS');
    expect(message.split('\n').length).toBeGreaterThan(1);
    for (const line of message.split('\n').slice(1)) expect(line).toMatch(/^ {2}test\/x: /);
  });

  test('Infinity as a name reads as Infinity, not null', () => {
    expect(errorOf((chart) => new BlockStorageClass(chart, 'x', { provisioner: BlockProvisioner.exoscale(), name: Infinity as any })))
      .toContain('test/x: name Infinity is not a valid StorageClass name');
  });

  test('an object as a typed option is refused, never written as "[object Object]"', () => {
    expect(errorOf((chart) => new BlockStorageClass(chart, 'x', { provisioner: BlockProvisioner.longhorn({ numberOfReplicas: {} as any }) })))
      .toContain('test/x: provisioner parameter numberOfReplicas {} is not a string, number or boolean');
  });

  test('custom provisioner with capabilities that are not capabilities: the capabilities error', () => {
    expect(errorOf((chart) => new BlockStorageClass(chart, 'x', { provisioner: BlockProvisioner.custom({ provisioner: 'csi.example.com', capabilities: 5 as any }) })))
      .toContain('test/x: provisioner.capabilities 5 is not a StorageCapabilities object');
    expect(errorOf((chart) => new BlockStorageClass(chart, 'x', { provisioner: BlockProvisioner.custom({ provisioner: 'csi.example.com', capabilities: BlockProvisioner.exoscale().capabilities, parameters: { a: 1 as any } }) })))
      .toContain('test/x: provisioner.parameters.a 1 is not a string');
  });

  test('fsType that is not a string: the fsType error, not a parameter of another type', () => {
    expect(errorOf((chart) => new BlockStorageClass(chart, 'x', { provisioner: BlockProvisioner.custom({ provisioner: 'csi.example.com', capabilities: BlockProvisioner.exoscale().capabilities }), fsType: {} as any })))
      .toContain('test/x: fsType {} is not a file system name');
  });
});

describe('FileStorageClass counterexamples', () => {
  test('cephfs operatorNamespace that cannot be printed: the operatorNamespace error (the provisioner name crashed)', () => {
    expect(errorOf((chart) => new FileStorageClass(chart, 'x', { provisioner: FileProvisioner.cephfs({ fsName: 'myfs', operatorNamespace: UNPRINTABLE }) }), 'shop'))
      .toContain('test/x: provisioner.operatorNamespace {"toString":1} must be a namespace name');
  });
});

describe('ExistingStorageClass counterexamples', () => {
  test('an unknown system id names ExistingStorageClass and the system', () => {
    expect(() => ExistingStorageClass.fromName('x', 'nope' as StorageSystemId)).toThrow('ExistingStorageClass "x": system "nope" is not a StorageSystemId');
  });
  test('capabilities that are not capabilities are refused', () => {
    expect(() => ExistingStorageClass.fromCapabilities('x', 'csi.example.com', {} as any)).toThrow(/ExistingStorageClass "x": capabilities \{\} has missing or wrong kind/);
  });
});

describe('SharedRwxVolume counterexamples', () => {
  const nfsClass = (_chart: Chart) => SharedVolumeBackend.storageClass(ExistingStorageClass.fromName('nfs', StorageSystemId.NFS));

  test('claimName 0: the claimName error (toDnsLabel(0) crashed)', () => {
    expect(errorOf((chart) => new SharedRwxVolume(chart, 'data', { backend: nfsClass(chart), size: Size.gibibytes(1), claimName: 0 as any })))
      .toContain('test/data: claimName 0 is not a valid object name');
  });

  test('accessMode that cannot be printed: the accessMode error', () => {
    expect(errorOf((chart) => new SharedRwxVolume(chart, 'data', { backend: nfsClass(chart), size: Size.gibibytes(1), accessMode: UNPRINTABLE })))
      .toContain('test/data: accessMode {"toString":1} is not an access mode');
    expect(errorOf((chart) => new SharedRwxVolume(chart, 'data', {
      backend: SharedVolumeBackend.hostPath({ path: '/mnt/data', capacity: Size.kibibytes(0) }), size: Size.gibibytes(1), accessMode: UNPRINTABLE,
    }))).toContain('test/data: accessMode {"toString":1} is not an access mode');
  });

  test('EFS path that cannot be printed: the path error (the volume handle crashed)', () => {
    expect(errorOf((chart) => new SharedRwxVolume(chart, 'data', { backend: SharedVolumeBackend.efs({ fileSystemId: 'fs-0123abcd', path: UNPRINTABLE }), size: Size.gibibytes(1) })))
      .toContain('test/data: backend.path {"toString":1} is not an absolute path');
  });

  test('the NFS class still gives a clean claim', () => {
    const outcome = check((chart) => new SharedRwxVolume(chart, 'data', { backend: SharedVolumeBackend.storageClass(nfsFileClass(chart)), size: Size.gibibytes(1) }));
    expect(outcome.ok).toBe(true);
  });
});

/** A FileStorageClass on NFS. */
function nfsFileClass(chart: Chart): FileStorageClass {
  return new FileStorageClass(chart, 'nfs', { provisioner: FileProvisioner.nfs({ server: 'nfs.internal', share: '/exports' }) });
}

describe('WebRoute counterexamples (found as IngressRoute)', () => {
  const TRAEFIK = RouteOutput.ingress(IngressController.traefik());
  function web(chart: Chart) {
    const d = restrictedDeployment(chart, 'web');
    return new kplus.Service(chart, 'web-svc', { selector: d, ports: [{ port: 80, name: 'http', targetPort: 8080 }] });
  }

  test('sslRedirect that cannot be printed: the sslRedirect error', () => {
    expect(errorOf((chart) => new WebRoute(chart, 'r', { output: TRAEFIK, tls: TlsSource.secret('shop-tls'), sslRedirect: UNPRINTABLE }), 'shop'))
      .toContain('test/r: sslRedirect {"toString":1} is not a boolean');
  });

  test('issuer name that cannot be printed: the issuer name error', () => {
    expect(errorOf((chart) => new WebRoute(chart, 'r', { output: TRAEFIK, tls: TlsSource.certManagerClusterIssuer(UNPRINTABLE) }), 'shop'))
      .toContain('test/r: tls ClusterIssuer name {"toString":1} is not a valid object name');
  });

  test('pathType that cannot be printed with a path holding "/../": the pathType error', () => {
    const message = errorOf((chart) => new WebRoute(chart, 'r', {
      output: TRAEFIK, tls: TlsSource.secret('shop-tls'), rules: [{ host: 'shop.example.com', path: '/a/../b', backend: RouteBackend.service(web(chart)), pathType: UNPRINTABLE }],
    }), 'shop');
    expect(message).toContain('test/r: rules[0] pathType {"toString":1} is not Prefix, Exact or ImplementationSpecific');
  });

  test('a path with a newline and a rewriteTarget keeps one problem per line', () => {
    const message = errorOf((chart) => new WebRoute(chart, 'r', {
      output: RouteOutput.ingress(IngressController.ingressNginx({ rewriteTarget: '/$2' })), tls: TlsSource.secret('shop-tls'), rules: [{ host: 'shop.example.com', path: 'a\nb', backend: RouteBackend.service(web(chart)) }],
    }), 'shop');
    expect(message).toContain('e.g. "a\\nb(/|$)(.*)"');
    expect(message.split('\n').length).toBeGreaterThan(1);
    for (const line of message.split('\n').slice(1)) expect(line).toMatch(/^ {2}test\/r: /);
  });

  test('a proxy body size beyond what nginx reads: the proxyBodySize error, not "9.5e+25m"', () => {
    expect(errorOf((chart) => new WebRoute(chart, 'r', {
      output: RouteOutput.ingress(IngressController.ingressNginx({ proxyBodySize: Size.tebibytes(1e20) })),
      tls: TlsSource.secret('shop-tls'),
      rules: [{ host: 'shop.example.com', backend: RouteBackend.service(web(chart)) }],
    }), 'shop')).toContain('test/r: output proxyBodySize');
  });

  test('a wildcard host after the first, with generated names (Gateway API): a valid HTTPRoute name, not "...-host-.example.com-..."', () => {
    const outcome = check((chart) => {
      const r = new WebRoute(chart, 'shop', { output: RouteOutput.gatewayApi({ gateway: GatewayRef.platform({ name: 'public' }) }) });
      const svc = web(chart);
      r.addRule('shop.example.com', '/', RouteBackend.service(svc));
      r.addRule('*.example.com', '/', RouteBackend.service(svc));
    }, 'shop');
    const names = outcome.ok ? outcome.objects.filter((o) => o.kind === 'HTTPRoute').map((o) => o.metadata.name) : [outcome.message];
    expect(names).toHaveLength(3);
    expect(names.find((n) => n.includes('wildcard'))).toMatch(/^test-shop-host-wildcard-example-com-c8[0-9a-f]{6}$/);
  });

  test('TLS hosts [null]: the tls hosts error (tlsHostCovers(null) crashed)', () => {
    expect(errorOf((chart) => new WebRoute(chart, 'r', {
      output: TRAEFIK, tls: TlsSource.secret('shop-tls', { hosts: [null as any] }), rules: [{ host: 'shop.example.com', backend: RouteBackend.service(web(chart)) }],
    }), 'shop')).toContain('test/r: tls hosts[0] null');
  });
});

describe('StatefulDatabase counterexamples', () => {
  function db(chart: Chart, extra: any): void {
    new StatefulDatabase(chart, 'db', {
      engine: DatabaseEngine.postgres({ version: '16.4' }),
      storage: { size: Size.gibibytes(1), storageClass: ExistingStorageClass.exoscaleBlockStorage() },
      credentials: { secret: kplus.Secret.fromSecretName(chart, 'creds', 'db-credentials') },
      cpu: kplus.Cpu.millis(500),
      memory: Size.gibibytes(1),
      ...extra,
    });
  }
  /** A Size cdk8s cannot turn into whole KiB (toKibibytes() throws a plain cdk8s error without our path). */
  const TINY = Size.tebibytes(5e-324);

  test('storage.storageClass that is not a class with restoreFromSnapshot: the storageClass error (read capabilities of a string)', () => {
    expect(errorOf((chart) => db(chart, { storage: { size: Size.gibibytes(1), storageClass: ' ', restoreFromSnapshot: 'snap-1' } }))).toContain('test/db: storage.storageClass');
  });

  test('storage.size that is not whole KiB: the size error (cdk8s toKibibytes threw)', () => {
    expect(errorOf((chart) => db(chart, { storage: { size: TINY, storageClass: ExistingStorageClass.exoscaleBlockStorage() } }))).toContain('test/db: storage.size');
  });

  test('memory that is not whole KiB: the memory error', () => {
    expect(errorOf((chart) => db(chart, { memory: TINY }))).toContain('test/db: memory');
  });

  test('backup.size that is not whole KiB: the backup size error', () => {
    expect(errorOf((chart) => db(chart, { backup: { size: TINY } }))).toContain('test/db: backup.size');
  });

  test('restoreFromSnapshot that cannot be printed: the restoreFromSnapshot error', () => {
    const storage = { size: Size.gibibytes(1), storageClass: ExistingStorageClass.exoscaleBlockStorage(), restoreFromSnapshot: UNPRINTABLE };
    expect(errorOf((chart) => db(chart, { storage })))
      .toContain('test/db: storage.restoreFromSnapshot');
  });

  test('env value that cannot be printed: the env error, not a TypeError from the fix text', () => {
    expect(errorOf((chart) => db(chart, { env: { TZ: UNPRINTABLE } }))).toContain('test/db: env.TZ {"toString":1} is not a string');
  });
});

describe('platform counterexamples', () => {
  test('ResourcePreset.custom with a memory that is not whole KiB: the preset error, not a cdk8s rounding error', () => {
    expect(() => ResourcePreset.custom('tiny', { cpu: kplus.Cpu.millis(100), memory: Size.tebibytes(5e-324) })).toThrow('ResourcePreset.custom: memory is not a positive Size');
  });
});

describe('StatefulWorkload counterexamples', () => {
  test('a duration-like object with toSeconds only: the grace period error, not a TypeError from toMilliseconds', () => {
    const message = errorOf((chart) => new StatefulWorkload(chart, 'web', {
      uid: 101,
      containers: [{ name: 'web', image: 'docker.io/nginxinc/nginx-unprivileged:1.27.3-alpine' }],
      terminationGracePeriod: { toSeconds: () => -1 } as any,
    }));
    expect(message).toContain('test/web: terminationGracePeriod {} is not a Duration of whole seconds. Use e.g. Duration.seconds(30).');
  });
});
