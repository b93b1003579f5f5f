import { runGraphCommand } from './graph-command';
import { reportLoadErrors } from './load-errors';
import { loadManifestFiles } from './load-manifests';
import { runLockCommand } from './lock-command';
import { readPolicyFile } from './policy-file';
import { REPORT_FORMATS, ReportFormat, formatReport } from './report-formats';
import { loadCrdFiles, parseVersionArg } from './target-args';
import { DEFAULT_KUBERNETES_VERSION, KubernetesVersion, supportedVersionsText } from '../knowledge/kubernetes/versions';
import { Finding, Severity } from '../validation/finding';
import { KnownStorageClass } from '../validation/rule';
import { formatFinding, runValidation, Validator } from '../validation/validate';

/**
 * The `cdk8s-golden-paths` command line (bin/cdk8s-golden-paths). Not part of the jsii API.
 *
 * Exit codes: 0 no error (warnings allowed), 1 at least one error finding, 2 unreadable input or bad usage.
 */

/** Where the CLI writes and what it reads for `-`; tests pass their own. */
export interface CliIo {
  /** Text of stdin for `-` (default: process.stdin). */
  readonly stdin?: string | (() => Promise<string>);
  stdout(s: string): void;
  stderr(s: string): void;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

const USAGE = `Usage:
  cdk8s-golden-paths validate [options] <file|dir|->...
  cdk8s-golden-paths rules [--format text|json]
  cdk8s-golden-paths graph [options] <file|dir|->...   (see: cdk8s-golden-paths graph --help)
  cdk8s-golden-paths lock ...            (see: cdk8s-golden-paths lock --help)

validate reads multi-document YAML or JSON from files, directories (*.yaml, *.yml,
*.json, recursively) and - (stdin), and checks every object against the
golden-paths rules (the target Kubernetes minor's schema and CRD schemas,
API-server parity, storage, workloads, ingress, security). Rules: docs/rules.md
or \`cdk8s-golden-paths rules\`.

Options:
  --format text|json|sarif|junit           output format (default text); sarif is SARIF 2.1.0
                                           for code scanning, junit is JUnit XML for CI test reports
  --policy <file>                          the platform policy (PlatformPolicyProps keys) as
                                           YAML or JSON: rules POL-001..
  --kubernetes-version <1.X>               the cluster's Kubernetes minor, ${supportedVersionsText()}
                                           (default ${DEFAULT_KUBERNETES_VERSION}): its schema, served apiVersions
                                           and in-tree volume plugins
  --crd <file>                             CustomResourceDefinitions (YAML) whose objects are
                                           checked against their schemas (repeatable); those of
                                           CloudNativePG, Gateway API, CSI snapshots, mariadb-operator
                                           and MongoDB Community are built in
  --known-storage-class <name>=<provisioner>
                                           a StorageClass that exists in the cluster
                                           but is not among the files (repeatable)
  --default-storage-class <name>           the cluster's default class (with
                                           --known-storage-class for its provisioner)
  --disable <RULE-ID>                      skip a rule entirely (repeatable; prefer the
                                           golden-paths.dev/suppress.<RULE-ID> annotation)
  -h, --help                               this help

Exit codes: 0 no error (warnings allowed), 1 errors found, 2 unreadable input or bad usage.
Unreadable input is reported on stderr as \`error: <file>:<line>:<column>: <message>\`
(\`error: <file>: <message>\` where no position exists).
`;

class UsageError extends Error {}

const defaultIo: CliIo = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};

/**
 * Runs the CLI with the arguments after the program name; resolves to the exit code. Never throws.
 */
export async function main(args: string[], io: CliIo = defaultIo): Promise<number> {
  try {
    const [command, ...rest] = args;
    switch (command) {
      case 'validate':
        return await validateCommand(rest, io);
      case 'rules':
        return rulesCommand(rest, io);
      case 'graph':
        return await runGraphCommand(rest, io);
      case 'lock':
        return await runLockCommand(rest, io);
      case '-h':
      case '--help':
      case 'help':
        io.stdout(USAGE);
        return EXIT_OK;
      case undefined:
        io.stderr(USAGE);
        return EXIT_USAGE;
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`cdk8s-golden-paths: ${e.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    io.stderr(`cdk8s-golden-paths: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    return EXIT_USAGE;
  }
}

interface ValidateArgs {
  readonly format: ReportFormat;
  readonly policy?: string;
  readonly paths: string[];
  readonly known: KnownStorageClass[];
  readonly disabled: string[];
  readonly help: boolean;
  readonly kubernetesVersion: KubernetesVersion;
  readonly crdFiles: string[];
}

function parseValidateArgs(args: string[]): ValidateArgs {
  let format: ReportFormat = 'text';
  let policy: string | undefined;
  const paths: string[] = [];
  const known = new Map<string, { provisioner?: string; isDefault?: boolean }>();
  const disabled: string[] = [];
  const crdFiles: string[] = [];
  let kubernetesVersion = DEFAULT_KUBERNETES_VERSION;
  let help = false;
  let onlyPaths = false;
  for (let i = 0; i < args.length; i++) {
    let arg = args[i];
    if (onlyPaths || arg === '-' || !arg.startsWith('-')) {
      paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    let value: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq !== -1) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const next = (): string => {
      if (value !== undefined) return value;
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '-h':
      case '--help':
        help = true;
        break;
      case '--format': {
        const f = next();
        if (!REPORT_FORMATS.includes(f as ReportFormat)) throw new UsageError(`--format must be ${REPORT_FORMATS.join(', ')}, not ${JSON.stringify(f)}`);
        format = f as ReportFormat;
        break;
      }
      case '--policy':
        policy = next();
        break;
      case '--known-storage-class': {
        const [name, provisioner] = knownStorageClassArg(next());
        known.set(name, { ...known.get(name), provisioner });
        break;
      }
      case '--default-storage-class': {
        const name = next();
        known.set(name, { ...known.get(name), isDefault: true });
        break;
      }
      case '--disable':
        disabled.push(...next().split(',').map((s) => s.trim()).filter((s) => s));
        break;
      case '--kubernetes-version':
        kubernetesVersion = versionArg(next());
        break;
      case '--crd':
        crdFiles.push(next());
        break;
      default:
        throw new UsageError(`unknown option ${arg}`);
    }
  }
  return {
    format,
    policy,
    paths,
    known: [...known.entries()].map(([name, k]) => ({ name, provisioner: k.provisioner, isDefault: k.isDefault })),
    disabled,
    help,
    kubernetesVersion,
    crdFiles,
  };
}

/** The name and provisioner of a --known-storage-class value. */
function knownStorageClassArg(v: string): [string, string] {
  const m = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?)=(\S+)$/.exec(v);
  if (!m) throw new UsageError(`--known-storage-class takes <name>=<provisioner>, e.g. standard=ebs.csi.aws.com, not ${JSON.stringify(v)}`);
  return [m[1], m[3]];
}

/** The value of --kubernetes-version. */
function versionArg(v: string): KubernetesVersion {
  const parsed = parseVersionArg(v);
  if (typeof parsed !== 'string') throw new UsageError(parsed.error);
  return parsed;
}

/** The CustomResourceDefinitions of the --crd files; a file that cannot be read or holds none is a usage error. */
async function loadCrds(files: string[]): Promise<unknown[]> {
  const loaded = await loadCrdFiles(files);
  if (loaded.error !== undefined) throw new UsageError(loaded.error);
  return loaded.crds;
}

async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const opts = parseValidateArgs(args);
  if (opts.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (opts.paths.length === 0) throw new UsageError('validate needs at least one file, directory or - (stdin)');
  const ruleIds = new Set(Validator.rules().map((r) => r.id));
  const unknown = opts.disabled.filter((id) => !ruleIds.has(id));
  if (unknown.length > 0) throw new UsageError(`--disable: unknown rule ${unknown.join(', ')}`);

  const policyFile = opts.policy !== undefined ? readPolicyFile(opts.policy) : undefined;
  if (policyFile && policyFile.errors.length > 0) {
    reportLoadErrors(policyFile.errors, io.stderr);
    return EXIT_USAGE;
  }
  const policies = policyFile?.policy ? [{ policy: policyFile.policy }] : [];
  const crds = await loadCrds(opts.crdFiles);
  const loaded = await loadManifestFiles(opts.paths, { stdin: io.stdin });
  const findings = runValidation(loaded.inputs, {
    knownStorageClasses: opts.known,
    disabledRules: opts.disabled,
    kubernetesVersion: opts.kubernetesVersion,
    customResourceDefinitions: crds,
    policies,
  });
  const files = new Set(loaded.inputs.map((i) => i.file)).size;

  const report = formatReport(opts.format, { findings, inputs: loaded.inputs, loadErrors: loaded.errors });
  if (report !== undefined) {
    io.stdout(report);
  } else if (opts.format === 'json') {
    io.stdout(JSON.stringify({
      findings: findings.map(findingJson),
      ...(loaded.errors.length > 0 ? { errors: loaded.errors } : {}),
    }, null, 2) + '\n');
  } else {
    for (const f of findings) io.stdout(formatFinding(f) + '\n');
    io.stdout(summary(findings, loaded.inputs.length, files) + '\n');
  }
  reportLoadErrors(loaded.errors, io.stderr);
  if (loaded.errors.length > 0) return EXIT_USAGE;
  if (loaded.inputs.length === 0) {
    // an empty input is most often a failed pipeline (helm template ... | validate -): never report it as clean
    io.stderr(`error: no documents in ${opts.paths.map((p) => (p === '-' ? '<stdin>' : p)).join(', ')}\n`);
    return EXIT_USAGE;
  }
  return findings.some((f) => f.severity === Severity.ERROR) ? EXIT_FINDINGS : EXIT_OK;
}

function rulesCommand(args: string[], io: CliIo): number {
  let format = 'text';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--format' && (args[i + 1] === 'text' || args[i + 1] === 'json')) {format = args[++i];} else if (a === '--format=json' || a === '--format=text') {format = a.slice('--format='.length);} else if (a === '-h' || a === '--help') {
      io.stdout(USAGE);
      return EXIT_OK;
    } else {throw new UsageError(`rules: unexpected argument ${JSON.stringify(a)}`);}
  }
  const rules = Validator.rules();
  if (format === 'json') {
    io.stdout(JSON.stringify({ rules }, null, 2) + '\n');
    return EXIT_OK;
  }
  for (const r of rules) io.stdout(`${r.id}  ${r.severity.padEnd(7)}  ${r.family.padEnd(10)}  ${r.what}\n`);
  io.stdout(`${rules.length} rules. Suppress one for one object with the annotation golden-paths.dev/suppress.<RULE-ID>: "<reason>".\n`);
  return EXIT_OK;
}

/** The JSON shape of one finding. */
export function findingJson(f: Finding): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    kind: f.kind,
    name: f.name,
    namespace: f.namespace ?? null,
    file: f.file ?? null,
    line: f.line ?? null,
    constructPath: f.constructPath ?? null,
    message: f.message,
    fix: f.fix,
  };
}

function summary(findings: Finding[], objects: number, files: number): string {
  const errors = findings.filter((f) => f.severity === Severity.ERROR).length;
  const warnings = findings.length - errors;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(objects, 'object')} from ${plural(files, 'file')}`;
}
