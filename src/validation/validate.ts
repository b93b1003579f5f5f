import { Finding, RuleBasis, RuleFamily, RuleInfo, Severity } from './finding';
import { ScopedPolicy } from './policy-options';
import { allRules } from './registry';
import { KnownStorageClass, ManifestObject, manifestObject, Rule, RuleContext } from './rule';
import { SUPPRESS_ANNOTATION_PREFIX } from '../core/conventions';
import { NO_VALUE, Problems } from '../core/problems';
import { isObject, str } from '../core/values';
import { isCrd } from '../knowledge/kubernetes/crd-schema';
import {
  DEFAULT_KUBERNETES_VERSION, KubernetesVersion, parseKubernetesVersion, supportedVersionsText,
} from '../knowledge/kubernetes/versions';

/** Shortest accepted suppression reason. */
export const MIN_SUPPRESSION_REASON = 10;

/**
 * Options for a validation run.
 */
export interface ValidateOptions {
  /**
   * StorageClasses that exist in the cluster but are not among the objects, so claims that use them can be checked.
   * @default - none
   */
  readonly knownStorageClasses?: KnownStorageClass[];
  /**
   * Rule ids to skip entirely (prefer a per-object suppression annotation, which carries a reason).
   * @default - every rule runs
   */
  readonly disabledRules?: string[];
  /**
   * Platform policies to enforce (rules POL-001..).
   * @default - none
   */
  readonly policies?: ScopedPolicy[];
  /**
   * The Kubernetes minor the objects are checked against: its schema (fields, types, required), the apiVersions it
   * serves, and the in-tree volume plugins it still has. Removed at or before the target is an error, removed later
   * a warning that names the version.
   * @default KubernetesVersion.V1_33 - `Validator.DEFAULT_KUBERNETES_VERSION`: conservative, see the README (Compatibility)
   * @see https://kubernetes.io/releases/
   */
  readonly kubernetesVersion?: KubernetesVersion;
  /**
   * CustomResourceDefinitions (apiextensions.k8s.io/v1 objects, as parsed from their YAML) whose objects are checked
   * against their schemas, besides the CRDs the library ships (CloudNativePG, Gateway API, CSI snapshots,
   * mariadb-operator, MongoDB Community) and those among the objects. A CRD given here wins over a shipped one.
   * @default - the shipped CRDs and those among the objects
   */
  readonly customResourceDefinitions?: any[];
}

/**
 * One object to validate with where it came from.
 */
export interface ManifestInput {
  /** The object as plain JSON. */
  readonly object: any;
  /**
   * File it was read from.
   * @default - none
   */
  readonly file?: string;
  /**
   * 1-based line where it starts.
   * @default - unknown
   */
  readonly line?: number;
  /**
   * Construct path.
   * @default - none
   */
  readonly constructPath?: string;
}

const VALIDATOR_RULES: Record<string, RuleInfo> = {
  suppression: {
    id: 'VAL-001',
    severity: Severity.ERROR,
    family: RuleFamily.VALIDATOR,
    what: 'A suppression annotation must name a rule and carry a reason.',
    why: 'A silent suppression hides a real problem from the next reviewer.',
    fix: `Write the reason as the annotation value, at least ${MIN_SUPPRESSION_REASON} characters: ${SUPPRESS_ANNOTATION_PREFIX}<RULE-ID>: "why this is safe here".`,
  },
  crash: {
    id: 'VAL-002',
    severity: Severity.ERROR,
    family: RuleFamily.VALIDATOR,
    what: 'A rule failed while checking the objects.',
    why: 'A rule that cannot run checks nothing: the objects are unverified.',
    fix: 'Report the message as a bug of cdk8s-golden-paths; the object may hold a value the rule did not expect.',
  },
  notObject: {
    id: 'VAL-003',
    severity: Severity.ERROR,
    family: RuleFamily.VALIDATOR,
    what: 'Every document must be a Kubernetes object with apiVersion, kind and metadata.name.',
    why: 'kubectl rejects documents that are not objects or lack apiVersion/kind.',
    fix: 'Give the document apiVersion, kind and metadata.name, or remove it.',
  },
};

/** Rule infos of the validator itself. */
export function validatorRuleInfos(): RuleInfo[] {
  return Object.values(VALIDATOR_RULES).map(ruleInfo);
}

/** Wraps plain inputs as manifest objects; documents that are not objects become VAL-003 findings. */
function toManifestObjects(inputs: ManifestInput[], findings: Finding[]): ManifestObject[] {
  const result: ManifestObject[] = [];
  inputs.forEach((input, index) => {
    const obj = input.object;
    if (obj === null || obj === undefined) return; // empty YAML document
    const meta = isObject(obj) && isObject(obj.metadata) ? obj.metadata : undefined;
    const kind = isObject(obj) ? str(obj.kind) : undefined;
    const apiVersion = isObject(obj) ? str(obj.apiVersion) : undefined;
    const name = meta ? (str(meta.name) ?? str(meta.generateName)) : undefined;
    if (!isObject(obj) || !kind || !apiVersion) {
      findings.push({
        ruleId: VALIDATOR_RULES.notObject.id,
        severity: Severity.ERROR,
        kind: kind ?? '(none)',
        name: name ?? '(none)',
        file: input.file,
        line: input.line,
        constructPath: input.constructPath,
        message: !isObject(obj)
          ? `document is ${Array.isArray(obj) ? 'a list' : `a ${typeof obj}`}, not a Kubernetes object`
          : `document has no ${!apiVersion ? 'apiVersion' : 'kind'}`,
        fix: VALIDATOR_RULES.notObject.fix,
      });
      return;
    }
    result.push(manifestObject({
      obj,
      apiVersion,
      kind,
      name: name ?? '',
      namespace: meta ? str(meta.namespace) : undefined,
      file: input.file,
      line: input.line,
      constructPath: input.constructPath,
      index,
    }));
  });
  return result;
}

/**
 * The target version and CRDs of the options, checked (JavaScript callers and configuration files pass anything):
 * throws a GoldenPathError naming what is wrong.
 */
function checkedSettings(options: ValidateOptions): { kubernetesVersion: KubernetesVersion; customResourceDefinitions: unknown[] } {
  const problems = new Problems('validation options');
  const given = options.kubernetesVersion;
  const kubernetesVersion = given === undefined ? DEFAULT_KUBERNETES_VERSION : parseKubernetesVersion(given);
  if (!kubernetesVersion) {
    problems.add('kubernetesVersion', given, `is not a Kubernetes version the validator knows (${supportedVersionsText()})`,
      'Use e.g. KubernetesVersion.V1_33 (the string "1.33").');
  }
  const crds = options.customResourceDefinitions ?? [];
  if (!Array.isArray(crds)) {
    problems.add('customResourceDefinitions', NO_VALUE, 'must be a list of CustomResourceDefinition objects', 'Pass e.g. Yaml.load("crds/widgets.yaml").');
  } else {
    crds.forEach((crd, i) => {
      if (!isCrd(crd)) {
        problems.add(`customResourceDefinitions[${i}]`, isObject(crd) ? `${crd.apiVersion ?? '?'} ${crd.kind ?? '?'}` : crd,
          'is not a CustomResourceDefinition of apiextensions.k8s.io/v1 with spec.group, spec.names and spec.versions',
          'Pass the CRD objects only (the documents of kind CustomResourceDefinition).');
      }
    });
  }
  problems.throwIfAny();
  return { kubernetesVersion: kubernetesVersion!, customResourceDefinitions: crds };
}

function toFinding(target: ManifestObject, rule: RuleInfo, severity: Severity, message: string, fix: string): Finding {
  return {
    ruleId: rule.id,
    severity,
    kind: target.kind,
    name: target.name,
    namespace: target.namespace,
    file: target.file,
    line: target.line,
    constructPath: target.constructPath,
    message,
    fix,
  };
}

/**
 * Runs the rules (every rule unless given) over a set of objects. Rules that throw become VAL-002 findings; suppressions are applied last.
 */
export function runValidation(inputs: ManifestInput[], options: ValidateOptions = {}, rules: readonly Rule[] = allRules()): Finding[] {
  const settings = checkedSettings(options);
  const findings: Finding[] = [];
  const objects = toManifestObjects(inputs, findings);
  const ctx = new RuleContext(objects, options.knownStorageClasses ?? [], options.policies ?? [], settings);
  const disabled = new Set(options.disabledRules ?? []);
  for (const rule of rules) {
    if (disabled.has(rule.id)) continue;
    try {
      ctx._run(rule);
    } catch (e) {
      const target: ManifestObject = objects[0] ?? manifestObject({ obj: {}, apiVersion: '', kind: '(validator)', name: '(validator)', index: -1 });
      findings.push(toFinding(target, VALIDATOR_RULES.crash, Severity.ERROR,
        `rule ${rule.id} failed: ${(e as Error)?.message ?? String(e)}`, VALIDATOR_RULES.crash.fix));
    }
  }
  for (const raw of ctx.findings) {
    const suppression = suppressionOf(raw.target, raw.rule.id);
    if (suppression !== undefined && suppression.trim().length >= MIN_SUPPRESSION_REASON) continue;
    findings.push(toFinding(raw.target, raw.rule, raw.severity, raw.message, raw.fix));
  }
  // suppression annotations that are malformed or carry no reason
  for (const o of objects) {
    for (const key in o.annotations) {
      const value = o.annotations[key];
      if (!key.startsWith(SUPPRESS_ANNOTATION_PREFIX)) continue;
      const ruleId = key.slice(SUPPRESS_ANNOTATION_PREFIX.length);
      if (typeof value !== 'string' || value.trim().length < MIN_SUPPRESSION_REASON) {
        findings.push(toFinding(o, VALIDATOR_RULES.suppression, Severity.ERROR,
          `suppression of ${ruleId} has ${typeof value === 'string' && value.trim() ? `a too short reason ${JSON.stringify(value)}` : 'no reason'}`,
          VALIDATOR_RULES.suppression.fix));
      } else if (!rules.some((r) => r.id === ruleId)) {
        findings.push(toFinding(o, VALIDATOR_RULES.suppression, Severity.ERROR,
          `suppression names unknown rule ${JSON.stringify(ruleId)}`,
          'Use a rule id from the rules reference (docs/rules.md), e.g. STO-001.'));
      }
    }
  }
  return findings;
}

function suppressionOf(o: ManifestObject, ruleId: string): string | undefined {
  const v = o.annotations[SUPPRESS_ANNOTATION_PREFIX + ruleId];
  return typeof v === 'string' ? v : undefined;
}

/**
 * One line per finding: `error STO-001 StorageClass/fast [file:line] (path): message. Fix: ...`.
 */
export function formatFinding(f: Finding): string {
  const where = [f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : undefined, f.constructPath]
    .filter((x) => x).join(' ');
  const obj = `${f.kind}/${f.namespace ? f.namespace + '/' : ''}${f.name}`;
  return `${f.severity} ${f.ruleId} ${obj}${where ? ` [${where}]` : ''}: ${f.message}. Fix: ${f.fix}`;
}

/**
 * The validator: Kubernetes objects in, findings out. The same rules run in the constructs at synth, in the CLI and in the cdk8s plugin.
 */
export class Validator {
  /** Annotation prefix that suppresses one rule for one object: `golden-paths.dev/suppress.<RULE-ID>: "<reason>"`. */
  public static readonly SUPPRESS_ANNOTATION_PREFIX = SUPPRESS_ANNOTATION_PREFIX;
  /** Shortest accepted suppression reason, in characters. */
  public static readonly MIN_SUPPRESSION_REASON = MIN_SUPPRESSION_REASON;
  /**
   * The Kubernetes minor objects are checked against when none is set (`ValidateOptions.kubernetesVersion`,
   * `GoldenPathValidation.kubernetesVersion`, `PlatformDefaultsProps.kubernetesVersion`, `--kubernetes-version`).
   */
  public static readonly DEFAULT_KUBERNETES_VERSION: KubernetesVersion = DEFAULT_KUBERNETES_VERSION;

  /**
   * Validate plain Kubernetes objects (as parsed from YAML or produced by `chart.toJson()`).
   *
   * @param objects the objects; all are validated together so cross-object rules work
   * @param options known cluster state and rule selection
   */
  public static validate(objects: any[], options: ValidateOptions = {}): Finding[] {
    return runValidation(objects.map((object) => ({ object })), options);
  }

  /**
   * Validate objects that carry their origin (file, line, construct path).
   */
  public static validateInputs(inputs: ManifestInput[], options: ValidateOptions = {}): Finding[] {
    return runValidation(inputs, options);
  }

  /** Every rule the validator runs, for docs and tooling. */
  public static rules(): RuleInfo[] {
    return [...allRules().map(ruleInfo), ...validatorRuleInfos()];
  }

  /** One line of text for a finding. */
  public static format(finding: Finding): string {
    return formatFinding(finding);
  }

  private constructor() {}
}

/** Only the metadata of a rule. */
export function ruleInfo(r: RuleInfo): RuleInfo {
  return { id: r.id, severity: r.severity, family: r.family, what: r.what, why: r.why, fix: r.fix, basis: r.basis ?? RuleBasis.CLUSTER };
}
