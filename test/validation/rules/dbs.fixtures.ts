import { RuleFixture } from './fixture';

const labels = { 'app.kubernetes.io/name': 'postgres', 'app.kubernetes.io/instance': 'db' };

function db(spec: Record<string, any>): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db', namespace: 'shop', annotations: { 'golden-paths.dev/role': 'database' } },
    spec: {
      serviceName: 'db-headless',
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'postgres', image: 'docker.io/library/postgres:16.4' }] } },
      ...spec,
    },
  };
}

const pdb = { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'db', namespace: 'shop' }, spec: { maxUnavailable: 1, selector: { matchLabels: labels } } };
const claim = (accessModes: string[]) => [{ metadata: { name: 'data' }, spec: { accessModes, resources: { requests: { storage: '10Gi' } } } }];

export const FIXTURES: RuleFixture[] = [
  {
    ruleId: 'DBS-001',
    trips: [db({ replicas: 1 })],
    message: '1 replica: no PodDisruptionBudget can protect it',
    passes: [db({ replicas: 3 }), pdb],
  },
  {
    ruleId: 'DBS-002',
    trips: [db({ replicas: 3, persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Retain' } }), pdb],
    message: 'persistentVolumeClaimRetentionPolicy deletes the database volumes (whenDeleted: Delete)',
    passes: [db({ replicas: 3, persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' } }), pdb],
  },
  {
    ruleId: 'DBS-003',
    trips: [db({ replicas: 3, volumeClaimTemplates: claim(['ReadWriteMany']) }), pdb],
    message: 'claim template data requests ReadWriteMany',
    passes: [db({ replicas: 3, volumeClaimTemplates: claim(['ReadWriteOnce']) }), pdb],
  },
  {
    ruleId: 'DBS-004',
    trips: [db({ replicas: 3, template: { metadata: { labels }, spec: { terminationGracePeriodSeconds: 30, containers: [{ name: 'postgres', image: 'docker.io/library/postgres:16.4' }] } } }), pdb],
    message: 'terminationGracePeriodSeconds 30 is shorter than 120 s',
    passes: [db({ replicas: 3, template: { metadata: { labels }, spec: { terminationGracePeriodSeconds: 120, containers: [{ name: 'postgres', image: 'docker.io/library/postgres:16.4' }] } } }), pdb],
  },
];
