// Typed errors that cross the IPC boundary as plain data ({code, message}).

export const ERROR_CODES = [
  'invalid_input', // the request does not match the channel's schema
  'not_found', // an id that does not exist (or no longer exists)
  'conflict', // the request is valid but breaks a rule of the plan
  'unknown_channel',
  'database', // the database refused or failed
  'unsupported', // this transport does not offer the channel (the browser host has no native dialogs)
  'file', // a file could not be read or written (permission, missing, too large)
  'unavailable', // the roster's process stopped or is restarting; the call may not have been applied
  'timeout', // the roster's process did not answer in time; it is restarted
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Issue = { path: string; message: string };
export type RungsErrorData = { code: ErrorCode; message: string; issues?: Issue[] };

export class RungsError extends Error {
  readonly code: ErrorCode;
  readonly issues: Issue[] | undefined;
  constructor(code: ErrorCode, message: string, issues?: Issue[]) {
    super(message);
    this.name = 'RungsError';
    this.code = code;
    this.issues = issues;
  }
  toData(): RungsErrorData {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: RungsErrorData };
