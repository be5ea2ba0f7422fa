/**
 * The one error type of the domain and use-case layers. `code` is a closed union so the server can map
 * every code to an HTTP status exhaustively (src/server/errors.ts); `message` is Chinese and user-safe.
 */
export type DomainErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_DISABLED'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'LOGIN_THROTTLED'
  | 'CSRF_REJECTED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PASSWORD_POLICY'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_FILE'
  | 'AUDIT_CHAIN_BROKEN'
  | 'CALENDAR_YEAR_MISSING'
  /** The shared file directory lacks a file, or holds an altered one (decision 0029). */
  | 'FILE_STORE_UNAVAILABLE';

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  /** Optional machine-readable detail (field name, row number …), never secrets. */
  readonly details: Record<string, unknown> | undefined;

  constructor(code: DomainErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

/** Shorthand for the most common error: one named field is invalid. */
export function fieldError(field: string, label: string, problem: string): DomainError {
  return new DomainError('VALIDATION_FAILED', `${label}：${problem}`, { field });
}
