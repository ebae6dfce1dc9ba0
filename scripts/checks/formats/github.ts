/**
 * GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`, shown as annotations on the
 * pull request's changed lines. Data is escaped as the runner expects (%, CR, LF; and , : in properties), after
 * control characters in messages are made printable (scripts/lib/printable.ts).
 */
import { summaryLine, type Finding } from '../../lib/findings.ts';
import { printable } from '../../lib/printable.ts';

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
