import { parseManifestText } from '../../src/cli/load-manifests';
import { buildTopology, BuildOptions } from '../../src/graph/build';
import { Topology, TopoNode } from '../../src/graph/model';
import { runValidation } from '../../src/validation/validate';

/** Inputs parsed from YAML text (fails the test on a load error). */
export function yamlInputs(text: string, file = 'test.yaml') {
  const r = parseManifestText(text, file);
  if (r.errors.length > 0) throw new Error(`fixture does not parse: ${JSON.stringify(r.errors)}`);
  return r.inputs;
}

/** The topology of YAML text, with the validator's findings marked unless told otherwise. */
export function topologyOf(text: string, options: BuildOptions & { validate?: boolean } = {}): Topology {
  const inputs = yamlInputs(text);
  const findings = options.validate === false ? [] : runValidation(inputs);
  return buildTopology(inputs, { findings, ...options });
}

/** `Kind name` (the first label line) of a node. */
export function title(n: TopoNode): string {
  return ['host', 'peer', 'pods', 'ipBlock'].includes(n.kind) ? n.name : `${n.kind} ${n.name}`;
}

/** Every edge as `A -> B [style: labels]`, sorted. */
export function edges(topo: Topology): string[] {
  return [...topo.edges.values()].map((e) => {
    const from = title(topo.nodes.get(e.from)!);
    const to = title(topo.nodes.get(e.to)!);
    const arrow = e.style === 'flow' ? '->' : e.style === 'uses' ? '-.->' : '==>';
    return `${from} ${arrow} ${to}${e.labels.length ? ` [${e.labels.join(', ')}]` : ''}`;
  }).sort();
}

/** The node whose title is `t` (fails when there is none or several). */
export function node(topo: Topology, t: string): TopoNode {
  const found = [...topo.nodes.values()].filter((n) => title(n) === t);
  if (found.length !== 1) throw new Error(`expected one node "${t}", found ${found.length}: ${[...topo.nodes.values()].map(title).join(' | ')}`);
  return found[0];
}
