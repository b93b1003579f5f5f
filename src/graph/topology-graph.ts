import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, App, Chart, Names } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { GraphFormat, renderGraph } from './render';
import { Problems } from '../core/problems';
import { GoldenPathValidation } from '../validation/app-validation';
import { Finding } from '../validation/finding';
import { OtherValidations } from '../validation/other-validations';
import { ManifestInput } from '../validation/validate';

const STATE = Symbol.for('cdk8s-golden-paths.TopologyGraph');

/**
 * Formats of the topology picture.
 */
export enum TopologyFormat {
  /** A Mermaid flowchart: GitHub and GitLab render it inside a Markdown ```mermaid block. */
  MERMAID = 'mermaid',
  /** Graphviz DOT (`dot -Tsvg`), for pictures too large for Mermaid. */
  DOT = 'dot',
  /** A Markdown document: a title, the Mermaid flowchart in a ```mermaid block, and a legend. */
  MARKDOWN = 'markdown',
}

/**
 * What to draw and how.
 */
export interface TopologyRenderOptions {
  /**
   * Output format.
   * @default TopologyFormat.MERMAID
   */
  readonly format?: TopologyFormat;
  /**
   * Findings to mark on the objects they are about (matched by kind, namespace and name): errors red, warnings amber,
   * rule ids in the label. Pass `Validator.validate(objects)` to mark what the validator finds.
   * @default - no object is marked
   */
  readonly findings?: Finding[];
  /**
   * Draw only these namespaces (cluster-scoped objects are always drawn).
   * @default - every namespace
   */
  readonly namespaces?: string[];
  /**
   * Title of the Markdown document (format MARKDOWN).
   * @default 'Topology'
   */
  readonly title?: string;
  /**
   * Nodes drawn before further folding (Secrets and ConfigMaps into labels, objects of one kind into one node).
   * Repeated objects (replicas, ordinals) are always collapsed.
   * @default 150 - readable on one screen; Mermaid itself renders at most 500 edges
   */
  readonly maxNodes?: number;
  /**
   * Edges drawn before further folding.
   * @default 300
   */
  readonly maxEdges?: number;
}

/**
 * Options of the picture written at synth.
 */
export interface TopologyWriteOptions {
  /**
   * Format of the files: MARKDOWN writes `<chart>.topology.md`, MERMAID `<chart>.topology.mmd`, DOT `<chart>.topology.dot`.
   * @default TopologyFormat.MARKDOWN - renders on GitHub and GitLab as it is
   */
  readonly format?: TopologyFormat;
  /**
   * Directory to write to.
   * @default - the app's outdir (where `cdk8s synth` writes the manifests, `dist/`)
   */
  readonly outdir?: string;
}

const EXTENSIONS: Record<TopologyFormat, string> = {
  [TopologyFormat.MARKDOWN]: '.topology.md',
  [TopologyFormat.MERMAID]: '.topology.mmd',
  [TopologyFormat.DOT]: '.topology.dot',
};

/**
 * A picture of what manifests deploy: hosts -> Ingresses and HTTPRoutes -> Services -> workloads (Deployments,
 * StatefulSets, Jobs, operator clusters) -> claims and claim templates -> PersistentVolumes -> StorageClasses ->
 * provisioners, with the Secrets and ConfigMaps used and what NetworkPolicies allow, grouped by namespace; objects
 * with findings are marked with their rule ids. Repeated objects (replicas, ordinals, similar objects) are collapsed.
 *
 * `TopologyGraph.render(objects)` draws plain objects; `TopologyGraph.writeAtSynth(app)` writes
 * `dist/<chart>.topology.md` for every chart at each synth that passes. The CLI draws any YAML:
 * `cdk8s-golden-paths graph dist/`.
 */
export class TopologyGraph {
  /**
   * The picture of plain Kubernetes objects (as parsed from YAML or produced by `chart.toJson()`).
   *
   * @param objects the objects
   * @param options format, findings to mark, namespaces
   */
  public static render(objects: any[], options: TopologyRenderOptions = {}): string {
    return TopologyGraph.renderInputs(Array.isArray(objects) ? objects.map((object) => ({ object })) : [], options);
  }

  /**
   * The picture of objects that carry their origin (file, line, construct path).
   */
  public static renderInputs(inputs: ManifestInput[], options: TopologyRenderOptions = {}): string {
    checkRenderOptions(options);
    return renderGraph(Array.isArray(inputs) ? inputs : [], {
      format: (options.format ?? TopologyFormat.MERMAID) as GraphFormat,
      findings: options.findings ?? [],
      namespaces: options.namespaces,
      title: options.title,
      maxNodes: options.maxNodes,
      maxEdges: options.maxEdges,
    });
  }

  /**
   * Writes the picture of every chart of the app (`<outdir>/<chart>.topology.md`, the chart's file name as cdk8s
   * names its manifest) at each synth, with the findings of the app's validation marked. Nothing is written when
   * synth fails validation (the files of an earlier synth are left as they were).
   *
   * @param scope any construct of the app
   * @param options format and directory; only on the first call, or the same ones again
   */
  public static writeAtSynth(scope: IConstruct, options: TopologyWriteOptions = {}): TopologyGraph {
    const root = scope.node.root as any;
    const existing: TopologyGraph | undefined = root[STATE];
    const format = options.format ?? TopologyFormat.MARKDOWN;
    const problems = new Problems(scope.node.path ? scope : '(app)');
    if (!Object.values(TopologyFormat).includes(format)) {
      problems.add('format', format, `is not a TopologyFormat (${Object.values(TopologyFormat).join(', ')})`, 'Use TopologyFormat.MARKDOWN, MERMAID or DOT.');
    }
    if (options.outdir !== undefined && (typeof options.outdir !== 'string' || options.outdir === '')) {
      problems.add('outdir', options.outdir, 'must be a directory name', 'Leave it out to write next to the manifests, or give e.g. "dist".');
    }
    if (existing && (existing.format !== format || existing.outdirOption !== options.outdir)) {
      problems.add('TopologyGraph.writeAtSynth options', options, `differ from the options it already has (format ${existing.format}, outdir ${existing.outdirOption ?? '(the app\'s)'})`,
        'Pass the options on the first TopologyGraph.writeAtSynth() call only.');
    }
    problems.throwIfAny();
    if (existing) return existing;
    const graph = new TopologyGraph(root, format, options.outdir);
    Object.defineProperty(root, STATE, { value: graph, enumerable: false });
    return graph;
  }

  /** Format of the files written at synth. */
  public readonly format: TopologyFormat;

  private readonly root: IConstruct;
  private readonly outdirOption?: string;
  private readonly others: OtherValidations;
  private written: string[] = [];

  private constructor(root: IConstruct, format: TopologyFormat, outdir?: string) {
    this.root = root;
    this.others = new OtherValidations(root);
    this.format = format;
    this.outdirOption = outdir;
    // a construct of its own, so its synth-time step runs with the app's validations
    new Construct(root, 'TopologyGraph').node.addValidation({ validate: () => this.validate() });
  }

  /** The files written by the last synth that passed, absolute paths in chart order. */
  public files(): string[] {
    return [...this.written];
  }

  /** The picture of each chart of the app now, by file name (`<chart>.topology.md`). Writes nothing. */
  public pictures(): Record<string, string> {
    const result: Record<string, string> = {};
    const findings = GoldenPathValidation.of(this.root).findings();
    const inputs = GoldenPathValidation.of(this.root)._renderedObjects();
    for (const chart of chartsOf(this.root)) {
      const own = new Set(chart.node.findAll().filter((c) => ApiObject.isApiObject(c) && Chart.of(c) === chart).map((c) => c.node.path));
      const chartInputs = inputs.filter((i) => i.constructPath !== undefined && own.has(i.constructPath));
      const chartFindings = findings.filter((f) => f.constructPath !== undefined && own.has(f.constructPath));
      const name = Names.toDnsLabel(chart);
      result[name + EXTENSIONS[this.format]] = TopologyGraph.renderInputs(chartInputs, {
        format: this.format, findings: chartFindings, title: `Topology of chart ${chart.node.id}`,
      });
    }
    return result;
  }

  /** The synth-time step: write the pictures when every other validation of the app passes. */
  private validate(): string[] {
    if (this.others.asking) return [];
    if (this.others.fail()) return [];
    const dir = path.resolve(this.outdirOption ?? (this.root instanceof App ? this.root.outdir : 'dist'));
    const written: string[] = [];
    try {
      for (const [file, text] of Object.entries(this.pictures())) {
        const target = path.join(dir, file);
        writeWhole(target, text);
        written.push(target);
      }
    } catch (e) {
      return [`cannot write the topology picture to ${dir}: ${(e as Error).message}`];
    }
    this.written = written;
    return [];
  }

}

function checkRenderOptions(options: TopologyRenderOptions): void {
  const problems = new Problems('TopologyGraph.render');
  if (typeof options !== 'object' || options === null) {
    problems.add('options', options, 'must be an object', 'Pass e.g. { format: TopologyFormat.MERMAID }.');
    problems.throwIfAny();
  }
  if (options.format !== undefined && !Object.values(TopologyFormat).includes(options.format)) {
    problems.add('format', options.format, `is not a TopologyFormat (${Object.values(TopologyFormat).join(', ')})`, 'Use TopologyFormat.MERMAID, DOT or MARKDOWN.');
  }
  for (const key of ['maxNodes', 'maxEdges'] as const) {
    const v = options[key];
    if (v !== undefined && (!Number.isInteger(v) || v < 1)) problems.add(key, v, 'must be a whole number of at least 1', `Use e.g. ${key}: 150.`);
  }
  if (options.findings !== undefined && !Array.isArray(options.findings)) {
    problems.add('findings', options.findings, 'must be a list of findings', 'Pass Validator.validate(objects).');
  }
  if (options.namespaces !== undefined && (!Array.isArray(options.namespaces) || options.namespaces.some((n) => typeof n !== 'string'))) {
    problems.add('namespaces', options.namespaces, 'must be a list of namespace names', 'Use e.g. ["shop"].');
  }
  problems.throwIfAny();
}

/** Charts of the app in construct order. */
function chartsOf(root: IConstruct): Chart[] {
  return root.node.findAll().filter((c): c is Chart => Chart.isChart(c));
}

/** Writes a file at once (temporary file renamed over it), creating its directory. */
function writeWhole(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
