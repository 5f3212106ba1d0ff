/**
 * Errors meant for the user: the CLI prints `message` as one line (no stack) and exits with
 * `exitCode`. Everything else that is thrown is a programming mistake.
 */
export class UserError extends Error {
  override name = 'UserError';
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** Exit 2: the command line is wrong. */
export class UsageError extends UserError {
  override name = 'UsageError';
  constructor(message: string) {
    super(message, 2);
  }
}

/** Exit 3: the input cannot be read or is not a supported story file. */
export class InputError extends UserError {
  override name = 'InputError';
  constructor(message: string) {
    super(message, 3);
  }
}
