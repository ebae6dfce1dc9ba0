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
}
