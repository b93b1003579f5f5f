import { headerLines, labelLines, layout, nodeClass, sortedEdges } from './layout';
import { NodeCategory, Topology } from './model';

/**
 * The picture in Graphviz DOT (`dot -Tsvg`), for graphs too large for Mermaid: the same groups, labels and styles.
 */

const SHAPES: Record<NodeCategory, string> = {
  host: 'ellipse',
  peer: 'ellipse',
  gateway: 'hexagon',
  route: 'hexagon',
  service: 'box',
  workload: 'box',
  secret: 'note',
  configMap: 'note',
  claim: 'cylinder',
  claimTemplate: 'cylinder',
  volume: 'cylinder',
  storageClass: 'parallelogram',
  snapshotClass: 'parallelogram',
  driver: 'component',
  backend: 'component',
  other: 'box',
};

const STYLES: Record<string, string> = {
  error: 'color="#cf222e", fillcolor="#ffebe9", penwidth=3, style="filled"',
  warning: 'color="#9a6700", fillcolor="#fff8c5", penwidth=2, style="filled,dashed"',
  external: 'color="#8c959f", fontcolor="#57606a", style="dashed"',
};

const EDGE_STYLES: Record<string, string> = { flow: '', uses: 'style=dashed', allows: 'style=bold, color="#0969da"' };

/** A DOT double-quoted string. */
export function dotString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\r\n]+/g, ' ')}"`;
}

/** A DOT label of several lines (each centred). */
function dotLines(lines: readonly string[]): string {
  return `"${lines.map((l) => dotString(l).slice(1, -1)).join('\\n')}"`;
}

/** The DOT source of a topology. */
export function renderDot(topo: Topology): string {
  const { groups, ids } = layout(topo);
  const out: string[] = ['digraph topology {'];
  for (const h of headerLines(topo)) out.push(`  // ${h.replace(/[\r\n]+/g, ' ')}`);
  out.push('  rankdir=LR;', '  node [fontname="Helvetica", fontsize=11];', '  edge [fontname="Helvetica", fontsize=9];');
  for (const g of groups) {
    const indent = g.id ? '    ' : '  ';
    if (g.id) out.push(`  subgraph cluster_${g.id} {`, `    label=${dotString(g.title)};`, '    style="rounded";');
    for (const { id, node } of g.nodes) {
      const attrs = [`label=${dotLines(labelLines(node))}`, `shape=${SHAPES[node.category]}`];
      const c = nodeClass(node);
      if (c) attrs.push(STYLES[c]);
      out.push(`${indent}${id} [${attrs.join(', ')}];`);
    }
    if (g.id) out.push('  }');
  }
  for (const e of sortedEdges(topo, ids)) {
    const attrs = [e.label ? `label=${dotString(e.label)}` : '', EDGE_STYLES[e.style] ?? ''].filter((a) => a);
    out.push(`  ${e.from} -> ${e.to}${attrs.length ? ` [${attrs.join(', ')}]` : ''};`);
  }
  out.push('}');
  return out.join('\n') + '\n';
}
