import * as fs from 'fs';
import * as path from 'path';
import type { Node as YamlNode } from 'yaml';
import { fastParse } from './fast-yaml';
import { ManifestInput } from '../validation/validate';

/**
 * Reading Kubernetes manifests from files, directories and stdin, for the CLI and the day-2 commands.
 *
 * Hostile input never throws and never hangs: every problem becomes a {@link LoadError} (file, line, message), and
 * every document that parses becomes a {@link ManifestInput} (non-object documents included: the validator turns
 * those into VAL-003 findings). Memory is bounded by {@link LoadOptions.maxFileBytes} per input, alias expansion by
 * {@link LoadOptions.maxAliasCount}, and nesting by {@link LoadOptions.maxDepth}.
 *
 * Not part of the jsii API (not exported from index.ts).
 */

/** Name used for standard input in findings and errors. */
export const STDIN_NAME = '<stdin>';

/** File endings read when a directory is given. */
export const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** Default bound on the bytes read from one file or from stdin (16 MiB). */
export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Default bound on the aliases resolved in one YAML document. */
export const DEFAULT_MAX_ALIAS_COUNT = 100;

/** Default bound on nesting depth of one document. */
export const DEFAULT_MAX_DEPTH = 200;

/**
 * YAML 1.1, as kubectl (go-yaml v2 through sigs.k8s.io/yaml) and cdk8s read and write it: `yes`/`on` are booleans,
 * `0644` is octal, `<<` merges. Timestamps, sexagesimal numbers and !!binary stay strings, as kubectl keeps them.
 * Duplicate keys are checked separately in linear time.
 */
const COMPOSE_OPTIONS = {
  version: '1.1' as const,
  merge: true,
  uniqueKeys: false,
  prettyErrors: false,
  strict: true,
  customTags: (tags: any[]) => tags.filter((t) => t.tag !== 'tag:yaml.org,2002:timestamp'
    && t.tag !== 'tag:yaml.org,2002:binary' && t.format !== 'TIME'),
};

/** Input that could not be read or parsed. */
export interface LoadError {
  /** File (or `<stdin>`) the error is in. */
  readonly file: string;
  /** 1-based line of the error, when known. */
  readonly line?: number;
  /** 1-based column of the error, when known. */
  readonly column?: number;
  /** One line: what is wrong. */
  readonly message: string;
}

/** What {@link loadManifestFiles} returns. */
export interface LoadResult {
  /** Every document that parsed, in file order (files sorted within a directory), with file and 1-based line. */
  readonly inputs: ManifestInput[];
  /** Everything that could not be read or parsed; a non-empty list means the input is not fully validated. */
  readonly errors: LoadError[];
}

/** Bounds and sources for {@link loadManifestFiles}. */
export interface LoadOptions {
  /**
   * Text of stdin for the path `-` (tests and embedders); when absent, process.stdin is read.
   */
  readonly stdin?: string | (() => Promise<string>);
  /** Bytes read from one file or stdin at most; larger input is a load error. Default {@link DEFAULT_MAX_FILE_BYTES}. */
  readonly maxFileBytes?: number;
  /** Aliases resolved per YAML document at most (YAML bombs). Default {@link DEFAULT_MAX_ALIAS_COUNT}. */
  readonly maxAliasCount?: number;
  /** Nesting depth of a document at most. Default {@link DEFAULT_MAX_DEPTH}. */
  readonly maxDepth?: number;
  /**
   * Which YAML parser reads files: `fast` (js-yaml with a YAML 1.1 schema; a file it cannot read is read again by the
   * `yaml` package, whose errors are reported) or `yaml` (the `yaml` package only). For benchmarks and tests.
   * Default `fast`.
   */
  readonly parser?: 'fast' | 'yaml';
}

/**
 * Loads manifests from files, directories (recursively, `*.yaml`, `*.yml`, `*.json`, sorted by path) and `-` (stdin).
 *
 * Multi-document YAML and JSON are read; a `kind: List` (or `*List`) with `items` is expanded into its items.
 * Empty documents are skipped. Never throws for bad input: problems are returned in `errors`.
 *
 * @param paths files, directories or `-`
 * @param options bounds and an stdin override
 */
export async function loadManifestFiles(paths: string[], options: LoadOptions = {}): Promise<LoadResult> {
  const inputs: ManifestInput[] = [];
  const errors: LoadError[] = [];
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  let stdinRead = false;
  for (const p of paths) {
    if (p === '-') {
      if (stdinRead) continue;
      stdinRead = true;
      let text: string;
      try {
        text = await readStdin(options.stdin, maxBytes);
      } catch (e) {
        errors.push({ file: STDIN_NAME, message: errorMessage(e) });
        continue;
      }
      push(parseManifestText(text, STDIN_NAME, options), inputs, errors);
      continue;
    }
    let files: string[];
    try {
      files = expandPath(p);
    } catch (e) {
      errors.push({ file: p, message: errorMessage(e) });
      continue;
    }
    for (const file of files) {
      let text: string;
      try {
        text = readBounded(file, maxBytes);
      } catch (e) {
        errors.push({ file, message: errorMessage(e) });
        continue;
      }
      push(parseManifestText(text, file, options), inputs, errors);
    }
  }
  return { inputs, errors };
}

/**
 * Parses the text of one file (multi-document YAML or JSON) into manifest inputs and errors. Never throws.
 *
 * @param text file contents
 * @param file name to record in inputs and errors
 */
export function parseManifestText(text: string, file: string, options: LoadOptions = {}): LoadResult {
  const inputs: ManifestInput[] = [];
  const errors: LoadError[] = [];
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.indexOf('\u0000') !== -1) {
    errors.push({ file, message: 'not a text file (contains NUL bytes)' });
    return { inputs, errors };
  }
  const addDoc = (value: unknown, line: number | undefined, nestsAtMost?: number) => {
    if (value === null || value === undefined) return;
    // the fast reader knows how deep the document nests: no second walk when it is within the bound
    const depthError = nestsAtMost !== undefined && nestsAtMost <= maxDepth ? undefined : checkDepth(value, maxDepth);
    if (depthError) {
      errors.push({ file, line, message: depthError });
      return;
    }
    for (const object of expandList(value)) inputs.push({ object, file, line });
  };

  // JSON fast path (kubectl -o json, cdk8s output): one document.
  const first = firstNonSpace(text);
  if (first === '{' || (first === '[' && file.endsWith('.json'))) {
    try {
      addDoc(JSON.parse(text), lineOf(text, text.indexOf(first)));
      return { inputs, errors };
    } catch {
      // fall through: the YAML parser reports where the syntax error is
    }
  }

  if (options.parser !== 'yaml') {
    const docs = fastParse(text, maxDepth, options.maxAliasCount ?? DEFAULT_MAX_ALIAS_COUNT);
    if (docs) {
      for (const d of docs) addDoc(d.value, d.line, d.depth);
      return { inputs, errors };
    }
    // js-yaml could not read it (a syntax error, a duplicate key, a tag it does not know, an alias bomb): the yaml
    // package reads it again, so that what is reported, and how, does not depend on the fast path
  }
  // the yaml package needs memory and stack per level of brackets (js-yaml stops at its maxDepth)
  const nesting = flowNesting(text);
  if (nesting > MAX_FLOW_NESTING) {
    errors.push({ file, message: `brackets nest ${nesting} levels deep, more than ${MAX_FLOW_NESTING}: not a manifest` });
    return { inputs, errors };
  }
  parseWithYamlPackage(text, file, options, addDoc, errors);
  return { inputs, errors };
}

/** The `yaml` package's reading of a file: per-document errors with line and column. */
function parseWithYamlPackage(text: string, file: string, options: LoadOptions, addDoc: (value: unknown, line: number | undefined) => void,
  errors: LoadError[]): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only for files the fast path cannot read
  const { Composer, LineCounter, Parser } = require('yaml') as typeof import('yaml');
  try {
    const lines = new LineCounter();
    const parser = new Parser(lines.addNewLine);
    const composer = new Composer(COMPOSE_OPTIONS);
    const maxAliasCount = options.maxAliasCount ?? DEFAULT_MAX_ALIAS_COUNT;
    for (const doc of composer.compose(parser.parse(text), true, text.length)) {
      const start = doc.contents?.range?.[0] ?? doc.range?.[0] ?? 0;
      const docLine = lines.linePos(start).line;
      if (doc.errors.length > 0) {
        for (const err of doc.errors.slice(0, 5)) {
          const pos = lines.linePos(err.pos[0]);
          errors.push({ file, line: pos.line, column: pos.col, message: `YAML syntax error: ${firstLine(err.message)}` });
        }
        continue;
      }
      const dup = duplicateKey(doc.contents);
      if (dup) {
        const pos = lines.linePos(dup.offset);
        errors.push({ file, line: pos.line, column: pos.col, message: `YAML syntax error: duplicate key ${JSON.stringify(dup.key)} (map keys must be unique)` });
        continue;
      }
      let value: unknown;
      try {
        value = doc.toJS({ maxAliasCount });
      } catch (e) {
        errors.push({ file, line: docLine, message: `YAML document rejected: ${errorMessage(e)}` });
        continue;
      }
      addDoc(value, docLine);
    }
  } catch (e) {
    // parser or composer failure (e.g. nesting that exhausts the stack): the whole file is unreadable
    errors.push({ file, message: `cannot parse: ${errorMessage(e)}` });
  }
}

function push(result: LoadResult, inputs: ManifestInput[], errors: LoadError[]): void {
  for (const i of result.inputs) inputs.push(i);
  for (const e of result.errors) errors.push(e);
}

/** Files a path stands for: the file itself, or the manifest files under a directory, sorted. */
function expandPath(p: string): string[] {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return [p];
  const files: string[] = [];
  const seen = new Set<string>();
  const walk = (dir: string) => {
    const real = fs.realpathSync(dir);
    if (seen.has(real)) return; // symlink loop
    seen.add(real);
    const entries = fs.readdirSync(dir, { withFileTypes: true }).map((e) => e.name).sort();
    for (const name of entries) {
      const full = path.join(dir, name);
      let s: fs.Stats;
      try {
        s = fs.statSync(full);
      } catch {
        continue; // dangling symlink
      }
      if (s.isDirectory()) walk(full);
      else if (s.isFile() && MANIFEST_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext))) files.push(full);
    }
  };
  walk(p);
  if (files.length === 0) throw new Error(`no ${MANIFEST_EXTENSIONS.map((e) => '*' + e).join(', ')} files in directory`);
  return files;
}

/**
 * Reads at most maxBytes (+1 to detect overflow) without trusting the reported size (/dev/zero, pipes): one buffer of
 * the reported size (+1 byte to see that the file ended), grown only when the file turns out larger. A buffer per
 * file of its own size, not a 1 MiB chunk and a copy: over 1,000 files those chunks were most of the reading's
 * garbage collection.
 */
function readBounded(file: string, maxBytes: number): string {
  const fd = fs.openSync(file, 'r');
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw new Error('is a directory');
    let buf = Buffer.allocUnsafe(Math.min(Math.max(stat.size, 0), maxBytes) + 1);
    let total = 0;
    for (;;) {
      if (total === buf.length) {
        if (total > maxBytes) break;
        const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, maxBytes + 1));
        buf.copy(bigger, 0, 0, total);
        buf = bigger;
      }
      const n = fs.readSync(fd, buf, total, buf.length - total, null);
      if (n === 0) break;
      total += n;
    }
    if (total > maxBytes) throw new Error(`larger than ${maxBytes} bytes; split the file or raise the limit`);
    return decode(buf.subarray(0, total));
  } finally {
    fs.closeSync(fd);
  }
}

async function readStdin(source: LoadOptions['stdin'], maxBytes: number): Promise<string> {
  if (typeof source === 'string') {
    if (Buffer.byteLength(source) > maxBytes) throw new Error(`larger than ${maxBytes} bytes`);
    return source;
  }
  if (typeof source === 'function') return readStdin(await source(), maxBytes);
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const stdin = process.stdin;
    const onData = (c: Buffer | string) => {
      const b = typeof c === 'string' ? Buffer.from(c) : c;
      total += b.length;
      if (total > maxBytes) {
        cleanup();
        stdin.pause();
        reject(new Error(`larger than ${maxBytes} bytes`));
        return;
      }
      chunks.push(b);
    };
    const onEnd = () => {
      cleanup();
      resolve(decode(Buffer.concat(chunks, total)));
    };
    const onError = (e: Error) => {
      cleanup();
      reject(e);
    };
    const cleanup = () => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.off('error', onError);
    };
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.on('error', onError);
    stdin.resume();
  });
}

function decode(buf: Buffer): string {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  return buf.toString('utf8');
}

/** `kind: List` (kubectl get -o json/yaml) holds the objects in items. */
function expandList(value: unknown): unknown[] {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if (typeof v.kind === 'string' && v.kind.endsWith('List') && Array.isArray(v.items) && typeof v.apiVersion === 'string') {
      return v.items.filter((i) => i !== null && i !== undefined);
    }
  }
  return [value];
}

/** Iterative depth check, so that no rule has to recurse through a hostile document. */
function checkDepth(value: unknown, maxDepth: number): string | undefined {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (d > maxDepth) return `document nests deeper than ${maxDepth} levels`;
    const children = Array.isArray(v) ? v : Object.values(v as object);
    for (const c of children) if (typeof c === 'object' && c !== null) stack.push([c, d + 1]);
  }
  return undefined;
}

/**
 * First duplicate key in any mapping of a document, in linear time (the yaml package's own check is quadratic in the
 * number of keys of a map, which lets one large map hang the process).
 */
function duplicateKey(root: unknown): { key: string; offset: number } | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the yaml package loads with its parser, on demand
  const { isMap, isScalar, isSeq } = require('yaml') as typeof import('yaml');
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const k = pair.key;
        const key = isScalar(k) ? String(k.value) : undefined;
        if (key !== undefined) {
          if (seen.has(key)) return { key, offset: (k as YamlNode).range?.[0] ?? 0 };
          seen.add(key);
        }
        if (pair.value) stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return undefined;
}

/** Bound on `[`/`{` nesting checked before parsing: the YAML parser needs memory and stack per level. */
const MAX_FLOW_NESTING = 1000;

/**
 * Deepest nesting of flow brackets, skipping quoted strings and comments. Plain scalars may hold brackets, so this
 * over-estimates; the bound is far above any real manifest.
 */
function flowNesting(text: string): number {
  let depth = 0;
  let max = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) { // [ {
      if (++depth > max) max = depth;
    } else if (c === 93 || c === 125) { // ] }
      if (depth > 0) depth--;
    } else if (c === 34) { // "
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 39) { // '
      for (i++; i < n && text.charCodeAt(i) !== 39; i++);
    } else if (c === 35 && (i === 0 || text.charCodeAt(i - 1) <= 32)) { // # comment
      while (i < n && text.charCodeAt(i) !== 10) i++;
    }
  }
  return max;
}

function firstNonSpace(text: string): string | undefined {
  const m = /\S/.exec(text.length > 4096 ? text.slice(0, 4096) : text);
  return m ? m[0] : undefined;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function firstLine(s: string): string {
  const nl = s.indexOf('\n');
  return (nl === -1 ? s : s.slice(0, nl)).trim();
}

function errorMessage(e: unknown): string {
  if (e && typeof e === 'object') {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return 'no such file or directory';
    if (err.code === 'EACCES') return 'permission denied';
    if (err.code === 'EISDIR') return 'is a directory';
    if (typeof err.message === 'string') return firstLine(err.message);
  }
  return String(e);
}
