import { buildTopology, BuildOptions } from './build';
import { renderDot } from './dot';
import { renderMermaid } from './mermaid';
import { ManifestInput } from '../validation/validate';

/**
 * The one entry point of the picture for every door (the CLI's `graph`, `TopologyGraph` at synth, the README test):
 * objects and findings in, text out. Pure: same input, same bytes.
 */

/** Output formats (the values of `TopologyFormat`). */
export type GraphFormat = 'mermaid' | 'dot' | 'markdown';

/** What `renderGraph` takes besides the objects. */
export interface RenderGraphOptions extends BuildOptions {
  /** Default mermaid. */
  readonly format?: GraphFormat;
  /** Title of the Markdown document. Default `Topology`. */
  readonly title?: string;
}

/** The legend printed under the Markdown picture. */
export const MARKDOWN_LEGEND = [
  'Arrows: solid = traffic and storage (host → route → Service → workload → claim → volume → class → driver),',
  'dotted = Secrets and ConfigMaps used, thick = what a NetworkPolicy allows. Red boxes have errors, amber dashed boxes',
  'warnings (rule ids in the label: see docs/rules.md); grey dashed boxes are referenced but not in the manifests.',
].join(' ');

/** The picture of the inputs in the chosen format. */
export function renderGraph(inputs: readonly ManifestInput[], options: RenderGraphOptions = {}): string {
  const topo = buildTopology(inputs, options);
  switch (options.format ?? 'mermaid') {
    case 'dot':
      return renderDot(topo);
    case 'markdown':
      return `# ${options.title ?? 'Topology'}\n\n\`\`\`mermaid\n${renderMermaid(topo)}\`\`\`\n\n${MARKDOWN_LEGEND}\n`;
    default:
      return renderMermaid(topo);
  }
}
