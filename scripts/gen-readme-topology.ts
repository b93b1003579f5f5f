/**
 * `npm run docs:topology`: draws each example's topology picture (from the manifests `npm run synth` writes, with the
 * validator's findings marked, exactly as `cdk8s-golden-paths graph dist/<example>/` draws them) into the README,
 * between the markers `<!-- topology:<example> -->` and `<!-- /topology:<example> -->`.
 * test/graph/examples.test.ts fails when the README is stale.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadManifestFiles } from '../src/cli/load-manifests';
import { renderGraph } from '../src/graph/render';
import { ManifestInput, runValidation } from '../src/validation/validate';

/** The README the pictures live in. */
export const README = path.join(__dirname, '..', 'README.md');
const EXAMPLES = path.join(__dirname, '..', 'examples');

/** Names of the examples (directories of examples/ with a main.ts), sorted. */
export function exampleNames(): string[] {
  return fs.readdirSync(EXAMPLES).filter((n) => fs.existsSync(path.join(EXAMPLES, n, 'main.ts'))).sort();
}

/**
 * Synthesizes each example (loading its main.ts, as `npm run synth` does) into a temporary directory and returns its
 * manifests as the CLI reads them. The apps print their warnings to stderr as at `cdk8s synth`.
 */
export async function synthExamples(names: readonly string[] = exampleNames()): Promise<Map<string, ManifestInput[]>> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-paths-examples-'));
  const previous = process.env.CDK8S_OUTDIR;
  const result = new Map<string, ManifestInput[]>();
  try {
    for (const name of names) {
      const dir = path.join(out, name);
      process.env.CDK8S_OUTDIR = dir;
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- each example is an app that synthesizes when loaded
      require(path.join(EXAMPLES, name, 'main.ts'));
      const loaded = await loadManifestFiles([dir]);
      if (loaded.errors.length > 0) throw new Error(`examples/${name}: ${JSON.stringify(loaded.errors)}`);
      result.set(name, loaded.inputs.map((i) => ({ ...i, file: path.relative(out, i.file!) })));
    }
  } finally {
    if (previous === undefined) delete process.env.CDK8S_OUTDIR;
    else process.env.CDK8S_OUTDIR = previous;
    fs.rmSync(out, { recursive: true, force: true });
  }
  return result;
}

/** The Mermaid picture of one example's manifests, findings marked. */
export function examplePicture(inputs: readonly ManifestInput[]): string {
  return renderGraph(inputs, { findings: runValidation([...inputs]), format: 'mermaid' });
}

/** The README with each example's block replaced; throws when an example has no markers. */
export function updateReadme(readme: string, pictures: ReadonlyMap<string, string>): string {
  let text = readme;
  for (const [name, picture] of pictures) {
    const begin = `<!-- topology:${name} -->`;
    const end = `<!-- /topology:${name} -->`;
    const a = text.indexOf(begin);
    const b = text.indexOf(end);
    if (a === -1 || b === -1 || b < a) throw new Error(`README.md has no ${begin} ... ${end} block for examples/${name}`);
    text = `${text.slice(0, a + begin.length)}\n\n\`\`\`mermaid\n${picture}\`\`\`\n\n${text.slice(b)}`;
  }
  return text;
}

if (require.main === module) {
  void (async () => {
    const inputs = await synthExamples();
    const pictures = new Map([...inputs].map(([name, i]) => [name, examplePicture(i)]));
    fs.writeFileSync(README, updateReadme(fs.readFileSync(README, 'utf8'), pictures));
    console.log(`README.md: ${pictures.size} example pictures`);
  })();
}
