/**
 * The picture of every example (issue 19): the edges a reviewer looks for are there, findings are marked, and the
 * README shows each example's current picture (`npm run docs:topology` redraws them).
 */
import * as fs from 'fs';
import { edges, node } from './helpers';
import { README, examplePicture, exampleNames, synthExamples, updateReadme } from '../../scripts/gen-readme-topology';
import { buildTopology } from '../../src/graph/build';
import { Topology } from '../../src/graph/model';
import { ManifestInput, runValidation } from '../../src/validation/validate';

let inputs: Map<string, ManifestInput[]>;
const topo = (name: string): Topology => {
  const i = inputs.get(name)!;
  return buildTopology(i, { findings: runValidation(i) });
};

beforeAll(async () => {
  inputs = await synthExamples();
}, 120_000);

/** Every expected edge (strings, or patterns for names with cdk8s hashes) is among the picture's edges. */
function expectEdges(t: Topology, expected: Array<string | RegExp>): void {
  const all = edges(t);
  const missing = expected.filter((e) => !all.some((x) => (typeof e === 'string' ? x === e : e.test(x))));
  expect({ missing, all }).toEqual({ missing: [], all });
}

function findingsMarked(t: Topology): string[] {
  return [...t.nodes.values()].flatMap((n) => [...n.errors, ...n.warnings].map((r) => `${n.kind} ${n.name}: ${r}`)).sort();
}

test('every example is drawn', () => {
  expect([...inputs.keys()]).toEqual(exampleNames());
  expect(exampleNames().length).toBeGreaterThanOrEqual(7);
});

test('full-stack: host -> Ingress -> Service -> web -> uploads on EFS; CloudNativePG cluster on gp3; NetworkPolicy; Secret', () => {
  const t = topo('full-stack');
  expectEdges(t, [
    'shop.example.com -> Ingress shop [https]',
    /^Ingress shop -> Service full-stack-web-service-\w+ \[\/ :http\]$/,
    /^Service full-stack-web-service-\w+ -> Deployment full-stack-web-\w+ \[:80\]$/,
    /^Deployment full-stack-web-\w+ -> PersistentVolumeClaim uploads \[\/var\/www\/uploads\]$/,
    'PersistentVolumeClaim uploads -> StorageClass efs-uploads',
    'StorageClass efs-uploads -> provisioner efs.csi.aws.com',
    'Cluster (CloudNativePG) shop-db -> claim template data (shop-db) [data]',
    'Cluster (CloudNativePG) shop-db -.-> Secret shop-db-credentials [credentials]',
    'claim template data (shop-db) -> StorageClass ebs-gp3',
    'StorageClass ebs-gp3 -> provisioner ebs.csi.aws.com',
    /^Deployment full-stack-web-\w+ ==> Cluster \(CloudNativePG\) shop-db \[allows :5432\]$/,
    'pods app.kubernetes.io/name=cloudnative-pg in namespaces kubernetes.io/metadata.name=cnpg-system ==> Cluster (CloudNativePG) shop-db [allows :5432 :8000]',
    /^Deployment full-stack-web-\w+ -\.-> Secret shop-db-credentials \[env\]$/,
  ]);
  expect(node(t, 'Secret shop-db-credentials').external).toBe(true);
  expect(findingsMarked(t)).toEqual([]);
});

test('cms-shared-uploads: one Deployment on a static NFS volume and a CephFS class', () => {
  expectEdges(topo('cms-shared-uploads'), [
    /^Deployment cms-shared-uploads-web-\w+ -> PersistentVolumeClaim uploads \[\/var\/www\/uploads\]$/,
    'PersistentVolumeClaim uploads -> PersistentVolume cms-uploads [bound]',
    'PersistentVolume cms-uploads -> nfs nfs.storage.internal:/exports/cms/uploads',
    'PersistentVolumeClaim media-cache -> StorageClass cephfs-shared',
    'StorageClass cephfs-shared -> provisioner rook-ceph.cephfs.csi.ceph.com',
  ]);
});

test('darwin-dev: the hostPath volume carries its warning (STO-021), drawn amber', () => {
  const t = topo('darwin-dev');
  expectEdges(t, [
    /^Pod darwin-dev-nginx-\w+ -> PersistentVolumeClaim darwin-claim \[\/usr\/share\/nginx\/html\]$/,
    'PersistentVolumeClaim darwin-claim -> PersistentVolume darwin-volume [bound]',
    'PersistentVolume darwin-volume -> hostPath /mnt/data',
  ]);
  expect(findingsMarked(t)).toEqual(['PersistentVolume darwin-volume: STO-021']);
  const picture = examplePicture(inputs.get('darwin-dev')!);
  const id = /^ {4}(n\d+)\[\("PersistentVolume darwin-volume<br\/>.*⚠ warning STO-021"\)\]$/m.exec(picture)![1];
  expect(picture).toMatch(new RegExp(`^ {2}class ${id} warning$`, 'm'));
});

test('exoscale-postgres: StatefulSet on Exoscale block storage, backup CronJob, clients allowed by the NetworkPolicy', () => {
  const t = topo('exoscale-postgres');
  expectEdges(t, [
    'StatefulSet orders-db -> claim template data (orders-db) [/var/lib/postgresql/data]',
    'claim template data (orders-db) -> StorageClass exoscale-block-storage',
    'CronJob orders-db-backup -> PersistentVolumeClaim orders-db-backup [/backup]',
    'CronJob orders-db-backup ==> StatefulSet orders-db [allows :5432]',
    /^Deployment exoscale-postgres-orders-api-\w+ ==> StatefulSet orders-db \[allows :5432\]$/,
    'Service orders-db-headless -> StatefulSet orders-db [:5432]',
  ]);
  expect(node(t, 'StorageClass exoscale-block-storage').external).toBe(true);
  expect(node(t, 'StatefulSet orders-db').details).toEqual(['×1', 'ingress isolated']);
});

test('exoscale-web-server: host -> Ingress -> Service -> StatefulSet -> its www claim template on Exoscale block storage', () => {
  const t = topo('exoscale-web-server');
  expectEdges(t, [
    'www.example.com -> Ingress web-server [https]',
    'Ingress web-server -> Service web-server [/ :http]',
    'Service web-server -> StatefulSet web-server [:8080]',
    'StatefulSet web-server -> claim template www (web-server) [/usr/share/nginx/html]',
    'claim template www (web-server) -> StorageClass exoscale-block-storage',
  ]);
  expect(findingsMarked(t)).toEqual([]);
});

test('ha-postgres: the CloudNativePG cluster, its claim template, the operator and the API allowed in', () => {
  const t = topo('ha-postgres');
  expectEdges(t, [
    'Cluster (CloudNativePG) orders-db -> claim template data (orders-db) [data]',
    'claim template data (orders-db) -> StorageClass exoscale-block-storage',
    /^Deployment ha-postgres-orders-api-\w+ ==> Cluster \(CloudNativePG\) orders-db \[allows :5432\]$/,
    /^Deployment ha-postgres-orders-api-\w+ -\.-> Secret orders-db-app \[env\]$/,
    'pods app.kubernetes.io/name=cloudnative-pg in namespaces kubernetes.io/metadata.name=cnpg-system ==> Cluster (CloudNativePG) orders-db [allows :5432 :8000]',
  ]);
  expect(findingsMarked(t)).toEqual([]);
});

test('platform-golden-path: the namespace with its Pod Security level, the route, the database and the uploads', () => {
  const t = topo('platform-golden-path');
  expectEdges(t, [
    /^orders\.acme\.com -> Ingress orders-route-\w+ \[https\]$/,
    /^Ingress orders-route-\w+ -> Service orders-api-service-\w+ \[\/ :http\]$/,
    /^Deployment orders-api-deployment-\w+ -> PersistentVolumeClaim uploads \[\/srv\/uploads\]$/,
    'PersistentVolumeClaim uploads -> StorageClass efs',
    'claim template data (orders-db) -> StorageClass gp3',
  ]);
  expect(t.namespaceNotes.get('payments-orders')).toEqual(['Pod Security restricted']);
});

test('shop: three hosts, two Ingresses, two Services, two Deployments', () => {
  expectEdges(topo('shop'), [
    'shop.example.com -> Ingress shop [https]',
    'www.shop.example.com -> Ingress shop [https]',
    'api.example.com -> Ingress public-api [https]',
    /^Ingress shop -> Service shop-api-service-\w+ \[\/api :http\]$/,
    /^Ingress shop -> Service shop-web-service-\w+ \[\/ :http\]$/,
    /^Service shop-web-service-\w+ -> Deployment shop-web-\w+ \[:80\]$/,
    /^Service shop-api-service-\w+ -> Deployment shop-api-\w+ \[:80\]$/,
  ]);
});

test('shop-gateway: hosts -> HTTPRoutes attached to the platform Gateway\'s listeners -> Services, checkout in payments', () => {
  const t = topo('shop-gateway');
  expectEdges(t, [
    'shop.example.com -> HTTPRoute shop',
    'Gateway public -> HTTPRoute shop [https]',
    'Gateway public -> HTTPRoute shop-redirect [http]',
    'Gateway public -.-> Secret wildcard-example-com-tls [tls]',
    'HTTPRoute shop -> Service checkout [/checkout :8080]',
    /^HTTPRoute shop -> Service shop-api-service-\w+ \[\/api :80\]$/,
    /^Service shop-web-service-\w+ -> Deployment shop-web-\w+ \[:80\]$/,
  ]);
  expect(node(t, 'Service checkout').external).toBe(true);
  expect(findingsMarked(t)).toEqual([]);
});

test('storage-classes: each class and snapshot class -> its CSI driver', () => {
  expectEdges(topo('storage-classes'), [
    'StorageClass exoscale-block-storage -> provisioner csi.exoscale.com',
    'VolumeSnapshotClass exoscale-snapshot -> provisioner csi.exoscale.com',
    'StorageClass ebs-gp3 -> provisioner ebs.csi.aws.com',
    'StorageClass ceph-rbd -> provisioner rook-ceph.rbd.csi.ceph.com',
    'StorageClass longhorn-replicated -> provisioner driver.longhorn.io',
  ]);
});

test('README shows each example\'s current picture (run `npm run docs:topology`)', () => {
  const readme = fs.readFileSync(README, 'utf8');
  const pictures = new Map([...inputs].map(([name, i]) => [name, examplePicture(i)]));
  expect(readme).toBe(updateReadme(readme, pictures));
  for (const name of exampleNames()) expect(readme).toContain(`<!-- topology:${name} -->\n\n\`\`\`mermaid\nflowchart LR\n`);
});

test('updateReadme refuses a README without an example\'s block', () => {
  expect(() => updateReadme('# nothing here\n', new Map([['shop', 'flowchart LR\n']])))
    .toThrow('README.md has no <!-- topology:shop --> ... <!-- /topology:shop --> block for examples/shop');
});
