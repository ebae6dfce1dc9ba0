/**
 * What every command-line script shares: typed errors with stable codes, and exit statuses derived from them. A
 * user error (bad arguments or input), a data error, an internal error and a failure of the machine (a full disk)
 * each have a `code` (table: ERROR_CODES, documented in docs/errors.md); `coded()` gives any thrown value its code,
 * from the error's class or its system error code, never from its message.
 */
import { readFileSync } from 'node:fs';
import { inspect, parseArgs, type ParseArgsConfig } from 'node:util';
import { printableLines } from './printable.ts';

/** Every error code: its exit status, the system error it stands for, what it means (as docs/errors.md says). */
export const ERROR_CODES = {
  E_USAGE: { exit: 2, means: 'A user error: bad arguments or input the command cannot use. The message says which.' },
  E_DATA: {
    exit: 1,
    means:
      'The data or the files given are wrong (validation findings, an inconsistent build): fix what the message names.',
  },
  E_INTERNAL: { exit: 2, means: 'A bug in the tools, not in your data or arguments: please report it.' },
  E_ENV_NOSPACE: { exit: 2, errno: 'ENOSPC', means: 'No space left on the device (ENOSPC).' },
  E_ENV_QUOTA: { exit: 2, errno: 'EDQUOT', means: 'The disk quota is used up (EDQUOT).' },
  E_ENV_READONLY: { exit: 2, errno: 'EROFS', means: 'The file system is read-only (EROFS).' },
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** The Markdown table of the codes, as docs/errors.md holds it. */
export function errorTable(): string {
  const rows = Object.entries(ERROR_CODES).map(([code, { exit, means }]) => `| \`${code}\` | ${exit} | ${means} |`);
  return ['| code | exit status | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}

/**
 * An error with a stable code; reported as one message (with its hint), never with a stack trace, except an internal
 * error (`E_INTERNAL`: a bug in the tools), which is reported with the stack of what failed.
 */
export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }

  /** The process exit status for this error. */
  get exitCode(): number {
    return ERROR_CODES[this.code].exit;
  }

  /** The lines printed on standard error. */
  format(): string {
    if (this.code === 'E_INTERNAL') {
      const failed = this.cause === undefined ? this.message : inspect(this.cause);
      return `internal error (please report it): ${printableLines(failed)}`;
    }
    return `error: ${printableLines(this.message)}${this.hint ? `\n  hint: ${printableLines(this.hint)}` : ''}`;
  }
}

/**
 * A mistake by the user (bad arguments, bad input): `E_USAGE`; with exit status 1, the data is wrong: `E_DATA`.
 */
export class UserError extends CodedError {
  constructor(message: string, exitCode: 1 | 2 = 2, hint?: string) {
    super(exitCode === 1 ? 'E_DATA' : 'E_USAGE', message, hint);
  }
}

const MAKE_ROOM = 'make room (or write elsewhere) and run the command again.';

/** Stops the script with a user-facing message (and a hint saying what to do). */
export function fail(message: string, exitCode: 1 | 2 = 2, hint?: string): never {
  throw new UserError(message, exitCode, hint);
}

/** A file's text, or a user error saying why it cannot be read. */
export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    return fail(`${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
}

const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;
/** Thrown once `--help` is printed: runMain ends the command there, with status 0. */
class HelpShown extends Error {}

/** Stops a command whose arguments are wrong: a usage error (E_USAGE), the usage's first paragraph as its hint. */
export function usageError(usage: string, message: string): never {
  const [synopsis, ...more] = usage.split('\n\n');
  throw new UserError(message, 2, more.length > 0 ? `${synopsis}\n(--help says more)` : synopsis);
}

/**
 * A command's arguments, read strictly by node:util's parseArgs: `--help` (or `-h`) prints `usage` and ends the
 * command (HelpShown); an unknown option, an option without its value, or an argument where `positionals` is false,
 * is a usage error.
 */
export function commandLine<const O extends NonNullable<ParseArgsConfig['options']>>(
  usage: string,
  options: O,
  positionals = true,
) {
  let parsed;
  try {
    parsed = parseArgs({ options: { ...options, ...HELP }, allowPositionals: true });
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) usageError(usage, (error as Error).message);
    throw error;
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    throw new HelpShown();
  }
  if (!positionals && parsed.positionals.length > 0)
    usageError(usage, `unexpected argument ${JSON.stringify(parsed.positionals[0])}`);
  return parsed;
}

/**
 * Any thrown value as a coded error: coded errors stay, system errors of the machine get theirs, the rest is internal.
 */
export function coded(error: unknown): CodedError {
  if (error instanceof CodedError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const machine = Object.entries(ERROR_CODES).find(([, c]) => 'errno' in c && c.errno === code);
  if (machine) {
    const what = machine[1].means.replace(/ \(\w+\)\.$/, '').toLowerCase();
    return new CodedError(
      machine[0] as ErrorCode,
      `${what} (${String(code)}): ${message.split('\n')[0]!.trim()}`,
      MAKE_ROOM,
    );
  }
  return new CodedError('E_INTERNAL', message, undefined, { cause: error });
}

/** Runs a script's main function and exits with its status, or with the status of the error it throws. */
export function runMain(main: () => number | Promise<number>): void {
  Promise.resolve()
    .then(main)
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        if (error instanceof HelpShown) return;
        const failure = coded(error);
        console.error(failure.format());
        process.exitCode = failure.exitCode;
      },
    );
}
