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
 * The load error of a JSON text that does not parse: the position from the parser's message (`at position N`, as
 * Node.js 20 to 24 write it), else the fallback without a position.
 */
export function jsonLoadError(file: string, text: string, e: unknown): LoadError {
  const message = (e as Error)?.message ?? String(e);
  const m = /at position (\d+)/.exec(message);
  const short = message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
  if (!m) return { file, message: `not valid JSON: ${short}` };
  const { line, column } = positionOf(text, parseInt(m[1], 10));
  return { file, line, column, message: `not valid JSON: ${short}` };
}
