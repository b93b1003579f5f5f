import { LockedObject } from './lock-file';
import { Change, Guide, Verdict, changeText, copyMigration, kubectl, objRef, show } from './migration-text';
import { claimStorage, sizeOrder, statefulSetStorage, volumeCapacity } from './resize-migration';
import { Severity } from '../validation/finding';

/**
 * Migration guidance: for each change to a locked field, why the cluster refuses it (or what to watch) and the safe
 * migration, step by step. One table, by kind: the first rule of the object's kind that covers the change gives the
 * verdict. A new immutable field is one rule (and one field in extract.ts).
 */

/** Guidance for one kind of change to a locked field. */
interface Rule {
  /** Whether the rule covers the change. */
  readonly when: (c: Change) => boolean;
  /** The verdict: undefined when the change is allowed as it is. */
  readonly verdict: (c: Change, guide: Guide) => Verdict | undefined;
}

const field = (...names: string[]) => (c: Change) => names.includes(c.field);
const always = () => true;

/**
 * A size field whose old and new values both parse as quantities: the same size written differently is no change;
 * otherwise `verdict` gets the sign of the change. A size that does not parse falls through to the next rules.
 */
function resized(pattern: RegExp, verdict: (c: Change, guide: Guide, order: number) => Verdict | undefined): Rule {
  return {
    when: (c) => pattern.test(c.field) && sizeOrder(c.oldValue, c.newValue) !== undefined,
    verdict: (c, guide) => {
      const order = sizeOrder(c.oldValue, c.newValue)!;
      return order === 0 ? undefined : verdict(c, guide, order); // 0: the same size written differently (10Gi, 10240Mi)
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// StatefulSet

function statefulSetRefusal(c: Change): string {
  return `${changeText(c)}: Kubernetes refuses changes to a StatefulSet's ${c.field.replace(/\[.*$/, '').replace(/\..*$/, '')} ("updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden")`;
}

/** Re-creating a StatefulSet around its running pods and claims. */
function orphan(c: Change): string {
  const o = c.entry.locked;
  return `\`${kubectl(o)} delete statefulset ${o.name} --cascade=orphan\` (the pods and claims keep running), then re-apply: the new StatefulSet adopts them`;
}

function statefulSetClaimTemplates(c: Change): Verdict {
  return {
    severity: Severity.ERROR,
    message: statefulSetRefusal(c),
    steps: [
      'Existing claims keep the spec they were created with, whatever the template says: re-creating the StatefulSet changes only claims created later (new ordinals).',
      `To change only future claims: ${orphan(c)}.`,
      `To change the existing volumes (e.g. another StorageClass or access mode): ${copyMigration('a StatefulSet with the new claim template')}`,
    ],
  };
}

function statefulSetSelector(c: Change): Verdict {
  return {
    severity: Severity.ERROR,
    message: statefulSetRefusal(c),
    steps: [
      'Prefer keeping the selector and changing only pod labels that are not in it.',
      `Otherwise: ${orphan(c)}; it adopts only pods its new selector matches, so the pod template's labels must match both, or the old pods stay orphaned (delete them one at a time: their claims are kept and re-attached).`,
    ],
  };
}

function statefulSetServiceName(c: Change): Verdict {
  return {
    severity: Severity.ERROR,
    message: statefulSetRefusal(c),
    steps: [
      `Create the headless Service ${show(c.newValue)} first.`,
      `${orphan(c)}.`,
      `Pods take the new DNS subdomain when re-created: \`${kubectl(c.entry.locked)} rollout restart statefulset ${c.entry.locked.name}\`.`,
    ],
  };
}

/** podManagementPolicy (and any other field). */
function statefulSetPolicy(c: Change): Verdict {
  return {
    severity: Severity.ERROR,
    message: statefulSetRefusal(c),
    steps: ['Nothing to prepare.', `${orphan(c)}.`, 'The new policy applies to the next scaling.'],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// PersistentVolumeClaim

/** A field the manifest left unset and the cluster filled in (the default class, the bound volume). */
function claimFilledIn(c: Change): Verdict {
  const o = c.entry.locked;
  return {
    severity: Severity.WARNING,
    message: `${changeText(c)}: the cluster filled this field in when the claim was created; the API server accepts only the value it already holds`,
    steps: [`Check it matches: \`${kubectl(o)} get pvc ${o.name} -o jsonpath='{.spec.${c.field}}'\`; if not, ${copyMigration('a claim with the new spec').replace(/^Move/, 'move')}`],
  };
}

function claimSpec(c: Change): Verdict {
  return {
    severity: Severity.ERROR,
    message: `${changeText(c)}: a claim's spec is immutable after creation except growing its storage ("spec is immutable after creation except resources.requests for bound claims")`,
    steps: [copyMigration('a claim with the new spec'), 'Point the workload at the new claim before deleting the old one; check the old volume\'s reclaim policy (Retain keeps the data).'],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// StorageClass, PersistentVolume, Service, Job, other workloads

/** A StorageClass field; `existing` is the step for the volumes the class already made. */
function storageClassField(existing: string): (c: Change) => Verdict {
  return (c) => ({
    severity: Severity.ERROR,
    message: `${changeText(c)}: a StorageClass's provisioner, parameters, reclaimPolicy and volumeBindingMode are immutable ("updates to parameters are forbidden")`,
    steps: [
      'Existing volumes keep the settings they were created with: a class only shapes new volumes.',
      `Create a StorageClass under a new name with the new settings and point new claims at it; or delete and re-create this one (\`kubectl delete storageclass ${c.entry.locked.name}\`, then re-apply: deleting a class does not touch existing volumes, but claims created meanwhile fail to provision).`,
      existing,
    ],
  });
}

function volumeSource(c: Change): Verdict {
  return {
    severity: Severity.ERROR,
    message: `${changeText(c)}: a PersistentVolume's volume source${c.field === 'nodeAffinity' ? ' and node affinity are' : ' is'} immutable ("spec.persistentvolumesource: Forbidden: spec.persistentvolumesource is immutable after creation")`,
    steps: [
      `Set persistentVolumeReclaimPolicy: Retain on ${c.entry.locked.name} before touching it, so deleting the PV object keeps the data.`,
      'Create a PV under a new name for the new source and a claim bound to it, copy the data if needed, point the workload at the new claim, then delete the old PV and claim.',
    ],
  };
}

function serviceClusterIP(c: Change): Verdict {
  return {
    severity: Severity.ERROR,
    message: `${changeText(c)}: a Service's clusterIP cannot change (headless "None" <-> an allocated IP) ("field is immutable")`,
    steps: [
      `Delete and re-create it: \`${kubectl(c.entry.locked)} delete service ${c.entry.locked.name}\`, then re-apply (clients, and a StatefulSet's pod DNS if it is its headless Service, lose the name meanwhile).`,
      'Or create a Service under a new name and switch the clients to it.',
    ],
  };
}

function jobField(c: Change): Verdict {
  return {
    severity: Severity.ERROR,
    message: `${changeText(c)}: a Job's ${c.field} is immutable ("field is immutable")`,
    steps: [
      `Delete the Job and re-apply: \`${kubectl(c.entry.locked)} delete job ${c.entry.locked.name}\` (running pods stop; finished ones lose their history), or give the Job a new name per version (e.g. a suffix) and let ttlSecondsAfterFinished remove the old one.`,
    ],
  };
}

/** A Deployment's, DaemonSet's or ReplicaSet's selector. */
function workloadSelector(c: Change): Verdict {
  const o = c.entry.locked;
  return {
    severity: Severity.ERROR,
    message: `${changeText(c)}: a ${o.kind}'s selector is immutable in apps/v1 ("field is immutable")`,
    steps: [
      `Create the ${o.kind} under a new name with the new selector, wait until it is ready, switch Services whose selectors differ, then delete the old one.`,
      `Or, with downtime: \`${kubectl(o)} delete ${o.kind.toLowerCase()} ${o.name}\` and re-apply.`,
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The table

// ---------------------------------------------------------------------------------------------------------------
// Database operators (their admission webhooks refuse what the lock refuses here)

/** A refusal by an operator's webhook, with what to do instead. */
function operatorRefusal(operator: string, why: string, steps: string[]): (c: Change) => Verdict {
  return (c) => ({ severity: Severity.ERROR, message: `${changeText(c)}: ${operator} refuses it (${why})`, steps });
}

/** Growing a volume through the operator: it resizes the claims when the class allows expansion. */
function operatorGrowth(operator: string): (c: Change, guide: Guide, order: number) => Verdict | undefined {
  return (c, _guide, order) => order > 0 ? {
    severity: Severity.WARNING,
    message: `${changeText(c)}: ${operator} resizes the claims in place`,
    steps: ['The StorageClass must allow volume expansion; where the driver expands offline only, the operator restarts the instances one at a time.'],
  } : operatorRefusal(operator, 'volumes cannot shrink', ['Keep the size; to get a smaller volume, create a new database of that size and move the data (dump and restore, or a replica on the new storage).'])(c);
}

const NEW_DATABASE = 'Create a new database with the new setting and move the data (a dump and restore, or a logical replica), then switch the clients.';

const DATABASE_OPERATORS: Record<string, Rule[]> = {
  Cluster: [
    resized(/^(storage|walStorage)\.size$/, operatorGrowth('CloudNativePG')),
    { when: (c) => c.field === 'walStorage.size' && c.newValue === '(none)', verdict: operatorRefusal('CloudNativePG', '"walStorage cannot be disabled once configured"', [NEW_DATABASE]) },
    {
      when: field('storage.storageClass', 'walStorage.storageClass'),
      verdict: (c) => ({
        severity: Severity.WARNING,
        message: `${changeText(c)}: CloudNativePG creates only new instances' volumes on the new class`,
        steps: [
          'Existing instances keep their volumes. To move every instance: raise the instances by one at a time and delete the old instances (`kubectl cnpg destroy`), the operator re-clones them onto the new class.',
        ],
      }),
    },
    {
      when: (c) => c.field === 'postgresMajor' && Number(c.newValue) < Number(c.oldValue),
      verdict: operatorRefusal('CloudNativePG', 'a major version cannot be downgraded', [NEW_DATABASE]),
    },
    { when: field('postgresMajor'), verdict: () => undefined },
    { when: always, verdict: operatorRefusal('CloudNativePG', 'the field is immutable', [NEW_DATABASE]) },
  ],
  MariaDB: [
    resized(/^storage\.size$/, operatorGrowth('mariadb-operator')),
    {
      when: field('topology'),
      verdict: (c) => ({ severity: Severity.WARNING, message: `${changeText(c)}: switching replication and Galera in place is not a documented operation of mariadb-operator`, steps: [NEW_DATABASE] }),
    },
    { when: always, verdict: operatorRefusal('mariadb-operator', 'the webhook reports "field is immutable"', [NEW_DATABASE]) },
  ],
  MongoDBCommunity: [
    {
      when: always,
      verdict: operatorRefusal('MongoDB\'s operator', 'it cannot change the claim templates of its StatefulSet, which Kubernetes refuses to change', [
        'Resize by hand (mongodb-kubernetes docs/mongodbcommunity/resize-pvc.md): patch each claim, scale the operator to 0, delete the StatefulSet and the resource with --cascade=orphan, re-apply with the new size.',
        NEW_DATABASE,
      ]),
    },
  ],
};

const WORKLOAD: Rule[] = [{ when: always, verdict: workloadSelector }];

const GUIDANCE: Record<string, Rule[]> = {
  StatefulSet: [
    resized(/^volumeClaimTemplates\[.*\]\.storage$/, statefulSetStorage),
    { when: (c) => c.field.startsWith('volumeClaimTemplates'), verdict: statefulSetClaimTemplates },
    { when: field('selector'), verdict: statefulSetSelector },
    { when: field('serviceName'), verdict: statefulSetServiceName },
    { when: always, verdict: statefulSetPolicy },
  ],
  PersistentVolumeClaim: [
    resized(/^storage$/, claimStorage),
    { when: (c) => c.oldValue === undefined && field('storageClassName', 'volumeName')(c), verdict: claimFilledIn },
    { when: always, verdict: claimSpec },
  ],
  StorageClass: [
    {
      when: field('reclaimPolicy'),
      verdict: storageClassField('To change existing volumes too: `kubectl patch pv <pv> -p \'{"spec":{"persistentVolumeReclaimPolicy":"Retain"}}\'` for each of them.'),
    },
    {
      when: always,
      verdict: storageClassField(`To move existing data onto the new settings: ${copyMigration('claims on the new class').replace(/^Move the data instead: /, '')}`),
    },
  ],
  PersistentVolume: [
    resized(/^capacity$/, volumeCapacity),
    { when: always, verdict: volumeSource },
  ],
  Service: [{ when: always, verdict: serviceClusterIP }],
  Job: [{ when: always, verdict: jobField }],
  Deployment: WORKLOAD,
  DaemonSet: WORKLOAD,
  ReplicaSet: WORKLOAD,
  ...DATABASE_OPERATORS,
};

/** The verdict on a change to a locked field: undefined when the cluster accepts it as it is. */
function verdictFor(c: Change, guide: Guide): Verdict | undefined {
  const rules = Object.prototype.hasOwnProperty.call(GUIDANCE, c.entry.locked.kind) ? GUIDANCE[c.entry.locked.kind] : WORKLOAD;
  return rules.find((r) => r.when(c))?.verdict(c, guide);
}

/** The verdict, or a generic refusal when the guidance itself fails (it never throws). */
export function safeVerdictFor(c: Change, guide: Guide): Verdict | undefined {
  try {
    return verdictFor(c, guide);
  } catch (e) {
    return {
      severity: Severity.ERROR,
      message: `${changeText(c)}: Kubernetes refuses this change (guidance failed: ${(e as Error)?.message ?? e})`,
      steps: ['Delete and re-create the object, or create it under a new name.'],
    };
  }
}

/** A locked object that is no longer among the objects: kubectl apply leaves it in the cluster. */
export function removedVerdict(o: LockedObject): Verdict {
  return {
    severity: Severity.WARNING,
    message: `${objRef(o)} is in the lock file but no longer among the objects: kubectl apply does not delete it (unless --prune)`,
    steps: [
      `If it should go: \`${kubectl(o)} delete ${o.kind.toLowerCase()} ${o.name}\`${o.kind === 'StatefulSet' ? ' (its claims stay: delete them explicitly once the data is safe)' : ''}.`,
      'The lock forgets it on the next update.',
    ],
  };
}
