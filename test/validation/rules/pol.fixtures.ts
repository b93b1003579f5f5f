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
];
