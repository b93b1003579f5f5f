import { toJunit } from './junit';
import { LoadError } from './load-manifests';
import { toSarif } from './sarif';
import { Finding } from '../validation/finding';
import { ManifestInput, Validator } from '../validation/validate';

/**
 * The report formats of `validate` for CI systems (text and json are written by main.ts).
 */

/** Every format `validate --format` takes. */
export const REPORT_FORMATS = ['text', 'json', 'sarif', 'junit'] as const;
export type ReportFormat = typeof REPORT_FORMATS[number];

/** What a report is made from. */
export interface ReportInput {
  readonly findings: readonly Finding[];
  readonly inputs: readonly ManifestInput[];
  readonly loadErrors: readonly LoadError[];
}

/** The report in a CI format (SARIF, JUnit), or undefined for the formats main.ts writes itself. */
export function formatReport(format: ReportFormat, input: ReportInput, cwd: string = process.cwd()): string | undefined {
  if (format === 'sarif') {
    return JSON.stringify(toSarif({ findings: input.findings, rules: Validator.rules(), loadErrors: input.loadErrors, cwd }), null, 2) + '\n';
  }
  if (format === 'junit') return toJunit(input);
  return undefined;
}
