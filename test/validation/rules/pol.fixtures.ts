import { Size } from 'cdk8s';
import { RuleFixture, k } from './fixture';

const sts = (name: string, replicas: number, annotations?: Record<string, string>) => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name, annotations },
  spec: { replicas, serviceName: name, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'db', image: 'postgres:16.4' }] } } },
});
const ingress = (tls: boolean, cls = 'nginx') => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'web' },
  spec: {
    ingressClassName: cls,
    tls: tls ? [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }] : undefined,
    rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }],
  },
});

const gateway = {
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'Gateway',
  metadata: { name: 'public', namespace: 'default' },
  spec: {
    gatewayClassName: 'cilium',
    listeners: [
      { name: 'http', port: 80, protocol: 'HTTP' },
      { name: 'https', port: 443, protocol: 'HTTPS', hostname: 'shop.example.com', tls: { certificateRefs: [{ name: 'shop-tls' }] } },
    ],
  },
};
const httpRoute = (section: string, redirect: boolean) => ({
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'HTTPRoute',
  metadata: { name: `web-${section}${redirect ? '-redirect' : ''}` },
  spec: {
    parentRefs: [{ name: 'public', sectionName: section }],
    hostnames: ['shop.example.com'],
    rules: [redirect
      ? { filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] }
      : { backendRefs: [{ name: 'web', port: 80 }] }],
  },
});

export const FIXTURES: RuleFixture[] = [
  {
    ruleId: 'POL-001',
    policies: [{ policy: { allowedProvisioners: ['csi.exoscale.com'] } }],
    trips: [k.storageClass('lh', 'driver.longhorn.io')],
    message: 'provisioner driver.longhorn.io is not allowed by the platform policy (allowed: csi.exoscale.com)',
    passes: [k.storageClass('sbs', 'csi.exoscale.com')],
  },
  {
    ruleId: 'POL-002',
    policies: [{ policy: { requireTls: true } }],
    trips: [ingress(false)],
    message: 'host shop.example.com is served without TLS, which the platform policy forbids',
    passes: [ingress(true)],
  },
  {
    // an HTTPRoute with backends on the Gateway's plain HTTP listener; its redirect route may stay there
    ruleId: 'POL-002',
    policies: [{ policy: { requireTls: true } }],
    trips: [gateway, httpRoute('http', false)],
    message: 'host shop.example.com is served without TLS, which the platform policy forbids',
    passes: [gateway, httpRoute('https', false), httpRoute('http', true)],
  },
  {
    ruleId: 'POL-003',
    policies: [{ policy: { forbidHostPath: true } }],
    trips: [{ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv' }, spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/data' } } }],
    message: 'PersistentVolume uses hostPath, which the platform policy forbids',
    passes: [{ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv' }, spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteMany'], nfs: { server: 'nfs', path: '/x' } } }],
  },
  {
    ruleId: 'POL-004',
    policies: [{ policy: { minDatabaseReplicas: 3 } }],
    trips: [sts('db', 1, { 'golden-paths.dev/role': 'database' })],
    message: 'database runs 1 replica(s); the platform policy requires at least 3',
    passes: [sts('db', 3, { 'golden-paths.dev/role': 'database' }), sts('cache', 1)],
  },
  {
    ruleId: 'POL-005',
    policies: [{ policy: { maxClaimSize: Size.gibibytes(100) } }],
    trips: [k.pvc('data', { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Ti' } } })],
    message: 'claim requests 1Ti, more than the platform maximum 100Gi',
    passes: [k.pvc('data', { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '100Gi' } } })],
  },
  // what mutation testing found unchecked in the POL rules (issue 20)
  {
    // a PersistentVolume's CSI driver counts as its provisioner; a StorageClass's only as its own
    ruleId: 'POL-001',
    policies: [{ policy: { allowedProvisioners: ['csi.exoscale.com', 'nfs.csi.k8s.io'] } }],
    trips: [{ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv' }, spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], csi: { driver: 'driver.longhorn.io', volumeHandle: 'v' } } }],
    message: 'provisioner driver.longhorn.io is not allowed by the platform policy (allowed: csi.exoscale.com, nfs.csi.k8s.io)',
    passes: [
      { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv' }, spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteMany'], csi: { driver: 'nfs.csi.k8s.io', volumeHandle: 'v' } } },
      // not storage: a provisioner field elsewhere is nobody's provisioner
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, provisioner: 'driver.longhorn.io' },
    ],
  },
  {
    // the operators' database resources: CloudNativePG instances, MariaDB replicas, MongoDBCommunity members; an
    // operator resource without the field runs one
    ruleId: 'POL-004',
    policies: [{ policy: { minDatabaseReplicas: 3 } }],
    trips: [
      { apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: { name: 'pg' }, spec: { instances: 2 } },
      { apiVersion: 'k8s.mariadb.com/v1alpha1', kind: 'MariaDB', metadata: { name: 'maria' }, spec: {} },
      { apiVersion: 'mongodbcommunity.mongodb.com/v1', kind: 'MongoDBCommunity', metadata: { name: 'mongo' }, spec: { members: 1 } },
    ],
    message: 'database runs 2 replica(s); the platform policy requires at least 3\ndatabase runs 1 replica(s); the platform policy requires at least 3\ndatabase runs 1 replica(s); the platform policy requires at least 3',
    passes: [
      { apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: { name: 'pg' }, spec: { instances: 3 } },
      { apiVersion: 'k8s.mariadb.com/v1alpha1', kind: 'MariaDB', metadata: { name: 'maria' }, spec: { replicas: 3 } },
      { apiVersion: 'mongodbcommunity.mongodb.com/v1', kind: 'MongoDBCommunity', metadata: { name: 'mongo' }, spec: { members: 3 } },
      // a Cluster of another group (Cluster API, ...) is no database
      { apiVersion: 'cluster.x-k8s.io/v1beta1', kind: 'Cluster', metadata: { name: 'workload' }, spec: {} },
      { apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: { name: 'bare' } },
    ],
  },
  {
    // a StatefulSet whose governing Service is marked as a database is one too; replicas left out means 1
    ruleId: 'POL-004',
    policies: [{ policy: { minDatabaseReplicas: 2 } }],
    trips: [{ ...sts('db', 1), spec: { ...sts('db', 1).spec, replicas: undefined } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'db', annotations: { 'golden-paths.dev/role': 'database' } }, spec: { clusterIP: 'None', selector: { app: 'db' } } }],
    message: 'database runs 1 replica(s); the platform policy requires at least 2',
    passes: [sts('db', 1), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'db' }, spec: { clusterIP: 'None', selector: { app: 'db' } } }],
  },
  {
    // claim templates of a StatefulSet are claims too, named in the message
    ruleId: 'POL-005',
    policies: [{ policy: { maxClaimSize: Size.gibibytes(100) } }],
    trips: [{ ...sts('db', 3), spec: { ...sts('db', 3).spec, volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { resources: { requests: { storage: '200Gi' } } } }] } }],
    message: 'claim template data requests 200Gi, more than the platform maximum 100Gi',
    passes: [{ ...sts('db', 3), spec: { ...sts('db', 3).spec, volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { resources: { requests: { storage: '100Gi' } } } }, null] } },
      // a Deployment has no claims of its own
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { resources: { requests: { storage: '1Ti' } } } }],
  },
  {
    // every host of a plain route is named; TLS hosts that do not cover a rule's host leave it plain
    ruleId: 'POL-002',
    policies: [{ policy: { requireTls: true } }],
    trips: [{ ...ingress(true), spec: { ...ingress(true).spec, rules: [...ingress(true).spec.rules, { host: 'admin.example.com', http: ingress(true).spec.rules[0].http }] } }],
    message: 'host admin.example.com is served without TLS, which the platform policy forbids',
    passes: [{ ...ingress(true), spec: { ...ingress(true).spec, tls: [null, { hosts: ['shop.example.com', 'admin.example.com'] }], rules: [...ingress(true).spec.rules, null, { host: 'admin.example.com', http: ingress(true).spec.rules[0].http }] } }],
  },
  {
    // an HTTPRoute without hostnames on a plain listener serves every hostname
    ruleId: 'POL-002',
    policies: [{ policy: { requireTls: true } }],
    trips: [gateway, { ...httpRoute('http', false), spec: { ...httpRoute('http', false).spec, hostnames: undefined } }],
    message: 'host (every hostname) is served without TLS',
    passes: [gateway, { ...httpRoute('https', false), spec: { ...httpRoute('https', false).spec, hostnames: undefined } }],
  },
  {
    // an HTTPRoute attached to several Gateways, or to a Gateway without a section: one plain HTTP listener among
    // them is enough to serve it without TLS; a route whose rules serve and redirect is still served
    ruleId: 'POL-002',
    policies: [{ policy: { requireTls: true } }],
    trips: [
      gateway,
      { ...gateway, metadata: { name: 'tls-only', namespace: 'default' }, spec: { ...gateway.spec, listeners: [gateway.spec.listeners[1]] } },
      { ...httpRoute('https', false), metadata: { name: 'both' }, spec: { ...httpRoute('https', false).spec, parentRefs: [{ name: 'tls-only' }, { name: 'public' }] } },
      { ...httpRoute('http', false), metadata: { name: 'mixed' }, spec: { ...httpRoute('http', false).spec, hostnames: ['admin.example.com'], rules: [...httpRoute('http', true).spec.rules, ...httpRoute('http', false).spec.rules] } },
    ],
    message: 'host shop.example.com is served without TLS, which the platform policy forbids\nhost admin.example.com is served without TLS, which the platform policy forbids',
    passes: [
      gateway,
      { ...gateway, metadata: { name: 'tls-only', namespace: 'default' }, spec: { ...gateway.spec, listeners: [gateway.spec.listeners[1]] } },
      { ...httpRoute('https', false), metadata: { name: 'both' }, spec: { ...httpRoute('https', false).spec, parentRefs: [{ name: 'tls-only' }] } },
      // an HTTPRoute of another API group is not Gateway API's, and an Ingress without a spec serves nothing
      { ...httpRoute('http', false), apiVersion: 'example.com/v1', metadata: { name: 'other' } },
      { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'empty' } },
    ],
  },
  {
    // hostPath volumes of a pod, named (or "(unnamed)"); a hostPath field outside a PV's spec or a pod volume is none
    ruleId: 'POL-003',
    policies: [{ policy: { forbidHostPath: true } }],
    trips: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'busybox:1.36' }], volumes: [{ name: 'logs', hostPath: { path: '/var/log' } }, { hostPath: { path: '/x' } }] } }],
    message: 'volume logs uses hostPath, which the platform policy forbids\nvolume (unnamed) uses hostPath, which the platform policy forbids',
    passes: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'busybox:1.36' }], volumes: [{ name: 'logs', emptyDir: {} }] } },
      { apiVersion: 'example.com/v1', kind: 'Backup', metadata: { name: 'b' }, spec: { hostPath: { path: '/backups' } } }],
  },
  {
    // a claim template without a name is still a claim template
    ruleId: 'POL-005',
    policies: [{ policy: { maxClaimSize: Size.gibibytes(100) } }],
    trips: [{ ...sts('db', 3), spec: { ...sts('db', 3).spec, volumeClaimTemplates: [{ spec: { resources: { requests: { storage: '101Gi' } } } }] } }],
    message: 'claim template requests 101Gi, more than the platform maximum 100Gi',
    passes: [{ ...sts('db', 3), spec: { ...sts('db', 3).spec, volumeClaimTemplates: [{ spec: { resources: { requests: { storage: '100Gi' } } } }] } }],
  },
  {
    // an empty label is a missing one; every missing label named
    ruleId: 'POL-006',
    policies: [{ policy: { requiredLabels: ['team', 'tier'] } }],
    trips: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', labels: { team: '' } } }],
    message: 'missing required label(s) team, tier',
    passes: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', labels: { team: 'shop', tier: 'web' } } }],
  },
  {
    ruleId: 'POL-008',
    policies: [{ policy: { requiredAnnotations: ['acme.com/owner', 'acme.com/runbook'] } }],
    trips: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', annotations: { 'acme.com/runbook': 'https://runbooks.acme.com/x' } } }],
    message: 'missing required annotation(s) acme.com/owner',
    passes: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', annotations: { 'acme.com/owner': 'payments@acme.com', 'acme.com/runbook': 'https://runbooks.acme.com/x' } } }],
  },
  {
    // an Ingress of no class is not of an allowed class
    ruleId: 'POL-007',
    policies: [{ policy: { allowedIngressClasses: ['nginx', 'traefik'] } }],
    trips: [{ ...ingress(true), spec: { ...ingress(true).spec, ingressClassName: undefined } }],
    message: 'ingress class (none) is not allowed by the platform policy (allowed: nginx, traefik)',
    passes: [ingress(true, 'traefik')],
  },
  {
    // a csi.driver outside a PersistentVolume is no provisioner
    ruleId: 'POL-001',
    policies: [{ policy: { allowedProvisioners: ['csi.exoscale.com'] } }],
    trips: [k.storageClass('lh', 'driver.longhorn.io')],
    message: 'provisioner driver.longhorn.io is not allowed',
    passes: [{ apiVersion: 'storage.k8s.io/v1', kind: 'VolumeAttachment', metadata: { name: 'va' }, spec: { attacher: 'driver.longhorn.io', nodeName: 'n1', source: {}, csi: { driver: 'driver.longhorn.io' } } }],
  },
  {
    ruleId: 'POL-006',
    policies: [{ policy: { requiredLabels: ['team'] } }],
    trips: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }],
    message: 'missing required label(s) team',
    passes: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', labels: { team: 'shop' } } }],
  },
  {
    ruleId: 'POL-007',
    policies: [{ policy: { allowedIngressClasses: ['nginx'] } }],
    trips: [ingress(true, 'traefik')],
    message: 'ingress class traefik is not allowed by the platform policy (allowed: nginx)',
    passes: [ingress(true, 'nginx')],
  },
  {
    ruleId: 'POL-008',
    policies: [{ policy: { requiredAnnotations: ['acme.com/owner'] } }],
    trips: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', annotations: { 'acme.com/owner': '' } } }],
    message: 'missing required annotation(s) acme.com/owner',
    passes: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', annotations: { 'acme.com/owner': 'payments@acme.com' } } }],
  },
];
