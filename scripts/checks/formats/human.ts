/**
 * The default report: findings grouped by file, then a summary line. Colour only when asked (a TTY, no NO_COLOR).
 * Every field is printable (scripts/lib/printable.ts): data quoted in a message cannot start a line or colour it.
 */
import { summarize, summaryLine, type Finding } from '../../lib/findings.ts';
import { printable } from '../../lib/printable.ts';

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
