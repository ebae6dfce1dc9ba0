/** What every check reports: a finding located in a file, with the rule that raised it and a hint. */

export type Severity = 'error' | 'warning';

export interface Finding {
  /** The file, relative to the current directory (or as given). */
  file: string;
  /** 1-based line and column of the offending value in the file; 1:1 when the finding is about the whole file. */
  line: number;
  column: number;
  /** JSON pointer (RFC 6901) to the offending value; "" for the whole document. */
  pointer: string;
  /** The rule that raised it (a check's `name`). */
  rule: string;
  severity: Severity;
  /** One line saying what is wrong. */
  message: string;
  /** One line saying how to fix it. */
  hint: string;
  /** True when the validator itself failed (a check crashed, a file could not be read): exit code 2, not 1. */
  internal?: boolean;
}

/** Errors first, then by file, line, column and rule: the order every report uses. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/** How many errors and warnings, and in how many files. */
export function summarize(findings: readonly Finding[]): { errors: number; warnings: number; files: number } {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { errors, warnings: findings.length - errors, files: new Set(findings.map((f) => f.file)).size };
}

/**
 * The summary line every report ends with: "N errors, M warnings in K files (F files checked)", or "No errors or
 * warnings (F files checked)".
 */
export function summaryLine(findings: readonly Finding[], filesChecked: number): string {
  const { errors, warnings, files } = summarize(findings);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const checked = `(${plural(filesChecked, 'file')} checked)`;
  if (files === 0) return `No errors or warnings ${checked}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'file')} ${checked}`;
}
