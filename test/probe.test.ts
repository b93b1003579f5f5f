import { Validator } from '../src';
test('x', () => {
  const dep = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' }, spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', imagePullPolicyy: 'Always' }] } } } };
  console.log('depth', Validator.validate([dep]).filter((f) => f.ruleId.startsWith('SCH')).map((f) => Validator.format(f)).join('\n'));
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'shop' }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', imagePullPolicyy: 'Always' }] } };
  console.log('pod', Validator.validate([pod]).filter((f) => f.ruleId.startsWith('SCH')).map((f) => Validator.format(f)).join('\n'));
  const pvc = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c', namespace: 'shop' }, spec: { accessModes: ['ReadWriteMany'], storageClassName: 'local', resources: { requests: { storage: '1Gi' } } } };
  const sc = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local' }, provisioner: 'openebs.io/local', volumeBindingMode: 'WaitForFirstConsumer', reclaimPolicy: 'Retain' };
  console.log('rwx', Validator.validate([pvc, sc]).map((f) => Validator.format(f)).join('\n'));
  const ing = (name: string, pathType: string) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace: 'shop' }, spec: { ingressClassName: 'nginx', rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/api', pathType, backend: { service: { name: 'api', port: { number: 80 } } } }] } }] } });
  console.log('ing', Validator.validate([ing('a', 'Prefix'), ing('b', 'Exact')]).filter((f) => f.ruleId === 'ING-009').map((f) => Validator.format(f)).join('\n'));
  console.log('ing-same', Validator.validate([ing('a', 'Prefix'), ing('b', 'Prefix')]).filter((f) => f.ruleId === 'ING-009').map((f) => Validator.format(f)).join('\n'));
});
