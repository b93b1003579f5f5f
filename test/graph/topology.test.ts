/**
 * The topology picture (issue 19): a pure function of plain objects and findings. Each test builds the picture of a
 * small set of manifests and checks the edges a reviewer would look for.
 */
import { edges, node, topologyOf } from './helpers';
import { renderDot } from '../../src/graph/dot';
import { renderMermaid } from '../../src/graph/mermaid';

const WEB = `
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: shop, namespace: shop }
spec:
  ingressClassName: nginx
  tls: [{ hosts: [shop.example.com], secretName: shop-tls }]
  rules:
    - host: shop.example.com
      http:
        paths:
          - { path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }
    - host: plain.example.com
      http:
        paths:
          - { path: /api, pathType: Prefix, backend: { service: { name: api, port: { name: http } } } }
---
apiVersion: v1
kind: Service
metadata: { name: web, namespace: shop }
spec: { selector: { app: web }, ports: [{ port: 80, targetPort: 8080 }] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      imagePullSecrets: [{ name: registry }]
      containers:
        - name: web
          image: web:1.0
          env: [{ name: DB_PASSWORD, valueFrom: { secretKeyRef: { name: db-creds, key: password } } }]
          envFrom: [{ configMapRef: { name: web-config } }]
          volumeMounts: [{ name: uploads, mountPath: /srv/uploads }, { name: certs, mountPath: /etc/certs }]
      volumes:
        - { name: uploads, persistentVolumeClaim: { claimName: uploads } }
        - { name: certs, projected: { sources: [{ secret: { name: web-certs } }] } }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: web-config, namespace: shop }
data: { A: b }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: uploads, namespace: shop }
spec: { accessModes: [ReadWriteMany], storageClassName: "", volumeName: uploads-pv, resources: { requests: { storage: 100Gi } } }
---
apiVersion: v1
kind: PersistentVolume
metadata: { name: uploads-pv }
spec:
  capacity: { storage: 100Gi }
  accessModes: [ReadWriteMany]
  persistentVolumeReclaimPolicy: Retain
  storageClassName: ""
  claimRef: { namespace: shop, name: uploads }
  nfs: { server: nfs.internal, path: /exports/uploads }
`;

describe('traffic and storage', () => {
  const topo = topologyOf(WEB);

  test('hosts -> Ingress -> Service -> Deployment, with TLS and ports on the edges', () => {
    expect(edges(topo)).toEqual(expect.arrayContaining([
      'shop.example.com -> Ingress shop [https]',
      'plain.example.com -> Ingress shop [http]',
      'Ingress shop -> Service web [/ :80]',
      'Ingress shop -> Service api [/api :http]',
      'Ingress shop -.-> Secret shop-tls [tls]',
      'Service web -> Deployment web [:80]',
    ]));
  });

  test('the Deployment -> claim -> PersistentVolume -> NFS export, with the mount path', () => {
    expect(edges(topo)).toEqual(expect.arrayContaining([
      'Deployment web -> PersistentVolumeClaim uploads [/srv/uploads]',
      'PersistentVolumeClaim uploads -> PersistentVolume uploads-pv [bound]',
      'PersistentVolume uploads-pv -> nfs nfs.internal:/exports/uploads',
    ]));
    expect(node(topo, 'PersistentVolumeClaim uploads').details).toEqual(['100Gi RWX']);
    expect(node(topo, 'Deployment web').details).toContain('×3');
  });

  test('Secrets and ConfigMaps the pods use (env, envFrom, projected volume, image pull)', () => {
    expect(edges(topo)).toEqual(expect.arrayContaining([
      'Deployment web -.-> Secret db-creds [env]',
      'Deployment web -.-> ConfigMap web-config [env]',
      'Deployment web -.-> Secret web-certs [volume]',
      'Deployment web -.-> Secret registry [image pull]',
    ]));
  });

  test('referenced objects that are not among the manifests are marked external', () => {
    expect(node(topo, 'Service api').external).toBe(true);
    expect(node(topo, 'Secret db-creds').external).toBe(true);
    expect(node(topo, 'ConfigMap web-config').external).toBe(false);
    expect(renderMermaid(topo)).toMatch(/^ {2}class .*\bexternal$/m);
  });

  test('namespaced objects are grouped by namespace, cluster-scoped ones apart', () => {
    const m = renderMermaid(topo);
    expect(m).toContain('subgraph ns1["namespace shop"]');
    expect(m).toContain('subgraph cluster["cluster-scoped"]');
    const clusterBlock = m.slice(m.indexOf('subgraph cluster'));
    expect(clusterBlock.slice(0, clusterBlock.indexOf('  end'))).toContain('PersistentVolume uploads-pv');
  });
});

describe('StatefulSets, claim templates, classes and drivers', () => {
  const topo = topologyOf(`
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: gp3
  annotations: { storageclass.kubernetes.io/is-default-class: "true" }
provisioner: ebs.csi.aws.com
reclaimPolicy: Retain
volumeBindingMode: WaitForFirstConsumer
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db, namespace: data }
spec:
  replicas: 3
  serviceName: db
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec:
      containers: [{ name: db, image: postgres:16.4, volumeMounts: [{ name: data, mountPath: /var/lib/postgresql/data }] }]
  volumeClaimTemplates:
    - metadata: { name: data }
      spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 20Gi } } }
---
apiVersion: v1
kind: Service
metadata: { name: db-primary, namespace: data }
spec: { selector: { app: db, statefulset.kubernetes.io/pod-name: db-0 }, ports: [{ port: 5432 }] }
---
apiVersion: snapshot.storage.k8s.io/v1
kind: VolumeSnapshotClass
metadata: { name: ebs-snap }
driver: ebs.csi.aws.com
deletionPolicy: Retain
`, { validate: false });

  test('StatefulSet -> claim template -> default class -> CSI driver (named from the catalog)', () => {
    expect(edges(topo)).toEqual(expect.arrayContaining([
      'StatefulSet db -> claim template data (db) [/var/lib/postgresql/data]',
      'claim template data (db) -> StorageClass gp3 [default class]',
      'StorageClass gp3 -> provisioner ebs.csi.aws.com',
      'VolumeSnapshotClass ebs-snap -> provisioner ebs.csi.aws.com',
    ]));
    expect(node(topo, 'provisioner ebs.csi.aws.com').details).toEqual(['Amazon EBS']);
    expect(node(topo, 'claim template data (db)').details).toEqual(['20Gi RWO', 'one per pod (×3)']);
    expect(node(topo, 'StorageClass gp3').details).toEqual(['default class, Retain, WaitForFirstConsumer']);
  });

  test('a Service selecting one ordinal by statefulset.kubernetes.io/pod-name reaches the StatefulSet', () => {
    expect(edges(topo)).toContain('Service db-primary -> StatefulSet db [:5432]');
  });
});

describe('Gateway API: HTTPRoute -> Service from plain YAML', () => {
  const topo = topologyOf(`
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: public, namespace: infra }
spec:
  gatewayClassName: envoy
  listeners:
    - { name: https, port: 443, protocol: HTTPS, hostname: "*.example.com", tls: { certificateRefs: [{ name: wildcard-cert }] } }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: shop, namespace: shop }
spec:
  parentRefs: [{ name: public, namespace: infra, sectionName: https }]
  hostnames: [shop.example.com]
  rules:
    - matches: [{ path: { type: PathPrefix, value: /api } }]
      backendRefs: [{ name: api, port: 8080 }]
    - backendRefs: [{ name: web, port: 80 }, { name: legacy, namespace: old, port: 80 }]
---
apiVersion: v1
kind: Service
metadata: { name: api, namespace: shop }
spec: { selector: { app: api }, ports: [{ port: 8080 }] }
`, { validate: false });

  test('host -> HTTPRoute -> Services (cross-namespace included), Gateway -> route, listener certificate', () => {
    expect(edges(topo)).toEqual(expect.arrayContaining([
      'shop.example.com -> HTTPRoute shop',
      'Gateway public -> HTTPRoute shop [https]',
      'HTTPRoute shop -> Service api [/api :8080]',
      'HTTPRoute shop -> Service web [:80]',
      'HTTPRoute shop -> Service legacy [:80]',
      'Gateway public -.-> Secret wildcard-cert [tls]',
    ]));
    expect(node(topo, 'Service legacy').namespace).toBe('old');
    expect(node(topo, 'Gateway public').details).toEqual(['class envoy']);
  });
});

describe('operator clusters', () => {
  const topo = topologyOf(`
apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata: { name: orders, namespace: db }
spec:
  instances: 3
  storage: { size: 20Gi, storageClass: gp3 }
  walStorage: { size: 5Gi, storageClass: gp3 }
  superuserSecret: { name: orders-superuser }
---
apiVersion: k8s.mariadb.com/v1alpha1
kind: MariaDB
metadata: { name: shop, namespace: db }
spec:
  replicas: 3
  rootPasswordSecretKeyRef: { name: mariadb-root, key: password }
  storage: { size: 10Gi, storageClassName: gp3 }
---
apiVersion: mongodbcommunity.mongodb.com/v1
kind: MongoDBCommunity
metadata: { name: events, namespace: db }
spec:
  members: 3
  users: [{ name: app, passwordSecretRef: { name: events-app-password } }]
---
apiVersion: v1
kind: Service
metadata: { name: orders-any, namespace: db }
spec: { selector: { cnpg.io/cluster: orders }, ports: [{ port: 5432 }] }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: orders-1, namespace: db }
spec: { accessModes: [ReadWriteOnce], storageClassName: gp3, resources: { requests: { storage: 20Gi } } }
`, { validate: false });

  test('each cluster -> its claim templates -> class, and the Secrets it reads', () => {
    expect(edges(topo)).toEqual(expect.arrayContaining([
      'Cluster (CloudNativePG) orders -> claim template data (orders) [data]',
      'Cluster (CloudNativePG) orders -> claim template wal (orders) [wal]',
      'claim template data (orders) -> StorageClass gp3',
      'Cluster (CloudNativePG) orders -.-> Secret orders-superuser [credentials]',
      'MariaDB (mariadb-operator) shop -> claim template storage (shop) [storage]',
      'MariaDB (mariadb-operator) shop -.-> Secret mariadb-root [credentials]',
      'MongoDBCommunity (MongoDB Community operator) events -> claim template data-volume (events) [data-volume]',
      "claim template data-volume (events) -> StorageClass (the cluster's default class) [default class]",
      'MongoDBCommunity (MongoDB Community operator) events -.-> Secret events-app-password [credentials]',
    ]));
    expect(node(topo, 'Cluster (CloudNativePG) orders').details).toContain('×3 instances');
  });

  test('a Service selects the operator\'s pods by the labels the operator sets; its claims are drawn on the template', () => {
    expect(edges(topo)).toContain('Service orders-any -> Cluster (CloudNativePG) orders [:5432]');
    expect([...topo.nodes.values()].some((n) => n.kind === 'PersistentVolumeClaim')).toBe(false);
    expect(node(topo, 'claim template data (orders)').members).toContain('orders-1');
  });
});

describe('NetworkPolicies as allowed edges between workloads', () => {
  const topo = topologyOf(`
apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: shop }
spec:
  selector: { matchLabels: { app: api } }
  template: { metadata: { labels: { app: api } }, spec: { containers: [{ name: api, image: api:1 }] } }
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db, namespace: shop }
spec:
  serviceName: db
  selector: { matchLabels: { app: db } }
  template: { metadata: { labels: { app: db } }, spec: { containers: [{ name: db, image: db:1 }] } }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: db, namespace: shop }
spec:
  podSelector: { matchLabels: { app: db } }
  policyTypes: [Ingress]
  ingress:
    - from: [{ podSelector: { matchLabels: { app: api } } }]
      ports: [{ port: 5432 }]
    - from: [{ namespaceSelector: { matchLabels: { team: ops } } }, { ipBlock: { cidr: 10.0.0.0/8 } }]
`, { validate: false });

  test('pod selectors become edges between workloads, with ports; namespaces and CIDRs are peers', () => {
    expect(edges(topo)).toEqual(expect.arrayContaining([
      'Deployment api ==> StatefulSet db [allows :5432]',
      'all pods in namespaces team=ops ==> StatefulSet db [allows all ports]',
      '10.0.0.0/8 ==> StatefulSet db [allows all ports]',
    ]));
    expect(node(topo, 'StatefulSet db').details).toContain('ingress isolated');
    expect(node(topo, 'Deployment api').details).not.toContain('ingress isolated');
  });
});

describe('findings marked on their objects', () => {
  const text = `
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: { name: gp2 }
provisioner: kubernetes.io/aws-ebs
---
apiVersion: v1
kind: PersistentVolume
metadata: { name: scratch }
spec: { capacity: { storage: 1Gi }, accessModes: [ReadWriteOnce], hostPath: { path: /mnt/scratch } }
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: orphan, namespace: shop, annotations: { golden-paths.dev/suppress.STO-001: "" } }
spec: { minAvailable: 1, selector: { matchLabels: { app: nothing } } }
`;
  const topo = topologyOf(text);

  test('errors and warnings carry their rule ids; errors and warnings are styled differently', () => {
    const sc = node(topo, 'StorageClass gp2');
    expect([...sc.errors]).toContain('STO-001');
    const pv = node(topo, 'PersistentVolume scratch');
    expect([...pv.warnings]).toContain('STO-021');
    const m = renderMermaid(topo);
    expect(m).toMatch(/StorageClass gp2<br\/>.*✖ error STO-001/);
    expect(m).toMatch(/PersistentVolume scratch<br\/>.*⚠ warning [A-Z0-9 -]*STO-021/);
    expect(m).toMatch(/classDef error .*stroke:#cf222e/);
    expect(m).toMatch(/classDef warning .*stroke-dasharray/);
    const errorClass = /^ {2}class (\S+) error$/m.exec(m)![1].split(',');
    const warningClass = /^ {2}class (\S+) warning$/m.exec(m)![1].split(',');
    expect(errorClass.length).toBeGreaterThan(0);
    expect(warningClass.length).toBeGreaterThan(0);
    expect(errorClass.filter((id) => warningClass.includes(id))).toEqual([]);
  });

  test('an object not drawn otherwise (a PodDisruptionBudget) gets a node when it has findings', () => {
    const pdb = node(topo, 'PodDisruptionBudget orphan');
    expect([...pdb.errors]).toEqual(['VAL-001']);
    expect(topologyOf(text, { validate: false }).nodes.size).toBe(topo.nodes.size - 1);
  });

  test('DOT marks them too, with the same rule ids', () => {
    const d = renderDot(topo);
    expect(d).toMatch(/label="StorageClass gp2\\n.*✖ error STO-001", shape=parallelogram, color="#cf222e"/);
    expect(d).toMatch(/⚠ warning [A-Z0-9 -]*STO-021", shape=cylinder, color="#9a6700".*dashed/);
    expect(d).toMatch(/^digraph topology \{\n/);
    expect(d).toMatch(/subgraph cluster_cluster \{/);
  });
});

describe('collapsing what repeats', () => {
  /** A `kubectl get -o yaml` dump: a StatefulSet with its Pods, claims and volumes, a Deployment with ReplicaSet and Pods. */
  function dump(replicas: number): string {
    const docs: string[] = [`
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db, namespace: data }
spec:
  replicas: ${replicas}
  serviceName: db
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec: { containers: [{ name: db, image: db:1, volumeMounts: [{ name: data, mountPath: /data }] }] }
  volumeClaimTemplates:
    - metadata: { name: data }
      spec: { accessModes: [ReadWriteOnce], storageClassName: gp3, resources: { requests: { storage: 10Gi } } }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: data }
spec:
  selector: { matchLabels: { app: web } }
  template: { metadata: { labels: { app: web } }, spec: { containers: [{ name: web, image: web:1 }] } }
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: { name: web-5d9c, namespace: data, ownerReferences: [{ apiVersion: apps/v1, kind: Deployment, name: web, uid: u1, controller: true }] }
spec:
  selector: { matchLabels: { app: web } }
  template: { metadata: { labels: { app: web } }, spec: { containers: [{ name: web, image: web:1 }] } }`];
    for (let i = 0; i < replicas; i++) {
      docs.push(`
apiVersion: v1
kind: Pod
metadata: { name: db-${i}, namespace: data, labels: { app: db }, ownerReferences: [{ apiVersion: apps/v1, kind: StatefulSet, name: db, uid: u2, controller: true }] }
spec: { containers: [{ name: db, image: db:1 }], volumes: [{ name: data, persistentVolumeClaim: { claimName: data-db-${i} } }] }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: data-db-${i}, namespace: data }
spec: { accessModes: [ReadWriteOnce], storageClassName: gp3, volumeName: pvc-${i}, resources: { requests: { storage: 10Gi } } }
---
apiVersion: v1
kind: PersistentVolume
metadata: { name: pvc-${i} }
spec:
  capacity: { storage: 10Gi }
  accessModes: [ReadWriteOnce]
  storageClassName: gp3
  claimRef: { namespace: data, name: data-db-${i} }
  csi: { driver: ebs.csi.aws.com, volumeHandle: vol-${i} }
---
apiVersion: v1
kind: Pod
metadata: { name: web-5d9c-${i}, namespace: data, labels: { app: web }, ownerReferences: [{ apiVersion: apps/v1, kind: ReplicaSet, name: web-5d9c, uid: u3, controller: true }] }
spec: { containers: [{ name: web, image: web:1 }] }`);
    }
    return docs.join('\n---');
  }

  test('owned Pods and ReplicaSets fold into their owner; ordinal claims onto the claim template', () => {
    const topo = topologyOf(dump(5), { validate: false });
    expect(node(topo, 'Deployment web').details).toContain('owns 1 ReplicaSet, 5 Pod');
    expect(node(topo, 'StatefulSet db').details).toContain('owns 5 Pod');
    expect(node(topo, 'claim template data (db)').details).toContain('5 claims bound');
    expect([...topo.nodes.values()].filter((n) => n.kind === 'Pod' || n.kind === 'PersistentVolumeClaim')).toEqual([]);
  });

  test('repeated volumes collapse into one node standing for all of them', () => {
    const topo = topologyOf(dump(5), { validate: false });
    const pv = node(topo, 'PersistentVolume pvc-{0..4}');
    expect(pv.details).toContain('5 objects');
    expect(edges(topo)).toEqual(expect.arrayContaining([
      'claim template data (db) -> PersistentVolume pvc-{0..4} [bound]',
      'PersistentVolume pvc-{0..4} -> StorageClass gp3',
    ]));
    expect(topo.notes.join('\n')).toMatch(/similar objects drawn as 1 nodes/);
  });

  test('two similar objects stay apart (collapse starts at three)', () => {
    const topo = topologyOf(dump(2), { validate: false });
    expect(node(topo, 'PersistentVolume pvc-0')).toBeDefined();
    expect(node(topo, 'PersistentVolume pvc-1')).toBeDefined();
  });

  test('the picture of 1,000 objects stays small: Pods, claims and volumes of 250 replicas are one node each', () => {
    const topo = topologyOf(dump(250), { validate: false });
    expect(topo.objectCount).toBe(1003);
    expect(topo.nodes.size).toBeLessThan(10);
  });
});

describe('usable at 500 objects', () => {
  /** 50 apps of 10 objects each, every one named differently (nothing repeats by ordinal). */
  function estate(apps: number): string {
    const names = ['orders', 'billing', 'search', 'catalog', 'users', 'auth', 'media', 'reports', 'mail', 'cart'];
    const docs: string[] = [];
    for (let i = 0; i < apps; i++) {
      const app = `${names[i % names.length]}-${String.fromCharCode(97 + Math.floor(i / names.length))}`;
      const ns = `team-${i % 5}`;
      docs.push(`apiVersion: apps/v1
kind: Deployment
metadata: { name: ${app}, namespace: ${ns} }
spec:
  selector: { matchLabels: { app: ${app} } }
  template:
    metadata: { labels: { app: ${app} } }
    spec:
      containers: [{ name: app, image: app:1, envFrom: [{ secretRef: { name: ${app}-secret } }, { configMapRef: { name: ${app}-config } }] }]
      volumes: [{ name: data, persistentVolumeClaim: { claimName: ${app}-data } }]`,
      `apiVersion: v1
kind: Service
metadata: { name: ${app}, namespace: ${ns} }
spec: { selector: { app: ${app} }, ports: [{ port: 80 }] }`,
      `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: ${app}, namespace: ${ns} }
spec: { rules: [{ host: ${app}.example.com, http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: ${app}, port: { number: 80 } } } }] } }] }`,
      `apiVersion: v1
kind: Secret
metadata: { name: ${app}-secret, namespace: ${ns} }`,
      `apiVersion: v1
kind: ConfigMap
metadata: { name: ${app}-config, namespace: ${ns} }`,
      `apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: ${app}-data, namespace: ${ns} }
spec: { accessModes: [ReadWriteOnce], storageClassName: gp3, resources: { requests: { storage: 1Gi } } }`,
      `apiVersion: v1
kind: ServiceAccount
metadata: { name: ${app}, namespace: ${ns} }`,
      `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: ${app}, namespace: ${ns} }
spec: { maxUnavailable: 1, selector: { matchLabels: { app: ${app} } } }`,
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: ${app}, namespace: ${ns} }
spec: { podSelector: { matchLabels: { app: ${app} } }, ingress: [{ from: [{ podSelector: {} }] }] }`,
      `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: ${app}, namespace: ${ns} }
spec: { scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: ${app} }, minReplicas: 2, maxReplicas: 5 }`);
    }
    return docs.join('\n---\n');
  }

  test('fits what Mermaid renders (at most 500 edges, 50,000 characters) and says what it folded', () => {
    const topo = topologyOf(estate(50), { validate: false });
    expect(topo.objectCount).toBe(500);
    const m = renderMermaid(topo);
    expect(m.length).toBeLessThan(50_000);
    expect(m.split('\n').filter((l) => / (-->|-\.->|==>) /.test(l)).length).toBeLessThanOrEqual(300);
    expect(m).toMatch(/%% collapsed: Secrets and ConfigMaps folded into the labels of their users/);
    expect(m).toMatch(/%% collapsed: objects of the same kind .* --namespace on the CLI/);
    // a group says how many objects it is and names some of them
    expect(m).toMatch(/"Deployment ×10<br\/>.*auth-a, auth-b, auth-c and 7 more/);
    // every namespace is still drawn, and each group keeps the chain host -> Ingress -> Service -> Deployment -> claim -> class
    for (let ns = 0; ns < 5; ns++) expect(m).toContain(`namespace team-${ns}`);
    expect(edges(topo).some((e) => /^Ingress .* -> Service /.test(e))).toBe(true);
    expect(edges(topo).some((e) => /^Deployment .* -> PersistentVolumeClaim /.test(e))).toBe(true);
  });

  test('one namespace of it is drawn object by object', () => {
    const topo = topologyOf(estate(50), { validate: false, namespaces: ['team-0'] });
    expect(topo.notes).toEqual([]);
    expect(node(topo, 'Deployment orders-a')).toBeDefined();
    expect(topo.nodes.size).toBeGreaterThan(0);
    expect([...topo.nodes.values()].filter((n) => n.namespace !== undefined && n.namespace !== 'team-0').map((n) => n.namespace)).toEqual([]);
  });

  test('at 50 objects nothing is folded: every object has its own node', () => {
    const topo = topologyOf(estate(5), { validate: false });
    expect(topo.notes).toEqual([]);
    expect(node(topo, 'Deployment orders-a')).toBeDefined();
    expect(node(topo, 'Secret orders-a-secret')).toBeDefined();
  });
});

describe('output', () => {
  test('is deterministic: the same objects in any order give the same bytes', () => {
    const docs = WEB.split(/^---$/m);
    const a = renderMermaid(topologyOf(docs.join('---')));
    const b = renderMermaid(topologyOf([...docs].reverse().join('---')));
    expect(a).toBe(b);
  });

  test('labels are escaped for Mermaid and DOT', () => {
    const topo = topologyOf(`
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: odd, namespace: x }
spec: { rules: [{ host: a.example.com, http: { paths: [{ path: '/a"b<c>#d|e', pathType: ImplementationSpecific, backend: { service: { name: s, port: { number: 1 } } } }] } }] }
`, { validate: false });
    const m = renderMermaid(topo);
    expect(m).toContain('|"/a#quot;b#lt;c#gt;#35;d#124;e :1"|');
    expect(renderDot(topo)).toContain('label="/a\\"b<c>#d|e :1"');
  });
});
