/** What every command-line script shares: user errors without stack traces, and exit codes. */

/** A mistake by the user (bad arguments, bad input): reported as one message, never with a stack trace. */
export class UserError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}

/** Stops the script with a user-facing message. */
export function fail(message: string, exitCode = 2): never {
  throw new UserError(message, exitCode);
}

/**
 * Runs a script's main function and exits with its code. A `UserError` prints its message; anything else is an
 * internal failure, reported with its stack and exit code 2.
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
          console.error(`error: ${error.message}`);
          process.exitCode = error.exitCode;
        } else if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
          console.error(`error: ${error.message}`);
          process.exitCode = 2;
        } else {
          console.error('internal error (please report it):', error);
          process.exitCode = 2;
        }
      },
    );
}
