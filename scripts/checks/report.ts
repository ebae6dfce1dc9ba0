/**
 * The reports `npm run validate --format` prints: `human` (findings grouped by file, then a summary line), `json`
 * (one JSON document, format version 1, on stdout) and `github` (GitHub Actions workflow commands). Every field a
 * person reads is made printable (scripts/lib/printable.ts): data quoted in a message cannot start a line or colour it.
 */
import { summarize, summaryLine, type Finding } from '../lib/findings.ts';
import { printable } from '../lib/printable.ts';

/** Colour only for a terminal, and never when NO_COLOR is set to anything but the empty string (no-color.org). */
export function wantsColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === '');
}

export function formatHuman(findings: readonly Finding[], filesChecked: number, colour: boolean): string {
  const paint = (code: number, s: string) => (colour ? `\x1b[${code}m${s}\x1b[0m` : s);
  const lines: string[] = [];
  let current: string | null = null;
  for (const f of findings) {
    if (f.file !== current) {
      if (current !== null) lines.push('');
      lines.push(paint(4, printable(f.file)));
      current = f.file;
    }
    const severity = f.severity === 'error' ? paint(31, 'error  ') : paint(33, 'warning');
    lines.push(`  ${`${f.line}:${f.column}`.padEnd(8)} ${severity}  ${printable(f.message)}  ${paint(2, f.rule)}`);
    if (f.pointer) lines.push(`  ${' '.repeat(8)} ${paint(2, `at ${printable(f.pointer)}`)}`);
    lines.push(`  ${' '.repeat(8)} ${paint(36, 'hint:')} ${printable(f.hint)}`);
  }
  const { errors, warnings } = summarize(findings);
  if (lines.length > 0) lines.push('');
  const line = summaryLine(findings, filesChecked);
  lines.push(errors > 0 ? paint(31, line) : warnings > 0 ? paint(33, line) : paint(32, line));
  return `${lines.join('\n')}\n`;
}

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

/**
 * GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`, shown as annotations on the
 * pull request's changed lines. Data is escaped as the runner expects (%, CR, LF; and , : in properties).
 */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(findings: readonly Finding[], filesChecked: number): string {
  const lines = findings.map((f) => {
    const title = `${f.rule}${f.pointer ? ` at ${f.pointer}` : ''}`;
    const properties = `file=${escapeProperty(f.file)},line=${f.line},col=${f.column},title=${escapeProperty(title)}`;
    return `::${f.severity} ${properties}::${escapeData(`${printable(f.message)}\nhint: ${printable(f.hint)}`)}`;
  });
  lines.push(summaryLine(findings, filesChecked));
  return `${lines.join('\n')}\n`;
}
