import { formatLoadError, jsonLoadError, reportLoadErrors } from './load-errors';
import { loadManifestFiles } from './load-manifests';
import { LockViolation, compareLockWithInputs, formatViolation } from '../lock/compare';
import { computeLockOfInputs } from '../lock/extract';
import { ACCEPT_CHANGES_ENV, DEFAULT_LOCK_FILE, LockFile, parseLock, serializeLock } from '../lock/lock-file';
import { readLockText, writeFileAtomically } from '../lock/lock-io';
import { Severity } from '../validation/finding';

/**
 * `cdk8s-golden-paths lock ...`: the CLI door of the deploy lock. Not part of the jsii API.
 */

/** Where the command writes; each call is one chunk of text ending in a newline (like `process.stdout.write`). */
export interface LockCommandIo {
  stdout(s: string): void;
  stderr(s: string): void;
}

const USAGE = `Usage: cdk8s-golden-paths lock <check|update> [--lock FILE] [--json] <file|dir|->...

Day-2 safety: compares manifests with a lock file of the fields Kubernetes refuses to change after creation.

  check    report every change to a locked field, with its safe migration; exit 1 when the cluster would refuse one
  update   accept the changes: rewrite the lock file from the manifests (review and commit the diff)

Options:
  --lock FILE   the lock file (default ${DEFAULT_LOCK_FILE} in the current directory)
  --json        check: print the violations as JSON
  -h, --help    this text

Exit codes: 0 fine (warnings allowed), 1 refused changes (check), 2 bad usage or unreadable input.
`;

interface Parsed {
  readonly sub: string;
  readonly lockFile: string;
  readonly json: boolean;
  readonly paths: string[];
}

function parseArgs(args: string[]): Parsed | string {
  let sub: string | undefined;
  let lockFile = DEFAULT_LOCK_FILE;
  let json = false;
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = String(args[i]);
    if (a === '--') {
      paths.push(...args.slice(i + 1).map(String));
      break;
    }
    if (a === '--lock' || a === '-l') {
      const v = args[i + 1];
      if (v === undefined || v === '') return `${a} needs a file name`;
      lockFile = String(v);
      i++;
    } else if (a.startsWith('--lock=')) {
      lockFile = a.slice('--lock='.length);
      if (!lockFile) return '--lock needs a file name';
    } else if (a === '--json') {
      json = true;
    } else if (a.startsWith('-') && a !== '-') {
      return `unknown option ${a}`;
    } else if (sub === undefined) {
      sub = a;
    } else {
      paths.push(a);
    }
  }
  if (sub === undefined) return 'missing subcommand: check or update';
  if (sub !== 'check' && sub !== 'update') return `unknown subcommand ${JSON.stringify(sub)}: use check or update`;
  if (paths.length === 0) return `${sub} needs manifest files, directories or - (stdin)`;
  return { sub, lockFile, json, paths };
}

/** The lock file as it is: none (`{}`), its text and lock, or why it cannot be read. */
interface OldLock {
  readonly lock?: LockFile;
  readonly text?: string;
  readonly error?: string;
}

function readLock(file: string): OldLock {
  let text: string | undefined;
  try {
    text = readLockText(file);
  } catch (e) {
    return { error: `${file}: ${(e as Error).message.replace(`cannot read the lock file ${file}: `, 'cannot read the lock file: ')}` };
  }
  if (text === undefined) return {};
  try {
    JSON.parse(text);
  } catch (e) {
    const err = jsonLoadError(file, text, e);
    return { error: `${formatLoadError(err)}. Restore it from version control, or delete it to lock the current objects afresh.` };
  }
  try {
    return { lock: parseLock(text, file), text };
  } catch (e) {
    const message = (e as Error).message;
    return { error: message.startsWith(`${file} `) ? `${file}: ${message.slice(file.length + 1)}` : `${file}: ${message}` };
  }
}

function summary(violations: LockViolation[]): string {
  const errors = violations.filter((v) => v.severity === Severity.ERROR).length;
  const warnings = violations.length - errors;
  return `${errors} refused change${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

/**
 * Runs `lock check` or `lock update`.
 *
 * @param args the arguments after `lock`
 * @param io where to write
 * @returns the exit code: 0 fine, 1 refused changes (check), 2 bad usage or unreadable input
 */
export async function runLockCommand(args: string[], io: LockCommandIo): Promise<number> {
  try {
    return await run(Array.isArray(args) ? args : [], io);
  } catch (e) {
    io.stderr(`error: ${(e as Error)?.message ?? String(e)}\n`);
    return 2;
  }
}

/** What both subcommands work on: the lock file as it is, the lock the manifests give, and the violations between them. */
interface Comparison {
  readonly old: OldLock;
  readonly fresh: string;
  readonly violations: LockViolation[];
}

async function run(args: string[], io: LockCommandIo): Promise<number> {
  if (args.includes('-h') || args.includes('--help') || args[0] === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(`error: ${parsed}\n\n${USAGE}`);
    return 2;
  }
  const compared = await compare(parsed, io);
  if (compared === undefined) return 2;
  return parsed.sub === 'check' ? check(parsed, compared, io) : update(parsed, compared, io);
}

/** Reads the manifests and the lock file and compares them; undefined (after the errors) when one cannot be read. */
async function compare(parsed: Parsed, io: LockCommandIo): Promise<Comparison | undefined> {
  const loaded = await loadManifestFiles(parsed.paths);
  if (loaded.errors.length > 0) {
    reportLoadErrors(loaded.errors, io.stderr);
    io.stderr(`error: ${loaded.errors.length} input${loaded.errors.length === 1 ? '' : 's'} could not be read; nothing was ${parsed.sub === 'update' ? 'written' : 'checked'}\n`);
    return undefined;
  }
  const old = readLock(parsed.lockFile);
  if (old.error) {
    io.stderr(`error: ${old.error}\n`);
    return undefined;
  }
  const fresh = serializeLock(computeLockOfInputs(loaded.inputs));
  const hint = `Then accept the change so the lock-file diff records it: \`${updateCommand(parsed)}\` (or \`${ACCEPT_CHANGES_ENV}=1 cdk8s synth\`), and commit ${parsed.lockFile} with the manifests.`;
  const violations = old.lock ? compareLockWithInputs(old.lock, loaded.inputs, { acceptHint: hint }) : [];
  return { old, fresh, violations };
}

function updateCommand(parsed: Parsed): string {
  return `cdk8s-golden-paths lock update --lock ${parsed.lockFile} ${parsed.paths.join(' ')}`;
}

/** `lock check`: report; exit 1 on a refused change. */
function check(parsed: Parsed, { old, fresh, violations }: Comparison, io: LockCommandIo): number {
  if (!old.lock) {
    io.stderr(`error: ${parsed.lockFile}: no such lock file: create it with \`${updateCommand(parsed)}\` and commit it\n`);
    return 2;
  }
  const errors = violations.filter((v) => v.severity === Severity.ERROR).length;
  if (parsed.json) {
    io.stdout(JSON.stringify({ violations, upToDate: old.text === fresh }, null, 2) + '\n');
    return errors > 0 ? 1 : 0;
  }
  for (const v of violations) io.stdout(formatViolation(v) + '\n');
  if (violations.length > 0) io.stdout(`${summary(violations)}\n`);
  if (errors === 0 && old.text !== fresh) {
    io.stdout(`${parsed.lockFile} is out of date (objects added or removed, or allowed changes): run \`cdk8s-golden-paths lock update\` and commit it\n`);
  } else if (violations.length === 0) {
    io.stdout(`${parsed.lockFile}: no changes to locked fields\n`);
  }
  return errors > 0 ? 1 : 0;
}

/** `lock update`: accept everything and rewrite the lock. */
function update(parsed: Parsed, { old, fresh, violations }: Comparison, io: LockCommandIo): number {
  for (const v of violations) {
    io.stdout(`${v.severity === Severity.ERROR ? 'accepting ' : ''}${formatViolation(v)}\n`);
  }
  if (old.text === fresh) {
    io.stdout(`${parsed.lockFile} is up to date\n`);
    return 0;
  }
  try {
    writeFileAtomically(parsed.lockFile, fresh);
  } catch (e) {
    io.stderr(`error: cannot write the lock file ${parsed.lockFile}: ${(e as Error).message}\n`);
    return 2;
  }
  const count = (JSON.parse(fresh).objects as unknown[]).length;
  io.stdout(`${old.lock ? 'updated' : 'created'} ${parsed.lockFile} (${count} locked object${count === 1 ? '' : 's'}${violations.length ? `; ${summary(violations).replace('refused', 'accepted')}` : ''}): review the diff and commit it\n`);
  return 0;
}
