/**
 * SCH-001 on a field the target minor does not know looks for the minor that introduced it (a native sidecar on a
 * 1.27 target is no typo), at a bounded cost: a typo costs one more schema (the newest minor's: a typo is unknown
 * there too), and a real newer field the minors up to the one that has it. Schemas are loaded per minor, so each
 * one looked at costs load time and memory.
 */
import { KubernetesVersion, Validator } from '../../../src';
import { KUBERNETES_VERSIONS } from '../../../src/knowledge/kubernetes/versions';
import * as schemaSet from '../../../src/validation/schema-set';

function deployment(initContainer: Record<string, unknown>): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          initContainers: [{ name: 'proxy', image: 'registry.example.com/proxy:1.0', ...initContainer }],
          containers: [{ name: 'web', image: 'registry.example.com/web:1.0' }],
        },
      },
    },
  };
}

/** The minors whose schemas SCH looked at for one validation, and its SCH-001 messages. */
function minorsLookedAt(objects: any[], kubernetesVersion: KubernetesVersion): { minors: string[]; messages: string[] } {
  const spy = jest.spyOn(schemaSet, 'schemaSetFor');
  try {
    const messages = Validator.validate(objects, { kubernetesVersion }).filter((f) => f.ruleId === 'SCH-001').map((f) => f.message);
    return { minors: spy.mock.calls.map((c) => c[0]), messages };
  } finally {
    spy.mockRestore();
  }
}

const newest = KUBERNETES_VERSIONS[KUBERNETES_VERSIONS.length - 1];

describe('SCH-001: which newer minors a field unknown to the target is looked up in', () => {
  test('a clean object: the target only', () => {
    expect(minorsLookedAt([deployment({})], KubernetesVersion.V1_27)).toEqual({ minors: ['1.27'], messages: [] });
  });

  test('a typo: the target, then the newest minor, where it is unknown too: not the minors between', () => {
    const { minors, messages } = minorsLookedAt([deployment({ imagePullPolicyy: 'Always' })], KubernetesVersion.V1_27);
    expect(minors).toEqual(['1.27', newest]);
    expect(messages).toEqual([expect.stringContaining('imagePullPolicyy is not a field')]);
    expect(messages[0]).not.toContain('it is a field from');
  });

  test('a field from a later minor: the target, the newest, then each minor from the target on until the one that has it', () => {
    const { minors, messages } = minorsLookedAt([deployment({ restartPolicy: 'Always' })], KubernetesVersion.V1_27);
    expect(minors).toEqual(['1.27', newest, '1.28']);
    expect(messages).toEqual([expect.stringContaining('it is a field from Kubernetes 1.28 on')]);
  });

  test('a typo and a newer field in one object: the newer field is found, the typo stays a typo', () => {
    const { minors, messages } = minorsLookedAt([deployment({ restartPolicy: 'Always', imagePullPolicyy: 'Always' })], KubernetesVersion.V1_27);
    expect(minors).toEqual(['1.27', newest, '1.28']);
    expect(messages).toHaveLength(2);
    expect(messages.find((m) => m.includes('restartPolicy'))).toContain('it is a field from Kubernetes 1.28 on');
    expect(messages.find((m) => m.includes('imagePullPolicyy'))).not.toContain('it is a field from');
  });

  test('on the newest minor there is nothing newer to look at', () => {
    const { minors } = minorsLookedAt([deployment({ imagePullPolicyy: 'Always' })], newest as KubernetesVersion);
    expect(minors).toEqual([newest]);
  });

  test('an object of a CRD kind is not looked up in the built-in schemas of newer minors', () => {
    const { minors } = minorsLookedAt([{ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { sizee: 1 } }], KubernetesVersion.V1_27);
    expect(minors).toEqual(['1.27']);
  });
});
