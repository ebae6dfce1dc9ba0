/**
 * Text from data, made safe to print for a person: control characters, line breaks and bidirectional controls are
 * escaped as JSON escapes them (`\n`, `\r`, `\u001b`), so a record cannot colour or rewrite the terminal, nor start
 * a line of a CI log (where a line starting with `::` is a GitHub workflow command).
 */
const UNPRINTABLE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Several lines the tool writes itself, each made printable; lines after the first are indented. */
export function printableLines(text: string): string {
  return text
    .split('\n')
    .map((line, i) => (i > 0 ? '  ' : '') + printable(line))
    .join('\n');
}

/** An argument as a POSIX shell reads it back: as is when it is plain, otherwise in single quotes. */
export function shellQuote(arg: string): string {
  return /^[\w./:=@%+,-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** A command line to print for a person to paste: `npm run <script> -- <args>`, every argument quoted as needed. */
export function npmCommand(script: string, args: readonly string[]): string {
  return `npm run ${script}${args.length > 0 ? ` -- ${args.map(shellQuote).join(' ')}` : ''}`;
}
