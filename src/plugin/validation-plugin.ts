import { isCrd } from '../knowledge/kubernetes/crd-schema';
import { KubernetesVersion, parseKubernetesVersion, supportedVersionsText } from '../knowledge/kubernetes/versions';
import { Finding, RuleInfo, Severity } from '../validation/finding';
import { KnownStorageClass } from '../validation/rule';
import { ManifestInput, runValidation, Validator } from '../validation/validate';

/**
 * Properties of the cdk8s-cli validation plugin, given as `properties:` of its `validations:` entry in cdk8s.yaml.
 */
export interface GoldenPathsPluginProps {
  /**
   * StorageClasses that exist in the cluster but are not synthesized by the app.
   * @default - none
   */
  readonly knownStorageClasses?: KnownStorageClass[];
  /**
   * Rule ids to skip (prefer the per-object suppression annotation, which carries a reason).
   * @default - every rule runs
   */
  readonly disabledRules?: string[];
  /**
   * Fail the synth on warnings too.
   * @default false
   */
  readonly failOnWarnings?: boolean;
  /**
   * The cluster's Kubernetes minor (`"1.33"` in cdk8s.yaml): its schema, served apiVersions and in-tree volume plugins.
   * @default KubernetesVersion.V1_33 - `Validator.DEFAULT_KUBERNETES_VERSION` (see the README, Compatibility)
   */
  readonly kubernetesVersion?: KubernetesVersion;
  /**
   * YAML files of CustomResourceDefinitions whose objects are checked against their schemas (paths relative to the
   * directory cdk8s runs in), for operators the library ships no schema for.
   * @default - the shipped CRDs (CloudNativePG, Gateway API, CSI snapshots, mariadb-operator, MongoDB Community) only
   */
  readonly crdFiles?: string[];
}

/** The parts of cdk8s-cli's ValidationContext the plugin uses (cdk8s-cli is not a runtime dependency). */
interface PluginContext {
  readonly manifests: readonly string[];
  readonly metadata?: { readonly [name: string]: { readonly path: string } };
  readonly report: {
    addViolation(v: {
      ruleName: string;
      recommendation: string;
      fix: string;
      violatingResources: Array<{ resourceName: string; locations: string[]; manifestPath: string }>;
    }): void;
    submit(status: 'success' | 'failure', metadata?: { [key: string]: string }): void;
  };
}

/**
 * cdk8s-cli validation plugin: `cdk8s synth` runs every golden-paths rule on the synthesized manifests of any app.
 *
 * In cdk8s.yaml:
 *
 * ```yaml
 * validations:
 *   - package: cdk8s-golden-paths
 *     version: 0.0.0            # the exact version installed (cdk8s-cli refuses ranges)
 *     class: GoldenPathsValidationPlugin
 *     properties:                # optional
 *       kubernetesVersion: "1.33"
 *       crdFiles: [crds/widgets.yaml]
 *       knownStorageClasses:
 *         - { name: standard, provisioner: ebs.csi.aws.com, isDefault: true }
 * ```
 *
 * Violations name the rule, the resource, the manifest and (cdk8s-cli adds it) the construct path.
 */
export class GoldenPathsValidationPlugin {
  private readonly props: GoldenPathsPluginProps;

  constructor(props: GoldenPathsPluginProps = {}) {
    this.props = props ?? {};
  }

  /**
   * Validates the manifests of a cdk8s-cli ValidationContext and submits its report.
   *
   * @param context the cdk8s-cli `ValidationContext` (typed loosely: cdk8s-cli is not a dependency of this library)
   */
  public async validate(context: any): Promise<void> {
    const ctx = context as PluginContext;
    const metadata = ctx.metadata ?? {};
    // loaded on use: the YAML parser is not needed by apps that only synthesize
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { loadManifestFiles } = require('../cli/load-manifests') as typeof import('../cli/load-manifests');
    const config = await this.configuration(loadManifestFiles);
    if (typeof config === 'string') {
      ctx.report.addViolation({
        ruleName: 'VAL-000 plugin configuration',
        recommendation: `error: ${config}`,
        fix: 'Correct the properties of the cdk8s-golden-paths entry under validations: in cdk8s.yaml.',
        violatingResources: [{ resourceName: '(configuration)', locations: [config], manifestPath: 'cdk8s.yaml' }],
      });
      ctx.report.submit('failure', { objects: '0', errors: '1', warnings: '0' });
      return;
    }
    const loaded = await loadManifestFiles([...(ctx.manifests ?? [])]);
    const inputs: ManifestInput[] = loaded.inputs.map((i) => {
      const name = i.object && typeof i.object === 'object' && i.object.metadata ? i.object.metadata.name : undefined;
      const path = typeof name === 'string' && Object.prototype.hasOwnProperty.call(metadata, name) ? metadata[name]?.path : undefined;
      return path ? { ...i, constructPath: path } : i;
    });
    const findings = runValidation(inputs, {
      knownStorageClasses: this.props.knownStorageClasses,
      disabledRules: this.props.disabledRules,
      kubernetesVersion: config.kubernetesVersion,
      customResourceDefinitions: config.crds,
    });
    for (const e of loaded.errors) {
      ctx.report.addViolation({
        ruleName: 'VAL-000 manifest unreadable',
        recommendation: 'error: a synthesized manifest could not be parsed, so it was not validated.',
        fix: 'Report this as a bug of cdk8s-golden-paths with the manifest.',
        violatingResources: [{ resourceName: '(file)', locations: [`${e.line ? `line ${e.line}: ` : ''}${e.message}`], manifestPath: e.file }],
      });
    }
    const infos = new Map<string, RuleInfo>(Validator.rules().map((r) => [r.id, r]));
    const byRule = new Map<string, Finding[]>();
    for (const f of findings) {
      const key = `${f.ruleId}|${f.severity}`;
      const list = byRule.get(key) ?? [];
      list.push(f);
      byRule.set(key, list);
    }
    for (const list of byRule.values()) {
      const first = list[0];
      const info = infos.get(first.ruleId);
      ctx.report.addViolation({
        ruleName: `${first.ruleId} (${first.severity}) ${info?.what ?? ''}`.trim(),
        recommendation: info?.why ?? first.message,
        fix: info?.fix ?? first.fix,
        violatingResources: list.map((f) => ({
          resourceName: f.name,
          manifestPath: f.file ?? '',
          locations: [`${f.kind}/${f.namespace ? f.namespace + '/' : ''}${f.name}: ${f.message}${f.fix !== info?.fix ? ` (fix: ${f.fix})` : ''}`],
        })),
      });
    }
    const errors = findings.filter((f) => f.severity === Severity.ERROR).length;
    const warnings = findings.length - errors;
    const failed = loaded.errors.length > 0 || errors > 0 || (this.props.failOnWarnings === true && warnings > 0);
    ctx.report.submit(failed ? 'failure' : 'success', {
      objects: String(inputs.length),
      errors: String(errors),
      warnings: String(warnings),
    });
  }

  /** The version and the CRDs of the props, or what is wrong with them. */
  private async configuration(load: typeof import('../cli/load-manifests').loadManifestFiles):
  Promise<{ kubernetesVersion?: KubernetesVersion; crds: unknown[] } | string> {
    const given = this.props.kubernetesVersion;
    const kubernetesVersion = given === undefined ? undefined : parseKubernetesVersion(given);
    if (given !== undefined && !kubernetesVersion) {
      return `kubernetesVersion ${JSON.stringify(given)} is not a Kubernetes minor the validator knows (${supportedVersionsText()})`;
    }
    const files = this.props.crdFiles ?? [];
    if (!Array.isArray(files) || files.some((f) => typeof f !== 'string')) return 'crdFiles must be a list of file paths';
    if (files.length === 0) return { kubernetesVersion, crds: [] };
    const loaded = await load(files);
    if (loaded.errors.length > 0) return `crdFiles: ${loaded.errors.map((e) => `${e.file}: ${e.message}`).join('; ')}`;
    const crds = loaded.inputs.map((i) => i.object).filter((o) => isCrd(o));
    if (crds.length === 0) return `crdFiles ${files.join(', ')} hold no CustomResourceDefinition of apiextensions.k8s.io/v1`;
    return { kubernetesVersion, crds };
  }
}
