/*
 * Pod-bearing objects the workload fixtures need beside the Deployments, StatefulSets and Jobs of
 * wkl.fixtures.ts (which passes its pod spec in, so that fixtures stay about the rule they cover).
 */

/** A ReplicaSet, DaemonSet or ReplicationController ('v1') whose template carries `labels`. */
export function controller(kind: 'ReplicaSet' | 'DaemonSet' | 'ReplicationController', name: string, labels: Record<string, string>,
  pod: any, spec: Record<string, any> = {}): any {
  const selector = kind === 'ReplicationController' ? labels : { matchLabels: labels };
  return {
    apiVersion: kind === 'ReplicationController' ? 'v1' : 'apps/v1',
    kind,
    metadata: { name, namespace: 'default' },
    spec: { ...(kind === 'DaemonSet' ? {} : { replicas: 2 }), selector, template: { metadata: { labels }, spec: pod }, ...spec },
  };
}

/** A CronJob running `pod` nightly; `jobSpec` goes to spec.jobTemplate.spec. */
export function cronJob(name: string, pod: any, jobSpec: Record<string, any> = {}, labels?: Record<string, string>): any {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, namespace: 'default' },
    spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: { ...(labels ? { metadata: { labels } } : {}), spec: pod }, ...jobSpec } } },
  };
}

/** A bare Pod. */
export function barePod(name: string, spec: any): any {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: name } }, spec };
}
