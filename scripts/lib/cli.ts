/** What every command-line script shares: user errors without stack traces, and exit codes. */
import { inspect } from 'node:util';
import { printableLines } from './printable.ts';

/** A mistake by the user (bad arguments, bad input): reported as one message, never with a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** Stops the script with a user-facing message. */
export function fail(message: string, exitCode = 2): never {
  throw new UserError(message, exitCode);
}

/** What the machine, not the script, lacks: the system error codes reported as one message with a hint. */
const ENVIRONMENT_CODES: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
};

/**
 * A one-line message for a failure of the machine (a full disk, say), or null. The code is looked for on the error
 * and in its message, since an error from another thread arrives as text.
 */
export function environmentProblem(error: unknown): string | null {
  const text = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const found =
    typeof code === 'string' && code in ENVIRONMENT_CODES
      ? code
      : Object.keys(ENVIRONMENT_CODES).find((c) => new RegExp(`\\b${c}\\b`).test(text));
  if (found === undefined) return null;
  const detail = text.split('\n')[0]!.trim();
  return `${ENVIRONMENT_CODES[found]} (${found}): ${detail}\n  hint: make room (or write elsewhere) and run the command again.`;
}

/**
 * Runs a script's main function and exits with its code. A `UserError` prints its message, and so does a failure
 * of the machine (a full disk); anything else is an internal failure, reported with its stack and exit code 2.
 */
export function runMain(main: () => number | Promise<number>): void {
  Promise.resolve()
    .then(main)
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        if (error instanceof UserError) {
          console.error(`error: ${printableLines(error.message)}`);
          process.exitCode = error.exitCode;
        } else if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
          console.error(`error: ${error.message}`);
          process.exitCode = 2;
        } else {
          const problem = environmentProblem(error);
          if (problem) console.error(`error: ${problem}`);
          else console.error(`internal error (please report it): ${printableLines(inspect(error))}`);
          process.exitCode = 2;
        }
      },
    );
}
