/** The machine-readable report: one JSON document (format version 1) on stdout. */
import { summarize, type Finding } from '../../lib/findings.ts';

/** Bumped when a field is removed or changes meaning; new fields may appear without a bump. */
export const JSON_REPORT_VERSION = 1;

/** The report as a reader parses it. */
export interface JsonReport {
  version: number;
  summary: { errors: number; warnings: number; filesWithFindings: number; filesChecked: number };
  findings: Array<Pick<Finding, 'file' | 'line' | 'column' | 'pointer' | 'rule' | 'severity' | 'message' | 'hint'>>;
}

export function formatJson(findings: readonly Finding[], filesChecked: number): string {
  const { errors, warnings, files } = summarize(findings);
  const report: JsonReport = {
    version: JSON_REPORT_VERSION,
    summary: { errors, warnings, filesWithFindings: files, filesChecked },
    findings: findings.map(({ file, line, column, pointer, rule, severity, message, hint }) => ({
      file,
      line,
      column,
      pointer,
      rule,
      severity,
      message,
      hint,
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
