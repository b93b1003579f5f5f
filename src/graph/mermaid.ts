import { headerLines, labelLines, layout, nodeClass, sortedEdges } from './layout';
import { NodeCategory, Topology } from './model';

/**
 * The picture as a Mermaid flowchart (rendered by GitHub and GitLab in Markdown): left to right from hosts to
 * storage drivers, one subgraph per namespace, errors red, warnings amber and dashed, objects outside the manifests
 * grey and dashed, rule ids in the labels.
 */

const SHAPES: Record<NodeCategory, [string, string]> = {
  host: ['([', '])'],
  peer: ['([', '])'],
  gateway: ['{{', '}}'],
  route: ['{{', '}}'],
  service: ['(', ')'],
  workload: ['[', ']'],
  secret: ['>', ']'],
  configMap: ['>', ']'],
  claim: ['[(', ')]'],
  claimTemplate: ['[(', ')]'],
  volume: ['[(', ')]'],
  storageClass: ['[/', '/]'],
  snapshotClass: ['[/', '/]'],
  driver: ['[[', ']]'],
  backend: ['[[', ']]'],
  other: ['[', ']'],
};

const ARROWS: Record<string, string> = { flow: '-->', uses: '-.->', allows: '==>' };

/** Class definitions: the same colours as GitHub's own error and warning annotations. */
const CLASS_DEFS = [
  'classDef error fill:#ffebe9,stroke:#cf222e,stroke-width:3px,color:#1f2328',
  'classDef warning fill:#fff8c5,stroke:#9a6700,stroke-width:2px,stroke-dasharray:6 3,color:#1f2328',
  'classDef external fill:#f6f8fa,stroke:#8c959f,stroke-dasharray:3 3,color:#57606a',
];

/** Text made safe inside a quoted Mermaid label (entity codes for the characters Mermaid reads). */
export function mermaidText(s: string): string {
  return s.replace(/#/g, '#35;').replace(/&/g, '#amp;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;')
    .replace(/\|/g, '#124;').replace(/[\r\n]+/g, ' ');
}

/** The Mermaid source of a topology. */
export function renderMermaid(topo: Topology): string {
  const { groups, ids } = layout(topo);
  const out: string[] = ['flowchart LR'];
  for (const h of headerLines(topo)) out.push(`  %% ${h}`);
  for (const g of groups) {
    const indent = g.id ? '    ' : '  ';
    if (g.id) out.push(`  subgraph ${g.id}["${mermaidText(g.title)}"]`);
    for (const { id, node } of g.nodes) {
      const [open, close] = SHAPES[node.category];
      out.push(`${indent}${id}${open}"${labelLines(node).map(mermaidText).join('<br/>')}"${close}`);
    }
    if (g.id) out.push('  end');
  }
  for (const e of sortedEdges(topo, ids)) {
    const arrow = ARROWS[e.style] ?? '-->';
    out.push(e.label ? `  ${e.from} ${arrow}|"${mermaidText(e.label)}"| ${e.to}` : `  ${e.from} ${arrow} ${e.to}`);
  }
  const classes = new Map<string, string[]>();
  for (const g of groups) {
    for (const { id, node } of g.nodes) {
      const c = nodeClass(node);
      if (c) classes.set(c, [...(classes.get(c) ?? []), id]);
    }
  }
  if (classes.size > 0) {
    out.push(...CLASS_DEFS.map((d) => `  ${d}`));
    for (const c of ['error', 'warning', 'external']) if (classes.has(c)) out.push(`  class ${classes.get(c)!.join(',')} ${c}`);
  }
  return out.join('\n') + '\n';
}
