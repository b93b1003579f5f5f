import * as fs from 'fs';
import * as path from 'path';

/**
 * Reading and writing the lock file, for both doors (DeployLock at synth, the CLI).
 */

/**
 * The text of a lock file, or undefined when there is none. Throws an Error that names the file when it cannot be read.
 */
export function readLockText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException)?.code === 'ENOENT') return undefined;
    throw new Error(`cannot read the lock file ${file}: ${(e as Error).message}`);
  }
}

/**
 * Writes a whole file at once: a temporary file next to it, renamed over it, so a failure never leaves half a file.
 * Throws on failure (after removing the temporary file).
 */
export function writeFileAtomically(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing left to clean
    }
    throw e;
  }
}
