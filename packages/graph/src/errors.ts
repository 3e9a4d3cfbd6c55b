/** Stable codes a user or a script can match on; the message says what to do. */
export type ErrorCode =
  | 'SEAMS_INPUT_NOT_FOUND'
  | 'SEAMS_INPUT_NOT_DIRECTORY'
  | 'SEAMS_INPUT_UNREADABLE'
  | 'SEAMS_INPUT_EMPTY'
  | 'SEAMS_GRAPH_INVALID'
  | 'SEAMS_PLAN_INVALID'
  | 'SEAMS_PLAN_MISMATCH'
  | 'SEAMS_CONFIG_INVALID'
  | 'SEAMS_BASELINE_INVALID'
  | 'SEAMS_IMPORT_FORMAT_UNKNOWN'
  | 'SEAMS_OPTION_INVALID'
  | 'SEAMS_EDIT_REFUSED'
  | 'SEAMS_NOT_A_TERMINAL'
  | 'SEAMS_GIT_FAILED'
  | 'SEAMS_GIT_DIRTY'
  | 'SEAMS_OUTPUT_EXISTS'
  | 'SEAMS_OUTPUT_UNWRITABLE'
  | 'SEAMS_INTERNAL';

/** Base of every error seams reports as one line instead of a stack. */
export class SeamsError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** The user pointed seams at something that is not there or not usable. */
export class InputError extends SeamsError {}

/** A configuration file or option is invalid. */
export class ConfigError extends SeamsError {}

/** A saved graph or foreign graph could not be read. */
export class FormatError extends SeamsError {}

export function isSeamsError(error: unknown): error is SeamsError {
  return error instanceof SeamsError;
}
