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
    // several replicas and no budget: the other half of the rule, with its own fix
    ruleId: 'DBS-001',
    trips: [db({ replicas: 3 })],
    message: '3 replicas and no PodDisruptionBudget selects them: a drain may evict them all at once',
    fix: 'Add a PodDisruptionBudget with maxUnavailable: 1 selecting the pod labels.',
    passes: [db({ replicas: 3 }), pdb],
  },
  {
    // a budget whose selector is empty selects nothing; replicas that are not a number are the schema's business
    ruleId: 'DBS-001',
    trips: [db({ replicas: 2 }), { ...pdb, spec: { maxUnavailable: 1, selector: {} } }],
    message: '2 replicas and no PodDisruptionBudget selects them',
    passes: [db({ replicas: '2' })],
  },
  {
    ruleId: 'DBS-002',
    trips: [db({ replicas: 3, persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Delete' } }), pdb],
    message: 'persistentVolumeClaimRetentionPolicy deletes the database volumes (whenDeleted: Delete, whenScaled: Delete)',
    // no policy at all: the API server's default, Retain/Retain
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
  {
    // not set: the API server's 30 s default is too short as well (mutation testing found the unset case untested)
    ruleId: 'DBS-004',
    trips: [db({ replicas: 3 }), pdb],
    message: 'terminationGracePeriodSeconds is not set (30 s by default), shorter than 120 s',
    // a pod template without spec is another rule's problem (SCH), not this one's
    passes: [db({ replicas: 3, template: { metadata: { labels } } }), pdb],
  },
  {
    // no pod template, or no spec at all: other rules' problems (SCH), and no crash of this one
    ruleId: 'DBS-004',
    trips: [db({ replicas: 3 }), pdb],
    message: 'terminationGracePeriodSeconds is not set (30 s by default), shorter than 120 s',
    passes: [db({ replicas: 3, template: undefined }), { ...db({ replicas: 3 }), metadata: { ...db({ replicas: 3 }).metadata, name: 'db2' }, spec: undefined }, pdb],
  },
  {
    // ReadOnlyMany too, every bad mode listed; a template without metadata is named "?"; one without spec is skipped
    ruleId: 'DBS-003',
    trips: [db({ replicas: 3, volumeClaimTemplates: [{ spec: { accessModes: ['ReadWriteMany', 'ReadOnlyMany'] } }] }), pdb],
    message: 'claim template ? requests ReadWriteMany, ReadOnlyMany',
    passes: [db({ replicas: 3, volumeClaimTemplates: [{ metadata: { name: 'data' } }, ...claim(['ReadWriteOncePod'])] }), pdb],
  },
];
