import { RuleFixture, k } from './fixture';
import { claim, pv, sts, exo } from './volume-builders';
import { KubernetesVersion } from '../../../src';

const cm = (name: any, extra: Record<string, any> = {}): any => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, ...extra }, data: {} });

const svc = (name: string, spec: Record<string, any>): any => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec });

const pod = (spec: Record<string, any>, labels: Record<string, any> = { app: 'web' }): any => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', labels }, spec,
});

const container = (extra: Record<string, any> = {}): any => ({ name: 'web', image: 'nginx:1.25', ...extra });

export const FIXTURES: RuleFixture[] = [
  {
    ruleId: 'API-001',
    trips: [k.storageClass('old', 'nfs.csi.k8s.io', { reclaimPolicy: 'Recycle', parameters: { server: 'nfs', share: '/' } })],
    message: 'reclaimPolicy Recycle is deprecated and rejected on a StorageClass',
    passes: [k.storageClass('old', 'nfs.csi.k8s.io', { reclaimPolicy: 'Retain', parameters: { server: 'nfs', share: '/' } })],
  },
  {
    ruleId: 'API-002',
    trips: [k.storageClass('x', 'csi.exoscale.com', { volumeBindingMode: 'Lazy' })],
    message: 'volumeBindingMode "Lazy" is not Immediate or WaitForFirstConsumer',
    passes: [k.storageClass('x', 'csi.exoscale.com')],
  },
  {
    ruleId: 'API-003',
    trips: [k.storageClass('x', 'csi.acme.example', { parameters: Object.fromEntries(Array.from({ length: 513 }, (_, i) => [`p${i}`, 'v'])) })],
    message: '513 parameters, more than 512',
    passes: [k.storageClass('x', 'csi.acme.example', { parameters: { p: 'v' } })],
  },
  {
    ruleId: 'API-020',
    trips: [svc('1-web.api', { ports: [{ port: 80 }] })],
    message: 'metadata.name "1-web.api" must be lowercase letters, digits and \'-\', starting with a letter',
    passes: [svc('web-api', { ports: [{ port: 80 }] })],
  },
  {
    ruleId: 'API-021',
    trips: [cm('settings', { namespace: 'Team_A' })],
    message: 'metadata.namespace "Team_A" must be lowercase letters',
    passes: [cm('settings', { namespace: 'team-a' })],
  },
  {
    ruleId: 'API-022',
    trips: [cm('settings', { labels: { 'Example.com/tier': 'web' } })],
    message: 'metadata.labels key "Example.com/tier" prefix "Example.com" must be lowercase',
    passes: [cm('settings', { labels: { 'example.com/tier': 'web' } })],
  },
  {
    ruleId: 'API-023',
    trips: [pod({ containers: [container()] }, { version: '1.0+build 7' })],
    message: 'metadata.labels.version value "1.0+build 7" must be empty or letters',
    passes: [pod({ containers: [container()] }, { version: '1.0-build.7' })],
  },
  {
    ruleId: 'API-024',
    trips: [cm('settings', { annotations: { 'example.com/blob': 'x'.repeat(256 * 1024) } })],
    message: 'more than 262144',
    passes: [cm('settings', { annotations: { 'example.com/blob': 'x'.repeat(1024) } })],
  },
  {
    ruleId: 'API-025',
    trips: [svc('web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }, { port: 443 }] })],
    message: 'spec.ports[1] has no name; every port needs one when the Service has 2 ports',
    passes: [svc('web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }] })],
  },
  {
    ruleId: 'API-026',
    trips: [svc('web', { ports: [{ name: 'http', port: 80, nodePort: 30080 }] })],
    message: 'spec.ports[0].nodePort is set on a ClusterIP Service',
    passes: [svc('web', { type: 'NodePort', ports: [{ name: 'http', port: 80, nodePort: 30080 }] })],
  },
  {
    ruleId: 'API-027',
    trips: [svc('web', { ports: [{ port: 80, targetPort: '8080' }] })],
    message: 'spec.ports[0].targetPort "8080" is a quoted number',
    passes: [svc('web', { ports: [{ port: 80, targetPort: 8080 }] })],
  },
  {
    ruleId: 'API-028',
    trips: [svc('web', { selector: { app: 'web' } })],
    message: 'a ClusterIP Service needs at least one port',
    passes: [svc('web', { clusterIP: 'None', selector: { app: 'web' } })],
  },
  {
    ruleId: 'API-030',
    trips: [pod({ containers: [container({ name: 'Web_Server' })] })],
    message: 'spec.containers[0].name "Web_Server" must be lowercase letters',
    passes: [pod({ containers: [container({ name: 'web-server' })] })],
  },
  {
    ruleId: 'API-031',
    trips: [pod({ containers: [container({ env: [{ name: 'LOG=LEVEL', value: 'debug' }] })] })],
    message: 'container web: env name "LOG=LEVEL" is not a valid variable name in Kubernetes 1.33',
    passes: [pod({ containers: [container({ env: [{ name: 'LOG_LEVEL', value: 'debug' }, { name: 'log level', value: 'debug' }] })] })],
  },
  {
    // before 1.32 (KEP-4369), names are letters, digits, '_', '-' and '.' only
    ruleId: 'API-031',
    kubernetesVersion: KubernetesVersion.V1_31,
    trips: [pod({ containers: [container({ env: [{ name: 'LOG LEVEL', value: 'debug' }] })] })],
    message: 'container web: env name "LOG LEVEL" is not a valid variable name in Kubernetes 1.31',
    passes: [pod({ containers: [container({ env: [{ name: 'LOG_LEVEL', value: 'debug' }] })] })],
  },
  {
    ruleId: 'API-032',
    trips: [pod({ containers: [container({ ports: [{ name: 'http-metrics-port', containerPort: 9090 }] })] })],
    message: 'container web: ports[0].name "http-metrics-port" is 17 characters, more than 15',
    passes: [pod({ containers: [container({ ports: [{ name: 'metrics', containerPort: 9090 }] })] })],
  },
  {
    ruleId: 'API-033',
    trips: [pod({ volumes: [{ name: 'cache_dir', emptyDir: {} }], containers: [container({ volumeMounts: [{ name: 'cache_dir', mountPath: '/cache' }] })] })],
    message: 'spec.volumes[0].name "cache_dir" must be lowercase letters',
    passes: [pod({ volumes: [{ name: 'cache-dir', emptyDir: {} }], containers: [container({ volumeMounts: [{ name: 'cache-dir', mountPath: '/cache' }] })] })],
  },
  {
    ruleId: 'API-040',
    trips: [cm('settings'), cm('settings')],
    message: 'ConfigMap default/settings is defined twice',
    passes: [cm('settings'), cm('settings', { namespace: 'other' })],
  },
  {
    ruleId: 'API-010',
    trips: [claim('data', { accessModes: [] })],
    message: 'accessModes is empty or missing',
    passes: [claim('data')],
  },
  {
    ruleId: 'API-011',
    trips: [claim('data', { accessModes: ['ReadWriteOncePod', 'ReadWriteOnce'], storageClassName: 'sbs' })],
    message: 'combine ReadWriteOncePod with other modes',
    passes: [claim('data', { accessModes: ['ReadWriteOncePod'], storageClassName: 'sbs' })],
    knownStorageClasses: exo,
  },
  {
    ruleId: 'API-012',
    trips: [sts([{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '0' } } } }])],
    message: 'volumeClaimTemplates[0] data: resources.requests.storage "0" is not more than zero',
    passes: [sts([{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } }])],
  },
  {
    // a VolumeSnapshot named without its API group: the API server takes it for a core kind and refuses the claim
    ruleId: 'API-018',
    trips: [
      claim('restored', { accessModes: ['ReadWriteOnce'], dataSource: { kind: 'VolumeSnapshot', name: 'nightly' } }),
      // a claim template's claim is refused when the StatefulSet controller creates it
      sts([{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } }, dataSource: { kind: 'VolumeSnapshot', name: 'nightly' } } }]),
    ],
    message: [
      'dataSource kind VolumeSnapshot has no apiGroup, so it names a core kind: only PersistentVolumeClaim may be referenced without apiGroup',
      'volumeClaimTemplates[0] data: dataSource kind VolumeSnapshot has no apiGroup',
    ].join('\n'),
    fix: 'Set apiGroup: snapshot.storage.k8s.io.',
    passes: [
      claim('restored', { accessModes: ['ReadWriteOnce'], dataSource: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'nightly' } }),
      // a clone of a claim needs no apiGroup; the same object in both fields is what the API server writes itself
      claim('clone', { accessModes: ['ReadWriteOnce'], dataSource: { kind: 'PersistentVolumeClaim', name: 'restored' }, dataSourceRef: { apiGroup: '', kind: 'PersistentVolumeClaim', name: 'restored' } }),
      claim('empty', { accessModes: ['ReadWriteOnce'], dataSource: null }),
    ],
  },
  {
    // a populator's kind without its group, a reference without kind or name, two fields that disagree
    ruleId: 'API-018',
    trips: [
      claim('a', { accessModes: ['ReadWriteOnce'], dataSourceRef: { kind: 'VolumePopulator', name: 'seed' } }),
      claim('b', { accessModes: ['ReadWriteOnce'], dataSourceRef: { apiGroup: 'snapshot.storage.k8s.io' } }),
      claim('c', { accessModes: ['ReadWriteOnce'], dataSource: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'x' }, dataSourceRef: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'y' } }),
      claim('d', { accessModes: ['ReadWriteOnce'], dataSource: 'nightly' }),
    ],
    message: [
      'dataSourceRef kind VolumePopulator has no apiGroup, so it names a core kind: only PersistentVolumeClaim may be referenced without apiGroup',
      'dataSourceRef has no kind and no name',
      'dataSource and dataSourceRef name different objects: when both are set they must be the same',
      'dataSource is not an object with kind and name',
    ].join('\n'),
    fix: 'Set apiGroup to the API group of VolumePopulator.',
    passes: [
      claim('a', { accessModes: ['ReadWriteOnce'], dataSourceRef: { apiGroup: 'populator.example.com', kind: 'VolumePopulator', name: 'seed' } }),
      // a cross-namespace dataSourceRef leaves dataSource to be empty or different
      claim('c', { accessModes: ['ReadWriteOnce'], dataSource: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'x' }, dataSourceRef: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'y', namespace: 'backups' } }),
    ],
  },
  {
    ruleId: 'API-013',
    trips: [claim('data', { accessModes: ['ReadWriteMultiple'] })],
    message: 'access mode "ReadWriteMultiple" is not a Kubernetes access mode',
    passes: [claim('data')],
  },
  {
    ruleId: 'API-014',
    trips: [pv('v', { capacity: { storage: '10Gi', iops: '100' } })],
    message: 'capacity has keys other than storage: iops',
    passes: [pv('v')],
  },
  {
    ruleId: 'API-015',
    trips: [pv('v', { hostPath: { path: '/mnt/data' } })],
    message: 'has 2 volume sources: nfs, hostPath',
    passes: [pv('v')],
  },
  {
    ruleId: 'API-016',
    trips: [pv('v', { nfs: undefined, accessModes: ['ReadWriteOnce'], local: { path: '/mnt/disks/ssd1' } })],
    message: 'is a local volume without nodeAffinity.required',
    passes: [pv('v', {
      nfs: undefined,
      accessModes: ['ReadWriteOnce'],
      local: { path: '/mnt/disks/ssd1' },
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-1'] }] }] } },
    })],
  },
  {
    ruleId: 'API-017',
    trips: [pv('v', { persistentVolumeReclaimPolicy: 'Keep' })],
    message: 'persistentVolumeReclaimPolicy "Keep" is not Retain, Delete or Recycle',
    passes: [pv('v')],
  },
  {
    ruleId: 'API-050',
    trips: [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' } }],
    message: 'Deployment has no pod spec: spec is missing, so it has no containers',
    passes: [{
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [container()] } } },
    }],
  },
  {
    ruleId: 'API-050',
    trips: [{
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'migrate', namespace: 'default' },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [] } } },
    }],
    message: 'Job has no containers: spec.template.spec.containers is empty',
    passes: [{
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'migrate', namespace: 'default' },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [container()] } } },
    }],
  },
  {
    ruleId: 'API-050',
    trips: [pod(undefined as any)],
    message: 'Pod has no pod spec: spec is missing, so it has no containers',
    passes: [pod({ containers: [container()] })],
  },
];
