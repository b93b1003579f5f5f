import { LoadError } from './load-manifests';

/**
 * One format for unreadable input in every command (validate, graph, lock, --policy files):
 *
 *     error: <file>:<line>:<column>: <message>
 *
 * as compilers and editors print it (clickable in terminals and CI logs). Where no position exists (a missing file,
 * a file over the size limit, an empty stdin) the documented fallback is `error: <file>: <message>`; with a line but
 * no column, `error: <file>:<line>: <message>`. Standard input is named `<stdin>`.
 */

/** `file:line:column: message` (or the fallback without a position). */
export function formatLoadError(e: LoadError): string {
  const where = e.line !== undefined ? `${e.file}:${e.line}${e.column !== undefined ? `:${e.column}` : ''}` : e.file;
  return `${where}: ${e.message}`;
}

/** Writes each error as `error: file:line:column: message`. */
export function reportLoadErrors(errors: readonly LoadError[], stderr: (s: string) => void): void {
  for (const e of errors) stderr(`error: ${formatLoadError(e)}\n`);
}

/** 1-based line and column of a character offset in a text. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.max(0, Math.min(offset, text.length));
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * The load error of a JSON text that does not parse, at the position where it stops being JSON (found by a small
 * scanner: the parser's own messages carry a position only for some errors, and differ between Node.js versions).
 */
export function jsonLoadError(file: string, text: string, e: unknown): LoadError {
  const offset = jsonErrorOffset(text);
  if (offset === undefined) return { file, message: `not valid JSON: ${firstLine((e as Error)?.message ?? String(e))}` };
  const { line, column } = positionOf(text, offset);
  const found = offset >= text.length ? 'end of input' : JSON.stringify(text[offset]);
  return { file, line, column, message: `not valid JSON: unexpected ${found}` };
}

function firstLine(s: string): string {
  const line = s.split(/\r?\n/)[0];
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}

/** Offset of the first character where `text` stops being JSON, or undefined when it is JSON. */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = () => {
    if (text[i] !== '"') fail();
    for (i++; i < text.length && text[i] !== '"'; i++) {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const value = (depth: number): void => {
    ws();
    if (depth > 1000) fail();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          ws();
          string();
          ws();
          if (text[i] !== ':') fail();
          i++;
        }
        value(depth + 1);
        ws();
        if (text[i] === ',') {i++;} else if (text[i] === close) {
          i++;
          return;
        } else {fail();}
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
  };
  try {
    value(0);
    ws();
    return i < text.length ? i : undefined;
  } catch (at) {
    return typeof at === 'number' ? at : undefined;
  }
}
