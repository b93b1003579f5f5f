import { container, podSpec, w } from './wkl.fixtures';
import { Severity, Validator } from '../../../src';

/** The findings of one rule, as `Kind/name: message`, and their severities. */
function findings(ruleId: string, objects: any[]): Array<{ at: string; severity: Severity }> {
  return Validator.validate(objects).filter((f) => f.ruleId === ruleId).map((f) => ({ at: `${f.kind}/${f.name}: ${f.message}`, severity: f.severity }));
}

function controller(apiVersion: string, kind: string, name: string, replicas: number): any {
  const labels = { app: name };
  return {
    apiVersion,
    kind,
    metadata: { name, namespace: 'default' },
    spec: { replicas, selector: kind === 'ReplicationController' ? labels : { matchLabels: labels }, template: { metadata: { labels }, spec: podSpec() } },
  };
}

describe('WKL-025', () => {
  test('every replicated controller kind is checked, and only with several replicas', () => {
    const objects = [
      controller('apps/v1', 'StatefulSet', 'db', 2),
      controller('apps/v1', 'ReplicaSet', 'web-7d4b9c', 2),
      controller('v1', 'ReplicationController', 'legacy', 3),
      controller('apps/v1', 'Deployment', 'api', 2),
      controller('apps/v1', 'Deployment', 'worker', 1),
    ];
    expect(findings('WKL-025', objects).map((f) => f.at)).toEqual([
      'StatefulSet/db: 2 replicas with no pod anti-affinity or topology spread over nodes or zones',
      'ReplicaSet/web-7d4b9c: 2 replicas with no pod anti-affinity or topology spread over nodes or zones',
      'ReplicationController/legacy: 3 replicas with no pod anti-affinity or topology spread over nodes or zones',
      'Deployment/api: 2 replicas with no pod anti-affinity or topology spread over nodes or zones',
    ]);
  });
});

describe('WKL-033', () => {
  test('a missing ConfigMap is a warning (it may be created by other means), a missing key an error', () => {
    const objects = [
      w.deployment('web', {}, {
        containers: [container({
          env: [{ name: 'LOG_LEVEL', valueFrom: { configMapKeyRef: { name: 'web', key: 'log-level' } } }],
          envFrom: [{ configMapRef: { name: 'web-env' } }],
        })],
      }),
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web', namespace: 'default' }, data: { loglevel: 'info' } },
    ];
    expect(findings('WKL-033', objects)).toEqual([
      { at: 'Deployment/web: container app: env LOG_LEVEL from ConfigMap web has no key log-level (it holds: loglevel)', severity: Severity.ERROR },
      { at: 'Deployment/web: container app: envFrom ConfigMap web-env is not among the objects in namespace default', severity: Severity.WARNING },
    ]);
  });
});
