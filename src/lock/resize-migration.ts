import { templateName } from './extract';
import { Change, Guide, Verdict, changeText, copyMigration, kubectl, show } from './migration-text';
import { parseQuantity } from '../core/quantity';
import { isObject, str } from '../core/values';
import { ExpansionSupport } from '../knowledge/storage/types';
import { Severity } from '../validation/finding';
import { ResolvedStorageClass } from '../validation/rule';

/**
 * Guidance for a changed volume size: a StatefulSet's claim template (refused by the API server, grown through a
 * guided migration), a standalone claim (grows in place where its class expands), a PersistentVolume's capacity.
 * Shrinking is refused everywhere: a volume never shrinks.
 */

/** Same size when both parse to the same number of bytes: the sign of new - old, undefined when one does not parse. */
export function sizeOrder(oldValue: string | undefined, newValue: string | undefined): number | undefined {
  const a = parseQuantity(oldValue);
  const b = parseQuantity(newValue);
  if (a === undefined || b === undefined) return undefined;
  return Math.sign(b - a);
}

/** Expansion facts of a class: whether a claim can grow, whether the pods must stop, and the step that checks or prepares it. */
interface Expansion {
  readonly possible: boolean;
  readonly offline: boolean;
  readonly step?: string;
  readonly blocker?: string;
}

/** Expansion facts of a class, as one sentence and whether the workload must be scaled to zero. */
function expansionCheck(cls: ResolvedStorageClass | undefined, className: string | undefined): Expansion {
  if (!cls) {
    return {
      possible: true,
      offline: false,
      step: `Check that ${className ? `StorageClass ${className}` : 'the claims\' StorageClass (the cluster default)'} allows expansion (\`kubectl get storageclass ${className ?? '<class>'} -o jsonpath='{.allowVolumeExpansion}'\` prints true) and whether its driver expands online; if it expands offline only (e.g. csi.exoscale.com), scale the workload to 0 first.`,
    };
  }
  const driver = cls.provisioner ?? 'its provisioner';
  const support = cls.system?.expansion;
  if (support === ExpansionSupport.NONE) {
    return {
      possible: false,
      offline: false,
      blocker: `StorageClass ${cls.name} (${driver}, ${cls.system!.name}) cannot expand volumes, so the claims cannot grow in place.`,
    };
  }
  const offline = support === ExpansionSupport.OFFLINE;
  const how = offline
    // csi.exoscale.com: "Volume must be detached before expanding" (exoscale-csi-driver CHANGELOG v0.32.0)
    ? `${driver} expands offline only (the volume must be detached), so the pods must be stopped during the resize`
    : support === ExpansionSupport.ONLINE ? `${driver} expands online` : `whether ${driver} expands online is not known: if in doubt, stop the pods first`;
  return { possible: true, offline, step: allowExpansionStep(cls, how) };
}

/** The step about the class's allowVolumeExpansion, ending with how its driver expands. */
function allowExpansionStep(cls: ResolvedStorageClass, how: string): string {
  if (cls.allowVolumeExpansion === false) {
    return `StorageClass ${cls.name} has no allowVolumeExpansion: true: add it (a field that may change) and apply the class first; ${how}.`;
  }
  if (cls.allowVolumeExpansion === true) return `StorageClass ${cls.name} allows expansion; ${how}.`;
  return `Check that StorageClass ${cls.name} allows expansion (\`kubectl get storageclass ${cls.name} -o jsonpath='{.allowVolumeExpansion}'\` prints true); ${how}.`;
}

// ---------------------------------------------------------------------------------------------------------------
// StatefulSet claim templates

/** The claim template a change is about, in the new StatefulSet: its StatefulSet spec, claim spec and class name. */
function claimTemplateOf(c: Change, tmpl: string): { spec: any; claimSpec: any; className?: string } {
  const sts = c.entry.source?.obj;
  const spec = isObject(sts) && isObject(sts.spec) ? sts.spec : {};
  const template = Array.isArray(spec.volumeClaimTemplates)
    ? spec.volumeClaimTemplates.find((t: any, i: number) => templateName(t, i) === tmpl) : undefined;
  const claimSpec = isObject(template) ? template.spec : undefined;
  const className = isObject(claimSpec) ? str(claimSpec.storageClassName) : undefined;
  return { spec, claimSpec, className };
}

/** `volumeClaimTemplates[<name>].storage` changed by a non-zero `order` (its sign). */
export function statefulSetStorage(c: Change, guide: Guide, order: number): Verdict {
  const o = c.entry.locked;
  const tmpl = /^volumeClaimTemplates\[(.*)\]\.storage$/.exec(c.field)![1];
  const head = `${changeText(c)}: Kubernetes refuses any change to a StatefulSet's volumeClaimTemplates ("updates to statefulset spec for fields other than ... are forbidden", kubernetes/kubernetes#68737)`;
  if (order < 0) {
    return {
      severity: Severity.ERROR,
      message: `${head}, and shrinking is refused: a volume never shrinks`,
      steps: [
        `Keep ${show(c.oldValue)}, or: ${copyMigration('a StatefulSet with the smaller claims')}`,
        `Accept the smaller size only once the old claims (${tmpl}-${o.name}-<ordinal>) are deleted, or the StatefulSet will go on using the larger ones.`,
      ],
    };
  }
  const { spec, claimSpec, className } = claimTemplateOf(c, tmpl);
  const exp = expansionCheck(guide.classOf(claimSpec), className);
  if (!exp.possible) {
    return { severity: Severity.ERROR, message: `${head}. ${exp.blocker}`, steps: [copyMigration('a StatefulSet with larger claims on a class that can expand')] };
  }
  return { severity: Severity.ERROR, message: `${head}. Growing is supported through a guided migration`, steps: statefulSetGrowth(c, tmpl, spec, exp) };
}

/** Grow each claim of the template, then re-create the StatefulSet around its pods and claims. */
function statefulSetGrowth(c: Change, tmpl: string, spec: any, exp: Expansion): string[] {
  const o = c.entry.locked;
  const k = kubectl(o);
  const replicas = typeof spec.replicas === 'number' && Number.isInteger(spec.replicas) && spec.replicas >= 0 ? spec.replicas : 1;
  const last = Math.max(replicas - 1, 0);
  const size = c.newValue ?? '';
  const patch = `'{"spec":{"resources":{"requests":{"storage":"${size}"}}}}'`;
  const steps = [exp.step!];
  if (exp.offline) steps.push(`Scale to zero and wait for the pods to stop: \`${k} scale statefulset ${o.name} --replicas=0\`.`);
  steps.push(`Grow each claim: \`for i in $(seq 0 ${last}); do ${k} patch pvc ${tmpl}-${o.name}-$i -p ${patch}; done\` (one claim per ordinal; include ordinals above ${last} if the StatefulSet ever had more replicas).`);
  if (exp.offline) steps.push(`Wait until each claim reports the new size: \`${k} get pvc ${tmpl}-${o.name}-0 -o jsonpath='{.status.capacity.storage}'\` prints ${size}.`);
  steps.push(`Delete the StatefulSet but keep its pods and claims: \`${k} delete statefulset ${o.name} --cascade=orphan\`.`);
  steps.push(`Re-apply the manifests: the new StatefulSet adopts the pods and claims${exp.offline ? ` and scales back to ${replicas}` : ''}.`);
  return steps;
}

// ---------------------------------------------------------------------------------------------------------------
// Standalone claims and volumes

/** A claim's `storage` changed by a non-zero `order`: undefined when it grows in place as it is. */
export function claimStorage(c: Change, guide: Guide, order: number): Verdict | undefined {
  if (order < 0) {
    return {
      severity: Severity.ERROR,
      message: `${changeText(c)}: shrinking a claim is refused ("field can not be less than previous value"): a volume never shrinks`,
      steps: [`Keep ${show(c.oldValue)}, or: ${copyMigration('a smaller claim')}`],
    };
  }
  const spec = isObject(c.entry.source?.obj) ? c.entry.source!.obj.spec : undefined;
  const className = isObject(spec) ? str(spec.storageClassName) : undefined;
  const cls = guide.classOf(spec);
  return claimGrowth(c, cls, expansionCheck(cls, className));
}

/** Growing a claim: refused where the class cannot or may not expand, a warning where the pods must stop first. */
function claimGrowth(c: Change, cls: ResolvedStorageClass | undefined, exp: Expansion): Verdict | undefined {
  const head = changeText(c);
  if (!exp.possible) {
    return { severity: Severity.ERROR, message: `${head}: ${exp.blocker}`, steps: [copyMigration('a larger claim on a class that can expand')] };
  }
  if (cls?.allowVolumeExpansion === false) {
    return {
      severity: Severity.ERROR,
      message: `${head}: StorageClass ${cls.name} does not allow expansion, so the API server refuses the resize ("only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize")`,
      steps: [exp.step!],
    };
  }
  if (exp.offline) {
    return {
      severity: Severity.WARNING,
      message: `${head}: growing is allowed, but ${cls?.provisioner ?? 'the driver'} expands offline only: the resize waits until no pod uses the claim`,
      steps: [
        `Scale every workload that mounts the claim to 0, apply, wait until \`${kubectl(c.entry.locked)} get pvc ${c.entry.locked.name} -o jsonpath='{.status.capacity.storage}'\` prints ${show(c.newValue)}, then scale back.`,
      ],
    };
  }
  if (!cls) {
    return { severity: Severity.WARNING, message: `${head}: growing is allowed when the claim's StorageClass allows expansion`, steps: [exp.step!] };
  }
  return undefined; // growing on a class that expands online: allowed as it is
}

/** A PersistentVolume's `capacity` changed by a non-zero `order`: it may grow (after the backing volume was resized). */
export function volumeCapacity(c: Change, _guide: Guide, order: number): Verdict | undefined {
  if (order > 0) return undefined;
  return {
    severity: Severity.ERROR,
    message: `${changeText(c)}: a volume never shrinks; a smaller capacity would misstate the backing volume and never free space`,
    steps: [`Keep ${show(c.oldValue)}, or: ${copyMigration('a smaller volume and claim')}`],
  };
}
