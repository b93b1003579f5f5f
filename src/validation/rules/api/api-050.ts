import { isObject } from '../../../core/values';
import { RuleFamily, Severity } from '../../finding';
import { Rule } from '../../rule';

/**
 * Where each workload kind holds its pods, as path segments from the object root to the pod spec. A segment marked
 * `schema` is required by the kind's schema (SCH-003 reports it when missing); the others are this rule's.
 */
const SHAPES: Record<string, { readonly groups: readonly string[]; readonly path: ReadonlyArray<{ key: string; schema: boolean }> }> = {
  Pod: { groups: [''], path: [{ key: 'spec', schema: false }] },
  Deployment: { groups: ['apps'], path: [{ key: 'spec', schema: false }, { key: 'template', schema: true }, { key: 'spec', schema: false }] },
  ReplicationController: { groups: [''], path: [{ key: 'spec', schema: false }, { key: 'template', schema: false }, { key: 'spec', schema: false }] },
  ReplicaSet: { groups: ['apps'], path: [{ key: 'spec', schema: false }, { key: 'template', schema: false }, { key: 'spec', schema: false }] },
  StatefulSet: { groups: ['apps'], path: [{ key: 'spec', schema: false }, { key: 'template', schema: true }, { key: 'spec', schema: false }] },
  DaemonSet: { groups: ['apps'], path: [{ key: 'spec', schema: false }, { key: 'template', schema: true }, { key: 'spec', schema: false }] },
  Job: { groups: ['batch'], path: [{ key: 'spec', schema: false }, { key: 'template', schema: true }, { key: 'spec', schema: false }] },
  CronJob: {
    groups: ['batch'],
    path: [{ key: 'spec', schema: false }, { key: 'jobTemplate', schema: true }, { key: 'spec', schema: false }, { key: 'template', schema: true },
      { key: 'spec', schema: false }],
  },
};

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export const API_050: Rule = {
  id: 'API-050',
  severity: Severity.ERROR,
  family: RuleFamily.API_SERVER,
  what: 'A Pod, Deployment, ReplicaSet, ReplicationController, StatefulSet, DaemonSet, Job or CronJob must have a pod spec with at least one container.',
  why: 'The API server rejects it (spec.containers: Required value): apply fails, while the manifest looked complete.',
  fix: 'Give the pod template a spec with at least one container (name and image).',
  check(ctx) {
    for (const o of ctx.ofKind(...Object.keys(SHAPES))) {
      const shape = SHAPES[o.kind];
      if (!shape.groups.includes(groupOf(o.apiVersion))) continue; // a CRD of the same name
      let cur: unknown = o.obj;
      const walked: string[] = [];
      let missing: { key: string; schema: boolean } | undefined;
      for (const seg of shape.path) {
        const next = isObject(cur) ? cur[seg.key] : undefined;
        if (next === undefined || next === null) {
          missing = seg;
          break;
        }
        walked.push(seg.key);
        cur = next;
      }
      if (missing) {
        if (!missing.schema) ctx.report(o, `${o.kind} has no pod spec: ${[...walked, missing.key].join('.')} is missing, so it has no containers`);
      } else if (isObject(cur) && Array.isArray(cur.containers) && cur.containers.length === 0) {
        ctx.report(o, `${o.kind} has no containers: ${walked.join('.')}.containers is empty`);
      }
    }
  },
};
