/* kube-linter's checks and the rules that cover them: scripts/kube-linter-coverage.ts, rendered into docs/rules.md. */
import { RuleFixture } from './fixture';
import { container, podSpec, w } from './wkl.fixtures';

const RESTRICTED = { 'golden-paths.dev/pod-security': 'restricted', 'app.kubernetes.io/managed-by': 'cdk8s-golden-paths', 'app': 'web' };

/** A Deployment whose pods the library labels restricted. */
function libraryDeployment(pod: Record<string, any> = {}): any {
  const d = w.deployment('web', { selector: { matchLabels: { app: 'web' } } }, { automountServiceAccountToken: false, ...pod });
  d.metadata.labels = { 'app.kubernetes.io/managed-by': 'cdk8s-golden-paths' };
  d.spec.template.metadata.labels = RESTRICTED;
  return d;
}

const sc = (extra: Record<string, any>): any => ({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] }, ...extra });

export const FIXTURES: RuleFixture[] = [
  {
    ruleId: 'SEC-001',
    trips: [w.deployment('web', {}, { containers: [container({ env: [{ name: 'DB_PASSWORD', value: 'hunter2' }] })] })],
    message: 'container app: env DB_PASSWORD has a literal value; use valueFrom.secretKeyRef',
    passes: [w.deployment('web', {}, {
      containers: [container({
        env: [
          { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
          { name: 'DB_PASSWORD_FILE', value: '/run/secrets/db/password' },
        ],
      })],
    })],
  },
  {
    ruleId: 'SEC-002',
    trips: [w.deployment('web', {}, { containers: [container({ securityContext: sc({ privileged: true }) })] })],
    message: 'container app: securityContext.privileged is true',
    passes: [w.deployment('web', {}, { containers: [container({ securityContext: sc({ privileged: false }) })] })],
  },
  {
    ruleId: 'SEC-003',
    trips: [w.deployment('web', {}, { containers: [container({ securityContext: sc({ allowPrivilegeEscalation: true }) })] })],
    message: 'container app: securityContext.allowPrivilegeEscalation is true',
    passes: [w.deployment('web')],
  },
  {
    ruleId: 'SEC-004',
    trips: [w.deployment('web', {}, { containers: [container({ securityContext: sc({ runAsUser: 0 }) })] })],
    message: 'container app: runs as runAsUser 0 (root)',
    passes: [w.deployment('web', {}, { containers: [container({ securityContext: sc({ runAsUser: 1001 }) })] })],
  },
  {
    ruleId: 'SEC-005',
    trips: [w.deployment('web', {}, { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } })],
    message: 'container app: runAsNonRoot is not set',
    passes: [w.deployment('web', {}, { securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } } })],
  },
  {
    ruleId: 'SEC-006',
    trips: [w.deployment('web', {}, { volumes: [{ name: 'logs', hostPath: { path: '/var/log/app' } }] })],
    message: 'volume logs is a hostPath ("/var/log/app")',
    passes: [w.deployment('web', {}, { volumes: [{ name: 'logs', emptyDir: {} }] })],
  },
  {
    ruleId: 'SEC-007',
    trips: [w.deployment('web', {}, { hostNetwork: true, hostPID: true })],
    message: 'hostNetwork, hostPID are true',
    passes: [w.deployment('web', {}, { hostNetwork: false })],
  },
  {
    ruleId: 'SEC-008',
    trips: [w.deployment('web', {}, { containers: [container({ image: 'registry.example:5000/app' })] })],
    message: 'container app: image registry.example:5000/app has no tag (pulls latest)',
    passes: [w.deployment('web', {}, { containers: [container({ image: 'registry.example:5000/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' })] })],
  },
  {
    ruleId: 'SEC-009',
    trips: [libraryDeployment({ automountServiceAccountToken: undefined })],
    message: 'spec.template.spec.automountServiceAccountToken is not false: the service account token is mounted',
    passes: [
      libraryDeployment({ automountServiceAccountToken: undefined, serviceAccountName: 'web' }),
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'web', namespace: 'default' }, automountServiceAccountToken: false },
    ],
  },
  {
    ruleId: 'SEC-010',
    trips: [libraryDeployment({ securityContext: { runAsNonRoot: true }, containers: [container({ securityContext: { readOnlyRootFilesystem: true } })] })],
    message: 'not Pod Security restricted: container app: securityContext.allowPrivilegeEscalation is not false; container app: seccompProfile is not set',
    passes: [libraryDeployment()],
  },
  {
    ruleId: 'SEC-011',
    trips: [w.deployment('web', {}, { volumes: [{ name: 'docker', hostPath: { path: '/var/run/docker.sock' } }] })],
    message: 'volume docker mounts the container runtime socket /var/run/docker.sock',
    passes: [w.deployment('web', {}, { volumes: [{ name: 'docker', hostPath: { path: '/var/lib/app-cache' } }] })],
  },
  {
    // any runtime socket at its known path, and the directory that holds it; not every *.sock (issue 17)
    ruleId: 'SEC-011',
    trips: [w.deployment('web', {}, { volumes: [{ name: 'crio', hostPath: { path: '/run/crio/crio.sock' } }, { name: 'run', hostPath: { path: '/var/run/' } }] })],
    message: 'volume run mounts /var/run/, the host directory of the container runtime socket',
    passes: [w.deployment('web', {}, {
      volumes: [{ name: 'csi', hostPath: { path: '/var/lib/kubelet/plugins/csi.example.com/csi.sock' } }, { name: 'app', hostPath: { path: '/var/run/app/app.sock' } }],
    })],
  },
  {
    ruleId: 'SEC-012',
    trips: [w.deployment('web', {}, { containers: [container({ securityContext: sc({ capabilities: { drop: ['ALL'], add: ['SYS_ADMIN'] } }) })] })],
    message: 'container app: capabilities.add "SYS_ADMIN" is not allowed by Pod Security baseline',
    passes: [w.deployment('web', {}, { containers: [container({ securityContext: sc({ capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } }) })] })],
  },
  {
    ruleId: 'SEC-013',
    trips: [w.deployment('web', {}, { containers: [container({ securityContext: sc({ capabilities: { drop: ['SETUID'] } }) })] })],
    message: 'container app: capabilities.drop includes neither ALL nor NET_RAW',
    passes: [w.deployment('web', {}, { containers: [container({ securityContext: sc({ capabilities: { drop: ['NET_RAW'] } }) })] })],
  },
  {
    ruleId: 'SEC-014',
    trips: [w.deployment('web', {}, { securityContext: { ...podSpec().securityContext, sysctls: [{ name: 'net.core.somaxconn', value: '1024' }] } })],
    message: 'sysctl net.core.somaxconn is not a safe sysctl',
    passes: [w.deployment('web', {}, { securityContext: { ...podSpec().securityContext, sysctls: [{ name: 'net.ipv4.ip_local_port_range', value: '1024 65535' }] } })],
  },
  {
    ruleId: 'SEC-015',
    trips: [w.deployment('web', {}, { containers: [container({ securityContext: sc({ readOnlyRootFilesystem: false }) })] })],
    message: 'container app: readOnlyRootFilesystem is not true',
    passes: [w.deployment('web')],
  },
  {
    ruleId: 'SEC-016',
    trips: [w.deployment('web', {}, { containers: [container({ ports: [{ containerPort: 22 }] })] })],
    message: 'container app: exposes port 22 (SSH)',
    passes: [w.deployment('web', {}, { containers: [container({ ports: [{ containerPort: 8080 }] })] })],
  },
  {
    ruleId: 'SEC-017',
    trips: [w.deployment('db', {}, { containers: [container({ image: 'docker.io/library/mysql:8.4', env: [{ name: 'MYSQL_ALLOW_EMPTY_PASSWORD', value: '1' }] })] })],
    message: 'container app: env MYSQL_ALLOW_EMPTY_PASSWORD="1" lets root log in with an empty password',
    passes: [w.deployment('db', {}, {
      containers: [container({
        image: 'docker.io/library/mysql:8.4',
        env: [{ name: 'MYSQL_RANDOM_ROOT_PASSWORD', value: 'yes' }, { name: 'ALLOW_EMPTY_PASSWORD', value: 'no' }, { name: 'POSTGRES_HOST_AUTH_METHOD', value: 'scram-sha-256' }],
      })],
    })],
  },
  {
    ruleId: 'SEC-017',
    trips: [w.deployment('pg', {}, { containers: [container({ env: [{ name: 'POSTGRES_HOST_AUTH_METHOD', value: 'trust' }] })] })],
    message: 'env POSTGRES_HOST_AUTH_METHOD="trust" lets every client log in without a password',
    passes: [w.deployment('pg', {}, { containers: [container({ env: [{ name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'pg', key: 'password' } } }] })] })],
  },
  {
    // the switches about passwords are not literal credentials (SEC-017 reports what they allow)
    ruleId: 'SEC-001',
    trips: [w.deployment('db', {}, { containers: [container({ env: [{ name: 'MARIADB_ROOT_PASSWORD', value: 'yes' }] })] })],
    message: 'env MARIADB_ROOT_PASSWORD has a literal value',
    passes: [w.deployment('db', {}, {
      containers: [container({ env: [{ name: 'MYSQL_ALLOW_EMPTY_PASSWORD', value: '1' }, { name: 'MARIADB_ALLOW_EMPTY_ROOT_PASSWORD', value: 'yes' }, { name: 'MYSQL_RANDOM_ROOT_PASSWORD', value: 'true' }] })],
    })],
  },
  {
    ruleId: 'SEC-018',
    trips: [w.deployment('web', {}, { securityContext: { runAsNonRoot: true, runAsUser: 1000 } })],
    message: 'container app: no seccomp profile',
    passes: [w.deployment('web'), w.deployment('api', {}, { securityContext: { runAsNonRoot: true }, containers: [container({ securityContext: sc({ seccompProfile: { type: 'Localhost', localhostProfile: 'app.json' } }) })] })],
  },
  {
    ruleId: 'SEC-019',
    trips: [w.deployment('web', {}, { securityContext: { ...podSpec().securityContext, runAsGroup: 0 } })],
    message: 'container app: runs with runAsGroup 0 (root group)',
    passes: [w.deployment('web', {}, { securityContext: { ...podSpec().securityContext, runAsGroup: 1000, fsGroup: 1000 } })],
  },
  {
    ruleId: 'SEC-019',
    trips: [w.deployment('web', {}, { securityContext: { ...podSpec().securityContext, fsGroup: 0, supplementalGroups: [0] } })],
    message: 'securityContext.fsGroup is 0 (root group owns the volumes)',
    passes: [w.deployment('web', {}, { securityContext: { ...podSpec().securityContext, supplementalGroups: [1000] } })],
  },
  {
    ruleId: 'SEC-020',
    trips: [w.deployment('web', {}, { containers: [container({ securityContext: sc({ procMount: 'Unmasked' }) })] })],
    message: 'container app: securityContext.procMount is "Unmasked"',
    passes: [w.deployment('web', {}, { containers: [container({ securityContext: sc({ procMount: 'Default' }) })] })],
  },
  {
    ruleId: 'SEC-021',
    trips: [w.deployment('web', {}, { containers: [container({ ports: [{ containerPort: 80 }] })] })],
    message: 'container app: containerPort 80 is a privileged port',
    passes: [w.deployment('web', {}, { containers: [container({ ports: [{ containerPort: 8080 }] })] })],
  },
  {
    ruleId: 'SEC-022',
    trips: [role([{ apiGroups: [''], resources: ['*'], verbs: ['get'] }])],
    message: 'rules[0] grants * in resources',
    passes: [role([{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }])],
  },
  {
    ruleId: 'SEC-023',
    trips: [binding('cluster-admin')],
    message: 'binds the cluster-admin ClusterRole',
    passes: [binding('view')],
  },
  {
    ruleId: 'SEC-024',
    trips: [role([{ apiGroups: [''], resources: ['secrets'], verbs: ['list'] }])],
    message: 'rules[0] grants list on secrets',
    passes: [role([{ apiGroups: [''], resources: ['configmaps'], verbs: ['list'] }, { apiGroups: [''], resources: ['secrets'], verbs: ['create'] }])],
  },
  {
    ruleId: 'SEC-025',
    trips: [role([{ apiGroups: ['apps'], resources: ['deployments'], verbs: ['create', 'update'] }])],
    message: 'rules[0] grants create on deployments',
    passes: [role([{ apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'list'] }])],
  },
  {
    ruleId: 'SEC-026',
    trips: [w.deployment('web', {}, { automountServiceAccountToken: true })],
    message: 'runs as the default ServiceAccount with its token mounted',
    passes: [w.deployment('web', {}, { automountServiceAccountToken: false }), w.deployment('api', {}, { serviceAccountName: 'api' })],
  },
  {
    ruleId: 'SEC-027',
    trips: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }] } }],
    message: 'type NodePort exposes the Service outside the cluster',
    passes: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } }],
  },
  {
    ruleId: 'SEC-028',
    trips: [w.deployment('web')],
    message: 'no NetworkPolicy among the objects selects its pods in namespace default',
    passes: [w.deployment('web'), { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny', namespace: 'default' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } }],
  },
];

function role(rules: any[]): any {
  return { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'app', namespace: 'default' }, rules };
}

function binding(roleName: string): any {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'ci' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: roleName },
    subjects: [{ kind: 'ServiceAccount', name: 'ci', namespace: 'ci' }],
  };
}
