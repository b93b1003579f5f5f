import { reportLoadErrors } from './load-errors';
import { loadManifestFiles } from './load-manifests';
import { loadCrdFiles, parseVersionArg } from './target-args';
import { GraphFormat, renderGraph } from '../graph/render';
import { DEFAULT_KUBERNETES_VERSION, KubernetesVersion, supportedVersionsText } from '../knowledge/kubernetes/versions';
import { Validator, runValidation } from '../validation/validate';

/**
 * `cdk8s-golden-paths graph`: the topology picture of manifests (Mermaid, DOT or Markdown), findings marked.
 * Not part of the jsii API.
 */

/** Where the command writes and what it reads for `-`. */
export interface GraphCommandIo {
  readonly stdin?: string | (() => Promise<string>);
  stdout(s: string): void;
  stderr(s: string): void;
}

export const GRAPH_USAGE = `Usage: cdk8s-golden-paths graph [options] <file|dir|->...

Draws what the manifests deploy: hosts -> Ingresses/HTTPRoutes -> Services -> workloads
-> claims and claim templates -> PersistentVolumes -> StorageClasses -> provisioners, the
Secrets and ConfigMaps used and what NetworkPolicies allow, one group per namespace.
Objects with findings of the validator are marked (errors red, warnings amber, rule ids
in the label). Repeated objects (replicas, ordinals) are collapsed.

Options:
  --format mermaid|dot|markdown   output format (default mermaid; markdown wraps the
                                  Mermaid flowchart in a document GitHub renders)
  --namespace <name>              draw only this namespace (repeatable; cluster-scoped
                                  objects are always drawn)
  --no-findings                   do not run the validator; mark nothing
  --disable <RULE-ID>             skip a rule when marking findings (repeatable)
  --kubernetes-version <1.X>      the cluster's Kubernetes minor the findings are judged
                                  against, ${supportedVersionsText()} (default ${DEFAULT_KUBERNETES_VERSION})
  --crd <file>                    CustomResourceDefinitions (YAML) whose objects are checked
                                  against their schemas (repeatable)
  --title <text>                  title of the markdown document
  -h, --help                      this text

Exit codes: 0 drawn, 2 unreadable input or bad usage (findings never fail graph: use validate).
`;

interface GraphArgs {
  format: GraphFormat;
  namespaces: string[];
  findings: boolean;
  disabled: string[];
  kubernetesVersion: KubernetesVersion;
  crdFiles: string[];
  title?: string;
  paths: string[];
  help: boolean;
}

const FORMATS: readonly GraphFormat[] = ['mermaid', 'dot', 'markdown'];

function parseGraphArgs(args: string[]): GraphArgs | string {
  const parsed: GraphArgs = { format: 'mermaid', namespaces: [], findings: true, disabled: [], kubernetesVersion: DEFAULT_KUBERNETES_VERSION, crdFiles: [], paths: [], help: false };
  for (let i = 0; i < args.length; i++) {
    const raw = String(args[i]);
    if (raw === '-' || !raw.startsWith('-')) {
      parsed.paths.push(raw);
      continue;
    }
    if (raw === '--') {
      parsed.paths.push(...args.slice(i + 1).map(String));
      break;
    }
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const arg = eq === -1 ? raw : raw.slice(0, eq);
    const value = (): string | undefined => (eq === -1 ? args[++i] : raw.slice(eq + 1));
    if (arg === '-h' || arg === '--help') {parsed.help = true;} else if (arg === '--no-findings') {parsed.findings = false;} else if (arg === '--format') {
      const f = value();
      if (!FORMATS.includes(f as GraphFormat)) return `--format must be ${FORMATS.join(', ')}, not ${JSON.stringify(f ?? '')}`;
      parsed.format = f as GraphFormat;
    } else if (arg === '--kubernetes-version') {
      const v = parseVersionArg(value());
      if (typeof v !== 'string') return v.error;
      parsed.kubernetesVersion = v;
    } else if (arg === '--namespace' || arg === '--title' || arg === '--disable' || arg === '--crd') {
      const v = value();
      if (v === undefined || v === '') return `${arg} needs a value`;
      if (arg === '--namespace') parsed.namespaces.push(v);
      else if (arg === '--title') parsed.title = v;
      else if (arg === '--crd') parsed.crdFiles.push(v);
      else parsed.disabled.push(...v.split(',').map((s) => s.trim()).filter((s) => s));
    } else {
      return `unknown option ${arg}`;
    }
  }
  return parsed;
}

/**
 * Runs `graph`.
 *
 * @param args the arguments after `graph`
 * @returns the exit code: 0 drawn, 2 unreadable input or bad usage
 */
export async function runGraphCommand(args: string[], io: GraphCommandIo): Promise<number> {
  const parsed = parseGraphArgs(Array.isArray(args) ? args : []);
  if (typeof parsed === 'string') {
    io.stderr(`error: ${parsed}\n\n${GRAPH_USAGE}`);
    return 2;
  }
  if (parsed.help) {
    io.stdout(GRAPH_USAGE);
    return 0;
  }
  if (parsed.paths.length === 0) {
    io.stderr(`error: graph needs at least one file, directory or - (stdin)\n\n${GRAPH_USAGE}`);
    return 2;
  }
  const known = new Set(Validator.rules().map((r) => r.id));
  const unknown = parsed.disabled.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    io.stderr(`error: --disable: unknown rule ${unknown.join(', ')}\n`);
    return 2;
  }
  const crds = await loadCrdFiles(parsed.crdFiles);
  if (crds.error !== undefined) {
    io.stderr(`error: ${crds.error}\n`);
    return 2;
  }
  const loaded = await loadManifestFiles(parsed.paths, { stdin: io.stdin });
  if (loaded.errors.length > 0) {
    reportLoadErrors(loaded.errors, io.stderr);
    io.stderr(`error: ${loaded.errors.length} input${loaded.errors.length === 1 ? '' : 's'} could not be read; nothing was drawn\n`);
    return 2;
  }
  if (loaded.inputs.length === 0) {
    io.stderr(`error: no documents in ${parsed.paths.map((p) => (p === '-' ? '<stdin>' : p)).join(', ')}\n`);
    return 2;
  }
  const findings = parsed.findings ? runValidation(loaded.inputs, {
    disabledRules: parsed.disabled,
    kubernetesVersion: parsed.kubernetesVersion,
    customResourceDefinitions: crds.crds,
  }) : [];
  io.stdout(renderGraph(loaded.inputs, { format: parsed.format, findings, namespaces: parsed.namespaces, title: parsed.title }));
  return 0;
}
